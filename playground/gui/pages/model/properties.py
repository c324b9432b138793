"""The selected layer's settings. The inputs are made from the layer's own readers
(`playground.gui.widgets.settings_form`), so they accept only what a project file may hold; each change
becomes a new layer (frozen dataclasses are replaced, never mutated) and is handed to the page as
one edit."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from playground.gui.widgets.layer_labels import activation_name, block_explanation, block_title, tr
from playground.gui.widgets.settings_form import FieldView, SettingsForm
from playground.spec.layers import ACTIVATIONS, Activation, Conv2d, Dense, Dropout, Layer, _Pool2d


def views_for(layer: Layer) -> list[FieldView]:
    """The words for each of the layer's settings (the inputs come from its readers)."""
    activations = {name: activation_name(name) for name in ACTIVATIONS}
    padding = FieldView(
        "padding",
        tr("Padding"),
        options={"valid": tr("valid (none)"), "same": tr("same"), "custom": tr("custom")},
        name="field_padding",
    )
    if isinstance(layer, Conv2d):
        return [
            FieldView("filters", tr("Filters"), name="field_filters"),
            FieldView("kernel", tr("Kernel size"), name="field_kernel"),
            FieldView("stride", tr("Stride"), name="field_stride"),
            padding,
            FieldView("activation", tr("Activation"), options=activations, name="field_activation"),
        ]
    if isinstance(layer, _Pool2d):
        return [
            FieldView("size", tr("Pool size"), name="field_size"),
            FieldView("stride", tr("Stride"), name="field_stride", text=tr("as pool size"), fallback=lambda p: p.size),
            padding,
        ]
    if isinstance(layer, Activation):
        return [FieldView("function", tr("Function"), options=activations, name="field_function")]
    if isinstance(layer, Dropout):
        return [FieldView("rate", tr("Rate"), decimals=2, name="field_rate")]
    if isinstance(layer, Dense):
        return [
            FieldView(
                "units",
                tr("Units"),
                name="field_units",
                text=tr("= classes"),
                text_help=tr("Follow the number of classes of the data (for the last layer)"),
            ),
            FieldView("activation", tr("Activation"), options=activations, name="field_activation"),
        ]
    return []


class LayerProperties(QWidget):
    layer_edited = Signal(int, object, str)  # index, new layer, the setting's name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("layer_properties")
        self.layout_ = QFormLayout(self)
        # On a narrow panel a label goes above its boxes rather than pushing them off the edge.
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.index: int | None = None
        self.layer: Layer | None = None
        self.form: SettingsForm | None = None  # the layer's settings, when it has any
        self.show_layer(None, None)

    def show_layer(self, index: int | None, layer: Layer | None) -> None:
        """Show `layer`'s settings; rebuild the form only when the layer's type changes."""
        same_kind = self.layer is not None and layer is not None and type(layer) is type(self.layer)
        self.index, self.layer = index, layer
        if not same_kind:
            self._rebuild()
        if self.form is not None:
            self.form.render(layer)

    def _rebuild(self) -> None:
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.form = None
        if self.layer is None:
            hint = QLabel(tr("Select a layer to see its settings, or drag a block into the network."))
            hint.setWordWrap(True)
            self.layout_.addRow(hint)
            return
        self.layout_.addRow(QLabel(f"<b>{block_title(self.layer.type)}</b>"))
        explanation = QLabel(block_explanation(self.layer.type))
        explanation.setWordWrap(True)
        self.layout_.addRow(explanation)
        views = views_for(self.layer)
        if not views:
            self.layout_.addRow(QLabel(tr("This block has no settings.")))
            return
        self.form = SettingsForm(type(self.layer), views, narrow_choices=False)
        self.form.edited.connect(self._edited)
        self.layout_.addRow(self.form)

    def _edited(self, key: str, value) -> None:
        if self.layer is None or self.index is None:
            return
        changed = dataclasses.replace(self.layer, **{key: value})
        if changed != self.layer:
            self.layer = changed
            self.layer_edited.emit(self.index, changed, key)
