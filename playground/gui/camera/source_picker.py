"""Choosing where frames come from: a camera of this computer, a video file or a folder of images
(played as if it were a camera). The choice is remembered for next time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QWidget

from playground.gui.app.config import app_settings

SETTING = "camera/source"
VIDEO_FILTER_SUFFIXES = "*.mp4 *.avi *.mov *.mkv *.webm *.m4v *.mpg *.mpeg *.wmv"


class SourcePicker(QWidget):
    source_chosen = Signal(str)

    def __init__(self, parent=None, cameras=None):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("camera_source_combo")
        self.combo.setMinimumContentsLength(14)
        self.refresh_button = QPushButton(self.tr("Look for cameras"))
        self.refresh_button.setObjectName("camera_refresh_button")
        self.video_button = QPushButton(self.tr("Video file…"))
        self.video_button.setObjectName("camera_video_button")
        self.folder_button = QPushButton(self.tr("Folder of images…"))
        self.folder_button.setObjectName("camera_folder_button")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        for button in (self.refresh_button, self.video_button, self.folder_button):
            layout.addWidget(button)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.video_button.clicked.connect(lambda: self.choose_file())
        self.folder_button.clicked.connect(lambda: self.choose_folder())
        self.combo.activated.connect(lambda _: self._chosen())
        self.refresh(cameras, select=str(app_settings().value(SETTING, "") or ""))

    def refresh(self, cameras=None, select: str | None = None) -> None:
        """List the cameras again (one plugged in since); `cameras` is given by tests."""
        if cameras is None:
            from playground.ml.data.camera import list_cameras

            cameras = list_cameras()
        keep = select if select is not None else self.source()
        files = [(self.combo.itemText(i), self.combo.itemData(i)) for i in range(self.combo.count())]
        self.combo.clear()
        for number, info in enumerate(cameras, start=1):
            title = self.tr("Camera {0}").format(number)
            self.combo.addItem(f"{title}: {info.name}" if info.name else title, info.source)
        for text, data in files:
            if not data.startswith("camera:"):
                self.combo.addItem(text, data)
        if keep and self.combo.findData(keep) < 0 and not keep.startswith("camera:") and Path(keep).exists():
            self._add_path(keep)
        index = self.combo.findData(keep) if keep else -1
        self.combo.setCurrentIndex(index if index >= 0 else min(0, self.combo.count() - 1))
        self.combo.setPlaceholderText(self.tr("No camera found: play a video file or a folder of images"))

    def _add_path(self, path: str) -> None:
        is_folder = Path(path).is_dir()
        label = self.tr("Folder: {0}") if is_folder else self.tr("Video: {0}")
        if self.combo.findData(path) < 0:
            self.combo.addItem(label.format(Path(path).name), path)
        self.combo.setCurrentIndex(self.combo.findData(path))

    def use(self, path: str | Path) -> None:
        self._add_path(str(path))
        self._chosen()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("A video to play as a camera"), "", self.tr("Videos ({0})").format(VIDEO_FILTER_SUFFIXES)
        )
        if path:
            self.use(path)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("A folder of images to play as a camera"))
        if path:
            self.use(path)

    def source(self) -> str:
        return self.combo.currentData() or ""

    def _chosen(self) -> None:
        source = self.source()
        if source:
            app_settings().setValue(SETTING, source)
            self.source_chosen.emit(source)
