"""A form made from a settings class's own readers (`playground.spec.fields`): their kind, bounds
and choices make the inputs, the dataclass's defaults are where a reset goes, so the window and
the project file cannot disagree about what is allowed. The page gives each field its words (a
label, a help text in the interface's language) and, where a setting applies only sometimes
(momentum to SGD with momentum), when it is shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QWidget

LARGEST_INT = 2**31 - 1  # what a QSpinBox holds


@dataclass(frozen=True)
class FieldView:
    key: str
    label: str
    help: str = ""
    options: dict[str, str] | None = None  # a choice's values in words
    decimals: int = 4  # a number's
    special_text: str = ""  # shown at the minimum ("off" for patience 0)
    shown: Callable[[object], bool] | None = None  # given the settings; None: always
    editor: Callable[[], QWidget] | None = None  # a spin box of the page's own (the learning rate's)


class SettingsForm(QWidget):
    edited = Signal(str, object)  # key, new value

    def __init__(self, settings_class, views: list[FieldView], parent=None):
        super().__init__(parent)
        self.views = {view.key: view for view in views}
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: labels above
        defaults = {f.name: f.default for f in dataclasses.fields(settings_class)}
        for view in views:
            reader = settings_class.readers[view.key]
            widget = self._make(view, reader, defaults.get(view.key))
            widget.setObjectName(view.key)
            widget.setToolTip(view.help)
            label = QLabel(view.label)
            label.setToolTip(view.help)
            label.setWordWrap(True)
            self.layout_.addRow(label, widget)
            self.widgets[view.key], self.labels[view.key] = widget, label

    def _make(self, view: FieldView, reader, default) -> QWidget:
        kind, facts = getattr(reader, "kind", None), getattr(reader, "facts", {})
        if view.editor is not None:
            widget = view.editor()
            self._set_range(widget, facts, view.decimals)
            widget.valueChanged.connect(lambda value, key=view.key: self.edited.emit(key, value))
        elif kind == "integer":
            widget = QSpinBox()
            widget.setRange(facts["minimum"] if facts["minimum"] is not None else -LARGEST_INT,
                            min(facts["maximum"] or LARGEST_INT, LARGEST_INT))  # fmt: skip
            widget.valueChanged.connect(lambda value, key=view.key: self.edited.emit(key, value))
        elif kind == "number":
            widget = QDoubleSpinBox()
            widget.setDecimals(view.decimals)
            self._set_range(widget, facts, view.decimals)
            widget.setSingleStep(10 ** -min(view.decimals, 2) if default is None else max(abs(default) / 10, 1e-4))
            widget.valueChanged.connect(lambda value, key=view.key: self.edited.emit(key, value))
        elif kind == "choice":
            widget = QComboBox()
            # The longest choice must not widen the form: the list drops down as wide as it needs.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(10)
            for option in facts["options"]:
                widget.addItem((view.options or {}).get(option, option), option)
            widget.activated.connect(lambda _, key=view.key, w=widget: self.edited.emit(key, w.currentData()))
        elif kind == "boolean":
            widget = QCheckBox()
            widget.toggled.connect(lambda value, key=view.key: self.edited.emit(key, value))
        else:
            raise TypeError(f"no input for a reader of kind {kind!r} ({view.key})")
        if view.special_text and hasattr(widget, "setSpecialValueText"):
            widget.setSpecialValueText(view.special_text)
        return widget

    @staticmethod
    def _set_range(widget, facts: dict, decimals: int) -> None:
        minimum = facts.get("minimum")
        maximum = facts.get("maximum")
        if facts.get("below") is not None:  # "below 1": the largest number the box can show under it
            maximum = facts["below"] - 10**-decimals
        widget.setRange(minimum if minimum is not None else -1e9, maximum if maximum is not None else 1e9)

    def render(self, settings) -> None:
        """Show `settings` (no `edited` signals), and only the fields that apply to them."""
        for key, widget in self.widgets.items():
            value = getattr(settings, key)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(value)
            widget.blockSignals(False)
            shown = self.views[key].shown
            self.layout_.setRowVisible(widget, shown is None or bool(shown(settings)))

    def is_shown(self, key: str) -> bool:
        return self.layout_.isRowVisible(self.widgets[key])
