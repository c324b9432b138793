"""Live loss and accuracy curves (pyqtgraph), redrawn from a timer a few times a second.

Training reports at most ~10 batch events a second; points are collected as they come and the
curves are redrawn from a timer, so a burst of events never turns into a burst of redraws.
pyqtgraph paints in Python, holding the GIL the training thread needs between its operations:
measured on 2 cores, redrawing ~18 times a second cost training 40-50% of its images/s. So the
curves are redrawn 5 times a second, the x axis is fixed to the run's epochs (an axis whose range
changes regenerates its ticks on every paint) and accuracy's y axis is fixed to 0..1. Other
habits: float64 arrays, clip to view, peak downsampling, 1 px pens (2 px was 6x slower).

What is not on screen is not drawn: hidden plots (another page, a minimised window) only collect
points and draw once when they are shown again; and the timer runs only while there is something
new to draw, so an idle or hidden window never wakes up for the plots.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from playground.gui.widgets.layer_labels import tr

REDRAW_MS = 200
SMOOTHING = 0.3  # weight of the newest batch report in the running average that is drawn
# Okabe and Ito's colour-blind-safe palette, one colour per overlaid run; the run in progress keeps
# blue (training) and vermillion (validation) and solid lines, so it stands out.
CURRENT_COLOURS = {"batch": "#9ecae1", "train": "#0072B2", "val": "#D55E00"}
OVERLAY_COLOURS = ("#009E73", "#CC79A7", "#000000", "#E69F00", "#56B4E9", "#F0E442")


class _Series:
    def __init__(self):
        self.x: list[float] = []
        self.y: list[float] = []

    def add(self, x: float, y: float) -> None:
        self.x.append(x)
        self.y.append(y)

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(self.x, dtype=np.float64), np.asarray(self.y, dtype=np.float64)

    def clear(self) -> None:
        self.x.clear()
        self.y.clear()


class TrainingPlots(QWidget):
    """Loss (left) and accuracy (right): training per batch (smoothed) and per epoch, validation
    per epoch, the best epoch marked, other runs overlaid in colours of their own, and the key
    under the plots."""

    def __init__(self, parent=None):
        super().__init__(parent)
        import pyqtgraph as pg  # imported with the first plot, not at start-up (0.3 s)

        self.pg = pg
        self.plots = {}
        self.curves = {}
        self.series = {}
        self.best_markers = {}
        self.overlay_items: list = []
        self.phase_lines: list = []  # (plot, line) where fine-tuning began
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for column, (metric, title) in enumerate((("loss", tr("Loss")), ("acc", tr("Accuracy")))):
            plot = pg.PlotWidget(background="w")
            plot.setObjectName(f"{metric}_plot")
            plot.setTitle(title, color="#222")
            plot.setLabel("bottom", tr("epoch"))
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
            if metric == "acc":
                plot.setYRange(0, 1, padding=0.02)
                plot.enableAutoRange(y=False)
            self.plots[metric] = plot
            for kind, symbol in (("batch", None), ("train", "o"), ("val", "t")):
                colour = CURRENT_COLOURS[kind]
                pen = pg.mkPen(colour, width=1)
                curve = plot.plot([], [], pen=pen, symbol=symbol, symbolSize=6, symbolBrush=colour, symbolPen=pen)
                self.curves[metric, kind] = curve
                self.series[metric, kind] = _Series()
            marker = pg.ScatterPlotItem(size=16, symbol="star", brush="#ffbf00", pen=pg.mkPen("#7a5c00", width=1))
            plot.addItem(marker)
            self.best_markers[metric] = marker
            layout.addWidget(plot, 0, column)
        # The key sits under the plots, never over the curves; it wraps on a narrow window.
        self.legend = QLabel()
        self.legend.setObjectName("plot_legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.legend, 1, 0, 1, 2)
        self._overlaid: list[tuple[str, str]] = []  # (run name, colour)
        self._update_legend()
        self._smoothed: dict[str, float | None] = {"loss": None, "acc": None}
        self._best: dict[str, tuple[list, list]] = {"loss": ([], []), "acc": ([], [])}
        self._dirty = False
        self.redraws = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # started by new points: nothing new, no wake-ups
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)

    # ---------------------------------------------------------------- data in

    def _changed(self) -> None:
        self._dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def clear(self) -> None:
        for series in self.series.values():
            series.clear()
        self._best = {"loss": ([], []), "acc": ([], [])}
        self._smoothed = {"loss": None, "acc": None}
        self._changed()

    def set_epoch_span(self, first: int, last: int) -> None:
        """Fix the x axis to the epochs of the run in progress (no re-ranging while it grows)."""
        for plot in self.plots.values():
            plot.setXRange(first, last, padding=0.02)
            plot.enableAutoRange(x=False)

    def add_batch(self, position: float, loss: float, accuracy: float) -> None:
        """`position` in epochs (2.5 = halfway through epoch 3)."""
        for metric, value in (("loss", loss), ("acc", accuracy)):
            previous = self._smoothed[metric]
            smooth = value if previous is None else SMOOTHING * value + (1 - SMOOTHING) * previous
            self._smoothed[metric] = smooth
            self.series[metric, "batch"].add(position, smooth)
        self._changed()

    def add_epoch(self, epoch: int, train_loss, train_acc, val_loss, val_acc) -> None:
        self.series["loss", "train"].add(epoch, train_loss)
        self.series["acc", "train"].add(epoch, train_acc)
        if val_loss is not None:
            self.series["loss", "val"].add(epoch, val_loss)
            self.series["acc", "val"].add(epoch, val_acc)
        self._changed()

    def mark_phase_starts(self, epochs: list[int]) -> None:
        """A vertical line after each epoch where fine-tuning began (phase two of transfer learning)."""
        for plot, line in self.phase_lines:
            plot.removeItem(line)
        self.phase_lines = []
        pen = self.pg.mkPen("#555", width=1, style=self.pg.QtCore.Qt.PenStyle.DashDotLine)
        for epoch in epochs:
            for plot in self.plots.values():
                line = self.pg.InfiniteLine(
                    pos=epoch, angle=90, pen=pen, label=tr("fine-tuning"), labelOpts={"position": 0.95, "color": "#555"}
                )
                plot.addItem(line)
                self.phase_lines.append((plot, line))

    def mark_best(self, epoch: int, loss: float | None, accuracy: float | None) -> None:
        """Star the best epoch (drawn with the curves, at the next redraw)."""
        if loss is not None:
            self._best["loss"] = ([epoch], [loss])
        if accuracy is not None:
            self._best["acc"] = ([epoch], [accuracy])
        self._changed()

    def show_history(self, history: list[dict]) -> None:
        """Draw a finished run from its epoch records (no batch curve)."""
        self.clear()
        for record in history:
            self.add_epoch(
                record["epoch"], record["train_loss"], record["train_acc"], record["val_loss"], record["val_acc"]
            )
        best = [r for r in history if r.get("is_best")]
        if best:
            self.mark_best(best[-1]["epoch"], best[-1]["val_loss"], best[-1]["val_acc"])
        self.redraw()

    def overlay(self, runs: list[tuple[str, list[dict]]]) -> None:
        """Other runs' epoch curves in one colour per run: training dotted, validation dashed."""
        for plot, item in self.overlay_items:
            plot.removeItem(item)
        self.overlay_items, self._overlaid = [], []
        for index, (name, history) in enumerate(runs):
            colour = OVERLAY_COLOURS[index % len(OVERLAY_COLOURS)]
            self._overlaid.append((name, colour))
            epochs = np.asarray([r["epoch"] for r in history], dtype=np.float64)
            for metric in ("loss", "acc"):
                plot = self.plots[metric]
                for part, style in (
                    ("train", self.pg.QtCore.Qt.PenStyle.DotLine),
                    ("val", self.pg.QtCore.Qt.PenStyle.DashLine),
                ):
                    values = [r[f"{part}_{metric}"] for r in history]
                    if any(v is None for v in values):
                        continue
                    pen = self.pg.mkPen(colour, width=1, style=style)
                    item = plot.plot(epochs, np.asarray(values, dtype=np.float64), pen=pen)
                    self.overlay_items.append((plot, item))
        self._update_legend()

    def _update_legend(self) -> None:
        def line(colour: str, pattern: str = "━━") -> str:
            return f'<span style="color:{colour}; font-weight:bold">{pattern}</span>'

        entries = [
            (line(CURRENT_COLOURS["batch"]), tr("training (per batch, smoothed)")),
            (line(CURRENT_COLOURS["train"], "━●━"), tr("training (per epoch)")),
            (line(CURRENT_COLOURS["val"], "━▲━"), tr("validation")),
            ('<span style="color:#ffbf00">★</span>', tr("best epoch")),
        ]
        for name, colour in self._overlaid:
            entries.append((line(colour, "┅┅"), tr("{0}: training dotted, validation dashed").format(name)))
        # An entry never breaks inside itself: the key wraps between entries only.
        self.legend.setText(
            " &nbsp;&nbsp; ".join(f"{mark}&nbsp;{html.escape(text).replace(' ', '&nbsp;')}" for mark, text in entries)
        )

    # ---------------------------------------------------------------- drawing

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.redraw()  # what came while hidden

    def redraw(self) -> None:
        if not self._dirty or not self.isVisible():  # hidden: drawn when shown (showEvent)
            return
        self._dirty = False
        self.redraws += 1
        for key, curve in self.curves.items():
            curve.setData(*self.series[key].arrays())
        for metric, marker in self.best_markers.items():
            marker.setData(*self._best[metric])

    def point_count(self, metric: str, kind: str) -> int:
        return len(self.series[metric, kind].x)

    def drawn_count(self, metric: str, kind: str) -> int:
        """Points handed to the curve (before pyqtgraph clips and downsamples them for the screen)."""
        x = self.curves[metric, kind].xData
        return 0 if x is None else len(x)
