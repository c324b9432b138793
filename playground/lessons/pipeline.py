"""The lecture's pipeline on small grids, each stage fed by the one before: convolution (with an
optional bias and ReLU) → pooling → flatten → dense. Pure Python, built on the lab's convolution
and pooling, so every number can be written out as the learner would work it out; tests check the
whole chain against torch (conv2d, relu, max/avg pooling, flatten, linear).

Stepping goes through every output cell of the convolution (all filters at once, as in the lab),
then every pooled cell (all maps at once), then the flatten, then each dense unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.lessons import lab
from playground.lessons.lab import Grid, LabError, Trace, factor_text, number_text
from playground.spec import messages
from playground.spec.messages import Message

STAGES = ("conv", "pool", "flatten", "dense")


@dataclass(frozen=True)
class DenseUnit:
    terms: tuple[tuple[float, float], ...]  # (flattened value, weight)
    bias: float
    value: float
    text: str


@dataclass(frozen=True)
class PipelineStep:
    stage: str  # one of STAGES
    index: int  # the cell (conv, pool: row-major on the map) or the unit (dense); 0 for flatten


@dataclass(frozen=True)
class PipelineTrace:
    convolutions: tuple[Trace, ...]  # one per filter, before bias and ReLU
    feature_maps: tuple[Grid, ...]  # after bias and ReLU: what pooling reads
    conv_texts: tuple[tuple[str, ...], ...]  # per filter, per cell: the sum, then bias and ReLU
    pooled: tuple[Trace, ...]  # one per feature map
    flat: tuple[float, ...]  # the pooled maps one after the other, each row by row (as torch flattens C×H×W)
    dense: tuple[DenseUnit, ...]
    conv_formula: str
    pool_formula: str

    @property
    def outputs(self) -> list[float]:
        return [unit.value for unit in self.dense]

    @property
    def steps(self) -> tuple[PipelineStep, ...]:
        conv_cells = len(self.convolutions[0].steps)
        pool_cells = len(self.pooled[0].steps)
        return (
            *(PipelineStep("conv", i) for i in range(conv_cells)),
            *(PipelineStep("pool", i) for i in range(pool_cells)),
            PipelineStep("flatten", 0),
            *(PipelineStep("dense", i) for i in range(len(self.dense))),
        )


def activation_text(value: float, bias: float | None, relu: bool) -> tuple[float, str]:
    """A convolution's sum after its bias and ReLU, and how: "8 + (-1) = 7; ReLU(7) = 7"."""
    parts = []
    if bias is not None:
        parts.append(f"{number_text(value)} + {factor_text(bias)} = {number_text(value + bias)}")
        value += bias
    if relu:
        parts.append(f"ReLU({number_text(value)}) = {number_text(max(value, 0))}")
        value = max(value, 0)
    return value, "; ".join(parts)


def flat_length(pooled: tuple[Trace, ...] | list[Trace]) -> int:
    return sum(len(trace.output) * len(trace.output[0]) for trace in pooled)


def run_pipeline(
    image: Grid,
    filters: list[Grid],
    *,
    stride: int = 1,
    padding: str | int = "valid",
    biases: list[float] | None = None,
    relu: bool = False,
    pool_mode: str = "max",
    pool_size: int = 2,
    pool_stride: int | None = None,
    dense_weights: list[list[float]] = (),
    dense_biases: list[float] | None = None,
) -> PipelineTrace:
    """One grey image through `filters` (one feature map each), pooling without padding, flatten, and
    a dense layer with one row of `dense_weights` per unit (none: the trace stops at the flatten, which
    tells how many weights a unit needs). LabError when a stage cannot take what the
    one before gives (the message says which numbers do not fit)."""
    if biases is not None and len(biases) != len(filters):
        raise ValueError(f"{len(filters)} filters but {len(biases)} biases")  # the caller's mistake, not the user's
    convolutions = tuple(lab.convolve([image], [kernel], stride, padding) for kernel in filters)
    feature_maps, conv_texts = [], []
    for number, trace in enumerate(convolutions):
        bias = biases[number] if biases is not None else None
        cells = [activation_text(step.value, bias, relu) for step in trace.steps]
        width = len(trace.output[0])
        feature_maps.append([[cells[r * width + c][0] for c in range(width)] for r in range(len(trace.output))])
        conv_texts.append(
            tuple(
                " ; ".join(filter(None, (step.text, extra)))
                for step, (_, extra) in zip(trace.steps, cells, strict=True)
            )
        )
    pooled = tuple(lab.pool(grid, pool_mode, pool_size, pool_stride) for grid in feature_maps)
    flat = tuple(value for trace in pooled for row in trace.output for value in row)
    dense_biases = dense_biases if dense_biases is not None else [0] * len(dense_weights)
    units = []
    for weights, bias in zip(dense_weights, dense_biases, strict=True):
        if len(weights) != len(flat):
            raise LabError(Message(messages.LAB_DENSE_WEIGHTS, inputs=len(flat), weights=len(weights)))
        terms = tuple(zip(flat, weights, strict=True))
        value = sum(x * w for x, w in terms) + bias
        products = " + ".join(f"{factor_text(round(x, 4))}·{factor_text(w)}" for x, w in terms)
        units.append(
            DenseUnit(terms, bias, value, f"{products} + {factor_text(bias)} = {number_text(round(value, 4))}")
        )
    return PipelineTrace(
        convolutions,
        tuple(feature_maps),
        tuple(conv_texts),
        pooled,
        flat,
        tuple(units),
        convolutions[0].formula,
        pooled[0].formula,
    )


def default_dense_weights(units: int, inputs: int) -> list[list[int]]:
    """Small whole numbers that differ from unit to unit (-1, 0, 1, 2), so each sum is easy to check."""
    return [[(unit + 2 * i) % 4 - 1 for i in range(inputs)] for unit in range(units)]
