"""Throughput of the training engine and of the image-folder pipeline, each beside a baseline.

    python tests/benchmarks/bench_engine.py [--rounds 5]

1. engine.fit vs a bare hand-written PyTorch loop: the LeNet-5 example, digits at 32x32, batch
   64, no augmentation, training images/s (goal: ratio >= 0.97).
2. Our image-folder pipeline (decode once into memory, augment batches) vs torchvision
   ImageFolder + DataLoader with the same augmentation, over 3 epochs of a 1,000-image JPEG
   folder, loading included (goal: ratio >= 1.5).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))
from _timing import alternate, report, timed

from playground.ml.data.prepare import iterate_batches, load_image_folder, normalize, prepare_data
from playground.ml.data.synthetic import SHAPE_CLASSES, draw_shape
from playground.ml.data.transforms import build_augmentation
from playground.ml.network.build import build_model
from playground.ml.training.engine import fit
from playground.ml.training.events import EpochFinished
from playground.resources import example_projects
from playground.spec.project import load_project
from playground.spec.settings import AugmentationSettings

EPOCHS = 3


def engine_vs_bare_loop(rounds: int) -> None:
    project = load_project(example_projects()["lenet5-digits"])
    project = project.replace(
        augmentation=AugmentationSettings(),
        training=project.training.__class__(**{**project.training.to_dict(), "epochs": EPOCHS, "device": "cpu"}),
    )
    data = prepare_data(project.data, project.training.seed)
    batch_size = project.training.batch_size

    def engine() -> float:
        speeds = [e.images_per_second for e in fit(project, data) if isinstance(e, EpochFinished)]
        return sum(speeds) / len(speeds)

    def bare() -> float:
        torch.manual_seed(0)
        model = build_model(project.input_shape, project.layers, 10)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = torch.nn.CrossEntropyLoss()
        mean = torch.tensor(data.mean).view(1, -1, 1, 1)
        std = torch.tensor(data.std).view(1, -1, 1, 1)
        images, labels = data.train.images, data.train.labels

        def loop() -> int:
            seen = 0
            for _ in range(EPOCHS):
                running_loss, correct = 0.0, 0  # what any training loop reports
                model.train()
                order = torch.randperm(len(labels))
                for start in range(0, len(order), batch_size):
                    index = order[start : start + batch_size]
                    x = (images[index].float() / 255 - mean) / std
                    logits = model(x)
                    loss = loss_fn(logits, labels[index])
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
                    running_loss += loss.item() * len(index)
                    correct += (logits.argmax(1) == labels[index]).sum().item()
                    seen += len(index)
            return seen

        return timed(loop)

    medians = alternate({"engine.fit (train phase)": engine, "bare PyTorch loop": bare}, rounds)
    report(
        f"Training LeNet-5 on digits, batch {batch_size}, {len(data.train)} images x {EPOCHS} epochs, CPU",
        medians,
        "engine.fit (train phase)",
        "bare PyTorch loop",
        0.97,
    )


def make_photo_folder(root: Path, per_class: int = 200) -> Path:
    rng = np.random.default_rng(0)
    for name in SHAPE_CLASSES:
        folder = root / name
        folder.mkdir(parents=True)
        for i in range(per_class):
            Image.fromarray(draw_shape(name, rng, 128)).save(folder / f"{i}.jpg", quality=90)
    return root


def folder_pipeline_vs_imagefolder(rounds: int, workers: int) -> None:
    from torch.utils.data import DataLoader
    from torchvision import datasets
    from torchvision.transforms import v2

    size, batch_size, epochs = (64, 64), 64, 3
    augmentation = AugmentationSettings(rotation=15, shift=(0.1, 0.1), zoom=0.1, horizontal_flip=True)
    with tempfile.TemporaryDirectory() as temp:
        root = make_photo_folder(Path(temp) / "photos")
        total = sum(1 for _ in root.rglob("*.jpg"))

        def ours() -> float:
            def run() -> int:
                data = load_image_folder(root, size, 3)
                augment = build_augmentation(augmentation)
                mean = torch.full((1, 3, 1, 1), 0.5)
                seen = 0
                for _ in range(epochs):
                    for batch, labels in iterate_batches(
                        data.images, data.labels, batch_size, shuffle=True, augment=augment
                    ):
                        normalize(batch, mean, mean)
                        seen += len(labels)
                return seen

            return timed(run)

        def theirs() -> float:
            transform = v2.Compose(
                [
                    v2.PILToTensor(),
                    v2.Resize(size, antialias=True),
                    v2.RandomAffine(degrees=15, translate=(0.1, 0.1), scale=(0.9, 1.1)),
                    v2.RandomHorizontalFlip(),
                    v2.ToDtype(torch.float32, scale=True),
                    v2.Normalize([0.5] * 3, [0.5] * 3),
                ]
            )
            dataset = datasets.ImageFolder(str(root), transform=transform)
            loader = DataLoader(dataset, batch_size=batch_size, shuffle=True, num_workers=workers)

            def run() -> int:
                seen = 0
                for _ in range(epochs):
                    for _batch, labels in loader:
                        seen += len(labels)
                return seen

            return timed(run)

        medians = alternate(
            {"ours: decode once + batch augmentation": ours, f"ImageFolder + DataLoader({workers} workers)": theirs},
            rounds,
        )
        report(
            f"Image-folder pipeline with augmentation: {total} JPEGs (128x128 -> 64x64), {epochs} epochs,"
            " loading included",
            medians,
            "ours: decode once + batch augmentation",
            f"ImageFolder + DataLoader({workers} workers)",
            1.5,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="DataLoader workers")
    args = parser.parse_args()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} cores")
    engine_vs_bare_loop(args.rounds)
    folder_pipeline_vs_imagefolder(args.rounds, args.workers)


if __name__ == "__main__":
    main()
