"""Feature extraction: an epoch on cached base features vs running the frozen base every batch.

    python tests/benchmarks/bench_transfer.py [--network playground_mini] [--size 64] [--rounds 3]

The same project (pretrained base, feature extraction, no augmentation) trained for 2 epochs both
ways, alternating; the cached run's first-epoch time includes computing the features once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from playground.ml import engine
from playground.ml.data import prepare_data
from playground.ml.events import EpochFinished, Started
from playground.spec.project import project_from_dict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--network", default="playground_mini")
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    project = project_from_dict(
        {
            "format": "cnn-playground/1",
            "data": {"source": "builtin:shapes", "image_size": [args.size, args.size], "channels": 3},
            "model": {"layers": [{"type": "global_avgpool"}, {"type": "dense", "units": "auto"}]},
            "training": {"epochs": 2, "batch_size": 64, "device": "cpu"},
            "pretrained": {"network": args.network, "mode": "feature_extraction"},
        }
    )
    data = prepare_data(project.data, 0)
    share = engine.FEATURE_CACHE_SHARE
    results: dict[str, list[float]] = {"cached": [], "recomputed": []}
    for round_number in range(args.rounds):
        order = ["cached", "recomputed"] if round_number % 2 == 0 else ["recomputed", "cached"]
        for mode in order:
            engine.FEATURE_CACHE_SHARE = share if mode == "cached" else 0.0
            started = time.perf_counter()
            events = list(engine.fit(project, data))
            assert next(e for e in events if isinstance(e, Started)).cached_features == (mode == "cached")
            epochs = sum(isinstance(e, EpochFinished) for e in events)
            results[mode].append((time.perf_counter() - started) / epochs)
    cached, recomputed = statistics.median(results["cached"]), statistics.median(results["recomputed"])
    print(f"{args.network} at {args.size}x{args.size}, {len(data.train)} training images, feature extraction")
    print(f"  epoch with cached features (the first computes them)   {cached:7.2f} s")
    print(f"  epoch running the frozen base every batch              {recomputed:7.2f} s")
    print(f"  speed-up: {recomputed / cached:.1f}x")


if __name__ == "__main__":
    main()
