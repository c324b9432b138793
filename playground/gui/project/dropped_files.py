"""Files and folders dropped on (or pasted into) the window, as local paths."""

from __future__ import annotations

from pathlib import Path


def local_paths(mime) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
