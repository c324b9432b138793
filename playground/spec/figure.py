"""The network drawn as the lecture draws it: one box per feature map, in pure Python (no Qt).

A C×H×W map is a box whose height follows H, whose slant (the receding side) follows W and whose
thickness follows C; a flat vector is a thin bar whose height follows its length. Real sizes span
1 to 2048 channels and 1 to 299 pixels, so every side is on a compressed scale (square root for
space, logarithm for channels) and clamped: a 224-pixel input must not dwarf a 7×7 map to a dot.
The window paints these numbers; tests check them without a screen.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from playground.spec.layers import Conv2d, Layer, _Pool2d
from playground.spec.shapes import NetworkSummary, Shape, summarize_project

# Pixels on the figure at scale 1.
SPATIAL_PER_SQRT_PIXEL = 12.0
SPATIAL_RANGE = (10.0, 120.0)
THICKNESS_BASE, THICKNESS_PER_DOUBLING = 4.0, 5.0
THICKNESS_RANGE = (4.0, 64.0)
BAR_THICKNESS = 8.0
BAR_PER_SQRT_UNIT = 8.0
BAR_RANGE = (12.0, 200.0)
SLANT = 0.5  # how far the receding side goes right and up, per pixel of its length
GAP = 34.0  # between one box's slot and the next
MARGIN = 16.0
ROW_GAP = 24.0
LABEL_LINES = 3  # a box's name (up to two lines) and its shape under it
LINE_HEIGHT = 16.0
MIN_SLOT = 78.0  # labels of narrow neighbours must not run into each other
STACK_STEP = 7.0  # between the collapsed blocks of a pretrained base, drawn one behind the other
MAX_STACK = 5
PLACEHOLDER = (1, 16, 16)
FLAT_KINDS = (
    "flatten",
    "global_avgpool",
    "dense",
)  # layers whose output is a vector even when unknown  # the shape drawn for a layer whose shape cannot be worked out


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float


Point = tuple[float, float]


@dataclass(frozen=True)
class Window:
    """A kernel or pooling window on the H×W side of the box before, and the lines to the cell it makes."""

    corners: tuple[Point, Point, Point, Point]  # front-top, back-top, back-bottom, front-bottom
    target: Point | None  # None when the box it makes starts the next row: no line across the figure


@dataclass(frozen=True)
class Box:
    kind: str  # "input", "base" (a pretrained base, its blocks collapsed) or a layer type
    index: int | None  # the layer's position in the project's layers; None for the input and base
    shape: Shape | None  # None: the layer is invalid, its shape unknown
    front: Rect  # the face towards the viewer: thickness (C) × height (H)
    slant: float  # horizontal (and vertical) extent of the receding side (W)
    flat: bool
    invalid: bool
    window: Window | None = None
    stack: int = 1  # a pretrained base: how many slabs stand for its blocks behind the front one
    label_y: float = 0.0  # top of the first label line
    centre_x: float = 0.0  # labels are centred here
    label_width: float = 0.0  # a longer name wraps

    @property
    def right(self) -> float:
        return self.front.x + self.front.width + self.slant


@dataclass(frozen=True)
class Figure:
    boxes: tuple[Box, ...]
    width: float
    height: float
    error: str  # the network's first problem ('' when valid)
    backbone: str | None = None  # the pretrained base's key


def spatial_extent(pixels: int) -> float:
    return _clamp(SPATIAL_PER_SQRT_PIXEL * math.sqrt(pixels), SPATIAL_RANGE)


def thickness(channels: int) -> float:
    return _clamp(THICKNESS_BASE + THICKNESS_PER_DOUBLING * math.log2(max(channels, 1)), THICKNESS_RANGE)


def bar_length(units: int) -> float:
    return _clamp(BAR_PER_SQRT_UNIT * math.sqrt(units), BAR_RANGE)


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return min(max(value, bounds[0]), bounds[1])


@dataclass(frozen=True)
class _Volume:
    kind: str
    index: int | None
    shape: Shape | None
    invalid: bool
    layer: Layer | None = None
    stack: int = 1


def _volumes(project, summary: NetworkSummary) -> list[_Volume]:
    volumes = [_Volume("input", None, project.input_shape, False)]
    if project.backbone is not None:
        blocks = min(project.backbone.blocks, MAX_STACK)
        volumes.append(
            _Volume("base", None, project.layers_input_shape, bool(project.pretrained_problem), None, blocks)
        )
    for info in summary.layers:
        volumes.append(_Volume(info.layer.type, info.index, info.output_shape, bool(info.error), info.layer))
    return volumes


def _sides(shape: Shape | None, kind: str) -> tuple[float, float, float, bool]:
    """(thickness, height, slant, flat) of a box for `shape` (unknown: a stand-in of the layer's kind)."""
    if shape is None and kind in FLAT_KINDS:
        shape = (PLACEHOLDER[1],)
    if shape is not None and len(shape) == 1:
        return BAR_THICKNESS, bar_length(shape[0]), 0.0, True
    channels, height, width = shape or PLACEHOLDER
    return thickness(channels), spatial_extent(height), SLANT * spatial_extent(width), False


def _window_size(layer: Layer | None) -> tuple[int, int] | None:
    if isinstance(layer, Conv2d):
        return layer.kernel
    if isinstance(layer, _Pool2d):
        return layer.size
    return None


def _on_side(box: Box, down: float, back: float) -> Point:
    """A point of the box's H×W side face: `down` of the way from its top, `back` of the way into W."""
    face = box.front
    x0, y0 = face.x + face.width, face.y  # the side's front-top corner
    return (x0 + back * box.slant, y0 + down * face.height - back * box.slant)


def _span(size: int, extent: int, face: float) -> tuple[float, float]:
    """(start, length) of a window of `size` cells along a side of `extent` cells drawn `face` long,
    as fractions of that side: a few pixels at least, so a 3×3 kernel on a 224-pixel image stays
    visible; a window larger than the map (an invalid kernel, or 'same' padding) overhangs it."""
    length = min(max(size / extent, 4 / max(face, 1)), 1.3)
    return (0.15, length) if length <= 0.7 else ((1 - length) / 2, length)


def _window(layer: Layer | None, before: Box, box: Box, same_row: bool) -> Window | None:
    """The kernel (or pool) window on the side face of `before`, at its scale, and its output cell."""
    size = _window_size(layer)
    if size is None or before.flat or before.shape is None or box.flat:
        return None
    _, height, width = before.shape
    top, tall = _span(size[0], height, before.front.height)
    front, deep = _span(size[1], width, before.slant)
    corners = (
        _on_side(before, top, front),
        _on_side(before, top, front + deep),
        _on_side(before, top + tall, front + deep),
        _on_side(before, top + tall, front),
    )
    return Window(corners, _on_side(box, 0.5, 0.5) if same_row else None)


def _rows(slots: list[float], row_width: float | None) -> list[list[int]]:
    """Which boxes go on which row, left to right: a new row when the next slot would pass `row_width`."""
    rows: list[list[int]] = [[]]
    x = MARGIN
    for index, slot in enumerate(slots):
        if rows[-1] and row_width is not None and x + slot + MARGIN > row_width:
            rows.append([])
            x = MARGIN
        rows[-1].append(index)
        x += slot + GAP
    return rows


def figure_of(project, num_classes: int | None, row_width: float | None = None) -> Figure:
    """Boxes for the input, a pretrained base (its blocks collapsed into one box) and every layer, in
    reading order: left to right, on rows no wider than `row_width` (one row when None)."""
    summary = summarize_project(project, num_classes)
    volumes = _volumes(project, summary)
    sides = [_sides(v.shape, v.kind) for v in volumes]
    widths = [
        thick + slant + (v.stack - 1) * STACK_STEP for v, (thick, _, slant, _) in zip(volumes, sides, strict=True)
    ]
    slots = [max(width, MIN_SLOT) for width in widths]
    boxes: list[Box] = []
    top, widest = MARGIN, 0.0
    for row in _rows(slots, row_width):
        tallest = max(sides[i][1] + sides[i][2] for i in row)
        middle = top + tallest / 2  # a row's boxes are centred on one line, their slant rising above it
        labels_top = top + tallest + 8
        x = MARGIN
        for i in row:
            volume, (thick, height, slant, flat) = volumes[i], sides[i]
            left = x + (slots[i] - widths[i]) / 2 + (volume.stack - 1) * STACK_STEP
            front = Rect(left, middle - height / 2 + slant / 2, thick, height)
            box = Box(
                volume.kind,
                volume.index,
                volume.shape,
                front,
                slant,
                flat,
                volume.invalid,
                stack=volume.stack,
                label_y=labels_top,
                centre_x=x + slots[i] / 2,
                label_width=slots[i] + GAP - 6,
            )
            window = _window(volume.layer, boxes[-1], box, same_row=i != row[0]) if boxes else None
            boxes.append(dataclasses.replace(box, window=window))
            x += slots[i] + GAP
        widest = max(widest, x - GAP)
        top = labels_top + LABEL_LINES * LINE_HEIGHT + ROW_GAP
    key = project.pretrained.network if project.pretrained else None
    return Figure(tuple(boxes), widest + MARGIN, top - ROW_GAP + MARGIN, summary.error, key)


def figure_to_fit(project, num_classes: int | None, width: float, height: float, largest: float) -> Figure:
    """The figure wrapped into as many rows as make it largest in a `width`×`height` area (scaled up
    no more than `largest` times): a narrow column gets several rows, a wide screen one."""
    one_row = figure_of(project, num_classes)
    best, best_scale = one_row, min(width / one_row.width, height / one_row.height, largest)
    for rows in range(2, len(one_row.boxes) + 1):
        figure = figure_of(project, num_classes, one_row.width / rows + MIN_SLOT)
        scale = min(width / figure.width, height / figure.height, largest)
        if scale > best_scale:
            best, best_scale = figure, scale
    return best
