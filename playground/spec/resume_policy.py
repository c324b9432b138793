"""The one rule of what may change between a run and its continuation, for every door: the
command line's `train --resume`, the window's training child, and the Train page's Continue and
Fine-tune buttons.

A continued run must learn the same network from the same data split. What may change is how long
and where it runs, how it learns (optimizer, rates, schedule, batch size, augmentation), and the
second phase of transfer learning (the base's top blocks unfrozen, at their own rate). When how it
learns changed, the optimizer and schedule start afresh for the new setup (`learns_the_same_weights`):
their saved states belong to the old one.
"""

from __future__ import annotations

from typing import Any

from playground.spec import messages
from playground.spec.errors import CheckpointError
from playground.spec.messages import Message
from playground.spec.project import Project

# Keys of Project.to_dict(), flattened with dots; a prefix ending in "." covers a whole section.
MAY_CHANGE = (
    "name",
    "training.epochs",
    "training.device",
    "training.early_stopping_patience",
    "training.mixed_precision",
    "training.batch_size",  # the out-of-memory retry continues with half the batch
    "training.optimizer",
    "training.learning_rate",
    "training.momentum",
    "training.weight_decay",
    "training.lr_schedule",
    "training.step_size",
    "training.gamma",
    "augmentation.",  # "now with augmentation" is a lesson of its own
    "pretrained.mode",
    "pretrained.trainable_blocks",
    "pretrained.base_learning_rate_factor",
    "data.source",  # a project moved elsewhere (a bundle unpacked); the classes are checked on loading
)
KEYS_NAMED = 5  # a refusal names at most this many keys


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        flat.update(_flat(value, name + ".") if isinstance(value, dict) else {name: value})
    return flat


def _may_change(key: str) -> bool:
    return any(key == allowed or (allowed.endswith(".") and key.startswith(allowed)) for allowed in MAY_CHANGE)


def changed_keys(saved: Project, now: Project) -> list[str]:
    """The settings that differ between the checkpoint's project and the project now and may not."""
    before, after = _flat(saved.to_dict()), _flat(now.to_dict())
    differ = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
    return [key for key in differ if not _may_change(key)]


def resume_refusal(saved: Project, now: Project, checkpoint: str) -> Message | None:
    """Why a checkpoint saved for `saved` cannot continue in `now`, or None when it can."""
    differ = changed_keys(saved, now)
    if not differ:
        return None
    keys = ", ".join(differ[:KEYS_NAMED]) + (", ..." if len(differ) > KEYS_NAMED else "")
    return Message(messages.RESUME_CHANGED, checkpoint=checkpoint, project=now.name, keys=keys)


def check_resumable(saved: Project, now: Project, checkpoint: str) -> None:
    refusal = resume_refusal(saved, now, checkpoint)
    if refusal is not None:
        raise CheckpointError(refusal)


def _learning_setup(project: Project) -> tuple:
    t, pretrained = project.training, project.pretrained
    transfer = (pretrained.unfrozen_blocks, pretrained.base_learning_rate_factor) if pretrained else None
    return (transfer, t.optimizer, t.learning_rate, t.momentum, t.weight_decay, t.lr_schedule, t.step_size, t.gamma)


def learns_the_same_weights(before: Project, after: Project) -> bool:
    """Whether a resumed run learns as the run it continues did: the same parameters with the same
    optimizer and rates. Not so in the second phase of transfer learning (blocks of the base learn
    too, in a group of their own at a lower rate), nor when the optimizer or its rates were changed
    before continuing: the optimizer's saved state would bring the old ones back (or not fit)."""
    return _learning_setup(before) == _learning_setup(after)
