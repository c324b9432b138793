"""Open one page or widget alone, on the default project, for a look while working on it:
`python -m playground.gui.pages.train.page` (every page module ends with such a block)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from playground.gui.app.application import make_application
from playground.gui.background.tasks import Task
from playground.gui.project.classes import ClassNames
from playground.gui.project.dataset_loader import DatasetLoader
from playground.gui.project.default_project import default_project
from playground.gui.project.document import ProjectDocument


def run_alone(make: Callable[[ProjectDocument, ClassNames, DatasetLoader], QWidget]) -> None:
    app = make_application()
    document = ProjectDocument(default_project())
    loader = DatasetLoader(document)
    widget = make(document, ClassNames(document), loader)
    widget.standalone_parts = (document, loader)  # they live as long as the widget that uses them
    widget.setWindowTitle(f"{type(widget).__name__} — CNN Playground")
    widget.resize(1100, 720)
    widget.show()
    status = app.exec()
    # As the app does: no thread of ours may still be inside torch when the interpreter exits.
    Task.stop_all()
    sys.exit(status)
