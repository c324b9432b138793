"""Why convolution needs fewer parameters: the current network beside dense-only equivalents."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from playground.spec.layers import Conv2d, Dense, Layer
from playground.spec.shapes import Shape, infer_shapes


@dataclass(frozen=True)
class ConvVersusDense:
    layer_number: int  # 1-based, as the builder shows it
    conv_params: int
    dense_params: int  # a dense layer from the same inputs to the same number of outputs
    inputs: int
    outputs: int


@dataclass(frozen=True)
class DenseComparison:
    cnn_params: int
    dense_only_params: int | None  # None when the CNN itself cannot be built
    dense_only_widths: tuple[int, ...]  # hidden widths of that dense-only net
    per_layer: tuple[ConvVersusDense, ...]


def compare_with_dense(input_shape: Shape, layers: tuple[Layer, ...], num_classes: int | None) -> DenseComparison:
    """The CNN's parameters beside (a) a dense-only net with the same hidden dense widths on the same
    input and (b) each conv layer replaced by a dense layer with the same inputs and outputs."""
    summary = infer_shapes(input_shape, layers, num_classes)
    dense_layers = [info for info in summary.layers if isinstance(info.layer, Dense) and info.ok]
    widths = tuple(info.output_shape[0] for info in dense_layers[:-1])
    dense_only = None
    if summary.ok and dense_layers:
        sizes = [math.prod(input_shape), *widths, dense_layers[-1].output_shape[0]]
        dense_only = sum(a * b + b for a, b in itertools.pairwise(sizes))
    per_layer = tuple(
        ConvVersusDense(
            info.index + 1,
            info.params,
            math.prod(info.input_shape) * math.prod(info.output_shape) + math.prod(info.output_shape),
            math.prod(info.input_shape),
            math.prod(info.output_shape),
        )
        for info in summary.layers
        if isinstance(info.layer, Conv2d) and info.ok
    )
    return DenseComparison(summary.total_params, dense_only, widths, per_layer)
