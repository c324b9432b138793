"""The lab on a real picture: a filter the learner types (or a classic one: edges, outline, sharpen,
blur) slides over a digit or a photo, and the feature map it makes is shown as a picture beside it.

The arithmetic is playground.lessons.lab.feature_map (checked against torch); pictures are read with
Qt alone (no torch), as grey levels, made small enough that the pure-Python convolution is instant.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import error_text
from playground.gui.pages.learn.grids import GridTable
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.panels import scroll_panel
from playground.gui.widgets.side_or_top import SideOrTop
from playground.lessons.content import LAB_SETTINGS
from playground.lessons.lab import IMAGE_FILTERS, Grid, LabError, feature_map, grey_levels, number_text

PICTURE_SIZE = 96  # the longer side, in pixels: big enough to see edges, small enough for pure Python
SHOWN_SIZE = 288  # on screen, each pixel a 3×3 block
FILTER_TITLES = {
    "vertical_edge": QT_TRANSLATE_NOOP("ImageLab", "Vertical edges"),
    "horizontal_edge": QT_TRANSLATE_NOOP("ImageLab", "Horizontal edges"),
    "outline": QT_TRANSLATE_NOOP("ImageLab", "Outline"),
    "sharpen": QT_TRANSLATE_NOOP("ImageLab", "Sharpen"),
    "blur": QT_TRANSLATE_NOOP("ImageLab", "Blur"),
}


def drawn_digit(digit: int, size: int = PICTURE_SIZE // 2) -> Grid:
    """A digit as a handwritten-digit set shows it: white on black, drawn by the app (nothing to download)."""
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(QColor("black"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(int(size * 0.8))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, str(digit))
    painter.end()
    return image_levels(image)


def image_levels(image: QImage) -> Grid:
    """Any picture as grey levels 0–255, its longer side at most PICTURE_SIZE."""
    if max(image.width(), image.height()) > PICTURE_SIZE:
        image = image.scaled(
            PICTURE_SIZE, PICTURE_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [[grey.pixelColor(x, y).red() for x in range(grey.width())] for y in range(grey.height())]


def picture(levels: list[list[int]]) -> QPixmap:
    height, width = len(levels), len(levels[0])
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    for y, row in enumerate(levels):
        for x, value in enumerate(row):
            image.setPixelColor(x, y, QColor(value, value, value))
    return QPixmap.fromImage(image).scaled(
        SHOWN_SIZE, SHOWN_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )


class ImageLab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("image_lab")
        self.image: Grid = []
        self.output: Grid = []

        self.source = QComboBox()
        self.source.setObjectName("image_source")
        self.source.addItem(self.tr("A digit drawn by the app"), "digit")
        self.source.addItem(self.tr("A picture of my own"), "file")
        self.digit = QSpinBox()
        self.digit.setObjectName("image_digit")
        self.digit.setRange(0, 9)
        self.digit.setValue(7)
        self.open_button = QPushButton(self.tr("Open a picture…"))
        self.open_button.setObjectName("image_open")
        self.preset = QComboBox()
        self.preset.setObjectName("image_filter_preset")
        for key, title in FILTER_TITLES.items():
            self.preset.addItem(self.tr(title), key)
        self.kernel_size = QSpinBox()
        self.kernel_size.setObjectName("image_kernel")
        self.kernel_size.setRange(1, LAB_SETTINGS["kernel"].stop - 1)
        self.kernel_size.setValue(3)
        self.weights = GridTable(editable=True, cell_size=40, fit=True)
        self.weights.setObjectName("image_filter")
        self.input_view = QLabel()
        self.input_view.setObjectName("image_input")
        self.output_view = QLabel()
        self.output_view.setObjectName("image_output")
        for view in (self.input_view, self.output_view):
            # As large as its picture (pixels, not text: presentation mode does not enlarge them, so the
            # picture and its feature map stay side by side where they fit).
            view.setMinimumSize(SHOWN_SIZE, SHOWN_SIZE)
            view.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.levels = QLabel()
        self.levels.setObjectName("image_levels")
        self.levels.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("image_problem")
        self.problem.setWordWrap(True)

        settings = QGroupBox(self.tr("Filter a picture"))
        column = QVBoxLayout(settings)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.addRow(self.tr("Picture"), self.source)
        form.addRow(self.tr("Digit"), self.digit)
        form.addRow(self.open_button)
        form.addRow(self.tr("Start from"), self.preset)
        form.addRow(self.tr("Filter size"), self.kernel_size)
        form.addRow(QLabel(self.tr("Filter (type your own numbers):")))
        form.addRow(self.weights)
        form.addRow(self.problem)
        pictures = FlowLayout()  # side by side when there is room, one above the other on a 1024-px screen
        for title, view in ((self.tr("Picture"), self.input_view), (self.tr("Feature map"), self.output_view)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(view)
            pictures.addWidget(box)
        main = QWidget()
        right = QVBoxLayout(main)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(pictures)
        right.addWidget(self.levels)
        right.addStretch(1)
        # The settings beside the pictures, or above them on a narrow page; scrolling down, never cutting.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll_panel(SideOrTop(settings, main), "image_lab_scroll"))

        self.source.currentIndexChanged.connect(lambda _: self._source_changed())
        self.digit.valueChanged.connect(lambda _: self.show_digit())
        self.open_button.clicked.connect(self.choose_picture)
        self.preset.currentIndexChanged.connect(lambda _: self.use_preset())
        self.kernel_size.valueChanged.connect(lambda _: self._resize_filter())
        self.weights.itemChanged.connect(lambda _: self.recompute())
        self.use_preset()
        self._source_changed()

    def _source_changed(self) -> None:
        own = self.source.currentData() == "file"
        self.digit.setEnabled(not own)
        self.open_button.setEnabled(own)
        if not own:
            self.show_digit()

    def show_digit(self) -> None:
        self.set_picture(drawn_digit(self.digit.value()))

    def choose_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a picture"), "", self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)")
        )
        if path:
            self.load_picture(path)

    def load_picture(self, path: str) -> bool:
        image = QImage(path)
        if image.isNull():
            self.problem.setText(self.tr("{0} could not be read as a picture.").format(path))
            return False
        self.set_picture(image_levels(image))
        return True

    def set_picture(self, levels: Grid) -> None:
        self.image = levels
        self.input_view.setPixmap(picture(levels))
        self.recompute()

    def use_preset(self) -> None:
        weights = IMAGE_FILTERS[self.preset.currentData()]
        self.kernel_size.blockSignals(True)
        self.kernel_size.setValue(len(weights))
        self.kernel_size.blockSignals(False)
        self.weights.set_grid(weights)
        self.recompute()

    def _resize_filter(self) -> None:
        """A new size keeps the typed numbers where they still fit, zeros elsewhere."""
        size, old = self.kernel_size.value(), self.weights.grid()
        self.weights.set_grid(
            [[old[r][c] if r < len(old) and c < len(old) else 0 for c in range(size)] for r in range(size)]
        )
        self.recompute()

    def recompute(self) -> None:
        if not self.image:
            return
        try:
            self.output = feature_map(self.image, self.weights.grid(), 1, "same")
        except LabError as error:
            self.problem.setText(error_text(error))
            return
        self.problem.clear()
        levels, low, high = grey_levels(self.output)
        self.output_view.setPixmap(picture(levels))
        self.levels.setText(
            self.tr(
                "Each pixel of the feature map is one multiply-add of the filter on the picture ('same' padding)."
                " Black is its smallest value ({0}), white its largest ({1})."
            ).format(number_text(round(low, 2)), number_text(round(high, 2)))
        )


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: ImageLab())
