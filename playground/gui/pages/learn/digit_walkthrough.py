"""Follow a digit through LeNet-5: one digit (drawn with the mouse or picked from scikit-learn's
set) goes through a trained network; every layer's feature maps are shown, and clicking a cell
explains it: a convolution's window on the layer below and its multiply-add with the learned
weights and bias, then the activation; a pooling cell's window; a dense unit's largest
contributions; the output's probabilities.

The network is the LeNet-5 the app ships (playground/resources/models) or the user's own trained
model (`set_model`). The arithmetic is playground.ml.inference.walkthrough's (checked against torch there).
Loading torch and the model, and each digit's forward pass, run on background Tasks: the pass itself
is 0.6 ms with one thread but 30-60 ms with torch's two on a 2-core CPU (measured), too long for the
window's thread. A cell's arithmetic and its text (a few hundred products) stay on it: 2–15 ms
measured on a busy 2-core CPU.
"""

from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import error_text
from playground.gui.background.tasks import Task
from playground.gui.pages.learn.digit_canvas import DigitCanvas
from playground.gui.pages.learn.map_view import MapGrid, MapView
from playground.gui.widgets.bar_chart import BarChart
from playground.gui.widgets.example_names import shown_name
from playground.gui.widgets.layer_labels import activation_name, block_title, layer_settings
from playground.spec.errors import PlaygroundError

MAPS_SHOWN = 32  # per layer: a wide network of the user's would otherwise fill the screen
UNITS_PER_ROW = 20  # a dense layer's units laid out in rows of squares
LARGEST = 8  # a dense unit's contributions written out
WINDOW_MAPS_SHOWN = 16


def number(value: float) -> str:
    """A value in a written-out sum: two decimals, a negative one in brackets after '·'."""
    text = f"{value:.2f}".replace("-", "−")
    return text if text != "−0.00" else "0.00"


def factor(value: float) -> str:
    return f"({number(value)})" if value < 0 and number(value) != "0.00" else number(value)


def cell_pixels(height: int, width: int, room: int = 84) -> int:
    return max(3, min(12, room // max(height, width)))


def as_grid(values: np.ndarray) -> np.ndarray:
    """A flat layer (dense units) as rows of squares, the last row padded with its smallest value."""
    values = np.asarray(values, dtype=float).reshape(-1)
    columns = min(UNITS_PER_ROW, len(values))
    rows = -(-len(values) // columns)
    grid = np.full(rows * columns, values.min())
    grid[: len(values)] = values
    return grid.reshape(rows, columns)


class DigitWalkthrough(QWidget):
    traced = Signal()  # a digit went through the network: the maps on screen are its

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("digit_walkthrough")
        self.walk = None  # playground.ml.inference.walkthrough.Walkthrough, once torch and the model are loaded
        self.digits: np.ndarray | None = None  # scikit-learn's digits, 0–255
        self.labels: np.ndarray | None = None
        self.trace = None
        self.chosen: tuple | None = None  # (layer index, map or unit, row, col) explained now
        self.chosen_by_user = False  # a cell the user clicked stays explained for the next digit; else the answer
        self.own_model = None  # the user's Checkpoint, when one was given
        self.layer_maps: dict[int, list[MapView]] = {}
        self.grids: list[MapGrid] = []
        self.loader = Task(self, "walkthrough")
        self.loader.finished.connect(self._loaded)
        self.loader.failed.connect(self._load_failed)
        self.tracer = Task(self, "walkthrough-trace")
        self.tracer.finished.connect(self._traced)
        self.tracer.failed.connect(self._load_failed)

        self.canvas = DigitCanvas()
        self.canvas.drawn.connect(self.use_drawing)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.digit_number = QSpinBox()
        self.digit_number.setObjectName("digit_number")
        self.digit_number.setRange(0, 1796)
        self.digit_number.valueChanged.connect(self.pick_digit)
        self.random_button = QPushButton(self.tr("Another digit"))
        self.random_button.clicked.connect(lambda: self.digit_number.setValue(random.randrange(1797)))
        self.model_label = QLabel(self.tr("Loading the network…"))
        self.model_label.setObjectName("walkthrough_model")
        self.model_label.setWordWrap(True)
        self.shipped_button = QPushButton(self.tr("Use the LeNet-5 that comes with the app"))
        self.shipped_button.clicked.connect(lambda: self.set_model(None))
        self.shipped_button.setVisible(False)

        left = QVBoxLayout()
        draw_label = QLabel(self.tr("Draw a digit with the mouse:"))
        set_label = QLabel(self.tr("from scikit-learn's set of 1,797"))
        for label in (draw_label, set_label):
            label.setWordWrap(True)  # the column is as wide as the canvas, in any language and font size
        left.addWidget(draw_label)
        left.addWidget(self.canvas)
        left.addWidget(self.clear_button)
        picked = QHBoxLayout()
        picked.addWidget(QLabel(self.tr("or digit number")))
        picked.addWidget(self.digit_number)
        left.addLayout(picked)
        left.addWidget(set_label)
        left.addWidget(self.random_button)
        left.addWidget(self.model_label)
        left.addWidget(self.shipped_button)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(self.canvas.width() + 24)

        self.layers_widget = QWidget()
        self.layers_layout = QVBoxLayout(self.layers_widget)
        self.layers_scroll = QScrollArea()
        self.layers_scroll.setWidgetResizable(True)
        self.layers_scroll.setWidget(self.layers_widget)

        self.cell_title = QLabel(self.tr("Click a cell of a feature map to see how it was computed."))
        self.cell_title.setObjectName("cell_title")
        self.cell_title.setWordWrap(True)
        self.window_holder = QWidget()
        self.window_layout = QVBoxLayout(self.window_holder)
        self.window_layout.setContentsMargins(0, 0, 0, 0)
        self.arithmetic = QLabel()
        self.arithmetic.setObjectName("cell_arithmetic")
        self.arithmetic.setWordWrap(True)
        self.arithmetic.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.arithmetic.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.probabilities = BarChart()
        explanation = QWidget()
        right = QVBoxLayout(explanation)
        right.addWidget(self.cell_title)
        right.addWidget(self.window_holder)
        right.addWidget(self.arithmetic)
        right.addStretch(1)
        self.explanation_scroll = QScrollArea()
        self.explanation_scroll.setWidgetResizable(True)
        self.explanation_scroll.setWidget(explanation)
        self.explanation_scroll.setMinimumWidth(240)

        layout = QHBoxLayout(self)
        layout.addWidget(left_widget)
        layout.addWidget(self.layers_scroll, 2)  # the maps first: in presentation mode they had a narrow column
        explained = QVBoxLayout()
        explained.addWidget(self.explanation_scroll, 1)
        explained.addWidget(QLabel(self.tr("What the network says:")))
        explained.addWidget(self.probabilities)
        layout.addLayout(explained, 1)
        self._set_enabled(False)

    # ------------------------------------------------------------------ the network

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.walk is None and not self.loader.busy:
            self._load(self.own_model)

    def set_model(self, checkpoint) -> None:
        """Walk through the user's own trained model (a Checkpoint), or None: the shipped LeNet-5."""
        self.own_model = checkpoint
        if self.isVisible() or self.walk is not None:
            self._load(checkpoint)

    def _load(self, checkpoint) -> None:
        self.model_label.setText(self.tr("Loading the network…"))

        def load(context):
            from playground.ml.inference.walkthrough import Walkthrough, digit_set, shipped_lenet

            try:
                walk = Walkthrough(checkpoint if checkpoint is not None else shipped_lenet())
                problem = None
            except PlaygroundError as error:  # the user's model cannot be walked: say why, walk LeNet-5
                walk, problem = Walkthrough(shipped_lenet()), error
            return walk, problem, digit_set()

        self.loader.start(load)

    def _loaded(self, result) -> None:
        self.walk, problem, (self.digits, self.labels) = result
        project = self.walk.checkpoint.project
        shipped = self.own_model is None or problem is not None
        text = (
            self.tr("Network: {0}, the LeNet-5 trained on digits that comes with the app.").format(
                shown_name(project.name)
            )
            if shipped
            else self.tr("Network: your model {0} ({1} classes).").format(project.name, len(self.walk.class_names))
        )
        if problem is not None:
            text = error_text(problem) + "\n" + text
        self.model_label.setText(text)
        self.shipped_button.setVisible(not shipped)
        self._set_enabled(True)
        self.pick_digit(self.digit_number.value())

    def _load_failed(self, message: str) -> None:
        self.model_label.setText(message)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.canvas, self.clear_button, self.digit_number, self.random_button):
            widget.setEnabled(enabled)

    # ------------------------------------------------------------------ the digit

    def pick_digit(self, index: int) -> None:
        if self.walk is None or self.digits is None:
            return
        self.canvas.show_picture(self.digits[index])
        self.show_digit(self.digits[index])

    def use_drawing(self) -> None:
        if self.walk is not None and self.canvas.ink.any():
            from playground.ml.inference.walkthrough import digit_from_drawing

            self.show_digit(digit_from_drawing(self.canvas.ink))

    def show_digit(self, digit: np.ndarray) -> None:
        walk = self.walk
        self.tracer.start(lambda context: walk.trace(walk.prepare(digit)))

    def _traced(self, trace) -> None:
        self.trace = trace
        self._show_layers()
        names = self.walk.class_names
        ranked = sorted(range(len(names)), key=lambda i: -float(self.trace.probabilities[i]))[:10]
        self.probabilities.set_values([(names[i], float(self.trace.probabilities[i])) for i in ranked], "{:.1%}".format)
        if self.chosen_by_user and self.chosen is not None and self.chosen[0] < len(self.trace.layers):
            self.explain(*self.chosen)
        else:  # the network's answer for this digit (a drawn 7 is explained as its answer, not the last one's)
            self.explain(len(self.trace.layers) - 1, int(ranked[0]), 0, int(ranked[0]))
            self.chosen_by_user = False
        self.traced.emit()

    # ------------------------------------------------------------------ the layers

    def _show_layers(self) -> None:
        while self.layers_layout.count():
            item = self.layers_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().setParent(None)  # gone now, not at the next turn of the event loop
        self.grids = []
        self.layer_maps = {-1: self._add_maps(-1, self.trace.image.float().numpy())}
        for output in self.trace.layers:
            self.layer_maps[output.index] = self._add_maps(output.index, output.output.numpy())
        self.layers_layout.addStretch(1)
        self._arrange_grids()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange_grids()

    def _arrange_grids(self) -> None:
        width = self.layers_scroll.viewport().width() - 24
        for grid in self.grids:
            grid.arrange(width)
        for index in range(self.window_layout.count()):
            grid = self.window_layout.itemAt(index).widget()
            if isinstance(grid, MapGrid):
                grid.arrange(self.explanation_scroll.viewport().width() - 24)

    def _add_maps(self, index: int, values: np.ndarray) -> list[MapView]:
        if index < 0:
            channels, height, width = values.shape
            title = self.tr("Input: the digit as the network sees it, {0}×{1}×{2}").format(channels, height, width)
        else:
            layer = self.trace.layers[index].layer
            shape = "×".join(str(n) for n in values.shape)
            settings = layer_settings(layer)
            name = f"{block_title(layer.type)} {settings}" if settings else block_title(layer.type)
            title = self.tr("Layer {0}: {1} → {2}").format(index + 1, name, shape)
        label = QLabel(title)
        label.setWordWrap(True)
        self.layers_layout.addWidget(label)
        views = []
        if values.ndim == 3:
            for channel in range(min(len(values), MAPS_SHOWN)):
                view = MapView(
                    values[channel],
                    cell_pixels(*values.shape[1:]),
                    tooltip=self.tr("Feature map {0}").format(channel + 1),
                )
                view.cell_clicked.connect(lambda r, c, i=index, m=channel: self.explain(i, m, r, c))
                views.append(view)
            if len(values) > MAPS_SHOWN:
                label.setText(title + " " + self.tr("(the first {0} of {1} maps)").format(MAPS_SHOWN, len(values)))
        else:
            view = MapView(
                as_grid(values), 12, tooltip=self.tr("{0} values, in rows of {1}").format(len(values), UNITS_PER_ROW)
            )
            view.cell_clicked.connect(lambda r, c, i=index: self._unit_clicked(i, r * UNITS_PER_ROW + c))
            views.append(view)
        grid = MapGrid(views)
        self.grids.append(grid)
        self.layers_layout.addWidget(grid)
        return views

    def _unit_clicked(self, index: int, unit: int) -> None:
        if index >= 0 and unit < self.trace.layers[index].output.numel():
            self.explain(index, unit, 0, unit)

    # ------------------------------------------------------------------ one cell

    def explain(self, index: int, which: int, row: int, col: int) -> None:
        """Explain output cell (`row`, `col`) of map `which` of layer `index` (a unit's: row 0, col = unit)."""
        from playground.ml.inference.walkthrough import layer_kind

        if self.trace is None or index < 0:
            return
        self.chosen, self.chosen_by_user = (index, which, row, col), True
        kind = layer_kind(self.trace.layers[index].layer)
        self._clear_window_maps()
        # The chosen cell: on its own map, or on the dense layer's one grid of units.
        chosen_map, square = (which, (row, col)) if kind != "dense" else (0, divmod(which, UNITS_PER_ROW))
        for layer_index, views in self.layer_maps.items():
            for map_number, view in enumerate(views):
                view.mark(None, square if (layer_index, map_number) == (index, chosen_map) else None)
        if kind == "conv":
            self._explain_conv(index, which, row, col)
        elif kind == "pool":
            self._explain_pool(index, which, row, col)
        elif kind == "dense":
            self._explain_dense(index, which)
        else:
            self.cell_title.setText(
                self.tr(
                    "Layer {0} has no weights and no window: it passes its input on as it is"
                    " (a flatten lays the maps end to end)."
                ).format(index + 1)
            )
            self.arithmetic.setText("")

    def _clear_window_maps(self) -> None:
        while self.window_layout.count():
            item = self.window_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().setParent(None)  # gone now, not at the next turn of the event loop

    def _show_window(self, index: int, channels: list[int], window: tuple[int, int, int, int]) -> None:
        """The cell's window on the layer below, marked on each of its maps that takes part."""
        below = self.trace.layer_input(index).numpy()
        for layer_index, views in self.layer_maps.items():
            if layer_index == index - 1 or (index == 0 and layer_index == -1):
                for channel, view in enumerate(views):
                    view.mark(window if channel in channels else None, None)
        pixels = cell_pixels(*below.shape[1:], room=96)
        views = []
        for channel in channels[:WINDOW_MAPS_SHOWN]:
            view = MapView(below[channel], pixels, tooltip=self.tr("Input map {0}").format(channel + 1))
            view.mark(window)
            views.append(view)
        grid = MapGrid(views)
        self.window_layout.addWidget(grid)
        grid.arrange(self.explanation_scroll.viewport().width() - 24)

    def _explain_conv(self, index: int, which: int, row: int, col: int) -> None:
        cell = self.walk.conv_cell(self.trace, index, which, row, col)
        channels = sorted({term.channel for term in cell.terms})
        self.cell_title.setText(
            self.tr(
                "Layer {0}, feature map {1}, row {2}, column {3}: its {4}×{5} window on the layer below"
                " (marked), times the filter's learned weights, plus the bias."
            ).format(index + 1, which + 1, row + 1, col + 1, cell.height, cell.width)
        )
        self._show_window(index, channels, (cell.top, cell.left, cell.height, cell.width))
        lines, subtotals = [], []
        for channel in channels:
            terms = [term for term in cell.terms if term.channel == channel]
            subtotal = sum(term.product for term in terms)
            subtotals.append(subtotal)
            products = " + ".join(f"{number(term.value)}·{factor(term.weight)}" for term in terms)
            lines.append(self.tr("Channel {0}: {1} = {2}").format(channel + 1, products, number(subtotal)))
        parts = " + ".join(factor(value) for value in subtotals)
        lines.append(self.tr("Sum: {0} + bias {1} = {2}").format(parts, factor(cell.bias), number(cell.total)))
        lines.append(self._activation_line(cell.activation, cell.total, cell.activated))
        self.arithmetic.setText("\n\n".join(lines))

    def _activation_line(self, activation: str, total: float, activated: float) -> str:
        if activation == "none":
            return self.tr("No activation: {0} is the value the next layer sees.").format(number(total))
        return self.tr("Activation {0}({1}) = {2}: the value the next layer sees.").format(
            activation_name(activation), number(total), number(activated)
        )

    def _explain_pool(self, index: int, which: int, row: int, col: int) -> None:
        cell = self.walk.pool_cell(self.trace, index, which, row, col)
        self._show_window(index, [which], (cell.top, cell.left, cell.height, cell.width))
        values = ", ".join(number(term.value) for term in cell.values)
        templates = {
            "max": self.tr("Max pooling keeps the largest value of its window: max({0}) = {1}."),
            "avg": self.tr("Average pooling keeps the mean of its window: mean({0}) = {1}."),
            "min": self.tr("Min pooling keeps the smallest value of its window: min({0}) = {1}."),
        }
        self.cell_title.setText(
            self.tr(
                "Layer {0}, map {1}, row {2}, column {3}: its {4}×{5} window on map {1} of the layer below"
                " (marked). Pooling has nothing to learn."
            ).format(index + 1, which + 1, row + 1, col + 1, cell.height, cell.width)
        )
        self.arithmetic.setText(templates[cell.mode].format(values, number(cell.result)))

    def _flattened_from(self, index: int) -> tuple[int, int, int] | None:
        """The maps a dense layer's inputs were laid out from (by a Flatten, or its own implicit one)."""
        from playground.ml.inference.walkthrough import layer_kind

        below = self.trace.layer_input(index)
        if below.dim() == 3:
            return tuple(below.shape)
        if index > 0 and layer_kind(self.trace.layers[index - 1].layer) == "flatten":
            before = self.trace.layer_input(index - 1)
            return tuple(before.shape) if before.dim() == 3 else None
        return None

    def _contribution(self, term, maps: tuple[int, int, int] | None) -> str:
        """One input times its weight; an input from a flattened map says where on the maps it lay."""
        value, weight, product = number(term.value), factor(term.weight), number(term.product)
        if maps is None:
            return self.tr("input {0}: {1} × {2} = {3}").format(term.row + 1, value, weight, product)
        _, height, width = maps
        channel, place = divmod(term.row, height * width)
        row, col = divmod(place, width)
        return self.tr("input {0} (map {1}, row {2}, column {3}): {4} × {5} = {6}").format(
            term.row + 1, channel + 1, row + 1, col + 1, value, weight, product
        )

    def _explain_dense(self, index: int, unit: int) -> None:
        cell = self.walk.dense_cell(self.trace, index, unit)
        is_output = index == len(self.trace.layers) - 1
        if is_output:
            title = self.tr(
                "Output unit {0}, class “{1}”: every one of the {2} inputs times its learned weight,"
                " plus the bias. The largest contributions:"
            ).format(unit + 1, self.walk.class_names[unit], len(cell.terms))
        else:
            title = self.tr(
                "Layer {0}, unit {1}: every one of the {2} inputs times its learned weight, plus the"
                " bias. The largest contributions:"
            )
            title = title.format(index + 1, unit + 1, len(cell.terms))
        self.cell_title.setText(title)
        shown = cell.largest(LARGEST)
        lines = [self._contribution(term, self._flattened_from(index)) for term in shown]
        lines.append(
            self.tr("the other {0} inputs together: {1}").format(
                len(cell.terms) - len(shown), number(cell.rest(LARGEST))
            )
        )
        lines.append(self.tr("bias: {0}").format(number(cell.bias)))
        lines.append(self.tr("sum: {0}").format(number(cell.total)))
        if is_output:
            probability = float(self.trace.probabilities[unit])
            lines.append(
                self.tr(
                    "This sum is the class's score; softmax turns the scores of all classes into"
                    " probabilities: {0:.1%} for “{1}”."
                ).format(probability, self.walk.class_names[unit])
            )
        else:
            lines.append(self._activation_line(cell.activation, cell.total, cell.activated))
        self.arithmetic.setText("\n".join(lines))


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: DigitWalkthrough())
