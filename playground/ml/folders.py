"""Image folders (one subfolder per class): their layout and class names, without decoding
anything and without torch, so the window can show classes the moment a folder is chosen."""

from __future__ import annotations

import os
from pathlib import Path

from playground.ml.builtin import builtin_dataset
from playground.ml.images import is_image_file
from playground.spec.errors import DataError


def resolve_source_folder(source: str, base_dir: str | os.PathLike | None) -> Path:
    folder = Path(source).expanduser()
    if not folder.is_absolute() and base_dir is not None:
        folder = Path(base_dir) / folder
    return folder


def scan_image_folder(root: str | os.PathLike) -> tuple[tuple[str, ...], list[tuple[Path, int]]]:
    """Class names (sorted subfolder names) and (file, label) pairs; clear errors for bad layouts."""
    root = Path(root)
    if not root.is_dir():
        raise DataError(f"{root} is not a folder")
    class_dirs = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    layout_hint = f"put each class's images in its own subfolder ({root / 'cats'}, {root / 'dogs'}, ...)"
    if not class_dirs:
        loose = sum(1 for p in root.iterdir() if is_image_file(p))
        found = f" (found {loose} images directly in it)" if loose else ""
        raise DataError(f"no class folders in {root}{found} — {layout_hint}")
    if len(class_dirs) == 1:
        raise DataError(
            f"only one class folder ({class_dirs[0].name}) in {root}: a classifier needs at least two — {layout_hint}"
        )
    files: list[tuple[Path, int]] = []
    for label, class_dir in enumerate(class_dirs):
        found = sorted(
            Path(folder) / name
            for folder, subfolders, names in os.walk(class_dir)
            for name in names
            if is_image_file(name)
        )
        if not found:
            raise DataError(
                f"class folder '{class_dir.name}' in {root} has no images (.png, .jpg, .bmp, .gif, .tif, .webp)"
            )
        files.extend((path, label) for path in found)
    return tuple(p.name for p in class_dirs), files


def class_names_of(source: str, base_dir: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The classes of a data source without decoding any image (for shapes and summaries)."""
    if source.startswith("builtin:"):
        return builtin_dataset(source).class_names
    return scan_image_folder(resolve_source_folder(source, base_dir))[0]
