"""On a CUDA machine: the engine against a bare PyTorch loop, mixed precision on and off, and what
channels-last memory format would give a bare loop (the engine keeps the default format).

    python tests/benchmarks/bench_gpu.py [--rounds 3] [--epochs 3]

Run by tests/benchmarks/gpu_check.sh; never by the tests (they need no GPU).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from functools import partial
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parents[2]))

from playground.ml.data.prepare import iterate_batches, normalize, prepare_data
from playground.ml.network.transfer import build_network
from playground.ml.training.engine import fit
from playground.ml.training.events import EpochFinished
from playground.resources import example_projects
from playground.spec.project import load_project


def engine_rate(project, data, epochs: int) -> float:
    speeds = [e.images_per_second for e in fit(project, data, epochs=epochs) if isinstance(e, EpochFinished)]
    return statistics.median(speeds[1:] or speeds)  # the first epoch warms the kernels up


def bare_rate(project, data, epochs: int, *, amp: bool, channels_last: bool) -> float:
    device = torch.device("cuda")
    model = build_network(project, len(data.class_names)).to(device)
    memory_format = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(memory_format=memory_format)
    optimizer = torch.optim.Adam(model.parameters(), lr=project.training.learning_rate)
    mean = torch.tensor(data.mean, device=device).view(1, -1, 1, 1)
    std = torch.tensor(data.std, device=device).view(1, -1, 1, 1)
    speeds = []
    for _epoch in range(epochs):
        torch.cuda.synchronize()
        started, seen = time.perf_counter(), 0
        for batch, labels in iterate_batches(
            data.train.images, data.train.labels, project.training.batch_size, shuffle=True
        ):
            inputs = normalize(batch.to(device, non_blocking=True), mean, std).contiguous(memory_format=memory_format)
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=amp):
                loss = torch.nn.functional.cross_entropy(model(inputs).float(), labels.to(device))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            seen += len(labels)
        torch.cuda.synchronize()
        speeds.append(seen / (time.perf_counter() - started))
    return statistics.median(speeds[1:] or speeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--examples", default="lenet5-digits,vgg-style-shapes")
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("no CUDA device: this benchmark is for a GPU machine")
    print(f"{torch.cuda.get_device_name(0)}, torch {torch.__version__}, {args.rounds} rounds (medians)")
    for name in args.examples.split(","):
        project = load_project(example_projects()[name])
        data = prepare_data(project.data, project.training.seed)
        print(f"\n{name}: {len(data.train):,} training images, batch {project.training.batch_size}")
        contenders = {}
        for amp in (False, True):
            on = "on" if amp else "off"
            cuda = project.replace(training=dataclasses.replace(project.training, device="cuda", mixed_precision=amp))
            contenders[f"engine, mixed precision {on}"] = partial(engine_rate, cuda, data, args.epochs)
            for channels_last in (False, True):
                key = f"bare loop, AMP {on}, channels-last {'on' if channels_last else 'off'}"
                contenders[key] = partial(bare_rate, project, data, args.epochs, amp=amp, channels_last=channels_last)
        rates: dict[str, list[float]] = {key: [] for key in contenders}
        for round_number in range(args.rounds):
            order = list(contenders.items())
            for key, run in order if round_number % 2 == 0 else reversed(order):
                rates[key].append(run())
        medians = {key: statistics.median(values) for key, values in rates.items()}
        for key, value in medians.items():
            print(f"  {key:<46} {value:12,.0f} images/s")
        for amp in ("off", "on"):
            ratio = medians[f"engine, mixed precision {amp}"] / medians[f"bare loop, AMP {amp}, channels-last off"]
            print(f"  engine / bare loop, AMP {amp}: {ratio:.3f}  (goal >= 0.97)")


if __name__ == "__main__":
    main()
