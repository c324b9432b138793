"""Why the network said what it said, for one image: its feature maps layer by layer, Grad-CAM
for any class, and the filters the network learned.

The numbers come from playground.ml.inference.explain; this module only turns them into pictures.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import translated
from playground.gui.background.tasks import Task
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.heatmap import grey_image, overlay
from playground.gui.widgets.images import ImageGrid, to_pixmap
from playground.gui.widgets.layer_labels import block_title, layer_settings
from playground.gui.widgets.panels import scroll_panel
from playground.spec.messages import text_of

MAX_MAPS = 256  # a late ImageNet block has 1,280 maps: the first 256 tell the story
ENLARGED = 220


def filter_images(weights: np.ndarray, channel: int | None) -> list[np.ndarray]:
    """Filters as uint8 images: whole (RGB or grey, first layer) or one input channel's slice."""
    images = []
    for kernel in weights:
        if channel is None and kernel.shape[0] == 3:
            low, high = kernel.min(), kernel.max()
            images.append(((kernel - low) / (high - low or 1) * 255).round().astype(np.uint8))
        else:
            images.append(grey_image(kernel[channel or 0]))
    return images


class ExplainPanel(QTabWidget):
    image_unreadable = Signal(str)  # the chosen image could not be read (why, in the interface's language)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("explain_panel")
        self.predictor = None
        self.image = None  # the uint8 C×H×W tensor the network saw
        self.layers = []  # playground.ml.inference.explain.SpatialLayer
        self.maps: list[np.ndarray] = []  # per layer: the first MAX_MAPS of its C×H×W outputs
        self.channels: list[int] = []  # per layer: C, all of its maps
        self.cam: np.ndarray | None = None

        # The forward and backward passes run off the window's thread; a newer image or class
        # makes an older result stale.
        self.maps_task = Task(self, "feature-maps")
        self.maps_task.finished.connect(self._maps_computed)
        self.maps_task.failed.connect(self._explain_failed)
        self.cam_task = Task(self, "grad-cam")
        self.cam_task.finished.connect(self._cam_computed)
        self.cam_task.failed.connect(self._explain_failed)

        self.addTab(self._build_maps_tab(), self.tr("Feature maps"))
        # The two pictures stack on a narrow screen or in presentation mode: the tab scrolls down to them.
        self.addTab(scroll_panel(self._build_cam_tab(), "cam_scroll"), self.tr("Grad-CAM"))
        self.addTab(self._build_filters_tab(), self.tr("Filters"))
        self.clear()

    # ------------------------------------------------------------------ building

    def _build_maps_tab(self) -> QWidget:
        tab = QWidget()
        self.layer_list = QListWidget()
        self.layer_list.setObjectName("feature_layers")
        self.layer_list.setMaximumWidth(210)
        self.map_grid = ImageGrid(thumb=56)
        self.map_grid.setObjectName("feature_maps")
        self.map_grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.maps_note = QLabel()
        self.maps_note.setWordWrap(True)
        self.enlarged = QLabel()
        self.enlarged.setObjectName("enlarged_map")
        self.enlarged.setFixedSize(ENLARGED, ENLARGED)
        self.enlarged.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.enlarged_caption = QLabel()
        self.enlarged_caption.setWordWrap(True)
        self.enlarged_caption.setMaximumWidth(ENLARGED)
        side = QVBoxLayout()
        side.addWidget(self.enlarged)
        side.addWidget(self.enlarged_caption)
        side.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.layer_list)
        columns.addWidget(self.map_grid, 1)
        columns.addLayout(side)
        # The description across the whole tab: between the layer list and the enlarged map it had
        # about 70 px at 1024×768, a word to a line.
        layout = QVBoxLayout(tab)
        layout.addWidget(self.maps_note)
        layout.addLayout(columns, 1)
        self.layer_list.currentRowChanged.connect(self.show_layer_maps)
        self.map_grid.currentRowChanged.connect(self.enlarge_map)
        return tab

    def _build_cam_tab(self) -> QWidget:
        tab = QWidget()
        self.cam_class = QComboBox()
        self.cam_class.setObjectName("cam_class")
        self.cam_layer = QComboBox()
        self.cam_layer.setObjectName("cam_layer")
        self.cam_view = QLabel()
        self.cam_view.setObjectName("cam_view")
        self.cam_original = QLabel()
        for label in (self.cam_view, self.cam_original):
            label.setFixedSize(ENLARGED + 40, ENLARGED + 40)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cam_note = QLabel()
        self.cam_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Why this class?"), self.cam_class)
        form.addRow(self.tr("Looking at layer"), self.cam_layer)
        pictures = QWidget()
        pictures_layout = FlowLayout(pictures)  # side by side when there is room, else one above the other
        pictures_layout.addWidget(self.cam_original)
        pictures_layout.addWidget(self.cam_view)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(pictures)
        layout.addWidget(self.cam_note)
        layout.addStretch(1)
        self.cam_class.currentIndexChanged.connect(lambda _: self.update_cam())
        self.cam_layer.currentIndexChanged.connect(lambda _: self.update_cam())
        return tab

    def _build_filters_tab(self) -> QWidget:
        tab = QWidget()
        self.filter_layer = QComboBox()
        self.filter_layer.setObjectName("filter_layer")
        self.filter_channel = QSpinBox()
        self.filter_channel.setObjectName("filter_channel")
        self.filter_grid = ImageGrid(thumb=48)
        self.filter_grid.setObjectName("filters")
        self.filter_note = QLabel()
        self.filter_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Convolution"), self.filter_layer)
        form.addRow(self.tr("Input channel"), self.filter_channel)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.filter_note)
        layout.addWidget(self.filter_grid, 1)
        self.filter_layer.currentIndexChanged.connect(lambda _: self.show_filters())
        self.filter_channel.valueChanged.connect(lambda _: self.show_filters())
        return tab

    # ------------------------------------------------------------------ showing

    def _explain_failed(self, message: str) -> None:
        self.maps_note.setText(message)
        self.cam_note.setText(message)

    def clear(self) -> None:
        self.maps_task.forget()
        self.cam_task.forget()
        self.predictor, self.image, self.layers, self.maps, self.channels, self.cam = None, None, [], [], [], None
        for widget in (self.layer_list, self.map_grid, self.filter_grid):
            widget.clear()
        for combo in (self.cam_class, self.cam_layer, self.filter_layer):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        for label in (self.enlarged, self.cam_view, self.cam_original):
            label.clear()
        self.enlarged_caption.setText("")
        self.maps_note.setText(self.tr("Select a classified image to see what each layer made of it."))
        self.cam_note.setText(self.tr("Select a classified image to see where the network looked."))
        self.filter_note.setText(self.tr("The filters appear once a model is there."))

    def show_image(self, predictor, path: str, predicted: int, seen=None) -> None:
        """Explain the image in `path`, classified as class `predicted`; `seen`, when given, is the
        image as the network saw it when classifying (C×H×W uint8), so the file is not decoded again.
        Decoding and the forward pass run on a background task (a 24-megapixel photo takes a fifth
        of a second to decode); the maps appear when they are done, or `image_unreadable` says why
        there are none."""

        def compute(context):
            import torch

            from playground.ml.data.images import BadImage
            from playground.ml.inference import explain  # torch: loaded in the background by now

            try:
                image = torch.as_tensor(seen) if seen is not None else predictor.load_image(path)
            except BadImage as bad:  # changed or removed since it was classified
                return text_of(bad)
            layers = explain.spatial_layers(predictor)
            outputs = explain.feature_maps(predictor, image, layers)
            return predictor, image, predicted, layers, [m[:MAX_MAPS].numpy() for m in outputs], outputs

        self.maps_task.start(compute)

    def _maps_computed(self, result) -> None:
        if isinstance(result, str):  # the reason the image could not be read
            self.clear()
            self.image_unreadable.emit(translated(result))
            return
        predictor, image, predicted, layers, maps, outputs = result
        from playground.ml.inference import explain

        new_model = predictor is not self.predictor
        self.predictor, self.image, self.layers = predictor, image, layers
        self.maps = maps
        self.channels = [m.shape[0] for m in outputs]
        titles = [self.layer_title(layer) for layer in self.layers]

        row = max(self.layer_list.currentRow(), 0)
        self.layer_list.blockSignals(True)
        self.layer_list.clear()
        for title, output in zip(titles, outputs, strict=True):
            self.layer_list.addItem(f"{title}\n→ {'×'.join(map(str, output.shape))}")
        self.layer_list.blockSignals(False)
        self.layer_list.setCurrentRow(min(row, len(self.maps) - 1))
        self.show_layer_maps(self.layer_list.currentRow())

        self.cam_class.blockSignals(True)
        self.cam_layer.blockSignals(True)
        if new_model:
            self.cam_class.clear()
            self.cam_class.addItems(list(predictor.class_names))
            self.cam_layer.clear()
            self.cam_layer.addItems(titles)
            default = explain.grad_cam_layer(self.layers)
            self.cam_layer.setCurrentIndex(self.layers.index(default) if default else -1)
            self._fill_filter_layers(titles)
        self.cam_class.setCurrentIndex(predicted)
        self.cam_class.blockSignals(False)
        self.cam_layer.blockSignals(False)
        self.update_cam()

    def layer_title(self, layer) -> str:
        """'3. Conv 5×5 …' for a layer of the project, 'Base block 2' for a pretrained block."""
        if layer.kind == "block":
            return self.tr("Base block {0}").format(layer.index + 1)
        spec = self.predictor.checkpoint.project.layers[layer.index]
        return f"{layer.index + 1}. {block_title(spec.type)} {layer_settings(spec)}"

    def show_layer_maps(self, row: int) -> None:
        self.map_grid.clear()
        self.enlarged.clear()
        self.enlarged_caption.setText("")
        if not 0 <= row < len(self.maps):
            return
        maps = self.maps[row]
        self.map_grid.show_images([grey_image(m) for m in maps], [str(i + 1) for i in range(len(maps))])
        channels = self.channels[row]
        shown = self.tr("the first {0} of {1} maps").format(len(maps), channels) if channels > len(maps) else ""
        self.maps_note.setText(
            self.tr("{0}: {1} feature maps of {2}×{3}, one per filter; bright = strong response. {4}").format(
                self.layer_list.item(row).text().split("\n")[0], channels, maps.shape[1], maps.shape[2], shown
            )
        )
        self.map_grid.setCurrentRow(0)

    def enlarge_map(self, index: int) -> None:
        row = self.layer_list.currentRow()
        if not (0 <= row < len(self.maps) and 0 <= index < len(self.maps[row])):
            return
        values = self.maps[row][index]
        self.enlarged.setPixmap(to_pixmap(grey_image(values), ENLARGED))
        self.enlarged_caption.setText(
            self.tr("Map {0}: {1}×{2}, values {3:.3g} to {4:.3g}").format(
                index + 1, values.shape[0], values.shape[1], float(values.min()), float(values.max())
            )
        )

    def update_cam(self) -> None:
        """Grad-CAM for the chosen class and layer, computed on a background task (a backward pass)."""
        if self.predictor is None or self.cam_layer.currentIndex() < 0:
            return
        predictor, image = self.predictor, self.image
        class_index = self.cam_class.currentIndex()
        layer = self.layers[self.cam_layer.currentIndex()]

        def compute(context):
            from playground.ml.inference.explain import grad_cam

            return predictor, image, class_index, grad_cam(predictor, image, class_index, layer).numpy()

        self.cam_task.start(compute)

    def _cam_computed(self, result) -> None:
        predictor, image, class_index, cam = result
        if predictor is not self.predictor or image is not self.image:
            return  # for an image no longer shown
        self.cam = cam
        pixels = image.numpy()
        self.cam_original.setPixmap(to_pixmap(pixels, ENLARGED))
        self.cam_view.setPixmap(to_pixmap(overlay(pixels, self.cam), ENLARGED))
        name = predictor.class_names[class_index]
        if self.cam.max() <= 0:
            self.cam_note.setText(self.tr("Nothing in this image speaks for “{0}” at this layer.").format(name))
        else:
            self.cam_note.setText(
                self.tr(
                    "Red: the places that most raise the score of “{0}” (Grad-CAM: the layer's feature maps,"
                    " weighted by how much the score grows with each). Blue: places that do not."
                ).format(name)
            )

    def _fill_filter_layers(self, titles: list[str]) -> None:
        self.filter_layer.blockSignals(True)
        self.filter_layer.clear()
        for index, layer in enumerate(self.layers):
            if layer.is_conv:
                self.filter_layer.addItem(titles[index], index)
        self.filter_layer.blockSignals(False)
        self.show_filters()

    def show_filters(self) -> None:
        self.filter_grid.clear()
        index = self.filter_layer.currentData()
        if self.predictor is None or index is None:
            return
        from playground.ml.inference.explain import conv_filters

        weights = conv_filters(self.predictor, self.layers[index]).numpy()
        filters, channels, height, width = weights.shape
        first = self.filter_layer.currentIndex() == 0
        whole = first and channels in (1, 3)
        self.filter_channel.blockSignals(True)
        self.filter_channel.setRange(1, channels)
        self.filter_channel.setEnabled(not whole)
        self.filter_channel.blockSignals(False)
        channel = None if whole else self.filter_channel.value() - 1
        images = filter_images(weights[:MAX_MAPS], channel)
        self.filter_grid.show_images(images, [str(i + 1) for i in range(len(images))])
        if whole:
            text = self.tr(
                "{0} filters of {1}×{2}×{3}: what the first layer looks for in the pixels (edges,"
                " colours, blobs). Bright = a large weight, dark = a negative one."
            )
            self.filter_note.setText(text.format(filters, channels, height, width))
        else:
            text = self.tr(
                "{0} filters of {1}×{2}×{3}. Each is as deep as its input ({1} channels): shown is the"
                " slice that looks at input channel {4}."
            )
            self.filter_note.setText(text.format(filters, channels, height, width, channel + 1))
