"""The selected layer's settings. Controls accept only valid values; each change becomes a new
layer (frozen dataclasses are replaced, never mutated) and is handed to the page as one edit."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from playground.gui.widgets.layer_labels import activation_name, block_explanation, block_title, tr
from playground.spec.layers import ACTIVATIONS, Activation, Conv2d, Dense, Dropout, Layer, _Pool2d


class _Field(QObject):
    """One editable setting: a widget, its value, and a signal when the user changes it."""

    changed = Signal()

    def __init__(self, name: str, label: str):
        super().__init__()
        self.name, self.label = name, label
        self.widget = QWidget()

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError


class _IntField(_Field):
    def __init__(self, name, label, minimum, maximum):
        super().__init__(name, label)
        self.widget = self.spin = QSpinBox()
        self.spin.setRange(minimum, maximum)
        self.spin.setObjectName(f"field_{name}")
        self.spin.valueChanged.connect(self.changed)

    def value(self):
        return self.spin.value()

    def set_value(self, value) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)


class _FloatField(_Field):
    def __init__(self, name, label, minimum, maximum, step):
        super().__init__(name, label)
        self.widget = self.spin = QDoubleSpinBox()
        self.spin.setRange(minimum, maximum)
        self.spin.setSingleStep(step)
        self.spin.setDecimals(2)
        self.spin.setObjectName(f"field_{name}")
        self.spin.valueChanged.connect(self.changed)

    def value(self):
        return round(self.spin.value(), 4)

    def set_value(self, value) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)


class _PairField(_Field):
    """Height × width spin boxes."""

    def __init__(self, name, label, minimum, maximum):
        super().__init__(name, label)
        self.height, self.width = QSpinBox(), QSpinBox()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        for spin, axis in ((self.height, "height"), (self.width, "width")):
            spin.setRange(minimum, maximum)
            spin.setObjectName(f"field_{name}_{axis}")
            spin.setToolTip(tr("height") if axis == "height" else tr("width"))
            spin.valueChanged.connect(self.changed)
        layout.addWidget(self.height)
        layout.addWidget(QLabel("×"))
        layout.addWidget(self.width)

    def value(self):
        return (self.height.value(), self.width.value())

    def set_value(self, value) -> None:
        for spin, v in ((self.height, value[0]), (self.width, value[1])):
            spin.blockSignals(True)
            spin.setValue(v)
            spin.blockSignals(False)

    def set_enabled(self, enabled: bool) -> None:
        self.height.setEnabled(enabled)
        self.width.setEnabled(enabled)


class _ChoiceField(_Field):
    def __init__(self, name, label, options: list[tuple[str, str]]):
        super().__init__(name, label)
        self.widget = self.combo = QComboBox()
        self.combo.setObjectName(f"field_{name}")
        for value, text in options:
            self.combo.addItem(text, value)
        self.combo.currentIndexChanged.connect(self.changed)

    def value(self):
        return self.combo.currentData()

    def set_value(self, value) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(self.combo.findData(value))
        self.combo.blockSignals(False)


class _PaddingField(_Field):
    """valid / same / custom zero padding (height, width)."""

    def __init__(self, name, label):
        super().__init__(name, label)
        self.mode = _ChoiceField(
            name, label, [("valid", tr("valid (none)")), ("same", tr("same")), ("custom", tr("custom"))]
        )
        self.amount = _PairField(f"{name}_amount", label, 0, 50)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode.widget)
        layout.addWidget(self.amount.widget)
        self.mode.changed.connect(self._mode_changed)
        self.amount.changed.connect(self.changed)

    def _mode_changed(self) -> None:
        self.amount.set_enabled(self.mode.value() == "custom")
        self.changed.emit()

    def value(self):
        mode = self.mode.value()
        return self.amount.value() if mode == "custom" else mode

    def set_value(self, value) -> None:
        custom = not isinstance(value, str)
        self.mode.set_value("custom" if custom else value)
        self.amount.set_value(value if custom else (1, 1))
        self.amount.set_enabled(custom)


class _OptionalPairField(_Field):
    """A pool stride: 'same as the pool size' (None) or its own height × width."""

    def __init__(self, name, label):
        super().__init__(name, label)
        self.follow = QCheckBox(tr("as pool size"))
        self.follow.setObjectName(f"field_{name}_follows")
        self.pair = _PairField(name, label, 1, 99)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.follow)
        layout.addWidget(self.pair.widget)
        self.follow.toggled.connect(self._toggled)
        self.pair.changed.connect(self.changed)

    def _toggled(self, follows: bool) -> None:
        self.pair.set_enabled(not follows)
        self.changed.emit()

    def value(self):
        return None if self.follow.isChecked() else self.pair.value()

    def set_value(self, value, size=(2, 2)) -> None:
        self.follow.blockSignals(True)
        self.follow.setChecked(value is None)
        self.follow.blockSignals(False)
        self.pair.set_value(value if value is not None else size)
        self.pair.set_enabled(value is not None)


class _UnitsField(_Field):
    """A dense layer's units, or 'auto': as many as the data has classes."""

    def __init__(self, name, label):
        super().__init__(name, label)
        self.auto = QCheckBox(tr("= classes"))
        self.auto.setObjectName("field_units_auto")
        self.auto.setToolTip(tr("Follow the number of classes of the data (for the last layer)"))
        self.spin = _IntField(name, label, 1, 100_000)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin.widget)
        layout.addWidget(self.auto)
        self.auto.toggled.connect(self._toggled)
        self.spin.changed.connect(self.changed)

    def _toggled(self, auto: bool) -> None:
        self.spin.widget.setEnabled(not auto)
        self.changed.emit()

    def value(self):
        return "auto" if self.auto.isChecked() else self.spin.value()

    def set_value(self, value) -> None:
        self.auto.blockSignals(True)
        self.auto.setChecked(value == "auto")
        self.auto.blockSignals(False)
        self.spin.widget.setEnabled(value != "auto")
        if value != "auto":
            self.spin.set_value(value)


def _activation_options(with_none: bool) -> list[tuple[str, str]]:
    return [(name, activation_name(name)) for name in ACTIVATIONS if with_none or name != "none"]


def fields_for(layer: Layer) -> list[_Field]:
    if isinstance(layer, Conv2d):
        return [
            _IntField("filters", tr("Filters"), 1, 4096),
            _PairField("kernel", tr("Kernel size"), 1, 99),
            _PairField("stride", tr("Stride"), 1, 99),
            _PaddingField("padding", tr("Padding")),
            _ChoiceField("activation", tr("Activation"), _activation_options(True)),
        ]
    if isinstance(layer, _Pool2d):
        return [
            _PairField("size", tr("Pool size"), 1, 99),
            _OptionalPairField("stride", tr("Stride")),
            _PaddingField("padding", tr("Padding")),
        ]
    if isinstance(layer, Activation):
        return [_ChoiceField("function", tr("Function"), _activation_options(False))]
    if isinstance(layer, Dropout):
        return [_FloatField("rate", tr("Rate"), 0.0, 0.95, 0.05)]
    if isinstance(layer, Dense):
        return [
            _UnitsField("units", tr("Units")),
            _ChoiceField("activation", tr("Activation"), _activation_options(True)),
        ]
    return []


class LayerProperties(QWidget):
    layer_edited = Signal(int, object, str)  # index, new layer, the setting's name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("layer_properties")
        self.form = QFormLayout(self)
        # On a narrow panel a label goes above its boxes rather than pushing them off the edge.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.index: int | None = None
        self.layer: Layer | None = None
        self.fields: list[_Field] = []
        self.show_layer(None, None)

    def show_layer(self, index: int | None, layer: Layer | None) -> None:
        """Show `layer`'s settings; rebuild the form only when the layer's type changes."""
        same_kind = self.layer is not None and layer is not None and type(layer) is type(self.layer)
        self.index, self.layer = index, layer
        if not same_kind:
            self._rebuild()
        for field in self.fields:
            value = getattr(layer, field.name)
            if isinstance(field, _OptionalPairField):
                field.set_value(value, layer.size)
            else:
                field.set_value(value)

    def _rebuild(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = []
        if self.layer is None:
            hint = QLabel(tr("Select a layer to see its settings, or drag a block into the network."))
            hint.setWordWrap(True)
            self.form.addRow(hint)
            return
        title = QLabel(f"<b>{block_title(self.layer.type)}</b>")
        self.form.addRow(title)
        explanation = QLabel(block_explanation(self.layer.type))
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.fields = fields_for(self.layer)
        for field in self.fields:
            self.form.addRow(field.label, field.widget)
            field.changed.connect(lambda f=field: self._edited(f))
        if not self.fields:
            self.form.addRow(QLabel(tr("This block has no settings.")))

    def _edited(self, field: _Field) -> None:
        if self.layer is None or self.index is None:
            return
        changed = dataclasses.replace(self.layer, **{field.name: field.value()})
        if changed != self.layer:
            self.layer = changed
            self.layer_edited.emit(self.index, changed, field.name)
