"""Block icons, painted in code so they scale, need no files and follow the palette's colours."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

# One colour per family, as the builder's cards use them.
BLOCK_COLOURS = {
    "conv2d": "#3b7dd8",
    "maxpool2d": "#2a9d8f",
    "avgpool2d": "#2a9d8f",
    "minpool2d": "#2a9d8f",
    "batchnorm2d": "#8d6cc9",
    "activation": "#e07a1f",
    "dropout": "#9a9a9a",
    "flatten": "#c9a227",
    "global_avgpool": "#2a9d8f",
    "dense": "#d1495b",
}


def _grid(painter: QPainter, rect: QRectF, cells: int, colour: QColor, filled: set[tuple[int, int]] = frozenset()):
    step = rect.width() / cells
    for row in range(cells):
        for col in range(cells):
            cell = QRectF(rect.left() + col * step, rect.top() + row * step, step, step)
            painter.fillRect(cell, colour if (row, col) in filled else QColor(colour).lighter(175))
            painter.drawRect(cell)


def _draw(kind: str, painter: QPainter, size: int) -> None:
    colour = QColor(BLOCK_COLOURS.get(kind, "#666666"))
    painter.setPen(QPen(colour.darker(130), max(1.0, size / 32)))
    m = size * 0.12
    box = QRectF(m, m, size - 2 * m, size - 2 * m)
    if kind == "conv2d":  # a kernel sliding over a grid
        _grid(painter, box, 4, colour, {(0, 0), (0, 1), (1, 0), (1, 1)})
    elif kind in ("maxpool2d", "avgpool2d", "minpool2d"):  # 2x2 windows into one cell
        _grid(
            painter,
            QRectF(m, m, box.width() * 0.55, box.width() * 0.55),
            2,
            colour,
            {(0, 1)} if kind == "maxpool2d" else {(1, 0)} if kind == "minpool2d" else {(0, 0), (0, 1), (1, 0), (1, 1)},
        )
        small = QRectF(size * 0.62, size * 0.62, box.width() * 0.28, box.width() * 0.28)
        painter.fillRect(small, colour)
        painter.drawRect(small)
    elif kind == "global_avgpool":
        _grid(
            painter,
            QRectF(m, m, box.width() * 0.6, box.width() * 0.6),
            3,
            colour,
            {(r, c) for r in range(3) for c in range(3)},
        )
        painter.drawEllipse(QPointF(size * 0.78, size * 0.78), size * 0.1, size * 0.1)
    elif kind == "batchnorm2d":  # a bell curve
        path = QPainterPath(QPointF(m, size - m))
        for i in range(41):
            x = i / 40
            path.lineTo(m + x * box.width(), size - m - box.height() * 0.85 * 2.718 ** (-((x - 0.5) ** 2) / 0.03))
        painter.drawPath(path)
    elif kind == "activation":  # ReLU
        painter.drawLine(QPointF(m, size * 0.65), QPointF(size * 0.5, size * 0.65))
        painter.drawLine(QPointF(size * 0.5, size * 0.65), QPointF(size - m, m))
    elif kind == "dropout":  # dots, some crossed out
        for i in range(3):
            for j in range(3):
                centre = QPointF(m + (i + 0.5) * box.width() / 3, m + (j + 0.5) * box.height() / 3)
                if (i + j) % 2:
                    painter.drawLine(
                        centre - QPointF(size * 0.07, size * 0.07), centre + QPointF(size * 0.07, size * 0.07)
                    )
                else:
                    painter.setBrush(colour)
                    painter.drawEllipse(centre, size * 0.08, size * 0.08)
    elif kind == "flatten":  # a square becomes a column
        _grid(painter, QRectF(m, m, box.width() * 0.5, box.width() * 0.5), 2, colour)
        for k in range(4):
            painter.fillRect(QRectF(size * 0.7, m + k * box.height() / 4, size * 0.14, box.height() / 4 - 1), colour)
    elif kind == "dense":  # fully connected nodes
        left = [QPointF(size * 0.25, m + (k + 0.5) * box.height() / 3) for k in range(3)]
        right = [QPointF(size * 0.75, m + (k + 0.5) * box.height() / 2) for k in range(2)]
        for a in left:
            for b in right:
                painter.drawLine(a, b)
        painter.setBrush(colour)
        for point in left + right:
            painter.drawEllipse(point, size * 0.08, size * 0.08)


@cache
def block_icon(kind: str, size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw(kind, painter, size)
    painter.end()
    return QIcon(pixmap)
