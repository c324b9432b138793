"""Which device to train on, and what to call it in the status bar."""

from __future__ import annotations

import torch

from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message


def available_devices() -> list[tuple[str, str]]:
    """(device name, human description) for every device this machine has, CPU first."""
    devices = [("cpu", "CPU")]
    if torch.cuda.is_available():
        devices += [(f"cuda:{i}", torch.cuda.get_device_name(i)) for i in range(torch.cuda.device_count())]
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        devices.append(("mps", "Apple GPU (MPS)"))
    return devices


def pick_device(name: str = "auto") -> torch.device:
    """'auto' takes CUDA, then MPS, then the CPU; a named device must exist."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name not in ("cpu", "cuda", "mps") and not (name.startswith("cuda:") and name[5:].isdigit()):
        raise PlaygroundError(Message(messages.UNKNOWN_DEVICE, name=repr(name)))
    if name.startswith("cuda"):
        index = int(name.split(":")[1]) if ":" in name else 0
        if not torch.cuda.is_available() or index >= torch.cuda.device_count():
            raise PlaygroundError(Message(messages.NO_SUCH_GPU, name=repr(name)))
    if name == "mps" and not (getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()):
        raise PlaygroundError(Message(messages.NO_MPS))
    return torch.device(name)


def describe_device(device: torch.device) -> str:
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return {"cpu": "CPU", "mps": "Apple GPU (MPS)"}.get(device.type, str(device))
