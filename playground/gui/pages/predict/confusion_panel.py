"""The validation set as the network sees it: a confusion matrix (true class down, predicted class
across), each class's accuracy, and the images behind any cell, the mistakes in particular."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.gui.widgets.images import ImageGrid

MIN_CELL, DEFAULT_CELL, MAX_CELL = 18, 36, 96  # pixels
NAMED_HEADERS = 10  # more classes (or long names): numbered headers and a legend
SHORT_NAME = 12


def needs_numbers(names: list[str]) -> bool:
    return len(names) > NAMED_HEADERS or any(len(name) > SHORT_NAME for name in names)


RIGHT = QColor("#2e7d32")  # the diagonal: images classified right
WRONG = QColor("#c62828")


def cell_colour(count: int, row_total: int, diagonal: bool) -> QColor:
    """Stronger for a larger share of the row; green on the diagonal, red off it."""
    share = count / row_total if row_total else 0.0
    base = RIGHT if diagonal else WRONG
    colour = QColor(base)
    colour.setAlphaF(0.08 + 0.72 * share if count else 0.0)
    return colour


class ConfusionPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("confusion_panel")
        self.result = None  # playground.ml.inference.explain.Confusion
        self.images = None  # the validation ImageSet it was computed on
        self.shown: list[int] = []  # the images listed under the matrix (indices into the set)

        self.compute_button = QPushButton(self.tr("Classify the validation set"))
        self.compute_button.setObjectName("confusion_button")
        self.status = QLabel(self.tr("Shows, for every validation image, its true class against the network's answer."))
        self.status.setObjectName("confusion_status")
        self.status.setWordWrap(True)
        self.matrix = QTableWidget()
        self.matrix.setObjectName("confusion_matrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cell_label = QLabel()
        self.cell_label.setObjectName("confusion_cell_label")
        self.cell_label.setWordWrap(True)
        self.cell_images = ImageGrid(thumb=64)
        self.cell_images.setObjectName("confusion_images")
        # Many classes or long names: numbered rows and columns, and a legend of the numbers.
        self.legend = QListWidget()
        self.legend.setObjectName("confusion_legend")
        self.legend.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.legend.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend.setMaximumWidth(220)
        self.legend.hide()
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setObjectName("confusion_zoom")
        self.zoom.setRange(MIN_CELL, MAX_CELL)
        self.zoom.setValue(DEFAULT_CELL)
        self.zoom.setToolTip(self.tr("The size of the matrix's cells"))
        self.zoom_label = QLabel(self.tr("Zoom"))

        top = QHBoxLayout()
        top.addWidget(self.compute_button)
        top.addWidget(self.status, 1)
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.zoom_label)
        zoom_row.addWidget(self.zoom, 1)
        matrix_row = QHBoxLayout()
        matrix_row.addWidget(self.matrix, 1)
        matrix_row.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(zoom_row)
        layout.addLayout(matrix_row, 3)
        layout.addWidget(self.cell_label)
        layout.addWidget(self.cell_images, 2)
        self.matrix.cellClicked.connect(self.select_cell)
        self.zoom.valueChanged.connect(self._size_cells)
        self.legend.currentRowChanged.connect(lambda row: self.select_cell(row, row) if row >= 0 else None)

    def clear(self, message: str = "") -> None:
        self.result, self.images, self.shown = None, None, []
        self.matrix.clear()
        self.matrix.setRowCount(0)
        self.matrix.setColumnCount(0)
        self.legend.clear()
        self.legend.hide()
        self.cell_images.clear()
        self.cell_label.setText("")
        if message:
            self.status.setText(message)

    def show_result(self, result, images) -> None:
        self.result, self.images = result, images
        names = list(result.class_names)
        count = len(names)
        self.matrix.clear()
        self.matrix.setRowCount(count)
        self.matrix.setColumnCount(count + 1)
        numbered = needs_numbers(names)
        labels = [str(number) for number in range(1, count + 1)] if numbered else names
        self.matrix.setHorizontalHeaderLabels([*labels, self.tr("Accuracy")])
        self.matrix.setVerticalHeaderLabels(labels)
        for index, name in enumerate(names):
            for header in (self.matrix.horizontalHeaderItem(index), self.matrix.verticalHeaderItem(index)):
                header.setToolTip(name)
        self.legend.blockSignals(True)
        self.legend.clear()
        for number, name in enumerate(names, start=1):
            self.legend.addItem(QListWidgetItem(self.tr("{0}: {1}").format(number, name)))
            self.legend.item(number - 1).setToolTip(name)
        self.legend.blockSignals(False)
        self.legend.setVisible(numbered)
        totals = result.matrix.sum(1).tolist()
        for true in range(count):
            for guess in range(count):
                value = int(result.matrix[true, guess])
                item = QTableWidgetItem(f"{value:,}")
                item.setBackground(QBrush(cell_colour(value, totals[true], true == guess)))
                item.setToolTip(
                    self.tr("{0} images of “{1}” classified as “{2}”").format(value, names[true], names[guess])
                )
                self.matrix.setItem(true, guess, item)
            share = result.per_class_accuracy[true]
            self.matrix.setItem(true, count, QTableWidgetItem("—" if share is None else f"{share:.1%}"))
        self._size_cells()
        wrong = int(result.matrix.sum() - result.matrix.trace())
        self.status.setText(
            self.tr(
                "{0:,} validation images, {1:.1%} classified right, {2:,} mistakes. Rows: the true class;"
                " columns: the network's answer. Click a cell to see its images."
            ).format(len(result.labels), result.accuracy, wrong)
        )
        mistakes = [(int(result.matrix[t, g]), t, g) for t in range(count) for g in range(count) if t != g]
        worst = max(mistakes, default=(0, 0, 0))
        self.select_cell(worst[1], worst[2]) if worst[0] else self.select_cell(0, 0)

    def _size_cells(self) -> None:
        """Square cells of the zoom's size; the accuracy column and named headers as wide as they need."""
        size = self.zoom.value()
        count = self.matrix.rowCount()
        self.matrix.verticalHeader().setDefaultSectionSize(size)
        for column in range(count):
            self.matrix.setColumnWidth(column, size)
        if count and self.legend.isHidden():
            for column in range(count):  # named columns: room for the name when the zoom allows it
                self.matrix.setColumnWidth(column, max(size, min(self.matrix.sizeHintForColumn(column), 3 * size)))
        self.matrix.resizeColumnToContents(count)

    def select_cell(self, true: int, guess: int) -> list[int]:
        """Show the images of class `true` that the network called `guess`; returns their indices."""
        if self.result is None or guess >= len(self.result.class_names):
            return []
        self.matrix.setCurrentCell(true, guess)
        names = self.result.class_names
        self.shown = self.result.cell(true, guess)
        captions = [self.tr("→ {0} {1:.0%}").format(names[guess], float(self.result.confidence[i])) for i in self.shown]
        self.cell_images.show_images([self.images.images[i] for i in self.shown], captions)
        if true == guess:
            text = self.tr("{0} images of “{1}” classified right.")
            self.cell_label.setText(text.format(len(self.shown), names[true]))
        else:
            text = self.tr("{0} images of “{1}” that the network took for “{2}”.")
            self.cell_label.setText(text.format(len(self.shown), names[true], names[guess]))
        return self.shown
