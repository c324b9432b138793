"""Training from the window: a child process, its live events and plots, pause/stop/continue,
failures (NaN, out of memory, a killed process), closing."""

import os
import signal
import sys
import textwrap
import time

import pytest
import torch
from PySide6.QtWidgets import QMessageBox

from playground.gui.app import translation
from playground.gui.background.training_process import TrainingProcess
from playground.gui.window.main_window import MainWindow
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.training.events import BatchFinished
from playground.spec.layers import Conv2d, Dense, Flatten, MaxPool2d
from playground.spec.project import Project
from playground.spec.settings import DataSettings, TrainingSettings

Button = QMessageBox.StandardButton


def tiny(**training) -> Project:
    return Project(
        name="tiny",
        data=DataSettings(source="builtin:digits", image_size=(12, 12), channels=1, val_fraction=0.25),
        layers=(Conv2d(filters=4, kernel=(3, 3), activation="relu"), MaxPool2d(), Flatten(), Dense(units="auto")),
        training=TrainingSettings(**{"epochs": 2, "batch_size": 32, "device": "cpu", **training}),
    )


def _close_quietly(window) -> None:
    window.train_page.stop_and_wait(30_000)
    window.document.undo_stack.setClean()


@pytest.fixture
def page(qtbot):
    window = MainWindow(tiny())
    qtbot.addWidget(window, before_close_func=_close_quietly)
    window.show()
    window.show_page(window.pages.indexOf(window.train_page))
    qtbot.waitExposed(window)
    return window.train_page


def _train(page, qtbot, **kwargs):
    with qtbot.waitSignal(page.training.stopped, timeout=120_000):
        assert page.start(**kwargs)
    # As soon as `stopped` has arrived the page is ready again, with the run's model.
    assert page.start_button.isEnabled() and not page.stop_button.isEnabled() and not page.is_training


def _started(page, qtbot):
    """Start and wait for the first batch event from the child."""
    batches = []
    page.training.batch_finished.connect(batches.append)
    assert page.start()
    qtbot.waitUntil(lambda: len(batches) > 0, timeout=60_000)
    return batches


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def inject_into_child(monkeypatch, tmp_path, code: str) -> None:
    """Run `code` in every training child this test starts (a sitecustomize on its PYTHONPATH):
    the faults that in-process tests make with monkeypatch, made inside the child."""
    folder = tmp_path / "inject"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(textwrap.dedent(code))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])))


FAIL_IN_BATCH_50 = """
    from playground.ml.training import engine
    from playground.ml.network.transfer import build_network

    def failing_build(*args, **kwargs):
        model = build_network(*args, **kwargs)
        calls = {{"n": 0}}

        def hook(module, inputs, output):
            if module.training:
                calls["n"] += 1
                if calls["n"] == 50:  # 43 batches an epoch: in epoch 2
                    {failure}
            return output

        model[-1].register_forward_hook(hook)
        return model

    engine.build_network = failing_build
"""


def test_training_runs_in_a_child_process_and_the_plots_gain_points(page, qtbot):
    epochs, models, pids = [], [], []
    page.training.epoch_finished.connect(epochs.append)
    page.training.started.connect(lambda _: pids.append(page.training.pid))
    page.model_changed.connect(models.append)
    _train(page, qtbot)
    assert pids and pids[0] != os.getpid() and not _alive(pids[0])  # a child, and it has ended
    assert [e.epoch for e in epochs] == [1, 2]
    plots = page.plots
    qtbot.waitUntil(lambda: plots.drawn_count("acc", "val") == 2)
    assert plots.point_count("loss", "train") == 2 and plots.point_count("loss", "batch") >= 2
    assert "Best validation accuracy" in page.status.text() and page.progress.value() == 1000
    assert "Epoch 2/2: training loss" in page.log.toPlainText()
    assert models and models[-1] is page.checkpoint and page.checkpoint.class_names == tuple("0123456789")
    assert page.checkpoint.epoch == 2 and page.run.outcome == "completed" and page.run_list.count() == 1


def test_stop_ends_the_child_within_seconds_and_keeps_the_last_epoch(page, qtbot):
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=500, batch_size=4)), "long")
    epochs = []
    page.training.epoch_finished.connect(epochs.append)
    _started(page, qtbot)
    qtbot.waitUntil(lambda: len(epochs) >= 1, timeout=60_000)
    pid = page.training.pid
    asked = time.perf_counter()
    with qtbot.waitSignal(page.training.stopped, timeout=10_000):
        page.stop_button.click()
    assert time.perf_counter() - asked < 5.0
    assert page.run.outcome == "stopped" and not _alive(pid)
    assert page.checkpoint is not None and page.checkpoint.epoch >= 1  # the last good epoch's weights
    assert page.start_button.isEnabled() and not page.stop_button.isEnabled()


def test_pause_holds_and_resume_continues(page, qtbot):
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=3, batch_size=8)), "slow")
    batches = _started(page, qtbot)
    page.pause_button.click()
    assert page.pause_button.text() == "Resume"
    qtbot.wait(500)  # let a batch in flight finish and its event arrive
    held = len(batches)
    qtbot.wait(700)
    assert len(batches) == held and page.is_training
    page.pause_button.click()
    qtbot.waitUntil(lambda: len(batches) > held, timeout=30_000)
    assert page.stop_and_wait(30_000)


def test_continue_training_resumes_the_same_curve(page, qtbot):
    _train(page, qtbot)  # epochs 1-2
    assert page.continue_button.isEnabled()
    _train(page, qtbot, continue_run=True)  # epochs 3-4, the same run
    resumed = [(r["epoch"], r["train_loss"], r["val_acc"]) for r in page.run.history]
    assert [r[0] for r in resumed] == [1, 2, 3, 4] and len(page.runs) == 1
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=4, batch_size=32)), "4")
    _train(page, qtbot)  # a new run: 4 epochs straight
    straight = [(r["epoch"], r["train_loss"], r["val_acc"]) for r in page.run.history]
    assert resumed == straight
    assert page.plots.point_count("loss", "train") == 4


def test_a_killed_child_leaves_the_window_up_keeps_the_checkpoint_and_trains_again(page, qtbot, dialogs):
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=500, batch_size=4)), "long")
    epochs = []
    page.training.epoch_finished.connect(epochs.append)
    _started(page, qtbot)
    qtbot.waitUntil(lambda: len(epochs) >= 1, timeout=60_000)
    warned = dialogs("warning")
    with qtbot.waitSignal(page.training.stopped, timeout=30_000):
        os.kill(page.training.pid, signal.SIGKILL if sys.platform != "win32" else signal.SIGTERM)  # mid-epoch
    assert "ended unexpectedly" in warned[0] and "epochs it finished are kept" in warned[0]
    assert page.run.outcome == "failed" and page.checkpoint is not None and page.checkpoint.epoch >= 1
    assert page.window().isVisible() and page.start_button.isEnabled()
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=1, batch_size=32)), "one")
    _train(page, qtbot)
    assert page.run.outcome == "completed"


def test_a_dead_child_is_reported_in_korean(page, qtbot, dialogs):
    assert translation.install_translators("ko")
    try:
        warned = dialogs("warning")
        page.document.change(page.document.project.replace(training=TrainingSettings(epochs=500)), "long")
        _started(page, qtbot)
        with qtbot.waitSignal(page.training.stopped, timeout=30_000):
            page.training.kill()
        assert warned and "훈련" in warned[0] and not any(word in warned[0] for word in ("training", "process"))
    finally:
        translation.install_translators("en")


def test_no_training_process_outlives_its_client(qtbot, tmp_path):
    client = TrainingProcess()
    client.start(tiny(epochs=500, batch_size=4), base_dir=None, out_dir=tmp_path / "run")
    qtbot.waitUntil(lambda: client.pid > 0, timeout=10_000)
    pid = client.pid
    TrainingProcess.stop_all(30_000)
    assert not client.running and not _alive(pid)


def monkeypatch_question(function):
    """QMessageBox.question for one test (the autouse fixture restores it afterwards)."""
    QMessageBox.question = staticmethod(function)


def test_a_nan_loss_shows_a_message_and_keeps_the_last_good_weights(page, qtbot, monkeypatch, tmp_path, dialogs):
    inject_into_child(monkeypatch, tmp_path, FAIL_IN_BATCH_50.format(failure="return output * float('nan')"))
    warned = dialogs("warning")
    _train(page, qtbot)
    assert "NaN" in warned[0] and "lower learning rate" in warned[0]
    assert page.run.outcome == "NaN loss" and page.checkpoint is not None and page.checkpoint.epoch == 1
    epoch_one = load_checkpoint(page.run.out_dir / "last.pt")
    assert all(torch.isfinite(t).all() for t in page.checkpoint.weights.values())
    assert all(torch.equal(page.checkpoint.model_state[k], epoch_one.model_state[k]) for k in epoch_one.model_state)


OUT_OF_MEMORY_ONCE = FAIL_IN_BATCH_50.format(
    failure="raise torch.OutOfMemoryError('CUDA out of memory. Tried to allocate 2.00 GiB')"
).replace("from playground.ml.training import engine", "import torch\n    from playground.ml.training import engine")


def test_out_of_memory_offers_a_smaller_batch_and_keeps_the_weights(page, qtbot, monkeypatch, tmp_path, dialogs):
    inject_into_child(monkeypatch, tmp_path, OUT_OF_MEMORY_ONCE)
    asked = dialogs("question", Button.No)
    _train(page, qtbot)
    assert "out of memory" in asked[0] and "Try again with batch size 16?" in asked[0]
    assert page.run.outcome == "out of memory" and page.checkpoint.epoch == 1
    assert page.document.project.training.batch_size == 32  # declined: nothing changed


def test_retrying_after_out_of_memory_keeps_the_finished_epochs(page, qtbot, monkeypatch, tmp_path):
    inject_into_child(monkeypatch, tmp_path, OUT_OF_MEMORY_ONCE)
    asked = []

    def slow_yes(parent, title, text, *args, **kwargs):  # a user who reads the message first
        asked.append(text)
        monkeypatch.delenv("PYTHONPATH")  # the retry's child runs without the fault
        qtbot.wait(2000)  # the dialog's own event loop runs meanwhile
        return Button.Yes

    monkeypatch_question(slow_yes)
    page.start()
    qtbot.waitUntil(lambda: len(asked) == 1 and page.is_training, timeout=120_000)  # retried at once
    qtbot.waitUntil(lambda: page.run.outcome == "completed" and not page.is_training, timeout=120_000)
    assert page.document.project.training.batch_size == 16
    assert [r["epoch"] for r in page.run.history] == [1, 2]  # epoch 1 kept, then the planned rest
    assert len(page.runs) == 1 and len(asked) == 1
    qtbot.wait(1000)
    assert not page.is_training  # nothing started later by itself


def test_a_new_project_gets_no_model_from_the_training_it_stopped(page, qtbot, dialogs):
    window = page.window()
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=500, batch_size=4)), "long")
    epochs = []
    page.training.epoch_finished.connect(epochs.append)
    _started(page, qtbot)
    qtbot.waitUntil(lambda: len(epochs) >= 1, timeout=60_000)
    dialogs("question", Button.Yes)
    window.document.undo_stack.setClean()
    window.new_project()
    qtbot.wait(2000)  # time for a late checkpoint read to arrive, were it still wanted
    assert page.checkpoint is None and window.predict_page.checkpoint is None and not page.runs


def test_a_playground_module_where_the_window_started_is_not_what_trains(page, qtbot, monkeypatch, tmp_path):
    (tmp_path / "playground.py").write_text("raise SystemExit(0)\n")  # would take over `python -m playground`
    monkeypatch.chdir(tmp_path)
    _train(page, qtbot)
    assert page.run.outcome == "completed"


def test_a_batch_loss_that_is_not_a_number_is_not_drawn(page):
    page.ensure_plots()
    page._on_batch(
        BatchFinished(epoch=1, batch=1, batches=10, loss=None, accuracy=None, images_per_second=100.0)
    )  # how a NaN crosses the protocol
    assert page.plots.point_count("loss", "batch") == 0


def test_an_invalid_network_is_a_message_not_a_run(page, dialogs):
    project = page.document.project
    page.document.change(project.replace(layers=(Conv2d(kernel=(20, 20)), *project.layers[1:])), "break")
    warned = dialogs("warning")
    assert not page.start()
    assert "smaller than the kernel 20x20" in warned[0] and not page.is_training


def test_closing_mid_training_asks_then_ends_the_child(qtbot, dialogs):
    window = MainWindow(tiny(epochs=500, batch_size=4))
    qtbot.addWidget(window)
    window.show()
    page = window.train_page
    _started(page, qtbot)
    pid = page.training.pid
    asked = dialogs("question", Button.Yes)
    window.document.undo_stack.setClean()
    assert window.close()
    assert "Stop the training and close?" in asked[0]
    assert not page.is_training and not _alive(pid)  # no process left behind


def test_two_runs_can_be_overlaid(page, qtbot):
    _train(page, qtbot)
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=2, batch_size=16)), "b16")
    _train(page, qtbot)
    assert page.run_list.count() == 2 and "batch 16" in page.run_list.item(0).text()
    page.set_overlaid({1, 2})
    assert len(page.plots.overlay_items) == 2 * 2 * 2  # two runs × two plots × (training, validation)


def test_checkpoints_save_and_load_and_a_broken_one_is_refused(page, qtbot, tmp_path, dialogs):
    _train(page, qtbot)
    saved = page.save_checkpoint(tmp_path / "mine.pt")
    assert load_checkpoint(saved).epoch == 2
    assert page.load_checkpoint(saved)  # read on a background task
    qtbot.waitUntil(lambda: "Loaded" in page.log.toPlainText())
    (tmp_path / "broken.pt").write_bytes(saved.read_bytes()[:1000])
    warned = dialogs("warning")
    page.load_checkpoint(tmp_path / "broken.pt")
    qtbot.waitUntil(lambda: len(warned) == 1)
    assert "is not a valid checkpoint" in warned[0] and page.checkpoint.epoch == 2  # the model before stays


def test_cancelling_the_close_leaves_the_training_running(qtbot, dialogs):
    window = MainWindow(tiny(epochs=500, batch_size=4))
    qtbot.addWidget(window, before_close_func=_close_quietly)
    window.show()
    page = window.train_page
    _started(page, qtbot)
    window.model_page.insert_block("dropout", 3)  # an unsaved change: the close asks twice
    answers = iter([Button.Yes, Button.Cancel])  # yes, stop it ... no, wait, cancel the close
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return next(answers)

    monkeypatch_question(question)
    assert not window.close()
    assert len(asked) == 2 and page.is_training and window.isVisible()


def test_opening_another_project_while_training_asks_first(page, qtbot, dialogs, tmp_path):
    window = page.window()
    page.document.change(page.document.project.replace(training=TrainingSettings(epochs=500, batch_size=4)), "long")
    _started(page, qtbot)
    asked = dialogs("question", Button.No)
    window.new_project()
    assert "Stop the training and start a new project?" in asked[0]
    assert page.is_training and window.document.project.name == "tiny"


def test_a_child_of_another_protocol_version_is_refused_in_the_windows_language(qtbot, tmp_path, monkeypatch):
    """An app updated while the window was open starts a child that speaks another protocol: the
    window ends it and says why, in Korean on a Korean screen, instead of misreading its records."""
    from playground.gui.background import training_process
    from playground.ml.training import protocol

    fake_child = f"import time; print('{{\"protocol\": {protocol.VERSION + 1}}}', flush=True); time.sleep(60)"
    monkeypatch.setattr(training_process, "training_command", lambda *args, **kwargs: ["-c", fake_child])
    assert translation.install_translators("ko")
    try:
        client = TrainingProcess()
        said = []
        client.crashed.connect(said.append)
        with qtbot.waitSignal(client.stopped, timeout=30_000):
            client.start(tiny(), base_dir=None, out_dir=tmp_path / "run")
        assert said and "프로토콜" in said[0] and str(protocol.VERSION + 1) in said[0]
        assert not client.running
    finally:
        translation.install_translators("en")
