"""Start the desktop app: `cnn-playground` or `cnn-playground gui [PROJECT]`."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from playground.gui.app.application import make_application
from playground.gui.app.config import config_dir
from playground.gui.app.translation import install_translators, interface_language
from playground.gui.background.tasks import Task
from playground.gui.background.training_process import TrainingProcess
from playground.gui.window.main_window import MainWindow
from playground.spec.project import remove_stale_temp_files

RUN_FOLDERS_KEPT_DAYS = 7


def remove_old_runs(folder: Path, days: float = RUN_FOLDERS_KEPT_DAYS) -> list[Path]:
    """The window's runs live for a session (their checkpoints serve "Continue training"); the
    folders of sessions long gone are removed. Checkpoints the user saved are elsewhere."""
    removed = []
    limit = time.time() - days * 86400
    for run_folder in folder.glob("*") if folder.is_dir() else []:
        try:
            if run_folder.is_dir() and run_folder.stat().st_mtime < limit:
                shutil.rmtree(run_folder)
                removed.append(run_folder)
        except OSError:
            continue
    return removed


def run(project_path: str | None = None) -> int:
    app = make_application()
    install_translators(interface_language())
    remove_stale_temp_files(config_dir() / "autosave")
    remove_old_runs(config_dir() / "runs")
    window = MainWindow()
    if not window.offer_recovery() and project_path:
        window.open_project(Path(project_path))  # a project with its runs and model, or a bundle
    window.show()
    QTimer.singleShot(0, window.start_background_work)  # after the first paint
    status = app.exec()
    # Let background threads end before the interpreter does: one still inside torch at exit
    # aborts the process. (The window's close has already stopped any training.)
    TrainingProcess.stop_all()  # the close has stopped it; nothing may outlive the app in any case
    Task.stop_all()
    return status


if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
