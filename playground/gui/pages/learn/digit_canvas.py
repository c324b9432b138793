"""A small square to draw a digit on with the mouse: 32×32 cells of ink, as the drawings behind
scikit-learn's 8×8 digits were (playground.ml.inference.walkthrough.digit_from_drawing counts them the same way)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

CELLS = 32
CELL_PIXELS = 6  # 192 px on screen: room for a mouse stroke, small beside the feature maps
PEN_RADIUS = 1.6  # in cells: a stroke about as thick as the digits' own


class DigitCanvas(QWidget):
    drawn = Signal()  # a stroke ended: the drawing is new

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("digit_canvas")
        self.ink = np.zeros((CELLS, CELLS), dtype=bool)
        self.picture: np.ndarray | None = None  # a digit picked from the set, shown until one draws
        self.setFixedSize(CELLS * CELL_PIXELS, CELLS * CELL_PIXELS)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def clear(self) -> None:
        self.ink[:] = False
        self.picture = None
        self.update()

    def show_picture(self, levels: np.ndarray) -> None:
        """Show a picked digit (grey levels, any size) in place of the drawing."""
        self.ink[:] = False
        self.picture = np.asarray(levels, dtype=np.uint8)
        self.update()

    def draw_at(self, point: QPoint) -> None:
        if self.picture is not None:  # drawing starts a fresh digit
            self.picture = None
        rows, cols = np.mgrid[0:CELLS, 0:CELLS]
        y, x = point.y() / CELL_PIXELS - 0.5, point.x() / CELL_PIXELS - 0.5
        self.ink |= (rows - y) ** 2 + (cols - x) ** 2 <= PEN_RADIUS**2
        self.update()

    def mousePressEvent(self, event) -> None:
        self.draw_at(event.position().toPoint())

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.draw_at(event.position().toPoint())

    def mouseReleaseEvent(self, event) -> None:
        self.drawn.emit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if self.picture is not None:
            size = self.width() / self.picture.shape[1]
            for (row, col), value in np.ndenumerate(self.picture):
                if value:
                    painter.fillRect(
                        QRect(round(col * size), round(row * size), round(size) + 1, round(size) + 1),
                        QColor(int(value), int(value), int(value)),
                    )
        else:
            for row, col in zip(*np.nonzero(self.ink), strict=True):
                painter.fillRect(QRect(col * CELL_PIXELS, row * CELL_PIXELS, CELL_PIXELS, CELL_PIXELS), QColor("white"))
        painter.setPen(QColor("#888888"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
