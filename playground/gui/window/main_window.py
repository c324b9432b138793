"""The main window: pages in a sidebar, menus, status bar, files, autosave and settings.

It paints before torch is imported: nothing imported here at module level pulls torch in, and
torch is loaded on a background thread once the window is on screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSize, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from playground import __version__
from playground.gui.app.config import add_recent_file, app_settings, recent_files
from playground.gui.app.messages import error_text
from playground.gui.app.presentation import add_view_actions, fit_factor_to_screen, presentation
from playground.gui.app.screen_fit import first_size, keep_on_screen
from playground.gui.app.translation import LANGUAGES, SYSTEM, chosen_language, installed_language, set_chosen_language
from playground.gui.background.tasks import Task
from playground.gui.pages.augment_page import AugmentPage
from playground.gui.pages.data_page import DataPage
from playground.gui.pages.learn.page import LearnPage
from playground.gui.pages.model.page import ModelPage
from playground.gui.pages.predict.page import PredictPage
from playground.gui.pages.train.page import TrainPage
from playground.gui.project import autosave
from playground.gui.project.classes import ClassNames
from playground.gui.project.dataset_loader import DatasetLoader
from playground.gui.project.default_project import default_project
from playground.gui.project.document import ProjectDocument
from playground.gui.project.dropped_files import local_paths
from playground.gui.project.project_store import ProjectWork
from playground.gui.widgets.example_names import shown_name, shown_place
from playground.gui.widgets.panels import size_by_current_page
from playground.resources import example_projects
from playground.spec.errors import PlaygroundError
from playground.spec.project import Project

AUTOSAVE_DELAY_MS = 3000
STOP_GRACE_MS = 30_000  # closing: a training not stopped between batches by then is ended
PROJECT_FILTER = QT_TRANSLATE_NOOP("MainWindow", "CNN Playground projects (*.json);;All files (*)")
OPEN_FILTER = QT_TRANSLATE_NOOP("MainWindow", "CNN Playground projects and bundles (*.json *.cnnpg);;All files (*)")
BUNDLE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "CNN Playground bundles (*.cnnpg)")


def import_torch(context) -> str:
    """On a background thread: torch and torchvision imported (and warmed up); the device, in words."""
    import torchvision  # noqa: F401

    from playground.ml.machine.device import describe_device, pick_device

    return describe_device(pick_device("auto"))


class MainWindow(QMainWindow):
    def __init__(self, project: Project | None = None, path: Path | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.document = ProjectDocument(project or default_project(), path, self)
        self.class_names = ClassNames(self.document)
        self.torch_loader = Task(self, "torch-loader")  # torch takes 2-3 s to import: after the first paint
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.write_autosave)
        self.closing_after_training: bool | None = None  # closing, once the run has stopped: save it first?

        self.pages = QStackedWidget()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.sidebar.setIconSize(QSize(24, 24))
        self.sidebar.setSpacing(4)
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.sidebar.setFont(font)
        self.loader = DatasetLoader(self)
        self.data_page = DataPage(self.document, self.class_names, self.loader)
        self.augment_page = AugmentPage(self.document, self.loader)
        self.model_page = ModelPage(self.document, self.class_names)
        self.train_page = TrainPage(self.document, self.class_names)
        self.predict_page = PredictPage(self.document, self.loader)
        self.train_page.model_changed.connect(self.predict_page.set_model)
        self.train_page.model_changed.connect(self.model_page.figure.set_checkpoint)  # a sample's output, trained
        self.model_page.figure.sample_images = lambda: self.loader.image_set
        self.work = ProjectWork(self.document, self.train_page, self)  # runs and model kept with the file
        self.work.restore_failed.connect(self._work_not_restored)
        self.work.bundle_opened.connect(self._bundle_opened)
        self.work.bundle_written.connect(self._bundle_written)
        self.work.bundle_failed.connect(self._bundle_refused)
        self.learn_page = LearnPage(installed_language())
        self.learn_page.open_requested.connect(self.open_for_lesson)
        self.train_page.model_changed.connect(self.learn_page.set_model)  # the digit walk-through on it
        style = self.style()
        for title, icon, page in (
            (self.tr("Data"), QStyle.StandardPixmap.SP_DirIcon, self.data_page),
            (self.tr("Augment"), QStyle.StandardPixmap.SP_BrowserReload, self.augment_page),
            (self.tr("Model"), QStyle.StandardPixmap.SP_FileDialogListView, self.model_page),
            (self.tr("Train"), QStyle.StandardPixmap.SP_MediaPlay, self.train_page),
            (self.tr("Predict"), QStyle.StandardPixmap.SP_DialogApplyButton, self.predict_page),
            (self.tr("Learn"), QStyle.StandardPixmap.SP_DialogHelpButton, self.learn_page),
        ):
            self.sidebar.addItem(QListWidgetItem(style.standardIcon(icon), title))
            self.pages.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.show_page)
        size_by_current_page(self.pages)  # the window only as large as the page on screen needs

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.name_label = QLabel()
        self.state_label = QLabel()
        self.device_label = QLabel(self.tr("Device: loading PyTorch…"))
        for label, name in (
            (self.name_label, "name_label"),
            (self.state_label, "state_label"),
            (self.device_label, "device_label"),
        ):
            label.setObjectName(name)
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)

        self._build_menus()
        self.document.project_changed.connect(lambda _: self._update_title())
        # After the stack has moved (project_changed comes from inside the command, before it has).
        self.document.undo_stack.indexChanged.connect(self._schedule_autosave)
        self.document.clean_changed.connect(lambda _: self._update_title())
        self.document.path_changed.connect(lambda _: self._update_title())
        self.torch_loader.finished.connect(self._torch_loaded)
        self.torch_loader.failed.connect(
            lambda why: self.device_label.setText(self.tr("PyTorch failed: {0}").format(why))
        )

        self.setAcceptDrops(True)  # a folder of images dropped anywhere becomes the dataset
        self.resize(first_size(self))  # a 1024×768 projector: its free area, frame included
        presentation.restore()
        fit_factor_to_screen(self)  # a zoom kept from a larger screen
        geometry = app_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.sidebar.setCurrentRow(int(app_settings().value("window/page", self.pages.indexOf(self.model_page))))
        self._update_title()

    # ---------------------------------------------------------------- menus

    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New"), self.new_project, QKeySequence.StandardKey.New, "action_new")
        self._action(
            file_menu, self.tr("&Open…"), lambda: self.open_project(), QKeySequence.StandardKey.Open, "action_open"
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save, "action_save")
        self._action(
            file_menu, self.tr("Save &as…"), lambda: self.save_as(), QKeySequence.StandardKey.SaveAs, "action_save_as"
        )
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("Export training &job…"), lambda: self.export_training_job(), None, "action_export_job"
        )
        self._action(
            file_menu, self.tr("Export project &bundle…"), lambda: self.export_bundle(), None, "action_export_bundle"
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "action_quit")

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        view_menu = bar.addMenu(self.tr("&View"))
        group = QActionGroup(self)
        self.page_actions = []
        for row in range(self.sidebar.count()):
            action = self._action(
                view_menu,
                self.sidebar.item(row).text(),
                lambda _=False, r=row: self.sidebar.setCurrentRow(r),
                f"Ctrl+{row + 1}",
            )
            action.setCheckable(True)
            group.addAction(action)
            self.page_actions.append(action)
        view_menu.addSeparator()
        self._action(view_menu, self.tr("&Full screen"), self._toggle_full_screen, QKeySequence.StandardKey.FullScreen)
        add_view_actions(view_menu, self, self.pages)
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        languages = QActionGroup(self)
        for value, text in ((SYSTEM, self.tr("System language")), *LANGUAGES.items()):
            action = self.language_menu.addAction(text)
            action.setObjectName(f"language_{value}")
            action.setCheckable(True)
            action.setChecked(value == chosen_language())
            action.triggered.connect(lambda _=False, v=value: self.choose_language(v))
            languages.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, None, "action_shortcuts")
        self._action(help_menu, self.tr("&Check this computer…"), self.check_computer, None, "action_check_computer")
        self._action(help_menu, self.tr("&About CNN Playground"), self.show_about, None, "action_about")

    def export_training_job(self, folder: str | Path | None = None) -> Path | None:
        """A folder to train the project on another machine (torchrun), its images included."""
        if folder is None:
            parent = QFileDialog.getExistingDirectory(self, self.tr("Where to put the training job"))
            if not parent:
                return None
            name = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.document.project.name)
            folder = Path(parent) / f"{name or 'project'}-training-job"
        from playground.ml.files.job import export_training_job

        try:
            written = export_training_job(self.document.project, self.document.base_dir, folder)
        except (PlaygroundError, OSError) as error:
            QMessageBox.warning(self, self.tr("Training job not written"), error_text(error))
            return None
        self.statusBar().showMessage(
            self.tr(
                "Training job written to {0}: copy it to the machine that trains and run train.sh there"
                " (its README.txt says how)."
            ).format(written),
            20000,
        )
        return written

    def choose_language(self, value: str) -> None:
        """Kept in the settings; the window is built in one language, so it applies on restart."""
        set_chosen_language(value)
        self.statusBar().showMessage(
            self.tr("The interface language changes the next time CNN Playground starts."), 15000
        )

    def open_for_lesson(self, setup: dict) -> None:
        """A lesson's "Try it" for the builder (a preset or a pretrained base) or another page."""
        if setup["open"] == "builder":
            if "preset" in setup:
                self.model_page.load_preset(setup["preset"])
            else:
                self.model_page.choose_pretrained(setup["pretrained"])
            self.show_page(self.pages.indexOf(self.model_page))
            return
        if setup["open"] == "example":
            self.open_project(example_projects()[setup["example"]])
            return
        if setup["page"] == "predict" and not self.predict_page.has_model:
            from playground.ml.inference.walkthrough import shipped_lenet  # read in ~10 ms; torch is loaded by now

            self.predict_page.set_model(shipped_lenet())  # a fresh install: the LeNet-5 the app ships
        pages = {
            "data": self.data_page,
            "augment": self.augment_page,
            "train": self.train_page,
            "predict": self.predict_page,
        }
        self.show_page(self.pages.indexOf(pages[setup["page"]]))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files()
        for path in paths:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(paths))

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        if 0 <= row < len(self.page_actions):
            self.page_actions[row].setChecked(True)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)

    def show_shortcuts(self) -> None:
        rows = [
            (
                QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText),
                self.tr("Undo"),
            ),
            ("Ctrl+Shift+Z", self.tr("Redo")),
            ("Ctrl+1 … Ctrl+6", self.tr("Data, Augment, Model, Train, Predict, Learn pages")),
            ("Delete", self.tr("Delete the selected layer")),
            ("Ctrl+D", self.tr("Duplicate the selected layer")),
            ("Ctrl+N / Ctrl+O / Ctrl+S", self.tr("New, open, save project")),
        ]
        table = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in rows)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table cellspacing='6'>{table}</table>")

    def check_computer(self) -> None:
        from playground.gui.window.doctor_dialog import DoctorDialog  # the check loads torch's device facts: on demand

        DoctorDialog(self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CNN Playground"),
            self.tr(
                "<b>CNN Playground {0}</b><p>Build, train and explain convolutional neural networks, offline.</p>"
            ).format(__version__),
        )

    # ---------------------------------------------------------------- state

    def _schedule_autosave(self) -> None:
        if self.document.is_modified:
            self.autosave_timer.start()

    def _update_title(self) -> None:
        name = shown_name(self.document.project.name)  # a shipped example's in the interface's language
        self.setWindowTitle(f"{name}[*] — CNN Playground")
        self.setWindowModified(self.document.is_modified)
        where = shown_place(self.document.path, self.tr("not saved yet"))
        self.name_label.setText(f"{name} ({where})")
        self.state_label.setText(self.tr("Unsaved changes") if self.document.is_modified else self.tr("Saved"))

    def _torch_loaded(self, device_name: str) -> None:
        from playground.ml.machine.device import available_devices

        self.device_label.setText(self.tr("Device: {0}").format(device_name))
        self.train_page.set_devices(available_devices())

    def start_background_work(self) -> None:
        self.torch_loader.start(import_torch)

    def write_autosave(self) -> None:
        if self.document.is_modified:
            try:
                autosave.write(self.document.project, self.document.path)
            except OSError as error:
                self.statusBar().showMessage(self.tr("Autosave failed: {0}").format(error), 5000)

    def offer_recovery(self) -> bool:
        """After a crash: offer the left-over autosaves, newest first, until one is taken. A declined
        one is deleted; those not yet offered stay for the next start. True if one was recovered."""
        for leftover in autosave.left_over():
            answer = QMessageBox.question(
                self,
                self.tr("Recover unsaved work?"),
                self.tr("CNN Playground closed unexpectedly. Recover the unsaved project “{0}” from {1}?").format(
                    leftover.project.name, leftover.saved_at.strftime("%Y-%m-%d %H:%M")
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.document.reset(leftover.project, leftover.original_path, modified=True)
                if leftover.original_path is not None:  # its saved runs and model come back too
                    self.work.restore(leftover.original_path)
                self.write_autosave()  # now this session's own autosave
                leftover.file.unlink(missing_ok=True)
                return True
            leftover.file.unlink(missing_ok=True)
        return False

    # ---------------------------------------------------------------- files

    def confirm_discard(self) -> bool:
        """True when it is fine to replace the open project (saved, or the user said so)."""
        if not self.document.is_modified:
            return True
        text = (
            self.tr(
                "“{0}” has a trained model that is not saved yet: without saving, the model and its runs are"
                " lost. Save the project first?"
            )
            if self.work.has_unsaved_model
            else self.tr("Save the changes to “{0}” first?")
        )
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            text.format(shown_name(self.document.project.name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if self.may_stop_training(self.tr("start a new project")) and self.confirm_discard() and self.stop_training():
            self.document.reset(default_project(), None)
            self.work.clear()
            autosave.clear()

    def open_project(self, path: Path | str | None = None) -> bool:
        if not (self.may_stop_training(self.tr("open another project")) and self.confirm_discard()):
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", self.tr(OPEN_FILTER))
            if not path:
                return False
        if not self.stop_training():
            return False
        from playground.ml.files.bundle import is_bundle

        if is_bundle(path):  # checked and unpacked on a background task; opened when it is
            self.work.open_bundle(Path(path))
            self.statusBar().showMessage(self.tr("Checking and unpacking {0}…").format(path))
            return True
        return self._open_file(Path(path))

    def _open_file(self, path: Path) -> bool:
        try:
            self.document.open(path)
        except PlaygroundError as error:
            QMessageBox.warning(self, self.tr("Cannot open project"), error_text(error))
            return False
        self.work.restore(path)  # its runs and model, read on a background task
        add_recent_file(path)
        autosave.clear()
        return True

    def _work_not_restored(self, why: str) -> None:
        QMessageBox.warning(
            self,
            self.tr("Trained model not opened"),
            self.tr("The project is open, but its trained model and runs could not be read: {0}").format(why),
        )

    def _bundle_refused(self, why: str) -> None:
        self.statusBar().clearMessage()  # no longer "Checking and unpacking…"
        QMessageBox.warning(self, self.tr("Project bundle"), why)

    def _bundle_opened(self, project_path: Path) -> None:
        if self._open_file(project_path):
            self.statusBar().showMessage(self.tr("Bundle unpacked into {0}").format(project_path.parent), 15000)

    def export_bundle(self, out: str | Path | None = None) -> bool:
        """One file with the project, its images, model and runs (the project is saved first); written
        on a background task. True when writing has started."""
        if (self.document.path is None or self.document.is_modified) and not self.save():
            return False
        if out is None:
            suggestion = str(self.document.path.with_suffix(".cnnpg"))
            out, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export project bundle"), suggestion, self.tr(BUNDLE_FILTER)
            )
            if not out:
                return False
        self.work.write_bundle(self.document.path, Path(out))
        self.statusBar().showMessage(self.tr("Writing the bundle {0}…").format(out))
        return True

    def _bundle_written(self, path: Path) -> None:
        self.statusBar().showMessage(
            self.tr("Bundle written: {0}. It opens with File → Open on any machine with CNN Playground.").format(path),
            20000,
        )

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self, path: Path | str | None = None) -> bool:
        if path is None:
            suggestion = str(self.document.path or Path.home() / f"{self.document.project.name}.json")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), suggestion, self.tr(PROJECT_FILTER))
            if not path:
                return False
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path, rebase=self.data_page.source_for)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("Could not save {0}: {1}").format(path, error))
            return False
        try:
            self.work.keep_own_images(path)
            self.work.save(path)
        except (PlaygroundError, OSError) as error:
            self.document.undo_stack.resetClean()  # the work is not kept: still unsaved
            QMessageBox.warning(
                self,
                self.tr("Trained model not saved"),
                self.tr("The project was saved, but not its trained model and runs: {0}").format(error_text(error)),
            )
            return False
        add_recent_file(path)
        autosave.clear()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 4000)
        return True

    # ---------------------------------------------------------------- drops

    def dragEnterEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        """On the Predict page, or loose images while there is a model: classify them. Otherwise a
        folder becomes the dataset, and loose image files need a class: say how to give them one."""
        paths = local_paths(event.mimeData())
        folders = [path for path in paths if path.is_dir()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        on_predict = self.pages.currentWidget() is self.predict_page
        if on_predict or (not folders and self.predict_page.has_model):
            self.show_page(self.pages.indexOf(self.predict_page))
            self.predict_page.add_images(paths)
            return
        self.show_page(self.pages.indexOf(self.data_page))
        if folders:
            self.data_page.use_folder(folders[0])
            return
        self.statusBar().showMessage(
            self.tr(
                "To add images, drop them onto a class in the list on the Data page (press “New dataset from"
                " my images” first to make classes), or drop a folder with one subfolder per class."
            ),
            15000,
        )

    def may_stop_training(self, action: str) -> bool:
        """Before closing or replacing the project: ask whether a running training may stop."""
        if not self.train_page.is_training:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Training is running"),
            self.tr("Stop the training and {0}? The epochs finished so far are kept in the run's checkpoint.").format(
                action
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def stop_training(self) -> bool:
        """Stop the training process and wait for it (it stops between batches; after 30 s it is
        ended): no process is left behind."""
        return self.train_page.stop_and_wait(30_000)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(200, self, lambda: keep_on_screen(self))  # once the window manager has framed it

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.train_page.is_training:  # the run stops first, then is kept or not, then the window closes
            event.ignore()
            self._close_during_training()
            return
        # Every question first, and only then stop anything: a Cancel must leave all as it was.
        if not self.confirm_discard() or not self.stop_training():
            event.ignore()
            return
        self.loader.cancel()
        self.loader.wait(5.0)  # seconds; the loader checks its cancel flag every 64 files
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.sidebar.currentRow())
        self.autosave_timer.stop()
        autosave.clear()
        event.accept()

    def _close_during_training(self) -> None:
        """Closing while a run trains: may it stop, and is its run (the epochs finished) to be saved
        with the project? Then the run stops between batches while the window stays responsive, and
        the window saves (or not) and closes once it has stopped. Cancel leaves the training running."""
        if self.closing_after_training is not None or not self.may_stop_training(self.tr("close")):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "Keep the run being trained (the epochs finished so far) with “{0}”? Save the project, or"
                " close without saving it."
            ).format(shown_name(self.document.project.name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer not in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
            return
        self.closing_after_training = answer == QMessageBox.StandardButton.Save
        self.train_page.training.stopped.connect(self._training_stopped_for_close)
        self.train_page.stop()
        self.statusBar().showMessage(self.tr("Stopping the training: the window closes when it has stopped…"))
        QTimer.singleShot(STOP_GRACE_MS, self, self._stop_overdue)

    def _stop_overdue(self) -> None:
        if self.closing_after_training is not None and self.train_page.is_training:
            self.stop_training()  # ended (its last finished epoch's checkpoint stays): no process left behind
            self._training_stopped_for_close()

    def _training_stopped_for_close(self) -> None:
        save, self.closing_after_training = self.closing_after_training, None
        if save is None:
            return
        self.train_page.training.stopped.disconnect(self._training_stopped_for_close)
        if save and not self.save():
            return  # the save was cancelled or failed: the window stays open, the run in its list
        if not save:
            self.work.has_unsaved_model = False
            self.document.undo_stack.setClean()  # the user chose to close without saving
        QTimer.singleShot(0, self, self.close)  # after the stop's own signals have been delivered


if __name__ == "__main__":
    from playground.gui.window.launch import run

    run()
