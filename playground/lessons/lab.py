"""The convolution lab's arithmetic, step by step, in pure Python (small integer grids).

Every output cell of a convolution or pooling is one `Step`: where the window sits on the
(padded) input, which numbers it multiplies or compares, and the sum written out as a learner
would write it ("1·1 + 2·0 + 6·0 + 7·1 = 8"). Padding follows the app's networks: zeros for
convolution, Keras 'same' with the odd pixel at the bottom/right, and pooling windows that
never let padding win (max, min) or dilute the mean (average). Tests check it against torch.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message
from playground.spec.shapes import resolve_padding

Grid = list[list[float]]
POOL_MODES = ("max", "avg", "min")


class LabError(PlaygroundError):
    """A grid or setting the lab cannot use; the message says what to type instead."""


def parse_grid(text: str, name: str = "grid") -> Grid:
    """'1,2;3,4' -> [[1, 2], [3, 4]]: rows separated by ';', numbers by ',' (or spaces)."""
    rows = [row.replace(",", " ").split() for row in text.strip().split(";")]
    if not text.strip() or any(not row for row in rows):
        raise LabError(Message(messages.LAB_EMPTY_ROW, name=name, text=repr(text)))
    if len({len(row) for row in rows}) != 1:
        raise LabError(Message(messages.LAB_RAGGED_ROWS, name=name, text=repr(text)))
    for row in rows:
        for value in row:
            if parse_number(value) is None:
                raise LabError(Message(messages.LAB_NOT_A_NUMBER, name=name, value=repr(value), text=repr(text)))
    return [[parse_number(value) for value in row] for row in rows]


def parse_number(text: str) -> float | None:
    """'7' -> 7, '2.5' -> 2.5, '1,234' -> 1234 (a thousands separator); None when it is no number."""
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("\u2212", "-")  # typed or pasted minus
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return int(value) if value.is_integer() else value


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def factor_text(value: float) -> str:
    """A number inside a sum of products: negative ones in brackets, "9·(-1)", never "9·-1"."""
    return f"({number_text(value)})" if value < 0 else number_text(value)


def grid_size(grid: Grid) -> tuple[int, int]:
    return len(grid), len(grid[0])


@dataclass(frozen=True)
class Step:
    row: int  # output cell
    col: int
    top: int  # window position on the padded input
    left: int
    terms: tuple[tuple[float, float], ...]  # (input value, weight); for pooling the weight is 1
    value: float
    text: str


@dataclass(frozen=True)
class Trace:
    output: Grid
    steps: tuple[Step, ...]
    padded: list[Grid]  # each input channel with its padding (None marks a pooling pad)
    pads: tuple[tuple[int, int], tuple[int, int]]  # ((top, bottom), (left, right))
    formula: str  # output size with the current numbers


def _padding(padding: str | int, size: tuple[int, int], kernel: tuple[int, int], stride: int):
    if isinstance(padding, str) and padding not in ("valid", "same"):
        raise LabError(Message(messages.LAB_BAD_PADDING, padding=repr(padding)))
    if isinstance(padding, int) and padding < 0:
        raise LabError(Message(messages.LAB_NEGATIVE_PADDING, padding=padding))
    spec = padding if isinstance(padding, str) else (padding, padding)
    return resolve_padding(spec, size, kernel, (stride, stride))


def _pad(grid: Grid, pads, fill) -> Grid:
    (top, bottom), (left, right) = pads
    width = len(grid[0]) + left + right
    rows = [[fill] * width for _ in range(top)]
    rows += [[fill] * left + list(row) + [fill] * right for row in grid]
    rows += [[fill] * width for _ in range(bottom)]
    return rows


def size_formula(size: int, kernel: int, stride: int, padding: int) -> tuple[int, str]:
    """Output width and how it is worked out, "⌊(5 − 2 + 0)/2⌋ + 1 = 2": the floor brackets appear, as in
    the builder, only when the division does not come out even. `padding` is the total of both sides."""
    spare = size - kernel + padding
    out = spare // stride + 1
    inner = f"({size} − {kernel} + {padding})/{stride}"
    return out, f"{f'⌊{inner}⌋' if spare % stride else inner} + 1 = {out}"


def _output_size(size: int, kernel: int, stride: int, pads: tuple[int, int], template: str) -> tuple[int, str]:
    if size + pads[0] + pads[1] < kernel:
        raise LabError(Message(template, kernel=kernel, size=size))
    return size_formula(size, kernel, stride, pads[0] + pads[1])


def _windows(size: tuple[int, int], kernel: tuple[int, int], stride: int, pads, template: str):
    out_h, text_h = _output_size(size[0], kernel[0], stride, pads[0], template)
    out_w, text_w = _output_size(size[1], kernel[1], stride, pads[1], template)
    formula = text_h if text_h == text_w else Message(messages.LAB_SIZE_PER_AXIS, height=text_h, width=text_w)
    return out_h, out_w, formula


def _check_channels(inputs: list[Grid], kernels: list[Grid] | None = None) -> None:
    if not inputs:
        raise LabError(Message(messages.LAB_NO_CHANNELS))
    if len({grid_size(g) for g in inputs}) != 1:
        raise LabError(Message(messages.LAB_CHANNEL_SIZES))
    if kernels is not None:
        if len(kernels) != len(inputs):
            raise LabError(Message(messages.LAB_FILTER_DEPTH, channels=len(inputs), kernels=len(kernels)))
        if len({grid_size(k) for k in kernels}) != 1:
            raise LabError(Message(messages.LAB_KERNEL_SIZES))


def convolve(
    inputs: Grid | list[Grid], kernels: Grid | list[Grid], stride: int = 1, padding: str | int = "valid"
) -> Trace:
    """One filter over an input of one or more channels: each output cell sums over all channels."""
    inputs = [inputs] if inputs and not isinstance(inputs[0][0], list) else inputs
    kernels = [kernels] if kernels and not isinstance(kernels[0][0], list) else kernels
    _check_channels(inputs, kernels)
    if stride < 1:
        raise LabError(Message(messages.LAB_BAD_STRIDE, stride=stride))
    size, kernel = grid_size(inputs[0]), grid_size(kernels[0])
    pads = _padding(padding, size, kernel, stride)
    padded = [_pad(grid, pads, 0) for grid in inputs]
    out_h, out_w, formula = _windows(size, kernel, stride, pads, messages.LAB_KERNEL_TOO_LARGE)
    output, steps = [[0] * out_w for _ in range(out_h)], []
    for r in range(out_h):
        for c in range(out_w):
            top, left = r * stride, c * stride
            terms = tuple(
                (grid[top + i][left + j], weights[i][j])
                for grid, weights in zip(padded, kernels, strict=True)
                for i in range(kernel[0])
                for j in range(kernel[1])
            )
            value = sum(x * w for x, w in terms)
            output[r][c] = value
            text = " + ".join(f"{factor_text(x)}·{factor_text(w)}" for x, w in terms) + f" = {number_text(value)}"
            steps.append(Step(r, c, top, left, terms, value, text))
    return Trace(output, tuple(steps), padded, pads, formula)


def pool(
    inputs: Grid, mode: str = "max", size: int = 2, stride: int | None = None, padding: str | int = "valid"
) -> Trace:
    """Max, average or min pooling of one channel; stride defaults to the pool size."""
    if mode not in POOL_MODES:
        raise LabError(Message(messages.LAB_BAD_POOL_MODE, mode=repr(mode)))
    stride = stride or size
    if size < 1 or stride < 1:
        raise LabError(Message(messages.LAB_BAD_POOL_SIZE))
    _check_channels([inputs])
    in_size = grid_size(inputs)
    pads = _padding(padding, in_size, (size, size), stride)
    if max(pads[0] + pads[1]) >= size:
        raise LabError(Message(messages.LAB_POOL_PADDING, padding=max(pads[0] + pads[1]), size=size))
    padded = _pad(inputs, pads, None)  # padding is no value at all: it never wins, never counts
    out_h, out_w, formula = _windows(in_size, (size, size), stride, pads, messages.LAB_POOL_TOO_LARGE)
    output, steps = [[0] * out_w for _ in range(out_h)], []
    for r in range(out_h):
        for c in range(out_w):
            top, left = r * stride, c * stride
            values = [padded[top + i][left + j] for i in range(size) for j in range(size)]
            real = [v for v in values if v is not None]
            if mode == "avg":
                value = sum(real) / len(real)
                text = f"({' + '.join(map(number_text, real))})/{len(real)} = {number_text(round(value, 4))}"
            else:
                value = max(real) if mode == "max" else min(real)
                text = f"{mode}({', '.join(map(number_text, real))}) = {number_text(value)}"
            output[r][c] = value
            steps.append(Step(r, c, top, left, tuple((v, 1) for v in real), value, text))
    return Trace(output, tuple(steps), [padded], pads, formula)


# Classic filters to try on a picture; the lab's grid starts from one and the learner edits it.
IMAGE_FILTERS: dict[str, Grid] = {
    "vertical_edge": [[1, 0, -1], [1, 0, -1], [1, 0, -1]],
    "horizontal_edge": [[1, 1, 1], [0, 0, 0], [-1, -1, -1]],
    "outline": [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "blur": [[round(1 / 9, 3)] * 3 for _ in range(3)],
}


def grey_levels(grid: Grid) -> tuple[list[list[int]], float, float]:
    """A feature map as 0–255 grey levels, its smallest value black and its largest white (a map of
    one value is mid-grey), with those two values so that the picture can say what black and white mean."""
    low, high = min(min(row) for row in grid), max(max(row) for row in grid)
    if high == low:
        return [[128] * len(row) for row in grid], low, high
    scale = 255 / (high - low)
    return [[round((v - low) * scale) for v in row] for row in grid], low, high


def feature_map(image: Grid, kernel: Grid, stride: int = 1, padding: str | int = "same") -> Grid:
    """The convolution of a whole picture (one channel) with one filter: the numbers only, without the
    written sums that `convolve` keeps for every cell, so a 100×100 photo takes a blink, not seconds."""
    _check_channels([image], [kernel])
    if stride < 1:
        raise LabError(Message(messages.LAB_BAD_STRIDE, stride=stride))
    size, kernel_size = grid_size(image), grid_size(kernel)
    pads = _padding(padding, size, kernel_size, stride)
    padded = _pad(image, pads, 0)
    out_h, out_w, _ = _windows(size, kernel_size, stride, pads, messages.LAB_KERNEL_TOO_LARGE)
    weights = [(i, j, w) for i, row in enumerate(kernel) for j, w in enumerate(row) if w]  # zeros add nothing
    return [
        [sum(padded[r * stride + i][c * stride + j] * w for i, j, w in weights) for c in range(out_w)]
        for r in range(out_h)
    ]


def usage_counts(size: tuple[int, int], kernel: int, stride: int = 1, padding: str | int = "valid") -> Grid:
    """How many windows use each input pixel: without padding, corners and edges are used least."""
    pads = _padding(padding, size, (kernel, kernel), stride)
    out_h, out_w, _ = _windows(size, (kernel, kernel), stride, pads, messages.LAB_KERNEL_TOO_LARGE)
    counts = [[0] * size[1] for _ in range(size[0])]
    for r in range(out_h):
        for c in range(out_w):
            for i in range(kernel):
                for j in range(kernel):
                    y, x = r * stride + i - pads[0][0], c * stride + j - pads[1][0]
                    if 0 <= y < size[0] and 0 <= x < size[1]:
                        counts[y][x] += 1
    return counts


def conv_vs_dense(
    size: tuple[int, int], channels: int, kernel: int, filters: int, stride: int = 1, padding: str | int = "valid"
) -> tuple[int, int, int]:
    """(outputs, conv parameters, dense parameters) for one layer making the same number of outputs."""
    pads = _padding(padding, size, (kernel, kernel), stride)
    out_h, out_w, _ = _windows(size, (kernel, kernel), stride, pads, messages.LAB_KERNEL_TOO_LARGE)
    outputs = out_h * out_w * filters
    inputs = size[0] * size[1] * channels
    return outputs, kernel * kernel * channels * filters + filters, inputs * outputs + outputs
