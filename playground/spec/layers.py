"""The layer blocks a learner puts into a network: frozen dataclasses and their JSON form.

Each class maps one-to-one to a JSON object {"type": ..., key: value}. Omitted keys take the
defaults below (Keras-like: no activation unless asked, pool stride = pool size).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from playground.spec import fields
from playground.spec.errors import SpecError

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

    def describe(self) -> str:
        """A short name for messages and lists: 'conv2d 5x5 valid'."""
        return self.type


@dataclass(frozen=True, kw_only=True)
class Conv2d(Layer):
    type: ClassVar[str] = "conv2d"
    title: ClassVar[str] = "Conv"
    readers: ClassVar[dict[str, fields.Reader]] = {
        "filters": fields.integer(1, 4096),
        "kernel": fields.pair(1, 99),
        "stride": fields.pair(1, 99),
        "padding": fields.padding,
        "activation": fields.choice(*ACTIVATIONS),
    }
    filters: int = 32
    kernel: Pair = (3, 3)
    stride: Pair = (1, 1)
    padding: Padding = "valid"
    activation: str = "none"

    def describe(self) -> str:
        return f"conv2d {_size_text(self.kernel)} {_padding_text(self.padding)}"


@dataclass(frozen=True, kw_only=True)
class _Pool2d(Layer):
    readers: ClassVar[dict[str, fields.Reader]] = {
        "size": fields.pair(1, 99),
        "stride": fields.optional(fields.pair(1, 99)),
        "padding": fields.padding,
    }
    size: Pair = (2, 2)
    stride: Pair | None = None  # None: the pool size, as in Keras
    padding: Padding = "valid"

    @property
    def effective_stride(self) -> Pair:
        return self.stride or self.size

    def describe(self) -> str:
        return f"{self.type} {_size_text(self.size)} {_padding_text(self.padding)}"


@dataclass(frozen=True, kw_only=True)
class MaxPool2d(_Pool2d):
    type: ClassVar[str] = "maxpool2d"
    title: ClassVar[str] = "Max pool"


@dataclass(frozen=True, kw_only=True)
class AvgPool2d(_Pool2d):
    type: ClassVar[str] = "avgpool2d"
    title: ClassVar[str] = "Average pool"


@dataclass(frozen=True, kw_only=True)
class MinPool2d(_Pool2d):
    type: ClassVar[str] = "minpool2d"
    title: ClassVar[str] = "Min pool"


@dataclass(frozen=True, kw_only=True)
class BatchNorm2d(Layer):
    type: ClassVar[str] = "batchnorm2d"
    title: ClassVar[str] = "Batch norm"


@dataclass(frozen=True, kw_only=True)
class Activation(Layer):
    type: ClassVar[str] = "activation"
    title: ClassVar[str] = "Activation"
    readers: ClassVar[dict[str, fields.Reader]] = {"function": fields.choice(*ACTIVATIONS[1:])}
    function: str = "relu"

    def describe(self) -> str:
        return f"activation {self.function}"


@dataclass(frozen=True, kw_only=True)
class Dropout(Layer):
    type: ClassVar[str] = "dropout"
    title: ClassVar[str] = "Dropout"
    readers: ClassVar[dict[str, fields.Reader]] = {"rate": fields.number(0.0, below=1.0)}
    rate: float = 0.5

    def describe(self) -> str:
        return f"dropout {self.rate:g}"


@dataclass(frozen=True, kw_only=True)
class Flatten(Layer):
    type: ClassVar[str] = "flatten"
    title: ClassVar[str] = "Flatten"


@dataclass(frozen=True, kw_only=True)
class GlobalAvgPool(Layer):
    type: ClassVar[str] = "global_avgpool"
    title: ClassVar[str] = "Global average pool"


def _units(value: Any, path: str) -> int | str:
    if value == "auto":
        return value
    try:
        return fields.integer(1, 1_000_000)(value, path)
    except SpecError:
        raise SpecError(f"must be a positive whole number or 'auto', got {value!r}", path=path) from None


@dataclass(frozen=True, kw_only=True)
class Dense(Layer):
    type: ClassVar[str] = "dense"
    title: ClassVar[str] = "Dense"
    readers: ClassVar[dict[str, fields.Reader]] = {"units": _units, "activation": fields.choice(*ACTIVATIONS)}
    units: int | str = "auto"  # "auto": as many as there are classes
    activation: str = "none"

    def describe(self) -> str:
        return f"dense {self.units}"


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
        raise SpecError(f"must be an object with a 'type', got {data!r}", path=path)
    kind = data.get("type")
    if kind not in LAYER_TYPES:
        raise SpecError(f"unknown layer type {kind!r} (known: {', '.join(LAYER_TYPES)})", path=f"{path}.type")
    return LAYER_TYPES[kind].from_dict(data, path)


def _size_text(pair: Pair) -> str:
    return f"{pair[0]}x{pair[1]}"


def _padding_text(padding: Padding) -> str:
    return padding if isinstance(padding, str) else f"pad {fields.compact_pair(padding)}"
