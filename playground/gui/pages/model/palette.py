"""The palette of blocks: drag one into the network (or double-click to append it)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyle

from playground.gui.widgets.icons import block_icon
from playground.gui.widgets.layer_labels import block_explanation, block_title
from playground.spec.layers import LAYER_TYPES

BLOCK_MIME = "application/x-cnn-playground-block"


class BlockPalette(QListWidget):
    block_activated = Signal(str)  # a double-click: append this block type

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("block_palette")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(2)
        for kind in LAYER_TYPES:
            item = QListWidgetItem(block_icon(kind), block_title(kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(block_explanation(kind))
            self.addItem(item)
        self.itemDoubleClicked.connect(lambda item: self.block_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        # Names wrap rather than scroll sideways when the user narrows the palette.
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(120)

    def sizeHint(self) -> QSize:
        # Wide enough for the longest name ("Global average pool") beside its icon.
        longest = max(self.fontMetrics().horizontalAdvance(self.item(i).text()) for i in range(self.count()))
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self.iconSize().width() + longest + 6 * self.spacing() + 16 + scroll_bar + 2 * self.frameWidth()
        return QSize(width, super().sizeHint().height())

    def mimeTypes(self) -> list[str]:
        return [BLOCK_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        data.setData(BLOCK_MIME, items[0].data(Qt.ItemDataRole.UserRole).encode())
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
