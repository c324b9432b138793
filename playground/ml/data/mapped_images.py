"""Decoded images read from a file on disk as they are needed (memory-mapped), for a set larger than
the memory the app may use.

`MappedImages` stands where an ImageSet's uint8 N×C×H×W tensor stands and answers what the app asks
of that tensor: its length and shape, one image, a batch by index, a subset, chunks in order. A
batch is read from the file when it is taken (the kernel keeps recently read pages and drops them
under memory pressure, so such a set never gets the process killed); a subset is a list of rows,
never a copy.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import torch


class MappedImages:
    def __init__(self, base: torch.Tensor, rows: torch.Tensor | None = None):
        self.base = base  # uint8 N×C×H×W over a memory-mapped file
        self.rows = rows  # int64: which of the file's images, in order; None for all of them

    @classmethod
    def from_file(cls, path: str, offset: int, shape: tuple[int, int, int, int]) -> MappedImages:
        # Copy-on-write: the pages are the file's until written, and nothing here writes them.
        array = np.memmap(path, dtype=np.uint8, mode="c", offset=offset, shape=shape)
        return cls(torch.from_numpy(array))

    # ------------------------------------------------------------------ what a tensor would say

    def __len__(self) -> int:
        return len(self.base) if self.rows is None else len(self.rows)

    @property
    def shape(self) -> torch.Size:
        return torch.Size((len(self), *self.base.shape[1:]))

    @property
    def ndim(self) -> int:
        return self.base.ndim

    dtype = torch.uint8
    device = torch.device("cpu")

    def numel(self) -> int:
        return len(self) * self.base[0].numel() if len(self.base) else 0

    def pin_memory(self) -> MappedImages:
        return self  # a set larger than memory cannot be page-locked: batches are copied as they go

    # ------------------------------------------------------------------ reading

    def _rows_of(self, key) -> torch.Tensor:
        positions = torch.arange(*key.indices(len(self))) if isinstance(key, slice) else torch.as_tensor(key).long()
        return positions if self.rows is None else self.rows[positions]

    def __getitem__(self, key) -> torch.Tensor:
        """An image (int) or a batch (slice, index tensor), read from the file into memory."""
        if isinstance(key, int):
            row = key if self.rows is None else int(self.rows[key])
            return self.base[row].clone()
        rows = self._rows_of(key)
        # In file order: neighbouring images share pages and the disk reads forward.
        ordered, order = rows.sort()
        batch = torch.empty((len(rows), *self.base.shape[1:]), dtype=torch.uint8)
        batch[order] = self.base[ordered]
        return batch

    def subset(self, indices: torch.Tensor) -> MappedImages:
        rows = indices.long() if self.rows is None else self.rows[indices.long()]
        return MappedImages(self.base, rows)

    def split(self, size: int) -> Iterator[torch.Tensor]:
        """Consecutive chunks of `size` images, each read into memory when it is reached."""
        for start in range(0, len(self), size):
            yield self[start : start + size]
