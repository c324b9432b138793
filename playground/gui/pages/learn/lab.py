"""The convolution lab (on the Learn page). Type small grids, step the sliding window, and read the
multiply-add that makes each output cell ("1·1 + 2·0 + 6·0 + 7·1 = 8").

The arithmetic is `playground.lessons.lab` (pure Python, checked against torch); this page only
edits its inputs and shows its trace. The defaults are the lecture's worked example.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import error_text, translated
from playground.gui.pages.learn.grids import CURRENT, DONE, WINDOW, GridTable
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.panels import scroll_panel
from playground.gui.widgets.side_or_top import SideOrTop
from playground.lessons.content import LAB_SETTINGS
from playground.lessons.exercises import check_number
from playground.lessons.lab import LabError, Trace, conv_vs_dense, convolve, parse_number, pool, usage_counts
from playground.spec import messages
from playground.spec.messages import Message

OPERATIONS = (
    ("conv", QT_TRANSLATE_NOOP("ConvolutionLab", "Convolution")),
    ("max", QT_TRANSLATE_NOOP("ConvolutionLab", "Max pooling")),
    ("avg", QT_TRANSLATE_NOOP("ConvolutionLab", "Average pooling")),
    ("min", QT_TRANSLATE_NOOP("ConvolutionLab", "Min pooling")),
)


MOST_CELLS = 7  # the lecture's 5×5 input with a padding of 1 is shown whole; a larger grid scrolls


def default_input(size: int) -> list[list[int]]:
    return [[row * size + col + 1 for col in range(size)] for row in range(size)]


def default_filter(number: int, size: int) -> list[list[int]]:
    """The lecture's diagonal first; then a vertical-edge detector (left column +1, right column −1)
    and a centre cross, so that several filters visibly make several different maps."""
    if number == 0:
        return [[1 if r == c else 0 for c in range(size)] for r in range(size)]
    if number == 1:
        return [[1 if c == 0 else -1 if c == size - 1 else 0 for c in range(size)] for r in range(size)]
    middle = size // 2
    return [[1 if r == middle or c == middle else 0 for c in range(size)] for r in range(size)]


class ConvolutionLab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("convolution_lab")
        self.traces: list[Trace] = []  # one per filter (pooling: one)
        self.step = -1  # the output cell shown; -1 before the first step
        # The numbers the learner typed, per channel. The input tables show them with their padding
        # (or the usage heat map), so the tables are a view, never read back whole.
        self.input_values: list[list[list[float]]] = []

        self.operation = QComboBox()
        for key, title in OPERATIONS:
            self.operation.addItem(self.tr(title), key)
        self.channels = self._spin(LAB_SETTINGS["channels"], 1, "lab_channels")
        self.filter_count = self._spin(LAB_SETTINGS["filters"], 1, "lab_filters")
        self.input_size = self._spin(LAB_SETTINGS["input_size"], 5, "lab_input_size")
        self.kernel = self._spin(LAB_SETTINGS["kernel"], 2, "lab_kernel")
        self.stride = self._spin(LAB_SETTINGS["stride"], 1, "lab_stride")
        self.padding = QComboBox()
        self.padding.setObjectName("lab_padding")
        self.padding.addItem(self.tr("valid (none)"), "valid")
        self.padding.addItem(self.tr("same"), "same")
        for value in LAB_SETTINGS["padding"][2:]:
            self.padding.addItem(str(value), value)
        self.show_use = QCheckBox(self.tr("Show how often each input pixel is used"))
        # Quiz: the next output cell stays hidden until the learner has typed it (or tried twice).
        self.quiz = QCheckBox(self.tr("Quiz me: I type each output cell before I see it"))
        self.quiz.setObjectName("lab_quiz")
        self.quiz_answer = QLineEdit()
        self.quiz_answer.setObjectName("lab_quiz_answer")
        self.quiz_answer.setPlaceholderText(self.tr("Your answer"))
        self.quiz_answer.setMaximumWidth(160)
        self.quiz_check = QPushButton(self.tr("Check"))
        self.quiz_check.setObjectName("lab_quiz_check")
        self.quiz_feedback = QLabel()
        self.quiz_feedback.setObjectName("lab_quiz_feedback")
        self.quiz_feedback.setWordWrap(True)
        self.answered_step = -1  # in a quiz, the last cell typed right or given away
        self.wrong_tries = 0

        self.inputs = QTabWidget()
        self.filters = QTabWidget()
        for tabs in (self.inputs, self.filters):
            tabs.setTabBarAutoHide(True)  # one channel: nothing to choose between
        self.output_layout = QVBoxLayout()  # one output grid per filter, one under the other
        self.outputs: list[GridTable] = []
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
        form.addRow(self.tr("Filters"), self.filter_count)
        form.addRow(self.tr("Input size"), self.input_size)
        form.addRow(self.tr("Filter / pool size"), self.kernel)
        form.addRow(self.tr("Stride"), self.stride)
        form.addRow(self.tr("Padding"), self.padding)
        form.addRow(self.show_use)
        form.addRow(self.quiz)
        buttons = QHBoxLayout()
        for button in (self.step_button, self.play_button, self.reset_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        form.addRow(self.compare_label)

        grids = FlowLayout()  # side by side where there is room; wrapped on a projector's 1024 px at 1.5×
        for title, widget in ((self.tr("Input"), self.inputs), (self.tr("Filter"), self.filters)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            grids.addWidget(box)
        self.output_box = QGroupBox(self.tr("Output (feature map)"))
        self.output_box.setLayout(self.output_layout)
        grids.addWidget(self.output_box)
        self.filter_box = self.filters.parentWidget()
        main = QWidget()
        right = QVBoxLayout(main)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(grids)
        right.addWidget(self.formula_label)
        right.addWidget(self.sum_label)
        self.quiz_row = QWidget()
        quiz_layout = QHBoxLayout(self.quiz_row)
        quiz_layout.setContentsMargins(0, 0, 0, 0)
        quiz_layout.addWidget(self.quiz_answer)
        quiz_layout.addWidget(self.quiz_check)
        quiz_layout.addWidget(self.quiz_feedback, 1)
        self.quiz_row.setVisible(False)
        right.addWidget(self.quiz_row)
        right.addStretch(1)
        # The settings beside the grids, or above them where the page is too narrow for both; the
        # whole lab scrolls down rather than cutting a grid (at 1.0× the lecture's example needs no scrolling).
        self.arrangement = SideOrTop(settings, main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = scroll_panel(self.arrangement, "lab_scroll")
        layout.addWidget(self.scroll)

        for spin in (self.channels, self.filter_count, self.input_size, self.kernel):
            spin.valueChanged.connect(lambda _: self.rebuild())
        self.operation.currentIndexChanged.connect(lambda _: self.rebuild())  # new grids for new sizes only
        self.padding.currentIndexChanged.connect(lambda _: self.recompute())  # keeps the typed numbers
        self.stride.valueChanged.connect(lambda _: self.recompute())
        self.show_use.toggled.connect(lambda _: self.recompute())
        self.quiz.toggled.connect(self._quiz_toggled)
        self.quiz_check.clicked.connect(self.check_quiz)
        self.quiz_answer.returnPressed.connect(self.check_quiz)
        self.step_button.clicked.connect(self.advance)
        self.reset_button.clicked.connect(self.reset)
        self.play_button.clicked.connect(self.toggle_play)
        self.timer.timeout.connect(self.advance)
        self.rebuild()

    def _spin(self, allowed: range, value: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(allowed.start, allowed.stop - 1)  # the lessons' "Try it" settings and the lab agree
        spin.setValue(value)
        spin.setObjectName(name)
        return spin

    @property
    def is_conv(self) -> bool:
        return self.operation.currentData() == "conv"

    def input_tables(self) -> list[GridTable]:
        return [self.inputs.widget(i) for i in range(self.inputs.count())]

    def filter_tables(self) -> list[GridTable]:
        """Every filter's grids: filter 1's channels first, then filter 2's…"""
        return [self.filters.widget(i) for i in range(self.filters.count())]

    @property
    def trace(self) -> Trace | None:
        """The first filter's trace (pooling has only one)."""
        return self.traces[0] if self.traces else None

    @property
    def output(self) -> GridTable:
        return self.outputs[0]

    def rebuild(self) -> None:
        """New grids for the sizes: the lecture's example values (1, 2, 3 … and a diagonal filter)."""
        size, kernel, channels = self.input_size.value(), self.kernel.value(), self.channels.value()
        self.channels.setEnabled(self.is_conv)
        self.filter_count.setEnabled(self.is_conv)
        channels = channels if self.is_conv else 1
        filters = self.filter_count.value() if self.is_conv else 1
        self.inputs.clear()
        self.filters.clear()
        for table in self.outputs:
            table.setParent(None)  # off the window now (a deferred delete waits for the event loop)
            table.deleteLater()
        self.outputs = []
        for number in range(filters):
            table = GridTable(editable=False, fit=True, most_cells=MOST_CELLS)
            table.setObjectName(f"lab_output_{number}" if number else "lab_output")
            self.outputs.append(table)
            self.output_layout.addWidget(table)
        self.output_box.setTitle(
            self.tr("Output: {0} feature maps, one per filter").format(filters)
            if filters > 1
            else self.tr("Output (feature map)")
        )
        self.input_values = [
            [[v + 100 * channel for v in row] for row in default_input(size)] for channel in range(channels)
        ]
        for channel in range(channels):
            table = GridTable(editable=True, fit=True, most_cells=MOST_CELLS)
            table.setObjectName(f"lab_input_{channel}")
            table.set_grid(self.input_values[channel])
            table.itemChanged.connect(lambda item, ch=channel: self._input_edited(ch, item))
            self.inputs.addTab(table, self.tr("Channel {0}").format(channel + 1))
        for number in range(filters):
            for channel in range(channels):
                weights = GridTable(editable=True, fit=True, most_cells=MOST_CELLS)
                weights.setObjectName(f"lab_filter_{number}_{channel}" if number else f"lab_filter_{channel}")
                weights.set_grid(default_filter(number, kernel))
                weights.itemChanged.connect(lambda _: self.recompute())
                title = (
                    self.tr("Filter {0} · ch. {1}").format(number + 1, channel + 1)
                    if filters > 1
                    else self.tr("Channel {0}").format(channel + 1)
                )
                self.filters.addTab(weights, title)
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
        value = parse_number(text or "0")
        if value is None:
            self.sum_label.setText(self.tr("row {0}, column {1}: {2!r} is not a number").format(row + 1, col + 1, text))
            return
        values[row][col] = value
        self.recompute()

    def recompute(self) -> None:
        """Run the lab on the grids as they are now; the step restarts."""
        self.timer.stop()
        self.play_button.setText(self.tr("Play"))
        try:
            inputs = self.input_values
            padding = self.padding.currentData()
            if self.is_conv:
                grids, channels = [t.grid() for t in self.filter_tables()], len(inputs)
                per_filter = [grids[i : i + channels] for i in range(0, len(grids), channels)]
                self.traces = [convolve(inputs, kernels, self.stride.value(), padding) for kernels in per_filter]
            else:
                self.traces = [
                    pool(inputs[0], self.operation.currentData(), self.kernel.value(), self.stride.value(), padding)
                ]
        except LabError as error:
            self.traces = []
            for table in self.outputs:
                table.set_grid([[None]])
            self.formula_label.setText("")
            self.sum_label.setText(error_text(error))
            return
        self.step = self.answered_step = -1
        self._new_question()
        self.formula_label.setText(self.tr("Output size: {0}").format(translated(self.trace.formula)))
        if not self.is_conv:  # a pooling layer has a fixed rule: nothing to learn, nothing to compare
            self.compare_label.setText(
                self.tr(
                    "A pooling layer learns no parameters: its rule (the largest, the mean or the smallest value"
                    " of each window) is fixed."
                )
            )
            self._show()
            return
        size = len(inputs[0]), len(inputs[0][0])
        filters = len(self.traces) if self.is_conv else 1
        outputs, conv_params, dense_params = conv_vs_dense(
            size, len(inputs), self.kernel.value(), filters, self.stride.value(), padding
        )
        self.compare_label.setText(
            self.tr(
                "{0} filter(s) here learn {1} parameters; a dense layer making the same {2} outputs from"
                " these {3} inputs would learn {4}."
            ).format(filters, f"{conv_params:,}", f"{outputs:,}", size[0] * size[1] * len(inputs), f"{dense_params:,}")
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
                counts = usage_counts(
                    (height - top - bottom, width - left - right),
                    self.kernel.value(),
                    self.stride.value(),
                    self.padding.currentData(),
                )
                table.set_grid(counts)
                most = max(max(row) for row in counts) or 1
                table.paint(
                    {
                        (r, c): QColor.fromHsvF(0.08, min(1.0, v / most), 1.0)
                        for r, row in enumerate(counts)
                        for c, v in enumerate(row)
                    }
                )
            else:
                table.set_grid(padded, padding_mark=is_pad)
            table.setEnabled(not self.show_use.isChecked())
            table.blockSignals(False)
        rows, cols = len(trace.output), len(trace.output[0])
        asking = self.is_asking
        for table, each in zip(self.outputs, self.traces, strict=True):  # every filter at the same place
            table.set_grid(
                [
                    [
                        "?"
                        if asking and r * cols + c == self.step
                        else each.output[r][c]
                        if r * cols + c <= self.step
                        else None
                        for c in range(cols)
                    ]
                    for r in range(rows)
                ]
            )
            table.paint({(s.row, s.col): DONE for s in trace.steps[: max(self.step, 0)]})
        if self.step < 0:
            self.sum_label.setText(self.tr("Press Step to slide the window over the input."))
            return
        current = trace.steps[self.step]
        for table in self.outputs:
            table.paint(
                {**{(s.row, s.col): DONE for s in trace.steps[: self.step]}, (current.row, current.col): CURRENT}
            )
        # Playing on a projector (presentation mode), the lab scrolls: keep the cell being computed in view.
        cell = self.output.visualItemRect(self.output.item(current.row, current.col))
        centre = self.output.viewport().mapTo(self.arrangement, cell.center())
        self.scroll.ensureVisible(centre.x(), centre.y(), cell.width(), cell.height())
        size = self.kernel.value()
        window = {(current.top + i, current.left + j): WINDOW for i in range(size) for j in range(size)}
        if not self.show_use.isChecked():
            for table in self.input_tables():
                table.paint(window)
        if asking:
            question = (
                self.tr("What number goes in output cell [{0}, {1}]? Type it below.")
                if len(self.traces) == 1
                else self.tr("What number goes in cell [{0}, {1}] of map 1? Type it below.")
            )
            self.sum_label.setText(question.format(current.row + 1, current.col + 1))
        elif len(self.traces) == 1:
            self.sum_label.setText(
                self.tr("Output [{0}, {1}]: {2}").format(current.row + 1, current.col + 1, current.text)
            )
        else:
            lines = [
                self.tr("Map {0} [{1}, {2}]: {3}").format(
                    number + 1, current.row + 1, current.col + 1, each.steps[self.step].text
                )
                for number, each in enumerate(self.traces)
            ]
            self.sum_label.setText("\n".join(lines))

    # --- the quiz --------------------------------------------------------------------------------

    @property
    def is_asking(self) -> bool:
        """Whether the current cell is a question still open."""
        return self.quiz.isChecked() and self.step >= 0 and self.step > self.answered_step

    def _quiz_toggled(self, on: bool) -> None:
        self.quiz_row.setVisible(on)
        self.reset()

    def _new_question(self) -> None:
        self.wrong_tries = 0
        self.quiz_answer.clear()
        self.quiz_feedback.clear()

    def check_quiz(self) -> None:
        if not self.is_asking:
            return
        current = self.trace.steps[self.step]
        tolerance = 0.01 if self.operation.currentData() == "avg" else 0.0
        verdict = check_number(current.value, self.quiz_answer.text(), tolerance)
        text = translated(verdict.feedback)
        if verdict.correct:
            self.answered_step = self.step
        elif verdict.counted:
            self.wrong_tries += 1
            template = messages.EX_CELL_CONV_HINT if self.is_conv else messages.EX_CELL_POOL_HINT
            hint = translated(Message(template, top=current.top + 1, left=current.left + 1))
            text = self.tr("{0} Hint: {1}").format(text, hint)
            if self.wrong_tries >= 2:  # the worked answer: the cell and its sum are shown
                self.answered_step = self.step
        self.quiz_feedback.setText(text)
        self._show()

    def highlighted_cells(self, channel: int = 0) -> set[tuple[int, int]]:
        table = self.input_tables()[channel]
        return {
            (r, c)
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c).background().color() == WINDOW
        }

    def advance(self) -> None:
        if self.trace is None:
            return
        if self.step + 1 >= len(self.trace.steps):
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))
            return
        self.step += 1
        self._new_question()
        self._show()

    def reset(self) -> None:
        self.step = -1
        self.answered_step = -1
        self._new_question()
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

    def set_up(self, setup: dict) -> None:
        """Open as a lesson's "Try it" says (playground.lessons.content.LAB_SETTINGS): the sizes
        first, so the grids are built once for them, then stride, padding and the heat map."""
        spins = (self.channels, self.filter_count, self.input_size, self.kernel)
        for widget in (*spins, self.operation):
            widget.blockSignals(True)
        self.operation.setCurrentIndex(self.operation.findData(setup["operation"]))
        for spin, key in zip(spins, ("channels", "filters", "input_size", "kernel"), strict=True):
            spin.setValue(setup[key])
        for widget in (*spins, self.operation):
            widget.blockSignals(False)
        for widget in (self.stride, self.padding, self.show_use):
            widget.blockSignals(True)
        self.stride.setValue(setup["stride"])
        self.padding.setCurrentIndex(self.padding.findData(setup["padding"]))
        self.show_use.setChecked(setup["show_use"])
        for widget in (self.stride, self.padding, self.show_use):
            widget.blockSignals(False)
        self.rebuild()
