"""What `engine.fit` yields: small plain dataclasses (numbers and strings, never tensors or widgets),
so the CLI can print them as JSON and the training child process can send them to the window
(`playground.ml.protocol`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    def to_dict(self) -> dict[str, Any]:
        return {"event": _EVENT_NAMES[type(self)], **asdict(self)}


@dataclass(frozen=True)
class Started(Event):
    device: str
    start_epoch: int  # 0 for a new run; the epochs already done when resuming
    epochs: int
    train_images: int
    val_images: int
    parameters: int
    cached_features: bool = False  # feature extraction: the frozen base ran once, the head trains


@dataclass(frozen=True)
class BatchFinished(Event):
    epoch: int  # 1-based
    batch: int  # 1-based
    batches: int
    loss: float  # running mean over the epoch so far
    accuracy: float
    images_per_second: float


@dataclass(frozen=True)
class EpochFinished(Event):
    epoch: int
    epochs: int
    train_loss: float
    train_acc: float
    val_loss: float | None  # None without a validation split
    val_acc: float | None
    seconds: float
    images_per_second: float
    learning_rate: float
    is_best: bool


@dataclass(frozen=True)
class Finished(Event):
    reason: str  # "completed", "stopped" (by the user) or "early_stopping"
    epochs_done: int
    best_epoch: int
    best_val_acc: float | None
    checkpoint: str | None  # the best weights' file, when an output folder was given
    model_state: dict = field(repr=False, compare=False, default_factory=dict)  # best weights, on the CPU

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.pop("model_state")
        return out


@dataclass(frozen=True)
class Failed(Event):
    reason: str  # "nan", "out_of_memory"
    message: str
    epoch: int
    model_state: dict = field(repr=False, compare=False, default_factory=dict)  # the last good weights

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.pop("model_state")
        return out


@dataclass(frozen=True)
class Loading(Event):
    """Before `Started`: images decoded so far (sent by the training child while it loads)."""

    done: int
    total: int


@dataclass(frozen=True)
class Refused(Event):
    """The training could not start or go on: a user error (PlaygroundError), said in one message."""

    message: str


_EVENT_NAMES = {
    Started: "started",
    BatchFinished: "batch",
    EpochFinished: "epoch",
    Finished: "done",
    Failed: "failed",
    Loading: "loading",
    Refused: "refused",
}
EVENT_TYPES = {name: kind for kind, name in _EVENT_NAMES.items()}
