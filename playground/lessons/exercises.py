"""Exercises with self-check, 3–5 per lesson: fresh random numbers each time, a hint after a wrong
try and the worked answer. Pure Python; every text is a `Message`, so the window shows it in the
interface's language and the command line and tests read the English.

An exercise is made by `make_exercise(lesson_id, slot, rng)` — the slot is its place in the
lesson, and progress is kept per slot — and answered with `check(exercise, typed)`. The answers are
worked out here with the textbook formulas; tests check every one of them against the builder's
shape arithmetic (`spec.shapes.infer_shapes`) and the lab's (`lessons.lab`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from playground.lessons import lab
from playground.spec import messages as m
from playground.spec.messages import Message
from playground.spec.shapes import group

AVERAGE_TOLERANCE = 0.01  # an average typed with two decimals is right


@dataclass(frozen=True)
class CellPuzzle:
    """The "fill in the next cell" exercise: the lab's trace of a small convolution or pooling, with the output
    shown up to `step` and that cell hidden."""

    operation: str  # "conv", "max", "avg" or "min"
    kernel: lab.Grid | None  # the filter (convolution only)
    trace: lab.Trace
    step: int
    window: int  # the filter's or the pool's size

    @property
    def hidden(self) -> lab.Step:
        return self.trace.steps[self.step]


@dataclass(frozen=True)
class Exercise:
    lesson: str
    slot: int
    question: Message
    answer: int | float | str  # a number, or the key of the right choice
    hint: Message
    solution: Message  # the worked answer
    choices: tuple[tuple[str, Message], ...] = ()  # multiple choice: (key, text) in the order shown
    cell: CellPuzzle | None = None
    tolerance: float = 0.0


@dataclass(frozen=True)
class Verdict:
    correct: bool
    counted: bool  # False when what was typed is no answer at all (not a number): no try used up
    feedback: Message  # right, wrong (the window shows the hint then), or no answer


def check(exercise: Exercise, typed: str) -> Verdict:
    """Whether `typed` (a number as the learner wrote it, or a choice's key) answers the exercise."""
    if not exercise.choices:
        return check_number(exercise.answer, typed, exercise.tolerance)
    if typed not in {key for key, _ in exercise.choices}:
        return Verdict(False, False, Message(m.EX_PICK_ONE))
    right = typed == exercise.answer
    return Verdict(right, True, Message(m.EX_RIGHT if right else m.EX_WRONG))


def check_number(expected: float, typed: str, tolerance: float = 0.0) -> Verdict:
    """A number as the learner typed it ("1,234", " 2.5 ") against the right one; also the lab's quiz."""
    value = lab.parse_number(typed)
    if value is None:
        return Verdict(False, False, Message(m.EX_NOT_A_NUMBER))
    right = abs(value - expected) <= tolerance
    return Verdict(right, True, Message(m.EX_RIGHT if right else m.EX_WRONG))


# --- the arithmetic the exercises teach, written out --------------------------------------------


def conv_size(size: int, kernel: int, stride: int = 1, padding: int = 0) -> tuple[int, str]:
    """Output width of a square convolution or pooling with `padding` on each side, and its formula."""
    return lab.size_formula(size, kernel, stride, 2 * padding)


def early_stopping(scores: list[float], patience: int) -> tuple[int, int]:
    """(the epoch after which training stops, the epoch whose weights are kept), epochs from 1, as the
    engine does it: an epoch is best only when it beats every earlier one; training stops when
    `patience` epochs have passed since the best. Never stopping early: the last epoch."""
    best_epoch, best = 0, None
    for epoch, score in enumerate(scores, start=1):
        if best is None or score > best:
            best_epoch, best = epoch, score
        if epoch - best_epoch >= patience:
            return epoch, best_epoch
    return len(scores), best_epoch


# --- what a CNN is: local connectivity, shared filters, spatial hierarchy -------------------------

IDEAS = {  # key: (name, worked answer, scenarios, each a whole question)
    "local": (m.EX_IDEA_LOCAL, m.EX_SOLUTION_LOCAL, (m.EX_SCENARIO_SMALL_PATCH, m.EX_SCENARIO_NEIGHBOURS)),
    "shared": (m.EX_IDEA_SHARED, m.EX_SOLUTION_SHARED, (m.EX_SCENARIO_EDGE_EVERYWHERE, m.EX_SCENARIO_SAME_COUNT)),
    "hierarchy": (m.EX_IDEA_HIERARCHY, m.EX_SOLUTION_HIERARCHY, (m.EX_SCENARIO_EYE_FACE, m.EX_SCENARIO_LARGER_AREA)),
}


def _which_idea(lesson: str, slot: int, rng: random.Random) -> Exercise:
    answer = rng.choice(list(IDEAS))
    _, solution, scenarios = IDEAS[answer]
    return Exercise(
        lesson,
        slot,
        Message(rng.choice(scenarios)),
        answer,
        Message(m.EX_IDEA_HINT),
        Message(solution),
        choices=tuple((key, Message(IDEAS[key][0])) for key in IDEAS),
    )


def _shared_weights(lesson: str, slot: int, rng: random.Random) -> Exercise:
    kernel, size = rng.choice((3, 5, 7)), rng.choice((28, 32, 64, 100, 224))
    positions = group((size - kernel + 1) ** 2)
    answer = kernel * kernel
    return Exercise(
        lesson,
        slot,
        Message(m.EX_SHARED_WEIGHTS, kernel=kernel, size=size, positions=positions),
        answer,
        Message(m.EX_SHARED_WEIGHTS_HINT),
        Message(m.EX_SHARED_WEIGHTS_SOLUTION, kernel=kernel, answer=answer, positions=positions),
    )


def _receptive_field(lesson: str, slot: int, rng: random.Random) -> Exercise:
    """The lesson's "each layer sees a larger area": n stacked k×k layers see 1 + n·(k − 1) pixels across."""
    layers, kernel = rng.randint(2, 5), rng.choice((3, 5))
    answer = 1 + layers * (kernel - 1)
    return Exercise(
        lesson,
        slot,
        Message(m.EX_RECEPTIVE_FIELD, layers=layers, kernel=kernel),
        answer,
        Message(m.EX_RECEPTIVE_FIELD_HINT, kernel=kernel, grow=kernel - 1),
        Message(m.EX_RECEPTIVE_FIELD_SOLUTION, layers=layers, kernel=kernel, answer=answer),
    )


# --- output sizes ---------------------------------------------------------------------------------


def _conv_size_question(lesson: str, slot: int, rng: random.Random, strides=(1,), paddings=(0,)) -> Exercise:
    kernel = rng.choice((1, 3, 5, 7) if max(paddings) else (2, 3, 4, 5))
    stride, padding = rng.choice(strides), min(rng.choice(paddings), kernel // 2)
    size = rng.randint(max(kernel, 5), 32)
    answer, formula = conv_size(size, kernel, stride, padding)
    return Exercise(
        lesson,
        slot,
        Message(m.EX_CONV_SIZE, size=size, kernel=kernel, stride=stride, padding=padding),
        answer,
        Message(m.EX_SIZE_HINT),
        Message(m.EX_SIZE_SOLUTION, formula=formula, answer=answer),
    )


def _pool_size_question(lesson: str, slot: int, rng: random.Random) -> Exercise:
    pool = rng.choice((2, 2, 3))
    stride = rng.choice((pool, pool, 1))
    size = rng.randint(5, 32)
    answer, formula = conv_size(size, pool, stride)
    return Exercise(
        lesson,
        slot,
        Message(m.EX_POOL_SIZE, size=size, pool=pool, stride=stride),
        answer,
        Message(m.EX_SIZE_HINT),
        Message(m.EX_SIZE_SOLUTION, formula=formula, answer=answer),
    )


def _output_numbers(lesson: str, slot: int, rng: random.Random) -> Exercise:
    size, kernel, filters = rng.randint(8, 32), rng.choice((3, 5)), rng.choice((4, 6, 8, 16))
    out, formula = conv_size(size, kernel)
    answer = out * out * filters
    return Exercise(
        lesson,
        slot,
        Message(m.EX_OUTPUT_NUMBERS, size=size, kernel=kernel, filters=filters),
        answer,
        Message(m.EX_OUTPUT_NUMBERS_HINT),
        Message(m.EX_OUTPUT_NUMBERS_SOLUTION, formula=formula, filters=filters, out=out, answer=group(answer)),
    )


def _which_padding(lesson: str, slot: int, rng: random.Random, keep_size: bool) -> Exercise:
    kernel = rng.choice((3, 5, 7))
    size = rng.randint(kernel + 1, 32)
    answer = kernel // 2 if keep_size else rng.randint(0, kernel // 2)
    target, formula = conv_size(size, kernel, 1, answer)
    template = m.EX_WHICH_PADDING_SAME if keep_size else m.EX_WHICH_PADDING
    return Exercise(
        lesson,
        slot,
        Message(template, size=size, kernel=kernel, target=target),
        answer,
        Message(m.EX_WHICH_PADDING_HINT),
        Message(m.EX_WHICH_PADDING_SOLUTION, target=target, size=size, kernel=kernel, answer=answer, formula=formula),
    )


def _which_stride(lesson: str, slot: int, rng: random.Random) -> Exercise:
    """Only sizes that one stride alone gives, so the answer is unique."""
    while True:
        kernel, stride = rng.choice((2, 3, 5)), rng.choice((2, 3, 4))
        size = rng.randint(kernel + 2 * stride, 32)
        target, formula = conv_size(size, kernel, stride)
        if [s for s in range(1, size + 1) if conv_size(size, kernel, s)[0] == target] == [stride]:
            break
    return Exercise(
        lesson,
        slot,
        Message(m.EX_WHICH_STRIDE, size=size, kernel=kernel, target=target),
        stride,
        Message(m.EX_WHICH_STRIDE_HINT),
        Message(m.EX_WHICH_STRIDE_SOLUTION, answer=stride, formula=formula),
    )


# --- parameter counts -----------------------------------------------------------------------------


def _conv_params(lesson: str, slot: int, rng: random.Random) -> Exercise:
    kernel, channels, filters = rng.choice((3, 5, 7)), rng.choice((1, 3, 6, 16)), rng.choice((6, 8, 16, 32, 64))
    size = rng.choice((28, 32, 64, 224))  # given, and not needed: the point is that it does not count
    answer = kernel * kernel * channels * filters + filters
    values = {"kernel": kernel, "channels": channels, "filters": filters}
    return Exercise(
        lesson,
        slot,
        Message(m.EX_CONV_PARAMS, **values, height=size, width=size),
        answer,
        Message(m.EX_CONV_PARAMS_HINT),
        Message(m.EX_CONV_PARAMS_SOLUTION, **values, answer=group(answer)),
    )


def _dense_params(lesson: str, slot: int, rng: random.Random) -> Exercise:
    size, channels, units = rng.choice((8, 16, 28, 32)), rng.choice((1, 3)), rng.choice((10, 32, 64, 100, 128))
    return _dense_exercise(lesson, slot, m.EX_DENSE_PARAMS, size, channels, units)


def _dense_exercise(lesson: str, slot: int, template: str, size: int, channels: int, units: int) -> Exercise:
    inputs = size * size * channels
    answer = inputs * units + units
    values = {"height": size, "width": size, "channels": channels, "units": units}
    return Exercise(
        lesson,
        slot,
        Message(template, **values, size=size),
        answer,
        Message(m.EX_DENSE_PARAMS_HINT),
        Message(m.EX_DENSE_PARAMS_SOLUTION, **values, inputs=group(inputs), answer=group(answer)),
    )


def _flatten_length(lesson: str, slot: int, rng: random.Random) -> Exercise:
    height, width = rng.choice((28, 32, 64, 100, 224)), rng.choice((28, 32, 64, 100, 224))
    answer = height * width * 3
    return Exercise(
        lesson,
        slot,
        Message(m.EX_FLATTEN_LENGTH, height=height, width=width),
        answer,
        Message(m.EX_FLATTEN_LENGTH_HINT),
        Message(m.EX_FLATTEN_LENGTH_SOLUTION, height=height, width=width, answer=group(answer)),
    )


def _dense_same_outputs(lesson: str, slot: int, rng: random.Random) -> Exercise:
    size, channels, kernel, filters = rng.randint(6, 16), rng.choice((1, 3)), rng.choice((3, 5)), rng.choice((2, 4, 8))
    out, _ = conv_size(size, kernel)
    outputs, inputs = out * out * filters, size * size * channels
    conv = kernel * kernel * channels * filters + filters
    answer = inputs * outputs + outputs
    return Exercise(
        lesson,
        slot,
        Message(
            m.EX_DENSE_SAME_OUTPUTS,
            filters=filters,
            kernel=kernel,
            size=size,
            channels=channels,
            outputs=group(outputs),
        ),
        answer,
        Message(m.EX_DENSE_SAME_OUTPUTS_HINT),
        Message(
            m.EX_DENSE_SAME_OUTPUTS_SOLUTION,
            inputs=group(inputs),
            outputs=group(outputs),
            answer=group(answer),
            conv=group(conv),
        ),
    )


def _pool_params(lesson: str, slot: int, rng: random.Random) -> Exercise:
    values = {"pool": rng.choice((2, 3)), "size": rng.choice((8, 14, 28)), "channels": rng.choice((6, 16, 32))}
    return Exercise(
        lesson,
        slot,
        Message(m.EX_POOL_PARAMS, **values),
        0,
        Message(m.EX_POOL_PARAMS_HINT),
        Message(m.EX_POOL_PARAMS_SOLUTION),
    )


# --- the pipeline: convolution, pooling, flatten, dense -------------------------------------------


def _conv_then_pool(rng: random.Random) -> tuple[int, int, int, str, int, str]:
    size, kernel = rng.randint(8, 32), rng.choice((3, 5))
    conv_out, conv_formula = conv_size(size, kernel)
    out, pool_formula = conv_size(conv_out, 2, 2)
    return size, kernel, out, conv_formula, conv_out, pool_formula


def _pipeline_size(lesson: str, slot: int, rng: random.Random) -> Exercise:
    size, kernel, out, conv_formula, _, pool_formula = _conv_then_pool(rng)
    return Exercise(
        lesson,
        slot,
        Message(m.EX_PIPELINE_SIZE, size=size, kernel=kernel),
        out,
        Message(m.EX_PIPELINE_SIZE_HINT),
        Message(m.EX_PIPELINE_SIZE_SOLUTION, conv=conv_formula, pool=pool_formula),
    )


def _pipeline_flatten(lesson: str, slot: int, rng: random.Random) -> Exercise:
    size, kernel, out, conv_formula, _, pool_formula = _conv_then_pool(rng)
    filters = rng.choice((4, 6, 8, 16))
    answer = out * out * filters
    return Exercise(
        lesson,
        slot,
        Message(m.EX_PIPELINE_FLATTEN, size=size, kernel=kernel, filters=filters),
        answer,
        Message(m.EX_PIPELINE_FLATTEN_HINT),
        Message(
            m.EX_PIPELINE_FLATTEN_SOLUTION,
            conv=conv_formula,
            pool=pool_formula,
            out=out,
            filters=filters,
            answer=group(answer),
        ),
    )


def _pipeline_dense(lesson: str, slot: int, rng: random.Random) -> Exercise:
    size, channels, units = rng.choice((4, 5, 6, 7)), rng.choice((8, 16, 32)), rng.choice((10, 64, 120))
    return _dense_exercise(lesson, slot, m.EX_PIPELINE_DENSE, size, channels, units)


# --- where CNNs are used --------------------------------------------------------------------------

TASKS = {  # key: (name, worked answer, scenarios, each a whole question)
    "classification": (
        m.EX_TASK_CLASSIFICATION,
        m.EX_SOLUTION_CLASSIFICATION,
        (m.EX_SCENARIO_X_RAY, m.EX_SCENARIO_DIGIT),
    ),
    "localization": (m.EX_TASK_LOCALIZATION, m.EX_SOLUTION_LOCALIZATION, (m.EX_SCENARIO_PET, m.EX_SCENARIO_LOGO)),
    "detection": (m.EX_TASK_DETECTION, m.EX_SOLUTION_DETECTION, (m.EX_SCENARIO_STREET, m.EX_SCENARIO_SHELF)),
    "segmentation": (m.EX_TASK_SEGMENTATION, m.EX_SOLUTION_SEGMENTATION, (m.EX_SCENARIO_TUMOUR, m.EX_SCENARIO_ROAD)),
}


def _which_task(lesson: str, slot: int, rng: random.Random) -> Exercise:
    answer = rng.choice(list(TASKS))
    _, solution, scenarios = TASKS[answer]
    return Exercise(
        lesson,
        slot,
        Message(rng.choice(scenarios)),
        answer,
        Message(m.EX_TASK_HINT),
        Message(solution),
        choices=tuple((key, Message(TASKS[key][0])) for key in TASKS),
    )


def _segmentation_scores(lesson: str, slot: int, rng: random.Random) -> Exercise:
    height, width, classes = rng.choice((32, 64, 128)), rng.choice((32, 64, 128)), rng.randint(2, 12)
    answer = height * width * classes
    return Exercise(
        lesson,
        slot,
        Message(m.EX_SEGMENTATION_SCORES, height=height, width=width, classes=classes),
        answer,
        Message(m.EX_SEGMENTATION_SCORES_HINT),
        Message(m.EX_SEGMENTATION_SCORES_SOLUTION, height=height, width=width, classes=classes, answer=group(answer)),
    )


def _last_layer(lesson: str, slot: int, rng: random.Random) -> Exercise:
    classes, features = rng.randint(2, 20), rng.choice((64, 84, 128, 256, 512))
    answer = features * classes + classes
    return Exercise(
        lesson,
        slot,
        Message(m.EX_LAST_LAYER, classes=classes, features=features),
        answer,
        Message(m.EX_LAST_LAYER_HINT),
        Message(m.EX_LAST_LAYER_SOLUTION, classes=classes, features=features, answer=group(answer)),
    )


# --- pretrained networks --------------------------------------------------------------------------


def _base(rng: random.Random) -> dict[str, int]:
    return {
        "channels": rng.choice((256, 512, 1280, 2048)),
        "size": rng.choice((3, 4, 7)),
        "classes": rng.randint(2, 10),
    }


def _head_gap(lesson: str, slot: int, rng: random.Random) -> Exercise:
    values = _base(rng)
    answer = values["channels"] * values["classes"] + values["classes"]
    return Exercise(
        lesson,
        slot,
        Message(m.EX_HEAD_GAP, **values),
        answer,
        Message(m.EX_HEAD_GAP_HINT),
        Message(m.EX_HEAD_GAP_SOLUTION, **values, answer=group(answer)),
    )


def _head_flatten(lesson: str, slot: int, rng: random.Random) -> Exercise:
    values = _base(rng)
    inputs = values["channels"] * values["size"] ** 2
    answer = inputs * values["classes"] + values["classes"]
    return Exercise(
        lesson,
        slot,
        Message(m.EX_HEAD_FLATTEN, **values),
        answer,
        Message(m.EX_HEAD_FLATTEN_HINT),
        Message(m.EX_HEAD_FLATTEN_SOLUTION, **values, inputs=group(inputs), answer=group(answer)),
    )


def _base_output(lesson: str, slot: int, rng: random.Random) -> Exercise:
    halvings, size = rng.choice((4, 5)), rng.choice((96, 100, 128, 150, 160, 224, 299))
    sizes = [size]
    for _ in range(halvings):
        sizes.append(-(-sizes[-1] // 2))  # ⌈size/2⌉
    steps = " → ".join(map(str, sizes))
    return Exercise(
        lesson,
        slot,
        Message(m.EX_BASE_OUTPUT, halvings=halvings, size=size),
        sizes[-1],
        Message(m.EX_BASE_OUTPUT_HINT),
        Message(m.EX_BASE_OUTPUT_SOLUTION, steps=steps, answer=sizes[-1]),
    )


# --- overfitting ----------------------------------------------------------------------------------


def _early_stopping_question(lesson: str, slot: int, rng: random.Random, ask_kept: bool) -> Exercise:
    """A whole run without early stopping, longer than where early stopping would end it (so counting the listed
    epochs never gives the answer), with a late improvement after the stop and often a tie with the best."""
    patience = rng.choice((2, 3))
    peak = rng.randint(3, 6)
    scores, value = [], rng.randint(55, 65)
    for _ in range(peak):
        value += rng.randint(2, 8)
        scores.append(min(value, 97))
    best = scores[-1]
    after = [best - rng.randint(1, 4) for _ in range(patience)]
    if rng.random() < 0.5:  # a tie: not an improvement
        after[rng.randrange(patience)] = best
    scores += after + [best + rng.randint(1, 2)] + [best - rng.randint(0, 3) for _ in range(rng.randint(0, 2))]
    stop_epoch, best_epoch = early_stopping(scores, patience)
    values = {"patience": patience, "scores": ", ".join(map(str, scores)), "epochs": len(scores)}
    solution = Message(
        m.EX_EARLY_STOPPING_SOLUTION,
        best=scores[best_epoch - 1],
        best_epoch=best_epoch,
        patience=patience,
        stop_epoch=stop_epoch,
    )
    return Exercise(
        lesson,
        slot,
        Message(m.EX_BEST_EPOCH if ask_kept else m.EX_STOP_EPOCH, **values),
        best_epoch if ask_kept else stop_epoch,
        Message(m.EX_EARLY_STOPPING_HINT, patience=patience),
        solution,
    )


def _not_against_overfitting(lesson: str, slot: int, rng: random.Random) -> Exercise:
    choices = [
        ("augmentation", m.EX_AUGMENTATION),
        ("dropout", m.EX_DROPOUT),
        ("early_stopping", m.EX_EARLY_STOPPING),
        ("more_epochs", m.EX_MORE_EPOCHS),
    ]
    rng.shuffle(choices)
    return Exercise(
        lesson,
        slot,
        Message(m.EX_NOT_AGAINST_OVERFITTING),
        "more_epochs",
        Message(m.EX_OVERFITTING_HINT),
        Message(m.EX_OVERFITTING_SOLUTION),
        choices=tuple((key, Message(text)) for key, text in choices),
    )


# --- fill in the next cell ------------------------------------------------------------------------

CELL_QUESTIONS = {"conv": m.EX_CELL_CONV, "max": m.EX_CELL_MAX, "avg": m.EX_CELL_AVG, "min": m.EX_CELL_MIN}


def _fill_cell(lesson: str, slot: int, rng: random.Random, operation: str, stride: int = 1, padding: int = 0):
    """A small random grid; the hidden cell is one the lab reaches after at least one shown step."""
    kernel_size = rng.choice((2, 3)) if operation == "conv" else 2
    size = rng.randint(kernel_size + stride + 1, 6)  # at least two output cells: one shown, one hidden
    grid = [[rng.randint(0, 9) for _ in range(size)] for _ in range(size)]
    question = CELL_QUESTIONS[operation]
    if operation == "conv":
        question = m.EX_CELL_CONV_PADDED if padding else m.EX_CELL_CONV
        kernel = [[rng.randint(-1, 2) for _ in range(kernel_size)] for _ in range(kernel_size)]
        trace = lab.convolve(grid, kernel, stride, padding)
    else:
        kernel = None
        trace = lab.pool(grid, operation, kernel_size, stride, padding)
    step = rng.randint(1, len(trace.steps) - 1)
    hidden = trace.steps[step]
    where = {"row": hidden.row + 1, "col": hidden.col + 1}
    hint_template = m.EX_CELL_CONV_HINT if operation == "conv" else m.EX_CELL_POOL_HINT
    return Exercise(
        lesson,
        slot,
        Message(question, pool=kernel_size, stride=stride, padding=padding, **where),
        hidden.value,
        Message(hint_template, top=hidden.top + 1, left=hidden.left + 1),
        Message(m.EX_CELL_SOLUTION, **where, sum=hidden.text),
        cell=CellPuzzle(operation, kernel, trace, step, kernel_size),
        tolerance=AVERAGE_TOLERANCE if operation == "avg" else 0.0,
    )


# --- the exercises of each lesson -----------------------------------------------------------------

Maker = Callable[[str, int, random.Random], Exercise]
LESSON_EXERCISES: dict[str, tuple[Maker, ...]] = {
    "what-is-a-cnn": (_which_idea, _shared_weights, _receptive_field),
    "channels-filters-stride": (
        _output_numbers,
        lambda lesson, slot, rng: _conv_size_question(lesson, slot, rng, strides=(2, 3)),
        _which_stride,
        lambda lesson, slot, rng: _fill_cell(lesson, slot, rng, "conv", stride=2),
    ),
    "why-not-fully-connected": (_flatten_length, _dense_params, _dense_same_outputs),
    "padding": (
        lambda lesson, slot, rng: _which_padding(lesson, slot, rng, keep_size=True),
        lambda lesson, slot, rng: _conv_size_question(lesson, slot, rng, strides=(1, 2), paddings=(1, 2, 3)),
        lambda lesson, slot, rng: _which_padding(lesson, slot, rng, keep_size=False),
        lambda lesson, slot, rng: _fill_cell(lesson, slot, rng, "conv", padding=1),
    ),
    "pooling": (
        _pool_size_question,
        lambda lesson, slot, rng: _fill_cell(lesson, slot, rng, "max", stride=2),
        lambda lesson, slot, rng: _fill_cell(lesson, slot, rng, "avg", stride=2),
        lambda lesson, slot, rng: _fill_cell(lesson, slot, rng, "min", stride=2),
        _pool_params,
    ),
    "conv-vs-dense": (_conv_params, _dense_same_outputs, _dense_params),
    "cnn-pipeline": (_pipeline_size, _pipeline_flatten, _pipeline_dense),
    "where-cnns-are-used": (_which_task, _segmentation_scores, _last_layer),
    "pretrained-networks": (_head_gap, _head_flatten, _base_output),
    "overfitting-and-augmentation": (
        lambda lesson, slot, rng: _early_stopping_question(lesson, slot, rng, ask_kept=False),
        lambda lesson, slot, rng: _early_stopping_question(lesson, slot, rng, ask_kept=True),
        _not_against_overfitting,
    ),
}


def exercise_count(lesson_id: str) -> int:
    return len(LESSON_EXERCISES.get(lesson_id, ()))


def make_exercise(lesson_id: str, slot: int, rng: random.Random | None = None) -> Exercise:
    """The lesson's exercise number `slot` (from 0) with fresh numbers (from `rng` when given)."""
    return LESSON_EXERCISES[lesson_id][slot](lesson_id, slot, rng or random.Random())
