"""The lab's filter on a whole picture: the same numbers as torch's conv2d, and the grey levels shown."""

import random

import pytest
import torch
import torch.nn.functional as F

from playground.lessons.lab import IMAGE_FILTERS, LabError, convolve, feature_map, grey_levels
from playground.spec.shapes import resolve_padding


@pytest.mark.parametrize("seed", range(12))
def test_a_picture_through_a_filter_agrees_with_torch(seed):
    rng = random.Random(seed)
    height, width, kernel = rng.randint(8, 40), rng.randint(8, 40), rng.randint(1, 7)
    image = [[rng.randint(0, 255) for _ in range(width)] for _ in range(height)]
    weights = [[rng.randint(-3, 3) for _ in range(kernel)] for _ in range(kernel)]
    stride, padding = rng.randint(1, 2), rng.choice(["same", "valid", 0, 1, 3])
    spec = padding if isinstance(padding, str) else (padding, padding)
    (top, bottom), (left, right) = resolve_padding(spec, (height, width), (kernel, kernel), (stride, stride))
    x = F.pad(torch.tensor([[image]], dtype=torch.float64), (left, right, top, bottom))
    expected = F.conv2d(x, torch.tensor([[weights]], dtype=torch.float64), stride=stride)[0, 0]
    assert torch.equal(torch.tensor(feature_map(image, weights, stride, padding), dtype=torch.float64), expected)


def test_it_is_the_labs_convolution_without_the_written_sums():
    rng = random.Random(1)
    image = [[rng.randint(0, 9) for _ in range(6)] for _ in range(6)]
    for weights in IMAGE_FILTERS.values():
        assert feature_map(image, weights, 1, "same") == convolve(image, weights, 1, "same").output


def test_a_vertical_edge_lights_up_where_dark_meets_bright():
    image = [[0] * 4 + [255] * 4 for _ in range(8)]
    row = feature_map(image, IMAGE_FILTERS["vertical_edge"], 1, "valid")[3]
    assert row == [0, 0, -765, -765, 0, 0]  # only the windows across the edge respond


def test_grey_levels_say_what_black_and_white_are():
    assert grey_levels([[-10, 0], [10, 30]]) == ([[0, 64], [128, 255]], -10, 30)
    assert grey_levels([[5, 5]]) == ([[128, 128]], 5, 5)
    with pytest.raises(LabError, match="larger than the input"):
        feature_map([[1, 2]], IMAGE_FILTERS["blur"], 1, "valid")
