"""Shared by the benchmarks: alternate the contenders, report medians and their ratio."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def alternate(contenders: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Run each contender once per round, in turn; each returns a rate (higher is better). Medians."""
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for round_number in range(rounds):
        order = list(contenders.items())
        if round_number % 2:
            order.reverse()  # neither side always goes first (warm caches, turbo)
        for name, run in order:
            rates[name].append(run())
    return {name: statistics.median(values) for name, values in rates.items()}


def timed(function: Callable[[], int]) -> float:
    """Items per second of a function that returns how many items it processed."""
    start = time.perf_counter()
    items = function()
    return items / (time.perf_counter() - start)


def report(title: str, medians: dict[str, float], ours: str, theirs: str, goal: float, unit: str = "images/s") -> None:
    print(f"\n{title}")
    for name, value in medians.items():
        print(f"  {name:<44} {value:>10,.0f} {unit}")
    ratio = medians[ours] / medians[theirs]
    verdict = "meets" if ratio >= goal else "MISSES"
    print(f"  ratio {ours} / {theirs}: {ratio:.3f}  (goal >= {goal}: {verdict})")
