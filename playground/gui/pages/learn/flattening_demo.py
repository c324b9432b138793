"""Learn → Flattening: a digit and the same digit moved one pixel to the right. Flattened for a dense layer,
the two vectors differ in almost every place that holds ink; through a convolution (the Vertical edges filter)
the feature map is the same map, moved one pixel. The numbers are playground.lessons.flattening."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from playground.gui.pages.learn.image_lab import drawn_digit
from playground.lessons.flattening import compare_shift
from playground.lessons.lab import IMAGE_FILTERS

DIGIT_SIZE = 16  # 16×16 = 256 inputs: every one visible in the strip
SHOWN = 128  # pixels on screen for a picture
STRIP_WIDTH = 768  # three pixels per input
STRIP_HEIGHT = 14


def _grey(levels, size: int) -> QPixmap:
    low = min(min(row) for row in levels)
    high = max(max(row) for row in levels)
    scale = 255 / (high - low) if high > low else 0
    height, width = len(levels), len(levels[0])
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    for y, row in enumerate(levels):
        for x, value in enumerate(row):
            grey = int((value - low) * scale)
            image.setPixelColor(x, y, QColor(grey, grey, grey))
    return QPixmap.fromImage(image).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio)


def _strip(values, marked: set[int] | None = None) -> QPixmap:
    """A vector as one row of cells; `marked` positions drawn red (the ones that changed)."""
    image = QImage(len(values), 1, QImage.Format.Format_RGB32)
    for x, value in enumerate(values):
        if marked is not None:
            image.setPixelColor(x, 0, QColor("#d32f2f") if x in marked else QColor("#f0f0f0"))
        else:
            image.setPixelColor(x, 0, QColor(int(value), int(value), int(value)))
    return QPixmap.fromImage(image).scaled(STRIP_WIDTH, STRIP_HEIGHT)


class FlatteningDemo(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("flattening_demo")
        self.digit = QSpinBox()
        self.digit.setObjectName("flattening_digit")
        self.digit.setRange(0, 9)
        self.digit.setValue(3)
        intro = QLabel(
            self.tr(
                "The same digit, moved one pixel to the right. A Dense layer reads the image flattened, row after"
                " row; a convolution slides one filter over it."
            )
        )
        intro.setWordWrap(True)
        self.pictures = [QLabel() for _ in range(4)]
        self.strips = [QLabel() for _ in range(3)]
        self.dense_text = QLabel()
        self.dense_text.setObjectName("flattening_dense_text")
        self.dense_text.setWordWrap(True)
        self.conv_text = QLabel()
        self.conv_text.setObjectName("flattening_conv_text")
        self.conv_text.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Digit")))
        top.addWidget(self.digit)
        top.addStretch(1)
        grid = QGridLayout()
        titles = (
            self.tr("The digit"),
            self.tr("Moved one pixel right"),
            self.tr("Feature map (Vertical edges)"),
            self.tr("Feature map of the moved digit"),
        )
        for column, (title, label) in enumerate(zip(titles, self.pictures, strict=True)):
            grid.addWidget(QLabel(title), 0, column)
            grid.addWidget(label, 1, column)
        strips = QVBoxLayout()
        for title, strip in zip(
            (self.tr("Flattened: the digit"), self.tr("Flattened: the moved digit"), self.tr("Changed inputs (red)")),
            self.strips,
            strict=True,
        ):
            strips.addWidget(QLabel(title))
            strips.addWidget(strip)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.conv_text)
        layout.addLayout(strips)
        layout.addWidget(self.dense_text)
        layout.addStretch(1)
        self.digit.valueChanged.connect(self.show_digit)
        self.show_digit()

    def show_digit(self) -> None:
        image = drawn_digit(self.digit.value(), DIGIT_SIZE)
        self.comparison = result = compare_shift(image, IMAGE_FILTERS["vertical_edge"])
        moved = [result.after[row * DIGIT_SIZE : (row + 1) * DIGIT_SIZE] for row in range(DIGIT_SIZE)]
        for label, levels in zip(self.pictures, (image, moved, result.map_before, result.map_after), strict=True):
            label.setPixmap(_grey(levels, SHOWN))
        self.strips[0].setPixmap(_strip(result.before))
        self.strips[1].setPixmap(_strip(result.after))
        self.strips[2].setPixmap(_strip(result.before, set(result.changed)))
        self.dense_text.setText(
            self.tr(
                "{0} of the {1} inputs a Dense layer reads changed: {2:.0%} of the {3} that hold ink. To a Dense"
                " layer the moved digit is a different input, and what it learned at one position does not help"
                " at the next."
            ).format(len(result.changed), len(result.before), result.changed_share, result.inked)
        )
        self.conv_text.setText(
            self.tr("The feature map moved one pixel too, every value the same: the filter finds the same pattern.")
            if result.map_shifted
            else ""
        )
