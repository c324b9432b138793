"""The camera in the window: choosing a source, its live frames on a background task, a view of
them, and recording them into a class (the Data page's "Record with the camera")."""
