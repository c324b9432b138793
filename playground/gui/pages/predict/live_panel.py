"""Live prediction: a camera's (or a video's) frames with the model's top classes as bars, updated
as the frames come; freeze one to look at it (it joins the table, where Grad-CAM explains it) and,
when the network is wrong, "This is really…" puts it into the right class.

Each frame is classified on the camera's background task (`gui.camera.feed`), prepared as the
checkpoint's training images were (`playground.ml.inference.live`); the window only paints.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from playground.gui.camera.feed import CameraFeed
from playground.gui.camera.source_picker import SourcePicker
from playground.gui.camera.view import FrameView
from playground.gui.project.correction import CorrectionButton, Corrector
from playground.gui.widgets.bar_chart import BarChart


class LivePanel(QWidget):
    frame_frozen = Signal(str, str)  # the frozen frame's image file, its title

    def __init__(
        self, predictor_of, corrector: Corrector, frames_folder: Path, parent=None, cameras=None, top_k=lambda: 3
    ):
        super().__init__(parent)
        self.setObjectName("live_panel")
        self.predictor_of = predictor_of  # () -> the page's Predictor, or None without a model
        self.frames_folder = Path(frames_folder)
        self.top_k = top_k
        self.feed = CameraFeed(self, "camera-predict")
        self.feed.frame_ready.connect(self._show)
        self.feed.failed.connect(self._failed)
        self.feed.ended.connect(self._ended)
        self.frame = None  # the last frame shown (playground.ml.data.camera.Frame)
        self.frozen_path: Path | None = None
        self.prediction = None
        self._times: deque[float] = deque(maxlen=30)

        self.picker = SourcePicker(self, cameras)
        self.start_button = QPushButton(self.tr("Start camera"))
        self.start_button.setObjectName("live_start_button")
        self.mirror = QCheckBox(self.tr("Mirror"))
        self.mirror.setObjectName("live_mirror")
        self.mirror.setChecked(True)
        self.view = FrameView()
        self.view.show_text(self.tr("Choose a camera (or a video) and press “Start camera”."))
        self.bars = BarChart()
        self.bars.setObjectName("live_top_classes")
        self.answer = QLabel()
        self.answer.setObjectName("live_answer")
        self.answer.setWordWrap(True)
        self.rate_label = QLabel()
        self.rate_label.setObjectName("live_rate")
        self.freeze_button = QPushButton(self.tr("Freeze and explain"))
        self.freeze_button.setObjectName("live_freeze_button")
        self.freeze_button.setToolTip(
            self.tr("Stop on this frame: it joins the table, where Grad-CAM shows where the network looked")
        )
        self.freeze_button.setEnabled(False)
        self.correction = CorrectionButton(corrector, self._frame_paths)
        self.correction.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("live_status")
        self.status.setWordWrap(True)

        source_row = QHBoxLayout()
        source_row.addWidget(self.picker, 1)
        source_row.addWidget(self.mirror)
        source_row.addWidget(self.start_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.freeze_button)
        buttons.addWidget(self.correction)
        buttons.addStretch(1)
        buttons.addWidget(self.rate_label)
        layout = QVBoxLayout(self)
        layout.addLayout(source_row)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.answer)
        layout.addWidget(self.bars, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.start_button.clicked.connect(self.toggle)
        self.freeze_button.clicked.connect(lambda: self.freeze())

    def toggle(self) -> None:
        if self.feed.running:
            self.stop()
        else:
            self.start()

    def start(self, source: str | None = None, open_source=None) -> bool:
        predictor = self.predictor_of()
        if predictor is None:
            self.status.setText(self.tr("No model yet: train one on the Train page, or open a checkpoint."))
            return False
        source = source or self.picker.source()
        if not source:
            self.status.setText(self.tr("No camera found: play a video file or a folder of images"))
            return False
        from playground.ml.data.capture import FrameLook

        # Cropped to the network input's shape, as the recorded samples were: what is shown is what it sees.
        checkpoint = getattr(predictor, "checkpoint", None)
        aspect = tuple(checkpoint.project.data.image_size) if checkpoint is not None else (1, 1)
        look, top_k = FrameLook(mirror=self.mirror.isChecked(), aspect=aspect), self.top_k()

        def classify(frame):  # on the camera's thread
            from playground.ml.data.camera import Frame
            from playground.ml.inference.live import classify_frame

            frame = Frame(look.apply(frame.image), frame.time, frame.number)
            return frame, classify_frame(predictor, frame, top_k)

        self.status.setStyleSheet("")
        self.status.setText("")
        self.frozen_path = None
        self._times.clear()
        self.feed.start(source, classify, open_source, lambda _raw, result: self.view.picture(result[0].image))
        self.start_button.setText(self.tr("Stop camera"))
        self.freeze_button.setEnabled(True)
        self.correction.setEnabled(True)
        return True

    def stop(self) -> None:
        self.feed.stop()

    def _show(self, _raw, result, picture) -> None:
        frame, prediction = result
        self.frame, self.prediction = frame, prediction
        self.view.show_frame(frame.image, picture)
        if prediction.error:
            self.answer.setText(prediction.error)
            self.bars.set_values([])
        else:
            self.answer.setText(self.tr("The network says “{0}”.").format(prediction.top[0][0]))
            self.bars.set_values(list(prediction.top), "{:.1%}".format)
        self._times.append(time.monotonic())
        if len(self._times) >= 2:
            rate = (len(self._times) - 1) / max(self._times[-1] - self._times[0], 1e-6)
            self.rate_label.setText(self.tr("{0:.1f} frames/s").format(rate))

    def _ended(self) -> None:
        self.start_button.setText(self.tr("Start camera"))
        self.freeze_button.setEnabled(False)
        self.correction.setEnabled(self.frame is not None)

    def _failed(self, message: str) -> None:
        self._ended()
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)

    def _save_frame(self) -> Path | None:
        """The current frame as a PNG (decoded later exactly as a dropped file is)."""
        if self.frame is None:
            return None
        if self.frozen_path is not None:
            return self.frozen_path
        self.frames_folder.mkdir(parents=True, exist_ok=True)
        number = len(list(self.frames_folder.glob("camera-frame-*.png"))) + 1
        path = self.frames_folder / f"camera-frame-{number}.png"
        Image.fromarray(np.ascontiguousarray(self.frame.image)).save(path, "PNG")
        return path

    def _frame_paths(self) -> list[Path]:
        path = self._save_frame()
        return [path] if path is not None else []

    def freeze(self) -> Path | None:
        """Stop on the frame shown: it goes into the table (and is explained there)."""
        self.stop()
        path = self._save_frame()
        if path is None:
            return None
        self.frozen_path = path
        self.frame_frozen.emit(str(path), self.tr("Camera frame {0}").format(path.stem.rsplit("-", 1)[-1]))
        return path

    def closeEvent(self, event) -> None:
        self.stop()
        super().closeEvent(event)


class LiveDialog(QDialog):
    def __init__(self, panel: LivePanel, parent=None):
        super().__init__(parent)
        self.setObjectName("live_dialog")
        self.setWindowTitle(self.tr("Live prediction"))
        self.panel = panel
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        self.resize(620, 640)

    def done(self, result: int) -> None:
        self.panel.stop()
        super().done(result)
