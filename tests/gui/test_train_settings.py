"""The Train page's settings form (made from TrainingSettings' readers) and its run list's words."""

import re
from pathlib import Path

import pytest

from playground.gui.app import translation
from playground.gui.pages.train.runs import RunRecord
from playground.spec.settings import TrainingSettings


@pytest.fixture
def page(window):
    window.show_page(window.pages.indexOf(window.train_page))
    return window.train_page


def test_the_form_has_the_readers_bounds_and_choices(page):
    form = page.settings_form
    for key, reader in TrainingSettings.readers.items():
        if key == "device":
            continue
        widget, facts = form.widgets[key], reader.facts
        if reader.kind == "integer":
            assert (widget.minimum(), widget.maximum()) == (facts["minimum"], min(facts["maximum"], 2**31 - 1)), key
        elif reader.kind == "choice":
            assert [widget.itemData(i) for i in range(widget.count())] == list(facts["options"]), key
        elif reader.kind == "number" and facts["below"] is not None:
            assert widget.maximum() < facts["below"], key  # momentum 1.0 cannot be typed


def test_optimizer_and_schedule_settings_show_only_where_they_apply(page):
    form, document = page.settings_form, page.document
    assert not form.is_shown("momentum") and not form.is_shown("step_size") and not form.is_shown("gamma")
    form.widgets["optimizer"].setCurrentIndex(form.widgets["optimizer"].findData("momentum"))
    form.widgets["optimizer"].activated.emit(form.widgets["optimizer"].currentIndex())
    assert document.project.training.optimizer == "momentum" and form.is_shown("momentum")
    form.widgets["momentum"].setValue(0.5)
    assert document.project.training.momentum == 0.5
    schedule = form.widgets["lr_schedule"]
    schedule.setCurrentIndex(schedule.findData("step"))
    schedule.activated.emit(schedule.currentIndex())
    assert form.is_shown("step_size") and form.is_shown("gamma")
    form.widgets["gamma"].setValue(0.5)
    form.widgets["step_size"].setValue(3)
    training = document.project.training
    assert (training.lr_schedule, training.gamma, training.step_size) == ("step", 0.5, 3)
    document.undo_stack.undo()  # one undo step per edit, as everywhere
    assert document.project.training.step_size == 10


def test_mixed_precision_is_offered_only_with_a_cuda_gpu(page):
    assert not page.settings_form.is_shown("mixed_precision")  # this machine: CPU only
    page.set_devices([("cpu", "CPU"), ("cuda:0", "GPU A"), ("cuda:1", "GPU B")])
    assert page.settings_form.is_shown("mixed_precision")
    choices = [page.device.itemText(i) for i in range(page.device.count())]
    assert "All 2 GPUs (one process each)" in choices


def _run(page, outcome: str) -> RunRecord:
    run = RunRecord(1, page.document.project, Path("/nowhere"), outcome=outcome)
    run.history = [{"epoch": 1, "train_loss": 1.0, "train_acc": 0.5, "val_loss": 1.1, "val_acc": 0.42}]
    return run


def test_the_run_list_reads_korean(page):
    assert translation.install_translators("ko")
    try:
        for outcome in ("running", "completed", "stopped", "early_stopping", "NaN loss", "out of memory", "failed"):
            text = page.describe_run(_run(page, outcome))
            english = [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ("Adam", "AdamW", "SGD", "NaN")]
            assert not english and "42.0%" in text and "실행 1" in text, text
    finally:
        translation.install_translators("en")
    assert page.describe_run(_run(page, "completed")).startswith("Run 1 · ")
