"""Training under `torchrun`: one process per GPU (or several on a CPU), DistributedDataParallel.

Nothing changes in the project file. torchrun sets RANK, WORLD_SIZE and LOCAL_RANK; every process
loads the same data and makes the same split (same seed), then trains on its own shard of each
epoch's shuffled order. Semantics:
- batch_size is per process: N processes train on N × batch_size images per step;
- the learning rate is used as set (not scaled with N): DDP averages the gradients, so a step
  is the step of one N × batch_size batch;
- training and validation metrics are summed over the processes, so every process reports
  (and decides early stopping and NaN on) the same numbers;
- only rank 0 writes checkpoints and prints.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.distributed as dist

from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message

RECORD_SHARDS_ENV = "CNN_PLAYGROUND_RECORD_SHARDS"  # a folder: each rank writes the images it trained on
TIMEOUT = datetime.timedelta(minutes=10)  # a process that never answers ends the job, not hangs it


@dataclass(frozen=True)
class Distributed:
    rank: int
    world_size: int
    local_rank: int
    backend: str

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    def training_shard(self, order: torch.Tensor) -> torch.Tensor:
        """This process's part of an epoch's order. Every process gets as many images (the order is
        padded by repeating its start, as DistributedSampler does) so that all take the same number
        of steps, and the parts are disjoint and cover the order."""
        total = -(-len(order) // self.world_size) * self.world_size
        if total > len(order):  # repeated as often as needed: 3 images on 8 processes still give 8
            order = order.repeat(-(-total // len(order)))[:total]
        return order[self.rank :: self.world_size]

    def own_randomness(self, seed: int, epoch: int) -> None:
        """Each process its own augmentations and dropout masks from here on (not the same draws for
        different images in every process)."""
        torch.manual_seed(seed * 1009 + 7919 * (self.rank + 1) + epoch)

    def share_buffers(self, model: torch.nn.Module) -> None:
        """Rank 0's BatchNorm statistics in every process: the validation that picks best.pt then
        measures the model rank 0 saves."""
        for buffer in model.buffers():
            dist.broadcast(buffer, src=0)

    def evaluation_shard(self, order: torch.Tensor) -> torch.Tensor:
        """A part for evaluation: no padding (it would count images twice); parts may differ by one."""
        return order[self.rank :: self.world_size]

    def sum(self, *values: float | torch.Tensor, device: torch.device) -> list[float]:
        """Sum numbers over all processes; every process gets the totals."""
        tensor = torch.tensor([float(v) for v in values], dtype=torch.float64, device=device)
        dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
        return tensor.tolist()

    def record_shard(self, epoch: int, indices: torch.Tensor) -> None:
        folder = os.environ.get(RECORD_SHARDS_ENV)
        if folder:
            with open(Path(folder) / f"rank{self.rank}.txt", "a", encoding="utf-8") as file:
                file.write(f"{epoch} " + " ".join(map(str, indices.tolist())) + "\n")

    def describe(self, batch_size: int, learning_rate: float) -> str:
        return (
            f"distributed: {self.world_size} processes ({self.backend}); batch size {batch_size} per process ="
            f" {batch_size * self.world_size} per step; learning rate {learning_rate:g} as set (not scaled)"
        )


def launched_by_torchrun() -> bool:
    return int(os.environ.get("WORLD_SIZE", "1")) > 1


def is_main_process() -> bool:
    """Whether this process speaks and writes: alone, or rank 0 of a torchrun job."""
    return not launched_by_torchrun() or os.environ.get("RANK", "0") == "0"


def start(device: str) -> Distributed | None:
    """Join the job torchrun started (None when there is none): nccl on GPUs, gloo on the CPU."""
    if not launched_by_torchrun():
        return None
    rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
    local_rank = int(os.environ.get("LOCAL_RANK", rank))
    use_cuda = device != "cpu" and device != "mps" and torch.cuda.is_available()
    backend = "nccl" if use_cuda else "gloo"
    if use_cuda:
        torch.cuda.set_device(local_rank)
    try:
        if not dist.is_initialized():
            dist.init_process_group(backend, timeout=TIMEOUT)
    except (RuntimeError, ValueError) as error:
        problem = Message(messages.CANNOT_JOIN_TORCHRUN, rank=rank, world=world, error=str(error))
        raise PlaygroundError(problem) from None
    return Distributed(rank, world, local_rank, backend)


def device_name(distributed: Distributed, requested: str) -> str:
    """Each process its own GPU: cuda:LOCAL_RANK when CUDA is used; otherwise the CPU (gloo sums on
    the CPU, so an MPS device cannot take part)."""
    return f"cuda:{distributed.local_rank}" if distributed.backend == "nccl" else "cpu"


def stop(distributed: Distributed | None, cleanly: bool) -> None:
    """Leave the job. After a clean run, wait for the others first: a process that tore down its
    connections while another still used them aborted it ('terminate called without an active
    exception', seen about once in 8 runs). After an error there is no waiting: torchrun ends the rest."""
    if distributed is None or not dist.is_initialized():
        return
    if cleanly:
        dist.barrier()
    dist.destroy_process_group()
