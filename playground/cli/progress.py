"""Progress within an epoch for `cnn-playground train`: a tqdm bar on a terminal (images/s, time
left), a plain line every PLAIN_INTERVAL seconds when the output goes to a file or a pipe (a log
then shows that a long epoch is moving), nothing with --json (its lines are for programs)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

PLAIN_INTERVAL = 10.0  # seconds between progress lines when the output is not a terminal


class EpochProgress:
    def __init__(self, stream: TextIO = sys.stdout, *, terminal: bool | None = None):
        self.stream = stream
        self.terminal = stream.isatty() if terminal is None else terminal
        self._bar = None
        self._epoch = 0
        self._first = (0, 0.0)  # (batch, time) of the epoch's first report
        self._last_line = 0.0

    def batch(self, event) -> None:
        """A BatchFinished event (at most ~10 a second: the engine throttles them)."""
        if self.terminal:
            self._update_bar(event)
            return
        now = time.monotonic()
        if self._epoch != event.epoch:  # the epoch's first report: the pace is measured from here
            self._epoch, self._first, self._last_line = event.epoch, (event.batch, now), now
            return
        if now - self._last_line >= PLAIN_INTERVAL and event.batch < event.batches:
            self._last_line = now
            first_batch, first_time = self._first
            left = (event.batches - event.batch) * (now - first_time) / max(event.batch - first_batch, 1)
            line = (
                f"epoch {event.epoch}: batch {event.batch}/{event.batches}, loss {event.loss:.4f},"
                f" {event.images_per_second:,.0f} img/s, about {_clock(left)} left"
            )
            print(line, file=self.stream, flush=True)

    def _update_bar(self, event) -> None:
        from tqdm import tqdm

        if self._bar is None or self._epoch != event.epoch:
            self.close()
            self._epoch = event.epoch
            self._bar = tqdm(
                total=event.batches,
                desc=f"epoch {event.epoch}",
                unit="batch",
                file=self.stream,
                leave=False,
                dynamic_ncols=True,
                disable=False,
            )
        self._bar.set_postfix_str(
            f"loss {event.loss:.4f} acc {event.accuracy:.1%} {event.images_per_second:,.0f} img/s"
        )
        self._bar.update(event.batch - self._bar.n)

    def close(self) -> None:
        """Before an epoch's line is printed: the bar goes, the line takes its place."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"
