"""The small number grids of the Learn page (the lab, the pipeline, the exercises) and their colours."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QStyle, QTableWidget, QTableWidgetItem

from playground.gui.app.presentation import presentation
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
    exactly as large as its cells (no scroll bars), for grids shown side by side; with `most_cells`
    too, a grid with more rows or columns than that scrolls (a lab's 12×12 input), a smaller one
    (the lecture's 5×5) is always shown whole."""

    def __init__(self, editable: bool, parent=None, cell_size: int = 40, fit: bool = False, most_cells: int = 0):
        super().__init__(parent)
        self.editable = editable
        self.fit = fit
        self.most_cells = most_cells
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(cell_size)
            header.setMinimumSectionSize(min(cell_size, 20))
        if not editable:
            self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        if fit:
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            # Presentation mode changes the cells' size: the table's size follows (a bound slot: let go with it).
            presentation.scale_changed.connect(self._cells_resized)

    def _cells_resized(self, _factor: float = 1.0) -> None:
        self.updateGeometry()

    def _fitted(self, header: QHeaderView, count: int) -> tuple[int, bool]:
        """The length of `count` cells, at most `most_cells` of them, and whether the rest scroll."""
        shown = min(count, self.most_cells) if self.most_cells else count
        return sum(header.sectionSize(i) for i in range(shown)), shown < count

    def sizeHint(self) -> QSize:
        if not self.fit:
            return super().sizeHint()
        # Worked out from the cells: the base class's hint lags behind a grid that changed its size.
        width, scrolls_sideways = self._fitted(self.horizontalHeader(), self.columnCount())
        height, scrolls_down = self._fitted(self.verticalHeader(), self.rowCount())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 2 * self.frameWidth()
        width += self.verticalHeader().sizeHint().width() + frame + (bar if scrolls_down else 0)
        height += self.horizontalHeader().sizeHint().height() + frame + (bar if scrolls_sideways else 0)
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint() if self.fit else super().minimumSizeHint()

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
        if self.fit:
            policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if self.most_cells else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            self.setHorizontalScrollBarPolicy(policy)
            self.setVerticalScrollBarPolicy(policy)
            self.updateGeometry()

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
