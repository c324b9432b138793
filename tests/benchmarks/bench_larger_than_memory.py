"""A folder whose decoded images are 1.5x the memory limit of a cgroup, trained inside that cgroup:
`cnn-playground train` (decoded once into the cache on disk, then read memory-mapped) against
torchvision's ImageFolder + DataLoader(2 workers) decoding the JPEGs every epoch, same network,
same batch size, same cgroup.

    sudo python tests/benchmarks/bench_larger_than_memory.py [--limit-mb 1024] [--size 128] [--epochs 2]

Needs root and a memory cgroup (v1: /sys/fs/cgroup/memory, or v2: /sys/fs/cgroup with the memory
controller); the cgroup `cnn-playground-bench` is made for the run and removed after it.
Prints, per contender: train-phase images/s (epochs after the first for ours, whose first load
decodes into the cache: that one-off is printed apart), the cgroup's peak memory (page cache
included, which the kernel drops before it kills) against the limit, the process's peak RSS, and
whether anything was killed. Goal: ours / ImageFolder >= 1.0, peak under the limit, nothing killed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2]))

NAME = "cnn-playground-bench"
CLASSES = 4
BATCH = 64


# ---------------------------------------------------------------------------------------- the cgroup


class Cgroup:
    """A memory cgroup with a limit; v1 or v2, whichever this machine mounts."""

    def __init__(self, limit: int):
        v1 = Path("/sys/fs/cgroup/memory")
        if v1.is_dir():
            self.folder, self.v2 = v1 / NAME, False
        elif Path("/sys/fs/cgroup/cgroup.controllers").is_file():
            self.folder, self.v2 = Path("/sys/fs/cgroup") / NAME, True
        else:
            raise SystemExit("no memory cgroup on this machine: nothing to measure against")
        self.folder.mkdir(exist_ok=True)
        self._write("memory.max" if self.v2 else "memory.limit_in_bytes", str(limit))
        if not self.v2:
            self._write("memory.memsw.limit_in_bytes", str(limit), optional=True)  # no swap past the limit
        self.limit = limit

    def _write(self, name: str, value: str, optional: bool = False) -> None:
        try:
            (self.folder / name).write_text(value)
        except OSError:
            if not optional:
                raise

    def _read(self, name: str) -> str:
        try:
            return (self.folder / name).read_text()
        except OSError:
            return ""

    def reset_peak(self) -> None:
        self._write("memory.peak" if self.v2 else "memory.max_usage_in_bytes", "0", optional=True)

    def peak(self) -> int:
        text = self._read("memory.peak" if self.v2 else "memory.max_usage_in_bytes").strip()
        return int(text) if text.isdigit() else -1

    def kills(self) -> int:
        text = self._read("memory.events" if self.v2 else "memory.oom_control")
        for line in text.splitlines():
            if line.startswith("oom_kill "):
                return int(line.split()[1])
        return 0

    def join(self) -> None:
        """Put the calling process (and so its children) in the cgroup."""
        self._write("cgroup.procs", str(os.getpid()))

    def remove(self) -> None:
        try:
            self.folder.rmdir()
        except OSError as error:
            print(f"(cgroup {self.folder} left: {error})")


# ---------------------------------------------------------------------------------------- the folder


def make_folder(root: Path, count: int, size: int) -> None:
    """`count` JPEG photos of `size` px in CLASSES classes: a class's colour and stripes, with noise."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(0)
    ramp = np.linspace(0, 1, size, dtype=np.float32)
    for index in range(count):
        label = index % CLASSES
        folder = root / f"class{label}"
        folder.mkdir(parents=True, exist_ok=True)
        colour = np.array([[200, 60, 60], [60, 200, 60], [60, 60, 200], [200, 200, 60]][label], np.float32)
        stripes = 0.5 + 0.5 * np.sin(ramp[:, None] * (6 + 4 * label) + rng.uniform(0, 6))
        pixels = stripes[..., None] * colour + rng.normal(0, 20, (size, size, 3))
        Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(folder / f"{index}.jpg", quality=85)


def network_layers() -> list[dict]:
    return [
        {"type": "conv2d", "filters": 16, "kernel": [5, 5], "stride": [4, 4], "activation": "relu"},
        {"type": "maxpool2d"},
        {"type": "conv2d", "filters": 32, "kernel": [3, 3], "activation": "relu"},
        {"type": "global_avgpool"},
        {"type": "dense", "units": "auto"},
    ]


# ---------------------------------------------------------------------------------------- contenders


def ours(folder: Path, size: int, epochs: int, work: Path) -> dict:
    project = {
        "format": "cnn-playground/1",
        "name": "larger than memory",
        "data": {"source": str(folder), "image_size": [size, size], "channels": 3, "val_fraction": 0.1},
        "model": {"layers": network_layers()},
        "training": {
            "epochs": epochs,
            "batch_size": BATCH,
            "optimizer": "adam",
            "learning_rate": 0.003,
            "device": "cpu",
        },
    }
    project_file = work / "project.json"
    project_file.write_text(json.dumps(project))
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "playground", "train", str(project_file), "--json", "--out", str(work / "run")],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        return {"returncode": result.returncode, "error": result.stderr[-2000:]}
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    records = [record for record in lines if record.get("event") == "epoch"]
    return {
        "returncode": 0,
        "speeds": [r["images_per_second"] for r in records],
        "val_acc": records[-1].get("val_acc"),
        "seconds": elapsed,
    }


def imagefolder(folder: Path, size: int, epochs: int) -> dict:
    import torch
    from torch import nn
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    from playground.ml.network.transfer import build_network
    from playground.spec.project import project_from_dict

    project = project_from_dict(
        {
            "format": "cnn-playground/1",
            "name": "imagefolder",
            "data": {"source": "builtin:shapes", "image_size": [size, size], "channels": 3},
            "model": {"layers": network_layers()},
        }
    )
    model = build_network(project, CLASSES)
    prepare = transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor()])
    loader = DataLoader(
        datasets.ImageFolder(str(folder), prepare),
        batch_size=BATCH,
        shuffle=True,
        num_workers=2,
        drop_last=True,
        persistent_workers=True,
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    loss_function = nn.CrossEntropyLoss()
    speeds = []
    for _epoch in range(epochs):
        seen, started = 0, time.perf_counter()
        for images, labels in loader:
            optimizer.zero_grad()
            loss_function(model(images), labels).backward()
            optimizer.step()
            seen += len(labels)
        speeds.append(seen / (time.perf_counter() - started))
    return {"returncode": 0, "speeds": speeds}


def child(args) -> None:
    """Run one contender inside the cgroup; print its result as JSON on the last line."""
    cgroup = Cgroup.__new__(Cgroup)  # made by the parent: only joined here
    cgroup.folder = Path(args.cgroup)
    cgroup.join()
    work = Path(tempfile.mkdtemp(prefix="bench-ltm-"))
    if args.child == "ours":
        result = ours(Path(args.folder), args.size, args.epochs, work)
    else:
        result = imagefolder(Path(args.folder), args.size, args.epochs)
    result["max_rss"] = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        * 1024
    )
    print(json.dumps(result))


def run_child(cgroup: Cgroup, which: str, args, folder: Path, env: dict) -> dict:
    cgroup.reset_peak()
    kills = cgroup.kills()
    command = [
        sys.executable,
        __file__,
        "--child",
        which,
        "--cgroup",
        str(cgroup.folder),
        "--folder",
        str(folder),
        "--size",
        str(args.size),
        "--epochs",
        str(args.epochs),
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if done.returncode == 0 and lines else {"returncode": done.returncode}
    if done.returncode != 0:
        result["error"] = done.stderr[-2000:]
    result["peak"] = cgroup.peak()
    result["killed"] = cgroup.kills() - kills
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit-mb", type=int, default=1024)
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--work", default="", help="a folder on a disk (not tmpfs) for the photos and the cache")
    parser.add_argument("--only", choices=("ours", "imagefolder"), help="run one contender")
    parser.add_argument("--child", choices=("ours", "imagefolder"), help=argparse.SUPPRESS)
    parser.add_argument("--cgroup", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if os.geteuid() != 0:
        raise SystemExit("run as root: the benchmark makes a memory cgroup")
    limit = args.limit_mb * 1024**2
    count = int(1.5 * limit / (3 * args.size * args.size))
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-larger-than-memory-", dir="/var/tmp"))
    folder = work / "photos"
    if not folder.is_dir():
        started = time.perf_counter()
        make_folder(folder, count, args.size)
        print(f"made {count:,} JPEGs of {args.size} px in {time.perf_counter() - started:.0f} s")
    env = {**os.environ, "CNN_PLAYGROUND_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(Path(__file__).parents[2])}
    cgroup = Cgroup(limit)
    try:
        results = {
            name: run_child(cgroup, name, args, folder, env)
            for name in ("ours", "imagefolder")
            if args.only in (None, name)
        }
    finally:
        cgroup.remove()
    decoded = count * 3 * args.size * args.size
    print(
        f"{count:,} images of 3x{args.size}x{args.size}: {decoded / 1024**3:.2f} GB decoded, cgroup limit"
        f" {limit / 1024**3:.2f} GB ({decoded / limit:.2f}x); {args.epochs} epochs; {os.cpu_count()} cores"
    )
    for name, result in results.items():
        if result.get("returncode"):
            print(f"  {name}: FAILED (exit {result['returncode']}, killed {result['killed']}): {result.get('error')}")
            continue
        speeds = result["speeds"]
        steady = speeds[1:] or speeds
        print(
            f"  {name:<12} epochs {', '.join(f'{s:,.0f}' for s in speeds)} images/s; steady {min(steady):,.0f}; "
            f"cgroup peak {result['peak'] / 1024**2:,.0f} MB of {limit / 1024**2:,.0f}; "
            f"peak RSS {result['max_rss'] / 1024**2:,.0f} MB; killed {result['killed']}"
        )
    if len(results) == 2 and all(not r.get("returncode") for r in results.values()):
        ours_speed = statistics.median(results["ours"]["speeds"][1:] or results["ours"]["speeds"])
        theirs = statistics.median(results["imagefolder"]["speeds"])
        first = results["ours"]
        print(
            f"  ours: first epoch {first['speeds'][0]:,.0f} images/s (its pages not read yet); whole run, the"
            f" decoding into the cache included, {first['seconds']:.0f} s; validation accuracy {first['val_acc']}"
        )
        print(f"  ratio ours / ImageFolder (steady epochs): {ours_speed / theirs:.2f}  (goal >= 1.0)")


if __name__ == "__main__":
    main()
