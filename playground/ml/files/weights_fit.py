"""Whether a checkpoint's weights fit the network its own project describes, found without
building that network in memory: it is built on torch's meta device (shapes only, no storage),
so a tiny file describing a network of many GB costs nothing to check."""

from __future__ import annotations

import os

import torch

from playground.ml.files.checkpoints import Checkpoint
from playground.spec import messages
from playground.spec.errors import CheckpointError, PlaygroundError
from playground.spec.messages import Message, text_of

SHOWN = 3  # names listed in a message; the count says the rest


def expected_shapes(checkpoint: Checkpoint) -> dict[str, tuple[int, ...]]:
    """Every weight the checkpoint's network has, with its shape."""
    from playground.ml.network.transfer import build_network

    with torch.device("meta"):
        model = build_network(checkpoint.project, len(checkpoint.class_names), pretrained_weights=False)
    return {name: tuple(tensor.shape) for name, tensor in model.state_dict().items()}


def check_weights_fit(checkpoint: Checkpoint, path: str | os.PathLike) -> None:
    """One CheckpointError naming the file and what does not fit: weights missing, extra, or of
    another shape than the network's (the last and the best epoch's weights both)."""
    try:
        expected = expected_shapes(checkpoint)
    except PlaygroundError as error:  # its project describes no network that can be built
        raise CheckpointError(Message(messages.CHECKPOINT_NETWORK_INVALID, path=path, problem=text_of(error))) from None
    for state in (checkpoint.model_state, checkpoint.best_model_state):
        if state is None:
            continue
        missing = sorted(expected.keys() - state.keys())
        extra = sorted(state.keys() - expected.keys())
        wrong = sorted(name for name in expected.keys() & state.keys() if tuple(state[name].shape) != expected[name])
        problems = [
            f"{what} {', '.join(names[:SHOWN])}" + (f" (+{len(names) - SHOWN})" if len(names) > SHOWN else "")
            for what, names in (("missing", missing), ("unexpected", extra), ("wrong shape", wrong))
            if names
        ]
        if problems:
            raise CheckpointError(
                Message(messages.CHECKPOINT_WEIGHTS_DO_NOT_FIT, path=path, reason="; ".join(problems))
            )
