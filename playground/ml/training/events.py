"""What `engine.fit` yields: small plain dataclasses (numbers and strings, never tensors or widgets),
so the command line can print them and the training child process can send them to the window, both
as the records of `playground.ml.training.protocol`. Built with keywords only: a field added later cannot
shift the meaning of a positional argument. The trained weights are not an event: an in-process
caller gets them as `fit`'s result (a Checkpoint), the window reads them from the run folder."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, kw_only=True)
class Event:
    def to_dict(self) -> dict[str, Any]:
        return {"event": _EVENT_NAMES[type(self)], **asdict(self)}


@dataclass(frozen=True, kw_only=True)
class Loading(Event):
    """Before `Started`: images decoded so far."""

    done: int
    total: int


@dataclass(frozen=True, kw_only=True)
class Started(Event):
    device: str
    start_epoch: int  # 0 for a new run; the epochs already done when resuming
    epochs: int
    train_images: int
    val_images: int
    parameters: int
    cached_features: bool = False  # feature extraction: the frozen base ran once, the head trains


@dataclass(frozen=True, kw_only=True)
class BatchFinished(Event):
    epoch: int  # 1-based
    batch: int  # 1-based
    batches: int
    loss: float  # running mean over the epoch so far
    accuracy: float
    images_per_second: float


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
class Finished(Event):
    reason: str  # "completed", "stopped" (by the user) or "early_stopping"
    epochs_done: int
    best_epoch: int
    best_val_acc: float | None
    checkpoint: str | None  # the best weights' file, when an output folder was given


@dataclass(frozen=True, kw_only=True)
class Failed(Event):
    reason: str  # "nan", "out_of_memory"
    message: str
    epoch: int


@dataclass(frozen=True, kw_only=True)
class Refused(Event):
    """The training could not start or go on: a user error (PlaygroundError), said in one message."""

    message: str


@dataclass(frozen=True, kw_only=True)
class Attached(Event):
    """After the run (command line only): the run is kept beside the project file as its model."""

    run: int
    folder: str


_EVENT_NAMES = {
    Loading: "loading",
    Started: "started",
    BatchFinished: "batch",
    EpochFinished: "epoch",
    Finished: "done",
    Failed: "failed",
    Refused: "refused",
    Attached: "attached",
}
EVENT_TYPES = {name: kind for kind, name in _EVENT_NAMES.items()}
