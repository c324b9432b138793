"""The Train page's status: two lines whose height never changes, and the run's progress in them
and in the bar."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy


class StatusLine(QLabel):
    """Two lines whose height never depends on the text (a label that grows as its text changes
    re-lays out the page, and the plots repaint with it, ten times a second); a longer text wraps,
    and the whole of it is the tooltip."""

    def __init__(self, text: str = ""):
        super().__init__()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()
        self.setText(text)

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self._fit_height()


class RunProgress(QObject):
    """The run's progress where the page shows it: the status line's text (loading, the epoch and
    batch, images/s, time left) and the bar, updated a few times a second at most (every repaint
    costs the window's thread)."""

    INTERVAL = 0.25  # seconds between updates of the text and the bar

    def __init__(self, status: StatusLine, bar: QProgressBar):
        super().__init__(status)
        self.status, self.bar = status, bar
        self._started_at = 0.0
        self._last = 0.0
        self.span = (0, 1)  # (first epoch, last epoch) of the training in progress

    def loading(self, done: int, total: int) -> None:
        self.status.setText(self.tr("Loading the images: {0} of {1}…").format(f"{done:,}", f"{total:,}"))
        self.bar.setValue(round(1000 * done / max(total, 1)))

    def started(self, start_epoch: int, epochs: int) -> None:
        self._started_at = time.perf_counter()
        self.span = (start_epoch, epochs)

    def fraction(self, epoch: int, batch_fraction: float) -> float:
        first, last = self.span
        return min(1.0, ((epoch - 1 - first) + batch_fraction) / max(last - first, 1))

    def batch(self, event) -> None:
        now = time.perf_counter()
        if now - self._last < self.INTERVAL and event.batch != event.batches:
            return
        self._last = now
        fraction = self.fraction(event.epoch, event.batch / event.batches)
        self.bar.setValue(round(fraction * 1000))
        elapsed = now - self._started_at
        left = elapsed / fraction * (1 - fraction) if fraction > 0 else 0
        self.status.setText(
            self.tr("Epoch {0}/{1} · batch {2}/{3} · {4} images/s · about {5} left").format(
                event.epoch,
                self.span[1],
                event.batch,
                event.batches,
                f"{event.images_per_second:,.0f}",
                f"{int(left // 60)}:{int(left % 60):02d}",
            )
        )
