"""A live frame (RGB H×W×3) scaled into a label, keeping its shape."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy


def frame_image(image: np.ndarray, size: tuple[int, int] | None = None) -> QImage:
    """An RGB frame as a QImage, scaled smoothly into `size` (W, H) keeping its shape. QImage (not
    QPixmap) may be made on any thread: the camera's thread does this, the window only paints."""
    image = np.ascontiguousarray(image)
    height, width = image.shape[:2]
    qimage = QImage(image.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    if size is None or min(size) < 1:
        return qimage.copy()  # copy: the array's buffer goes away
    return qimage.scaled(
        size[0], size[1], Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )  # a new image: owns its pixels


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
        self.target = (480, 360)  # (W, H) the pictures are scaled to; read by the camera's thread

    def picture(self, image: np.ndarray) -> QImage:
        """On the camera's thread: the frame scaled for this view."""
        return frame_image(image, self.target)

    def show_frame(self, image: np.ndarray, picture: QImage | None = None) -> None:
        self.image = image
        if picture is None or (picture.width() != self.target[0] and picture.height() != self.target[1]):
            picture = frame_image(image, self.target)  # the view was resized meanwhile
        self.setPixmap(QPixmap.fromImage(picture))

    def show_text(self, text: str) -> None:
        self.image = None
        self.clear()
        self.setText(text)

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.target = (max(1, self.width() - 2), max(1, self.height() - 2))
        if self.image is not None:
            self.show_frame(self.image)
