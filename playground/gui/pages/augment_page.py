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
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.project.dataset_loader import DatasetLoader
from playground.gui.project.document import ProjectDocument
from playground.gui.widgets.class_labels import class_label
from playground.gui.widgets.images import ImageGrid
from playground.gui.widgets.panels import RememberedSplitter, scroll_panel
from playground.gui.widgets.settings_form import FieldView, SettingsForm, Slider
from playground.spec.project import Project
from playground.spec.settings import AugmentationSettings

PREVIEW_COUNT = 16
PREVIEW_DELAY_MS = 120  # debounce: redraw once the slider rests
TYPICAL = AugmentationSettings(rotation=15, shift=(0.1, 0.1), zoom=0.1, horizontal_flip=True, fill_mode="nearest")


class AugmentPage(QWidget):
    def __init__(self, document: ProjectDocument, loader: DatasetLoader, parent=None):
        super().__init__(parent)
        self.setObjectName("augment_page")
        self.document = document
        self.loader = loader
        self.image_index = 0
        self.preview_seed = 0

        controls = QGroupBox(self.tr("Data augmentation (while training only)"))
        self.form = SettingsForm(AugmentationSettings, self._views(), narrow_choices=False)
        self.form.edited.connect(self._edit)
        QVBoxLayout(controls).addWidget(self.form)
        form = self.form.layout_
        widgets = self.form.widgets
        self.rotation, self.zoom, self.shear = widgets["rotation"], widgets["zoom"], widgets["shear"]
        self.width_shift, self.height_shift = widgets["shift[0]"], widgets["shift[1]"]
        self.brightness, self.contrast = widgets["brightness"], widgets["contrast"]
        self.horizontal_flip, self.vertical_flip = widgets["horizontal_flip"], widgets["vertical_flip"]
        self.fill_mode, self.fill_value = widgets["fill_mode"], widgets["fill_value"]
        presets_row = QWidget()  # the buttons' parent from the start: Qt, not Python, then owns them
        presets = QHBoxLayout(presets_row)
        presets.setContentsMargins(0, 0, 0, 0)
        self.none_button = QPushButton(self.tr("Preset: None"))
        self.typical_button = QPushButton(self.tr("Preset: Typical"))
        self.typical_button.setToolTip(self.tr("rotation 15°, shifts 10%, zoom 10%, horizontal flip, nearest fill"))
        presets.addWidget(self.none_button)
        presets.addWidget(self.typical_button)
        form.addRow(presets_row)

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

    def _views(self) -> list[FieldView]:
        """Each setting's words, with its Keras ImageDataGenerator argument in its tooltip."""

        def keras(explanation: str, argument: str) -> str:
            return self.tr("{0}. Keras: {1}").format(explanation, argument)

        degrees, fraction = Slider(1, "°"), Slider(0.01, "%")
        rotation = keras(self.tr("Rotate by a random angle up to this many degrees"), "rotation_range")
        width = keras(self.tr("Move left or right by up to this fraction of the width"), "width_shift_range")
        height = keras(self.tr("Move up or down by up to this fraction of the height"), "height_shift_range")
        zoom = keras(self.tr("Zoom in or out by up to this fraction"), "zoom_range")
        shear = keras(self.tr("Slant by up to this many degrees"), "shear_range")
        brightness = keras(self.tr("Make lighter or darker by up to this fraction"), "brightness_range")
        contrast = self.tr("{0}. torchvision: ColorJitter(contrast); Keras has no such setting").format(
            self.tr("Raise or lower the contrast by up to this fraction")
        )
        mirror = keras(self.tr("Mirror half of the images"), "horizontal_flip")
        upside_down = keras(self.tr("Turn half of the images upside down"), "vertical_flip")
        fill = keras(self.tr("What fills the corners that a rotation or shift uncovers"), "fill_mode")
        fill_modes = {
            "nearest": self.tr("nearest (repeat the edge)"),
            "constant": self.tr("constant"),
            "reflect": self.tr("reflect"),
            "wrap": self.tr("wrap"),
        }
        cval = keras(self.tr("The grey level of 'constant' fill"), "cval")
        return [
            FieldView("rotation", self.tr("Rotation"), rotation, slider=degrees, name="aug_rotation_range"),
            FieldView("shift", self.tr("Width shift"), width, slider=fraction, part=0, name="aug_width_shift_range"),
            FieldView("shift", self.tr("Height shift"), height, slider=fraction, part=1, name="aug_height_shift_range"),
            FieldView("zoom", self.tr("Zoom"), zoom, slider=fraction, name="aug_zoom_range"),
            FieldView("shear", self.tr("Shear"), shear, slider=degrees, name="aug_shear_range"),
            FieldView("brightness", self.tr("Brightness"), brightness, slider=fraction, name="aug_brightness_range"),
            FieldView("contrast", self.tr("Contrast"), contrast, slider=fraction, name="aug_contrast"),
            FieldView(
                "horizontal_flip",
                self.tr("Horizontal flip"),
                mirror,
                text=self.tr("Flip left–right at random"),
                name="aug_horizontal_flip",
            ),
            FieldView(
                "vertical_flip",
                self.tr("Vertical flip"),
                upside_down,
                text=self.tr("Flip upside down at random"),
                name="aug_vertical_flip",
            ),
            FieldView("fill_mode", self.tr("Fill mode"), fill, options=fill_modes, name="aug_fill_mode"),
            FieldView(
                "fill_value", self.tr("Fill value"), cval, enabled=lambda a: a.fill_mode == "constant", name="aug_cval"
            ),
        ]

    def _edit(self, key: str, value) -> None:
        settings = dataclasses.replace(self.document.project.augmentation, **{key: value})
        # Dragging a slider (or typing a number) is one undo step; each tick or choice is one of its own.
        merge = None if isinstance(self.form.widgets.get(key), QCheckBox | QComboBox) else f"aug:{key}"
        self.document.change(
            self.document.project.replace(augmentation=settings), self.tr("Change augmentation"), merge
        )

    def apply_preset(self, settings: AugmentationSettings) -> None:
        self.document.change(self.document.project.replace(augmentation=settings), self.tr("Augmentation preset"))

    def render(self, project: Project) -> None:
        self.form.render(project.augmentation)
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
                index + 1,
                len(image_set),
                class_label(image_set.class_names[int(image_set.labels[index])], self.document.project.data.source),
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
