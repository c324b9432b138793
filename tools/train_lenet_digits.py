"""Train the LeNet-5 the app ships for the digit walk-through, on scikit-learn's digits, and write it
into the package as an ordinary checkpoint (`cnn-playground predict` opens it like any other).

    python tools/train_lenet_digits.py [--epochs 15]

It trains the shipped example project `lenet5-digits` with the engine's own `fit` (seeded, on the
CPU, so the same file comes out each time) and keeps only what predicting needs: the best epoch's
weights and the curve. No optimizer state: Adam's two moments would triple the file (about 250 KB).
"""

from __future__ import annotations

import argparse
import time

import torch

from playground.ml.data.prepare import prepare_data
from playground.ml.files.checkpoints import Checkpoint, save_checkpoint
from playground.ml.inference.walkthrough import SHIPPED_LENET
from playground.ml.training.engine import fit
from playground.ml.training.events import EpochFinished, Finished
from playground.resources import example_projects
from playground.spec.project import load_project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=15)
    args = parser.parse_args()
    torch.set_num_threads(1)  # the same sums in the same order on every machine: the same weights
    path = example_projects()["lenet5-digits"]
    project = load_project(path)
    data = prepare_data(project.data, project.training.seed, path.parent)
    history, finished, started = [], None, time.perf_counter()
    for event in fit(project, data, epochs=args.epochs, device="cpu"):
        if isinstance(event, EpochFinished):
            history.append({k: v for k, v in event.to_dict().items() if k != "event"})
            print(
                f"epoch {event.epoch}: train {event.train_acc:.1%}, validation {event.val_acc:.1%}"
                f" ({event.seconds:.1f} s)"
            )
        elif isinstance(event, Finished):
            finished = event
    checkpoint = Checkpoint(
        project=project,
        class_names=data.class_names,
        mean=data.mean,
        std=data.std,
        model_state=finished.model_state,
        epoch=finished.epochs_done,
        history=history,
        best_epoch=finished.best_epoch,
        best_val_acc=finished.best_val_acc,
    )
    SHIPPED_LENET.parent.mkdir(parents=True, exist_ok=True)
    save_checkpoint(checkpoint, SHIPPED_LENET)
    print(
        f"best epoch {finished.best_epoch}: validation accuracy {finished.best_val_acc:.1%};"
        f" {time.perf_counter() - started:.0f} s; wrote {SHIPPED_LENET} ({SHIPPED_LENET.stat().st_size / 1024:.0f} KB)"
    )


if __name__ == "__main__":
    main()
