"""Inputs and forms made from a settings class's own readers (`playground.spec.fields`): a reader's
type, bounds and choices make the input, the dataclass's defaults its step, so the window and the
project file cannot disagree about what is allowed, and no bound is written twice. The training
settings, the augmentation, the data settings and every layer's properties are made here.

The page gives each field its words (a label, a help text, a choice's values, in the interface's
language), how it looks where a number reads better as a slider, and, where a setting applies only
sometimes (momentum to SGD with momentum), when it is shown or enabled.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QWidget,
)

from playground.gui.widgets.layer_labels import tr
from playground.spec import fields

LARGEST_INT = 2**31 - 1  # what a QSpinBox holds
LARGEST_NUMBER = 1e9  # a QDoubleSpinBox's edge where the reader has none
FIELD_ID = "settings_field"  # the property that names an input's field (its view's id)


@dataclass(frozen=True)
class Slider:
    """A number as a slider of `step`-sized notches with its value written beside it: "°" (±15°),
    "%" (±10%), "" (as it is) or None (nothing: the page says it in its own words)."""

    step: float
    unit: str | None = ""
    notches_per_key: int = 1  # an arrow key (and page up/down) moves this many notches


@dataclass(frozen=True)
class FieldView:
    key: str
    label: str = ""
    help: str = ""
    options: Mapping[Any, str] | None = None  # a choice's (or a padding's modes') values in words
    decimals: int = 4  # a number's
    step: float | None = None  # a number's arrow step; None: a tenth of the default
    special_text: str = ""  # shown at the minimum ("off" for patience 0)
    shown: Callable[[Any], bool] | None = None  # given the settings; None: always
    enabled: Callable[[Any], bool] | None = None  # given the settings; None: always
    editor: Callable[[], QDoubleSpinBox] | None = None  # a spin box of the page's own (the learning rate's)
    slider: Slider | None = None  # a number shown as a slider
    part: int | None = None  # one number of a pair, as a row of its own (0 or 1)
    name: str = ""  # the input's object name; its key when empty
    text: str = ""  # a check box's own words: a flag's, an optional value's "as ..." or a word's ("= classes")
    text_help: str = ""  # that check box's tooltip
    fallback: Callable[[Any], Any] | None = None  # what an optional value shows while it is None

    @property
    def id(self) -> str:
        return self.key if self.part is None else f"{self.key}[{self.part}]"

    @property
    def object_name(self) -> str:
        return self.name or self.key


# ---------------------------------------------------------------------- the inputs


def _number_range(reader: fields.Number, decimals: int) -> tuple[float, float]:
    maximum = reader.maximum
    if reader.below is not None:  # "below 1": the largest number the input can show under it
        under = reader.below - 10**-decimals
        maximum = under if maximum is None else min(maximum, under)
    minimum = reader.minimum
    return (
        minimum if minimum is not None else -LARGEST_NUMBER,
        maximum if maximum is not None else LARGEST_NUMBER,
    )


def _integer_range(reader: fields.Integer | fields.Pair) -> tuple[int, int]:
    minimum = reader.minimum if reader.minimum is not None else -LARGEST_INT
    return minimum, min(reader.maximum if reader.maximum is not None else LARGEST_INT, LARGEST_INT)


# The boxes below show a value with `set_value` while `show_value` blocks their signals: one
# `changed` per edit by the user, none for what the page shows.


class SliderBox(QWidget):
    """A number as a slider, its value beside it."""

    changed = Signal()

    def __init__(self, reader: fields.Number, look: Slider, parent=None):
        super().__init__(parent)
        self.step, self.unit = look.step, look.unit
        decimals = max(0, -math.floor(math.log10(look.step)))
        minimum, maximum = _number_range(reader, decimals)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(round(minimum / look.step), round(maximum / look.step))
        self.slider.setSingleStep(look.notches_per_key)
        self.slider.setPageStep(max(look.notches_per_key, 1))
        self.label = QLabel()
        self.label.setMinimumWidth(56)
        self.label.setVisible(look.unit is not None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._show)
        self.slider.valueChanged.connect(self.changed)
        self._show()

    def value(self) -> float:
        return round(self.slider.value() * self.step, 4)

    def set_value(self, value: float) -> None:
        self.slider.setValue(round(value / self.step))
        self._show()

    def _show(self) -> None:
        value = self.value()
        self.label.setText(
            f"±{value:g}°" if self.unit == "°" else f"±{value:.0%}" if self.unit == "%" else f"{value:g}"
        )


class PairBox(QWidget):
    """Height × width spin boxes."""

    changed = Signal()

    def __init__(self, reader: fields.Pair, name: str, parent=None):
        super().__init__(parent)
        self.height, self.width = QSpinBox(), QSpinBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spin, axis in ((self.height, "height"), (self.width, "width")):
            spin.setRange(*_integer_range(reader))
            spin.setObjectName(f"{name}_{axis}")
            spin.setToolTip(tr("height") if axis == "height" else tr("width"))
            spin.valueChanged.connect(self.changed)
        layout.addWidget(self.height)
        layout.addWidget(QLabel("×"))
        layout.addWidget(self.width)

    def value(self) -> tuple[int, int]:
        return (self.height.value(), self.width.value())

    def set_value(self, value: tuple[int, int]) -> None:
        self.height.setValue(value[0])
        self.width.setValue(value[1])

    def set_parts_enabled(self, enabled: bool) -> None:
        self.height.setEnabled(enabled)
        self.width.setEnabled(enabled)


CUSTOM = "custom"


class PaddingBox(QWidget):
    """A padding's modes (valid / same) or custom zero padding (height × width)."""

    changed = Signal()

    def __init__(self, reader: fields.Padding, view: FieldView, parent=None):
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.setObjectName(f"{view.object_name}_mode")
        for mode in (*reader.modes, CUSTOM):
            self.mode.addItem((view.options or {}).get(mode, mode), mode)
        self.amount = PairBox(reader.amount, f"{view.object_name}_amount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode)
        layout.addWidget(self.amount)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.amount.changed.connect(self.changed)

    def _mode_changed(self) -> None:
        self.amount.set_parts_enabled(self.mode.currentData() == CUSTOM)
        self.changed.emit()

    def value(self):
        mode = self.mode.currentData()
        return self.amount.value() if mode == CUSTOM else mode

    def set_value(self, value) -> None:
        custom = not isinstance(value, str)
        self.mode.setCurrentIndex(self.mode.findData(CUSTOM if custom else value))
        self.amount.set_value(value if custom else (1, 1))
        self.amount.set_parts_enabled(custom)


class OptionalBox(QWidget):
    """None (the box ticked: "as pool size") or a value of its own."""

    changed = Signal()

    def __init__(self, reader: fields.Optional, view: FieldView, parent=None):
        super().__init__(parent)
        self.fallback = None  # what is shown while the value is None (the form sets it)
        self.follow = QCheckBox(view.text)
        self.follow.setObjectName(f"{view.object_name}_follows")
        self.follow.setToolTip(view.text_help)
        self.inner = make_input(reader.reader, dataclasses.replace(view, text=""))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.follow)
        layout.addWidget(self.inner)
        self.follow.toggled.connect(self._toggled)
        changed_signal(self.inner).connect(self.changed)

    def _toggled(self, follows: bool) -> None:
        self.inner.setEnabled(not follows)
        self.changed.emit()

    def value(self):
        return None if self.follow.isChecked() else value_of(self.inner)

    def set_value(self, value) -> None:
        self.follow.setChecked(value is None)
        show_value(self.inner, value if value is not None else self.fallback)
        self.inner.setEnabled(value is not None)


class OrWordBox(QWidget):
    """A word (ticked: "= classes" for "auto") or what the inner input holds."""

    changed = Signal()

    def __init__(self, reader: fields.OrWord, view: FieldView, parent=None):
        super().__init__(parent)
        self.word = reader.word
        self.inner = make_input(reader.reader, dataclasses.replace(view, text=""))
        self.word_box = QCheckBox(view.text)
        self.word_box.setObjectName(f"{view.object_name}_{reader.word}")
        self.word_box.setToolTip(view.text_help)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)
        layout.addWidget(self.word_box)
        self.word_box.toggled.connect(self._toggled)
        changed_signal(self.inner).connect(self.changed)

    def _toggled(self, word: bool) -> None:
        self.inner.setEnabled(not word)
        self.changed.emit()

    def value(self):
        return self.word if self.word_box.isChecked() else value_of(self.inner)

    def set_value(self, value) -> None:
        self.word_box.setChecked(value == self.word)
        if value != self.word:
            show_value(self.inner, value)
        self.inner.setEnabled(value != self.word)


def make_input(reader: fields.Reader, view: FieldView, default: Any = None) -> QWidget:
    """The input for one reader: a spin box, slider, drop-down list or check box, or a row of them."""
    if view.part is not None and isinstance(reader, fields.NumberPair):
        reader = fields.Number(reader.minimum, reader.maximum)
        default = None if default is None else default[view.part]
    if isinstance(reader, fields.Number):
        widget = _number_input(reader, view, default)
    elif isinstance(reader, fields.Integer):
        widget = QSpinBox()
        widget.setRange(*_integer_range(reader))
    elif isinstance(reader, fields.Choice):
        widget = QComboBox()
        for option in reader.options:
            widget.addItem((view.options or {}).get(option, str(option)), option)
    elif isinstance(reader, fields.Flag):
        widget = QCheckBox(view.text)
    elif isinstance(reader, fields.Pair):
        widget = PairBox(reader, view.object_name)
    elif isinstance(reader, fields.Padding):
        widget = PaddingBox(reader, view)
    elif isinstance(reader, fields.Optional):
        widget = OptionalBox(reader, view)
    elif isinstance(reader, fields.OrWord):
        widget = OrWordBox(reader, view)
    else:
        raise TypeError(f"no input for a reader {reader!r} ({view.key})")
    if view.special_text and hasattr(widget, "setSpecialValueText"):
        widget.setSpecialValueText(view.special_text)
    widget.setObjectName(view.object_name)
    widget.setToolTip(view.help)
    return widget


def _number_input(reader: fields.Number, view: FieldView, default: float | None) -> QWidget:
    if view.slider is not None:
        return SliderBox(reader, view.slider)
    if view.editor is not None:
        widget = view.editor()  # it writes its numbers its own way (decimals included)
    else:
        widget = QDoubleSpinBox()
        widget.setDecimals(view.decimals)
        step = view.step
        if step is None:
            step = 10 ** -min(view.decimals, 2) if default is None else max(abs(default) / 10, 1e-4)
        widget.setSingleStep(step)
    widget.setRange(*_number_range(reader, widget.decimals()))
    return widget


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QDoubleSpinBox):
        return round(widget.value(), widget.decimals())
    return widget.value()  # a QSpinBox, or one of the boxes above


def show_value(widget: QWidget, value: Any) -> None:
    """Show `value` without a `changed` signal."""
    with QSignalBlocker(widget):
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            widget.setValue(value)
        else:
            widget.set_value(value)


def changed_signal(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    return widget.changed


# ---------------------------------------------------------------------- sets of inputs and forms


class SettingsInputs(QObject):
    """The inputs for some of a settings class's fields (a page lays them out as it likes);
    `edited` carries the field's whole new value (both numbers of a pair shown as two rows)."""

    edited = Signal(str, object)  # key, new value

    def __init__(self, settings_class, views: list[FieldView], parent=None):
        super().__init__(parent)
        self.views = {view.id: view for view in views}
        self.widgets: dict[str, QWidget] = {}
        self.settings = None  # as last shown
        defaults = {f.name: f.default for f in dataclasses.fields(settings_class)}
        for view in views:
            widget = make_input(settings_class.readers[view.key], view, defaults.get(view.key))
            widget.setProperty(FIELD_ID, view.id)
            # A method, not a lambda: the connection then ends with this object. (Lambdas holding it,
            # one per input, made the interpreter crash at exit while Qt deleted a page left open.)
            changed_signal(widget).connect(self._input_changed)
            self.widgets[view.id] = widget

    def _input_changed(self, *_) -> None:
        view = self.views[self.sender().property(FIELD_ID)]
        value = value_of(self.widgets[view.id])
        if view.part is not None:
            whole = list(getattr(self.settings, view.key))
            whole[view.part] = value
            value = tuple(whole)
        self.edited.emit(view.key, value)

    def render(self, settings) -> None:
        """Show `settings` (no `edited` signals)."""
        self.settings = settings
        for key, widget in self.widgets.items():
            view = self.views[key]
            value = getattr(settings, view.key)
            if view.part is not None:
                value = value[view.part]
            if isinstance(widget, OptionalBox) and view.fallback is not None:
                widget.fallback = view.fallback(settings)
            show_value(widget, value)
            if view.enabled is not None:
                widget.setEnabled(bool(view.enabled(settings)))


class SettingsForm(QWidget):
    """The inputs as a form: one row each, its label beside it (above it when narrow)."""

    edited = Signal(str, object)  # key, new value

    def __init__(self, settings_class, views: list[FieldView], parent=None, *, narrow_choices: bool = True):
        super().__init__(parent)
        self.inputs = SettingsInputs(settings_class, views, self)
        self.inputs.edited.connect(self.edited)
        self.views, self.widgets = self.inputs.views, self.inputs.widgets
        self.labels: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: labels above
        for key, widget in self.widgets.items():
            if narrow_choices and isinstance(widget, QComboBox):
                # The longest choice must not widen the form: the list drops down as wide as it needs.
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(10)
            label = QLabel(self.views[key].label)
            label.setToolTip(self.views[key].help)
            label.setWordWrap(True)
            self.layout_.addRow(label, widget)
            self.labels[key] = label

    def render(self, settings) -> None:
        """Show `settings` (no `edited` signals), and only the fields that apply to them."""
        self.inputs.render(settings)
        for key, widget in self.widgets.items():
            shown = self.views[key].shown
            self.layout_.setRowVisible(widget, shown is None or bool(shown(settings)))

    def is_shown(self, key: str) -> bool:
        return self.layout_.isRowVisible(self.widgets[key])
