"""The small number grids of the Learn page (the lab, the pipeline, the exercises) and their colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QTableWidget, QTableWidgetItem

from playground.lessons.lab import LabError, number_text, parse_number
from playground.spec import messages
from playground.spec.messages import Message

WINDOW = QColor("#ffd54f")  # the cells under the filter now
DONE = QColor("#c8e6c9")  # output cells already computed
CURRENT = QColor("#ff8a65")  # the output cell being computed
PAD = QColor("#eeeeee")
PAD_IN_WINDOW = QColor("#e0c068")  # padding under the window: it takes part (zeros), so it is marked too
IS_PADDING = Qt.ItemDataRole.UserRole


class GridTable(QTableWidget):
    """A small grid of numbers; editable for inputs, read-only for results. With `fit`, the table is
    exactly as large as its cells (no scroll bars), for grids shown side by side."""

    def __init__(self, editable: bool, parent=None, cell_size: int = 40, fit: bool = False):
        super().__init__(parent)
        self.editable = editable
        self.fit = fit
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(cell_size)
            header.setMinimumSectionSize(min(cell_size, 20))
        if not editable:
            self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        if fit:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)

    def set_grid(self, grid, padding_mark=None) -> None:
        self.blockSignals(True)
        self.setRowCount(len(grid))
        self.setColumnCount(len(grid[0]) if grid else 0)
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                text = value if isinstance(value, str) else "" if value is None else number_text(round(value, 3))
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if padding_mark is not None and padding_mark(r, c):
                    item.setData(IS_PADDING, True)
                    item.setBackground(QBrush(PAD))
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(r, c, item)
        self.blockSignals(False)
        if self.fit:  # worked out here: the size hint lags behind a grid that changed its size
            frame = 2 * self.frameWidth()
            width = self.verticalHeader().sizeHint().width() + self.horizontalHeader().length() + frame
            height = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length() + frame
            self.setFixedSize(width, height)

    def grid(self) -> list[list[float]]:
        values = []
        for r in range(self.rowCount()):
            row = []
            for c in range(self.columnCount()):
                text = self.item(r, c).text().strip() if self.item(r, c) else ""
                value = parse_number(text or "0")
                if value is None:
                    raise LabError(Message(messages.LAB_CELL_NOT_A_NUMBER, row=r + 1, column=c + 1, value=repr(text)))
                row.append(value)
            values.append(row)
        return values

    def paint(self, cells: dict[tuple[int, int], QColor]) -> None:
        self.blockSignals(True)  # colouring is not editing: no recompute
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is None:
                    continue
                if item.data(IS_PADDING):
                    item.setBackground(QBrush(PAD_IN_WINDOW if cells.get((r, c)) == WINDOW else PAD))
                else:
                    item.setBackground(QBrush(cells.get((r, c), QColor("white"))))
        self.blockSignals(False)
