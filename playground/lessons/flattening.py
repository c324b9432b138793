"""Why flattening loses the spatial information, in numbers: shift an image one pixel to the right, and the
flattened vector a dense layer reads changes in almost every place the picture has ink, while a convolution's
feature map is the same map, moved one pixel (the lesson "Why not just use fully connected layers?").

Pure Python on grids of numbers (rows of values), so the Learn page's demo and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.lessons import lab

Grid = list[list[float]]


def shift_right(grid: Grid, pixels: int = 1) -> Grid:
    """The picture moved `pixels` to the right: zeros come in on the left, the right-most columns fall off."""
    return [[0] * pixels + list(row[: len(row) - pixels]) for row in grid]


def flatten(grid: Grid) -> list[float]:
    """Row after row, as Flatten lays an image out for a dense layer."""
    return [value for row in grid for value in row]


@dataclass(frozen=True)
class ShiftComparison:
    before: list[float]  # the flattened image
    after: list[float]  # the flattened shifted image
    changed: list[int]  # positions of the vector whose value changed
    inked: int  # positions holding ink in either image: what the layer can tell apart at all
    map_before: Grid  # the feature map of `kernel` (valid convolution) on the image
    map_after: Grid  # … on the shifted image
    map_shifted: bool  # map_after is map_before moved one column right, every value the same

    @property
    def changed_share(self) -> float:
        return len(self.changed) / max(self.inked, 1)


def compare_shift(grid: Grid, kernel: Grid, pixels: int = 1) -> ShiftComparison:
    shifted = shift_right(grid, pixels)
    before, after = flatten(grid), flatten(shifted)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    inked = sum(1 for a, b in zip(before, after, strict=True) if a or b)
    map_before = lab.convolve([grid], [kernel]).output
    map_after = lab.convolve([shifted], [kernel]).output
    same = all(
        row_after[c + pixels] == row_before[c]
        for row_before, row_after in zip(map_before, map_after, strict=True)
        for c in range(len(row_before) - pixels)
    )
    return ShiftComparison(before, after, changed, inked, map_before, map_after, same)
