"""Exercises: every answer agrees with the builder's shape arithmetic, the lab and torch; answers are
checked as a learner types them; progress survives a restart and a damaged file."""

import math
import random
import re

import pytest
import torch
import torch.nn.functional as F

from playground.lessons import content, exercises, lab
from playground.lessons.exercises import IDEAS, TASKS, check, early_stopping, exercise_count, make_exercise
from playground.lessons.progress import PROGRESS_FILE, Progress
from playground.spec import messages as m
from playground.spec.layers import Conv2d, Dense, Flatten, GlobalAvgPool, MaxPool2d
from playground.spec.shapes import infer_shapes

SEEDS = range(25)


def _shapes(input_shape, *layers):
    summary = infer_shapes(input_shape, layers, None)
    assert summary.ok, summary.error
    return summary


def _conv(size, kernel, stride=1, padding=0, channels=1, filters=1):
    return _shapes(
        (channels, size, size),
        Conv2d(filters=filters, kernel=(kernel, kernel), stride=(stride, stride), padding=(padding, padding)),
    )


def _width(size, kernel, stride=1, padding=0):
    return _conv(size, kernel, stride, padding).output_shape[2]


def _torch_cell(cell):
    """The hidden cell as torch computes it from the unpadded grid."""
    (top, bottom), (left, right) = cell.trace.pads
    padded = cell.trace.padded[0]
    grid = [row[left : len(row) - right] for row in padded[top : len(padded) - bottom]]
    x = torch.tensor([[grid]], dtype=torch.float64)
    stride = cell.trace.steps[1].left - cell.trace.steps[0].left if len(cell.trace.output[0]) > 1 else 1
    if cell.operation == "conv":
        weights = torch.tensor([[cell.kernel]], dtype=torch.float64)
        out = F.conv2d(F.pad(x, (left, right, top, bottom)), weights, stride=stride)
    else:  # the puzzles pool without padding
        pool = {"max": F.max_pool2d, "avg": F.avg_pool2d, "min": lambda t, k, s: -F.max_pool2d(-t, k, s)}
        out = pool[cell.operation](x, 2, stride)
    return out[0, 0, cell.hidden.row, cell.hidden.col].item()


def _early_stopping_by_hand(scores, patience):
    """The rule as the question states it, written again: (the epoch training stops after, the epoch kept)."""
    best_epoch = 1
    for epoch in range(2, len(scores) + 1):
        if scores[epoch - 1] > scores[best_epoch - 1]:
            best_epoch = epoch
        if epoch - best_epoch == patience:
            return epoch, best_epoch
    return len(scores), best_epoch


def _expected(exercise):
    """The answer worked out independently of the exercise: by infer_shapes, the lab or torch."""
    q, v = exercise.question.template, exercise.question.values
    if q == m.EX_CONV_SIZE:
        return _width(v["size"], v["kernel"], v["stride"], v["padding"])
    if q == m.EX_POOL_SIZE:
        return _shapes(
            (1, v["size"], v["size"]), MaxPool2d(size=(v["pool"],) * 2, stride=(v["stride"],) * 2)
        ).output_shape[2]
    if q == m.EX_OUTPUT_NUMBERS:
        return math.prod(_conv(v["size"], v["kernel"], filters=v["filters"]).output_shape)
    if q in (m.EX_WHICH_PADDING, m.EX_WHICH_PADDING_SAME):
        target = v["size"] if q == m.EX_WHICH_PADDING_SAME else v["target"]
        fits = [p for p in range(v["kernel"] + 1) if _width(v["size"], v["kernel"], 1, p) == target]
        assert len(fits) == 1
        return fits[0]
    if q == m.EX_WHICH_STRIDE:
        fits = [s for s in range(1, v["size"] + 1) if _width(v["size"], v["kernel"], s) == v["target"]]
        assert len(fits) == 1
        return fits[0]
    if q == m.EX_CONV_PARAMS:
        return _conv(9, v["kernel"], channels=v["channels"], filters=v["filters"]).total_params
    if q in (m.EX_DENSE_PARAMS, m.EX_PIPELINE_DENSE):
        return _shapes((v["channels"], v["height"], v["width"]), Flatten(), Dense(units=v["units"])).total_params
    if q == m.EX_FLATTEN_LENGTH:
        return _shapes((3, v["height"], v["width"]), Flatten()).output_shape[0]
    if q == m.EX_DENSE_SAME_OUTPUTS:
        outputs, conv, dense = lab.conv_vs_dense((v["size"], v["size"]), v["channels"], v["kernel"], v["filters"])
        assert f"{outputs:,}" == v["outputs"] and f"{conv:,}" == exercise.solution.values["conv"]
        return dense
    if q == m.EX_POOL_PARAMS:
        return _shapes((v["channels"], v["size"], v["size"]), MaxPool2d(size=(v["pool"],) * 2)).total_params
    if q in (m.EX_PIPELINE_SIZE, m.EX_PIPELINE_FLATTEN):
        summary = _shapes(
            (1, v["size"], v["size"]),
            Conv2d(filters=v.get("filters", 1), kernel=(v["kernel"],) * 2),
            MaxPool2d(size=(2, 2)),
            Flatten(),
        )
        pooled = summary.layers[1].output_shape
        return pooled[2] if q == m.EX_PIPELINE_SIZE else summary.output_shape[0]
    if q == m.EX_SEGMENTATION_SCORES:  # a 1×1 convolution giving one score per class at every pixel
        return math.prod(
            _shapes((8, v["height"], v["width"]), Conv2d(filters=v["classes"], kernel=(1, 1))).output_shape
        )
    if q == m.EX_LAST_LAYER:
        return _shapes((v["features"],), Dense(units=v["classes"])).total_params
    if q in (m.EX_HEAD_GAP, m.EX_HEAD_FLATTEN):
        head = GlobalAvgPool() if q == m.EX_HEAD_GAP else Flatten()
        return _shapes((v["channels"], v["size"], v["size"]), head, Dense(units=v["classes"])).total_params
    if q == m.EX_BASE_OUTPUT:
        halvings = [Conv2d(filters=4, kernel=(3, 3), stride=(2, 2), padding="same")] * v["halvings"]
        return _shapes((3, v["size"], v["size"]), *halvings).output_shape[2]
    if q in (m.EX_STOP_EPOCH, m.EX_BEST_EPOCH):
        scores = [int(s) for s in v["scores"].split(", ")]
        assert len(scores) == v["epochs"]
        stop, best = _early_stopping_by_hand(scores, v["patience"])
        assert stop < len(scores)  # counting the listed epochs never gives the answer
        return best if q == m.EX_BEST_EPOCH else stop
    if q == m.EX_SHARED_WEIGHTS:  # the layer's weights, without its bias, as the builder counts them
        conv = _conv(v["size"], v["kernel"])
        assert f"{conv.output_shape[1] * conv.output_shape[2]:,}" == v["positions"]
        return conv.total_params - 1
    if q == m.EX_RECEPTIVE_FIELD:  # the input pixels one output value's gradient reaches, by torch
        x = torch.zeros(1, 1, 40, 40, requires_grad=True)
        y = x
        for _ in range(v["layers"]):
            y = F.conv2d(y, torch.ones(1, 1, v["kernel"], v["kernel"]))
        y[0, 0, 0, 0].backward()
        reached = x.grad[0, 0].nonzero()
        return int(reached[:, 1].max() - reached[:, 1].min() + 1)
    if exercise.cell is not None:
        assert exercise.cell.hidden.value == pytest.approx(_torch_cell(exercise.cell))
        return exercise.cell.hidden.value
    if exercise.choices and exercise.lesson == "what-is-a-cnn":
        return next(key for key, (_, _, scenarios) in IDEAS.items() if q in scenarios)
    if exercise.choices and exercise.lesson == "where-cnns-are-used":
        return next(key for key, (_, _, scenarios) in TASKS.items() if q in scenarios)
    if q == m.EX_NOT_AGAINST_OVERFITTING:
        return "more_epochs"
    raise AssertionError(f"no independent check for {q!r}")


@pytest.mark.parametrize("lesson", [lesson.id for lesson in content.lessons("en")])
def test_every_lesson_has_three_to_five_exercises_whose_answers_agree_with_the_arithmetic(lesson):
    assert 3 <= exercise_count(lesson) <= 5
    for slot in range(exercise_count(lesson)):
        for seed in SEEDS:
            exercise = make_exercise(lesson, slot, random.Random(seed))
            assert (exercise.lesson, exercise.slot) == (lesson, slot)
            assert exercise.answer == _expected(exercise), exercise.question
            assert check(exercise, str(exercise.answer)).correct
            for text in (exercise.question, exercise.hint, exercise.solution, *(t for _, t in exercise.choices)):
                assert text.template in m.TEMPLATES and "{" not in text


def test_the_numbers_are_fresh_each_time():
    for lesson in exercises.LESSON_EXERCISES:
        for slot in range(exercise_count(lesson)):
            questions = {make_exercise(lesson, slot, random.Random(seed)).question for seed in range(12)}
            if make_exercise(lesson, slot, random.Random(0)).question.template != m.EX_NOT_AGAINST_OVERFITTING:
                assert len(questions) > 3, (lesson, slot)


def test_fill_in_the_next_cell_covers_convolution_padding_stride_and_every_pooling():
    cells = [
        make_exercise(lesson, slot, random.Random(1)).cell
        for lesson in exercises.LESSON_EXERCISES
        for slot in range(exercise_count(lesson))
    ]
    cells = [cell for cell in cells if cell is not None]
    assert {cell.operation for cell in cells} == {"conv", "max", "avg", "min"}
    assert any(cell.trace.pads != ((0, 0), (0, 0)) for cell in cells)  # padding
    assert any(len(cell.trace.steps) > 1 and cell.trace.steps[1].left == 2 for cell in cells)  # stride 2
    assert all(cell.step >= 1 for cell in cells)  # at least one cell is shown worked out


def test_answers_are_read_as_a_learner_types_them():
    exercise = make_exercise("why-not-fully-connected", 1, random.Random(3))
    answer = exercise.answer
    assert check(exercise, f"{answer:,}").correct and check(exercise, f" {answer} ").correct
    wrong = check(exercise, str(answer + 1))
    assert not wrong.correct and wrong.counted and wrong.feedback.template == m.EX_WRONG
    nonsense = check(exercise, "about a thousand")
    assert not nonsense.counted and nonsense.feedback.template == m.EX_NOT_A_NUMBER
    average = make_exercise("pooling", 2, random.Random(5))
    assert average.cell.operation == "avg"
    assert check(average, f"{average.answer:.2f}").correct and not check(average, str(average.answer + 0.1)).correct
    choice = make_exercise("overfitting-and-augmentation", 2, random.Random(0))
    assert check(choice, "more_epochs").correct and not check(choice, "dropout").correct
    assert not check(choice, "").counted


def test_early_stopping_is_counted_as_the_engine_counts_it():
    # a tie does not beat the best: patience runs on from the first 80
    assert early_stopping([60, 70, 80, 80, 79], 2) == (5, 3)
    assert early_stopping([60, 70, 80], 2) == (3, 3)  # never stopped early: the last epoch
    assert early_stopping([90, 80, 85, 88], 3) == (4, 1)
    assert early_stopping([90, 80, 85, 95], 3) == (4, 4)  # the last epoch beat the best just in time


def test_the_formula_shows_the_floor_only_when_it_rounds_down():
    assert lab.size_formula(5, 2, 2, 0) == (2, "⌊(5 − 2 + 0)/2⌋ + 1 = 2")
    assert lab.size_formula(5, 2, 1, 0) == (4, "(5 − 2 + 0)/1 + 1 = 4")


def test_progress_is_kept_per_lesson_and_survives_a_restart(tmp_path):
    path = tmp_path / PROGRESS_FILE
    progress = Progress(path)
    assert progress.of("padding").solved == set()
    assert progress.record("padding", 2, correct=False) and progress.record("padding", 2, correct=True)
    progress.record("pooling", 0, correct=True)
    again = Progress(path)
    assert again.of("padding").solved == {2} and again.of("padding").tries == 2
    assert again.of("pooling").solved == {0}
    assert [p.name for p in tmp_path.iterdir()] == [PROGRESS_FILE]  # no temporary file left behind
    again.forget("padding")
    assert Progress(path).of("padding").solved == set() and Progress(path).of("pooling").solved == {0}


@pytest.mark.parametrize(
    "damaged",
    ["", "{not json", '{"lessons": 5}', '{"lessons": {"x": {"solved": ["a"]}}}', '{"lessons": {"x": {"tries": -1}}}'],
)
def test_a_damaged_progress_file_is_a_fresh_start(tmp_path, damaged):
    path = tmp_path / PROGRESS_FILE
    path.write_text(damaged)
    progress = Progress(path)
    assert progress.lessons == {}
    assert progress.record("padding", 0, correct=True) and Progress(path).of("padding").solved == {0}


def test_progress_that_cannot_be_saved_does_not_stop_the_learner(tmp_path):
    folder = tmp_path / "taken"
    folder.write_text("a file where the folder should be")
    progress = Progress(folder / PROGRESS_FILE)
    assert progress.record("padding", 0, correct=True) is False
    assert progress.of("padding").solved == {0}


def test_early_stopping_questions_state_the_tie_rule_and_often_have_a_tie():
    ties = 0
    for seed in range(200):
        exercise = make_exercise("overfitting-and-augmentation", 0, random.Random(seed))
        assert "a tie does not" in str(exercise.question)
        scores = [int(s) for s in exercise.question.values["scores"].split(", ")]
        best = max(scores[: exercise.answer])
        ties += scores[: exercise.answer].count(best) > 1
        assert exercise.answer != len(scores)
    assert ties > 50


def test_no_exercise_text_says_one_channels_or_grey_zeros_without_padding():
    for lesson in exercises.LESSON_EXERCISES:
        for slot in range(exercise_count(lesson)):
            for seed in range(60):
                exercise = make_exercise(lesson, slot, random.Random(seed))
                for text in (exercise.question, exercise.hint, exercise.solution):
                    rendered = str(text)
                    assert not re.search(r"\b1 channels\b|\b1 filters\b|\b1 maps\b", rendered), rendered
                    if "grey zeros" in rendered:
                        assert text.values.get("padding", 0) > 0, rendered


def test_the_first_lessons_exercises_ask_only_what_it_teaches():
    """Lesson 1 teaches the three ideas, shared weights and the growing patch; no formula of lessons 2, 3 or 6."""
    later = {m.EX_CONV_SIZE, m.EX_OUTPUT_NUMBERS, m.EX_CONV_PARAMS, m.EX_CELL_CONV, m.EX_DENSE_PARAMS}
    english = content.lessons("en")[0].markdown
    assert "Local connectivity" in english and "Shared filters" in english and "5×5 patch" in english
    for slot in range(exercise_count("what-is-a-cnn")):
        for seed in SEEDS:
            assert make_exercise("what-is-a-cnn", slot, random.Random(seed)).question.template not in later


def test_a_solve_after_a_hint_or_the_worked_answer_counts_with_help(tmp_path):
    from playground.lessons.progress import FIRST_TRY, NOT_TRIED, TRIED, WITH_HELP

    progress = Progress(tmp_path / PROGRESS_FILE)
    progress.record("padding", 0, correct=True)  # right at once
    progress.record("padding", 1, correct=False)
    progress.record("padding", 1, correct=True, helped=True)  # right after a hint
    progress.reveal("padding", 2)  # the worked answer read first, then fresh numbers solved
    progress.record("padding", 2, correct=True)
    progress.reveal("padding", 0)  # reading it after solving changes nothing
    progress.record("padding", 3, correct=False)
    lesson = Progress(tmp_path / PROGRESS_FILE).of("padding")
    assert [lesson.status(slot) for slot in range(5)] == [FIRST_TRY, WITH_HELP, WITH_HELP, TRIED, NOT_TRIED]


def test_a_version_1_progress_file_reads_as_solved_with_help(tmp_path):
    path = tmp_path / PROGRESS_FILE
    path.write_text('{"version": 1, "lessons": {"padding": {"solved": [0, 2], "tries": 5}}}')
    lesson = Progress(path).of("padding")
    assert lesson.solved == {0, 2} and lesson.first_try == set() and lesson.tries == 5
