"""The Predict page: drop images (or a folder) and see the top classes of the current model.

The model is the project's last trained one (the Train page hands it over) or a checkpoint
opened here. Images are prepared exactly as its training images were (the checkpoint's size,
channels and normalisation), by the same code as `cnn-playground predict`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.gui.pages.data_page import local_paths
from playground.gui.widgets.images import IMAGE_FILE_FILTER, to_pixmap
from playground.spec.errors import PlaygroundError
from playground.spec.project import atomic_write_bytes

COLUMNS = ("Image", "File", "Class", "Probability %", "Top classes")


class PredictPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("predict_page")
        self.setAcceptDrops(True)
        self.checkpoint = None
        self.predictor = None
        self.results = []  # playground.ml.predict.Prediction, one per row

        self.model_label = QLabel()
        self.model_label.setObjectName("predict_model_label")
        self.model_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open checkpoint…"))
        self.add_button = QPushButton(self.tr("Add images…"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 10)
        self.top_k.setValue(3)
        self.top_k.setPrefix(self.tr("top "))
        for button, name in ((self.open_button, "open_checkpoint_button"), (self.add_button, "add_images_button"),
                             (self.clear_button, "clear_button"), (self.csv_button, "csv_button")):  # fmt: skip
            button.setObjectName(name)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("predictions")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.setIconSize(QSize(48, 48))
        self.hint = QLabel(self.tr("Drop image files or a folder here, or press “Add images…”."))

        buttons = QHBoxLayout()
        for widget in (self.open_button, self.add_button, self.top_k, self.clear_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_label)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

        self.open_button.clicked.connect(lambda: self.open_checkpoint())
        self.add_button.clicked.connect(lambda: self.add_images())
        self.clear_button.clicked.connect(self.clear)
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.set_model(None)

    # ------------------------------------------------------------------ model

    def set_model(self, checkpoint) -> None:
        """The model to predict with (a Checkpoint), or None."""
        self.checkpoint, self.predictor = checkpoint, None
        if checkpoint is None:
            self.model_label.setText(self.tr("No model yet: train one on the Train page, or open a checkpoint."))
        else:
            data = checkpoint.project.data
            self.model_label.setText(
                self.tr("Model: {0}, {1} classes ({2}), images {3}×{4}, {5} channel(s).").format(
                    checkpoint.project.name, len(checkpoint.class_names), ", ".join(checkpoint.class_names[:10]),
                    data.image_size[0], data.image_size[1], data.channels,
                )
            )  # fmt: skip
        for button in (self.add_button, self.csv_button):
            button.setEnabled(checkpoint is not None)

    def open_checkpoint(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open checkpoint"), "", self.tr("Checkpoints (*.pt)"))
            if not path:
                return False
        from playground.ml.checkpoints import load_checkpoint

        try:
            self.set_model(load_checkpoint(path))
        except PlaygroundError as error:
            QMessageBox.warning(self, self.tr("Cannot open checkpoint"), str(error))
            return False
        return True

    # ------------------------------------------------------------------ predicting

    def add_images(self, paths: list[str | Path] | None = None) -> int:
        """Classify files (folders are searched for images); returns how many rows were added."""
        if self.checkpoint is None:
            QMessageBox.information(self, self.tr("No model yet"), self.model_label.text())
            return 0
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Images to classify"), "", self.tr(IMAGE_FILE_FILTER))
        from playground.ml.folders import images_under
        from playground.ml.predict import Predictor

        files = []
        for path in map(Path, paths):
            files.extend(images_under(path) if path.is_dir() else [path])
        if not files:
            return 0
        if self.predictor is None:
            self.predictor = Predictor(self.checkpoint)
        predictions = self.predictor.predict_files(files, top_k=self.top_k.value())
        self.table.setSortingEnabled(False)
        for prediction in predictions:
            self._add_row(prediction)
        self.table.setSortingEnabled(True)
        self.hint.hide()
        return len(predictions)

    def _add_row(self, prediction) -> None:
        self.results.append(prediction)
        row = self.table.rowCount()
        self.table.insertRow(row)
        thumbnail = QTableWidgetItem()
        if not prediction.error:
            thumbnail.setIcon(QIcon(to_pixmap(self.predictor.load_image(prediction.path).numpy(), 48)))
        name = QTableWidgetItem(Path(prediction.path).name)
        name.setToolTip(prediction.path)
        if prediction.error:
            cells = [thumbnail, name, QTableWidgetItem(self.tr("not classified")), QTableWidgetItem(""),
                     QTableWidgetItem(prediction.error)]  # fmt: skip
        else:
            best, probability = prediction.top[0]
            share = QTableWidgetItem()
            share.setData(Qt.ItemDataRole.DisplayRole, round(probability * 100, 1))  # sorts as a number
            bars = "   ".join(f"{label} {'█' * max(1, round(p * 20))} {p:.0%}" for label, p in prediction.top)
            cells = [thumbnail, name, QTableWidgetItem(best), share, QTableWidgetItem(bars)]
        for column, item in enumerate(cells):
            self.table.setItem(row, column, item)

    def clear(self) -> None:
        self.results.clear()
        self.table.setRowCount(0)
        self.hint.show()

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        k = max((len(r.top) for r in self.results), default=0)
        writer.writerow(["path", *[f"{name}_{i + 1}" for i in range(k) for name in ("class", "probability")], "error"])
        for result in self.results:
            cells = [value for label, p in result.top for value in (label, f"{p:.6f}")]
            writer.writerow([result.path, *cells, *[""] * (2 * k - len(cells)), result.error])
        return out.getvalue()

    def save_csv(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save predictions"), "predictions.csv",
                                                  self.tr("CSV (*.csv)"))  # fmt: skip
            if not path:
                return None
        atomic_write_bytes(Path(path), self.csv_text().encode("utf-8"))
        return Path(path)

    # ------------------------------------------------------------------ drops

    def dragEnterEvent(self, event) -> None:
        event.acceptProposedAction() if local_paths(event.mimeData()) else event.ignore()

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_images(paths)


if __name__ == "__main__":
    from playground.gui.standalone import run_alone

    run_alone(lambda document, classes, loader: PredictPage())
