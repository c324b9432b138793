"""The Data page: choose a built-in dataset or bring images (a folder, or classes built here
Teachable-Machine-style), see them as the network will, their class balance and the split.

Images added here are copied into an app-made dataset folder — next to the project file
(`NAME_images/`) when the project is saved, else in the app's data folder — and the project
stores that folder's path (relative when it is next to the project), so reopening the project,
or training it from the command line, finds them again.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.config import config_dir
from playground.gui.app.messages import error_text, translated
from playground.gui.project.dataset_loader import DatasetLoader
from playground.gui.project.document import ProjectDocument
from playground.gui.project.dropped_files import local_paths
from playground.gui.widgets.bar_chart import BarChart
from playground.gui.widgets.class_labels import class_label
from playground.gui.widgets.images import ImageGrid, image_file_filter
from playground.gui.widgets.layer_labels import tr
from playground.gui.widgets.panels import RememberedSplitter, fitted_scroll_panel
from playground.gui.widgets.settings_form import FieldView, SettingsInputs, Slider
from playground.ml.data import folders
from playground.ml.data.builtin import BUILTIN_DATASETS
from playground.ml.data.folders import resolve_source_folder
from playground.spec.errors import DataError
from playground.spec.project import Project
from playground.spec.settings import DataSettings

THUMBNAILS_PER_CLASS = 120


class ClassList(QListWidget):
    """Classes with their image counts; image files dropped on a class are added to it."""

    images_dropped = Signal(str, list)  # class name, file paths

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("class_list")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        # Long class names that differ only at the end stay distinguishable; the full name is the tooltip.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editable = False

    def dragEnterEvent(self, event) -> None:
        # Files or folders of images (accepted even where they cannot go, so that the drop is
        # answered here with a message instead of falling through to the window).
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        if item is not None:
            self.setCurrentItem(item)
        event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Image files, or folders of them, onto a class: the page copies them in (or says why not)."""
        item = self.itemAt(event.position().toPoint())
        files: list[str] = []
        for path in local_paths(event.mimeData()):
            files.extend(str(p) for p in (folders.images_under(path) if path.is_dir() else [path]))
        self.images_dropped.emit(item.data(Qt.ItemDataRole.UserRole) if item is not None else "", files)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()


class DataPage(QWidget):
    def __init__(self, document: ProjectDocument, class_names, loader: DatasetLoader, parent=None):
        super().__init__(parent)
        self.setObjectName("data_page")
        self.document = document
        self.class_names = class_names
        self.loader = loader
        self._shown: tuple | None = None  # the data settings the class list was last built for

        # --- where the images come from
        self.source = QComboBox()
        self.source.setObjectName("source_combo")
        for dataset in BUILTIN_DATASETS.values():
            installed = dataset.is_installed()
            title = tr(dataset.title)  # marked for translation in layer_labels.DATASET_TEXTS
            label = title if installed else self.tr("{0} (not installed)").format(title)
            self.source.addItem(label, f"builtin:{dataset.name}")
            tip = tr(dataset.description) if installed else self.tr("Not installed: {0}").format(dataset.how_to_install)
            self.source.setItemData(self.source.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.folder_button = QPushButton(self.tr("Open a folder…"))
        self.folder_button.setObjectName("folder_button")
        self.folder_button.setToolTip(
            self.tr("A folder with one subfolder per class (cats/, dogs/, …); or drop it on the window")
        )
        self.new_button = QPushButton(self.tr("New dataset from my images"))
        self.new_button.setObjectName("new_dataset_button")
        self.new_button.setToolTip(self.tr("Make classes here and drop image files onto them"))

        # The network's input and the split: inputs made from DataSettings' own readers.
        channels = {1: self.tr("Grayscale (1 channel)"), 3: self.tr("Colour RGB (3 channels)")}
        views = [
            FieldView("image_size", name="image"),
            FieldView("channels", options=channels, name="channels_combo"),
            FieldView("val_fraction", slider=Slider(0.01, unit=None, notches_per_key=5), name="split_slider"),
        ]
        self.data_inputs = SettingsInputs(DataSettings, views, self)
        size = self.data_inputs.widgets["image_size"]
        self.height, self.width = size.height, size.width
        for spin in (self.height, self.width):
            spin.setKeyboardTracking(False)  # reload once the number is typed, not per digit
        self.channels = self.data_inputs.widgets["channels"]
        self.split_box = self.data_inputs.widgets["val_fraction"]
        self.split = self.split_box.slider
        self.split_label = QLabel()
        self.split_label.setObjectName("split_label")

        self.progress = QProgressBar()
        self.progress.setObjectName("load_progress")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_load_button")
        self.reload_button = QPushButton(self.tr("Load again"))
        self.reload_button.setObjectName("reload_button")
        self.status = QLabel()
        self.status.setObjectName("data_status")
        self.status.setWordWrap(True)

        # --- classes, pictures, balance
        self.classes = ClassList()
        self.add_class_button = QPushButton(self.tr("Add class"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_images_button = QPushButton(self.tr("Add images…"))
        self.record_button = QPushButton(self.tr("Record with the camera…"))
        self.record_dialog = None
        for button, name in (
            (self.record_button, "record_camera_button"),
            (self.add_class_button, "add_class_button"),
            (self.rename_button, "rename_class_button"),
            (self.remove_button, "remove_class_button"),
            (self.add_images_button, "add_images_button"),
        ):
            button.setObjectName(name)
        self.thumbnails = ImageGrid(64)
        self.thumbnails.setObjectName("thumbnails")
        self.thumbnails_title = QLabel()
        self.balance = BarChart()
        self.balance.setObjectName("balance_chart")
        self.skipped = QListWidget()
        self.skipped.setObjectName("skipped_list")
        self.skipped_title = QLabel()

        self._layout()
        self._connect()
        document.project_changed.connect(self.render)
        document.images_added.connect(lambda *_: self._after_files_changed())  # "This is really…" on Predict
        loader.started.connect(self._loading)
        loader.progress.connect(self._progress)
        loader.loaded.connect(self._loaded)
        loader.failed.connect(self._failed)
        loader.cancelled.connect(self._cancelled)
        self.render(document.project)

    # ------------------------------------------------------------------ layout

    def _layout(self) -> None:
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.folder_button)
        source_row.addWidget(self.new_button)
        size_row = QHBoxLayout()
        size_row.addWidget(self.data_inputs.widgets["image_size"])
        size_row.addSpacing(16)
        size_row.addWidget(self.channels)
        size_row.addStretch(1)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_box, 1)
        split_row.addWidget(self.split_label, 2)
        load_row = QHBoxLayout()
        load_row.addWidget(self.progress, 1)
        load_row.addWidget(self.cancel_button)
        load_row.addWidget(self.reload_button)
        load_row.addStretch(0)

        top = QGroupBox(self.tr("Dataset"))
        form = QFormLayout(top)
        form.addRow(self.tr("Images"), source_row)
        form.addRow(self.tr("Network input"), size_row)
        form.addRow(self.tr("Validation split"), split_row)
        form.addRow(load_row)
        form.addRow(self.status)

        class_buttons = QHBoxLayout()
        for button in (self.add_class_button, self.rename_button, self.remove_button):
            class_buttons.addWidget(button)
        classes_box = QGroupBox(self.tr("Classes"))
        classes_layout = QVBoxLayout(classes_box)
        classes_layout.addWidget(self.classes, 1)
        classes_layout.addLayout(class_buttons)
        classes_layout.addWidget(self.add_images_button)
        classes_layout.addWidget(self.record_button)
        self.drop_hint = QLabel(self.tr("Drop image files onto a class to add them."))
        self.drop_hint.setWordWrap(True)
        classes_layout.addWidget(self.drop_hint)

        pictures_box = QGroupBox(self.tr("Images as the network sees them"))
        pictures = QVBoxLayout(pictures_box)
        pictures.addWidget(self.thumbnails_title)
        pictures.addWidget(self.thumbnails, 1)
        pictures.addWidget(QLabel(self.tr("Class balance")))
        pictures.addWidget(fitted_scroll_panel(self.balance, "balance_scroll"), 1)  # many classes scroll
        pictures.addWidget(self.skipped_title)
        pictures.addWidget(self.skipped)
        self.skipped.setMaximumHeight(90)

        splitter = RememberedSplitter("data", Qt.Orientation.Horizontal)
        splitter.addWidget(classes_box)
        splitter.addWidget(pictures_box)
        splitter.set_default_sizes([280, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.source.activated.connect(lambda _: self._edit(source=self.source.currentData()))
        self.folder_button.clicked.connect(lambda: self.use_folder())
        self.new_button.clicked.connect(self.new_dataset)
        self.data_inputs.edited.connect(self._edit_setting)
        self.cancel_button.clicked.connect(self.loader.cancel)
        self.reload_button.clicked.connect(lambda: self.load(force=True))
        self.classes.currentRowChanged.connect(lambda _: self._show_class())
        self.classes.images_dropped.connect(lambda name, files: self.add_images(name or None, files) if files else None)
        self.add_class_button.clicked.connect(lambda: self.add_class())
        self.rename_button.clicked.connect(lambda: self.rename_class())
        self.remove_button.clicked.connect(self.remove_class)
        self.add_images_button.clicked.connect(lambda: self.add_images())
        self.record_button.clicked.connect(lambda: self.record_with_camera())

    # ------------------------------------------------------------------ edits

    def _edit(self, merge: str | None = None, **changes) -> None:
        data = dataclasses.replace(self.document.project.data, **changes)
        self.document.change(
            self.document.project.replace(data=data), self.tr("Change data"), merge and f"data:{merge}"
        )

    def _edit_setting(self, key: str, value) -> None:
        merge = {"image_size": "size", "val_fraction": "split"}.get(key)  # typing a size, dragging the split: one step
        self._edit(merge, **{key: value})

    def _source_for(self, folder: Path) -> str:
        return self.source_for(folder, self.document.base_dir)

    @staticmethod
    def source_for(folder: Path, base: Path | None) -> str:
        """A folder next to (or under) the project file is stored relative to it, else absolute."""
        folder = Path(folder).resolve()
        if base is not None and folder.is_relative_to(Path(base).resolve()):
            return str(folder.relative_to(Path(base).resolve()))
        return str(folder)

    def use_folder(self, folder: str | Path | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("A folder with one subfolder per class"))
            if not folder:
                return
        self._edit(source=self._source_for(Path(folder)))

    @property
    def folder(self) -> Path | None:
        """The dataset folder, when the images come from one."""
        source = self.document.project.data.source
        return None if source.startswith("builtin:") else resolve_source_folder(source, self.document.base_dir)

    def new_dataset(self) -> Path | None:
        """An empty app-made dataset with two classes, ready for images to be dropped in."""
        if self.document.path is not None:
            parent, name = self.document.path.parent, f"{self.document.path.stem}_images"
        else:
            parent, name = config_dir() / "datasets", datetime.now().strftime("dataset-%Y%m%d-%H%M%S")
        try:
            folder = folders.new_dataset_folder(parent, name, (self.tr("Class 1"), self.tr("Class 2")))
        except OSError as error:
            self._report(self.tr("Could not make a dataset folder in {0}: {1}").format(parent, error))
            return None
        self.use_folder(folder)
        return folder

    def _class_at(self, row: int | None = None) -> str | None:
        item = self.classes.item(self.classes.currentRow() if row is None else row)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _after_files_changed(self) -> None:
        self._shown = None
        self.class_names.refresh()
        self.render(self.document.project)
        self.load(force=True)
        self.document.project_changed.emit(self.document.project)  # other pages re-read the classes

    def _report(self, problem: Exception | str) -> None:
        text = translated(problem) if isinstance(problem, str) else error_text(problem)
        QMessageBox.warning(self, self.tr("Dataset"), text)

    def _editable_folder(self) -> Path | None:
        """The dataset folder if the app may change it: one it made (its images are copies).
        A folder of the user's own is read, never written: classes are made in a new dataset."""
        folder = self.folder
        if folder is None or not folders.is_app_dataset(folder):
            self._report(
                self.tr(
                    "This dataset is not one the app made, so it is left as it is. Press “New dataset from my"
                    " images” to make classes and add images to them."
                )
            )
            return None
        return folder

    def add_class(self, name: str | None = None) -> bool:
        folder = self._editable_folder()
        if folder is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add class"), self.tr("Name of the new class:"))
            if not ok:
                return False
        try:
            folders.add_class(folder, name)
        except (DataError, OSError) as error:
            self._report(error)
            return False
        self._after_files_changed()
        return True

    def rename_class(self, new: str | None = None) -> bool:
        old = self._class_at()
        folder = self._editable_folder() if old is not None else None
        if folder is None:
            return False
        if new is None:
            new, ok = QInputDialog.getText(self, self.tr("Rename class"), self.tr("New name:"), text=old)
            if not ok or new == old:
                return False
        try:
            folders.rename_class(folder, old, new)
        except (DataError, OSError) as error:
            self._report(error)
            return False
        self._after_files_changed()
        return True

    def remove_class(self) -> bool:
        folder, name = self.folder, self._class_at()
        if folder is None or name is None or not folders.is_app_dataset(folder):
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Remove class"),
            self.tr("Remove the class “{0}” and the copies of its images?").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            folders.remove_class(folder, name)
        except OSError as error:
            self._report(self.tr("Could not remove {0}: {1}").format(name, error))
        self._after_files_changed()
        return True

    def add_images(self, class_name: str | None = None, files: list[str] | None = None) -> int:
        class_name = class_name or self._class_at()
        if class_name is None:
            self._report(self.tr("Drop the images onto one of the classes in the list."))
            return 0
        folder = self._editable_folder()
        if folder is None:
            return 0
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("Images for {0}").format(class_name),
                "",
                image_file_filter(),
            )
        if not files:
            return 0
        try:
            copied, refused = folders.add_images(folder, class_name, files)
        except OSError as error:  # disk full, read-only: what was copied stays, and is shown
            copied, refused = [], [error_text(error)]
            self._after_files_changed()
        if refused:
            self._report(self.tr("Not added:\n{0}").format("\n".join(translated(reason) for reason in refused)))
        if copied:
            self._after_files_changed()
        return len(copied)

    def record_with_camera(self):
        """The camera's recording window, saving frames into the classes of this (app-made) dataset."""
        from playground.gui.camera.record_panel import RecordDialog

        folder = self._editable_folder()
        if folder is None:
            return None
        if self.record_dialog is not None:
            self.record_dialog.close()
        names = [name for name, _count in folders.folder_classes(folder)]
        self.record_dialog = RecordDialog(folder, names, self.document.project.data.image_size, self)
        # Through the document: this page reloads, the Train page counts what the next run adds.
        self.record_dialog.panel.files_changed.connect(lambda name: self.document.images_added.emit(name, 0))
        self.record_dialog.show()
        return self.record_dialog

    # ------------------------------------------------------------------ loading

    def load(self, force: bool = False) -> None:
        self.loader.request(self.document.project.data, self.document.base_dir, force=force)

    def _loading(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.cancel_button.show()
        self.reload_button.hide()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Loading images…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("Loading images… {0} of {1}").format(f"{done:,}", f"{total:,}"))

    def _loading_ended(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _loaded(self, image_set) -> None:
        self._loading_ended()
        self.reload_button.show()
        self.status.setStyleSheet("")
        shape = "×".join(map(str, image_set.images.shape[1:]))
        self.status.setText(
            self.tr("{0} images in {1} classes, each {2} (channels × height × width).").format(
                f"{len(image_set):,}", len(image_set.class_names), shape
            )
        )
        self._show_classes()

    def _failed(self, message: str) -> None:
        self._loading_ended()
        self.reload_button.show()
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)
        self._show_classes()

    def _cancelled(self) -> None:
        self._loading_ended()
        self.reload_button.show()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Loading was cancelled. Press “Load again” to load the images."))

    # ------------------------------------------------------------------ showing

    def _image_set(self):
        return self.loader.images_for(self.document.project.data, self.document.base_dir)

    def _counts(self) -> list[tuple[str, int]]:
        image_set = self._image_set()
        if image_set is not None:
            return list(zip(image_set.class_names, image_set.class_counts, strict=True))
        folder = self.folder
        if folder is not None:
            return folders.folder_classes(folder)
        return [(name, 0) for name in self.class_names() or ()]

    def _show_classes(self) -> None:
        row = self.classes.currentRow()
        counts = self._counts()
        self.classes.blockSignals(True)
        self.classes.clear()
        for name, count in counts:
            shown = class_label(name, self.document.project.data.source)  # a built-in one's in the interface's language
            item = QListWidgetItem(self.tr("{0}   ({1} images)").format(shown, f"{count:,}"))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(shown)  # a long name is shortened in the middle (ClassList)
            self.classes.addItem(item)
        self.classes.setCurrentRow(min(max(row, 0), len(counts) - 1) if counts else -1)
        self.classes.blockSignals(False)
        self.balance.set_values(counts)
        total = sum(count for _, count in counts)
        fraction = self.document.project.data.val_fraction
        self.split_label.setText(
            self.tr("{0}% validation (about {1} images), {2}% training (about {3})").format(
                round(fraction * 100),
                f"{round(total * fraction):,}",
                round((1 - fraction) * 100),
                f"{total - round(total * fraction):,}",
            )
        )
        image_set = self._image_set()
        skipped = image_set.skipped if image_set is not None else []
        self.skipped.clear()
        for file in skipped:
            self.skipped.addItem(f"{file.path}: {translated(file.reason)}")
        self.skipped_title.setText(self.tr("Skipped files ({0}), not used:").format(len(skipped)) if skipped else "")
        self.skipped.setVisible(bool(skipped))
        self._show_class()

    def _show_class(self) -> None:
        name = self._class_at()
        image_set = self._image_set()
        if name is None or image_set is None or name not in image_set.class_names:
            self.thumbnails.clear()
            self.thumbnails_title.setText("")
            return
        label = image_set.class_names.index(name)
        indices = (image_set.labels == label).nonzero().flatten()[:THUMBNAILS_PER_CLASS]
        self.thumbnails.show_images([image_set.images[i] for i in indices.tolist()])
        self.thumbnails_title.setText(
            self.tr("{0}: showing {1} of {2}").format(
                class_label(name, self.document.project.data.source), len(indices), image_set.class_counts[label]
            )
        )

    def render(self, project: Project) -> None:
        data = project.data
        self.data_inputs.render(data)
        self.source.blockSignals(True)
        index = self.source.findData(data.source)
        if index < 0:  # a folder: show it as its own entry
            for stale in range(self.source.count() - 1, len(BUILTIN_DATASETS) - 1, -1):
                self.source.removeItem(stale)
            self.source.addItem(self.tr("Folder: {0}").format(data.source), data.source)
            index = self.source.count() - 1
        self.source.setCurrentIndex(index)
        self.source.blockSignals(False)
        folder = self.folder
        editable = folder is not None and folder.is_dir() and folders.is_app_dataset(folder)
        self.classes.editable = editable
        self.drop_hint.setVisible(editable)
        for button in (
            self.add_class_button,
            self.rename_button,
            self.remove_button,
            self.add_images_button,
            self.record_button,
        ):
            button.setEnabled(editable)
        shown = (data, self.document.base_dir)
        if shown != self._shown or self.isVisible():  # other edits (a layer, a slider) change nothing here
            self._shown = shown
            self._show_classes()
        if self.isVisible() or self.loader.key is not None:
            self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.load()  # the images are decoded the first time someone looks at them


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: DataPage(document, classes, loader))
