"""Decoded images kept on disk, so the same files are decoded once, not once per process.

The window decodes a folder to show it; the training process then needs the very same tensors,
and so does the window when the project is reopened. Each decoded set is stored as one
safetensors file (tensors only: nothing in it can run code) named by a hash of what the pixels
depend on: every file's path, size and modification time (or a built-in dataset's name and
files), the image size and the channels. A changed, added or removed file changes the name, so a
stale set is never used; old sets are removed, least recently used first, past a size limit.

A cache file that cannot be read is treated as missing: the images are decoded again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors import safe_open
from safetensors.torch import save_file

CACHE_ENV = "CNN_PLAYGROUND_CACHE_DIR"
FORMAT = 1  # part of every key: a new layout never reads an old file
LIMIT_BYTES = 4 * 1024**3  # the cache's total size; beyond it the least recently used go
SUFFIX = ".images.safetensors"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "cnn-playground" / "images"


def key_of(description: object, files: list[Path] = (), root: Path | None = None) -> str:
    """A name for what the pixels depend on: `description` (JSON-able: the source, size, channels,
    class names), the app's version (a new decoder decodes anew) and each file's name (relative to
    `root`, so the same folder reached through `..` or a link gives the same key), size, times and
    inode (a file replaced with the same size and a restored time still differs in its ctime)."""
    from playground import __version__

    digest = hashlib.sha256(json.dumps([FORMAT, __version__, description], sort_keys=True, default=str).encode())
    for path in files:
        name = os.path.relpath(path, root) if root is not None else str(path)
        try:
            stat = path.stat()
            facts = f"{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}"
        except OSError:
            facts = "missing"
        digest.update(f"{name}\0{facts}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:40]


@dataclass
class CachedImages:
    images: torch.Tensor  # uint8 N×C×H×W
    labels: torch.Tensor  # int64 N
    extra: dict  # what the caller stored beside them (paths, skipped files)


def load(key: str, shape: tuple[int, int, int]) -> CachedImages | None:
    """The images stored under `key` if they are there, readable and of this C×H×W shape."""
    path = cache_dir() / f"{key}{SUFFIX}"
    if not path.is_file():
        return None
    try:
        with safe_open(str(path), framework="pt") as handle:
            extra = json.loads((handle.metadata() or {}).get("extra", "{}"))
            images, labels = handle.get_tensor("images"), handle.get_tensor("labels")
        good = (
            images.dtype == torch.uint8
            and labels.dtype == torch.int64
            and images.ndim == 4
            and tuple(images.shape[1:]) == tuple(shape)
            and labels.shape == (images.shape[0],)
            and isinstance(extra, dict)
        )
    except Exception:  # truncated, corrupt or from elsewhere: decode again
        good = False
    if not good:
        with contextlib.suppress(OSError):
            path.unlink()  # ours (our folder, our suffix): a bad one would be read again and again
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return CachedImages(images, labels, extra)


def store(key: str, images: torch.Tensor, labels: torch.Tensor, extra: dict) -> None:
    """Keep the images for next time. Best effort: a full disk or a read-only cache only means
    decoding again later."""
    folder = cache_dir()
    target = folder / f"{key}{SUFFIX}"
    if images.numel() > LIMIT_BYTES // 2:
        return  # a set that would push everything else out is decoded each time instead
    temp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{key}.", suffix=".cnnpg-tmp", dir=folder)
        os.close(fd)
        tensors = {"images": images.contiguous(), "labels": labels.to(torch.int64).contiguous()}
        save_file(tensors, temp, metadata={"extra": json.dumps(extra)})
        os.replace(temp, target)
        temp = None
        _trim(folder, LIMIT_BYTES)
    except Exception:  # a full disk, a read-only folder, an odd value in `extra`: decode again next time
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


STALE_TEMP_SECONDS = 3600  # a temporary file this old is a write that was killed, not one going on


def _trim(folder: Path, limit: int) -> None:
    """Remove the least recently used sets until the cache is within `limit` bytes, and the
    temporary files of writes that were killed (ours: this folder, this suffix)."""
    now = time.time()
    for temp in folder.glob(".*.cnnpg-tmp"):
        with contextlib.suppress(OSError):
            if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                temp.unlink()
    entries = []
    for path in folder.glob(f"*{SUFFIX}"):
        with contextlib.suppress(OSError):
            stat = path.stat()
            entries.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            total -= size
