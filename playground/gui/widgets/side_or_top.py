"""A settings panel beside the content where the page is wide enough for both, above it where it is
not (a 1024-px projector in presentation mode), so the content is never squeezed below its size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QWidget


class SideOrTop(QWidget):
    def __init__(self, side: QWidget, main: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.side, self.main = side, main
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.addWidget(side)
        self.box.addWidget(main, 1)

    @property
    def side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def _room_for_both(self, width: int) -> bool:
        margins = self.box.contentsMargins()
        needed = (
            self.side.sizeHint().width()
            + self.box.spacing()
            + self.main.minimumSizeHint().width()
            + margins.left()
            + margins.right()
        )
        return width >= needed

    def minimumSizeHint(self) -> QSize:
        # One above the other is the narrowest it can be.
        margins = self.box.contentsMargins()
        width = max(self.side.minimumSizeHint().width(), self.main.minimumSizeHint().width())
        return QSize(width + margins.left() + margins.right(), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self._room_for_both(event.size().width())
            else QBoxLayout.Direction.TopToBottom
        )
        if direction != self.box.direction():
            self.box.setDirection(direction)
        super().resizeEvent(event)
