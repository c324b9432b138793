"""The Predict page: drop or paste images (or a folder), see the top classes of the current
model, and why: feature maps, Grad-CAM, filters, and the validation set's confusion matrix.

The model is the project's last trained one (the Train page hands it over), a checkpoint opened
here, or an ImageNet network used as it is. Images are prepared exactly as its training images
were (the checkpoint's size, channels and normalisation), by the same code as
`cnn-playground predict`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import error_text, translated
from playground.gui.background.tasks import Task
from playground.gui.pages.predict.confusion_panel import ConfusionPanel
from playground.gui.pages.predict.explain_panel import ExplainPanel
from playground.gui.project.correction import CorrectionButton, Corrector
from playground.gui.project.dataset_loader import DatasetLoader
from playground.gui.project.dropped_files import local_paths
from playground.gui.widgets.bar_chart import BarChart
from playground.gui.widgets.class_labels import class_label
from playground.gui.widgets.example_names import shown_name
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.images import image_file_filter, to_pixmap
from playground.gui.widgets.panels import RememberedSplitter
from playground.spec.errors import PlaygroundError
from playground.spec.project import atomic_write_bytes

COLUMNS = (
    QT_TRANSLATE_NOOP("PredictPage", "Image"),
    QT_TRANSLATE_NOOP("PredictPage", "File"),
    QT_TRANSLATE_NOOP("PredictPage", "Class"),
    QT_TRANSLATE_NOOP("PredictPage", "Probability %"),
    QT_TRANSLATE_NOOP("PredictPage", "Top classes"),
)
# (format, menu text, file filter, suffix) for "Export"
EXPORTS = (
    (
        "checkpoint",
        QT_TRANSLATE_NOOP("PredictPage", "Checkpoint (.pt)…"),
        QT_TRANSLATE_NOOP("PredictPage", "Checkpoints (*.pt)"),
        ".pt",
    ),
    ("onnx", "ONNX…", "ONNX (*.onnx)", ".onnx"),
    ("torchscript", "TorchScript…", "TorchScript (*.pt)", ".torchscript.pt"),
    (
        "python",
        QT_TRANSLATE_NOOP("PredictPage", "PyTorch code…"),
        QT_TRANSLATE_NOOP("PredictPage", "Python (*.py)"),
        ".py",
    ),
)


CLASSIFY_CHUNK = 16  # images per part: the table fills as the work goes on


CLASSES_NAMED = 5  # in the model's line: the first few, then "…"


class PredictPage(QWidget):
    classified = Signal(int)  # all queued images are in the table (how many rows it has)
    model_opened = Signal()  # a checkpoint opened with open_checkpoint is the model now

    def __init__(self, document=None, loader: DatasetLoader | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("predict_page")
        self.setAcceptDrops(True)
        self.document, self.loader = document, loader  # for the validation images of the project
        self.checkpoint = None
        self.predictor = None
        self.results = []  # playground.ml.inference.predict.Prediction, one per row
        self.pasted = tempfile.TemporaryDirectory(prefix="cnn-playground-pasted-")  # goes with the page
        self.validation_loader = DatasetLoader(self)  # for a checkpoint trained on other images
        self.confusion_task = Task(self, "confusion")
        self.checkpoint_reader = Task(self, "checkpoint-reader")
        self.checkpoint_reader.finished.connect(self._checkpoint_opened)
        self.checkpoint_reader.failed.connect(self._checkpoint_refused)
        self.classify_task = Task(self, "classify")  # a dropped folder of photos takes a while
        self.classify_task.part_ready.connect(self._add_classified)
        self.classify_task.finished.connect(self._classification_ended)
        self.classify_task.failed.connect(self._classification_failed)
        self.classify_task.cancelled.connect(self._classification_ended)
        self._waiting: list[tuple[list[Path], str]] = []  # dropped while a classification was running
        self._first_new: int | None = None  # a large validation set takes a while
        # The first new image as the network saw it: explained without decoding its file again.
        self._just_seen: tuple[int, object] | None = None

        self.model_label = QLabel()
        self.model_label.setObjectName("predict_model_label")
        self.model_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open checkpoint…"))
        self.imagenet_button = QToolButton()
        self.imagenet_button.setText(self.tr("ImageNet network…"))
        self.imagenet_button.setObjectName("imagenet_button")
        self.imagenet_button.setToolTip(
            self.tr("Classify into ImageNet's 1,000 classes with a pretrained network as it is")
        )
        self.imagenet_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.imagenet_button.setMenu(QMenu(self.imagenet_button))
        self.imagenet_button.menu().aboutToShow.connect(self._fill_imagenet_menu)
        self.add_button = QPushButton(self.tr("Add images…"))
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Classify an image or image files from the clipboard (Ctrl+V)"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setObjectName("export_button")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        for fmt, text, _filter, _suffix in EXPORTS:
            export_menu.addAction(self.tr(text), lambda f=fmt: self.export(f))
        self.export_button.setMenu(export_menu)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 10)
        self.top_k.setValue(3)
        self.top_k.setPrefix(self.tr("top "))
        for button, name in (
            (self.open_button, "open_checkpoint_button"),
            (self.add_button, "add_images_button"),
            (self.clear_button, "clear_button"),
            (self.csv_button, "csv_button"),
            (self.paste_button, "paste_button"),
        ):
            button.setObjectName(name)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("predictions")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.setIconSize(QSize(48, 48))
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # names that differ at the end stay apart
        for column, width in enumerate((56, 140, 80, 80)):
            self.table.setColumnWidth(column, width)
        self.hint = QLabel(
            self.tr("Drop image files or a folder here, paste an image (Ctrl+V), or press “Add images…”.")
        )
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosen_image_label")
        self.chosen_label.setWordWrap(True)
        self.chosen_bars = BarChart()
        self.chosen_bars.setObjectName("chosen_top_classes")
        # "This is really…" (issue 24): the chosen row's image, or a confusion-matrix cell's, into a class.
        self.corrector = Corrector(document, self)
        self.correct_button = CorrectionButton(self.corrector, lambda: self._chosen_paths())
        self.camera_button = QPushButton(self.tr("Camera…"))
        self.camera_button.setObjectName("live_camera_button")
        self.camera_button.setToolTip(self.tr("Classify a camera's (or a video's) frames live"))
        self.camera_button.clicked.connect(lambda: self.open_camera())
        self.live_dialog = None
        self.explain = ExplainPanel()
        self._explained_name = ""
        self.explain.image_unreadable.connect(self._explained_image_unreadable)
        self.confusion = ConfusionPanel()
        self.confusion.layout().addWidget(CorrectionButton(self.corrector, self.confusion.selected_paths))
        self.explain.addTab(self.confusion, self.tr("Validation set"))

        buttons = QWidget()
        buttons.setObjectName("predict_tools")
        buttons_layout = FlowLayout(buttons)  # wraps on a narrow screen instead of widening the page
        for widget in (
            self.open_button,
            self.imagenet_button,
            self.add_button,
            self.paste_button,
            self.camera_button,
            self.top_k,
            self.clear_button,
            self.csv_button,
            self.export_button,
        ):
            buttons_layout.addWidget(widget)
        self.hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chosen_label)
        right_layout.addWidget(self.chosen_bars)
        right_layout.addWidget(self.correct_button)
        right_layout.addWidget(self.explain, 1)
        self.splitter = RememberedSplitter("predict", Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.set_default_sizes([560, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_label)
        layout.addWidget(buttons)
        layout.addWidget(self.splitter, 1)

        self.open_button.clicked.connect(lambda: self.open_checkpoint())
        self.add_button.clicked.connect(lambda: self.add_images())
        self.paste_button.clicked.connect(lambda: self.paste())
        QShortcut(QKeySequence.StandardKey.Paste, self, lambda: self.paste())
        self.clear_button.clicked.connect(self.clear)
        self.csv_button.clicked.connect(lambda: self.save_csv())
        # The answer first, the explanation (a forward and a backward pass more) just after it.
        self.explain_timer = QTimer(self, singleShot=True, interval=0)
        self.explain_timer.timeout.connect(lambda: self.explain_row(self.table.currentRow()))
        self.table.currentCellChanged.connect(lambda *_: self.explain_timer.start())
        self.confusion.compute_button.clicked.connect(lambda: self.classify_validation())
        self.validation_loader.loaded.connect(self._classify_validation_images)
        self.validation_loader.failed.connect(lambda message: self.confusion.clear(message))
        self.confusion_task.finished.connect(self._show_confusion)
        self.confusion_task.failed.connect(self._show_confusion)
        self.set_model(None)

    # ------------------------------------------------------------------ model

    @property
    def has_model(self) -> bool:
        return self.checkpoint is not None or self.predictor is not None

    def set_model(self, checkpoint) -> None:
        """The model to predict with (a Checkpoint), or None. The table shows one model's answers:
        those of the model before go (save them as CSV first to keep them)."""
        if self.results:
            self.clear()
        self._waiting.clear()
        self.classify_task.forget()  # images queued for the model before are not this one's to answer
        self.checkpoint, self.predictor = checkpoint, None
        self.confusion_task.forget()  # a result for the model before is not this one's
        self.explain.clear()
        self.confusion.clear(self.tr("Shows, for every validation image, its true class against the network's answer."))
        if checkpoint is None:
            self.model_label.setText(
                self.tr(
                    "No model yet: train one on the Train page, open a checkpoint, or use an ImageNet network as it is."
                )
            )
        else:
            data = checkpoint.project.data
            self.model_label.setText(
                self.tr("Model: {0}, {1} classes ({2}), images {3}×{4}, {5} channel(s).").format(
                    shown_name(checkpoint.project.name),
                    len(checkpoint.class_names),
                    self._some_classes(checkpoint),
                    data.image_size[0],
                    data.image_size[1],
                    data.channels,
                )
            )
        self._update_buttons()

    def _some_classes(self, checkpoint) -> str:
        """The first few class names (a hundred of them spelled out filled six lines)."""
        source = checkpoint.project.data.source
        names = [class_label(name, source) for name in checkpoint.class_names[:CLASSES_NAMED]]
        return ", ".join(names) + (", …" if len(checkpoint.class_names) > CLASSES_NAMED else "")

    def _update_buttons(self) -> None:
        for button in (self.add_button, self.csv_button, self.paste_button, self.camera_button):
            button.setEnabled(self.has_model)
        self.export_button.setEnabled(self.checkpoint is not None)
        self.confusion.compute_button.setEnabled(self.checkpoint is not None)

    def _predictor(self):
        if self.predictor is None:
            from playground.ml.inference.predict import Predictor  # torch: loaded in the background by now

            self.predictor = Predictor(self.checkpoint)
        return self.predictor

    def _fill_imagenet_menu(self) -> None:
        from playground.ml.network.pretrained import find_weights
        from playground.spec.backbones import BACKBONES

        menu = self.imagenet_button.menu()
        menu.clear()
        for key, backbone in BACKBONES.items():
            if backbone.source == "playground":
                continue
            try:
                present = find_weights(key) is not None
            except PlaygroundError:  # a timm network without timm installed
                present = False
            action = menu.addAction(backbone.title, lambda k=key: self.use_imagenet_network(k))
            action.setEnabled(present)
            if not present:
                action.setToolTip(
                    self.tr("Its weights are not on this machine: Model page → Pretrained → Import weights")
                )
        menu.setToolTipsVisible(True)

    def use_imagenet_network(self, key: str) -> bool:
        """Predict with an ImageNet network as it is (1,000 classes, its own preprocessing)."""
        from playground.ml.inference.predict import ImagenetPredictor
        from playground.spec.backbones import BACKBONES

        try:
            predictor = ImagenetPredictor(key)
        except PlaygroundError as error:
            QMessageBox.warning(self, self.tr("Cannot use this network"), error_text(error))
            return False
        self.set_model(None)
        self.predictor = predictor
        crop = predictor.preprocessing.crop
        self.model_label.setText(
            self.tr(
                "Model: {0} pretrained on ImageNet, as it is: 1,000 classes, images {1}×{1} RGB"
                " (resized and centre-cropped as its weights expect)."
            ).format(BACKBONES[key].title, crop)
        )
        self.confusion.clear(
            self.tr("An ImageNet network as it is has no validation set here: train a model for that.")
        )
        self._update_buttons()
        return True

    def open_checkpoint(self, path: str | None = None) -> bool:
        """Read and check a checkpoint, and build its network, on a background task (seconds for a
        large one); it becomes the model when it is ready (`model_opened`). True when reading started."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open checkpoint"), "", self.tr("Checkpoints (*.pt)"))
            if not path:
                return False

        def read(context):
            from playground.ml.files.checkpoints import load_checkpoint
            from playground.ml.inference.predict import Predictor

            checkpoint = load_checkpoint(path)
            return checkpoint, Predictor(checkpoint)  # now: a checkpoint whose weights do not fit fails here

        self.checkpoint_reader.start(read)
        return True

    def _checkpoint_opened(self, result) -> None:
        checkpoint, predictor = result
        self.set_model(checkpoint)
        self.predictor = predictor
        self.model_opened.emit()

    def _checkpoint_refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot open checkpoint"), message)

    # ------------------------------------------------------------------ predicting

    def add_images(self, paths: list[str | Path] | None = None, title: str = "") -> int:
        """Classify files (folders are searched for images) on a background task; the table fills
        as results come (`classified` when all are in). Returns how many files were queued."""
        if not self.has_model:
            QMessageBox.information(self, self.tr("No model yet"), self.model_label.text())
            return 0
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Images to classify"), "", image_file_filter())
        from playground.ml.data.folders import images_under

        files = []
        for path in map(Path, paths):
            files.extend(images_under(path) if path.is_dir() else [path])
        if not files:
            return 0
        self._waiting.append((files, title))
        if not self.classify_task.busy:
            self._classify_next()
        return len(files)

    @property
    def classifying(self) -> bool:
        return bool(self._waiting) or self.classify_task.busy

    def _classify_next(self) -> None:
        files, title = self._waiting.pop(0)
        predictor, top_k = self._predictor(), self.top_k.value()
        self._first_new = len(self.results)

        def classify(context):
            for start in range(0, len(files), CLASSIFY_CHUNK):
                if context.cancelled:
                    return
                predictions, images = predictor.classify_files(files[start : start + CLASSIFY_CHUNK], top_k=top_k)
                if title:
                    predictions = [dataclasses.replace(p, title=title) for p in predictions]
                context.send((predictions, images))
                context.progress(min(start + CLASSIFY_CHUNK, len(files)), len(files))

        self.classify_task.start(classify)

    def _add_classified(self, part) -> None:
        """A chunk of results from the background task: rows now, the first new image explained."""
        predictions, images = part
        self.table.setSortingEnabled(False)
        for prediction, image in zip(predictions, images, strict=True):
            self._add_row(prediction, image)
        self.table.setSortingEnabled(True)
        self.hint.hide()
        if self._first_new is not None:
            self._just_seen = (self._first_new, images[0])
            self.select_result(self._first_new)  # explain the first new image
            self._first_new = None

    def _classification_ended(self, *_) -> None:
        if self._waiting:
            self._classify_next()
        else:
            self.classified.emit(len(self.results))

    def _add_row(self, prediction, image) -> None:
        self.results.append(prediction)
        row = self.table.rowCount()
        self.table.insertRow(row)
        thumbnail = QTableWidgetItem()
        if image is not None:
            thumbnail.setIcon(QIcon(to_pixmap(image, 48)))
        name = QTableWidgetItem(prediction.title or Path(prediction.path).name)
        name.setToolTip(prediction.path)
        name.setData(Qt.ItemDataRole.UserRole, len(self.results) - 1)  # the row's result, however sorted
        if prediction.error:
            cells = [
                thumbnail,
                name,
                QTableWidgetItem(self.tr("not classified")),
                QTableWidgetItem(""),
                QTableWidgetItem(translated(prediction.error)),
            ]
        else:
            best, probability = prediction.top[0]
            share = QTableWidgetItem()
            share.setData(Qt.ItemDataRole.DisplayRole, round(probability * 100, 1))  # sorts as a number
            source = self.checkpoint.project.data.source if self.checkpoint is not None else ""
            best = class_label(best, source)
            top = [(class_label(label, source), p) for label, p in prediction.top]
            bars = " · ".join(f"{label} {p:.0%}" for label, p in top)  # the chosen image gets bars
            cells = [thumbnail, name, QTableWidgetItem(best), share, QTableWidgetItem(bars)]
            cells[2].setToolTip(best)  # long class names are shortened in the middle; here whole
            cells[4].setToolTip("\n".join(f"{label}: {p:.1%}" for label, p in top))
        for column, item in enumerate(cells):
            self.table.setItem(row, column, item)

    def result_at(self, row: int):
        """The Prediction shown in table row `row` (rows move when the table is sorted)."""
        item = self.table.item(row, 1)
        return None if item is None else self.results[item.data(Qt.ItemDataRole.UserRole)]

    def select_result(self, index: int) -> None:
        """Make the row of result `index` current, wherever sorting put it."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 1).data(Qt.ItemDataRole.UserRole) == index:
                self.table.setCurrentCell(row, 1)
                return

    def explain_row(self, row: int) -> None:
        result = self.result_at(row)
        self.chosen_bars.set_values([])
        if result is None or result.error:
            self.chosen_label.setText(translated(result.error) if result else "")
            self.explain.clear()
            return
        self.chosen_label.setText(
            self.tr("{0}: the network says “{1}”.").format(self.table.item(row, 1).text(), result.top[0][0])
        )
        self.chosen_bars.set_values([(name, p) for name, p in result.top], "{:.1%}".format)
        predictor = self._predictor()
        self._explained_name = Path(result.path).name
        index = self.table.item(row, 1).data(Qt.ItemDataRole.UserRole)
        seen = self._just_seen[1] if self._just_seen and self._just_seen[0] == index else None
        self._just_seen = None  # chosen again later, the file is read again (it may have changed since)
        self.explain.show_image(predictor, result.path, predictor.class_names.index(result.top[0][0]), seen)

    def _explained_image_unreadable(self, reason: str) -> None:  # changed or removed since it was classified
        self.chosen_label.setText(self.tr("{0}: {1}").format(self._explained_name, reason))

    def _classification_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot classify"), message)
        self._waiting.clear()
        self.classified.emit(len(self.results))

    def clear(self) -> None:
        self._waiting.clear()
        self.classify_task.forget()
        self.results.clear()
        self._just_seen = None
        self.table.setRowCount(0)
        self.explain.clear()
        self.hint.show()

    # ------------------------------------------------------------------ camera and corrections

    def open_camera(self):
        """Live prediction of a camera's frames in a window beside this one; a frozen frame joins the table."""
        from playground.gui.pages.predict.live_panel import LiveDialog, LivePanel

        if self.live_dialog is None:
            panel = LivePanel(
                lambda: self._predictor() if self.has_model else None,
                self.corrector,
                Path(self.pasted.name),
                top_k=self.top_k.value,
            )
            panel.frame_frozen.connect(lambda path, title: self.add_images([path], title=title))
            self.live_dialog = LiveDialog(panel, self)
        self.live_dialog.show()
        return self.live_dialog

    def _chosen_paths(self) -> list[str]:
        result = self.result_at(self.table.currentRow())
        return [result.path] if result is not None and not result.error else []

    # ------------------------------------------------------------------ clipboard

    def paste(self) -> int:
        """Classify what the clipboard holds: image files (copied in a file manager) or an image."""
        mime = QGuiApplication.clipboard().mimeData()
        paths = local_paths(mime) if mime is not None else []
        if paths:
            return self.add_images(paths)
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            QMessageBox.information(self, self.tr("Nothing to paste"), self.tr("The clipboard holds no image."))
            return 0
        # Saved as a PNG so that it goes through exactly the same decoding as a dropped file.
        number = len(list(Path(self.pasted.name).iterdir())) + 1
        path = Path(self.pasted.name) / f"pasted-{number}.png"
        image.save(str(path), "PNG")
        return self.add_images([path], title=self.tr("Pasted image {0}").format(number))

    # ------------------------------------------------------------------ exports

    def export(self, fmt: str, path: str | None = None) -> Path | None:
        """Write the model as a checkpoint, ONNX, TorchScript or PyTorch code."""
        if self.checkpoint is None:
            return None
        _fmt, _text, file_filter, suffix = next(e for e in EXPORTS if e[0] == fmt)
        if path is None:
            suggested = f"{self.checkpoint.project.name}{suffix}"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export model"), suggested, self.tr(file_filter))
            if not path:
                return None
        from playground.ml.files.checkpoints import save_checkpoint
        from playground.ml.inference.export import export_checkpoint

        try:
            if fmt == "checkpoint":
                return save_checkpoint(self.checkpoint, path)
            return export_checkpoint(self.checkpoint, fmt, path)
        except (PlaygroundError, OSError) as error:
            QMessageBox.warning(self, self.tr("Not exported"), self.tr("Could not export {0}: {1}").format(path, error))
            return None

    # ------------------------------------------------------------------ validation set

    def classify_validation(self) -> bool:
        """Fill the confusion matrix; False while the images are still to be loaded."""
        if self.checkpoint is None:
            return False
        settings = self.checkpoint.project.data
        base_dir = self.document.base_dir if self.document is not None else None
        image_set = self.loader.images_for(settings, base_dir) if self.loader is not None else None
        if image_set is None:  # trained on other images than the project's now: load them aside
            self.confusion.clear(self.tr("Loading the images the model was trained on…"))
            if not self.validation_loader.request(settings, base_dir) and self.validation_loader.image_set:
                self._classify_validation_images(self.validation_loader.image_set)
                return True
            return False
        self._classify_validation_images(image_set)
        return True

    def _classify_validation_images(self, image_set) -> None:
        checkpoint = self.checkpoint
        if checkpoint is None:
            return
        if tuple(image_set.class_names) != tuple(checkpoint.class_names):
            self.confusion.clear(
                self.tr("These images have other classes ({0}) than the model ({1}).").format(
                    ", ".join(image_set.class_names), ", ".join(checkpoint.class_names)
                )
            )
            return
        from playground.ml.data.prepare import prepare_image_set
        from playground.ml.inference.explain import confusion

        # The same split as training (same fraction and seed): these images were never trained on.
        val = prepare_image_set(image_set, checkpoint.project.data.val_fraction, checkpoint.project.training.seed).val
        predictor = self._predictor()
        self.confusion.clear(self.tr("Classifying {0:,} validation images…").format(len(val)))
        self.confusion.compute_button.setEnabled(False)
        self.confusion_task.start(lambda context: (confusion(predictor, val), val))

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
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save predictions"), "predictions.csv", self.tr("CSV (*.csv)")
            )
            if not path:
                return None
        atomic_write_bytes(Path(path), self.csv_text().encode("utf-8"))
        return Path(path)

    def _show_confusion(self, outcome) -> None:
        self.confusion.compute_button.setEnabled(self.checkpoint is not None)
        if isinstance(outcome, str):  # failed: the reason
            self.confusion.clear(self.tr("Could not classify the validation set: {0}").format(outcome))
        else:
            result, images = outcome
            if self.checkpoint is not None:  # a built-in dataset's classes in the interface's language
                source = self.checkpoint.project.data.source
                names = tuple(class_label(name, source) for name in result.class_names)
                result = dataclasses.replace(result, class_names=names)
            self.confusion.show_result(result, images)

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
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: PredictPage(document, loader))
