"""The layer blocks a learner puts into a network: frozen dataclasses and their JSON form.

Each class maps one-to-one to a JSON object {"type": ..., key: value}. Omitted keys take the
defaults below (Keras-like: no activation unless asked, pool stride = pool size).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from playground.spec import fields, messages
from playground.spec.errors import SpecError
from playground.spec.messages import Message

ACTIVATIONS = ("none", "relu", "leaky_relu", "sigmoid", "tanh", "gelu")

Pair = tuple[int, int]
Padding = str | Pair  # "valid", "same" or explicit zero padding (height, width)


@dataclass(frozen=True, kw_only=True)
class Layer:
    type: ClassVar[str]
    title: ClassVar[str]
    readers: ClassVar[dict[str, fields.Reader]] = {}

    def __post_init__(self) -> None:
        # Code may say kernel=3 or padding=[1, 2] as the JSON does; store (height, width) tuples.
        for name in ("kernel", "stride", "size", "padding"):
            value = getattr(self, name, None)
            if isinstance(value, int) and not isinstance(value, bool):
                object.__setattr__(self, name, (value, value))
            elif isinstance(value, list):
                object.__setattr__(self, name, tuple(value))

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: str) -> Layer:
        values = fields.read_object(data, path, {"type": fields.text, **cls.readers})
        values.pop("type")
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value is None:
                continue
            out[field.name] = fields.compact_pair(value) if isinstance(value, tuple) else value
        return out

    describe_template: ClassVar[str] = ""

    def describe(self) -> Message:
        """A short name for messages and lists: 'conv2d 5x5 valid' (a Message: Korean in a Korean sentence)."""
        return Message(self.describe_template)


@dataclass(frozen=True, kw_only=True)
class Conv2d(Layer):
    type: ClassVar[str] = "conv2d"
    title: ClassVar[str] = "Conv"
    readers: ClassVar[dict[str, fields.Reader]] = {
        "filters": fields.Integer(1, 4096),
        "kernel": fields.Pair(1, 99),
        "stride": fields.Pair(1, 99),
        "padding": fields.Padding(),
        "activation": fields.Choice(ACTIVATIONS),
    }
    filters: int = 32
    kernel: Pair = (3, 3)
    stride: Pair = (1, 1)
    padding: Padding = "valid"
    activation: str = "none"

    def describe(self) -> Message:
        return Message(messages.LAYER_CONV, size=_size_text(self.kernel), padding=_padding_text(self.padding))


@dataclass(frozen=True, kw_only=True)
class _Pool2d(Layer):
    readers: ClassVar[dict[str, fields.Reader]] = {
        "size": fields.Pair(1, 99),
        "stride": fields.Optional(fields.Pair(1, 99)),
        "padding": fields.Padding(),
    }
    size: Pair = (2, 2)
    stride: Pair | None = None  # None: the pool size, as in Keras
    padding: Padding = "valid"

    @property
    def effective_stride(self) -> Pair:
        return self.stride or self.size

    def describe(self) -> Message:
        return Message(self.describe_template, size=_size_text(self.size), padding=_padding_text(self.padding))


@dataclass(frozen=True, kw_only=True)
class MaxPool2d(_Pool2d):
    type: ClassVar[str] = "maxpool2d"
    title: ClassVar[str] = "Max pool"
    describe_template: ClassVar[str] = messages.LAYER_MAX_POOL


@dataclass(frozen=True, kw_only=True)
class AvgPool2d(_Pool2d):
    type: ClassVar[str] = "avgpool2d"
    title: ClassVar[str] = "Average pool"
    describe_template: ClassVar[str] = messages.LAYER_AVG_POOL


@dataclass(frozen=True, kw_only=True)
class MinPool2d(_Pool2d):
    type: ClassVar[str] = "minpool2d"
    title: ClassVar[str] = "Min pool"
    describe_template: ClassVar[str] = messages.LAYER_MIN_POOL


@dataclass(frozen=True, kw_only=True)
class BatchNorm2d(Layer):
    type: ClassVar[str] = "batchnorm2d"
    title: ClassVar[str] = "Batch norm"
    describe_template: ClassVar[str] = messages.LAYER_BATCH_NORM


@dataclass(frozen=True, kw_only=True)
class Activation(Layer):
    type: ClassVar[str] = "activation"
    title: ClassVar[str] = "Activation"
    readers: ClassVar[dict[str, fields.Reader]] = {"function": fields.Choice(ACTIVATIONS[1:])}
    function: str = "relu"

    def describe(self) -> Message:
        return Message(messages.LAYER_ACTIVATION, function=self.function)


@dataclass(frozen=True, kw_only=True)
class Dropout(Layer):
    type: ClassVar[str] = "dropout"
    title: ClassVar[str] = "Dropout"
    readers: ClassVar[dict[str, fields.Reader]] = {"rate": fields.Number(0.0, below=1.0)}
    rate: float = 0.5

    def describe(self) -> Message:
        return Message(messages.LAYER_DROPOUT, rate=f"{self.rate:g}")


@dataclass(frozen=True, kw_only=True)
class Flatten(Layer):
    type: ClassVar[str] = "flatten"
    title: ClassVar[str] = "Flatten"
    describe_template: ClassVar[str] = messages.LAYER_FLATTEN


@dataclass(frozen=True, kw_only=True)
class GlobalAvgPool(Layer):
    type: ClassVar[str] = "global_avgpool"
    title: ClassVar[str] = "Global average pool"
    describe_template: ClassVar[str] = messages.LAYER_GLOBAL_AVG_POOL


@dataclass(frozen=True, kw_only=True)
class Dense(Layer):
    type: ClassVar[str] = "dense"
    title: ClassVar[str] = "Dense"
    readers: ClassVar[dict[str, fields.Reader]] = {
        "units": fields.OrWord("auto", fields.Integer(1, 1_000_000), messages.NOT_UNITS),
        "activation": fields.Choice(ACTIVATIONS),
    }
    units: int | str = "auto"  # "auto": as many as there are classes
    activation: str = "none"

    def describe(self) -> Message:
        if self.units == "auto":
            return Message(messages.LAYER_DENSE_AUTO)
        return Message(messages.LAYER_DENSE, units=self.units)


LAYER_TYPES: dict[str, type[Layer]] = {
    cls.type: cls
    for cls in (
        Conv2d,
        MaxPool2d,
        AvgPool2d,
        MinPool2d,
        BatchNorm2d,
        Activation,
        Dropout,
        Flatten,
        GlobalAvgPool,
        Dense,
    )
}
POOL_TYPES = (MaxPool2d, AvgPool2d, MinPool2d)


def layer_from_dict(data: Any, path: str) -> Layer:
    if not isinstance(data, dict):
        raise SpecError(Message(messages.LAYER_WITHOUT_TYPE, value=repr(data)), path=path)
    kind = data.get("type")
    if kind not in LAYER_TYPES:
        known = ", ".join(LAYER_TYPES)
        raise SpecError(Message(messages.UNKNOWN_LAYER_TYPE, kind=repr(kind), known=known), path=f"{path}.type")
    return LAYER_TYPES[kind].from_dict(data, path)


def _size_text(pair: Pair) -> str:
    return f"{pair[0]}x{pair[1]}"


def _padding_text(padding: Padding) -> Message:
    if padding == "valid":
        return Message(messages.PADDING_VALID)
    if padding == "same":
        return Message(messages.PADDING_SAME)
    return Message(messages.PADDING_AMOUNT, amount=fields.compact_pair(padding))
