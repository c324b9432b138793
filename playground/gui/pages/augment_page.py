"""The Augmentation page: Keras ImageDataGenerator's settings and a live preview.

The preview applies `playground.ml.data.transforms.build_augmentation` — the very function training
uses — to 16 copies of one training image, so what the learner sees is what the network gets.
"""

from __future__ import annotations

import dataclasses
import random

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.project.dataset_loader import DatasetLoader
from playground.gui.project.document import ProjectDocument
from playground.gui.widgets.images import ImageGrid
from playground.gui.widgets.panels import RememberedSplitter, scroll_panel
from playground.spec.project import Project
from playground.spec.settings import FILL_MODES, AugmentationSettings

PREVIEW_COUNT = 16
PREVIEW_DELAY_MS = 120  # debounce: redraw once the slider rests
TYPICAL = AugmentationSettings(rotation=15, shift=(0.1, 0.1), zoom=0.1, horizontal_flip=True, fill_mode="nearest")


class _Slider(QWidget):
    """A slider over a number range with its value written beside it."""

    def __init__(self, maximum: float, step: float, unit: str, parent=None):
        super().__init__(parent)
        self.step = step
        self.unit = unit
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round(maximum / step))
        self.label = QLabel()
        self.label.setMinimumWidth(56)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(lambda _: self._show())
        self._show()

    def value(self) -> float:
        return round(self.slider.value() * self.step, 4)

    def set_value(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value / self.step))
        self.slider.blockSignals(False)
        self._show()

    def _show(self) -> None:
        value = self.value()
        self.label.setText(
            f"±{value:g}°" if self.unit == "°" else f"±{value:.0%}" if self.unit == "%" else f"{value:g}"
        )


class AugmentPage(QWidget):
    def __init__(self, document: ProjectDocument, loader: DatasetLoader, parent=None):
        super().__init__(parent)
        self.setObjectName("augment_page")
        self.document = document
        self.loader = loader
        self.image_index = 0
        self.preview_seed = 0

        # (setting, widget, Keras ImageDataGenerator argument)
        self.rotation = _Slider(180, 1, "°")
        self.width_shift = _Slider(0.5, 0.01, "%")
        self.height_shift = _Slider(0.5, 0.01, "%")
        self.zoom = _Slider(0.9, 0.01, "%")
        self.shear = _Slider(60, 1, "°")
        self.brightness = _Slider(0.9, 0.01, "%")
        self.contrast = _Slider(0.9, 0.01, "%")
        self.horizontal_flip = QCheckBox(self.tr("Flip left–right at random"))
        self.vertical_flip = QCheckBox(self.tr("Flip upside down at random"))
        self.fill_mode = QComboBox()
        for mode, text in zip(
            FILL_MODES,
            (self.tr("nearest (repeat the edge)"), self.tr("constant"), self.tr("reflect"), self.tr("wrap")),
            strict=True,
        ):
            self.fill_mode.addItem(text, mode)
        self.fill_value = QSpinBox()
        self.fill_value.setRange(0, 255)

        controls = QGroupBox(self.tr("Data augmentation (while training only)"))
        form = QFormLayout(controls)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above the controls when narrow
        rows = (
            (
                self.tr("Rotation"),
                self.rotation,
                "rotation_range",
                self.tr("Rotate by a random angle up to this many degrees"),
            ),
            (
                self.tr("Width shift"),
                self.width_shift,
                "width_shift_range",
                self.tr("Move left or right by up to this fraction of the width"),
            ),
            (
                self.tr("Height shift"),
                self.height_shift,
                "height_shift_range",
                self.tr("Move up or down by up to this fraction of the height"),
            ),
            (self.tr("Zoom"), self.zoom, "zoom_range", self.tr("Zoom in or out by up to this fraction")),
            (self.tr("Shear"), self.shear, "shear_range", self.tr("Slant by up to this many degrees")),
            (
                self.tr("Brightness"),
                self.brightness,
                "brightness_range",
                self.tr("Make lighter or darker by up to this fraction"),
            ),
            (
                self.tr("Contrast"),
                self.contrast,
                "contrast",
                self.tr("Raise or lower the contrast by up to this fraction"),
            ),
            (self.tr("Horizontal flip"), self.horizontal_flip, "horizontal_flip", self.tr("Mirror half of the images")),
            (
                self.tr("Vertical flip"),
                self.vertical_flip,
                "vertical_flip",
                self.tr("Turn half of the images upside down"),
            ),
            (
                self.tr("Fill mode"),
                self.fill_mode,
                "fill_mode",
                self.tr("What fills the corners that a rotation or shift uncovers"),
            ),
            (self.tr("Fill value"), self.fill_value, "cval", self.tr("The grey level of 'constant' fill")),
        )
        for label, widget, keras, explanation in rows:
            if keras == "contrast":  # not one of Keras' ImageDataGenerator settings
                tooltip = self.tr("{0}. torchvision: ColorJitter(contrast); Keras has no such setting").format(
                    explanation
                )
            else:
                tooltip = self.tr("{0}. Keras: {1}").format(explanation, keras)
            widget.setToolTip(tooltip)
            widget.setObjectName(f"aug_{keras}")
            form.addRow(label, widget)
        presets = QHBoxLayout()
        self.none_button = QPushButton(self.tr("Preset: None"))
        self.typical_button = QPushButton(self.tr("Preset: Typical"))
        self.typical_button.setToolTip(self.tr("rotation 15°, shifts 10%, zoom 10%, horizontal flip, nearest fill"))
        presets.addWidget(self.none_button)
        presets.addWidget(self.typical_button)
        form.addRow(presets)

        self.grid = ImageGrid(96)
        self.grid.setObjectName("augment_preview")
        self.original = QLabel()
        self.original.setObjectName("augment_original")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.reroll_button = QPushButton(self.tr("Roll again"))
        self.reroll_button.setObjectName("reroll_button")
        self.pick_button = QPushButton(self.tr("Another image"))
        self.pick_button.setObjectName("pick_image_button")
        # A short title (a group box's title never wraps); the explanation below it does.
        preview_box = QGroupBox(self.tr("Preview"))
        preview = QVBoxLayout(preview_box)
        about = QLabel(self.tr("One training image and 16 random augmentations of it."))
        about.setWordWrap(True)
        preview.addWidget(about)
        top = QHBoxLayout()
        top.addWidget(self.original)
        top.addWidget(self.caption, 1)
        buttons = QVBoxLayout()  # stacked: the caption keeps the row's width on a small screen
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.reroll_button)
        top.addLayout(buttons)
        preview.addLayout(top)
        preview.addWidget(self.grid, 1)

        splitter = RememberedSplitter("augment", Qt.Orientation.Horizontal)
        splitter.addWidget(scroll_panel(controls, "augment_controls_scroll"))
        splitter.addWidget(preview_box)
        splitter.setCollapsible(1, False)
        splitter.set_default_sizes([400, 600])
        QHBoxLayout(self).addWidget(splitter)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)

        for slider, key in (
            (self.rotation, "rotation"),
            (self.zoom, "zoom"),
            (self.shear, "shear"),
            (self.brightness, "brightness"),
            (self.contrast, "contrast"),
        ):
            slider.slider.valueChanged.connect(lambda _, s=slider, k=key: self._edit(k, **{k: s.value()}))
        self.width_shift.slider.valueChanged.connect(lambda _: self._edit("shift", shift=self._shift()))
        self.height_shift.slider.valueChanged.connect(lambda _: self._edit("shift", shift=self._shift()))
        self.horizontal_flip.toggled.connect(lambda on: self._edit(None, horizontal_flip=on))
        self.vertical_flip.toggled.connect(lambda on: self._edit(None, vertical_flip=on))
        self.fill_mode.activated.connect(lambda _: self._edit(None, fill_mode=self.fill_mode.currentData()))
        self.fill_value.valueChanged.connect(lambda v: self._edit("fill_value", fill_value=v))
        self.none_button.clicked.connect(lambda: self.apply_preset(AugmentationSettings()))
        self.typical_button.clicked.connect(lambda: self.apply_preset(TYPICAL))
        self.reroll_button.clicked.connect(self.reroll)
        self.pick_button.clicked.connect(self.pick_another)
        document.project_changed.connect(self.render)
        loader.loaded.connect(self._image_set_loaded)  # a method: Qt disconnects it when the page goes
        self.render(document.project)

    def _image_set_loaded(self, _image_set) -> None:
        self._image_set_changed()

    def _shift(self) -> tuple[float, float]:
        return (self.width_shift.value(), self.height_shift.value())

    def _edit(self, merge: str | None, **changes) -> None:
        settings = dataclasses.replace(self.document.project.augmentation, **changes)
        self.document.change(
            self.document.project.replace(augmentation=settings),
            self.tr("Change augmentation"),
            merge and f"aug:{merge}",
        )

    def apply_preset(self, settings: AugmentationSettings) -> None:
        self.document.change(self.document.project.replace(augmentation=settings), self.tr("Augmentation preset"))

    def render(self, project: Project) -> None:
        a = project.augmentation
        for slider, value in (
            (self.rotation, a.rotation),
            (self.width_shift, a.shift[0]),
            (self.height_shift, a.shift[1]),
            (self.zoom, a.zoom),
            (self.shear, a.shear),
            (self.brightness, a.brightness),
            (self.contrast, a.contrast),
        ):
            slider.set_value(value)
        for widget, value in ((self.horizontal_flip, a.horizontal_flip), (self.vertical_flip, a.vertical_flip)):
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        self.fill_mode.blockSignals(True)
        self.fill_mode.setCurrentIndex(self.fill_mode.findData(a.fill_mode))
        self.fill_mode.blockSignals(False)
        self.fill_value.blockSignals(True)
        self.fill_value.setValue(a.fill_value)
        self.fill_value.setEnabled(a.fill_mode == "constant")
        self.fill_value.blockSignals(False)
        self.preview_timer.start()

    # ------------------------------------------------------------------ preview

    def _image_set(self):
        return self.loader.images_for(self.document.project.data, self.document.base_dir)

    def _image_set_changed(self) -> None:
        self.image_index = 0
        self.preview_timer.start()

    def reroll(self) -> None:
        self.preview_seed += 1
        self.update_preview()

    def pick_another(self) -> None:
        image_set = self._image_set()
        if image_set is not None and len(image_set):
            self.image_index = random.randrange(len(image_set))
            self.update_preview()

    def preview_images(self):
        """The 16 augmented copies shown (uint8 N×C×H×W), or None without images."""
        image_set = self._image_set()
        if image_set is None or not len(image_set):
            return None
        import torch  # loaded with the images, on the loader's thread

        from playground.ml.data.transforms import build_augmentation

        image = image_set.images[self.image_index % len(image_set)]
        batch = image.unsqueeze(0).repeat(PREVIEW_COUNT, 1, 1, 1)
        augment = build_augmentation(self.document.project.augmentation)
        if augment is None:
            return batch
        # Its own generator: the same draw until "Roll again" (so slider positions compare), and
        # training's random sequence is never touched.
        return augment(batch, torch.Generator().manual_seed(self.preview_seed))

    def update_preview(self) -> None:
        images = self.preview_images()
        if images is None:
            self.grid.clear()
            self.caption.setText(self.tr("Load images on the Data page to see a preview."))
            self.original.clear()
            return
        image_set = self._image_set()
        index = self.image_index % len(image_set)
        from playground.gui.widgets.images import to_pixmap

        self.original.setPixmap(to_pixmap(image_set.images[index], 96))
        enabled = self.document.project.augmentation.enabled
        self.caption.setText(
            self.tr("Image {0} of {1}, class “{2}”.").format(
                index + 1, len(image_set), image_set.class_names[int(image_set.labels[index])]
            )
            + ("" if enabled else " " + self.tr("Augmentation is off: every copy is the same."))
            + " "
            + self.tr("The {0} copies are one batch: N×C×H×W = {1}.").format(
                len(images), "×".join(map(str, images.shape))
            )
        )
        self.grid.show_images(list(images))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.loader.request(self.document.project.data, self.document.base_dir)
        self.update_preview()


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: AugmentPage(document, loader))
