"""The camera loop in the window, driven by a video file and an image folder through the same code
path a camera takes (there is no camera here), with a camera's faults played by a fake driver."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from playground.ml import camera
from playground.ml.camera import CameraInfo
from playground.ml.folders import images_under

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
