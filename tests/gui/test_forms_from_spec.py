"""Every editable field of the spec gets its input's limits and choices from the spec's own reader.

The walk goes over the readers (not over the forms), so a field that gains a reader and no input,
or an input whose bounds were typed in by hand, fails here.
"""

import dataclasses
import math

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

from playground.gui.pages.model.properties import LayerProperties
from playground.gui.widgets.settings_form import LARGEST_INT, OptionalBox, OrWordBox, PaddingBox, PairBox, SliderBox
from playground.spec import fields
from playground.spec.layers import LAYER_TYPES, Conv2d
from playground.spec.settings import AugmentationSettings, DataSettings, PretrainedSettings, TrainingSettings

# Fields edited by something other than an input with bounds, and why.
NOT_FORM_FIELDS = {
    (DataSettings, "source"): "a built-in dataset from the list, or a folder",
    (TrainingSettings, "device"): "the devices this machine has",
    (PretrainedSettings, "network"): "the pretrained networks' dialog",
    (PretrainedSettings, "mode"): "two radio buttons",
    (PretrainedSettings, "trainable_blocks"): "the freeze line, bounded by the network's own blocks",
}


def _check(widget, reader, where: str) -> None:
    """The widget accepts exactly what the reader does."""
    if isinstance(reader, fields.Integer):
        assert isinstance(widget, QSpinBox), where
        maximum = LARGEST_INT if reader.maximum is None else min(reader.maximum, LARGEST_INT)
        assert (widget.minimum(), widget.maximum()) == (reader.minimum, maximum), where
    elif isinstance(reader, fields.Number):
        if isinstance(widget, SliderBox):
            low, high = widget.slider.minimum() * widget.step, widget.slider.maximum() * widget.step
        else:
            assert isinstance(widget, QDoubleSpinBox), where
            low, high = widget.minimum(), widget.maximum()
        assert math.isclose(low, reader.minimum, abs_tol=1e-9), where
        if reader.below is not None:
            assert reader.below - 0.011 < high < reader.below, where  # as close as the input can show
        else:
            assert math.isclose(high, reader.maximum), where
    elif isinstance(reader, fields.Choice):
        assert isinstance(widget, QComboBox), where
        assert [widget.itemData(i) for i in range(widget.count())] == list(reader.options), where
    elif isinstance(reader, fields.Flag):
        assert isinstance(widget, QCheckBox), where
    elif isinstance(reader, fields.Pair):
        assert isinstance(widget, PairBox), where
        for spin in (widget.height, widget.width):
            _check(spin, fields.Integer(reader.minimum, reader.maximum), where)
    elif isinstance(reader, fields.Padding):
        assert isinstance(widget, PaddingBox), where
        assert [widget.mode.itemData(i) for i in range(widget.mode.count())] == [*reader.modes, "custom"], where
        _check(widget.amount, reader.amount, where)
    elif isinstance(reader, fields.Optional):
        assert isinstance(widget, OptionalBox), where
        _check(widget.inner, reader.reader, where)
    elif isinstance(reader, fields.OrWord):
        assert isinstance(widget, OrWordBox), where
        _check(widget.inner, reader.reader, where)
    else:
        raise AssertionError(f"{where}: a reader of no known type ({reader!r}) cannot make an input")


def _check_inputs(settings_class, inputs) -> list[str]:
    """Check every editable reader of `settings_class` against `inputs` (a SettingsInputs); the keys checked."""
    checked = []
    for key, reader in settings_class.readers.items():
        if (settings_class, key) in NOT_FORM_FIELDS:
            continue
        views = [view for view in inputs.views.values() if view.key == key]
        assert views, f"{settings_class.__name__}.{key} has no input"
        for view in views:
            if view.part is not None:  # one number of a pair per row
                assert isinstance(reader, fields.NumberPair)
                _check(inputs.widgets[view.id], fields.Number(reader.minimum, reader.maximum), view.id)
            else:
                _check(inputs.widgets[view.id], reader, f"{settings_class.__name__}.{key}")
        checked.append(key)
    return checked


def test_the_settings_pages_take_every_bound_and_choice_from_the_spec(window):
    assert _check_inputs(TrainingSettings, window.train_page.settings_form.inputs)
    assert _check_inputs(AugmentationSettings, window.augment_page.form.inputs) == list(AugmentationSettings.readers)
    assert _check_inputs(DataSettings, window.data_page.data_inputs) == ["image_size", "channels", "val_fraction"]
    factor = window.model_page.base_panel.factor
    _check(factor, PretrainedSettings.readers["base_learning_rate_factor"], "base_learning_rate_factor")
    assert set(PretrainedSettings.readers) - {"base_learning_rate_factor"} == {
        key for cls, key in NOT_FORM_FIELDS if cls is PretrainedSettings
    }


@pytest.mark.parametrize("layer_type", LAYER_TYPES.values(), ids=list(LAYER_TYPES))
def test_every_layer_setting_takes_its_bounds_from_the_spec(qtbot, layer_type):
    properties = LayerProperties()
    qtbot.addWidget(properties)
    properties.show_layer(0, layer_type())
    if not layer_type.readers:
        assert properties.form is None
        return
    assert _check_inputs(layer_type, properties.form.inputs) == list(layer_type.readers)


def test_an_input_follows_its_reader_when_the_spec_changes(qtbot, monkeypatch):
    monkeypatch.setattr(Conv2d, "readers", {**Conv2d.readers, "filters": fields.Integer(2, 8)})
    properties = LayerProperties()
    qtbot.addWidget(properties)
    properties.show_layer(0, Conv2d(filters=4))
    filters = properties.form.widgets["filters"]
    assert (filters.minimum(), filters.maximum()) == (2, 8)


def test_a_padding_up_to_the_largest_kernel_can_be_typed(qtbot):
    """The form's own 0..50 cap is gone: the spec's bound (that of a kernel) is the input's."""
    properties = LayerProperties()
    qtbot.addWidget(properties)
    edits = []
    properties.layer_edited.connect(lambda index, layer, key: edits.append(layer))
    properties.show_layer(0, Conv2d(padding=(1, 1)))
    padding = properties.form.widgets["padding"]
    padding.amount.height.setValue(99)
    assert edits[-1] == dataclasses.replace(Conv2d(), padding=(99, 1))
    assert padding.amount.height.maximum() == Conv2d.readers["padding"].amount.maximum == 99
