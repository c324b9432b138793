"""Output-size and parameter arithmetic of a network, in pure Python, with the formula as text.

This is what the builder shows live and what `cnn-playground summary` prints; tests check it
against the nn.Module that `playground.ml.network.build` makes from the same spec.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from playground.spec import messages
from playground.spec.layers import (
    Activation,
    BatchNorm2d,
    Conv2d,
    Dense,
    Dropout,
    Flatten,
    GlobalAvgPool,
    Layer,
    Padding,
    Pair,
    _Pool2d,
)
from playground.spec.messages import Message

Shape = tuple[int, ...]  # (C, H, W) or (N,)

NO_PARAMETERS = Message(messages.NO_PARAMETERS)


@dataclass(frozen=True)
class LayerInfo:
    index: int
    layer: Layer
    input_shape: Shape | None
    output_shape: Shape | None = None
    params: int = 0
    macs: int = 0  # multiply-adds for one image
    shape_formula: str = ""
    params_formula: str = ""
    note: str = ""  # something done for the user, e.g. an implicit flatten
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class NetworkSummary:
    input_shape: Shape
    layers: tuple[LayerInfo, ...]
    num_classes: int | None
    output_error: str = ""  # the network as a whole does not end in one score per class

    @property
    def error(self) -> str:
        for info in self.layers:
            if info.error:
                return info.error
        return self.output_error

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def output_shape(self) -> Shape | None:
        return self.layers[-1].output_shape if self.layers else self.input_shape

    @property
    def total_params(self) -> int:
        return sum(info.params for info in self.layers)

    @property
    def total_macs(self) -> int:
        return sum(info.macs for info in self.layers)


def shape_text(shape: Shape | None) -> str:
    return "?" if shape is None else "×".join(str(n) for n in shape)


def group(n: int) -> str:
    return f"{n:,}"


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Keras/TensorFlow 'same': output = ceil(size / stride), padding split with the extra at the end."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def resolve_padding(
    padding: Padding, size: Pair, kernel: Pair, stride: Pair
) -> tuple[tuple[int, int], tuple[int, int]]:
    """((top, bottom), (left, right)) zero padding for a layer on an input of `size` (H, W)."""
    if padding == "valid":
        return (0, 0), (0, 0)
    if padding == "same":
        return same_padding(size[0], kernel[0], stride[0]), same_padding(size[1], kernel[1], stride[1])
    return (padding[0], padding[0]), (padding[1], padding[1])


def _axis_formula(size: int, kernel: int, stride: int, pads: tuple[int, int], padding: Padding) -> tuple[int, str]:
    total = size + pads[0] + pads[1] - kernel
    out = total // stride + 1
    if padding == "same":
        return out, f"⌈{size}/{stride}⌉ = {out}"
    pad_text = f"2·{pads[0]}" if pads[0] == pads[1] else f"{pads[0]} + {pads[1]}"
    inner = f"({size} − {kernel} + {pad_text})/{stride}"
    if total % stride:
        inner = f"⌊{inner}⌋"
    return out, f"{inner} + 1 = {out}"


class _LayerProblem(Exception):
    pass


def _spatial(layer: Layer, shape: Shape, number: int) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise _LayerProblem(Message(messages.NEEDS_FEATURE_MAP, number=number, layer=layer.describe(), size=shape[0]))
    return shape  # type: ignore[return-value]


def _window(layer: Layer, number: int, shape: Shape, kernel: Pair, stride: Pair, padding: Padding, is_pool: bool):
    channels, height, width = _spatial(layer, shape, number)
    (top, bottom), (left, right) = resolve_padding(padding, (height, width), kernel, stride)
    if (is_pool and max(top, bottom) >= kernel[0]) or (is_pool and max(left, right) >= kernel[1]):
        raise _LayerProblem(
            Message(
                messages.PADDING_NOT_SMALLER_THAN_POOL,
                number=number,
                layer=layer.describe(),
                padding=max(top, bottom, left, right),
                height=kernel[0],
                width=kernel[1],
            )
        )
    if height + top + bottom < kernel[0] or width + left + right < kernel[1]:
        template = messages.INPUT_SMALLER_THAN_POOL if is_pool else messages.INPUT_SMALLER_THAN_KERNEL
        raise _LayerProblem(
            Message(
                template,
                number=number,
                layer=layer.describe(),
                height=height,
                width=width,
                kernel_height=kernel[0],
                kernel_width=kernel[1],
            )
        )
    out_h, text_h = _axis_formula(height, kernel[0], stride[0], (top, bottom), padding)
    out_w, text_w = _axis_formula(width, kernel[1], stride[1], (left, right), padding)
    formula = text_h if text_h == text_w else f"H: {text_h}; W: {text_w}"
    return channels, out_h, out_w, formula


def _flat_size(shape: Shape) -> int:
    return math.prod(shape)


def _infer_one(layer: Layer, number: int, shape: Shape, num_classes: int | None) -> dict:
    """The fields of LayerInfo for one valid layer, or _LayerProblem."""
    if isinstance(layer, Conv2d):
        channels, out_h, out_w, formula = _window(
            layer, number, shape, layer.kernel, layer.stride, layer.padding, False
        )
        kh, kw = layer.kernel
        params = kh * kw * channels * layer.filters + layer.filters
        return {
            "output_shape": (layer.filters, out_h, out_w),
            "params": params,
            "macs": out_h * out_w * layer.filters * kh * kw * channels,
            "shape_formula": formula,
            "params_formula": f"{kh}·{kw}·{channels}·{layer.filters} + {layer.filters} = {group(params)}",
        }
    if isinstance(layer, _Pool2d):
        channels, out_h, out_w, formula = _window(
            layer, number, shape, layer.size, layer.effective_stride, layer.padding, True
        )
        return {"output_shape": (channels, out_h, out_w), "shape_formula": formula, "params_formula": NO_PARAMETERS}
    if isinstance(layer, BatchNorm2d):
        channels = _spatial(layer, shape, number)[0]
        return {
            "output_shape": shape,
            "params": 2 * channels,
            "params_formula": Message(messages.SCALE_AND_SHIFT, channels=channels, params=2 * channels),
        }
    if isinstance(layer, Activation | Dropout):
        return {"output_shape": shape, "params_formula": NO_PARAMETERS}
    if isinstance(layer, Flatten):
        flat = _flat_size(shape)
        formula = f"{'·'.join(map(str, shape))} = {group(flat)}" if len(shape) > 1 else Message(messages.ALREADY_FLAT)
        return {"output_shape": (flat,), "shape_formula": formula, "params_formula": NO_PARAMETERS}
    if isinstance(layer, GlobalAvgPool):
        channels, height, width = _spatial(layer, shape, number)
        return {
            "output_shape": (channels,),
            "shape_formula": Message(messages.MEAN_PER_CHANNEL, height=height, width=width, channels=channels),
            "params_formula": NO_PARAMETERS,
        }
    if isinstance(layer, Dense):
        note = ""
        if len(shape) > 1:
            note = Message(messages.FLATTENS_FIRST, shape=shape_text(shape), size=group(_flat_size(shape)))
        inputs = _flat_size(shape)
        units = layer.units
        if units == "auto":
            if num_classes is None:
                raise _LayerProblem(Message(messages.CLASSES_UNKNOWN, number=number))
            units = num_classes
        params = inputs * units + units
        return {
            "output_shape": (units,),
            "params": params,
            "macs": inputs * units,
            "params_formula": f"{group(inputs)}·{group(units)} + {group(units)} = {group(params)}",
            "note": note,
        }
    raise TypeError(f"no shape rule for {type(layer).__name__}")  # a programming error, not the user's


def infer_shapes(
    input_shape: Shape, layers: tuple[Layer, ...] | list[Layer], num_classes: int | None
) -> NetworkSummary:
    """Every layer's output shape, parameter count and formula; layers after an error are marked too."""
    infos: list[LayerInfo] = []
    shape: Shape | None = tuple(input_shape)
    failed_at = 0
    for index, layer in enumerate(layers):
        number = index + 1
        if shape is None:
            error = Message(messages.FOLLOWS_INVALID_LAYER, number=number, failed_at=failed_at)
            infos.append(LayerInfo(index, layer, None, error=error))
            continue
        try:
            fields = _infer_one(layer, number, shape, num_classes)
        except _LayerProblem as problem:
            infos.append(LayerInfo(index, layer, shape, error=problem.args[0]))  # the Message, not a copy
            shape, failed_at = None, number
            continue
        infos.append(LayerInfo(index, layer, shape, **fields))
        shape = fields["output_shape"]
    return NetworkSummary(tuple(input_shape), tuple(infos), num_classes, _output_problem(shape, num_classes, infos))


def _output_problem(shape: Shape | None, num_classes: int | None, infos: list[LayerInfo]) -> str:
    if shape is None or num_classes is None:
        return ""
    if not infos:
        return Message(messages.NO_LAYERS)
    if len(shape) != 1:
        return Message(messages.ENDS_IN_FEATURE_MAP, shape=shape_text(shape), classes=num_classes)
    if shape[0] != num_classes:
        return Message(messages.WRONG_NUMBER_OF_SCORES, scores=shape[0], classes=num_classes)
    return ""


def summarize_project(project, num_classes: int | None) -> NetworkSummary:
    """The project's layers on what they receive (the images, or a pretrained base's feature map),
    with a pretrained base's own problem, if any, as the network's error."""
    summary = infer_shapes(project.layers_input_shape, project.layers, num_classes)
    problem = project.pretrained_problem
    if problem and not summary.error:
        return NetworkSummary(summary.input_shape, summary.layers, summary.num_classes, problem)
    return summary
