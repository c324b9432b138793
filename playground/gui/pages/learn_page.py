"""The Learn page: the convolution lab. Type small grids, step the sliding window, and read the
multiply-add that makes each output cell ("1·1 + 2·0 + 6·0 + 7·1 = 8").

The arithmetic is `playground.lessons.lab` (pure Python, checked against torch); this page only
edits its inputs and shows its trace. The defaults are the lecture's worked example.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.lessons.lab import LabError, Trace, conv_vs_dense, convolve, number_text, pool, usage_counts

WINDOW = QColor("#ffd54f")  # the cells under the filter now
DONE = QColor("#c8e6c9")  # output cells already computed
CURRENT = QColor("#ff8a65")  # the output cell being computed
PAD = QColor("#eeeeee")
OPERATIONS = (("conv", "Convolution"), ("max", "Max pooling"), ("avg", "Average pooling"), ("min", "Min pooling"))


def default_input(size: int) -> list[list[int]]:
    return [[row * size + col + 1 for col in range(size)] for row in range(size)]


class GridTable(QTableWidget):
    """A small grid of numbers; editable for inputs, read-only for results."""

    def __init__(self, editable: bool, parent=None):
        super().__init__(parent)
        self.editable = editable
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(40)
        if not editable:
            self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def set_grid(self, grid, padding_mark=None) -> None:
        self.blockSignals(True)
        self.setRowCount(len(grid))
        self.setColumnCount(len(grid[0]) if grid else 0)
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else number_text(round(value, 3)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if padding_mark is not None and padding_mark(r, c):
                    item.setBackground(QBrush(PAD))
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(r, c, item)
        self.blockSignals(False)

    def grid(self) -> list[list[float]]:
        values = []
        for r in range(self.rowCount()):
            row = []
            for c in range(self.columnCount()):
                text = self.item(r, c).text().strip() if self.item(r, c) else "0"
                try:
                    row.append(float(text) if "." in text else int(text or 0))
                except ValueError:
                    raise LabError(f"row {r + 1}, column {c + 1}: {text!r} is not a number") from None
            values.append(row)
        return values

    def paint(self, cells: dict[tuple[int, int], QColor]) -> None:
        self.blockSignals(True)  # colouring is not editing: no recompute
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is not None and item.background().color() != PAD:
                    item.setBackground(QBrush(cells.get((r, c), QColor("white"))))
        self.blockSignals(False)


class LearnPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("learn_page")
        self.trace: Trace | None = None
        self.step = -1  # the output cell shown; -1 before the first step
        # The numbers the learner typed, per channel. The input tables show them with their padding
        # (or the usage heat map), so the tables are a view, never read back whole.
        self.input_values: list[list[list[float]]] = []

        self.operation = QComboBox()
        for key, title in OPERATIONS:
            self.operation.addItem(self.tr(title), key)
        self.channels = self._spin(1, 3, 1, "lab_channels")
        self.input_size = self._spin(2, 9, 5, "lab_input_size")
        self.kernel = self._spin(1, 5, 2, "lab_kernel")
        self.stride = self._spin(1, 4, 1, "lab_stride")
        self.padding = QComboBox()
        self.padding.setObjectName("lab_padding")
        for value, text in (("valid", self.tr("valid (none)")), ("same", self.tr("same")), (1, "1"), (2, "2")):
            self.padding.addItem(text, value)
        self.show_use = QCheckBox(self.tr("Show how often each input pixel is used"))

        self.inputs = QTabWidget()
        self.filters = QTabWidget()
        self.output = GridTable(editable=False)
        self.output.setObjectName("lab_output")
        self.sum_label = QLabel()
        self.sum_label.setObjectName("lab_sum")
        self.sum_label.setWordWrap(True)
        font = self.sum_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.sum_label.setFont(font)
        self.formula_label = QLabel()
        self.formula_label.setObjectName("lab_formula")
        self.compare_label = QLabel()
        self.compare_label.setObjectName("lab_compare")
        self.compare_label.setWordWrap(True)
        self.step_button = QPushButton(self.tr("Step"))
        self.play_button = QPushButton(self.tr("Play"))
        self.reset_button = QPushButton(self.tr("Reset"))
        for button, name in (
            (self.step_button, "lab_step"),
            (self.play_button, "lab_play"),
            (self.reset_button, "lab_reset"),
        ):
            button.setObjectName(name)
        self.timer = QTimer(self)
        self.timer.setInterval(700)

        settings = QGroupBox(self.tr("Convolution lab"))
        form = QFormLayout(settings)
        form.addRow(self.tr("Operation"), self.operation)
        form.addRow(self.tr("Input channels"), self.channels)
        form.addRow(self.tr("Input size"), self.input_size)
        form.addRow(self.tr("Filter / pool size"), self.kernel)
        form.addRow(self.tr("Stride"), self.stride)
        form.addRow(self.tr("Padding"), self.padding)
        form.addRow(self.show_use)
        buttons = QHBoxLayout()
        for button in (self.step_button, self.play_button, self.reset_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        form.addRow(self.compare_label)

        grids = QHBoxLayout()
        for title, widget in ((self.tr("Input"), self.inputs), (self.tr("Filter"), self.filters),
                              (self.tr("Output (feature map)"), self.output)):  # fmt: skip
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            grids.addWidget(box, 1)
        self.filter_box = self.filters.parentWidget()
        right = QVBoxLayout()
        right.addLayout(grids, 1)
        right.addWidget(self.formula_label)
        right.addWidget(self.sum_label)
        layout = QHBoxLayout(self)
        layout.addWidget(settings)
        layout.addLayout(right, 1)

        for spin in (self.channels, self.input_size, self.kernel):
            spin.valueChanged.connect(lambda _: self.rebuild())
        self.operation.currentIndexChanged.connect(lambda _: self.rebuild())  # new grids for new sizes only
        self.padding.currentIndexChanged.connect(lambda _: self.recompute())  # keeps the typed numbers
        self.stride.valueChanged.connect(lambda _: self.recompute())
        self.show_use.toggled.connect(lambda _: self.recompute())
        self.step_button.clicked.connect(self.advance)
        self.reset_button.clicked.connect(self.reset)
        self.play_button.clicked.connect(self.toggle_play)
        self.timer.timeout.connect(self.advance)
        self.rebuild()

    def _spin(self, low: int, high: int, value: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setObjectName(name)
        return spin

    @property
    def is_conv(self) -> bool:
        return self.operation.currentData() == "conv"

    def input_tables(self) -> list[GridTable]:
        return [self.inputs.widget(i) for i in range(self.inputs.count())]

    def filter_tables(self) -> list[GridTable]:
        return [self.filters.widget(i) for i in range(self.filters.count())]

    def rebuild(self) -> None:
        """New grids for the sizes: the lecture's example values (1, 2, 3 … and a diagonal filter)."""
        size, kernel, channels = self.input_size.value(), self.kernel.value(), self.channels.value()
        self.channels.setEnabled(self.is_conv)
        channels = channels if self.is_conv else 1
        self.inputs.clear()
        self.filters.clear()
        self.input_values = [[[v + 100 * channel for v in row] for row in default_input(size)]
                             for channel in range(channels)]  # fmt: skip
        for channel in range(channels):
            table = GridTable(editable=True)
            table.setObjectName(f"lab_input_{channel}")
            table.set_grid(self.input_values[channel])
            table.itemChanged.connect(lambda item, ch=channel: self._input_edited(ch, item))
            self.inputs.addTab(table, self.tr("Channel {0}").format(channel + 1))
            weights = GridTable(editable=True)
            weights.setObjectName(f"lab_filter_{channel}")
            weights.set_grid([[1 if r == c else 0 for c in range(kernel)] for r in range(kernel)])
            weights.itemChanged.connect(lambda _: self.recompute())
            self.filters.addTab(weights, self.tr("Channel {0}").format(channel + 1))
        self.filter_box.setVisible(self.is_conv)
        self.recompute()

    def _input_edited(self, channel: int, item) -> None:
        """A typed number: into the values (minus the padding around them), then run the lab again."""
        if self.trace is None or self.show_use.isChecked():
            return
        (top, _), (left, _) = self.trace.pads
        row, col = item.row() - top, item.column() - left
        values = self.input_values[channel]
        if not (0 <= row < len(values) and 0 <= col < len(values[0])):
            return
        text = item.text().strip()
        try:
            values[row][col] = float(text) if "." in text else int(text or 0)
        except ValueError:
            self.sum_label.setText(self.tr("row {0}, column {1}: {2!r} is not a number").format(row + 1, col + 1, text))
            return
        self.recompute()

    def recompute(self) -> None:
        """Run the lab on the grids as they are now; the step restarts."""
        self.timer.stop()
        self.play_button.setText(self.tr("Play"))
        try:
            inputs = self.input_values
            padding = self.padding.currentData()
            if self.is_conv:
                self.trace = convolve(inputs, [t.grid() for t in self.filter_tables()], self.stride.value(), padding)
            else:
                self.trace = pool(
                    inputs[0], self.operation.currentData(), self.kernel.value(), self.stride.value(), padding
                )
        except LabError as error:
            self.trace = None
            self.output.set_grid([[None]])
            self.formula_label.setText("")
            self.sum_label.setText(str(error))
            return
        self.step = -1
        self.formula_label.setText(self.tr("Output size: {0}").format(self.trace.formula))
        size = len(inputs[0]), len(inputs[0][0])
        outputs, conv_params, dense_params = conv_vs_dense(size, len(inputs), self.kernel.value(), 1,
                                                           self.stride.value(), padding)  # fmt: skip
        self.compare_label.setText(
            self.tr(
                "One filter here learns {0} parameters; a dense layer making the same {1} outputs from"
                " these {2} inputs would learn {3}."
            ).format(conv_params, outputs, size[0] * size[1] * len(inputs), f"{dense_params:,}")
        )
        self._show()

    def _show(self) -> None:
        trace = self.trace
        (top, bottom), (left, right) = trace.pads
        height, width = len(trace.padded[0]), len(trace.padded[0][0])

        def is_pad(r, c):
            return r < top or r >= height - bottom or c < left or c >= width - right

        for table, padded in zip(self.input_tables(), trace.padded, strict=False):
            table.blockSignals(True)
            if self.show_use.isChecked():
                counts = usage_counts((height - top - bottom, width - left - right), self.kernel.value(),
                                      self.stride.value(), self.padding.currentData())  # fmt: skip
                table.set_grid(counts)
                most = max(max(row) for row in counts) or 1
                table.paint({(r, c): QColor.fromHsvF(0.08, min(1.0, v / most), 1.0)
                             for r, row in enumerate(counts) for c, v in enumerate(row)})  # fmt: skip
            else:
                table.set_grid(padded, padding_mark=is_pad)
            table.setEnabled(not self.show_use.isChecked())
            table.blockSignals(False)
        rows, cols = len(trace.output), len(trace.output[0])
        shown = [[trace.output[r][c] if r * cols + c <= self.step else None for c in range(cols)] for r in range(rows)]
        self.output.set_grid(shown)
        self.output.paint({(s.row, s.col): DONE for s in trace.steps[: max(self.step, 0)]})
        if self.step < 0:
            self.sum_label.setText(self.tr("Press Step to slide the window over the input."))
            return
        current = trace.steps[self.step]
        self.output.paint(
            {**{(s.row, s.col): DONE for s in trace.steps[: self.step]}, (current.row, current.col): CURRENT}
        )
        size = self.kernel.value()
        window = {(current.top + i, current.left + j): WINDOW for i in range(size) for j in range(size)}
        if not self.show_use.isChecked():
            for table in self.input_tables():
                table.paint(window)
        self.sum_label.setText(self.tr("Output [{0}, {1}]: {2}").format(current.row + 1, current.col + 1, current.text))

    def highlighted_cells(self, channel: int = 0) -> set[tuple[int, int]]:
        table = self.input_tables()[channel]
        return {(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())
                if table.item(r, c).background().color() == WINDOW}  # fmt: skip

    def advance(self) -> None:
        if self.trace is None:
            return
        if self.step + 1 >= len(self.trace.steps):
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))
            return
        self.step += 1
        self._show()

    def reset(self) -> None:
        self.step = -1
        self.timer.stop()
        self.play_button.setText(self.tr("Play"))
        if self.trace is not None:
            self._show()

    def toggle_play(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))
        else:
            if self.trace is not None and self.step + 1 >= len(self.trace.steps):
                self.step = -1
            self.timer.start()
            self.play_button.setText(self.tr("Pause"))


if __name__ == "__main__":
    from playground.gui.standalone import run_alone

    run_alone(lambda document, classes, loader: LearnPage())
