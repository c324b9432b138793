"""The lecture's pipeline in the lab: input → convolution (optional bias and ReLU) → pooling →
flatten → dense, each stage fed by the one before, stepped through from the first window to the
last unit. The arithmetic is playground.lessons.pipeline (checked against torch); this widget edits
its inputs and shows its trace. The defaults are the lecture's slide: 5×5 → 4×4 → 2×2 → 4 → 2.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import error_text, translated
from playground.gui.pages.learn.grids import CURRENT, DONE, WINDOW, GridTable
from playground.gui.pages.learn.lab import default_filter, default_input
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.panels import scroll_panel
from playground.gui.widgets.side_or_top import SideOrTop
from playground.lessons.content import LAB_SETTINGS
from playground.lessons.lab import LabError
from playground.lessons.pipeline import PipelineTrace, default_dense_weights, flat_length, run_pipeline

CELL = 32  # the whole chain side by side at 1024×768
POOLINGS = (
    ("max", QT_TRANSLATE_NOOP("PipelineLab", "Max pooling")),
    ("avg", QT_TRANSLATE_NOOP("PipelineLab", "Average pooling")),
    ("min", QT_TRANSLATE_NOOP("PipelineLab", "Min pooling")),
)


MOST_CELLS = 12  # a longer flattened vector (a large input) scrolls inside its grid


def _table(name: str, editable: bool = False) -> GridTable:
    table = GridTable(editable=editable, cell_size=CELL, fit=True, most_cells=MOST_CELLS)
    table.setObjectName(name)
    return table


def _column(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return holder


class PipelineLab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pipeline_lab")
        self.trace: PipelineTrace | None = None
        self.step = -1  # the last step shown; -1 before the first

        self.input_size = self._spin(LAB_SETTINGS["input_size"], 5, "pipeline_input_size")
        self.filter_count = self._spin(LAB_SETTINGS["filters"], 1, "pipeline_filters")
        self.kernel = self._spin(LAB_SETTINGS["kernel"], 2, "pipeline_kernel")
        self.stride = self._spin(LAB_SETTINGS["stride"], 1, "pipeline_stride")
        self.padding = QComboBox()
        self.padding.setObjectName("pipeline_padding")
        self.padding.addItem(self.tr("valid (none)"), "valid")
        self.padding.addItem(self.tr("same"), "same")
        for value in LAB_SETTINGS["padding"][2:]:
            self.padding.addItem(str(value), value)
        self.use_bias = QCheckBox(self.tr("Add a bias to each map"))
        self.use_relu = QCheckBox(self.tr("ReLU after the convolution"))
        self.pooling = QComboBox()
        self.pooling.setObjectName("pipeline_pooling")
        for key, title in POOLINGS:
            self.pooling.addItem(self.tr(title), key)
        self.pool_size = self._spin(range(1, 5), 2, "pipeline_pool_size")
        self.pool_stride = self._spin(range(1, 5), 2, "pipeline_pool_stride")
        self.units = self._spin(range(1, 5), 2, "pipeline_units")
        self.step_button = QPushButton(self.tr("Step"))
        self.play_button = QPushButton(self.tr("Play"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.all_button = QPushButton(self.tr("Show all"))
        for button, name in (
            (self.step_button, "pipeline_step"),
            (self.play_button, "pipeline_play"),
            (self.reset_button, "pipeline_reset"),
            (self.all_button, "pipeline_all"),
        ):
            button.setObjectName(name)
        self.timer = QTimer(self)
        self.timer.setInterval(600)

        settings = QGroupBox(self.tr("Pipeline"))
        form = QFormLayout(settings)
        form.addRow(self.tr("Input size"), self.input_size)
        form.addRow(self.tr("Filters"), self.filter_count)
        form.addRow(self.tr("Filter size"), self.kernel)
        form.addRow(self.tr("Stride"), self.stride)
        form.addRow(self.tr("Padding"), self.padding)
        form.addRow(self.use_bias)
        form.addRow(self.use_relu)
        form.addRow(self.tr("Pooling"), self.pooling)
        form.addRow(self.tr("Pool size"), self.pool_size)
        form.addRow(self.tr("Pool stride"), self.pool_stride)
        form.addRow(self.tr("Dense units"), self.units)
        buttons = QGridLayout()
        for index, button in enumerate((self.step_button, self.play_button, self.reset_button, self.all_button)):
            buttons.addWidget(button, index // 2, index % 2)
        form.addRow(buttons)

        self.input = _table("pipeline_input", editable=True)
        self.filters = QTabWidget()
        self.biases = _table("pipeline_biases", editable=True)
        self.bias_label = QLabel(self.tr("Biases (one per filter)"))
        self.map_tables: list[GridTable] = []
        self.pool_tables: list[GridTable] = []
        self.maps_box, self.maps_layout = self._stage_box(self.tr("Feature maps"))
        self.pooled_box, self.pooled_layout = self._stage_box(self.tr("Pooled"))
        self.flat = _table("pipeline_flat")
        self.dense_weights = _table("pipeline_dense_weights", editable=True)
        self.dense_biases = _table("pipeline_dense_biases", editable=True)
        self.outputs = _table("pipeline_outputs")
        self.text = QLabel()
        self.text.setObjectName("pipeline_text")
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text.setFont(font)
        self.formula = QLabel()
        self.formula.setObjectName("pipeline_formula")
        self.formula.setWordWrap(True)

        # The stages in reading order, wrapping onto the next line where the page is narrow (1024 px,
        # presentation mode): the page scrolls down, never sideways, and no grid is cut.
        stages = FlowLayout()
        stages.addWidget(self._box(self.tr("Input"), self.input))
        stages.addWidget(self._box(self.tr("Filters"), _column(self.filters, self.bias_label, self.biases)))
        stages.addWidget(self.maps_box)
        stages.addWidget(self.pooled_box)
        # The dense weights right under the flattened vector: weight i multiplies the number above it.
        weights = QWidget()
        beside = QGridLayout(weights)  # each unit's bias at the end of its row of weights
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(QLabel(self.tr("Weights (a row per unit)")), 0, 0)
        beside.addWidget(QLabel(self.tr("Biases")), 0, 1)
        beside.addWidget(self.dense_weights, 1, 0, Qt.AlignmentFlag.AlignTop)
        beside.addWidget(self.dense_biases, 1, 1, Qt.AlignmentFlag.AlignTop)
        beside.setColumnStretch(2, 1)
        dense = _column(self.flat, weights)
        stages.addWidget(self._box(self.tr("Flatten → Dense"), dense))
        stages.addWidget(self._box(self.tr("Output"), self.outputs))
        body = QWidget()
        right = QVBoxLayout(body)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(stages)
        right.addWidget(self.formula)
        right.addWidget(self.text)
        right.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll_panel(SideOrTop(settings, body), "pipeline_scroll"))

        for spin in (self.input_size, self.filter_count, self.kernel):
            spin.valueChanged.connect(lambda _: self.rebuild())
        for spin in (self.stride, self.pool_size, self.pool_stride, self.units):
            spin.valueChanged.connect(lambda _: self.recompute())
        for box in (self.padding, self.pooling):
            box.currentIndexChanged.connect(lambda _: self.recompute())
        for check in (self.use_bias, self.use_relu):
            check.toggled.connect(lambda _: self.recompute())
        for table in (self.input, self.biases, self.dense_weights, self.dense_biases):
            table.itemChanged.connect(lambda _: self.recompute())
        self.step_button.clicked.connect(self.advance)
        self.reset_button.clicked.connect(self.reset)
        self.all_button.clicked.connect(self.show_all)
        self.play_button.clicked.connect(self.toggle_play)
        self.timer.timeout.connect(self.advance)
        self.rebuild()

    def _spin(self, allowed: range, value: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(allowed.start, allowed.stop - 1)
        spin.setValue(value)
        spin.setObjectName(name)
        return spin

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return box

    def _stage_box(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        return box, layout

    def filter_tables(self) -> list[GridTable]:
        return [self.filters.widget(i) for i in range(self.filters.count())]

    # --- building and running -----------------------------------------------------------------

    def rebuild(self) -> None:
        """New grids for the sizes: the numbers 1, 2, 3 … and the lab's filters (the diagonal first)."""
        size, kernel, count = self.input_size.value(), self.kernel.value(), self.filter_count.value()
        self.input.set_grid(default_input(size))
        self.filters.clear()
        for number in range(count):
            table = _table(f"pipeline_filter_{number}", editable=True)
            table.set_grid(default_filter(number, kernel))
            table.itemChanged.connect(lambda _: self.recompute())
            self.filters.addTab(table, self.tr("Filter {0}").format(number + 1))
        self.biases.set_grid([[0] * count])
        self._replace_tables(self.map_tables, self.maps_layout, count, "pipeline_map")
        self._replace_tables(self.pool_tables, self.pooled_layout, count, "pipeline_pooled")
        self.dense_weights.setRowCount(0)  # sized again for the new flatten by recompute
        self.recompute()

    def _replace_tables(self, tables: list[GridTable], layout: QVBoxLayout, count: int, name: str) -> None:
        for table in tables:
            table.setParent(None)  # off the window now (a deferred delete waits for the event loop)
            table.deleteLater()
        tables.clear()
        for number in range(count):
            table = _table(f"{name}_{number}")
            layout.insertWidget(number, table)
            tables.append(table)

    def _dense_settings(self, inputs: int) -> tuple[list[list[float]], list[float]]:
        """The typed dense weights while they fit the flatten and the units, else fresh ones."""
        units = self.units.value()
        if self.dense_weights.rowCount() != units or self.dense_weights.columnCount() != inputs:
            self.dense_weights.set_grid(default_dense_weights(units, inputs))
            self.dense_biases.set_grid([[0] for _ in range(units)])
        return self.dense_weights.grid(), [row[0] for row in self.dense_biases.grid()]

    def settings(self) -> dict:
        return {
            "stride": self.stride.value(),
            "padding": self.padding.currentData(),
            "biases": self.biases.grid()[0] if self.use_bias.isChecked() else None,
            "relu": self.use_relu.isChecked(),
            "pool_mode": self.pooling.currentData(),
            "pool_size": self.pool_size.value(),
            "pool_stride": self.pool_stride.value(),
        }

    def recompute(self) -> None:
        self.timer.stop()
        self.play_button.setText(self.tr("Play"))
        self.bias_label.setVisible(self.use_bias.isChecked())
        self.biases.setVisible(self.use_bias.isChecked())
        try:
            image, filters = self.input.grid(), [table.grid() for table in self.filter_tables()]
            settings = self.settings()
            flat = flat_length(run_pipeline(image, filters, **settings).pooled)
            weights, biases = self._dense_settings(flat)
            self.trace = run_pipeline(image, filters, **settings, dense_weights=weights, dense_biases=biases)
        except LabError as error:
            self.trace = None
            for table in (*self.map_tables, *self.pool_tables, self.flat, self.outputs):
                table.set_grid([[None]])
            self.formula.setText("")
            self.text.setText(error_text(error))
            return
        self.formula.setText(
            self.tr("Convolution: {0}. Pooling: {1}. Flatten: {2} numbers.").format(
                translated(self.trace.conv_formula), translated(self.trace.pool_formula), len(self.trace.flat)
            )
        )
        self.step = -1
        self._show()

    # --- stepping -------------------------------------------------------------------------------

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
        self.timer.stop()
        self.play_button.setText(self.tr("Play"))
        self.step = -1
        if self.trace is not None:
            self._show()

    def show_all(self) -> None:
        if self.trace is not None:
            self.step = len(self.trace.steps) - 1
            self._show()

    def toggle_play(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))
            return
        if self.trace is not None and self.step + 1 >= len(self.trace.steps):
            self.step = -1
        self.timer.start()
        self.play_button.setText(self.tr("Pause"))

    def _reached(self, stage: str) -> int:
        """How many of `stage`'s steps are shown: its cells or units up to the current step."""
        if self.step < 0:
            return 0
        return sum(1 for step in self.trace.steps[: self.step + 1] if step.stage == stage)

    def _show(self) -> None:
        trace = self.trace
        current = trace.steps[self.step] if self.step >= 0 else None
        conv_done, pool_done = self._reached("conv"), self._reached("pool")
        for table, grid in zip(self.map_tables, trace.feature_maps, strict=True):
            table.set_grid(_first(grid, conv_done))
        for table, pooled in zip(self.pool_tables, trace.pooled, strict=True):
            table.set_grid(_first(pooled.output, pool_done))
        flat_shown = self._reached("flatten") > 0
        self.flat.set_grid([[value if flat_shown else None for value in trace.flat]])
        dense_done = self._reached("dense")
        self.outputs.set_grid([[unit.value if index < dense_done else None] for index, unit in enumerate(trace.dense)])
        self.input.paint({})
        self.dense_weights.paint({})
        if current is None:
            self.text.setText(self.tr("Press Step to follow the numbers from the input to the dense layer."))
            return
        if current.stage == "conv":
            self._show_conv(current.index)
        elif current.stage == "pool":
            self._show_pool(current.index)
        elif current.stage == "flatten":
            self.flat.paint({(0, i): CURRENT for i in range(len(trace.flat))})
            values = ", ".join(self.flat.item(0, i).text() for i in range(len(trace.flat)))
            self.text.setText(
                self.tr("Flatten: the pooled maps one after the other, each row by row: {0}").format(values)
            )
        else:
            unit = current.index
            self.flat.paint({(0, i): WINDOW for i in range(len(trace.flat))})
            self.dense_weights.paint({(unit, i): WINDOW for i in range(len(trace.flat))})
            self.outputs.paint({(unit, 0): CURRENT})
            self.text.setText(self.tr("Unit {0}: {1}").format(unit + 1, trace.dense[unit].text))

    def _show_conv(self, index: int) -> None:
        trace = self.trace
        first = trace.convolutions[0]
        step = first.steps[index]
        (top, _), (left, _) = first.pads
        kernel = self.kernel.value()
        self.input.paint(
            {(step.top + i - top, step.left + j - left): WINDOW for i in range(kernel) for j in range(kernel)}
        )
        for table in self.map_tables:
            table.paint({**{(s.row, s.col): DONE for s in first.steps[:index]}, (step.row, step.col): CURRENT})
        lines = [
            self.tr("Map {0} [{1}, {2}]: {3}").format(number + 1, step.row + 1, step.col + 1, texts[index])
            for number, texts in enumerate(trace.conv_texts)
        ]
        self.text.setText("\n".join(lines))

    def _show_pool(self, index: int) -> None:
        trace = self.trace
        size = self.pool_size.value()
        lines = []
        for number, (map_table, pool_table, pooled) in enumerate(
            zip(self.map_tables, self.pool_tables, trace.pooled, strict=True)
        ):
            step = pooled.steps[index]
            map_table.paint({(step.top + i, step.left + j): WINDOW for i in range(size) for j in range(size)})
            pool_table.paint({**{(s.row, s.col): DONE for s in pooled.steps[:index]}, (step.row, step.col): CURRENT})
            lines.append(
                self.tr("Pooled {0} [{1}, {2}]: {3}").format(number + 1, step.row + 1, step.col + 1, step.text)
            )
        self.text.setText("\n".join(lines))


def _first(grid, count: int):
    """The grid with only its first `count` cells (row by row) shown."""
    width = len(grid[0])
    return [[value if r * width + c < count else None for c, value in enumerate(row)] for r, row in enumerate(grid)]


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: PipelineLab())
