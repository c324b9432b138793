"""The network as a list of layer cards: output shape, parameters, formula on hover, red when invalid.

Drops are handled here and turned into signals; the page turns them into undoable edits of the
project, and the list is then rendered again from the new project (it never edits itself).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from playground.gui.app.messages import translated
from playground.gui.pages.model.palette import BLOCK_MIME
from playground.gui.widgets.icons import block_icon
from playground.gui.widgets.layer_labels import block_title, layer_settings, tr
from playground.spec.shapes import LayerInfo, NetworkSummary, group, shape_text

LAYER_MIME = "application/x-cnn-playground-layer"
INVALID_BACKGROUND = QColor("#fde2e4")
INVALID_TEXT = QColor("#b00020")


def card_text(info: LayerInfo) -> str:
    settings = layer_settings(info.layer)
    title = f"{info.index + 1}  {block_title(info.layer.type)}" + (f"  ·  {settings}" if settings else "")
    if info.error:
        # The card already says which layer it is: show only what is wrong (the tooltip has it all).
        return f"{title}\n      ✖ {translated(info.error).split(': ', 1)[-1]}"
    params = tr("{0} params").format(group(info.params))
    return f"{title}\n      → {shape_text(info.output_shape)}      {params}"


def card_tooltip(info: LayerInfo) -> str:
    if info.error:
        return translated(info.error)
    lines = [tr("Output: {0}").format(shape_text(info.output_shape))]
    if info.shape_formula:
        lines.append(tr("Size: {0}").format(translated(info.shape_formula)))
    lines.append(tr("Parameters: {0}").format(translated(info.params_formula)))
    if info.note:
        lines.append(tr("Note: {0}").format(translated(info.note)))
    return "\n".join(lines)


class NetworkView(QListWidget):
    block_dropped = Signal(str, int)  # block type, insert position
    layer_moved = Signal(int, int)  # from index, to index (in the list after the move)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("network_view")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(3)
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def render(self, summary: NetworkSummary) -> None:
        selected = self.currentRow()
        self.blockSignals(True)
        self.clear()
        for info in summary.layers:
            item = QListWidgetItem(block_icon(info.layer.type), card_text(info))
            item.setToolTip(card_tooltip(info))
            item.setData(Qt.ItemDataRole.UserRole, info.index)
            if info.error:
                item.setBackground(QBrush(INVALID_BACKGROUND))
                item.setForeground(QBrush(INVALID_TEXT))
            self.addItem(item)
        if 0 <= selected < self.count():
            self.setCurrentRow(selected)
        self.blockSignals(False)

    def is_invalid(self, row: int) -> bool:
        return self.item(row).foreground().color() == INVALID_TEXT

    # ---------------------------------------------------------------- drag and drop

    def mimeTypes(self) -> list[str]:
        return [BLOCK_MIME, LAYER_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        data.setData(LAYER_MIME, QByteArray(str(self.row(items[0])).encode()))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def drop_position(self, point: QPoint) -> int:
        """Where a drop at `point` inserts: before the card under it, or after it if on its lower half."""
        index = self.indexAt(point)
        if not index.isValid():
            return self.count()
        rect = self.visualRect(index)
        return index.row() + (1 if point.y() > rect.center().y() else 0)

    def _accepts(self, mime: QMimeData) -> bool:
        return mime.hasFormat(BLOCK_MIME) or mime.hasFormat(LAYER_MIME)

    def dragEnterEvent(self, event) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._accepts(event.mimeData()):
            super().dragMoveEvent(event)  # draws the drop indicator
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        position = self.drop_position(event.position().toPoint())
        if mime.hasFormat(BLOCK_MIME):
            self.block_dropped.emit(bytes(mime.data(BLOCK_MIME)).decode(), position)
        elif mime.hasFormat(LAYER_MIME):
            source = int(bytes(mime.data(LAYER_MIME)).decode())
            target = position - 1 if position > source else position
            if target != source:
                self.layer_moved.emit(source, target)
        else:
            event.ignore()
            return
        # Copy, not Move: the source view must not delete items itself; the project is re-rendered.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
