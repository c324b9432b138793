"""One image through a trained network, layer by layer, and the arithmetic behind any one cell:
a convolution's multiply-add over its window with the learned weights and bias, then the
activation; a pooling cell's window; a dense unit's largest contributions. The Learn page's digit
walk-through shows these; the tests check them against torch's own outputs for the same cells.

The network is the one a checkpoint describes (the shipped LeNet-5 on digits, or the user's own),
built from its layers (one nn.Sequential child per layer, see playground.ml.network.build); a network on a
pretrained base is not walked through (its base is a black box of hundreds of layers).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch
from torch import nn

from playground.ml.data.builtin import BUILTIN_DATASETS
from playground.ml.data.prepare import resize_batch
from playground.ml.files.checkpoints import Checkpoint, load_checkpoint
from playground.ml.inference.predict import model_from_checkpoint
from playground.ml.network.build import activation_module
from playground.resources import resource_path
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.layers import AvgPool2d, Conv2d, Dense, Flatten, Layer, MaxPool2d, MinPool2d
from playground.spec.messages import Message
from playground.spec.shapes import infer_shapes, resolve_padding

SHIPPED_LENET = resource_path("models", "lenet5-digits.pt")  # made by tools/train_lenet_digits.py
DIGIT_GRID = 8  # scikit-learn's digits are 8×8 counts (0–16) of ink in 4×4 blocks of a 32×32 drawing
DIGIT_BLOCK = 4


@lru_cache(maxsize=1)
def shipped_lenet() -> Checkpoint:
    """The LeNet-5 trained on digits that comes with the app (read once: it never changes)."""
    return load_checkpoint(SHIPPED_LENET)


def digit_set() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's 1,797 digits as the app reads them (uint8 N×8×8, 0–255) and their labels."""
    return BUILTIN_DATASETS["digits"].load(0)


def digit_from_drawing(drawing: np.ndarray) -> np.ndarray:
    """A 32×32 drawing (True or 1 where there is ink) as scikit-learn made its digits: the ink
    counted in each 4×4 block (0–16), then scaled to 0–255 as playground.ml.data.builtin reads them, so
    a digit drawn with the mouse reaches the network as the training digits did. uint8 8×8."""
    size = DIGIT_GRID * DIGIT_BLOCK
    ink = np.asarray(drawing, dtype=float)
    if ink.shape != (size, size):
        raise ValueError(f"a drawing is {size}×{size}, got {ink.shape}")
    counts = ink.reshape(DIGIT_GRID, DIGIT_BLOCK, DIGIT_GRID, DIGIT_BLOCK).sum(axis=(1, 3))
    return np.rint(counts * (255.0 / 16.0)).astype(np.uint8)


# ------------------------------------------------------------------------------------- the cells


@dataclass(frozen=True)
class Term:
    """One multiply of a multiply-add: the input value at (channel, row, col) times its weight.
    Rows and columns are the layer input's; a padding position lies outside it and holds 0."""

    channel: int
    row: int
    col: int
    value: float
    weight: float
    padding: bool = False

    @property
    def product(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True)
class ConvCell:
    filter: int
    row: int
    col: int
    top: int  # the window's first row and column on the layer's input (negative in the padding)
    left: int
    height: int
    width: int
    terms: tuple[Term, ...]  # channel by channel, row by row
    bias: float
    total: float  # the terms' products and the bias: the cell before its activation
    activation: str  # "none", "relu", ...
    activated: float  # the cell as the next layer sees it


def activate(function: str, value: float) -> float:
    """The activation exactly as the built network applies it (playground.ml.network.build's modules)."""
    module = activation_module(function)
    return value if module is None else float(module(torch.tensor([value], dtype=torch.float64))[0])


def conv_cell(
    layer_input: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None,
    *,
    stride: tuple[int, int],
    pads: tuple[int, int],
    activation: str,
    filter: int,
    row: int,
    col: int,
) -> ConvCell:
    """Output cell (`filter`, `row`, `col`) of a convolution on `layer_input` (C×H×W), written out:
    `weight` is the layer's F×C×kh×kw, `pads` its (top, left) zero padding."""
    channels, height, width = layer_input.shape
    kernel_height, kernel_width = weight.shape[2:]
    top, left = row * stride[0] - pads[0], col * stride[1] - pads[1]
    values, weights = layer_input.tolist(), weight[filter].tolist()  # plain floats: indexing tensors is slow
    terms = []
    for channel in range(channels):
        for i in range(kernel_height):
            for j in range(kernel_width):
                r, c = top + i, left + j
                inside = 0 <= r < height and 0 <= c < width
                value = values[channel][r][c] if inside else 0.0
                terms.append(Term(channel, r, c, value, weights[channel][i][j], not inside))
    bias_value = float(bias[filter]) if bias is not None else 0.0
    # Summed in double precision: the written-out sum should not differ from torch's by our rounding.
    total = math.fsum(term.product for term in terms) + bias_value
    return ConvCell(
        filter,
        row,
        col,
        top,
        left,
        kernel_height,
        kernel_width,
        tuple(terms),
        bias_value,
        total,
        activation,
        activate(activation, total),
    )


@dataclass(frozen=True)
class PoolCell:
    channel: int
    row: int
    col: int
    top: int
    left: int
    height: int
    width: int
    mode: str  # "max", "avg" or "min"
    values: tuple[Term, ...]  # the window's input values (weight 1); padding takes no part
    result: float


def pool_cell(
    layer_input: torch.Tensor,
    *,
    mode: str,
    size: tuple[int, int],
    stride: tuple[int, int],
    pads: tuple[int, int],
    channel: int,
    row: int,
    col: int,
) -> PoolCell:
    """Output cell (`channel`, `row`, `col`) of a pooling layer: its window and what it keeps. As the
    app builds pooling, padding never wins a window (max, min) nor dilutes the mean (average)."""
    _, height, width = layer_input.shape
    top, left = row * stride[0] - pads[0], col * stride[1] - pads[1]
    plane = layer_input[channel].tolist()
    values = tuple(
        Term(channel, r, c, plane[r][c], 1.0)
        for r in range(max(top, 0), min(top + size[0], height))
        for c in range(max(left, 0), min(left + size[1], width))
    )
    numbers = [term.value for term in values]
    result = {"max": max, "min": min, "avg": lambda v: math.fsum(v) / len(v)}[mode](numbers)
    return PoolCell(channel, row, col, top, left, size[0], size[1], mode, values, result)


@dataclass(frozen=True)
class DenseCell:
    unit: int
    terms: tuple[Term, ...]  # every input times its weight, the largest in size first (channel = 0, row = input)
    bias: float
    total: float
    activation: str
    activated: float

    def largest(self, count: int) -> tuple[Term, ...]:
        return self.terms[:count]

    def rest(self, count: int) -> float:
        """What all the other inputs add up to, so the shown ones, the rest and the bias make the total."""
        return math.fsum(term.product for term in self.terms[count:])


def dense_cell(
    layer_input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None, *, activation: str, unit: int
) -> DenseCell:
    """Unit `unit` of a dense layer on a flat `layer_input`: each input's contribution, largest first."""
    values, weights = layer_input.reshape(-1).tolist(), weight[unit].tolist()
    terms = [Term(0, i, 0, value, weights[i]) for i, value in enumerate(values)]
    terms.sort(key=lambda term: abs(term.product), reverse=True)
    bias_value = float(bias[unit]) if bias is not None else 0.0
    total = math.fsum(term.product for term in terms) + bias_value
    return DenseCell(unit, tuple(terms), bias_value, total, activation, activate(activation, total))


# ------------------------------------------------------------------------------------- the walk


@dataclass(frozen=True)
class LayerOutput:
    index: int  # the layer's place in the network (0 = first)
    layer: Layer
    output: torch.Tensor  # C×H×W or a flat vector: what the next layer sees
    before_activation: torch.Tensor | None  # a conv or dense layer's sums before its activation


@dataclass(frozen=True)
class Trace:
    image: torch.Tensor  # uint8 C×H×W at the network's input size: the picture the network sees
    input: torch.Tensor  # the same, normalised as in training: what the first layer computes with
    layers: tuple[LayerOutput, ...]
    probabilities: torch.Tensor  # one per class

    def layer_input(self, index: int) -> torch.Tensor:
        return self.input if index == 0 else self.layers[index - 1].output


_WEIGHTED = (nn.Conv2d, nn.Linear)


class Walkthrough:
    """A checkpoint's network, ready to trace one image and explain any cell of any layer."""

    def __init__(self, checkpoint: Checkpoint):
        project = checkpoint.project
        if project.backbone is not None:
            raise PlaygroundError(Message(messages.WALKTHROUGH_PRETRAINED, network=project.backbone.title))
        self.checkpoint = checkpoint
        self.class_names = tuple(checkpoint.class_names)
        self.model = model_from_checkpoint(checkpoint)
        self.summary = infer_shapes(project.input_shape, project.layers, len(self.class_names))
        channels = len(checkpoint.mean)
        self.mean = torch.tensor(checkpoint.mean).view(channels, 1, 1)
        self.std = torch.tensor(checkpoint.std).view(channels, 1, 1)

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return self.checkpoint.project.input_shape

    def prepare(self, image: np.ndarray | torch.Tensor) -> torch.Tensor:
        """A grey H×W uint8 picture (an 8×8 digit, say) at the network's size and channels, the way
        training images are: uint8 C×H×W."""
        channels, height, width = self.input_shape
        return resize_batch(np.asarray(image, dtype=np.uint8)[None], (height, width), channels)[0]

    @torch.inference_mode()
    def trace(self, image: torch.Tensor) -> Trace:
        """Every layer's output for one uint8 C×H×W image (a LeNet-5 on a digit: about 1 ms on a CPU)."""
        normalised = (image.float() / 255.0 - self.mean) / self.std
        x, outputs = normalised[None], []
        for index, (module, info) in enumerate(zip(self.model, self.summary.layers, strict=True)):
            parts = list(module) if isinstance(module, nn.Sequential) else [module]
            before = None
            for part in parts:
                x = part(x)
                if isinstance(part, _WEIGHTED):
                    before = x[0].clone()
            outputs.append(LayerOutput(index, info.layer, x[0].clone(), before))
        return Trace(image, normalised, tuple(outputs), torch.softmax(x[0].float(), dim=0))

    def _weighted(self, index: int) -> nn.Conv2d | nn.Linear:
        module = self.model[index]
        parts = list(module) if isinstance(module, nn.Sequential) else [module]
        return next(part for part in parts if isinstance(part, _WEIGHTED))

    def _pads(self, index: int, kernel, stride) -> tuple[int, int]:
        info = self.summary.layers[index]
        (top, _), (left, _) = resolve_padding(info.layer.padding, info.input_shape[1:], kernel, stride)
        return top, left

    def conv_cell(self, trace: Trace, index: int, filter: int, row: int, col: int) -> ConvCell:
        layer = trace.layers[index].layer
        conv = self._weighted(index)
        pads = self._pads(index, layer.kernel, layer.stride)
        weight, bias = conv.weight.detach(), _detached(conv.bias)
        return conv_cell(
            trace.layer_input(index),
            weight,
            bias,
            stride=tuple(layer.stride),
            pads=pads,
            activation=layer.activation,
            filter=filter,
            row=row,
            col=col,
        )

    def pool_cell(self, trace: Trace, index: int, channel: int, row: int, col: int) -> PoolCell:
        layer = trace.layers[index].layer
        stride = tuple(layer.effective_stride)
        return pool_cell(
            trace.layer_input(index),
            mode=pool_mode(layer),
            size=tuple(layer.size),
            stride=stride,
            pads=self._pads(index, layer.size, stride),
            channel=channel,
            row=row,
            col=col,
        )

    def dense_cell(self, trace: Trace, index: int, unit: int) -> DenseCell:
        layer = trace.layers[index].layer
        linear = self._weighted(index)
        weight, bias = linear.weight.detach(), _detached(linear.bias)
        return dense_cell(trace.layer_input(index), weight, bias, activation=layer.activation, unit=unit)


def _detached(bias: torch.Tensor | None) -> torch.Tensor | None:
    return None if bias is None else bias.detach()


def pool_mode(layer: Layer) -> str:
    return "max" if isinstance(layer, MaxPool2d) else "min" if isinstance(layer, MinPool2d) else "avg"


def layer_kind(layer: Layer) -> str:
    """How the walk-through explains a layer's cells: "conv", "pool", "dense", "flatten" or "other"."""
    if isinstance(layer, Conv2d):
        return "conv"
    if isinstance(layer, MaxPool2d | AvgPool2d | MinPool2d):
        return "pool"
    if isinstance(layer, Dense):
        return "dense"
    return "flatten" if isinstance(layer, Flatten) else "other"
