"""Paints a `playground.spec.figure.Figure` with a QPainter: on the screen, into an SVG or a PNG.

One function for all three, so the slide shows exactly what the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPolygonF, QTransform

from playground.spec.figure import LINE_HEIGHT, STACK_STEP, Box, Figure

INVALID_FILL = QColor("#f4a6b0")
INVALID_LINE = QColor("#b00020")
LINE = QColor("#33415c")
WINDOW_LINE = QColor("#d1495b")
FILLS = {
    "input": QColor("#cfd8dc"),
    "base": QColor("#b39ddb"),
    "conv2d": QColor("#90caf9"),
    "maxpool2d": QColor("#a5d6a7"),
    "avgpool2d": QColor("#a5d6a7"),
    "minpool2d": QColor("#a5d6a7"),
    "flatten": QColor("#ffcc80"),
    "dense": QColor("#ffb74d"),
    "global_avgpool": QColor("#a5d6a7"),
}
OTHER_FILL = QColor("#e0e0e0")  # batch norm, activation, dropout: the shape goes through unchanged


@dataclass(frozen=True)
class BoxLabels:
    name: str
    shape: str


def _paint_box(painter: QPainter, box: Box, picture: np.ndarray | None) -> None:
    for behind in range(box.stack - 1, 0, -1):  # a pretrained base's blocks, collapsed one behind the other
        _paint_volume(painter, box, -behind * STACK_STEP)
    _paint_volume(painter, box, 0.0)
    if picture is not None:
        _paint_picture(painter, box, picture)


def picture_image(values: np.ndarray) -> QImage:
    """0..1 values, H×W (grey), H×W×3 (colour) or N (a vector, drawn as a column), as an image."""
    if values.ndim == 1:
        values = values[:, None]
    pixels = np.ascontiguousarray(np.clip(values * 255, 0, 255).astype(np.uint8))
    height, width = pixels.shape[:2]
    if pixels.ndim == 3:
        image = QImage(pixels.data, width, height, width * 3, QImage.Format.Format_RGB888)
    else:
        image = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8)
    return image.copy()  # the numpy buffer is freed when this function returns


def _paint_picture(painter: QPainter, box: Box, values: np.ndarray) -> None:
    """A layer's output in place: a map on the box's H×W side, a vector along its bar."""
    image = picture_image(values)
    face = box.front
    painter.save()
    if box.flat:
        painter.drawImage(QRectF(face.x + 1, face.y + 1, face.width - 2, face.height - 2), image)
    else:
        # The side face is the image's rectangle sheared: W runs along the slant, H straight down.
        painter.setTransform(
            QTransform(
                box.slant / image.width(),
                -box.slant / image.width(),
                0,
                face.height / image.height(),
                face.x + face.width,
                face.y,
            ),
            True,  # combined with the figure's scale
        )
        painter.drawImage(QRectF(0, 0, image.width(), image.height()), image)
    painter.restore()


def _paint_volume(painter: QPainter, box: Box, shift: float) -> None:
    fill = INVALID_FILL if box.invalid else FILLS.get(box.kind, OTHER_FILL)
    outline = INVALID_LINE if box.invalid else LINE
    painter.setPen(QPen(outline, 1.2 if box.invalid else 1.0))
    x, y, w, h, s = box.front.x + shift, box.front.y, box.front.width, box.front.height, box.slant
    if s:
        top = QPolygonF([QPointF(x, y), QPointF(x + w, y), QPointF(x + w + s, y - s), QPointF(x + s, y - s)])
        side = QPolygonF(
            [QPointF(x + w, y), QPointF(x + w + s, y - s), QPointF(x + w + s, y + h - s), QPointF(x + w, y + h)]
        )
        painter.setBrush(QBrush(fill.lighter(112)))
        painter.drawPolygon(top)
        painter.setBrush(QBrush(fill.darker(112)))
        painter.drawPolygon(side)
    painter.setBrush(QBrush(fill))
    painter.drawRect(QRectF(x, y, w, h))


def _paint_window(painter: QPainter, box: Box) -> None:
    window = box.window
    if window is None:
        return
    painter.setPen(QPen(WINDOW_LINE, 1.2))
    painter.setBrush(QBrush(QColor(209, 73, 91, 60)))
    corners = [QPointF(*corner) for corner in window.corners]
    painter.drawPolygon(QPolygonF(corners))
    if window.target is None:
        return
    target = QPointF(*window.target)
    for corner in corners:  # the pyramid from the window to the one cell it makes
        painter.drawLine(corner, target)


def _paint_labels(painter: QPainter, box: Box, labels: BoxLabels) -> None:
    painter.setPen(INVALID_LINE if box.invalid else LINE)
    left = box.centre_x - box.label_width / 2
    # The name ends just above the shape, whether it takes one line or wraps to two.
    name = QRectF(left, box.label_y, box.label_width, 2 * LINE_HEIGHT)
    painter.drawText(
        name, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap, labels.name
    )
    shape = QRectF(left, box.label_y + 2 * LINE_HEIGHT, box.label_width, LINE_HEIGHT)
    painter.drawText(shape, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, labels.shape)


def paint_figure(
    painter: QPainter, figure: Figure, labels: list[BoxLabels], font: QFont, pictures: tuple | None = None
) -> None:
    """Paint in the figure's own coordinates (the caller scales); `labels` and `pictures` (each box's
    output for a sample image, when shown) go with `figure.boxes`."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    label_font = QFont(font)
    label_font.setPixelSize(12)
    painter.setFont(label_font)
    for index, (box, box_labels) in enumerate(zip(figure.boxes, labels, strict=True)):
        _paint_box(painter, box, pictures[index] if pictures else None)
        _paint_labels(painter, box, box_labels)
    for box in figure.boxes:  # windows last: their lines cross the gap over both boxes
        _paint_window(painter, box)
