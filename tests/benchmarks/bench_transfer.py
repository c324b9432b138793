"""Feature extraction: a whole run on cached base features vs running the frozen base every batch.

    python tests/benchmarks/bench_transfer.py [--network playground_mini] [--size 64] [--epochs 10] [--rounds 3]

The same project (pretrained base, feature extraction, no augmentation) trained for `--epochs`
epochs both ways, alternating, with the engine's default threads; the cached run's time includes
computing the features once. Prints the one-off feature pass beside an ordinary epoch, a head
epoch on the cached features, and the speed-up of the whole run (goal >= 5x at 10 epochs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from playground.ml.data.prepare import prepare_data
from playground.ml.training import engine
from playground.ml.training.events import EpochFinished, Started
from playground.spec.project import project_from_dict


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
    data = prepare_data(project.data, 0)
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
            runs[mode].append(time.perf_counter() - started)
            (head_epoch if mode == "cached" else base_epoch).append(statistics.median(epochs))
    engine.FEATURE_CACHE_SHARE = share
    cached, recomputed = statistics.median(runs["cached"]), statistics.median(runs["recomputed"])
    print(f"{args.network} at {args.size}x{args.size}, {len(data.train)} training and {len(data.val)} validation"
          f" images, feature extraction, {args.epochs} epochs, {args.rounds} rounds (medians)")  # fmt: skip
    print(f"  one-off feature pass (training + validation images)   {statistics.median(feature_pass):7.2f} s")
    print(f"  an epoch running the frozen base every batch          {statistics.median(base_epoch):7.2f} s")
    print(f"  an epoch of the head on cached features               {statistics.median(head_epoch):7.3f} s")
    print(f"  whole run, cached features                            {cached:7.2f} s")
    print(f"  whole run, frozen base every batch                    {recomputed:7.2f} s")
    print(f"  speed-up: {recomputed / cached:.1f}x  (goal >= 5x at 10 epochs)")


if __name__ == "__main__":
    main()
