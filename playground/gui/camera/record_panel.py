"""Recording samples with a camera into a class of the project's dataset (the Data page's
"Record with the camera…"): a live preview as the network will see it (mirrored or not, cropped
to the input's shape), hold "Record" (or the space bar) to save frames at a steady rate, a
counter, and Undo for the last burst.

Frames are saved by `playground.ml.data.capture.FrameRecorder` on the camera's thread, the same code as
`cnn-playground capture`, as JPEG files in the class folder, so they survive a reopen, go into
bundles and train from the command line.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.camera.feed import CameraFeed
from playground.gui.camera.source_picker import SourcePicker
from playground.gui.camera.view import FrameView

DEFAULT_RATE = 5  # frames per second: 10 seconds of holding give 50 varied samples


class RecordingState:
    """What the window decides and the camera's thread reads: shared, so behind a lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.recorder = None  # playground.ml.data.capture.FrameRecorder while "Record" is held
        self.gate = None
        self.look = None  # playground.ml.data.capture.FrameLook
        self.first_saved_at: float | None = None

    def work(self, frame):
        """On the camera's thread: the frame as the network will see it, saved if it is due."""
        with self.lock:
            look, recorder, gate = self.look, self.recorder, self.gate
        image = look.apply(frame.image) if look is not None else frame.image
        # The wall clock, not the frame's: "5 per second" is 5 for each second the button is held,
        # even when a video plays slower than its own rate on a busy machine.
        if recorder is not None and gate.due(time.monotonic()):
            recorder.save(frame)
            if self.first_saved_at is None:
                self.first_saved_at = time.monotonic()
        return image


class RecordPanel(QWidget):
    files_changed = Signal(str)  # the class whose folder got (or lost) files

    def __init__(
        self, dataset_folder: Path, class_names: list[str], input_size: tuple[int, int], parent=None, cameras=None
    ):
        super().__init__(parent)
        self.setObjectName("record_panel")
        self.dataset_folder = Path(dataset_folder)
        self.input_size = tuple(input_size)
        self.state = RecordingState()
        self.recorders: dict[str, object] = {}  # one per class: each its own bursts to undo
        self.bursts: list[str] = []  # the classes of the bursts, last one last (for Undo)
        self._on_disk: tuple[str, int, int] | None = None  # (class, images in its folder, saved by then)
        self.feed = CameraFeed(self, "camera-record")
        self.feed.frame_ready.connect(self._show_frame)
        self.feed.failed.connect(self._failed)
        self.feed.ended.connect(self._ended)

        self.picker = SourcePicker(self, cameras)
        self.start_button = QPushButton(self.tr("Start camera"))
        self.start_button.setObjectName("camera_start_button")
        self.view = FrameView()
        self.view.show_text(self.tr("Choose a camera (or a video) and press “Start camera”."))
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("record_class_combo")
        self.class_combo.addItems(class_names)
        self.rate = QSpinBox()
        self.rate.setObjectName("record_rate")
        self.rate.setRange(1, 30)
        self.rate.setValue(DEFAULT_RATE)
        self.rate.setSuffix(self.tr(" per second"))
        self.mirror = QCheckBox(self.tr("Mirror"))
        self.mirror.setObjectName("record_mirror")
        self.mirror.setChecked(True)
        self.mirror.setToolTip(self.tr("Flip the picture left to right, as a mirror shows you"))
        self.crop = QCheckBox(self.tr("Crop to the network's input shape"))
        self.crop.setObjectName("record_crop")
        self.crop.setChecked(True)
        self.record_button = QPushButton(self.tr("Hold to record (or hold Space)"))
        self.record_button.setObjectName("record_button")
        self.record_button.setEnabled(False)
        self.undo_button = QPushButton(self.tr("Undo last recording"))
        self.undo_button.setObjectName("record_undo_button")
        self.undo_button.setEnabled(False)
        self.counter = QLabel()
        self.counter.setObjectName("record_counter")
        self.status = QLabel()
        self.status.setObjectName("record_status")
        self.status.setWordWrap(True)

        settings = QHBoxLayout()
        settings.addWidget(QLabel(self.tr("Into class")))
        settings.addWidget(self.class_combo, 1)
        settings.addWidget(QLabel(self.tr("Rate")))
        settings.addWidget(self.rate)
        look = QHBoxLayout()
        look.addWidget(self.mirror)
        look.addWidget(self.crop)
        look.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button, 2)
        buttons.addWidget(self.undo_button, 1)
        layout = QVBoxLayout(self)
        source_row = QHBoxLayout()
        source_row.addWidget(self.picker, 1)
        source_row.addWidget(self.start_button)
        layout.addLayout(source_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(settings)
        layout.addLayout(look)
        layout.addLayout(buttons)
        layout.addWidget(self.counter)
        layout.addWidget(self.status)

        self.start_button.clicked.connect(self.toggle_camera)
        self.record_button.pressed.connect(self.start_recording)
        self.record_button.released.connect(self.stop_recording)
        self.undo_button.clicked.connect(self.undo)
        self.mirror.toggled.connect(lambda _: self._update_look())
        self.crop.toggled.connect(lambda _: self._update_look())
        self.class_combo.currentIndexChanged.connect(lambda _: self._show_count())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._update_look()
        self._show_count()

    # ------------------------------------------------------------------ camera

    def toggle_camera(self) -> None:
        if self.feed.running:
            self.stop_camera()
        else:
            self.start_camera()

    def start_camera(self, source: str | None = None, open_source=None) -> None:
        source = source or self.picker.source()
        if not source:
            self.status.setText(self.tr("No camera found: play a video file or a folder of images"))
            return
        self.status.setText("")
        self.feed.start(source, self.state.work, open_source, lambda _frame, image: self.view.picture(image))
        self.start_button.setText(self.tr("Stop camera"))
        self.record_button.setEnabled(True)
        self.setFocus()  # the space bar records from here on

    def stop_camera(self) -> None:
        self.stop_recording()
        self.feed.stop()

    def _show_frame(self, frame, image, picture) -> None:
        self.view.show_frame(image, picture)
        self._show_count()

    def _ended(self) -> None:
        self.stop_recording()
        self.start_button.setText(self.tr("Start camera"))
        self.record_button.setEnabled(False)

    def _failed(self, message: str) -> None:
        self._ended()
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)
        self._announce()  # what was saved before the fault is kept, and shown

    # ------------------------------------------------------------------ recording

    def _update_look(self) -> None:
        from playground.ml.data.capture import FrameLook

        look = FrameLook(mirror=self.mirror.isChecked(), aspect=self.input_size if self.crop.isChecked() else None)
        with self.state.lock:
            self.state.look = look
            for recorder in self.recorders.values():
                recorder.look = look

    @property
    def recording(self) -> bool:
        return self.state.recorder is not None

    def start_recording(self) -> None:
        name = self.class_combo.currentText()
        if self.recording or not self.feed.running or not name:
            return
        from playground.ml.data.capture import FrameRecorder, RateGate

        recorder = self.recorders.get(name)
        if recorder is None:
            recorder = self.recorders[name] = FrameRecorder(self.dataset_folder / name, self.state.look)
        recorder.start_burst()
        self.bursts.append(name)
        with self.state.lock:
            self.state.gate = RateGate(self.rate.value())
            self.state.recorder = recorder
            self.state.first_saved_at = None
        self.record_button.setText(self.tr("Recording… (release to stop)"))
        self.status.setStyleSheet("")
        self.status.setText("")

    def stop_recording(self) -> None:
        if not self.recording:
            return
        with self.state.lock:
            self.state.recorder = None
        self.record_button.setText(self.tr("Hold to record (or hold Space)"))
        self.undo_button.setEnabled(True)
        self._on_disk = None  # listed again once: the Data page may have added files meanwhile
        self._announce()

    def undo(self) -> int:
        self.stop_recording()
        while self.bursts:
            name = self.bursts.pop()
            removed = self.recorders[name].undo_burst()
            self._on_disk = None
            if removed:
                self.status.setStyleSheet("")
                self.status.setText(self.tr("Removed the last {0} frames from “{1}”.").format(removed, name))
                self.undo_button.setEnabled(bool(self.bursts))
                self._show_count()
                self.files_changed.emit(name)
                return removed
        self.undo_button.setEnabled(False)
        return 0

    def _announce(self) -> None:
        self._show_count()
        if any(recorder.saved for recorder in self.recorders.values()):
            self.files_changed.emit(self.class_combo.currentText())

    def saved_in(self, name: str) -> int:
        recorder = self.recorders.get(name)
        return recorder.saved if recorder is not None else 0

    def _show_count(self) -> None:
        """The counter. The class folder is listed only when the class changes or a burst ends,
        not for every frame shown (a folder of hundreds of images, 30 times a second)."""
        name = self.class_combo.currentText()
        if self._on_disk is None or self._on_disk[0] != name:
            from playground.ml.data.folders import images_under

            folder = self.dataset_folder / name
            total = len(images_under(folder)) if name and folder.is_dir() else 0
            self._on_disk = (name, total, self.saved_in(name))
        _name, total, saved_then = self._on_disk
        saved = self.saved_in(name)
        self.counter.setText(
            self.tr("{0}: {1} recorded now, {2} images in the class").format(name, saved, total + saved - saved_then)
        )

    # ------------------------------------------------------------------ the space bar

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self.start_recording()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self.stop_recording()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def closeEvent(self, event) -> None:
        self.stop_camera()
        super().closeEvent(event)


class RecordDialog(QDialog):
    """The panel in a window of its own beside the main one (it is not modal: the class list
    and its thumbnails update as frames are saved)."""

    def __init__(self, dataset_folder: Path, class_names: list[str], input_size: tuple[int, int], parent=None):
        super().__init__(parent)
        self.setObjectName("record_dialog")
        self.setWindowTitle(self.tr("Record with the camera"))
        self.panel = RecordPanel(dataset_folder, class_names, input_size, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.resize(640, 620)

    def done(self, result: int) -> None:
        self.panel.stop_camera()
        super().done(result)
