"""Feature extraction: a whole run on cached base features vs running the frozen base every batch.

    python tests/benchmarks/bench_transfer.py [--network playground_mini] [--size 64] [--epochs 10] [--rounds 3]

The same project (pretrained base, feature extraction, no augmentation) trained for `--epochs`
epochs both ways, alternating, with the engine's default threads; the cached run's time includes
computing the features once. Prints the one-off feature pass beside an ordinary epoch, a head
epoch on the cached features, and the speed-up of the whole run (goal >= 5x at 10 epochs).

The first round runs in a process that has done nothing yet, as a user's first run does: it is
printed apart, broken into its parts (importing torch and the app, loading the images, building
the network with its weights, the feature pass, the first epoch), beside the median round (goal:
the first cached run within 1.5x of the median one; `--rounds 1` in a fresh process shows it).
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()  # before torch and the app are imported: their cost is a first run's

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from playground.ml.data.prepare import prepare_data  # noqa: E402
from playground.ml.training import engine  # noqa: E402
from playground.ml.training.events import EpochFinished, Started  # noqa: E402
from playground.spec.project import project_from_dict  # noqa: E402

IMPORTED = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--network", default="playground_mini")
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()
    project = project_from_dict(
        {
            "format": "cnn-playground/1",
            "data": {"source": "builtin:shapes", "image_size": [args.size, args.size], "channels": 3},
            "model": {"layers": [{"type": "global_avgpool"}, {"type": "dense", "units": "auto"}]},
            "training": {"epochs": args.epochs, "batch_size": 64, "device": "cpu"},
            "pretrained": {"network": args.network, "mode": "feature_extraction"},
        }
    )
    loading = time.perf_counter()
    data = prepare_data(project.data, 0)
    loaded = time.perf_counter()
    build_seconds: list[float] = []
    build = engine.build_network

    def timed_build(*args, **kwargs):
        started = time.perf_counter()
        try:
            return build(*args, **kwargs)
        finally:
            build_seconds.append(time.perf_counter() - started)

    engine.build_network = timed_build
    first_epochs: dict[str, float] = {}
    share = engine.FEATURE_CACHE_SHARE
    runs: dict[str, list[float]] = {"cached": [], "recomputed": []}
    feature_pass, head_epoch, base_epoch = [], [], []
    for round_number in range(args.rounds):
        order = ["cached", "recomputed"] if round_number % 2 == 0 else ["recomputed", "cached"]
        for mode in order:
            engine.FEATURE_CACHE_SHARE = share if mode == "cached" else 0.0
            started = time.perf_counter()
            epochs = []
            for event in engine.fit(project, data):
                if isinstance(event, Started):
                    assert event.cached_features == (mode == "cached")
                    if mode == "cached":
                        feature_pass.append(time.perf_counter() - started)
                elif isinstance(event, EpochFinished):
                    epochs.append(event.seconds)
                    first_epochs.setdefault(mode, event.seconds)
            runs[mode].append(time.perf_counter() - started)
            (head_epoch if mode == "cached" else base_epoch).append(statistics.median(epochs))
    engine.FEATURE_CACHE_SHARE = share
    cached, recomputed = statistics.median(runs["cached"]), statistics.median(runs["recomputed"])
    print(
        f"{args.network} at {args.size}x{args.size}, {len(data.train)} training and {len(data.val)} validation"
        f" images, feature extraction, {args.epochs} epochs, {args.rounds} rounds (medians)"
    )
    print(f"  one-off feature pass (training + validation images)   {statistics.median(feature_pass):7.2f} s")
    print(f"  an epoch running the frozen base every batch          {statistics.median(base_epoch):7.2f} s")
    print(f"  an epoch of the head on cached features               {statistics.median(head_epoch):7.3f} s")
    print(f"  whole run, cached features                            {cached:7.2f} s")
    print(f"  whole run, frozen base every batch                    {recomputed:7.2f} s")
    print(f"  speed-up: {recomputed / cached:.1f}x  (goal >= 5x at 10 epochs)")
    first = runs["cached"][0]
    print("The first cached run, in this fresh process (the process's one-off costs, then the run's parts):")
    print(f"  importing torch and the app                           {IMPORTED - PROCESS_START:7.2f} s")
    print(f"  loading the images (decoded-image cache)              {loaded - loading:7.2f} s")
    print(
        f"  building the network with its pretrained weights      {build_seconds[0]:7.2f} s"
        f"  (later: {statistics.median(build_seconds[1:] or build_seconds):.2f} s)"
    )
    print(
        f"  feature pass                                          {feature_pass[0]:7.2f} s"
        f"  (median {statistics.median(feature_pass):.2f} s)"
    )
    print(
        f"  first epoch on the cached features                    {first_epochs['cached']:7.3f} s"
        f"  (median epoch {statistics.median(head_epoch):.3f} s)"
    )
    ratio = first / cached
    print(f"  the run: {first:.2f} s against the median cached run {cached:.2f} s: {ratio:.2f}x  (goal <= 1.5x)")


if __name__ == "__main__":
    main()
