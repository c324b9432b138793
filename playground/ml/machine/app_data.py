"""The app's own data folder for files it keeps for every project: imported pretrained weights and
datasets a classroom kit brought (`$XDG_DATA_HOME/cnn-playground`, by default
`~/.local/share/cnn-playground`, on every system)."""

from __future__ import annotations

import os
from pathlib import Path


def app_data_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "cnn-playground"
