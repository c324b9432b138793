"""Training throughput: one process against N processes under torchrun (DistributedDataParallel).

    python tests/benchmarks/bench_ddp.py [--processes 2] [--rounds 3] [--project lenet5-digits]

Context, not a goal: on a 2-core CPU two processes share the same cores (gloo), so expect about
the same images/s or less. On a machine with GPUs (`--device cuda`, one process per GPU, nccl)
the same script measures the scaling that matters. Each run trains 4 epochs on the same global
batch (N × batch/N); images/s is the median over epochs 2-4 (epoch 1 warms up), then the median
over alternating rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playground.resources import example_projects
from playground.spec.project import load_project, save_project


def images_per_second(command: list[str], threads: int) -> float:
    env = {**os.environ, "OMP_NUM_THREADS": str(threads)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        sys.exit(done.stderr[-6000:])
    epochs = [json.loads(line) for line in done.stdout.splitlines() if line.startswith('{"event": "epoch"')]
    return statistics.median(e["images_per_second"] for e in epochs[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--project", default="lenet5-digits")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--batch", type=int, default=128, help="global batch: each of N processes takes batch/N")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    folder = Path(tempfile.mkdtemp(prefix="bench-ddp-"))
    project = load_project(example_projects()[args.project])
    paths = {}
    for count in (1, args.processes):
        training = project.training.__class__(
            **{**project.training.to_dict(), "epochs": 4, "device": args.device, "batch_size": args.batch // count}
        )
        paths[count] = folder / f"p{count}.json"
        save_project(project.replace(training=training), paths[count])
    base = [sys.executable, "-m"]
    commands = {
        "1 process": ([*base, "playground", "train", str(paths[1]), "--out", str(folder / "one"), "--json"], cores),
        f"{args.processes} processes": (
            [
                *base,
                "torch.distributed.run",
                "--standalone",
                f"--nproc_per_node={args.processes}",
                "-m",
                "playground",
                "train",
                str(paths[args.processes]),
                "--out",
                str(folder / "many"),
                "--json",
            ],
            max(cores // args.processes, 1),
        ),
    }
    rates: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(args.rounds):
        order = list(commands.items())[:: -1 if round_number % 2 else 1]
        for name, (command, threads) in order:
            rates[name].append(images_per_second(command, threads))
    print(
        f"{args.project} on {args.device}, global batch {args.batch}, {cores} cores, {args.rounds} alternating rounds"
    )
    medians = {name: statistics.median(values) for name, values in rates.items()}
    for name, value in medians.items():
        print(f"  {name:<14} {value:>10,.0f} images/s")
    one, many = medians["1 process"], medians[f"{args.processes} processes"]
    print(f"  ratio {args.processes} processes / 1 process: {many / one:.2f}")


if __name__ == "__main__":
    main()
