"""The flattening demo's numbers: a one-pixel shift changes almost every inked input of a dense layer, and
moves a convolution's feature map by one pixel, every value the same (checked against torch)."""

import torch
import torch.nn.functional as F

from playground.lessons.flattening import compare_shift, flatten, shift_right
from playground.lessons.lab import IMAGE_FILTERS

STROKE = [
    [0, 0, 0, 0, 0, 0],
    [0, 9, 9, 9, 0, 0],
    [0, 0, 0, 9, 0, 0],
    [0, 0, 9, 9, 0, 0],
    [0, 0, 0, 9, 0, 0],
    [0, 9, 9, 9, 0, 0],
]


def test_shift_and_flatten_are_what_a_dense_layer_sees():
    assert shift_right([[1, 2, 3]]) == [[0, 1, 2]]
    assert flatten([[1, 2], [3, 4]]) == [1, 2, 3, 4]
    result = compare_shift(STROKE, IMAGE_FILTERS["vertical_edge"])
    assert result.inked == 15 and len(result.changed) == 10  # counted by hand: 2 per row of ink


def test_the_feature_map_moves_one_pixel_as_torch_computes_it():
    kernel = IMAGE_FILTERS["vertical_edge"]
    result = compare_shift(STROKE, kernel)
    assert result.map_shifted
    weights = torch.tensor([[kernel]], dtype=torch.float64)
    for grid, expected in ((STROKE, result.map_before), (shift_right(STROKE), result.map_after)):
        torch_map = F.conv2d(torch.tensor([[grid]], dtype=torch.float64), weights)[0, 0]
        assert torch_map.tolist() == expected
