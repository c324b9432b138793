"""A folder of real photographs for tests, benchmarks and screenshots, made offline from the
sample photos scikit-learn ships (china.jpg: a temple; flower.jpg: a dahlia): random crops of
each, one class per photo, saved as JPEG files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image


def sample_photos() -> dict[str, np.ndarray]:
    from sklearn.datasets import load_sample_images

    photos = load_sample_images()
    return {Path(name).stem: image for name, image in zip(photos.filenames, photos.images, strict=True)}


def make_photo_folder(root: Path, per_class: int = 30, size: int = 160, seed: int = 0) -> Path:
    """`root/china/*.jpg` and `root/flower/*.jpg`: `per_class` random square crops of each photo."""
    rng = np.random.default_rng(seed)
    for name, photo in sample_photos().items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        height, width = photo.shape[:2]
        for i in range(per_class):
            side = int(rng.integers(min(height, width) // 3, min(height, width)))
            top, left = int(rng.integers(0, height - side + 1)), int(rng.integers(0, width - side + 1))
            crop = Image.fromarray(photo[top : top + side, left : left + side]).resize((size, size))
            crop.save(folder / f"{name}_{i:04d}.jpg", quality=90)
    return root
