"""Data, augmentation and training settings: keyword-only, frozen, one field per JSON key."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from playground.spec import fields, messages
from playground.spec.messages import Message

OPTIMIZERS = ("sgd", "momentum", "adam", "adamw")  # "momentum": SGD with momentum
SCHEDULES = ("none", "step", "cosine", "one_cycle")  # one_cycle: up for the first quarter, then down, per batch
FILL_MODES = ("nearest", "constant", "reflect", "wrap")


@dataclass(frozen=True, kw_only=True)
class _Settings:
    readers: ClassVar[dict[str, fields.Reader]] = {}

    @classmethod
    def from_dict(cls, data: Any, path: str):
        return cls(**fields.read_object(data, path, cls.readers))

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            out[field.name] = list(value) if isinstance(value, tuple) else value
        return out


def _device(value: Any, path: str) -> str:
    value = fields.text(value, path)
    if value in ("auto", "cpu", "cuda", "mps") or (value.startswith("cuda:") and value[5:].isdigit()):
        return value
    raise fields.SpecError(Message(messages.NOT_A_DEVICE, value=repr(value)), path=path)


@dataclass(frozen=True, kw_only=True)
class DataSettings(_Settings):
    readers: ClassVar[dict[str, fields.Reader]] = {
        "source": fields.text,
        "image_size": fields.Pair(4, 1024),
        "channels": fields.Choice((1, 3), messages.NOT_A_CHANNEL_COUNT),  # grayscale or RGB
        "val_fraction": fields.Number(0.0, 0.9),
    }
    source: str = "builtin:shapes"  # "builtin:NAME" or a folder path (relative to the project file)
    image_size: tuple[int, int] = (32, 32)  # height, width
    channels: int = 3
    val_fraction: float = 0.2

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "image_size": list(self.image_size)}


@dataclass(frozen=True, kw_only=True)
class AugmentationSettings(_Settings):
    """Keras ImageDataGenerator's set; all off by default."""

    readers: ClassVar[dict[str, fields.Reader]] = {
        "rotation": fields.Number(0, 180),
        "shift": fields.NumberPair(0.0, 0.5),
        "zoom": fields.Number(0.0, 0.9),
        "shear": fields.Number(0, 60),
        "horizontal_flip": fields.boolean,
        "vertical_flip": fields.boolean,
        "brightness": fields.Number(0.0, 0.9),
        "contrast": fields.Number(0.0, 0.9),
        "fill_mode": fields.Choice(FILL_MODES),
        "fill_value": fields.Integer(0, 255),
    }
    rotation: float = 0.0  # degrees, random in ±rotation (rotation_range)
    shift: tuple[float, float] = (0.0, 0.0)  # fraction of width, height (width/height_shift_range)
    zoom: float = 0.0  # scale in [1 − zoom, 1 + zoom] (zoom_range)
    shear: float = 0.0  # degrees (shear_range)
    horizontal_flip: bool = False
    vertical_flip: bool = False
    brightness: float = 0.0  # factor in [1 − b, 1 + b] (brightness_range)
    contrast: float = 0.0
    fill_mode: str = "nearest"
    fill_value: int = 0  # for fill_mode "constant" (cval)

    @property
    def enabled(self) -> bool:
        return any(
            (
                self.rotation,
                any(self.shift),
                self.zoom,
                self.shear,
                self.horizontal_flip,
                self.vertical_flip,
                self.brightness,
                self.contrast,
            )
        )

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "shift": fields.compact_pair(self.shift)}


@dataclass(frozen=True, kw_only=True)
class TrainingSettings(_Settings):
    readers: ClassVar[dict[str, fields.Reader]] = {
        "epochs": fields.Integer(1, 100_000),
        "batch_size": fields.Integer(1, 65_536),
        "optimizer": fields.Choice(OPTIMIZERS),
        "learning_rate": fields.Number(1e-8, 10.0),
        "momentum": fields.Number(0.0, below=1.0),
        "weight_decay": fields.Number(0.0, 1.0),
        "lr_schedule": fields.Choice(SCHEDULES),
        "step_size": fields.Integer(1, 100_000),
        "gamma": fields.Number(0.0, 1.0),
        "label_smoothing": fields.Number(0.0, 0.5),
        "early_stopping_patience": fields.Integer(0, 100_000),
        "seed": fields.Integer(0, 2**31 - 1),
        "device": _device,
        "mixed_precision": fields.boolean,
    }
    epochs: int = 10
    batch_size: int = 64
    optimizer: str = "adam"
    learning_rate: float = 0.001
    momentum: float = 0.9  # for the "momentum" optimizer
    weight_decay: float = 0.0
    lr_schedule: str = "none"
    step_size: int = 10  # "step": multiply the rate by gamma every step_size epochs
    gamma: float = 0.1
    label_smoothing: float = 0.0  # the training target: 1 - this for the true class, the rest shared by the others
    early_stopping_patience: int = 0  # 0: off; else stop after this many epochs without a better val acc
    seed: int = 0
    device: str = "auto"
    mixed_precision: bool = True  # used on CUDA only


TRANSFER_MODES = ("feature_extraction", "fine_tuning")


def _network_key(value: Any, path: str) -> str:
    from playground.spec.backbones import BACKBONES

    value = fields.text(value, path)
    if value not in BACKBONES:
        raise fields.SpecError(
            Message(messages.UNKNOWN_NETWORK, key=repr(value), known=", ".join(BACKBONES)), path=path
        )
    return value


@dataclass(frozen=True, kw_only=True)
class PretrainedSettings(_Settings):
    """Start from a network pretrained on ImageNet; the project's layers are the head on top of it.

    feature_extraction: the whole base frozen, only the head learns. fine_tuning: the last
    `trainable_blocks` blocks of the base learn too, at `base_learning_rate_factor` × the rate.
    """

    readers: ClassVar[dict[str, fields.Reader]] = {
        "network": _network_key,
        "mode": fields.Choice(TRANSFER_MODES),
        "trainable_blocks": fields.Integer(0, 100),
        "base_learning_rate_factor": fields.Number(0.0, 1.0),
    }
    network: str = "mobilenet_v2"
    mode: str = "feature_extraction"
    trainable_blocks: int = 0  # used in fine_tuning
    base_learning_rate_factor: float = 0.1

    @property
    def unfrozen_blocks(self) -> int:
        return self.trainable_blocks if self.mode == "fine_tuning" else 0
