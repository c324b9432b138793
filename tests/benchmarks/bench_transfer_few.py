"""Few images: the shipped base (Playground Mini, fine-tuned) against a small CNN from scratch, side by side.

    python tests/benchmarks/bench_transfer_few.py [--rounds 2] [--epochs 10]

Trains the examples `few-clothes-pretrained` and `few-clothes-from-scratch` (10 Fashion-MNIST photos per
class, 900 for validation; needs Debian's dataset-fashion-mnist) in alternating order, and prints each
one's validation accuracy per epoch, the median seconds of its whole run, and the accuracy each had reached
when the faster one finished (the same minutes). The numbers in the pretrained lesson and the teacher's
guide (part 08) come from here.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time

from playground.ml.data.prepare import prepare_data
from playground.ml.training import engine
from playground.ml.training.events import EpochFinished
from playground.resources import example_projects
from playground.spec.project import load_project

EXAMPLES = ("few-clothes-pretrained", "few-clothes-from-scratch")


def run(name: str, epochs: int) -> tuple[list[float], list[float]]:
    """(validation accuracy after each epoch, seconds since the start at each epoch's end)."""
    project = load_project(example_projects()[name])
    project = project.replace(training=dataclasses.replace(project.training, epochs=epochs, device="cpu"))
    data = prepare_data(project.data, project.training.seed)  # reading the images is not training: not timed
    started = time.perf_counter()
    accuracy, elapsed = [], []
    for event in engine.fit(project, data):
        if isinstance(event, EpochFinished):
            accuracy.append(event.val_acc)
            elapsed.append(time.perf_counter() - started)
    return accuracy, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()
    results: dict[str, list[tuple[list[float], list[float]]]] = {name: [] for name in EXAMPLES}
    for round_number in range(args.rounds):
        for name in EXAMPLES if round_number % 2 == 0 else reversed(EXAMPLES):
            results[name].append(run(name, args.epochs))
    whole = {name: statistics.median(elapsed[-1] for _, elapsed in runs) for name, runs in results.items()}
    first = min(whole, key=whole.get)
    for name, runs in results.items():
        accuracy, elapsed = runs[0]
        per_epoch = " ".join(f"{a:.1%}" for a in accuracy)
        reached = max((a for a, t in zip(accuracy, elapsed, strict=True) if t <= whole[first]), default=0.0)
        print(f"{name:26} {per_epoch}")
        print(f"{'':26} whole run {whole[name]:.0f} s (median of {len(runs)})", end="; ")
        print(f"best by {whole[first]:.0f} s: {reached:.1%}")
    print(f"time ratio pretrained / scratch: {whole[EXAMPLES[0]] / whole[EXAMPLES[1]]:.2f}")


if __name__ == "__main__":
    main()
