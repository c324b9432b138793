"""What went wrong reading a weights file or building a network, said in our words: torch's own
texts are paragraphs of advice for developers ("Weights only load failed ... In PyTorch 2.6 ...
Re-running torch.load with weights_only set to False ...", which is exactly what must never be
done with a file from someone else) or allocator internals ("[enforce fail at alloc_cpu.cpp:127]").
None of them reaches the user: each is mapped to a translatable reason."""

from __future__ import annotations

import re

from playground.spec import messages
from playground.spec.messages import Message

_CODE = re.compile(r"GLOBAL|[Uu]nsupported global|call reduce|unrecognized function")
_DAMAGED = re.compile(
    r"PytorchStreamReader|central directory|truncat|unexpected EOF|Ran out of input|EOF|file is not a zip"
    r"|corrupt|invalid load key|could not find|failed finding|size of the storage|storage has wrong|record"
)
_NOT_TORCH = re.compile(r"[Ii]nvalid magic number|not a zip|[Ii]nvalid header|magic")
_MEMORY = re.compile(
    r"out of memory|not enough memory|can't allocate memory|alloc_cpu|DefaultCPUAllocator|enforce fail|Cannot allocate"
)


def is_out_of_memory(error: BaseException) -> bool:
    """An allocation failed (torch's allocator text, or Python's MemoryError)."""
    import torch

    if isinstance(error, MemoryError | torch.OutOfMemoryError):
        return True
    return isinstance(error, RuntimeError) and bool(_MEMORY.search(str(error)))


def asks_for_code(error: BaseException) -> bool:
    return bool(_CODE.search(str(error)))


def load_reason(error: BaseException) -> Message:
    """Why torch.load (weights_only) or safetensors refused a file, as one of our reasons."""
    if is_out_of_memory(error):
        return Message(messages.LOAD_REASON_NO_MEMORY)
    text = str(error)
    if asks_for_code(error):
        return Message(messages.LOAD_REASON_CODE)
    if _NOT_TORCH.search(text):
        return Message(messages.LOAD_REASON_NOT_TORCH)
    if _DAMAGED.search(text) or isinstance(error, EOFError):
        return Message(messages.LOAD_REASON_DAMAGED)
    return Message(messages.LOAD_REASON_UNSUPPORTED)
