"""The Model page: palette, network (a list, or the lecture's figure), properties, totals, presets,
conv-vs-dense and 'Show code'."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import error_text, translated
from playground.gui.pages.model.base_panel import BasePanel
from playground.gui.pages.model.code_dialog import CodeDialog
from playground.gui.pages.model.code_notes import code_notes
from playground.gui.pages.model.compare_panel import ComparePanel
from playground.gui.pages.model.figure_view import FigureView
from playground.gui.pages.model.network_view import NetworkView
from playground.gui.pages.model.palette import BlockPalette
from playground.gui.pages.model.pretrained_dialog import PretrainedDialog
from playground.gui.pages.model.properties import LayerProperties
from playground.gui.project.document import ProjectDocument
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.layer_labels import block_title, tr
from playground.gui.widgets.panels import RememberedSplitter, scroll_panel
from playground.spec.backbones import BACKBONES
from playground.spec.errors import PlaygroundError
from playground.spec.layers import LAYER_TYPES, Conv2d, Dense, Dropout, GlobalAvgPool, Layer
from playground.spec.presets import PRESETS
from playground.spec.project import Project
from playground.spec.settings import PretrainedSettings
from playground.spec.shapes import NetworkSummary, group, shape_text, summarize_project


def new_layer(kind: str, at_end: bool) -> Layer:
    """A block as it arrives from the palette, with the settings a learner would start from."""
    if kind == "conv2d":
        return Conv2d(filters=16, kernel=(3, 3), padding="same", activation="relu")
    if kind == "dense":
        return Dense(units="auto") if at_end else Dense(units=64, activation="relu")
    return LAYER_TYPES[kind]()


def totals_text(summary: NetworkSummary, base_params: int = 0) -> str:
    if summary.error:
        return tr("The network cannot be built: {0}").format(translated(summary.error))
    size_kb = (summary.total_params + base_params) * 4 / 1024
    if base_params:
        return tr("Parameters: {0} (base {1} + head {2})   ·   Size: {3:,.0f} KB (float32)").format(
            group(summary.total_params + base_params), group(base_params), group(summary.total_params), size_kb
        )
    size = f"{size_kb:,.0f} KB" if size_kb < 1024 else f"{size_kb / 1024:,.1f} MB"
    return tr("Parameters: {0}   ·   Size: {1} (float32)   ·   Multiply-adds: {2} per image").format(
        group(summary.total_params), size, group(summary.total_macs)
    )


class ModelPage(QWidget):
    def __init__(self, document: ProjectDocument, class_names, parent=None):
        """`class_names()` gives the class names of the project's data, or None while unknown."""
        super().__init__(parent)
        self.setObjectName("model_page")
        self.document = document
        self.class_names = class_names
        self.summary: NetworkSummary | None = None

        self.palette_list = BlockPalette()
        self.network = NetworkView()
        self.figure = FigureView()
        self.properties = LayerProperties()
        self.compare = ComparePanel()
        self.input_label = QLabel()
        self.input_label.setObjectName("input_label")
        self.totals = QLabel()
        self.totals.setObjectName("totals_label")
        self.totals.setWordWrap(True)

        self.presets_button = QToolButton()
        self.presets_button.setText(tr("Presets"))
        self.presets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        presets_menu = QMenu(self.presets_button)
        for preset in PRESETS.values():
            action = presets_menu.addAction(tr(preset.title))
            action.setToolTip(tr(preset.description))
            action.triggered.connect(lambda _=False, key=preset.key: self.load_preset(key))
        self.presets_button.setMenu(presets_menu)
        self.delete_button = QPushButton(tr("Delete"))
        self.duplicate_button = QPushButton(tr("Duplicate"))
        self.up_button = QPushButton(tr("Move up"))
        self.down_button = QPushButton(tr("Move down"))
        self.code_button = QPushButton(tr("Show code"))
        self.pretrained_button = QPushButton(tr("Start from a pretrained network…"))
        self.pretrained_button.setObjectName("pretrained_button")
        self.base_panel = BasePanel()
        for button, name in (
            (self.delete_button, "delete_button"),
            (self.duplicate_button, "duplicate_button"),
            (self.up_button, "up_button"),
            (self.down_button, "down_button"),
            (self.code_button, "code_button"),
        ):
            button.setObjectName(name)

        style = self.style()
        for button, icon in (
            (self.delete_button, QStyle.StandardPixmap.SP_TrashIcon),
            (self.up_button, QStyle.StandardPixmap.SP_ArrowUp),
            (self.down_button, QStyle.StandardPixmap.SP_ArrowDown),
        ):
            button.setIcon(style.standardIcon(icon))
            button.setToolTip(button.text())
        self.up_button.setText("")
        self.down_button.setText("")
        tools = QWidget()
        tools.setObjectName("model_tools")
        tools_layout = FlowLayout(tools)  # wraps on a narrow screen instead of widening the page
        for button in (
            self.presets_button,
            self.delete_button,
            self.duplicate_button,
            self.up_button,
            self.down_button,
            self.pretrained_button,
            self.code_button,
        ):
            tools_layout.addWidget(button)
        self.input_label.setWordWrap(True)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.input_label)
        centre_layout.addWidget(tools)
        # It scrolls down rather than squeezing its words (presentation mode on a 1024×768 projector).
        self.base_scroll = scroll_panel(self.base_panel, "base_scroll")
        centre_layout.addWidget(self.base_scroll, 1)
        # The list is where layers are edited; the figure beside it is the same network as a lecture draws it.
        self.network_tabs = QTabWidget()
        self.network_tabs.setObjectName("network_tabs")
        self.network_tabs.addTab(self.network, tr("List"))
        self.network_tabs.addTab(self.figure, tr("Figure"))
        centre_layout.addWidget(self.network_tabs, 1)
        centre_layout.addWidget(self.totals)

        palette_box = QGroupBox(tr("Blocks"))
        QVBoxLayout(palette_box).addWidget(self.palette_list)
        palette_hint = QLabel(tr("Drag a block into the network."))
        palette_hint.setWordWrap(True)
        palette_box.layout().addWidget(palette_hint)

        # The side panels scroll up and down on a small screen; a focused box never scrolls sideways.
        properties_box = QGroupBox(tr("Layer settings"))
        QVBoxLayout(properties_box).addWidget(scroll_panel(self.properties, "properties_scroll"))
        compare_box = QGroupBox(tr("Convolution vs dense"))
        QVBoxLayout(compare_box).addWidget(scroll_panel(self.compare, "compare_scroll"))
        side = RememberedSplitter("model_side", Qt.Orientation.Vertical)
        side.addWidget(properties_box)
        side.addWidget(compare_box)
        side.set_default_sizes([400, 300])

        self.splitter = RememberedSplitter("model", Qt.Orientation.Horizontal)
        self.splitter.addWidget(palette_box)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(side)
        self.splitter.setCollapsible(1, False)  # the network itself never disappears
        self.splitter.setStretchFactor(1, 1)
        self.splitter.set_default_sizes([self.palette_list.sizeHint().width() + 30, 560, 300])
        QHBoxLayout(self).addWidget(self.splitter)
        # The figure is for showing, the list for editing: the figure gets the page's whole width (on a
        # 1024-px projector in presentation mode it was a thumbnail between the blocks and the settings).
        self.network_tabs.currentChanged.connect(
            lambda _: [
                panel.setVisible(self.network_tabs.currentWidget() is not self.figure) for panel in (palette_box, side)
            ]
        )

        self.palette_list.block_activated.connect(lambda kind: self.insert_block(kind, len(self.project.layers)))
        self.network.block_dropped.connect(self.insert_block)
        self.network.layer_moved.connect(self.move_layer)
        self.network.currentRowChanged.connect(self._selection_changed)
        self.properties.layer_edited.connect(self.edit_layer)
        self.delete_button.clicked.connect(self.delete_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.up_button.clicked.connect(lambda: self._move_selected(-1))
        self.down_button.clicked.connect(lambda: self._move_selected(1))
        self.code_button.clicked.connect(self.show_code)
        self.pretrained_button.clicked.connect(lambda: self.choose_pretrained())
        self.base_panel.settings_changed.connect(
            lambda settings: self.document.change(self.project.replace(pretrained=settings), tr("Change freezing"))
        )
        self.base_panel.remove_requested.connect(
            lambda: self.document.change(self.project.replace(pretrained=None), tr("Remove the pretrained base"))
        )
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_selected),
            ("Ctrl+D", self.duplicate_selected),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.network)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        document.project_changed.connect(self.render)
        self.render(document.project)

    @property
    def project(self) -> Project:
        return self.document.project

    # ------------------------------------------------------------------ rendering

    def class_count(self) -> int | None:
        names = self.class_names()
        return len(names) if names else None

    def render(self, project: Project) -> None:
        classes = self.class_count()
        self.summary = summarize_project(project, classes)
        self.network.render(self.summary)
        self.figure.render(project, classes)
        classes_text = tr("{0} classes").format(classes) if classes else tr("classes unknown")
        self.input_label.setText(
            tr("Input: {0} (set on the Data page)  ·  {1}").format(shape_text(project.input_shape), classes_text)
        )
        base_params = 0
        self.base_panel.setVisible(project.pretrained is not None)
        self.base_scroll.setVisible(project.pretrained is not None)
        if project.pretrained is not None:
            self.base_panel.show_project(project, classes)
            base_params = project.backbone.base_params
        self.totals.setText(totals_text(self.summary, base_params))
        self.totals.setStyleSheet("color: #b00020;" if self.summary.error else "")
        self.compare.show_network(project.layers_input_shape, project.layers, classes)
        self._selection_changed(self.network.currentRow())

    def _selection_changed(self, row: int) -> None:
        layers = self.project.layers
        has = 0 <= row < len(layers)
        self.properties.show_layer(row if has else None, layers[row] if has else None)
        for button in (self.delete_button, self.duplicate_button):
            button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(layers) - 1)

    def select(self, row: int) -> None:
        self.network.setCurrentRow(row)
        self._selection_changed(row)

    # ------------------------------------------------------------------ edits (each one undo step)

    def _set_layers(self, layers: list[Layer], text: str, merge_key: str | None = None) -> None:
        self.document.change(self.project.replace(layers=tuple(layers)), text, merge_key)

    def insert_block(self, kind: str, position: int) -> None:
        layers = list(self.project.layers)
        position = max(0, min(position, len(layers)))
        layers.insert(position, new_layer(kind, at_end=position == len(layers)))
        self._set_layers(layers, tr("Add {0}").format(block_title(kind)))
        self.select(position)

    def move_layer(self, source: int, target: int) -> None:
        layers = list(self.project.layers)
        if not (0 <= source < len(layers) and 0 <= target < len(layers)) or source == target:
            return
        layers.insert(target, layers.pop(source))
        self._set_layers(layers, tr("Move {0}").format(block_title(layers[target].type)))
        self.select(target)

    def _move_selected(self, step: int) -> None:
        row = self.network.currentRow()
        self.move_layer(row, row + step)

    def delete_selected(self) -> None:
        row = self.network.currentRow()
        layers = list(self.project.layers)
        if not 0 <= row < len(layers):
            return
        removed = layers.pop(row)
        self._set_layers(layers, tr("Delete {0}").format(block_title(removed.type)))
        self.select(min(row, len(layers) - 1))

    def duplicate_selected(self) -> None:
        row = self.network.currentRow()
        layers = list(self.project.layers)
        if not 0 <= row < len(layers):
            return
        layers.insert(row + 1, layers[row])
        self._set_layers(layers, tr("Duplicate {0}").format(block_title(layers[row].type)))
        self.select(row + 1)

    def edit_layer(self, index: int, layer: Layer, setting: str) -> None:
        layers = list(self.project.layers)
        layers[index] = layer
        self._set_layers(layers, tr("Change {0}").format(block_title(layer.type)), merge_key=f"edit:{index}:{setting}")

    def choose_pretrained(self, key: str | None = None) -> bool:
        """Pick a pretrained base (a dialog unless `key` is given) and put a new head on it."""
        if key is None:
            dialog = PretrainedDialog(self)
            if self.project.pretrained is not None:
                dialog.select(self.project.pretrained.network)
            if dialog.exec() != PretrainedDialog.DialogCode.Accepted or dialog.key is None:
                return False
            key = dialog.key
        backbone = BACKBONES[key]
        data = dataclasses.replace(self.project.data, channels=3, image_size=(backbone.input_size,) * 2)
        head = (GlobalAvgPool(), Dropout(rate=0.2), Dense(units="auto"))
        self.document.change(
            self.project.replace(pretrained=PretrainedSettings(network=key), data=data, layers=head),
            tr("Start from {0}").format(backbone.title),
        )
        self.select(-1)
        return True

    def load_preset(self, key: str) -> None:
        preset = PRESETS[key]
        data = dataclasses.replace(self.project.data, image_size=preset.image_size, channels=preset.channels)
        self.document.change(
            # A preset is a whole network: it replaces a pretrained base too.
            self.project.replace(layers=preset.layers, data=data, pretrained=None),
            tr("Preset {0}").format(tr(preset.title)),
        )
        self.select(-1)

    # ------------------------------------------------------------------ code

    def show_code(self) -> CodeDialog | None:
        names = self.class_names()
        if self.summary is None or self.summary.error or not names:
            QMessageBox.information(
                self,
                tr("No code yet"),
                tr("The network has to be valid (and the classes known) to be turned into code.\n\n{0}").format(
                    (translated(self.summary.error) if self.summary else "") or tr("classes unknown")
                ),
            )
            return None
        from playground.ml.inference.export import python_code  # torch: loaded in the background by now

        try:
            code = python_code(self.project, tuple(names), notes=code_notes())  # comments in the interface's language
        except PlaygroundError as error:
            QMessageBox.information(self, tr("No code for this network"), error_text(error))
            return None
        dialog = CodeDialog(code, self.project.name, self)
        dialog.setObjectName("code_dialog")
        dialog.show()
        return dialog


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: ModelPage(document, classes))
