"""Spec -> nn.Module. One child of the top-level nn.Sequential per spec layer (model[i] is layer i),
so feature maps, freezing and the exported code line up with what the builder shows."""

from __future__ import annotations

import math

from torch import nn

from playground.ml.network.modules import MinPool2d, PaddedAvgPool2d
from playground.spec.errors import ShapeError
from playground.spec.layers import (
    Activation,
    AvgPool2d,
    BatchNorm2d,
    Conv2d,
    Dense,
    Dropout,
    Flatten,
    GlobalAvgPool,
    Layer,
    MaxPool2d,
)
from playground.spec.layers import (
    MinPool2d as MinPoolSpec,
)
from playground.spec.shapes import LayerInfo, NetworkSummary, infer_shapes, resolve_padding

_ACTIVATIONS = {
    "relu": nn.ReLU,
    "leaky_relu": lambda: nn.LeakyReLU(0.01),
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "gelu": nn.GELU,
}


def activation_module(name: str) -> nn.Module | None:
    return None if name == "none" else _ACTIVATIONS[name]()


def _chain(*modules: nn.Module | None) -> nn.Module:
    present = [m for m in modules if m is not None]
    return present[0] if len(present) == 1 else nn.Sequential(*present)


def _pads(info: LayerInfo, kernel, stride, padding) -> tuple[tuple[int, int], tuple[int, int]]:
    return resolve_padding(padding, info.input_shape[1:], kernel, stride)


def _conv(layer: Conv2d, info: LayerInfo) -> nn.Module:
    (top, bottom), (left, right) = _pads(info, layer.kernel, layer.stride, layer.padding)
    symmetric = top == bottom and left == right
    conv = nn.Conv2d(
        info.input_shape[0],
        layer.filters,
        kernel_size=layer.kernel,
        stride=layer.stride,
        padding=(top, left) if symmetric else 0,
    )
    pad = None if symmetric else nn.ZeroPad2d((left, right, top, bottom))
    return _chain(pad, conv, activation_module(layer.activation))


def _pool(layer, info: LayerInfo) -> nn.Module:
    stride = layer.effective_stride
    (top, bottom), (left, right) = _pads(info, layer.size, stride, layer.padding)
    pads = (left, right, top, bottom)
    if isinstance(layer, MinPoolSpec):
        return MinPool2d(layer.size, stride, pads)
    if isinstance(layer, AvgPool2d):
        return PaddedAvgPool2d(layer.size, stride, pads) if any(pads) else nn.AvgPool2d(layer.size, stride)
    if any(pads):  # max: padding never wins a window
        return nn.Sequential(nn.ConstantPad2d(pads, float("-inf")), nn.MaxPool2d(layer.size, stride))
    return nn.MaxPool2d(layer.size, stride)


def layer_module(layer: Layer, info: LayerInfo) -> nn.Module:
    if isinstance(layer, Conv2d):
        return _conv(layer, info)
    if isinstance(layer, MaxPool2d | AvgPool2d | MinPoolSpec):
        return _pool(layer, info)
    if isinstance(layer, BatchNorm2d):
        return nn.BatchNorm2d(info.input_shape[0])
    if isinstance(layer, Activation):
        return activation_module(layer.function)
    if isinstance(layer, Dropout):
        return nn.Dropout(layer.rate)
    if isinstance(layer, Flatten):
        return nn.Flatten()
    if isinstance(layer, GlobalAvgPool):
        return nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())
    if isinstance(layer, Dense):
        flatten = nn.Flatten() if len(info.input_shape) > 1 else None  # the implicit flatten, noted in the summary
        inputs = math.prod(info.input_shape)
        return _chain(flatten, nn.Linear(inputs, info.output_shape[0]), activation_module(layer.activation))
    raise TypeError(f"no module for {type(layer).__name__}")


def checked_summary(input_shape, layers, num_classes: int) -> NetworkSummary:
    """The network's shapes, raising ShapeError (with the spec's message) if it cannot be built."""
    summary = infer_shapes(input_shape, layers, num_classes)
    for info in summary.layers:
        if info.error:
            raise ShapeError(info.error, layer_index=info.index)
    if summary.output_error:
        raise ShapeError(summary.output_error, layer_index=len(layers) - 1)
    return summary


def build_model(input_shape, layers, num_classes: int) -> nn.Sequential:
    summary = checked_summary(input_shape, layers, num_classes)
    return nn.Sequential(*(layer_module(info.layer, info) for info in summary.layers))
