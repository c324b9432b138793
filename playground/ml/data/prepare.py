"""Datasets as the engine sees them: uint8 tensors in memory, split, normalised, batched.

Small datasets are decoded once and kept in memory as uint8 N×C×H×W tensors (a 2,000-image
folder at 64x64 RGB is 25 MB); augmentation then runs on batches without touching the disk.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from playground.ml.data import image_cache, streamed_cache
from playground.ml.data.builtin import builtin_dataset
from playground.ml.data.folders import resolve_source_folder, scan_image_folder
from playground.ml.data.images import BadImage, decode_image
from playground.ml.data.mapped_images import MappedImages
from playground.ml.machine.memory_budget import RESIZE_CHUNK, STATS_BYTES, STATS_CHUNK, check_images_fit, images_fit
from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message, text_of
from playground.spec.settings import DataSettings

Progress = Callable[[int, int], None]  # (done, total)


class LoadCancelled(Exception):
    """The user cancelled loading a folder."""


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ImageSet:
    images: torch.Tensor | MappedImages  # uint8, N×C×H×W; mapped from the disk when larger than memory
    labels: torch.Tensor  # int64, N
    class_names: tuple[str, ...]
    skipped: list[SkippedFile] = field(default_factory=list)
    paths: list[str] | None = None  # for image folders: where each image came from

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def class_counts(self) -> list[int]:
        return torch.bincount(self.labels, minlength=len(self.class_names)).tolist()

    def subset(self, indices: torch.Tensor) -> ImageSet:
        paths = [self.paths[i] for i in indices.tolist()] if self.paths is not None else None
        images = self.images.subset(indices) if isinstance(self.images, MappedImages) else self.images[indices]
        return ImageSet(images, self.labels[indices], self.class_names, [], paths)

    @property
    def mapped(self) -> bool:
        """Read from the disk as needed (larger than the memory the app may use)."""
        return isinstance(self.images, MappedImages)


# ---------------------------------------------------------------------------------------- arrays


def resize_batch(images: np.ndarray | torch.Tensor, size: tuple[int, int], channels: int) -> torch.Tensor:
    """uint8 images N×H×W, N×H×W×C or N×C×H×W (torch) to a uint8 N×channels×H×W tensor of `size`."""
    tensor = torch.as_tensor(images)
    if isinstance(images, np.ndarray):
        tensor = tensor.unsqueeze(1) if tensor.ndim == 3 else tensor.permute(0, 3, 1, 2)
    check_images_fit(len(tensor), channels, size)
    return torch.cat([_resize_chunk(chunk, size, channels) for chunk in tensor.split(RESIZE_CHUNK)]).contiguous()


def _resize_chunk(chunk: torch.Tensor, size: tuple[int, int], channels: int) -> torch.Tensor:
    """One chunk at a time: only the uint8 result of the whole set is ever held."""
    chunk = chunk.float()
    if chunk.shape[1] == 3 and channels == 1:  # ITU-R 601 luma, as Pillow's "L"
        weights = torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)
        chunk = (chunk * weights).sum(1, keepdim=True)
    elif chunk.shape[1] == 1 and channels == 3:
        chunk = chunk.expand(-1, 3, -1, -1)
    if tuple(chunk.shape[-2:]) != tuple(size):
        chunk = F.interpolate(chunk, size=size, mode="bilinear", align_corners=False, antialias=True)
    return chunk.round().clamp_(0, 255).to(torch.uint8)


_builtin_cache: dict[tuple, ImageSet] = {}
_builtin_lock = threading.Lock()


def load_builtin(source: str, size: tuple[int, int], channels: int) -> ImageSet:
    dataset = builtin_dataset(source)
    key = (dataset.name, dataset.location(), tuple(size), channels)
    with _builtin_lock:
        if key not in _builtin_cache:
            _builtin_cache[key] = _load_builtin_through_disk_cache(dataset, size, channels)
        return _builtin_cache[key]


def _load_builtin_through_disk_cache(dataset, size: tuple[int, int], channels: int) -> ImageSet:
    location = Path(dataset.location()) if dataset.location() else None
    files = sorted(location.iterdir()) if location is not None and location.is_dir() else []
    description = ["builtin", dataset.name, str(location), list(size), channels]
    source = image_cache.source_of(
        description, [(file, None) for file in files], len(dataset.class_names), count=dataset.size
    )
    cached = image_cache.load(source, (channels, *size))
    if cached is not None:
        return ImageSet(cached.images, cached.labels, dataset.class_names)
    images, labels = dataset.load(0)
    image_set = ImageSet(resize_batch(images, size, channels), torch.as_tensor(labels), dataset.class_names)
    image_cache.store(source, image_set.images, image_set.labels, {})
    return image_set


# ---------------------------------------------------------------------------------------- folders


def decode_files(
    paths: list[Path],
    size: tuple[int, int],
    channels: int,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[list[np.ndarray | None], list[SkippedFile]]:
    """Decode files in parallel (Pillow releases the GIL); None and a reason for each bad one."""
    results: list[np.ndarray | None] = [None] * len(paths)
    skipped: list[SkippedFile] = []

    def decode(index: int) -> tuple[int, np.ndarray | None, str]:
        try:
            return index, decode_image(paths[index], size, channels), ""
        except BadImage as bad:
            return index, None, text_of(bad)

    chunk = 64  # between chunks: report progress, honour cancel
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        for start in range(0, len(paths), chunk):
            if should_stop is not None and should_stop():
                raise LoadCancelled()
            for index, array, reason in pool.map(decode, range(start, min(start + chunk, len(paths)))):
                results[index] = array
                if reason:
                    skipped.append(SkippedFile(str(paths[index]), reason))
            if progress is not None:
                progress(min(start + chunk, len(paths)), len(paths))
    return results, skipped


def load_image_folder(
    root: str | os.PathLike,
    size: tuple[int, int],
    channels: int,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImageSet:
    class_names, files = scan_image_folder(root)
    resolved = Path(root).resolve()
    description = ["folder", str(resolved), list(class_names), list(size), channels]
    source = image_cache.source_of(description, files, len(class_names), root=Path(root))
    if not images_fit(len(files), channels, size):  # larger than memory: decoded to the disk, read mapped
        return _mapped_image_folder(source, root, class_names, files, size, channels, progress, should_stop)
    cached = image_cache.load(source, (channels, *size))
    if cached is not None:  # decoded before (by the window, or the last time this project was open)
        if progress is not None:
            progress(len(files), len(files))
        skipped = [_skipped_from_record(record) for record in cached.extra["skipped"]]
        return ImageSet(
            cached.images, cached.labels, class_names, skipped, [str(files[row][0]) for row in cached.extra["rows"]]
        )
    image_set, rows = _decode_image_folder(root, class_names, files, size, channels, progress, should_stop)
    row_of = {str(path): row for row, (path, _) in enumerate(files)}
    extra = {"rows": rows, "skipped": [_skipped_record(s, row_of[s.path]) for s in image_set.skipped]}
    image_cache.store(source, image_set.images, image_set.labels, extra)
    return image_set


def _mapped_image_folder(source, root, class_names, files, size, channels, progress, should_stop) -> ImageSet:
    """A folder larger than the memory the app may use: decoded into the cache on disk a chunk at a
    time (once), then read from there memory-mapped. Its key is the source's (every file's name,
    size, times and label), and what it holds is checked against the folder on every read."""
    shape, key = (channels, *size), source.key[:40]
    mapped = streamed_cache.load(key, shape)
    if mapped is not None and not _fits_folder(mapped, len(class_names)):
        streamed_cache.path_of(key).unlink(missing_ok=True)  # not this folder's: decoded again
        mapped = None
    if mapped is None:
        paths = [path for path, _ in files]
        row_of = {str(path): row for row, path in enumerate(paths)}

        def decode(indices: list[int]):
            first = indices[0]
            report = None if progress is None else lambda done, _chunk: progress(first + done, len(paths))
            return decode_files([paths[i] for i in indices], size, channels, report, should_stop)

        def describe(kept: list[int], skipped: list[SkippedFile]) -> dict:
            return {
                "paths": [str(paths[i]) for i in kept],
                "skipped": [_skipped_record(s, row_of[s.path]) for s in skipped],
            }

        mapped = streamed_cache.decode_into_cache(key, shape, [label for _, label in files], decode, describe)
    elif progress is not None:
        progress(len(files), len(files))
    skipped = [_skipped_from_record(record) for record in mapped.extra.get("skipped", [])]
    _check_every_class_readable(root, class_names, mapped.labels, skipped)
    return ImageSet(mapped.images, mapped.labels, class_names, skipped, mapped.extra["paths"])


def _fits_folder(mapped: streamed_cache.MappedSet, classes: int) -> bool:
    """A path for every image and every label one of the folder's classes."""
    paths = mapped.extra.get("paths")
    count = len(mapped.labels)
    return isinstance(paths, list) and len(paths) == count and (count == 0 or int(mapped.labels.max()) < classes)


def _skipped_record(skipped: SkippedFile, row: int) -> dict:
    reason = skipped.reason
    if isinstance(reason, Message):  # kept translatable
        return {"path": skipped.path, "row": row, "template": reason.template, "values": reason.values}
    return {"path": skipped.path, "row": row, "reason": str(reason)}


def _skipped_from_record(record: dict) -> SkippedFile:
    if "template" in record:
        with contextlib.suppress(KeyError, IndexError, TypeError, ValueError):
            return SkippedFile(record["path"], Message(record["template"], **record["values"]))
    return SkippedFile(str(record.get("path", "")), str(record.get("reason", record.get("template", ""))))


def _decode_image_folder(root, class_names, files, size, channels, progress, should_stop) -> tuple[ImageSet, list[int]]:
    """The images that could be read, and which of `files` each is."""
    arrays, skipped = decode_files([path for path, _ in files], size, channels, progress, should_stop)
    good = [i for i, array in enumerate(arrays) if array is not None]
    labels = torch.tensor([files[i][1] for i in good], dtype=torch.int64)
    _check_every_class_readable(root, class_names, labels, skipped)
    images = torch.from_numpy(np.stack([arrays[i] for i in good]))
    return ImageSet(images, labels, class_names, skipped, [str(files[i][0]) for i in good]), good


def _check_every_class_readable(root, class_names, labels: torch.Tensor, skipped: list[SkippedFile]) -> None:
    counts = torch.bincount(labels, minlength=len(class_names)) if len(labels) else torch.zeros(len(class_names))
    for label, count in enumerate(counts.tolist()):
        if count == 0:
            skipped_here = sum(1 for s in skipped if Path(s.path).is_relative_to(Path(root) / class_names[label]))
            raise DataError(
                Message(
                    messages.CLASS_WITHOUT_READABLE_IMAGES, name=class_names[label], folder=root, skipped=skipped_here
                )
            )


def load_dataset(
    settings: DataSettings,
    base_dir: str | os.PathLike | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImageSet:
    """The project's images at its image size and channels. Folder paths are relative to base_dir."""
    if settings.source.startswith("builtin:"):
        return load_builtin(settings.source, settings.image_size, settings.channels)
    return load_image_folder(
        resolve_source_folder(settings.source, base_dir), settings.image_size, settings.channels, progress, should_stop
    )


# ---------------------------------------------------------------------------------------- splits


def stratified_split(labels: torch.Tensor, val_fraction: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Train and validation indices: the same fraction of every class, the same for the same seed."""
    generator = torch.Generator().manual_seed(seed)
    train, val = [], []
    for label in torch.unique(labels).tolist():
        members = torch.nonzero(labels == label).flatten()
        members = members[torch.randperm(len(members), generator=generator)]
        n_val = round(len(members) * val_fraction)
        if val_fraction > 0 and len(members) >= 2:
            n_val = min(max(n_val, 1), len(members) - 1)  # every class in both parts
        val.append(members[:n_val])
        train.append(members[n_val:])
    return torch.sort(torch.cat(train)).values, torch.sort(torch.cat(val)).values


def channel_stats(images: torch.Tensor) -> tuple[list[float], list[float]]:
    """Per-channel mean and std of uint8 images, on the 0..1 scale."""
    channels = images.shape[1]
    total = torch.zeros(channels, dtype=torch.float64)
    squares = torch.zeros(channels, dtype=torch.float64)
    # Chunks: a float copy of the whole set would not fit; of at most STATS_BYTES each (a set read from
    # the disk may be large images in a small memory).
    per_image = max(1, images[0].numel() * 16) if len(images) else 1  # float64 values and their squares
    for chunk in images.split(max(1, min(STATS_CHUNK, STATS_BYTES // per_image))):
        values = chunk.transpose(0, 1).reshape(channels, -1).double() / 255.0
        total += values.sum(dim=1)
        squares += (values * values).sum(dim=1)
    count = images.numel() // channels
    mean = total / count
    variance = (squares / count - mean * mean).clamp_min(0) * count / max(count - 1, 1)
    return mean.tolist(), variance.sqrt().clamp_min(1e-3).tolist()


@dataclass
class PreparedData:
    train: ImageSet
    val: ImageSet
    class_names: tuple[str, ...]
    mean: list[float]
    std: list[float]
    skipped: list[SkippedFile]


def prepare_data(
    settings: DataSettings,
    seed: int,
    base_dir: str | os.PathLike | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> PreparedData:
    return prepare_image_set(load_dataset(settings, base_dir, progress, should_stop), settings.val_fraction, seed)


def prepare_image_set(dataset: ImageSet, val_fraction: float, seed: int) -> PreparedData:
    """Split images already in memory (as the app holds them) and measure their normalisation."""
    train_idx, val_idx = stratified_split(dataset.labels, val_fraction, seed)
    train = dataset.subset(train_idx)
    mean, std = channel_stats(train.images)
    return PreparedData(train, dataset.subset(val_idx), dataset.class_names, mean, std, dataset.skipped)


# ---------------------------------------------------------------------------------------- batches


def batch_count(items: int, batch_size: int) -> int:
    """Batches per epoch; a last batch of a single image joins the one before it (BatchNorm cannot
    normalise one value per channel)."""
    full, rest = divmod(items, batch_size)
    return full + (1 if rest > 1 or (rest == 1 and full == 0) else 0)


def epoch_shuffle(seed: int, epoch: int) -> torch.Generator:
    """The generator of an epoch's shuffled order: a function of the seed and the epoch alone, so
    every torchrun process draws the same order whatever else it drew, and a resumed run the same
    as one that never stopped."""
    return torch.Generator().manual_seed(seed * 1_000_003 + epoch)


def iterate_batches(
    images: torch.Tensor,
    labels: torch.Tensor,
    batch_size: int,
    *,
    shuffle: bool,
    augment: Callable[[torch.Tensor], torch.Tensor] | None = None,
    shard: Callable[[torch.Tensor], torch.Tensor] | None = None,
    generator: torch.Generator | None = None,
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """uint8 image batches and labels; shuffling and augmentation draw from torch's global RNG,
    whose state a checkpoint saves, so a resumed run continues the same sequence. `shard` keeps
    this process's part of the order (distributed training), whose shuffle then comes from
    `generator`, the same in every process."""
    order = torch.randperm(len(labels), generator=generator) if shuffle else torch.arange(len(labels))
    if shard is not None:
        order = shard(order)
    batches = batch_count(len(order), batch_size)
    for number in range(batches):
        start = number * batch_size
        end = len(order) if number == batches - 1 else start + batch_size
        index = order[start:end]
        batch = images[index]
        if augment is not None:
            batch = augment(batch)
        yield batch, labels[index]


def normalize(batch: torch.Tensor, mean: torch.Tensor, std: torch.Tensor) -> torch.Tensor:
    """uint8 N×C×H×W -> float, (x/255 − mean)/std; mean and std shaped 1×C×1×1 on the batch's device."""
    return (batch.float().div_(255.0) - mean) / std
