"""Checkpoints: everything needed to predict with a trained network or resume its training.

Written with torch.save and read with torch.load(weights_only=True): only tensors and plain
containers come back, never code, so a checkpoint from anyone is safe to open. Saved atomically.
"""

from __future__ import annotations

import math
import os
import pickle
import pickletools
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from playground.ml.machine.memory_budget import check_file_contents_fit
from playground.ml.network.load_errors import asks_for_code, is_out_of_memory, load_reason
from playground.spec import messages
from playground.spec.errors import CheckpointError, PlaygroundError
from playground.spec.messages import Message, text_of
from playground.spec.project import MAX_FILE_BYTES, Project, atomic_write, project_from_json

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
    # Straight into the (temporary, then renamed) file: serialising into memory first held the
    # checkpoint's bytes, and the copies of a growing buffer, beside the weights.
    payload = checkpoint.to_payload()
    checkpoint_from_payload(payload, path)  # what is written is what load_checkpoint accepts
    atomic_write(Path(path), lambda handle: torch.save(payload, handle))
    return Path(path)


MAX_EPOCHS = 1_000_000  # far beyond any run; a larger count is a crafted file (and breaks the schedule)
MAX_CLASSES = 100_000


def load_checkpoint(path: str | os.PathLike) -> Checkpoint:
    """A checkpoint read without running any code and checked completely, so that what loads also
    predicts and resumes: one CheckpointError naming the file and what is wrong, never a later crash."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(Message(messages.CHECKPOINT_NOT_FOUND, path=path))
    _check_declared_size(path)
    try:
        with warnings.catch_warnings():  # torch's advice is not for our users; the error says it all
            warnings.simplefilter("ignore")
            # weights_only: tensors and plain containers only; anything else is refused, never run.
            payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        if _holds_code(path, error):
            raise CheckpointError(Message(messages.CHECKPOINT_HAS_CODE, path=path)) from None
        raise CheckpointError(Message(messages.CHECKPOINT_INVALID, path=path, reason=load_reason(error))) from None
    except Exception as error:  # truncated files raise ValueError/RuntimeError, not only UnpicklingError
        if is_out_of_memory(error):
            raise CheckpointError(Message(messages.CHECKPOINT_NO_MEMORY, path=path)) from None
        raise CheckpointError(Message(messages.CHECKPOINT_INVALID, path=path, reason=load_reason(error))) from None
    return checkpoint_from_payload(payload, path)


def _holds_code(path: Path, error: BaseException) -> bool:
    """Whether a refused file asked to import and call something: torch says so for its own format;
    a plain pickle is read op by op (pickletools only lists them, it runs nothing)."""
    if asks_for_code(error):
        return True
    if zipfile.is_zipfile(path):
        return False
    try:
        with path.open("rb") as handle:
            for opcode, _, _ in pickletools.genops(handle):
                if opcode.name in _CALLS:
                    return True
    except Exception:  # garbage after the first ops: what was read is all there is to judge
        return False
    return False


_CALLS = {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "REDUCE", "NEWOBJ", "NEWOBJ_EX"}


def _check_declared_size(path: Path) -> None:
    """Refuse, before reading, a checkpoint whose parts would unpack to more than memory can spare: a
    small compressed file may declare gigabytes of tensors. torch.save writes a zip; another file
    is bounded by its own size."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        size = path.stat().st_size
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: torch.load reads at most what is there, and says what is wrong
    declared = sum(info.file_size for info in infos)
    # torch.save stores its parts uncompressed: they cannot add up to more than the file. More is a
    # crafted or damaged file (a 3.9 MB file declaring 4.4 GB), refused before anything is read.
    if declared > size or any(info.compress_type != zipfile.ZIP_STORED for info in infos):
        raise CheckpointError(
            Message(
                messages.CHECKPOINT_INFLATES,
                path=path,
                declared=f"{declared / 1024**2:,.1f}",
                size=f"{size / 1024**2:,.1f}",
            )
        )
    check_file_contents_fit(path, declared)


class _Invalid(Exception):
    """One entry of a payload that is not what save_checkpoint writes: (key, what was found)."""


def checkpoint_from_payload(payload: Any, path: str | os.PathLike = "checkpoint") -> Checkpoint:
    try:
        return _from_payload(payload)
    except _Invalid as invalid:
        key, found = invalid.args
        raise CheckpointError(Message(messages.CHECKPOINT_BAD_ENTRY, path=path, key=key, found=found)) from None
    except _NotFinite as bad:
        raise CheckpointError(Message(messages.CHECKPOINT_NOT_FINITE, path=path, tensor=bad.args[0])) from None
    except Exception as error:  # a check above missed a way to be wrong: still one clear line
        raise CheckpointError(Message(messages.CHECKPOINT_INVALID, path=path, reason=load_reason(error))) from None


class _NotFinite(Exception):
    """A weight tensor holding NaN or infinity: predicts NaN for every image."""


def _describe(value: Any) -> str:
    text = type(value).__name__ if isinstance(value, dict | list | tuple | torch.Tensor) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _require(ok: bool, key: str, value: Any) -> None:
    if not ok:
        raise _Invalid(key, _describe(value))


def _is_int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_plain(value: Any, depth: int = 0) -> bool:
    """Numbers, text, None, booleans, and shallow lists and dicts of them (no tensors, no deep nesting)."""
    if value is None or isinstance(value, bool | str) or _is_number(value):
        return True
    if depth < 4 and isinstance(value, list | tuple):
        return len(value) <= 100_000 and all(_is_plain(item, depth + 1) for item in value)
    if depth < 4 and isinstance(value, dict):
        return all(isinstance(k, str | int) and _is_plain(v, depth + 1) for k, v in value.items())
    return False


def _check_weights(state: Any, key: str) -> dict[str, torch.Tensor]:
    ok = isinstance(state, dict) and all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in state.items())
    _require(ok, key, state)
    for name, tensor in state.items():
        if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all()):
            raise _NotFinite(f"{key} {name}")
    return state


def _check_optimizer(state: Any) -> None:
    # What torch.optim's state_dict() is: per-parameter tensors and numbers, and groups of settings.
    _require(isinstance(state, dict) and set(state) == {"state", "param_groups"}, "optimizer", state)
    per_parameter = state["state"]
    _require(isinstance(per_parameter, dict), "optimizer state", per_parameter)
    for values in per_parameter.values():
        ok = isinstance(values, dict) and all(isinstance(v, torch.Tensor) or _is_plain(v) for v in values.values())
        _require(ok, "optimizer state", values)
    groups = state["param_groups"]
    _require(isinstance(groups, list), "optimizer param_groups", groups)
    for group in groups:
        ok = isinstance(group, dict) and all(isinstance(k, str) and _is_plain(v) for k, v in group.items())
        _require(ok and isinstance(group.get("params"), list), "optimizer param_groups", group)
        _require(all(_is_int(i, 0, 10**9) for i in group["params"]), "optimizer param_groups params", group["params"])
        _require(_is_number(group.get("lr", 0)), "optimizer learning rate", group.get("lr"))


# Scheduler entries the engine's schedulers read back, by the type they must have.
_SCHEDULER_INTEGERS = ("last_epoch", "_step_count", "T_max", "step_size")
_SCHEDULER_NUMBERS = ("gamma", "eta_min")
_SCHEDULER_RATES = ("base_lrs", "_last_lr")


def _check_scheduler(state: Any) -> None:
    _require(isinstance(state, dict) and all(isinstance(k, str) for k in state), "scheduler", state)
    _require(all(_is_plain(v) for v in state.values()), "scheduler", state)
    for key in _SCHEDULER_INTEGERS:
        if key in state:
            _require(_is_int(state[key], -1, MAX_EPOCHS * 1000), f"scheduler {key}", state[key])
    for key in _SCHEDULER_NUMBERS:
        if key in state:
            _require(_is_number(state[key]), f"scheduler {key}", state[key])
    for key in _SCHEDULER_RATES:
        if key in state:
            ok = isinstance(state[key], list) and all(_is_number(v) for v in state[key])
            _require(ok, f"scheduler {key}", state[key])


def _check_rng(state: Any) -> None:
    # torch.set_rng_state takes exactly the byte tensor torch.get_rng_state gives; anything else crashes the resume.
    _require(isinstance(state, dict) and set(state) <= {"torch", "cuda"}, "rng", state)
    expected = torch.get_rng_state()
    for key, value in state.items():
        ok = isinstance(value, torch.Tensor) and value.dtype == torch.uint8 and value.dim() == 1
        _require(ok and (key != "torch" or value.shape == expected.shape), f"rng {key}", value)


def _from_payload(payload: Any) -> Checkpoint:
    _require(isinstance(payload, dict), "contents", payload)
    _require(payload.get("format") == CHECKPOINT_FORMAT, "format", payload.get("format"))
    text = payload.get("project")
    _require(isinstance(text, str) and len(text) <= MAX_FILE_BYTES, "project", text)
    try:
        project = project_from_json(text)
    except PlaygroundError as error:
        raise _Invalid("project", text_of(error)) from None
    names = payload.get("class_names")
    ok = isinstance(names, list | tuple) and 2 <= len(names) <= MAX_CLASSES
    _require(ok and all(isinstance(n, str) and 0 < len(n) <= 1000 for n in names), "class_names", names)
    norm = payload.get("normalization")
    _require(isinstance(norm, dict), "normalization", norm)
    channels = project.data.channels
    for key in ("mean", "std"):
        values = norm.get(key)
        # One value per channel of the project's images: the predictor shapes them 1×C×1×1.
        ok = isinstance(values, list | tuple) and len(values) == channels and all(_is_number(v) for v in values)
        _require(ok and (key == "mean" or all(v > 0 for v in values)), f"normalization {key}", values)
    model = _check_weights(payload.get("model"), "weights")
    best = payload.get("best_model")
    if best is not None:
        _check_weights(best, "best weights")
    for key, check in (("optimizer", _check_optimizer), ("scheduler", _check_scheduler)):
        if payload.get(key) is not None:
            check(payload[key])
    scaler = payload.get("scaler")
    _require(scaler is None or (isinstance(scaler, dict) and _is_plain(scaler)), "scaler", scaler)
    rng = payload.get("rng") or {}
    _check_rng(rng)
    epoch = payload.get("epoch", 0)
    _require(_is_int(epoch, 0, MAX_EPOCHS), "epoch", epoch)
    best_epoch = payload.get("best_epoch", 0)
    _require(_is_int(best_epoch, 0, epoch), "best_epoch", best_epoch)
    best_val_acc = payload.get("best_val_acc")
    ok = best_val_acc is None or (_is_number(best_val_acc) and 0 <= best_val_acc <= 1)
    _require(ok, "best_val_acc", best_val_acc)
    history = payload.get("history") or []
    ok = isinstance(history, list) and len(history) <= MAX_EPOCHS
    _require(ok and all(isinstance(r, dict) and _is_plain(r) for r in history), "history", history)
    return Checkpoint(
        project=project,
        class_names=tuple(names),
        mean=[float(v) for v in norm["mean"]],
        std=[float(v) for v in norm["std"]],
        model_state=model,
        best_model_state=best,
        optimizer_state=payload.get("optimizer"),
        scheduler_state=payload.get("scheduler"),
        scaler_state=scaler,
        rng_state=rng,
        epoch=epoch,
        history=history,
        best_epoch=best_epoch,
        best_val_acc=None if best_val_acc is None else float(best_val_acc),
    )
