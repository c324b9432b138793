"""One feature map (or a layer's units laid out in rows) as grey squares, each value one square;
click a square to ask how it was computed. A window (the cells a clicked cell was made from) and
the chosen cell can be marked on it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from playground.gui.widgets.heatmap import grey_image

WINDOW_COLOUR = QColor("#ffb300")
CHOSEN_COLOUR = QColor("#ff3d00")


class MapView(QWidget):
    cell_clicked = Signal(int, int)  # row, column

    def __init__(self, values: np.ndarray, cell_pixels: int, parent=None, tooltip: str = ""):
        super().__init__(parent)
        self.values = np.atleast_2d(np.asarray(values, dtype=float))
        self.cell_pixels = cell_pixels
        self.window: tuple[int, int, int, int] | None = None  # top, left, height, width (may reach into padding)
        self.chosen: tuple[int, int] | None = None
        grey = grey_image(self.values)[0]
        height, width = grey.shape
        self.image = QImage(grey.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()
        # As large as its cells (not a fixed size: presentation mode enlarged that but not the picture in it,
        # a grey band beside each map; a map is a picture, not text, and keeps its size).
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(tooltip)

    def sizeHint(self) -> QSize:
        rows, cols = self.values.shape
        return QSize(cols * self.cell_pixels + 2, rows * self.cell_pixels + 2)

    def mark(self, window: tuple[int, int, int, int] | None = None, chosen: tuple[int, int] | None = None) -> None:
        self.window, self.chosen = window, chosen
        self.update()

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        row, col = int((y - 1) // self.cell_pixels), int((x - 1) // self.cell_pixels)
        rows, cols = self.values.shape
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is not None:
            self.cell_clicked.emit(*cell)

    def _cells(self, top: int, left: int, height: int, width: int) -> QRect:
        size = self.cell_pixels
        return QRect(1 + left * size, 1 + top * size, width * size, height * size)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#888888"))
        rows, cols = self.values.shape
        painter.drawImage(QRect(1, 1, cols * self.cell_pixels, rows * self.cell_pixels), self.image)
        if self.window is not None:
            painter.setPen(QPen(WINDOW_COLOUR, 2))
            painter.drawRect(self._cells(*self.window))
        if self.chosen is not None:
            painter.setPen(QPen(CHOSEN_COLOUR, 2))
            painter.drawRect(self._cells(*self.chosen, 1, 1))
        painter.end()


class MapGrid(QWidget):
    """A layer's maps in rows, as many to a row as the width given to `arrange` holds (a flowing
    layout inside a scroll area does not get its height right, so the rows are counted here)."""

    SPACING = 4

    def __init__(self, views: list[QWidget], parent=None):
        super().__init__(parent)
        self.views = views
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(self.SPACING)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.arrange(600)

    def arrange(self, width: int) -> None:
        if not self.views:
            return
        widest = max(view.sizeHint().width() for view in self.views) + self.SPACING
        columns = max(1, (width + self.SPACING) // widest)
        for view in self.views:
            self.grid.removeWidget(view)
        for number, view in enumerate(self.views):
            self.grid.addWidget(view, number // columns, number % columns)
        rows = -(-len(self.views) // columns)
        tallest = max(view.sizeHint().height() for view in self.views)
        self.setFixedHeight(rows * (tallest + self.SPACING))
