"""The camera loop in the window, driven by a video file and an image folder through the same code
path a camera takes (there is no camera here), with a camera's faults played by a fake driver."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from playground.ml.data import camera
from playground.ml.data.camera import CameraInfo
from playground.ml.data.folders import images_under

sys.path.insert(0, str(Path(__file__).parents[1]))
from sample_videos import write_video


@pytest.fixture
def video(tmp_path):
    return write_video(tmp_path / "objects.avi", frames=90)


class FakeDriver:
    """OpenCV's VideoCapture as a camera: opens or not, gives `pictures` frames, then fails."""

    def __init__(self, opens=True, pictures=10_000):
        self.opens, self.pictures, self.given = opens, pictures, 0

    def isOpened(self):
        return self.opens

    def read(self):
        if self.given >= self.pictures:
            return False, None
        self.given += 1
        return True, np.full((120, 160, 3), 90, np.uint8)

    def release(self):
        pass


def fake_camera(driver):
    return partial(camera.open_source, capture_factory=lambda index: driver)


@pytest.fixture
def recording(window, tmp_path, qtbot):
    """The Data page of a saved project with a dataset made here, and its recording window."""
    window.save_as(tmp_path / "class.json")
    page = window.data_page
    window.show_page(window.pages.indexOf(page))
    folder = page.new_dataset()
    dialog = page.record_with_camera()
    qtbot.waitExposed(dialog)
    return page, dialog.panel, folder


def _hold_record(panel, qtbot, frames: int, key: bool = False):
    if key:
        QApplication.sendEvent(panel, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier))
    else:
        panel.record_button.pressed.emit()
    name = panel.class_combo.currentText()
    qtbot.waitUntil(lambda: panel.saved_in(name) >= frames, timeout=20_000)
    if key:
        release = QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(panel, release)
    else:
        panel.record_button.released.emit()


def test_record_two_classes_from_a_video_then_undo_the_last_burst(recording, video, qtbot):
    page, panel, folder = recording
    panel.rate.setValue(10)
    panel.picker.use(video)
    panel.start_camera()
    qtbot.waitUntil(lambda: panel.view.image is not None, timeout=20_000)
    height, width = panel.view.image.shape[:2]
    assert height == width  # cropped to the network's 32×32 input, as the network will see it
    _hold_record(panel, qtbot, 3)
    panel.class_combo.setCurrentIndex(1)
    _hold_record(panel, qtbot, 2, key=True)  # the space bar records too
    assert not panel.recording
    first, second = (panel.class_combo.itemText(i) for i in (0, 1))
    kept_first = len(images_under(folder / first))
    assert kept_first >= 3 and len(images_under(folder / second)) >= 2
    assert f"{second}: " in panel.counter.text()
    assert panel.undo() >= 2
    assert images_under(folder / second) == [] and len(images_under(folder / first)) == kept_first
    panel.stop_camera()
    qtbot.waitUntil(lambda: not panel.feed.running, timeout=10_000)
    # The Data page counts them (the saved frames are ordinary images of the dataset).
    rows = [page.classes.item(i).text() for i in range(page.classes.count())]
    assert rows == [f"{first}   ({kept_first} images)", f"{second}   (0 images)"]


@pytest.mark.parametrize(
    ("driver", "expected"),
    [
        (FakeDriver(opens=False), "could not be opened"),
        (FakeDriver(pictures=0), "sends no picture"),
    ],
    ids=["busy or denied", "no picture"],
)
def test_a_camera_that_cannot_be_used_says_why_and_the_window_stays(recording, qtbot, driver, expected):
    _page, panel, _folder = recording
    panel.start_camera("camera:0", fake_camera(driver))
    qtbot.waitUntil(lambda: expected in panel.status.text(), timeout=20_000)
    assert not panel.feed.running and panel.start_button.isEnabled() and panel.isVisible()


def test_a_camera_unplugged_while_recording_keeps_what_was_saved(recording, qtbot):
    _page, panel, folder = recording
    driver = FakeDriver(pictures=10_000)
    panel.rate.setValue(30)
    panel.start_camera("camera:0", fake_camera(driver))
    panel.record_button.pressed.emit()
    name = panel.class_combo.currentText()
    qtbot.waitUntil(lambda: panel.saved_in(name) >= 2, timeout=20_000)
    driver.pictures = driver.given  # unplugged
    qtbot.waitUntil(lambda: "stopped sending pictures" in panel.status.text(), timeout=20_000)
    assert not panel.recording and len(images_under(folder / name)) == panel.saved_in(name) >= 2


def test_an_unreadable_video_is_one_message(recording, tmp_path, qtbot):
    _page, panel, _folder = recording
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00" * 100)
    panel.picker.use(broken)
    panel.start_camera()
    qtbot.waitUntil(lambda: "could not be read as a video" in panel.status.text(), timeout=20_000)


def test_the_chosen_source_is_remembered(qtbot, video):
    from playground.gui.camera.source_picker import SourcePicker

    cameras = [CameraInfo(0, "Built-in"), CameraInfo(2, "")]
    picker = SourcePicker(cameras=cameras)
    qtbot.addWidget(picker)
    assert [picker.combo.itemText(i) for i in range(2)] == ["Camera 1: Built-in", "Camera 2"]
    picker.combo.setCurrentIndex(1)
    picker.combo.activated.emit(1)
    again = SourcePicker(cameras=cameras)
    qtbot.addWidget(again)
    assert again.source() == "camera:2"
    again.use(video)
    assert SourcePicker(cameras=[]).source() == str(video)  # no camera now: the video it played last


# ------------------------------------------------------------------------- live prediction, corrections


@pytest.fixture
def trained_window(window, tmp_path, qtbot):
    """A saved project with a dataset made here (two classes of a few images) and a model for it
    (random weights: the loop is under test, not the accuracy)."""
    import torch

    from playground.ml.files.checkpoints import Checkpoint
    from playground.ml.network.build import build_model

    window.save_as(tmp_path / "class.json")
    folder = window.data_page.new_dataset()
    for index, name in enumerate(("Class 1", "Class 2")):
        for i in range(3):
            Image.fromarray(np.full((40, 40, 3), 60 + 120 * index + i, np.uint8)).save(folder / name / f"{i}.png")
    from playground.spec.layers import Conv2d, Dense, Flatten, MaxPool2d

    layers = (Conv2d(filters=4, kernel=(3, 3), activation="relu"), MaxPool2d(), Flatten(), Dense(units="auto"))
    project = window.document.project.replace(layers=layers)
    torch.manual_seed(0)
    model = build_model(project.input_shape, project.layers, 2)
    channels = project.data.channels
    checkpoint = Checkpoint(project, ("Class 1", "Class 2"), [0.5] * channels, [0.25] * channels, model.state_dict())
    page = window.predict_page
    page.set_model(checkpoint)
    window.show_page(window.pages.indexOf(page))
    return window, page, folder


def test_live_prediction_of_a_video_freeze_explain_and_correct(trained_window, video, qtbot):
    window, page, folder = trained_window
    dialog = page.open_camera()
    panel = dialog.panel
    panel.picker.use(video)
    assert panel.start()
    qtbot.waitUntil(lambda: panel.prediction is not None and panel.feed.frames_shown >= 3, timeout=30_000)
    assert {name for name, _ in panel.prediction.top} <= {"Class 1", "Class 2"}
    height, width = panel.frame.image.shape[:2]
    assert height == width  # cropped to the 32×32 input, as the recorded samples were
    assert [name for name, _ in panel.bars.values] == [name for name, _ in panel.prediction.top]
    assert "frames/s" in panel.rate_label.text()
    with qtbot.waitSignal(page.classified, timeout=30_000):
        frozen = panel.freeze()
    qtbot.waitUntil(lambda: not panel.feed.running, timeout=10_000)
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text().startswith("Camera frame")
    assert page.result_at(0).path == str(frozen)
    qtbot.waitUntil(lambda: page.explain.cam is not None, timeout=30_000)  # Grad-CAM of the frozen frame
    assert panel.correction.correct("Class 2") == 1
    assert len(list((folder / "Class 2").glob("camera-frame-*.png"))) == 1
    rows = [window.data_page.classes.item(i).text() for i in range(window.data_page.classes.count())]
    assert rows[1].startswith("Class 2") and "(4 images)" in rows[1]


def test_a_table_row_is_corrected_into_a_class_and_a_users_folder_is_asked_first(
    trained_window, tmp_path, qtbot, dialogs
):
    from PySide6.QtWidgets import QMessageBox

    window, page, folder = trained_window
    photo = tmp_path / "dropped.png"
    Image.new("RGB", (30, 30), (200, 10, 10)).save(photo)
    with qtbot.waitSignal(page.classified, timeout=30_000):
        page.add_images([photo])
    page.table.setCurrentCell(0, 1)
    assert page.correct_button.correct("Class 1") == 1
    assert (folder / "Class 1" / "dropped.png").is_file()
    # A folder of the user's own: asked, and "No" leaves it as it was.
    own = tmp_path / "own"
    for name in ("Class 1", "Class 2"):
        (own / name).mkdir(parents=True)
        Image.new("RGB", (8, 8)).save(own / name / "x.png")
    window.data_page.use_folder(own)
    asked = dialogs("question", QMessageBox.StandardButton.No)
    assert page.correct_button.correct("Class 2") == 0
    assert "not one the app made" in asked[0] and sorted(p.name for p in (own / "Class 2").iterdir()) == ["x.png"]
    dialogs("question", QMessageBox.StandardButton.Yes)
    assert page.correct_button.correct("Class 2") == 1 and (own / "Class 2" / "dropped.png").is_file()


def test_live_prediction_when_the_camera_is_unplugged_says_so(trained_window, qtbot):
    _window, page, _folder = trained_window
    panel = page.open_camera().panel
    driver = FakeDriver(pictures=5)
    assert panel.start("camera:0", fake_camera(driver))
    qtbot.waitUntil(lambda: "stopped sending pictures" in panel.status.text(), timeout=30_000)
    assert not panel.feed.running and page.isVisible()


def test_the_run_list_counts_images_added_since_the_last_run(trained_window, qtbot):
    from datetime import datetime, timedelta

    from playground.gui.project.correction import added_since_text

    window, _page, _folder = trained_window
    assert "since the last run started: 6." in added_since_text(window.document, datetime.now() - timedelta(minutes=1))
    assert added_since_text(window.document, datetime.now() + timedelta(minutes=1)) == ""


def test_a_camera_fault_in_korean_is_all_korean(recording, qtbot):
    from playground.gui.app.translation import install_translators

    _page, panel, _folder = recording
    install_translators("ko")
    try:
        panel.start_camera("camera:3", fake_camera(FakeDriver(opens=False)))
        qtbot.waitUntil(lambda: "카메라 3" in panel.status.text(), timeout=20_000)
        text = panel.status.text()
        assert "privacy" not in text and "/dev/video3" in text and "권한" in text
    finally:
        install_translators("en")


def test_the_camera_windows_read_korean(trained_window, video, qtbot):
    from playground.gui.app.translation import install_translators

    from .test_korean import _texts, _untranslated

    window, page, _folder = trained_window
    install_translators("ko")
    try:
        recording = window.data_page.record_with_camera()
        recording.panel.picker.use(video)
        recording.panel.start_camera()
        qtbot.waitUntil(lambda: recording.panel.view.image is not None, timeout=20_000)
        live = page.open_camera()
        live.panel.picker.use(video)
        live.panel.start()
        qtbot.waitUntil(lambda: live.panel.prediction is not None, timeout=30_000)
        words = {"Class", "objects", "avi"}  # the class names and the video's file name are the user's
        problems = _untranslated(_texts(recording) + _texts(live), words)
        assert not problems, "\n".join(problems)
        recording.close()
        live.close()
    finally:
        install_translators("en")


def test_an_image_of_a_confusion_matrix_cell_is_corrected_into_a_class(trained_window, qtbot):
    from playground.gui.project.correction import CorrectionButton

    window, page, folder = trained_window
    window.data_page.load(force=True)  # the images were written after the empty dataset was loaded
    qtbot.waitUntil(lambda: window.loader.image_set is not None, timeout=60_000)
    assert page.classify_validation()
    qtbot.waitUntil(lambda: page.confusion.result is not None, timeout=60_000)
    panel = page.confusion
    true, guess = next((t, g) for t in range(2) for g in range(2) if panel.result.cell(t, g))
    panel.select_cell(true, guess)
    panel.cell_images.item(0).setSelected(True)
    source = Path(panel.selected_paths()[0])
    button = panel.findChild(CorrectionButton)
    target = "Class 2" if source.parent.name == "Class 1" else "Class 1"
    assert button.correct(target) == 1
    assert (folder / target / source.name).is_file() and source.is_file()  # a copy: the original stays
