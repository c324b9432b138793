"""The few layers torch lacks, written as plain nn.Modules so the Python export can copy them.

Their source is pasted into exported scripts as it is: keep them self-contained (torch, F, math).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class MinPool2d(nn.Module):
    """Min pooling: the smallest value in each window (max pooling of the negated input)."""

    def __init__(self, kernel_size, stride, padding=(0, 0, 0, 0)):
        super().__init__()
        self.kernel_size, self.stride, self.padding = tuple(kernel_size), tuple(stride), tuple(padding)

    def forward(self, x):
        negated = F.pad(-x, self.padding, value=float("-inf")) if any(self.padding) else -x
        return -F.max_pool2d(negated, self.kernel_size, self.stride)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class PaddedAvgPool2d(nn.Module):
    """Average pooling over padded windows that averages only the real pixels (Keras 'same')."""

    def __init__(self, kernel_size, stride, padding):
        super().__init__()
        self.kernel_size, self.stride, self.padding = tuple(kernel_size), tuple(stride), tuple(padding)

    def forward(self, x):
        sums = F.avg_pool2d(F.pad(x, self.padding), self.kernel_size, self.stride)
        ones = torch.ones((1, 1, *x.shape[-2:]), dtype=x.dtype, device=x.device)
        counts = F.avg_pool2d(F.pad(ones, self.padding), self.kernel_size, self.stride)
        return sums / counts

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


CUSTOM_MODULES = (MinPool2d, PaddedAvgPool2d)
