"""Where the app keeps its settings, recent files and autosave: one folder, overridable for tests."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

CONFIG_ENV = "CNN_PLAYGROUND_CONFIG_DIR"
MAX_RECENT = 8


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        folder = Path(override)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
        folder = Path(location or Path.home() / ".config") / "cnn-playground"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def app_settings() -> QSettings:
    return QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    value = app_settings().value("recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [Path(p) for p in value or [] if Path(p).exists()]


def add_recent_file(path: Path) -> None:
    paths = [str(path.resolve())] + [str(p) for p in recent_files() if p.resolve() != path.resolve()]
    app_settings().setValue("recent_files", paths[:MAX_RECENT])
