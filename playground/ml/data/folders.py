"""Image folders (one subfolder per class): their layout and class names, without decoding
anything and without torch, so the window can show classes the moment a folder is chosen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playground.ml.data.builtin import builtin_dataset
from playground.ml.data.images import BadImage, decode_image, is_image_file
from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message

IGNORED_FOLDERS = ("__MACOSX",)  # what zip tools and file managers leave beside real classes


def _visible(name: str) -> bool:
    return not name.startswith(".") and name not in IGNORED_FOLDERS


def _class_dirs(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and _visible(p.name))


def images_under(folder: Path) -> list[Path]:
    """Image files in `folder` and its subfolders, skipping hidden ones (.thumbnails, .git, ...)."""
    found = []
    for parent, subfolders, names in os.walk(folder):
        subfolders[:] = [name for name in subfolders if _visible(name)]
        found.extend(Path(parent) / name for name in names if is_image_file(name))
    return sorted(found)


def resolve_source_folder(source: str, base_dir: str | os.PathLike | None) -> Path:
    folder = Path(source).expanduser()
    if not folder.is_absolute() and base_dir is not None:
        folder = Path(base_dir) / folder
    return folder


def scan_image_folder(root: str | os.PathLike) -> tuple[tuple[str, ...], list[tuple[Path, int]]]:
    """Class names (sorted subfolder names) and (file, label) pairs; clear errors for bad layouts."""
    root = Path(root)
    if not root.is_dir():
        raise DataError(Message(messages.NOT_A_FOLDER, folder=root))
    class_dirs = _class_dirs(root)
    examples = {"folder": root, "example_a": root / "cats", "example_b": root / "dogs"}
    if not class_dirs:
        loose = sum(1 for p in root.iterdir() if is_image_file(p))
        if loose:
            raise DataError(Message(messages.NO_CLASS_FOLDERS_LOOSE, loose=loose, **examples))
        raise DataError(Message(messages.NO_CLASS_FOLDERS, **examples))
    if len(class_dirs) == 1:
        raise DataError(Message(messages.ONE_CLASS_FOLDER, name=class_dirs[0].name, **examples))
    files: list[tuple[Path, int]] = []
    for label, class_dir in enumerate(class_dirs):
        found = images_under(class_dir)
        if not found:
            raise DataError(Message(messages.CLASS_WITHOUT_IMAGES, name=class_dir.name, folder=root))
        files.extend((path, label) for path in found)
    return tuple(p.name for p in class_dirs), files


def class_names_of(source: str, base_dir: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The classes of a data source without decoding any image (for shapes and summaries)."""
    if source.startswith("builtin:"):
        return builtin_dataset(source).class_names
    return scan_image_folder(resolve_source_folder(source, base_dir))[0]


# ------------------------------------------------------------------------------- editing a dataset
# Teachable-Machine-style datasets are plain folders too: one subfolder per class, the images
# copied in. The project only stores the folder's path, so the CLI trains them like any folder.


def folder_classes(root: str | os.PathLike) -> list[tuple[str, int]]:
    """(class name, number of image files) for each subfolder, even while the layout is not valid yet."""
    root = Path(root)
    if not root.is_dir():
        return []
    return [(class_dir.name, len(images_under(class_dir))) for class_dir in _class_dirs(root)]


def check_class_name(root: str | os.PathLike, name: str) -> str:
    name = name.strip()
    if not name or name.startswith(".") or any(c in name for c in '/\\:*?"<>|') or name in ("..",):
        raise DataError(Message(messages.BAD_CLASS_NAME, name=repr(name)))
    if (Path(root) / name).exists():
        raise DataError(Message(messages.CLASS_EXISTS, name=repr(name)))
    return name


def add_class(root: str | os.PathLike, name: str) -> Path:
    folder = Path(root) / check_class_name(root, name)
    folder.mkdir(parents=True)
    return folder


def rename_class(root: str | os.PathLike, old: str, new: str) -> Path:
    target = Path(root) / check_class_name(root, new)
    (Path(root) / old).rename(target)
    return target


def remove_class(root: str | os.PathLike, name: str) -> None:
    """Delete a class folder of an app-made dataset (its images are copies)."""
    shutil.rmtree(Path(root) / name)


def add_images(root: str | os.PathLike, name: str, files: list[str | os.PathLike]) -> tuple[list[Path], list[str]]:
    """Copy image files into a class folder; (copied files, reasons for those refused)."""
    folder = Path(root) / name
    copied, refused = [], []
    for file in map(Path, files):
        if not is_image_file(file):
            refused.append(f"{file}: not an image file (.png, .jpg, .bmp, .gif, .tif, .webp)")
            continue
        try:
            decode_image(file, (8, 8), 3)  # refuse what training would skip anyway
        except BadImage as bad:
            refused.append(f"{file}: {bad}")
            continue
        target = folder / file.name
        counter = 1
        while target.exists():
            target = folder / f"{file.stem}-{counter}{file.suffix}"
            counter += 1
        shutil.copy2(file, target)
        copied.append(target)
    return copied, refused


APP_DATASET_MARKER = ".cnn-playground-dataset"  # in folders the app made: their images are copies


def new_dataset_folder(parent: str | os.PathLike, name: str, classes: tuple[str, ...] = ("Class 1", "Class 2")) -> Path:
    """A fresh, app-made dataset folder `parent/name` (a number appended if taken) with empty classes."""
    parent = Path(parent)
    folder, counter = parent / name, 1
    while folder.exists():
        counter += 1
        folder = parent / f"{name}-{counter}"
    folder.mkdir(parents=True)
    (folder / APP_DATASET_MARKER).write_text("Images in this folder were copied here by CNN Playground.\n")
    for class_name in classes:
        add_class(folder, class_name)
    return folder


def is_app_dataset(root: str | os.PathLike) -> bool:
    return (Path(root) / APP_DATASET_MARKER).is_file()
