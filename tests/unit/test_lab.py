"""The convolution lab: the lecture's worked examples, and agreement with torch on random grids."""

import json
import random

import pytest
import torch
import torch.nn.functional as F

from playground.cli import main
from playground.lessons.lab import LabError, conv_vs_dense, convolve, parse_grid, pool, usage_counts
from playground.ml.network.modules import MinPool2d, PaddedAvgPool2d
from playground.spec.shapes import resolve_padding

ONE_TO_25 = [[r * 5 + c + 1 for c in range(5)] for r in range(5)]
ONE_TO_16 = [[r * 4 + c + 1 for c in range(4)] for r in range(4)]
DIAGONAL = [[1, 0], [0, 1]]


def test_the_lectures_worked_examples():
    feature_map = convolve(ONE_TO_25, DIAGONAL)
    assert feature_map.output[0] == [8, 10, 12, 14] and len(feature_map.output) == 4
    assert feature_map.steps[0].text == "1·1 + 2·0 + 6·0 + 7·1 = 8"
    assert feature_map.formula == "(5 − 2 + 0)/1 + 1 = 4"
    assert pool(feature_map.output, "max", 2, 2).output == [[20, 24], [40, 44]]
    assert convolve(ONE_TO_16, DIAGONAL).output == [[7, 9, 11], [15, 17, 19], [23, 25, 27]]


def test_the_worked_examples_from_the_command_line(capsys):
    rows = ";".join(",".join(map(str, row)) for row in ONE_TO_25)
    assert main(["lab", "conv", "--input", rows, "--kernel", "1,0;0,1", "--json"]) == 0
    conv_map = json.loads(capsys.readouterr().out)["output"]
    assert conv_map[0] == [8, 10, 12, 14]
    map_text = ";".join(",".join(map(str, row)) for row in conv_map)
    assert main(["lab", "pool", "--input", map_text, "--mode", "max", "--size", "2", "--stride", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"output": [[20, 24], [40, 44]]}
    assert main(["lab", "conv", "--input", "1,2,3,4;5,6,7,8;9,10,11,12;13,14,15,16", "--kernel", "1,0;0,1"]) == 0
    out = capsys.readouterr().out
    assert "(4 − 2 + 0)/1 + 1 = 3" in out and out.split("\n")[1].split() == ["7", "9", "11"]


def _to_tensor(grids):
    return torch.tensor(grids, dtype=torch.float64).unsqueeze(0)


def _torch_conv(inputs, kernels, stride, padding):
    size, kernel = (len(inputs[0]), len(inputs[0][0])), (len(kernels[0]), len(kernels[0][0]))
    spec = padding if isinstance(padding, str) else (padding, padding)
    (top, bottom), (left, right) = resolve_padding(spec, size, kernel, (stride, stride))
    x = F.pad(_to_tensor(inputs), (left, right, top, bottom))
    return F.conv2d(x, _to_tensor(kernels), stride=stride)[0, 0].tolist()


@pytest.mark.parametrize("seed", range(40))
def test_convolution_agrees_with_torch(seed):
    rng = random.Random(seed)
    channels, height, width = rng.randint(1, 3), rng.randint(3, 8), rng.randint(3, 8)
    kh, kw = rng.randint(1, min(3, height)), rng.randint(1, min(3, width))
    inputs = [[[rng.randint(-5, 9) for _ in range(width)] for _ in range(height)] for _ in range(channels)]
    kernels = [[[rng.randint(-2, 2) for _ in range(kw)] for _ in range(kh)] for _ in range(channels)]
    stride = rng.randint(1, 3)
    padding = rng.choice(["valid", "same", rng.randint(0, 2)])
    ours = convolve(inputs, kernels, stride, padding).output
    assert ours == _torch_conv(inputs, kernels, stride, padding)


@pytest.mark.parametrize("seed", range(40))
def test_pooling_agrees_with_torch(seed):
    rng = random.Random(seed)
    height, width, size = rng.randint(2, 8), rng.randint(2, 8), rng.randint(1, 3)
    size = min(size, height, width)
    grid = [[rng.randint(-9, 9) for _ in range(width)] for _ in range(height)]
    stride = rng.randint(1, 3)
    padding = rng.choice(["valid", "same", rng.randint(0, size - 1)])
    mode = rng.choice(["max", "avg", "min"])
    spec = padding if isinstance(padding, str) else (padding, padding)
    (top, bottom), (left, right) = resolve_padding(spec, (height, width), (size, size), (stride, stride))
    pads = (left, right, top, bottom)
    x = _to_tensor([grid])
    if mode == "max":
        expected = F.max_pool2d(F.pad(x, pads, value=float("-inf")), size, stride)
    elif mode == "min":
        expected = MinPool2d((size, size), (stride, stride), pads)(x)
    else:
        expected = PaddedAvgPool2d((size, size), (stride, stride), pads)(x)
    ours = pool(grid, mode, size, stride, padding).output
    assert torch.allclose(torch.tensor(ours, dtype=torch.float64), expected[0, 0])


def test_multi_channel_filters_sum_over_channels():
    red, green = [[1, 2], [3, 4]], [[10, 20], [30, 40]]
    trace = convolve([red, green], [[[1, 0], [0, 0]], [[0, 0], [0, 1]]])
    assert trace.output == [[41]] and trace.steps[0].text == "1·1 + 2·0 + 3·0 + 4·0 + 10·0 + 20·0 + 30·0 + 40·1 = 41"


def test_padding_shows_which_pixels_are_used_least():
    assert usage_counts((5, 5), 3)[0] == [1, 2, 3, 2, 1]  # corners once, the centre nine times
    assert usage_counts((5, 5), 3)[2][2] == 9
    assert usage_counts((5, 5), 3, padding="same")[0] == [4, 6, 6, 6, 4]
    assert convolve(ONE_TO_25, [[1] * 3] * 3, padding="same").formula == "(5 − 3 + 2)/1 + 1 = 5"


def test_conv_against_dense_parameters():
    outputs, conv, dense = conv_vs_dense((28, 28), 1, 3, 32)
    assert outputs == 26 * 26 * 32 and conv == 3 * 3 * 32 + 32 and dense == 784 * outputs + outputs


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: parse_grid("1,2;3", "--input"), "rows of different lengths"),
        (lambda: parse_grid("1,x", "--input"), "'x' is not a number"),
        (lambda: parse_grid("", "--input"), "empty row"),
        (lambda: convolve([[1]], [[1, 1], [1, 1]]), "larger than the input"),
        (lambda: convolve([[1, 2]], [[1]], padding="half"), "padding must be valid, same"),
        (lambda: pool([[1, 2], [3, 4]], "median"), "mode must be max, avg or min"),
        (lambda: pool([[1, 2], [3, 4]], "max", 2, 2, 2), "not smaller than the pool size"),
    ],
)
def test_bad_grids_and_settings_say_what_to_do(call, message):
    with pytest.raises(LabError, match=message):
        call()


def test_lab_errors_exit_2_with_one_line(capsys):
    assert main(["lab", "conv", "--input", "1,2;3", "--kernel", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rows of different lengths" in err


def test_lab_conv_and_pool_without_input_run_the_courses_worked_example(capsys):
    assert main(["lab", "conv", "--json"]) == 0
    feature_map = json.loads(capsys.readouterr().out)["output"]
    assert feature_map[0] == [8, 10, 12, 14] and feature_map[1][0] == 18 and len(feature_map) == 4
    assert main(["lab", "pool", "--json"]) == 0
    assert (
        json.loads(capsys.readouterr().out)["output"]
        == pool(feature_map, "max", 2, 2).output
        == [
            [20, 24],
            [40, 44],
        ]
    )
    assert main(["lab", "conv", "--steps"]) == 0
    printed = capsys.readouterr().out
    assert "2·1 + 3·0 + 7·0 + 8·1 = 10" in printed and "output size: (5 − 2 + 0)/1 + 1 = 4" in printed
