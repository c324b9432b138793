"""The network as the figure every CNN lecture draws, live, with SVG and PNG export for slides."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from playground.gui.background.tasks import Task
from playground.gui.pages.model.figure_painting import BoxLabels, paint_figure
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.layer_labels import block_title
from playground.spec.backbones import BACKBONES
from playground.spec.figure import Box, Figure, figure_of, figure_to_fit
from playground.spec.project import Project
from playground.spec.shapes import shape_text


def _sample_image(image_set):
    """The first image of the project's data (uint8 C×H×W), or a built-in digit while none is loaded;
    and whether it is the data's."""
    import torch

    if image_set is not None and len(image_set):
        return image_set.images[0], True
    from playground.ml.inference.walkthrough import digit_set

    return torch.as_tensor(digit_set()[0][0])[None], False


SAMPLE_DELAY_MS = 250
PNG_SCALE = 2  # slides want more pixels than the screen shows
MAX_SCREEN_SCALE = 1.6  # a short network is not blown up to poster size


GENERIC_FONTS = ("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui")


def with_generic_fonts(svg: str) -> str:
    """Each font named with a CSS generic family after it (Qt writes its own alias "Sans Serif", which
    no browser or slide program knows): where the font is missing, a sans-serif one is used."""

    def family(match: re.Match) -> str:
        name = match.group(1)
        if name.strip().lower() in GENERIC_FONTS:
            return match.group(0)
        if name.strip().lower() in ("sans serif", "sansserif", "sans"):
            return 'font-family="sans-serif"'
        return f'font-family="{name}, sans-serif"'

    return re.sub(r'font-family="([^"]*)"', family, svg)


class FigureCanvas(QWidget):
    """Paints the figure wrapped and scaled to fit, centred; it never asks for more room than the page has."""

    def __init__(self, labeller: Callable[[Figure], list[BoxLabels]], parent=None):
        super().__init__(parent)
        self.setObjectName("figure_canvas")
        self.labeller = labeller
        self.project: Project | None = None
        self.num_classes: int | None = None
        self.figure: Figure | None = None
        self.labels: list[BoxLabels] = []
        self.pictures: tuple | None = None  # each box's output for a sample image, when shown
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_project(self, project: Project, num_classes: int | None) -> None:
        self.project, self.num_classes = project, num_classes
        self.pictures = None  # they were the outputs of the network before this change
        self._arrange()

    def show_pictures(self, pictures: tuple | None) -> None:
        self.pictures = pictures if self.figure and pictures and len(pictures) == len(self.figure.boxes) else None
        self.update()

    def _arrange(self) -> None:
        if self.project is None:
            return
        self.figure = figure_to_fit(self.project, self.num_classes, self.width(), self.height(), MAX_SCREEN_SCALE)
        self.labels = self.labeller(self.figure)
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def sizeHint(self) -> QSize:
        return QSize(400, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 80)

    def scale(self) -> float:
        if self.figure is None:
            return 1.0
        return min(self.width() / self.figure.width, self.height() / self.figure.height, MAX_SCREEN_SCALE)

    def paintEvent(self, event) -> None:
        if self.figure is None:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        scale = self.scale()
        painter.translate(
            (self.width() - self.figure.width * scale) / 2, (self.height() - self.figure.height * scale) / 2
        )
        painter.scale(scale, scale)
        paint_figure(painter, self.figure, self.labels, self.font(), self.pictures)
        painter.end()


class FigureView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("figure_view")
        self.canvas = FigureCanvas(self._labels)
        self.caption = QLabel()
        self.caption.setObjectName("figure_caption")
        self.caption.setWordWrap(True)
        self.svg_button = QPushButton(self.tr("Export SVG…"))
        self.svg_button.setObjectName("figure_svg_button")
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.png_button.setObjectName("figure_png_button")
        self.samples_toggle = QCheckBox(self.tr("Show a sample's output"))
        self.samples_toggle.setObjectName("figure_samples_toggle")
        self.samples_toggle.setToolTip(
            self.tr(
                "Runs one image from the project's data (or a built-in digit) through the network and draws each"
                " layer's first feature map inside its box."
            )
        )
        self.samples_note = QLabel()
        self.samples_note.setObjectName("figure_samples_note")
        self.samples_note.setWordWrap(True)
        self.samples_note.hide()
        self.samples_task = Task(self, "figure-samples")
        # Typing a layer's settings changes the project at every key: run the sample once typing pauses.
        # A pass cannot stop midway (a fresh VGG16 takes seconds on a CPU): the Task starts the next
        # one only once it has returned, so two never run at once.
        self.samples_timer = QTimer(self)
        self.samples_timer.setSingleShot(True)
        self.samples_timer.setInterval(SAMPLE_DELAY_MS)
        self.samples_timer.timeout.connect(self._run_sample)
        self.samples_task.finished.connect(self._samples_ready)
        self.samples_task.failed.connect(self._samples_failed)
        self.checkpoint = None  # the Train page's model, if any
        self.sample_images: Callable[[], object] = lambda: None  # the Data page's ImageSet, once loaded
        self.project: Project | None = None
        self.num_classes: int | None = None
        buttons = FlowLayout()  # wraps on a narrow page or in presentation mode, never cuts its words
        buttons.addWidget(self.samples_toggle)
        buttons.addWidget(self.svg_button)
        buttons.addWidget(self.png_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.samples_note)
        layout.addLayout(buttons)
        self.samples_toggle.toggled.connect(self._samples_toggled)
        self.svg_button.clicked.connect(lambda: self._ask_and_export("svg"))
        self.png_button.clicked.connect(lambda: self._ask_and_export("png"))

        self.slide: Figure | None = None  # one row, as exported

    def render(self, project: Project, num_classes: int | None) -> None:
        self.project, self.num_classes = project, num_classes
        self.canvas.show_project(project, num_classes)
        figure = self.slide = figure_of(project, num_classes)
        if figure.error:
            self.caption.setText(self.tr("Red: the first layer that cannot work, and every layer after it."))
            self.caption.setStyleSheet("color: #b00020;")
        else:
            self.caption.setText(
                self.tr(
                    "Each box is one layer's output: its height follows H, its depth W and its thickness the channels C"
                    " (compressed scales). Bars are flat vectors."
                )
            )
            self.caption.setStyleSheet("")
        if self.samples_toggle.isChecked():
            self.samples_task.forget()  # the pictures of the network before this edit
            self.samples_timer.start()

    def _labels(self, figure: Figure) -> list[BoxLabels]:
        return [self._box_labels(figure, box) for box in figure.boxes]

    def _box_labels(self, figure: Figure, box: Box) -> BoxLabels:
        shape = shape_text(box.shape)
        if box.kind == "input":
            return BoxLabels(self.tr("Input"), shape)
        if box.kind == "base":
            backbone = BACKBONES[figure.backbone]
            return BoxLabels(self.tr("{0} ({1} blocks)").format(backbone.title, backbone.blocks), shape)
        name = f"{box.index + 1} {block_title(box.kind)}"
        return BoxLabels(name, "✖" if box.invalid else shape)

    # ------------------------------------------------------------------ a sample's output in each box

    def set_checkpoint(self, checkpoint) -> None:
        """The trained model (a Checkpoint) or None; used when it was trained on this very network."""
        self.checkpoint = checkpoint
        if self.samples_toggle.isChecked():
            self._run_sample()

    def _samples_toggled(self, on: bool) -> None:
        self.samples_note.setVisible(on)
        if on:
            self._run_sample()
        else:
            self.samples_timer.stop()
            self.samples_task.forget()
            self.canvas.show_pictures(None)

    def _run_sample(self) -> None:
        if self.project is None:
            return
        if (self.slide is not None and self.slide.error) or self.num_classes is None:
            self.samples_task.forget()
            self.samples_note.setText(self.tr("A sample's output needs a valid network and known classes."))
            return
        project, classes, checkpoint = self.project, self.num_classes, self.checkpoint
        image_set = self.sample_images()
        self.samples_note.setText(self.tr("Running a sample through the network…"))

        def run(context):
            from playground.ml.inference.layer_outputs import sample_outputs  # torch: only once asked for

            image, from_data = _sample_image(image_set)
            return sample_outputs(project, classes, image, checkpoint), from_data

        self.samples_task.start(run)

    def _samples_ready(self, result) -> None:
        outputs, from_data = result
        self.canvas.show_pictures(outputs.pictures)
        if outputs.trained:
            note = self.tr("Each box shows a sample's output with the trained weights.")
        else:
            note = self.tr(
                "Each box shows a sample's output, untrained: fresh weights (train the network to see what it learned)."
            )
        if not from_data:  # (a digit through a network trained on shapes is no sample of what it learned)
            note += " " + self.tr(
                "The sample is a built-in digit, not an image of the project's data: load the data on the Data page"
                " to see its first image here."
            )
        self.samples_note.setText(note)

    def _samples_failed(self, message: str) -> None:
        self.canvas.show_pictures(None)
        self.samples_note.setText(self.tr("No sample's output: {0}").format(message))

    # ------------------------------------------------------------------ export

    def export_svg(self, path: str | Path) -> bool:
        figure = self.slide
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(math.ceil(figure.width), math.ceil(figure.height)))
        generator.setViewBox(QRectF(0, 0, figure.width, figure.height))
        generator.setResolution(96)  # a figure pixel is a screen pixel: the slide shows it at the size seen
        generator.setTitle(self.tr("The network as feature maps"))
        painter = QPainter(generator)
        paint_figure(painter, figure, self._labels(figure), self.font(), self.canvas.pictures)
        painter.end()
        if not (Path(path).is_file() and Path(path).stat().st_size > 0):  # the generator reports no errors
            return False
        svg = Path(path).read_text(encoding="utf-8")
        Path(path).write_text(with_generic_fonts(svg), encoding="utf-8")
        return True

    def png_size(self) -> QSize:
        return QSize(math.ceil(self.slide.width * PNG_SCALE), math.ceil(self.slide.height * PNG_SCALE))

    def export_png(self, path: str | Path) -> bool:
        image = QImage(self.png_size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(PNG_SCALE, PNG_SCALE)
        paint_figure(painter, self.slide, self._labels(self.slide), self.font(), self.canvas.pictures)
        painter.end()
        return image.save(str(path), "PNG")

    def _ask_and_export(self, kind: str) -> None:
        if kind == "svg":
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the figure"), "network.svg", self.tr("SVG images (*.svg)")
            )
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the figure"), "network.png", self.tr("PNG images (*.png)")
            )
        if path and not (self.export_svg if kind == "svg" else self.export_png)(path):
            QMessageBox.warning(self, self.tr("Export the figure"), self.tr("Could not write {0}.").format(path))
