"""A folder whose decoded images do not fit the memory the app may use: decoded a chunk at a time
straight into the cache on disk, then read from there memory-mapped (`MappedImages`).

The file is a safetensors file (tensors only, nothing in it can run code) with three tensors: the
images (uint8 N×C×H×W, first, so that they can be mapped in place), the labels (int64 N) and the
list of paths and skipped files as UTF-8 JSON bytes (too long for a header that is written last).
Its header has a fixed reserved size, padded with spaces as the format allows, because how many
images are readable is known only at the end. Only whole files are ever seen under the final name
(written beside it, then renamed), and a file that does not check out is decoded again.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import struct
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from playground.ml.data import image_cache
from playground.ml.data.mapped_images import MappedImages
from playground.ml.machine import memory_budget
from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message

SUFFIX = ".mapped-images.safetensors"
HEADER_BYTES = 1024  # reserved for the JSON header; 8 + 1024 keeps the images 8-byte aligned
CHUNK_BYTES = 32 * 1024**2  # decoded at once (at most a 16th of the usable memory), written, dropped from the cache
DISK_MARGIN = 256 * 1024**2  # left free on the disk after the set is written
KEEP = 2  # mapped sets kept in the cache (each may be larger than the machine's memory)


@dataclass
class MappedSet:
    images: MappedImages
    labels: torch.Tensor  # int64 N, in memory
    extra: dict  # paths and skipped files, as the in-memory cache keeps them


def path_of(key: str) -> Path:
    return image_cache.cache_dir() / f"{key}{SUFFIX}"


def load(key: str, shape: tuple[int, int, int]) -> MappedSet | None:
    """The set stored under `key`, mapped, if it is there and checks out (else it is removed)."""
    path = path_of(key)
    if not path.is_file():
        return None
    try:
        mapped = _open(path, tuple(shape))
    except Exception:  # truncated, corrupt or from elsewhere: decode again
        mapped = None
    if mapped is None:
        with contextlib.suppress(OSError):
            path.unlink()  # ours (our folder, our suffix): a bad one would be read again and again
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return mapped


def _open(path: Path, shape: tuple[int, int, int]) -> MappedSet | None:
    size = path.stat().st_size
    with open(path, "rb") as handle:
        (header_length,) = struct.unpack("<Q", handle.read(8))
        if header_length != HEADER_BYTES:
            return None
        header = json.loads(handle.read(header_length))
        images, labels, extra = header["images"], header["labels"], header["extra"]
        count = images["shape"][0]
        image_bytes = count * math.prod(shape)
        good = (
            images["dtype"] == "U8"
            and tuple(images["shape"]) == (count, *shape)
            and images["data_offsets"] == [0, image_bytes]
            and labels["dtype"] == "I64"
            and labels["shape"] == [count]
            and labels["data_offsets"] == [image_bytes, image_bytes + 8 * count]
            and extra["dtype"] == "U8"
            and extra["data_offsets"][0] == image_bytes + 8 * count
            and 8 + header_length + extra["data_offsets"][1] == size
        )
        if not good:
            return None
        start = 8 + header_length
        handle.seek(start + image_bytes)
        label_array = np.frombuffer(handle.read(8 * count), dtype="<i8").astype(np.int64)
        extra_value = json.loads(handle.read().decode("utf-8"))
    if not isinstance(extra_value, dict) or (count and label_array.min() < 0):
        return None
    return MappedSet(
        MappedImages.from_file(str(path), start, (count, *shape)), torch.from_numpy(label_array), extra_value
    )


def check_disk_space(count: int, shape: tuple[int, int, int]) -> None:
    """Refuse, before decoding, a set the cache's disk cannot hold."""
    folder = image_cache.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    needed = count * math.prod(shape) + DISK_MARGIN
    free = shutil.disk_usage(folder).free
    if needed > free:
        raise DataError(
            Message(
                messages.LARGE_SET_NO_DISK,
                count=f"{count:,}",
                needed=f"{needed / 1024**3:.1f}",
                free=f"{free / 1024**3:.1f}",
                folder=str(folder),
            )
        )


Decode = Callable[[list[int]], tuple[list[np.ndarray | None], list]]  # file indices -> arrays, skipped
Describe = Callable[[list[int], list], dict]  # (indices of the files kept, skipped files) -> what to keep beside


def decode_into_cache(
    key: str, shape: tuple[int, int, int], labels_of_files: list[int], decode: Decode, describe: Describe
) -> MappedSet:
    """Decode every file (by index, a chunk at a time, with `decode`) into the cache under `key`, and
    map it. Memory holds one chunk at a time, whatever the set's size."""
    check_disk_space(len(labels_of_files), shape)
    folder = image_cache.cache_dir()
    per_image = math.prod(shape)
    chunk = max(1, min(CHUNK_BYTES, memory_budget.usable_bytes() // 16) // per_image)
    fd, temp = tempfile.mkstemp(prefix=f".{key}.", suffix=".cnnpg-tmp", dir=folder)
    labels: list[int] = []
    kept: list[int] = []
    skipped: list = []
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(b"\0" * (8 + HEADER_BYTES))
            for start in range(0, len(labels_of_files), chunk):
                indices = list(range(start, min(start + chunk, len(labels_of_files))))
                arrays, chunk_skipped = decode(indices)
                skipped += chunk_skipped
                good = [(i, a) for i, a in zip(indices, arrays, strict=True) if a is not None]
                for _, array in good:  # one by one: no stacked copy of the chunk
                    out.write(memoryview(np.ascontiguousarray(array)))
                labels += [labels_of_files[i] for i, _ in good]
                kept += [i for i, _ in good]
                _drop_from_page_cache(out)  # written pages leave memory: the set is larger than it
            extra = json.dumps(describe(kept, skipped)).encode("utf-8")
            image_bytes = len(labels) * per_image
            out.write(np.asarray(labels, dtype="<i8").tobytes())
            out.write(extra)
            header = {
                "images": {"dtype": "U8", "shape": [len(labels), *shape], "data_offsets": [0, image_bytes]},
                "labels": {
                    "dtype": "I64",
                    "shape": [len(labels)],
                    "data_offsets": [image_bytes, image_bytes + 8 * len(labels)],
                },
                "extra": {
                    "dtype": "U8",
                    "shape": [len(extra)],
                    "data_offsets": [image_bytes + 8 * len(labels), image_bytes + 8 * len(labels) + len(extra)],
                },
            }
            text = json.dumps(header).encode("ascii")
            out.seek(0)
            out.write(struct.pack("<Q", HEADER_BYTES) + text.ljust(HEADER_BYTES, b" "))
        os.replace(temp, path_of(key))
        temp = None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _trim(keep=path_of(key))
    mapped = load(key, shape)
    if mapped is None:  # written but not readable back: the disk is failing
        raise DataError(Message(messages.LARGE_SET_UNREADABLE, path=str(path_of(key))))
    return mapped


def _drop_from_page_cache(out) -> None:
    """Written pages count against a container's memory until they are on the disk: write them out
    and let the kernel drop them (Linux; elsewhere the kernel decides alone)."""
    if not hasattr(os, "posix_fadvise"):
        return
    out.flush()
    os.fdatasync(out.fileno())
    os.posix_fadvise(out.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _trim(keep: Path) -> None:
    """Keep the newest few mapped sets: each may be larger than the machine's memory."""
    entries = []
    for path in image_cache.cache_dir().glob(f"*{SUFFIX}"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        if path != keep:
            with contextlib.suppress(OSError):
                path.unlink()
