"""Start the desktop app: `cnn-playground` or `cnn-playground gui [PROJECT]`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from playground.gui.main_window import MainWindow
from playground.gui.settings import config_dir
from playground.spec.errors import PlaygroundError
from playground.spec.project import load_project, remove_stale_temp_files


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("CNN Playground")
    app.setOrganizationName("CNN Playground")
    return app


def run(project_path: str | None = None) -> int:
    app = make_application()
    remove_stale_temp_files(config_dir() / "autosave")
    window = MainWindow()
    if not window.offer_recovery() and project_path:
        try:
            window.document.reset(load_project(Path(project_path)), Path(project_path))
        except PlaygroundError as error:
            QMessageBox.warning(window, window.tr("Cannot open project"), str(error))
    window.show()
    QTimer.singleShot(0, window.start_background_work)  # after the first paint
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
