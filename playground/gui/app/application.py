"""The QApplication, made once, named for QSettings and the task bar: the window and every page
opened alone for a look (`gui.standalone`) start from here."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("CNN Playground")
    app.setOrganizationName("CNN Playground")
    return app
