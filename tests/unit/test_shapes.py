import pytest

from playground.spec.layers import (
    AvgPool2d,
    BatchNorm2d,
    Conv2d,
    Dense,
    Dropout,
    Flatten,
    GlobalAvgPool,
    MaxPool2d,
    MinPool2d,
)
from playground.spec.project import load_project
from playground.spec.shapes import infer_shapes

from .helpers import EXAMPLES


def test_lenet5_shapes_and_parameters():
    project = load_project(EXAMPLES / "lenet5-digits.json")
    summary = infer_shapes(project.input_shape, project.layers, 10)
    assert summary.ok
    assert [info.output_shape for info in summary.layers] == [
        (6, 28, 28),
        (6, 14, 14),
        (16, 10, 10),
        (16, 5, 5),
        (400,),
        (120,),
        (84,),
        (10,),
    ]
    assert [info.params for info in summary.layers] == [156, 0, 2416, 0, 0, 48120, 10164, 850]
    assert summary.total_params == 61_706
    assert summary.layers[0].shape_formula == "(32 − 5 + 2·0)/1 + 1 = 28"
    assert summary.layers[2].params_formula == "5·5·6·16 + 16 = 2,416"
    assert summary.layers[4].shape_formula == "16·5·5 = 400"
    assert summary.layers[5].params_formula == "400·120 + 120 = 48,120"


def test_same_padding_follows_keras_for_every_stride():
    for size, stride in [(32, 1), (32, 2), (33, 2), (7, 3), (5, 4)]:
        summary = infer_shapes(
            (3, size, size), [Conv2d(filters=4, kernel=(3, 3), stride=(stride, stride), padding="same")], None
        )
        expected = -(-size // stride)
        assert summary.layers[0].output_shape == (4, expected, expected)
    assert (
        infer_shapes((1, 32, 32), [Conv2d(kernel=(5, 5), stride=(2, 2), padding="same")], None).layers[0].shape_formula
        == "⌈32/2⌉ = 16"
    )


def test_floor_is_shown_when_the_stride_does_not_divide():
    info = infer_shapes((1, 34, 34), [Conv2d(kernel=(5, 5), stride=(2, 2))], None).layers[0]
    assert info.output_shape[1:] == (15, 15)
    assert info.shape_formula == "⌊(34 − 5 + 2·0)/2⌋ + 1 = 15"


def test_rectangular_kernels_show_both_axes():
    info = infer_shapes((1, 20, 30), [Conv2d(filters=2, kernel=(3, 5), padding=(1, 0))], None).layers[0]
    assert info.output_shape == (2, 20, 26)
    assert info.shape_formula == "H: (20 − 3 + 2·1)/1 + 1 = 20; W: (30 − 5 + 2·0)/1 + 1 = 26"
    assert info.params == 3 * 5 * 1 * 2 + 2


def test_a_kernel_larger_than_its_input_names_the_layer_and_marks_the_rest():
    layers = [
        Conv2d(filters=6, kernel=(5, 5)),
        MaxPool2d(),
        Conv2d(filters=16, kernel=(5, 5)),
        Flatten(),
        Dense(units=10),
    ]
    summary = infer_shapes((1, 12, 12), layers, 10)
    assert not summary.ok
    assert summary.layers[0].ok and summary.layers[1].ok
    assert summary.layers[2].error == (
        "layer 3, conv2d 5x5 valid: input 4x4 is smaller than the kernel 5x5 — use 'same' padding or a smaller kernel"
    )
    assert all(not info.ok for info in summary.layers[2:])
    assert summary.layers[3].error == "layer 4: follows invalid layer 3"
    assert summary.error == summary.layers[2].error


def test_dense_on_a_feature_map_flattens_implicitly_with_a_note():
    summary = infer_shapes((16, 5, 5), [Dense(units=120)], None)
    info = summary.layers[0]
    assert info.ok and info.output_shape == (120,) and info.params == 400 * 120 + 120
    assert info.note == "flattens its 16×5×5 input to 400 first"


def test_conv_after_flatten_is_refused_clearly():
    summary = infer_shapes((1, 8, 8), [Flatten(), Conv2d()], None)
    assert "needs a C×H×W input but gets a flat vector of 64" in summary.layers[1].error


def test_other_layers():
    layers = [
        Conv2d(filters=8, kernel=(3, 3), padding="same"),
        BatchNorm2d(),
        AvgPool2d(size=(3, 3), stride=(2, 2), padding="same"),
        MinPool2d(size=(2, 2), padding=1),
        Dropout(rate=0.2),
        GlobalAvgPool(),
        Dense(units="auto"),
    ]
    summary = infer_shapes((3, 10, 10), layers, 4)
    assert summary.ok, summary.error
    assert [info.output_shape for info in summary.layers] == [
        (8, 10, 10),
        (8, 10, 10),
        (8, 5, 5),
        (8, 3, 3),
        (8, 3, 3),
        (8,),
        (4,),
    ]
    assert summary.layers[1].params == 16
    assert summary.total_params == (3 * 3 * 3 * 8 + 8) + 16 + (8 * 4 + 4)


def test_pool_padding_may_not_reach_a_whole_window():
    summary = infer_shapes((1, 8, 8), [MaxPool2d(size=(2, 2), padding=2)], None)
    assert "padding 2 is not smaller than the pool size 2x2" in summary.layers[0].error


def test_the_network_must_end_in_one_score_per_class():
    assert "ends in a 4×6×6 feature map" in infer_shapes((1, 8, 8), [Conv2d(filters=4)], 10).output_error
    assert (
        "gives 5 scores but the data has 10 classes" in infer_shapes((1, 8, 8), [Flatten(), Dense(units=5)], 10).error
    )
    assert infer_shapes((1, 8, 8), [Flatten(), Dense(units="auto")], 10).ok
    assert "number of classes is not known" in infer_shapes((1, 8, 8), [Flatten(), Dense()], None).error


@pytest.mark.parametrize("kernel", [1, 2, 3, 7])
def test_multiply_adds_of_a_conv_layer(kernel):
    info = infer_shapes((3, 16, 16), [Conv2d(filters=5, kernel=(kernel, kernel), padding="same")], None).layers[0]
    assert info.macs == 16 * 16 * 5 * kernel * kernel * 3


def test_messages_survive_copies_and_pickles_with_braces_in_their_values():
    import copy
    import pickle

    from playground.spec import messages
    from playground.spec.messages import Message

    message = Message(messages.BASE_NEEDS_RGB, network="Net {v2}")
    for again in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert again == message and again.template == messages.BASE_NEEDS_RGB and again.values == message.values
