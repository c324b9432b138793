"""Decoded images kept on disk, so the same files are decoded once, not once per process.

The window decodes a folder to show it; the training process then needs the very same tensors,
and so does the window when the project is reopened. Each decoded set is stored as one
safetensors file (tensors only: nothing in it can run code) named by a hash of what the pixels
depend on: every file's path, size, times and label (or a built-in dataset's name and files), the
image size and the channels. A changed, added or removed file changes the name, so a stale set is
never used; old sets are removed, least recently used first, past a size limit.

The name alone is not trusted: each file also stores what it was made from, compared on every
read, and its labels and count are checked against the files (a set of another folder copied
under this name, shifted labels, fewer images are all decoded again, never used).
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

from playground.spec.text import json_text

CACHE_ENV = "CNN_PLAYGROUND_CACHE_DIR"
FORMAT = 1  # part of every key: a new layout never reads an old file
LIMIT_BYTES = 4 * 1024**3  # the cache's total size; beyond it the least recently used go
SUFFIX = ".images.safetensors"
MAX_METADATA_BYTES = 64 * 1024**2  # safetensors reads a header of at most 100 MB: what is written reads back


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


@dataclass(frozen=True)
class Source:
    """What a decoded set is made from, stored in its file and compared on every read: a hit is a
    file made from exactly these files (names, sizes, times, labels) at this size, nothing else.
    `files` rows are [name, size, mtime_ns, ctime_ns, inode, label] (label None for a built-in
    set's data files); `count` is how many images a built-in set must hold (None for a folder,
    whose images are its readable files)."""

    description: list
    files: list
    num_classes: int
    count: int | None = None

    @property
    def key(self) -> str:
        from playground import __version__

        text = json_text([FORMAT, __version__, self.description, self.files, self.num_classes, self.count])
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    @property
    def made_from(self) -> str:
        return json_text([self.description, self.files, self.num_classes, self.count])


def source_of(
    description: list,
    files: list[tuple[Path, int | None]],
    num_classes: int,
    *,
    root: Path | None = None,
    count: int | None = None,
) -> Source:
    """The Source of `files` (each with its label): each file's name (relative to `root`, so the same
    folder reached through `..` or a link gives the same key), size, times and inode (a file
    replaced with the same size and a restored time still differs in its ctime)."""
    rows = []
    for path, label in files:
        name = os.path.relpath(path, root) if root is not None else str(path)
        try:
            stat = path.stat()
            facts = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        except OSError:
            facts = [None, None, None, None]
        rows.append([name, *facts, label])
    return Source(list(description), rows, num_classes, count)


@dataclass
class CachedImages:
    images: torch.Tensor  # uint8 N×C×H×W
    labels: torch.Tensor  # int64 N
    extra: dict  # what the caller stored beside them (paths, skipped files)


def _path(source: Source) -> Path:
    return cache_dir() / f"{source.key[:40]}{SUFFIX}"


def load(source: Source, shape: tuple[int, int, int]) -> CachedImages | None:
    """The images stored for `source` if they are there, readable, of this C×H×W shape, made from
    exactly `source`, and consistent with it (labels in range and those of the files they came
    from, as many images as it has)."""
    path = _path(source)
    if not path.is_file():
        return None
    try:
        with safe_open(str(path), framework="pt") as handle:
            metadata = handle.metadata() or {}
            extra = json.loads(metadata.get("extra", "{}"))
            good = metadata.get("made_from") == source.made_from and isinstance(extra, dict)
            if good:
                images, labels = handle.get_tensor("images"), handle.get_tensor("labels")
                good = _consistent(source, shape, images, labels, extra)
    except Exception:  # truncated, corrupt or from elsewhere: decode again
        good = False
    if not good:
        with contextlib.suppress(OSError):
            path.unlink()  # ours (our folder, our suffix): a bad one would be read again and again
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return CachedImages(images, labels, extra)


def _consistent(source: Source, shape: tuple[int, int, int], images, labels, extra: dict) -> bool:
    if not (images.dtype == torch.uint8 and images.ndim == 4 and tuple(images.shape[1:]) == tuple(shape)):
        return False
    count = images.shape[0]
    if not (labels.dtype == torch.int64 and tuple(labels.shape) == (count,)):
        return False
    if count and not (int(labels.min()) >= 0 and int(labels.max()) < source.num_classes):
        return False
    if source.count is not None:
        return count == source.count
    # A folder: each image is one of its files, with that file's label, and every other file is one
    # that was skipped (each file once: by its index in `source.files`).
    rows = extra.get("rows")
    skipped = extra.get("skipped")
    if not (isinstance(rows, list) and len(rows) == count and isinstance(skipped, list)):
        return False
    if not all(isinstance(record, dict) for record in skipped):
        return False
    every = rows + [record.get("row") for record in skipped]
    if not all(isinstance(row, int) and not isinstance(row, bool) for row in every):
        return False
    if sorted(every) != list(range(len(source.files))):
        return False
    return [source.files[row][5] for row in rows] == labels.tolist()


def store(source: Source, images: torch.Tensor, labels: torch.Tensor, extra: dict) -> None:
    """Keep the images for next time, with what they were made from. Best effort: a full disk or a
    read-only cache only means decoding again later."""
    folder = cache_dir()
    target = _path(source)
    if images.numel() > LIMIT_BYTES // 2:
        return  # a set that would push everything else out is decoded each time instead
    metadata = {"extra": json_text(extra), "made_from": source.made_from}
    if sum(len(text) for text in metadata.values()) > MAX_METADATA_BYTES:
        return  # a header safetensors would refuse to read back: decoded each time instead
    temp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".cnnpg-tmp", dir=folder)
        os.close(fd)
        tensors = {"images": images.contiguous(), "labels": labels.to(torch.int64).contiguous()}
        save_file(tensors, temp, metadata=metadata)
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
