"""The lab's pipeline (convolution, bias, ReLU → pooling → flatten → dense) against torch, and the
lecture's worked example from one end to the other."""

import random

import pytest
import torch
import torch.nn.functional as F

from playground.lessons.lab import LabError
from playground.lessons.pipeline import activation_text, default_dense_weights, run_pipeline
from playground.spec.shapes import resolve_padding

ONE_TO_25 = [[r * 5 + c + 1 for c in range(5)] for r in range(5)]
DIAGONAL = [[1, 0], [0, 1]]


def test_the_lectures_slide_from_input_to_dense():
    trace = run_pipeline(ONE_TO_25, [DIAGONAL], dense_weights=[[1, 0, 0, 1], [0, 1, 1, 0]], dense_biases=[0, 1])
    assert trace.feature_maps[0][0] == [8, 10, 12, 14]
    assert trace.pooled[0].output == [[20, 24], [40, 44]]  # each stage reads the one before: nothing retyped
    assert trace.flat == (20, 24, 40, 44)
    assert trace.outputs == [64, 65]
    assert trace.dense[1].text == "20·0 + 24·1 + 40·1 + 44·0 + 1 = 65"
    assert trace.conv_formula == "(5 − 2 + 0)/1 + 1 = 4" and trace.pool_formula == "(4 − 2 + 0)/2 + 1 = 2"
    assert [step.stage for step in trace.steps] == ["conv"] * 16 + ["pool"] * 4 + ["flatten"] + ["dense"] * 2


def test_bias_and_relu_are_written_out():
    assert activation_text(8, -10, relu=True) == (0, "8 + (-10) = -2; ReLU(-2) = 0")
    assert activation_text(8, None, relu=False) == (8, "")
    trace = run_pipeline(ONE_TO_25, [DIAGONAL], biases=[-10], relu=True, dense_weights=[[1, 1, 1, 1]])
    assert trace.conv_texts[0][0] == "1·1 + 2·0 + 6·0 + 7·1 = 8 ; 8 + (-10) = -2; ReLU(-2) = 0"
    assert trace.feature_maps[0][0][0] == 0


def _torch_pipeline(image, filters, stride, padding, biases, relu, mode, size, pool_stride, weights, dense_biases):
    x = torch.tensor([[image]], dtype=torch.float64)
    kernel = len(filters[0])
    spec = padding if isinstance(padding, str) else (padding, padding)
    (top, bottom), (left, right) = resolve_padding(spec, (len(image), len(image[0])), (kernel, kernel), (stride,) * 2)
    x = F.conv2d(
        F.pad(x, (left, right, top, bottom)),
        torch.tensor([[f] for f in filters], dtype=torch.float64),
        torch.tensor(biases, dtype=torch.float64),
        stride=stride,
    )
    if relu:
        x = F.relu(x)
    if mode == "max":
        x = F.max_pool2d(x, size, pool_stride)
    elif mode == "min":
        x = -F.max_pool2d(-x, size, pool_stride)
    else:
        x = F.avg_pool2d(x, size, pool_stride)
    x = torch.flatten(x, 1)
    return F.linear(x, torch.tensor(weights, dtype=torch.float64), torch.tensor(dense_biases, dtype=torch.float64))


@pytest.mark.parametrize("seed", range(30))
def test_the_whole_chain_agrees_with_torch(seed):
    rng = random.Random(seed)
    kernel = rng.randint(1, 7)
    padding = rng.choice(["valid", "same", 0, 1, 2, 3])
    size = rng.randint(max(kernel, 3), 10)
    stride = rng.randint(1, 2)
    image = [[rng.randint(-5, 9) for _ in range(size)] for _ in range(size)]
    filters = [[[rng.randint(-2, 2) for _ in range(kernel)] for _ in range(kernel)] for _ in range(rng.randint(1, 3))]
    biases = [rng.randint(-5, 5) for _ in filters]
    relu = rng.random() < 0.5
    mode, pool_size = rng.choice(["max", "avg", "min"]), rng.randint(1, 2)
    pool_stride = rng.randint(1, 2)
    settings = {
        "stride": stride,
        "padding": padding,
        "biases": biases,
        "relu": relu,
        "pool_mode": mode,
        "pool_size": pool_size,
        "pool_stride": pool_stride,
    }
    try:
        inputs = len(run_pipeline(image, filters, **settings).flat)  # without a dense layer: how many it needs
    except LabError as error:  # a map smaller than the pool: said, and nothing for torch to compare
        assert "larger than the input" in str(error)
        return
    weights = [[rng.randint(-2, 2) for _ in range(inputs)] for _ in range(rng.randint(1, 3))]
    dense_biases = [rng.randint(-3, 3) for _ in weights]
    trace = run_pipeline(image, filters, **settings, dense_weights=weights, dense_biases=dense_biases)
    expected = _torch_pipeline(
        image, filters, stride, padding, biases, relu, mode, pool_size, pool_stride, weights, dense_biases
    )
    assert torch.allclose(torch.tensor([trace.outputs], dtype=torch.float64), expected)
    assert len(trace.flat) == inputs


def test_a_stage_that_cannot_take_the_one_before_says_so():
    with pytest.raises(LabError, match="pool"):  # a 1×1 feature map cannot be pooled 2×2
        run_pipeline([[1, 2], [3, 4]], [[[1, 1], [1, 1]]], dense_weights=[[1]])
    with pytest.raises(LabError, match="needs 4 weights per unit"):
        run_pipeline(ONE_TO_25, [DIAGONAL], dense_weights=[[1, 1]])


def test_default_dense_weights_differ_between_units():
    weights = default_dense_weights(3, 4)
    assert len(weights) == 3 and all(len(row) == 4 for row in weights)
    assert len({tuple(row) for row in weights}) == 3 and {v for row in weights for v in row} <= {-1, 0, 1, 2}
