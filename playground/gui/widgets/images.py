"""uint8 image tensors (C×H×W) shown as Qt pixmaps, and a grid of them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem


def image_file_filter() -> str:
    """The file dialogs' filter for images, in the interface's language."""
    return QCoreApplication.translate("", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)")


def to_pixmap(image, size: int) -> QPixmap:
    """A C×H×W uint8 tensor or array as a square-fitted pixmap, scaled without smoothing so the
    learner sees the pixels the network sees."""
    array = image.numpy() if hasattr(image, "numpy") else image
    channels, height, width = array.shape
    if channels == 1:
        data = array[0].copy()
        qimage = QImage(data.data, width, height, width, QImage.Format.Format_Grayscale8)
    else:
        data = array.transpose(1, 2, 0).copy()
        qimage = QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    pixmap = QPixmap.fromImage(qimage.copy())  # copy: the numpy buffer goes away
    return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)


class ImageGrid(QListWidget):
    """A read-only grid of thumbnails with optional captions."""

    def __init__(self, thumb: int = 72, parent=None):
        super().__init__(parent)
        self.thumb = thumb
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(thumb, thumb))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setSpacing(4)
        self.setUniformItemSizes(True)

    def show_images(self, images, captions: list[str] | None = None) -> None:
        self.clear()
        for index, image in enumerate(images):
            item = QListWidgetItem(QIcon(to_pixmap(image, self.thumb)), captions[index] if captions else "")
            self.addItem(item)
