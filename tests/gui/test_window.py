"""The main window: files, the unsaved-changes prompt, settings, autosave, start-up."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from playground.gui.app.config import recent_files
from playground.gui.project import autosave
from playground.gui.window.main_window import MainWindow
from playground.spec.project import load_project

Button = QMessageBox.StandardButton


def _edit(window):
    window.model_page.insert_block("dropout", 5)
    assert window.document.is_modified


def test_save_then_open_round_trips(window, tmp_path, qtbot):
    _edit(window)
    assert window.save_as(tmp_path / "mine.json")
    assert not window.isWindowModified() and window.state_label.text() == "Saved"
    assert load_project(tmp_path / "mine.json") == window.document.project
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.open_project(tmp_path / "mine.json")
    assert other.document.project == window.document.project
    assert other.document.path == tmp_path / "mine.json"
    assert recent_files() == [tmp_path / "mine.json"]


def test_closing_with_unsaved_changes_asks_first(window, dialogs):
    _edit(window)
    asked = dialogs("question", Button.Cancel)
    window.close()
    assert window.isVisible() and "Save the changes" in asked[0]
    dialogs("question", Button.Discard)
    window.close()
    assert not window.isVisible()


def test_new_and_open_ask_too_and_cancel_keeps_everything(window, dialogs, tmp_path):
    _edit(window)
    before = window.document.project
    asked = dialogs("question", Button.Cancel)
    window.new_project()
    assert not window.open_project(tmp_path / "whatever.json")
    assert len(asked) == 2 and window.document.project == before and window.document.is_modified


def test_save_from_the_prompt_writes_the_file(window, dialogs, tmp_path):
    window.save_as(tmp_path / "p.json")
    _edit(window)
    dialogs("question", Button.Save)
    window.new_project()
    assert load_project(tmp_path / "p.json").layers[5].type == "dropout"
    assert window.document.project.name == "Untitled" and window.document.path is None


def test_a_broken_project_file_is_reported_and_nothing_is_lost(window, dialogs, tmp_path):
    (tmp_path / "bad.json").write_text('{"format": "cnn-playground/1", "model": {"layers": [{"type": "conv3d"}]}}')
    before = window.document.project
    warned = dialogs("warning")
    assert not window.open_project(tmp_path / "bad.json")
    assert "model.layers[0].type: unknown layer type 'conv3d'" in warned[0]
    assert window.document.project == before


def test_geometry_and_page_persist(qtbot, window):
    # A size inside the screen: a restored window larger than the screen is made to fit it.
    screen = window.screen().availableGeometry()
    size = (screen.width() - 40, screen.height() - 30)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    window.show_page(2)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == size and again.pages.currentIndex() == 2


def test_an_autosave_is_written_after_a_change_and_removed_on_a_clean_exit(window, qtbot):
    _edit(window)
    assert window.autosave_timer.isActive()
    window.write_autosave()
    saved = json.loads(autosave.own_file().read_text())
    assert saved["project"]["model"]["layers"][5]["type"] == "dropout"
    window.save_as(autosave.own_file().parent.parent / "saved.json")
    assert not autosave.own_file().exists()


def _crashed_session(folder, pid, name, saved_at, lenet):
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"saved_at": saved_at, "path": None, "project": lenet.replace(name=name).to_dict()}
    (folder / f"{pid}.json").write_text(json.dumps(payload))
    return folder / f"{pid}.json"


def test_a_crashed_session_is_offered_for_recovery(qtbot, dialogs, lenet, isolated_settings):
    dead_pid = 2**22 + 12345  # above pid_max: no such process
    file = _crashed_session(isolated_settings / "autosave", dead_pid, "Lost work", "2026-11-27T10:15:00", lenet)
    asked = dialogs("question", Button.Yes)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert window.offer_recovery()
    assert "Lost work" in asked[0] and "2026-11-27 10:15" in asked[0]
    assert window.document.project.name == "Lost work" and window.document.is_modified
    assert not file.exists()


def test_declining_one_recovery_offers_the_next_and_keeps_the_rest(qtbot, dialogs, lenet, isolated_settings):
    folder = isolated_settings / "autosave"
    older = _crashed_session(folder, 2**22 + 1, "Older", "2026-11-26T09:00:00", lenet)
    newer = _crashed_session(folder, 2**22 + 2, "Newer", "2026-11-27T09:00:00", lenet)
    asked = dialogs("question", Button.No)
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.offer_recovery()
    assert ["Newer" in asked[0], "Older" in asked[1]] == [True, True]
    assert not newer.exists() and not older.exists()  # both were offered and declined
    kept = _crashed_session(folder, 2**22 + 3, "Kept", "2026-11-25T09:00:00", lenet)
    _crashed_session(folder, 2**22 + 4, "Taken", "2026-11-27T12:00:00", lenet)
    dialogs("question", Button.Yes)
    assert window.offer_recovery() and window.document.project.name == "Taken"
    assert kept.exists()  # not offered yet: it waits for the next start
    window.document.undo_stack.setClean()


def test_the_status_bar_names_the_project_and_the_device(window, qtbot):
    assert "LeNet-5 on digits" in window.name_label.text()
    assert window.device_label.text() == "Device: loading PyTorch…"
    window.start_background_work()
    qtbot.waitUntil(lambda: "loading" not in window.device_label.text(), timeout=60_000)
    import torch

    expected = "CPU" if not torch.cuda.is_available() else torch.cuda.get_device_name(0)
    assert window.device_label.text() == f"Device: {expected}"


def test_every_page_is_reachable_from_the_sidebar_and_the_view_menu(window):
    names = []
    for row, action in enumerate(window.page_actions):
        action.trigger()
        assert window.pages.currentIndex() == row and window.sidebar.currentRow() == row
        names.append(window.pages.currentWidget().objectName())
    assert names == ["data_page", "augment_page", "model_page", "train_page", "predict_page", "learn_page"]


def _probe(code: str, config_dir) -> subprocess.CompletedProcess:
    """Run `code` in a fresh Python, offscreen, with its own settings folder."""
    env = {**os.environ, "CNN_PLAYGROUND_CONFIG_DIR": str(config_dir)}
    code = "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';" + code
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def test_the_window_paints_before_torch_is_imported(tmp_path):
    result = _probe(
        "from playground.gui.app.application import make_application;"
        "from playground.gui.window.main_window import MainWindow;"
        "app = make_application(); w = MainWindow(); w.show(); app.processEvents(); w.grab();"
        "print('torch' in sys.modules)",
        tmp_path,
    )
    assert result.stdout.strip() == "False"


def test_the_gui_command_opens_a_project(tmp_path):
    """`cnn-playground gui lenet5-digits` end to end, closed by a timer."""
    result = _probe(
        "from PySide6.QtCore import QTimer; from PySide6.QtWidgets import QApplication;"
        "from playground.gui.window.launch import make_application; from playground.cli import main;"
        "app = make_application();"
        "titles = lambda: [w.windowTitle() for w in QApplication.topLevelWidgets() if w.objectName() == 'main_window'];"
        "QTimer.singleShot(1500, lambda: (print(titles()), app.quit()));"
        "sys.exit(main(['gui', 'lenet5-digits']))",
        tmp_path,
    )
    assert "LeNet-5 on digits[*] — CNN Playground" in result.stdout


@pytest.mark.filterwarnings("ignore:.*found in sys.modules:RuntimeWarning")
def test_every_page_module_can_be_opened_alone(qtbot, monkeypatch):
    """`python -m playground.gui.pages.<page>` shows that page on the default project."""
    import runpy

    from PySide6.QtWidgets import QApplication

    shown = []

    def exec_(self):  # instead of running the event loop: note which page is on screen
        shown.extend(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    for module, page in (
        ("data_page", "DataPage"),
        ("augment_page", "AugmentPage"),
        ("train.page", "TrainPage"),
        ("model.page", "ModelPage"),
        ("predict.page", "PredictPage"),
        ("learn.page", "LearnPage"),
    ):
        shown.clear()
        with pytest.raises(SystemExit) as exit_:
            runpy.run_module(f"playground.gui.pages.{module}", run_name="__main__")
        assert exit_.value.code == 0 and shown == [page], module
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == page:
                widget.close()


def test_the_learning_rate_box_takes_tiny_rates_and_steps_by_factors(window):
    box = window.train_page.learning_rate
    box.setValue(1e-6)
    assert window.document.project.training.learning_rate == 1e-6 and box.text() == "1e-06"
    box.setValue(0.001)
    box.stepBy(1)
    assert window.document.project.training.learning_rate == 0.002
    box.stepBy(-2)
    assert box.text() == "0.0005"


def test_run_folders_of_old_sessions_are_removed(tmp_path):
    import os

    from playground.gui.window.launch import remove_old_runs

    old, recent = tmp_path / "20260101-old", tmp_path / "20261127-recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "last.pt").write_bytes(b"x")
    os.utime(old, (1, 1))
    assert remove_old_runs(tmp_path) == [old]
    assert recent.exists() and not old.exists()


def test_export_training_job_writes_a_folder_to_train_elsewhere(window, tmp_path):
    written = window.export_training_job(tmp_path / "job")
    assert (written / "train.sh").is_file() and (written / "project.json").is_file()
    assert "torch.distributed.run" in (written / "train.sh").read_text()
    assert "train.sh" in window.statusBar().currentMessage()
    assert window.findChild(type(window.menuBar().actions()[0]), "action_export_job") is not None
