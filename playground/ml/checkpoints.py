"""Checkpoints: everything needed to predict with a trained network or resume its training.

Written with torch.save and read with torch.load(weights_only=True): only tensors and plain
containers come back, never code, so a checkpoint from anyone is safe to open. Saved atomically.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from playground.spec.errors import CheckpointError, PlaygroundError
from playground.spec.project import Project, atomic_write_bytes, project_from_json

CHECKPOINT_FORMAT = "cnn-playground-checkpoint/1"


@dataclass
class Checkpoint:
    project: Project
    class_names: tuple[str, ...]
    mean: list[float]
    std: list[float]
    model_state: dict[str, torch.Tensor]  # the weights after the last epoch done
    best_model_state: dict[str, torch.Tensor] | None = None  # the weights of the best validation epoch
    optimizer_state: dict | None = None
    scheduler_state: dict | None = None
    scaler_state: dict | None = None  # fp16 loss scaling on CUDA
    rng_state: dict[str, Any] = field(default_factory=dict)
    epoch: int = 0  # epochs done
    history: list[dict[str, Any]] = field(default_factory=list)
    best_epoch: int = 0
    best_val_acc: float | None = None

    @property
    def weights(self) -> dict[str, torch.Tensor]:
        """What to predict with: the best epoch's weights when there are some."""
        return self.best_model_state if self.best_model_state is not None else self.model_state

    def to_payload(self) -> dict[str, Any]:
        return {
            "format": CHECKPOINT_FORMAT,
            "project": self.project.to_json(),
            "class_names": list(self.class_names),
            "normalization": {"mean": list(self.mean), "std": list(self.std)},
            "model": self.model_state,
            "best_model": self.best_model_state,
            "optimizer": self.optimizer_state,
            "scheduler": self.scheduler_state,
            "scaler": self.scaler_state,
            "rng": self.rng_state,
            "epoch": self.epoch,
            "history": self.history,
            "best_epoch": self.best_epoch,
            "best_val_acc": self.best_val_acc,
        }


def save_checkpoint(checkpoint: Checkpoint, path: str | os.PathLike) -> Path:
    buffer = io.BytesIO()
    torch.save(checkpoint.to_payload(), buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())
    return Path(path)


def load_checkpoint(path: str | os.PathLike) -> Checkpoint:
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"checkpoint not found: {path}")
    try:
        # weights_only: tensors and plain containers only; anything else is refused, never run.
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # truncated files raise ValueError/RuntimeError, not only UnpicklingError
        reason = str(error).strip().splitlines()[0][:160] if str(error).strip() else type(error).__name__
        raise CheckpointError(f"{path} is not a valid checkpoint ({reason})") from None
    try:
        return _from_payload(payload)
    except (KeyError, TypeError, ValueError, PlaygroundError) as error:
        raise CheckpointError(f"{path} is not a valid checkpoint ({error})") from None


def _from_payload(payload: Any) -> Checkpoint:
    if not isinstance(payload, dict) or payload.get("format") != CHECKPOINT_FORMAT:
        found = payload.get("format") if isinstance(payload, dict) else type(payload).__name__
        raise ValueError(f"expected format {CHECKPOINT_FORMAT!r}, found {found!r}")
    model = payload["model"]
    best = payload.get("best_model")
    for name, state in (("weights", model), ("best weights", best or {})):
        if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
            raise ValueError(f"its {name} are not a state dict of tensors")
    for key in ("optimizer", "scheduler", "scaler", "rng"):
        if payload.get(key) is not None and not isinstance(payload[key], dict):
            raise ValueError(f"its {key} state is not a dictionary")
    norm = payload["normalization"]
    return Checkpoint(
        project=project_from_json(payload["project"]),
        class_names=tuple(str(name) for name in payload["class_names"]),
        mean=[float(v) for v in norm["mean"]],
        std=[float(v) for v in norm["std"]],
        model_state=model,
        best_model_state=best,
        optimizer_state=payload.get("optimizer"),
        scheduler_state=payload.get("scheduler"),
        scaler_state=payload.get("scaler"),
        rng_state=payload.get("rng") or {},
        epoch=int(payload.get("epoch", 0)),
        history=list(payload.get("history") or []),
        best_epoch=int(payload.get("best_epoch", 0)),
        best_val_acc=payload.get("best_val_acc"),
    )
