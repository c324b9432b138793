"""The digit walk-through's arithmetic against torch's own outputs, and the shipped LeNet-5."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import torch
from torch import nn

from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.inference.predict import Predictor
from playground.ml.inference.walkthrough import (
    SHIPPED_LENET,
    Walkthrough,
    conv_cell,
    dense_cell,
    digit_from_drawing,
    layer_kind,
    pool_cell,
    shipped_lenet,
)
from playground.resources import example_projects
from playground.spec.errors import PlaygroundError
from playground.spec.project import load_project
from playground.spec.settings import PretrainedSettings


@pytest.fixture(scope="module")
def lenet():
    return Walkthrough(shipped_lenet())


@pytest.fixture(scope="module")
def digit_trace(lenet):
    from sklearn.datasets import load_digits

    digits = load_digits()
    eight = np.rint(digits.images[8] * (255.0 / 16.0)).astype(np.uint8)
    return lenet.trace(lenet.prepare(eight)), int(digits.target[8])


def test_the_shipped_model_is_a_small_ordinary_checkpoint_that_reads_digits(lenet, digit_trace):
    assert "lenet" in SHIPPED_LENET.name and SHIPPED_LENET.stat().st_size < 400_000
    checkpoint = load_checkpoint(SHIPPED_LENET)  # weights_only, as every checkpoint is read
    assert checkpoint.class_names == tuple(str(d) for d in range(10))
    assert checkpoint.best_val_acc > 0.95
    trace, label = digit_trace
    assert int(trace.probabilities.argmax()) == label
    # The walk's own forward pass is the predictor's.
    expected = Predictor(checkpoint).probabilities(trace.image[None])[0]
    assert torch.allclose(trace.probabilities, expected, atol=1e-5)


def test_every_conv_cell_is_the_multiply_add_torch_computes(lenet, digit_trace):
    trace, _ = digit_trace
    for index in (0, 2):
        layer = trace.layers[index]
        assert layer_kind(layer.layer) == "conv"
        for filter, row, col in ((0, 0, 0), (3, 5, 7), (layer.output.shape[0] - 1, 9, 2)):
            cell = lenet.conv_cell(trace, index, filter, row, col)
            assert len(cell.terms) == trace.layer_input(index).shape[0] * 25
            assert cell.total == pytest.approx(float(layer.before_activation[filter, row, col]), abs=1e-4)
            assert cell.activated == pytest.approx(float(layer.output[filter, row, col]), abs=1e-4)
            # The window is the one under the filter: the terms' values are the input's there.
            first = cell.terms[0]
            assert (first.row, first.col) == (row, col)
            assert first.value == float(trace.layer_input(index)[0, row, col])


def test_conv_cells_with_stride_padding_and_activations_match_torch():
    torch.manual_seed(1)
    image = torch.randn(3, 7, 6)
    conv = nn.Conv2d(3, 4, kernel_size=(3, 2), stride=(2, 1), padding=(1, 1))
    output = conv(image[None])[0].detach()
    for filter, row, col in ((0, 0, 0), (1, 3, 6), (3, 2, 3)):
        cell = conv_cell(
            image,
            conv.weight.detach(),
            conv.bias.detach(),
            stride=(2, 1),
            pads=(1, 1),
            activation="relu",
            filter=filter,
            row=row,
            col=col,
        )
        assert cell.total == pytest.approx(float(output[filter, row, col]), abs=1e-5)
        assert cell.activated == max(cell.total, 0.0)
    corner = conv_cell(
        image, conv.weight.detach(), None, stride=(2, 1), pads=(1, 1), activation="tanh", filter=0, row=0, col=0
    )
    assert sum(term.padding for term in corner.terms) == 3 * 4  # the top row and left column of each channel
    assert all(term.value == 0 for term in corner.terms if term.padding)
    assert corner.activated == pytest.approx(math.tanh(corner.total), abs=1e-6)


@pytest.mark.parametrize(
    ("mode", "torch_pool"),
    [("max", nn.MaxPool2d(2, 2)), ("avg", nn.AvgPool2d(2, 2)), ("min", lambda x: -nn.MaxPool2d(2, 2)(-x))],
)
def test_every_pool_cell_is_torch_pooling(mode, torch_pool):
    torch.manual_seed(2)
    image = torch.randn(2, 6, 6)
    output = torch_pool(image[None])[0]
    for channel, row, col in ((0, 0, 0), (1, 2, 1), (1, 1, 2)):
        cell = pool_cell(image, mode=mode, size=(2, 2), stride=(2, 2), pads=(0, 0), channel=channel, row=row, col=col)
        assert cell.result == pytest.approx(float(output[channel, row, col]), abs=1e-6)
        assert sorted((term.row, term.col) for term in cell.values) == [
            (2 * row, 2 * col),
            (2 * row, 2 * col + 1),
            (2 * row + 1, 2 * col),
            (2 * row + 1, 2 * col + 1),
        ]


def test_the_lenet_pooling_cells_are_the_layers_outputs(lenet, digit_trace):
    trace, _ = digit_trace
    for index in (1, 3):
        output = trace.layers[index].output
        for channel in range(output.shape[0]):
            cell = lenet.pool_cell(trace, index, channel, output.shape[1] - 1, 1)
            assert cell.mode == "max" and len(cell.values) == 4
            assert cell.result == float(output[channel, -1, 1])


def test_dense_contributions_and_bias_sum_to_the_logit(lenet, digit_trace):
    trace, label = digit_trace
    last = len(trace.layers) - 1
    assert layer_kind(trace.layers[last].layer) == "dense"
    for index, unit in ((5, 7), (6, 0), (last, label)):
        cell = lenet.dense_cell(trace, index, unit)
        assert cell.total == pytest.approx(float(trace.layers[index].before_activation[unit]), abs=1e-4)
        assert math.fsum(term.product for term in cell.largest(5)) + cell.rest(5) + cell.bias == pytest.approx(
            cell.total, abs=1e-9
        )
        sizes = [abs(term.product) for term in cell.terms]
        assert sizes == sorted(sizes, reverse=True)
    torch.manual_seed(3)
    linear = nn.Linear(12, 3)
    values = torch.randn(12)
    cell = dense_cell(values, linear.weight.detach(), linear.bias.detach(), activation="sigmoid", unit=2)
    assert cell.activated == pytest.approx(float(torch.sigmoid(linear(values).detach())[2]), abs=1e-6)


def test_a_drawing_becomes_a_digit_as_scikit_learn_made_them():
    drawing = np.zeros((32, 32), dtype=bool)
    drawing[0:4, 0:4] = True  # a full block: 16 of 16
    drawing[4:6, 8:12] = True  # half a block: 8
    digit = digit_from_drawing(drawing)
    assert digit.shape == (8, 8) and digit.dtype == np.uint8
    assert digit[0, 0] == 255 and digit[1, 2] == 128 and digit.sum() == 255 + 128


def test_a_network_on_a_pretrained_base_is_refused_with_a_message():
    project = load_project(example_projects()["lenet5-digits"])
    checkpoint = shipped_lenet()
    on_base = dataclasses.replace(
        checkpoint, project=dataclasses.replace(project, pretrained=PretrainedSettings(network="playground_mini"))
    )
    with pytest.raises(PlaygroundError, match="pretrained"):
        Walkthrough(on_base)
