"""A project keeps its work (issue 15): saving keeps the trained model and the runs beside the file,
reopening brings back the run list with its curves, Continue training and the model for Predict;
closing with an unsaved trained model asks; the command line's training opens trained in the window;
a bundle moved to another folder opens, trains and predicts there."""

import shutil
import zipfile

import pytest
from PySide6.QtWidgets import QMessageBox
from unit.helpers import write_class_folder

from playground.cli import main
from playground.gui.window.main_window import MainWindow
from playground.spec.layers import Conv2d, Dense, Flatten, MaxPool2d
from playground.spec.project import Project, load_project, save_project
from playground.spec.saved_runs import read_saved_runs, runs_folder
from playground.spec.settings import DataSettings, TrainingSettings

Button = QMessageBox.StandardButton


def tiny(source: str = "builtin:digits", **training) -> Project:
    return Project(
        name="tiny",
        data=DataSettings(source=source, image_size=(12, 12), channels=1, val_fraction=0.25),
        layers=(Conv2d(filters=4, kernel=(3, 3), activation="relu"), MaxPool2d(), Flatten(), Dense(units="auto")),
        training=TrainingSettings(**{"epochs": 2, "batch_size": 32, "device": "cpu", **training}),
    )


def _close_quietly(window) -> None:
    window.train_page.stop_and_wait(30_000)
    window.document.undo_stack.setClean()


def _window(qtbot, project=None) -> MainWindow:
    window = MainWindow(project)
    qtbot.addWidget(window, before_close_func=_close_quietly)
    window.show()
    window.show_page(window.pages.indexOf(window.train_page))
    qtbot.waitExposed(window)
    return window


def _train(page, qtbot, **kwargs) -> None:
    with qtbot.waitSignal(page.training.stopped, timeout=120_000):
        assert page.start(**kwargs)


def _open(window, qtbot, path) -> None:
    with qtbot.waitSignal(window.work.restored, timeout=60_000):
        assert window.open_project(path)


def test_a_saved_project_reopens_with_its_model_runs_and_continue_training(qtbot, tmp_path):
    window = _window(qtbot, tiny())
    _train(window.train_page, qtbot)
    assert window.document.is_modified and window.work.has_unsaved_model  # a trained model is unsaved work
    assert window.save_as(tmp_path / "p.json")
    assert not window.document.is_modified
    saved = read_saved_runs(tmp_path / "p.json")
    assert saved.model_run == 1 and [r["epoch"] for r in saved.runs[0].history] == [1, 2]
    assert (runs_folder(tmp_path / "p.json") / "run-1" / "best.pt").is_file()
    window.close()

    reopened = _window(qtbot)
    _open(reopened, qtbot, tmp_path / "p.json")
    page = reopened.train_page
    assert page.run_list.count() == 1 and "2 epochs" in page.run_list.item(0).text()
    assert page.plots.point_count("acc", "val") == 2  # the curves are back
    assert page.checkpoint is not None and page.checkpoint.epoch == 2
    assert reopened.predict_page.has_model and reopened.predict_page.checkpoint is page.checkpoint
    assert not reopened.document.is_modified  # opening is not a change
    kept = (runs_folder(tmp_path / "p.json") / "run-1" / "last.pt").read_bytes()
    assert page.continue_button.isEnabled()
    _train(page, qtbot, continue_run=True)  # epochs 3-4 of the same run
    assert [r["epoch"] for r in page.run.history] == [1, 2, 3, 4] and len(page.runs) == 1
    # Training writes in the app's own run folders: the project's folder changes only on Save.
    assert (runs_folder(tmp_path / "p.json") / "run-1" / "last.pt").read_bytes() == kept
    assert reopened.document.is_modified
    assert reopened.save()
    assert [r["epoch"] for r in read_saved_runs(tmp_path / "p.json").runs[0].history] == [1, 2, 3, 4]


def test_closing_new_and_open_with_an_unsaved_trained_model_ask_first(qtbot, tmp_path, dialogs):
    window = _window(qtbot, tiny())
    _train(window.train_page, qtbot)
    asked = dialogs("question", Button.Cancel)
    assert not window.close() and window.isVisible()
    assert "trained model that is not saved" in asked[0]
    window.new_project()
    assert len(asked) == 2 and window.train_page.checkpoint is not None  # cancelled: all as it was
    dialogs("question", Button.Discard)
    window.new_project()
    assert window.train_page.checkpoint is None and window.train_page.run_list.count() == 0
    assert not window.predict_page.has_model


def test_a_project_trained_on_the_command_line_opens_trained(qtbot, tmp_path, capsys):
    save_project(tiny(epochs=1), tmp_path / "cli.json")
    assert main(["train", str(tmp_path / "cli.json"), "--out", str(tmp_path / "out")]) == 0
    assert "the model is now the project's: run 1" in capsys.readouterr().out
    window = _window(qtbot)
    _open(window, qtbot, tmp_path / "cli.json")
    assert window.train_page.run_list.count() == 1 and window.predict_page.has_model
    assert window.train_page.continue_button.isEnabled()


@pytest.fixture
def bundle_elsewhere(tmp_path):
    """A project of photos trained from the command line and bundled; the original folder then
    moved away, and the bundle put in another folder: nothing there can reach the original."""
    made = tmp_path / "made"
    write_class_folder(made / "photos", {"red": 12, "green": 12})
    save_project(tiny(source="photos", epochs=1, batch_size=8), made / "p.json")
    assert main(["train", str(made / "p.json"), "--out", str(made / "out")]) == 0
    assert main(["bundle", str(made / "p.json"), str(made / "p.cnnpg")]) == 0
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.move(made / "p.cnnpg", other / "p.cnnpg")
    shutil.move(made, tmp_path / "gone")
    return other / "p.cnnpg"


def test_a_bundle_moved_elsewhere_opens_trains_and_predicts_in_the_window(qtbot, bundle_elsewhere):
    window = _window(qtbot)
    with qtbot.waitSignal(window.work.restored, timeout=60_000):
        assert window.open_project(bundle_elsewhere)
    unpacked = bundle_elsewhere.parent / "p"
    assert window.document.path == unpacked / "project.json"
    assert window.predict_page.has_model and window.train_page.run_list.count() == 1
    predict = window.predict_page
    with qtbot.waitSignal(predict.classified, timeout=60_000):
        predict.add_images([unpacked / "project_images" / "red" / "red_0.png"])
    qtbot.waitUntil(lambda: len(predict.results) == 1, timeout=30_000)
    assert not predict.results[0].error
    _train(window.train_page, qtbot)  # a new run on the unpacked images
    assert window.train_page.run.outcome == "completed" and window.train_page.run_list.count() == 2


def test_classes_made_before_the_first_save_move_in_with_the_project(qtbot, tmp_path):
    window = _window(qtbot, tiny())
    made = window.data_page.new_dataset()  # no project file yet: in the app's data folder
    photos = write_class_folder(tmp_path / "mine", {"a": 3, "b": 3})
    for name, files in (("Class 1", sorted((photos / "a").iterdir())), ("Class 2", sorted((photos / "b").iterdir()))):
        assert window.data_page.add_images(name, [str(f) for f in files]) == 3
    assert not made.is_relative_to(tmp_path / "saved")
    assert window.save_as(tmp_path / "saved" / "p.json")
    assert window.document.project.data.source == "p_images" and not window.document.is_modified
    kept = tmp_path / "saved" / "p_images"
    assert sorted(p.name for p in (kept / "Class 1").iterdir()) == ["a_0.png", "a_1.png", "a_2.png"]
    assert made.is_dir()  # the app's own copy stays until the app's folder is cleaned; nothing is moved away
    assert load_project(tmp_path / "saved" / "p.json").data.source == "p_images"


def test_file_export_project_bundle_saves_first_and_writes_one_file(qtbot, tmp_path):
    window = _window(qtbot, tiny(epochs=1))
    _train(window.train_page, qtbot)
    window.document.reset(window.document.project, tmp_path / "p.json", modified=True)  # as if saved as p.json
    with qtbot.waitSignal(window.work.bundle_written, timeout=60_000):
        assert window.export_bundle(tmp_path / "p.cnnpg")  # saves the project (and its model) first
    assert not window.document.is_modified and read_saved_runs(tmp_path / "p.json").model_run == 1
    with zipfile.ZipFile(tmp_path / "p.cnnpg") as archive:
        names = set(archive.namelist())
    assert {"manifest.json", "project.json", "project_runs/runs.json", "project_runs/run-1/best.pt"} <= names


def test_a_hostile_bundle_opened_in_the_window_is_one_message(qtbot, tmp_path, dialogs):
    with zipfile.ZipFile(tmp_path / "evil.cnnpg", "w") as archive:
        archive.writestr("../outside.txt", "x")
    window = _window(qtbot, tiny())
    warned = dialogs("warning")
    assert window.open_project(tmp_path / "evil.cnnpg")
    qtbot.waitUntil(lambda: len(warned) == 1, timeout=30_000)
    assert "a name that would place a file outside its folder" in warned[0]
    assert not (tmp_path / "outside.txt").exists() and not (tmp_path / "evil").exists()
    assert window.document.project.name == "tiny"  # the open project stays
