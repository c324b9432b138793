"""A live frame (RGB H×W×3) scaled into a label, keeping its shape."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy


def frame_pixmap(image: np.ndarray) -> QPixmap:
    image = np.ascontiguousarray(image)
    height, width = image.shape[:2]
    qimage = QImage(image.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())  # copy: the array's buffer goes away


class FrameView(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("frame_view")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QLabel#frame_view { background: #202020; color: #e0e0e0; }")
        self.setWordWrap(True)
        self.image: np.ndarray | None = None

    def show_frame(self, image: np.ndarray) -> None:
        self.image = image
        pixmap = frame_pixmap(image)
        self.setPixmap(
            pixmap.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def show_text(self, text: str) -> None:
        self.image = None
        self.clear()
        self.setText(text)

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.image is not None:
            self.show_frame(self.image)
