"""Small builders shared by the unit tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from playground.spec.layers import Conv2d, Dense, Flatten, MaxPool2d
from playground.spec.project import Project
from playground.spec.settings import DataSettings, TrainingSettings

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "playground" / "resources" / "examples"


def tiny_project(source: str = "builtin:digits", **training) -> Project:
    """A fast CNN on 12x12 grayscale images."""
    return Project(
        name="tiny",
        data=DataSettings(source=source, image_size=(12, 12), channels=1, val_fraction=0.25),
        layers=(
            Conv2d(filters=4, kernel=(3, 3), activation="relu"),
            MaxPool2d(),
            Flatten(),
            Dense(units="auto"),
        ),
        training=TrainingSettings(**{"epochs": 2, "batch_size": 32, "seed": 0, "device": "cpu", **training}),
    )


def write_class_folder(root: Path, classes: dict[str, int], size: int = 20) -> Path:
    """A folder with one subfolder per class, each holding `n` small PNGs that differ by class."""
    rng = np.random.default_rng(0)
    for index, (name, count) in enumerate(classes.items()):
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(count):
            array = rng.integers(0, 60, (size, size, 3), dtype=np.uint8)
            array[:, :, index % 3] += 150  # each class has its own dominant colour
            Image.fromarray(array).save(folder / f"{name}_{i}.png")
    return root
