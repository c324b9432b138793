"""The SHA-256 of a file, read in blocks (an image folder's photos or a bundle's checkpoints can
be large): what training jobs' and bundles' manifests record and check."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
