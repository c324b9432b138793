"""The Qt views: the main window and one module per page."""
