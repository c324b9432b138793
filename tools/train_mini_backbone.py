"""Pretrain the app's own small backbone ("Playground Mini") on builtin:animals and write its
weights into the package, as float16 safetensors (about 0.4 MB).

    python tools/train_mini_backbone.py [--epochs 8]

Reproducible: seeded, on the CPU. Images are 32×32 RGB, normalised with ImageNet's statistics
like every pretrained base in the app, lightly augmented (flips, shifts).
"""

from __future__ import annotations

import argparse
import time

import torch
from safetensors.torch import save_file

from playground.ml.data.prepare import iterate_batches, load_builtin, normalize, stratified_split
from playground.ml.data.transforms import build_augmentation
from playground.ml.network.pretrained import MINI_WEIGHTS, PlaygroundMini
from playground.spec.backbones import IMAGENET_MEAN, IMAGENET_STD
from playground.spec.settings import AugmentationSettings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args()
    torch.manual_seed(0)
    data = load_builtin("builtin:animals", (32, 32), 3)
    train, val = stratified_split(data.labels, 0.1, seed=0)
    model = PlaygroundMini(len(data.class_names))
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, args.epochs)
    augment = build_augmentation(AugmentationSettings(horizontal_flip=True, shift=(0.1, 0.1), rotation=10))
    mean, std = torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1), torch.tensor(IMAGENET_STD).view(1, 3, 1, 1)
    for epoch in range(1, args.epochs + 1):
        started = time.perf_counter()
        model.train()
        for batch, labels in iterate_batches(
            data.images[train], data.labels[train], 128, shuffle=True, augment=augment
        ):
            loss = torch.nn.functional.cross_entropy(model(normalize(batch, mean, std)), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        model.eval()
        with torch.no_grad():
            predicted = model(normalize(data.images[val], mean, std)).argmax(1)
        accuracy = (predicted == data.labels[val]).float().mean().item()
        print(f"epoch {epoch}: validation accuracy {accuracy:.1%} ({time.perf_counter() - started:.0f} s)")
    MINI_WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    state = {k: (v.half() if v.is_floating_point() else v).detach().contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(MINI_WEIGHTS))
    print(f"wrote {MINI_WEIGHTS} ({MINI_WEIGHTS.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
