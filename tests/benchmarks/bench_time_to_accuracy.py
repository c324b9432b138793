"""Accuracy per minute of training: dataset × recipe, before (the old defaults) and after (the
shipped recipes), each run in a fresh process, median of the runs.

    python tests/benchmarks/bench_time_to_accuracy.py [--minutes 10] [--runs 3] [--cases fashion-before,...]

For each case: the validation accuracy of the last epoch finished by the end of each minute of
training (the images loaded before the clock starts, as the window has them by then), and the
epochs behind it. Also printed per epoch: accuracy, wall-clock and CPU seconds, so that a run on a
busy machine still tells how many epochs (and so what accuracy) a quiet one gets in a minute: wall
seconds on a quiet machine ≈ CPU seconds / the cores training keeps busy (measured 1.7 on 2 cores).
Goal: the Fashion-MNIST example reaches 0.935 within 5 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2]))

from playground.resources import example_projects
from playground.spec.presets import PRESETS
from playground.spec.project import Project, load_project
from playground.spec.settings import DataSettings, TrainingSettings

FASHION = DataSettings(source="builtin:fashion-mnist", image_size=(28, 28), channels=1, val_fraction=0.143)


def fashion_before() -> Project:
    """What the issue measured: the VGG-style preset on Fashion-MNIST with the default settings."""
    data = dataclasses.replace(FASHION, image_size=(32, 32))
    return Project(
        name="vgg-style, defaults",
        data=data,
        layers=PRESETS["vgg_style"].layers,
        training=TrainingSettings(epochs=30, device="cpu"),
    )


def fashion_after() -> Project:
    project = load_project(example_projects()["fashion-bn-one-cycle"])
    return project.replace(training=dataclasses.replace(project.training, device="cpu"))


def example(name: str) -> Project:
    project = load_project(example_projects()[name])
    return project.replace(training=dataclasses.replace(project.training, device="cpu"))


CASES = {
    "fashion-before": ("Fashion-MNIST", "VGG-style preset, default settings (before)", fashion_before),
    "fashion-after": ("Fashion-MNIST", "fashion-bn-one-cycle example (after)", fashion_after),
    "digits-lenet5": ("digits", "lenet5-digits example", lambda: example("lenet5-digits")),
    "shapes-vgg": ("shapes", "vgg-style-shapes example", lambda: example("vgg-style-shapes")),
}


def one_run(case: str, minutes: float) -> list[dict]:
    """Train `case` in this process for at most `minutes` of wall clock; one record per epoch."""
    from playground.ml.data.prepare import prepare_data
    from playground.ml.training.engine import TrainingControl, fit
    from playground.ml.training.events import EpochFinished

    project = CASES[case][2]()
    data = prepare_data(project.data, project.training.seed)
    control = TrainingControl()
    timer = threading.Timer(minutes * 60, control.stop.set)
    records = []
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    timer.start()
    try:
        for event in fit(project, data, control=control):
            if isinstance(event, EpochFinished):
                records.append(
                    {
                        "epoch": event.epoch,
                        "val_acc": event.val_acc,
                        "wall": time.perf_counter() - started,
                        "cpu": _cpu_seconds() - cpu_started,
                        "images_per_second": event.images_per_second,
                    }
                )
                print(json.dumps(records[-1]), file=sys.stderr, flush=True)
    finally:
        timer.cancel()
    return records


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def accuracy_by_minute(records: list[dict], minutes: int, clock: str) -> list[float | None]:
    out = []
    for minute in range(1, minutes + 1):
        done = [r for r in records if r[clock] <= minute * 60]
        out.append(done[-1]["val_acc"] if done else None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default="fashion-before,fashion-after")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.minutes)))
        return
    cases = args.cases.split(",")
    results: dict[str, list[list[dict]]] = {case: [] for case in cases}
    for run_number in range(args.runs):
        for case in cases if run_number % 2 == 0 else reversed(cases):
            done = subprocess.run(
                [sys.executable, __file__, "--one", case, "--minutes", str(args.minutes)],
                capture_output=True,
                text=True,
                check=True,
            )
            results[case].append(json.loads(done.stdout.strip().splitlines()[-1]))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Validation accuracy after each minute of training, {os.cpu_count()} cores, median of {args.runs} runs"
        f" (load average at the end {load:.1f}: above the core count the minutes are not a quiet machine's)"
    )
    header = " ".join(f"{m:>6}" for m in range(1, args.minutes + 1))
    print(f"  {'dataset':<14} {'recipe':<46} min {header}")
    for case in cases:
        dataset, title, _ = CASES[case]
        per_run = [accuracy_by_minute(records, args.minutes, "wall") for records in results[case]]
        cells = []
        for minute in range(args.minutes):
            values = [run[minute] for run in per_run if run[minute] is not None]
            cells.append(f"{statistics.median(values):6.3f}" if len(values) * 2 > len(per_run) else f"{'-':>6}")
        print(f"  {dataset:<14} {title:<46}     {' '.join(cells)}")
    print("\nPer epoch (first run): validation accuracy, wall seconds, CPU seconds")
    for case in cases:
        records = results[case][0]
        line = ", ".join(
            f"{r['epoch']}: {r['val_acc']:.4f} @ {r['wall']:.0f} s / {r['cpu']:.0f} cpu s" for r in records
        )
        print(f"  {case}: {line}")


if __name__ == "__main__":
    main()
