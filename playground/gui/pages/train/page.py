"""The Train page: settings, Start / Pause / Stop / Continue, live curves, a log and the runs.

Training runs in a child process (`gui.background.training_process`); this page only reacts to its
signals. The run list is `runs.RunsPanel`, the two-line status `status_line.StatusLine`.
After a run, the best weights become the project's current model (for Predict), and each run's
curves stay in the run list so that two runs can be overlaid (with and without augmentation,
say: the overfitting lesson in one picture).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.config import config_dir
from playground.gui.app.messages import translated
from playground.gui.background.tasks import Task
from playground.gui.background.training_process import TrainingProcess
from playground.gui.pages.train.runs import RunRecord, RunsPanel, records_from_saved, records_to_keep
from playground.gui.pages.train.settings_panel import TrainingSettingsPanel
from playground.gui.pages.train.status_line import RunProgress, StatusLine
from playground.gui.project.document import ProjectDocument
from playground.gui.widgets.flow_layout import FlowLayout
from playground.gui.widgets.panels import RememberedSplitter, settings_panel
from playground.gui.widgets.run_model_buttons import run_model_buttons
from playground.spec.project import Project
from playground.spec.resume_policy import resume_refusal
from playground.spec.saved_runs import SavedRuns
from playground.spec.shapes import summarize_project


class TrainPage(QWidget):
    model_changed = Signal(object)  # the project's current trained model (a Checkpoint) or None
    model_chosen = Signal()  # the user made another run (or epoch) the project's model: unsaved work

    def __init__(self, document: ProjectDocument, class_names, parent=None):
        super().__init__(parent)
        self.setObjectName("train_page")
        self.document = document
        self.class_names = class_names
        self.training = TrainingProcess(self)
        self.checkpoint_reader = Task(self, "checkpoint-reader")
        self.checkpoint_reader.finished.connect(self._checkpoint_read)
        self.checkpoint_reader.failed.connect(self._checkpoint_refused)
        self._after_stop = None  # a question or warning about the run, shown once its process has ended
        self.checkpoint = None  # the current model: best weights of the last run, or a loaded file
        self.model_source: tuple[int, str] | None = None  # (run number, best.pt or last.pt) the model came from
        self.runs: list[RunRecord] = []
        self.run: RunRecord | None = None  # the run being trained or last trained
        self.plots = None  # created on first show: pyqtgraph costs 0.3 s to import

        self.runs_panel = RunsPanel()  # first: the settings form names the optimizers as the run list does
        self.run_list = self.runs_panel.list
        self.settings_panel = TrainingSettingsPanel(self.runs_panel.optimizer_names())
        self.settings_panel.edited.connect(self._edit)
        self.settings_box = self.settings_panel  # (the left column's first box)
        self.settings_form = self.settings_panel.form
        self.device = self.settings_panel.device
        self.learning_rate = self.settings_panel.learning_rate
        self._build_controls()
        self.log = QPlainTextEdit()
        self.log.setObjectName("training_log")
        self.log.setReadOnly(True)
        tabs = QTabWidget()
        tabs.addTab(self.log, self.tr("Log"))
        self.added_note = QLabel()  # images put into the data since the last run (recorded, corrected)
        self.added_note.setObjectName("images_added_note")
        self.added_note.setWordWrap(True)
        self.runs_panel.layout().insertWidget(1, self.added_note)
        document.images_added.connect(lambda *_: self._refresh_run_list())
        model_row, self.model_buttons = run_model_buttons()
        self.runs_panel.layout().addWidget(model_row)
        for name, button in self.model_buttons.items():
            button.clicked.connect(lambda _=False, n=name: self.use_as_model(self._selected_run_number(), n))
        self.run_list.currentRowChanged.connect(lambda _: self._update_model_buttons())
        tabs.addTab(self.runs_panel, self.tr("Runs"))

        self.plot_area = QVBoxLayout()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.progress)
        right_layout.addLayout(self.plot_area, 3)
        right_layout.addWidget(tabs, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.settings_box)
        left_layout.addWidget(self.controls_box)
        left_layout.addStretch(1)
        splitter = RememberedSplitter("train", Qt.Orientation.Horizontal)
        splitter.addWidget(settings_panel(left, "train_settings_panel"))  # scrolls on a small screen
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        QHBoxLayout(self).addWidget(splitter)

        self.training.preparing.connect(self._on_loading)
        self.training.started.connect(self._on_started)
        self.training.batch_finished.connect(self._on_batch)
        self.training.epoch_finished.connect(self._on_epoch)
        self.training.finished.connect(self._on_finished)
        self.training.failed.connect(self._on_failed)
        self.training.crashed.connect(self._on_crashed)
        self.training.model_ready.connect(self._set_model)
        self.training.stopped.connect(self._on_stopped)
        self.runs_panel.overlays_changed.connect(self._show_overlays)
        document.project_changed.connect(self.render)
        self.render(document.project)
        self._update_buttons()

    # ------------------------------------------------------------------ layout

    def _build_controls(self) -> None:
        self.start_button = QPushButton(self.tr("Train"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.continue_button = QPushButton(self.tr("Continue training"))
        self.fine_tune_button = QPushButton(self.tr("Fine-tune from this run"))
        self.save_button = QPushButton(self.tr("Save checkpoint…"))
        self.load_button = QPushButton(self.tr("Load checkpoint…"))
        for button, name in (
            (self.start_button, "start_button"),
            (self.pause_button, "pause_button"),
            (self.stop_button, "stop_button"),
            (self.continue_button, "continue_button"),
            (self.fine_tune_button, "fine_tune_button"),
            (self.save_button, "save_checkpoint_button"),
            (self.load_button, "load_checkpoint_button"),
        ):
            button.setObjectName(name)
        self.continue_button.setToolTip(self.tr("Train the last run for as many epochs again, from where it stopped"))
        self.fine_tune_button.setToolTip(
            self.tr(
                "After feature extraction: keep the trained head (the run's best epoch), unfreeze the top blocks"
                " of the base at its lower learning rate, and train on along the same curve."
            )
        )
        self.controls_box = QGroupBox(self.tr("Run"))
        grid = QVBoxLayout(self.controls_box)
        rows = (
            (self.start_button, self.pause_button, self.stop_button),
            (self.continue_button, self.fine_tune_button),
            (self.save_button, self.load_button),
        )
        for buttons in rows:
            row = FlowLayout()  # a narrow panel (or presentation mode) wraps the buttons, never cuts them
            for button in buttons:
                row.addWidget(button)
            grid.addLayout(row)
        self.status = StatusLine(self.tr("Press Train to start."))
        self.status.setObjectName("training_status")
        self.progress = QProgressBar()
        self.progress.setObjectName("training_progress")
        self.progress.setRange(0, 1000)
        self.run_progress = RunProgress(self.status, self.progress)

        self.start_button.clicked.connect(lambda: self.start())
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.continue_button.clicked.connect(lambda: self.start(continue_run=True))
        self.fine_tune_button.clicked.connect(self.fine_tune)
        self.save_button.clicked.connect(lambda: self.save_checkpoint())
        self.load_button.clicked.connect(lambda: self.load_checkpoint())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_plots()

    def ensure_plots(self):
        if self.plots is None:
            from playground.gui.widgets.training_plots import TrainingPlots

            self.plots = TrainingPlots()
            self.plot_area.addWidget(self.plots)
            if self.run is not None:
                self.plots.show_history(self.run.history)
        return self.plots

    def set_devices(self, devices: list[tuple[str, str]]) -> None:
        """Called once torch is loaded: every device this machine has (see TrainingSettingsPanel)."""
        self.settings_panel.set_devices(devices)
        self.render(self.document.project)

    # ------------------------------------------------------------------ settings

    def _edit(self, key: str, value) -> None:
        training = dataclasses.replace(self.document.project.training, **{key: value})
        self.document.change(
            self.document.project.replace(training=training), self.tr("Change training"), f"train:{key}"
        )

    def render(self, project: Project) -> None:
        self.settings_panel.render(project.training)
        self._update_buttons()

    # ------------------------------------------------------------------ running

    def _resumable(self) -> bool:
        """The last run can go on: its checkpoint exists and nothing changed since that the one resume
        policy (spec.resume_policy, the command line's and the child's too) refuses."""
        return self.run is not None and (self.run.out_dir / "last.pt").exists() and self._resume_refusal() is None

    def _resume_refusal(self):
        return resume_refusal(self.run.project, self.document.project, self.run_name(self.run))

    def _fine_tunable(self) -> bool:
        """The last run trained a head on a frozen base and its best weights are there: the second
        phase of transfer learning can start from them."""
        project = self.document.project
        return (
            self._resumable()
            and (self.run.out_dir / "best.pt").exists()
            and project.pretrained is not None
            and project.pretrained.unfrozen_blocks == 0
            and any(record.get("is_best") for record in self.run.history)
        )

    def fine_tune(self) -> bool:
        """Phase two, as the pretrained lesson teaches: keep the head trained on the frozen base (the
        run's best epoch), unfreeze the top blocks of the base (those above the freeze line, at
        least one) at the base's lower learning rate, and go on along the same curve."""
        if self.training.running or not self._fine_tunable():
            return False
        project = self.document.project
        blocks = min(max(project.pretrained.trainable_blocks, 1), project.backbone.blocks)
        pretrained = dataclasses.replace(project.pretrained, mode="fine_tuning", trainable_blocks=blocks)
        self.document.change(project.replace(pretrained=pretrained), self.tr("Fine-tune from this run"))
        best = max(record["epoch"] for record in self.run.history if record.get("is_best"))
        self.run.history = [record for record in self.run.history if record["epoch"] <= best]
        self.run.phase_starts.append(best)
        self.log.appendPlainText(
            self.tr("Fine-tuning from epoch {0}: the top {1} blocks of the base learn too, at {2}× the rate.").format(
                best, blocks, f"{pretrained.base_learning_rate_factor:g}"
            )
        )
        return self.start(continue_run=True, checkpoint="best.pt")

    def _update_buttons(self) -> None:
        running = self.training.running
        self.start_button.setEnabled(not running)
        self.continue_button.setEnabled(not running and self._resumable())
        refusal = self._resume_refusal() if self.run is not None and not running else None
        self.continue_button.setToolTip(
            translated(refusal)
            if refusal
            else self.tr("Train the last run for as many epochs again, from where it stopped")
        )
        self.fine_tune_button.setEnabled(not running and self._fine_tunable())
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if self.training.paused else self.tr("Pause"))
        self.stop_button.setEnabled(running)
        self.load_button.setEnabled(not running and not self.checkpoint_reader.busy)
        self.save_button.setEnabled(not running and self.checkpoint is not None)
        self._update_model_buttons()

    def start(self, continue_run: bool = False, checkpoint: str = "last.pt", epochs: int | None = None) -> bool:
        """Train the project from scratch, or continue the last run from its last epoch (or from
        another of its checkpoints: best.pt, to fine-tune)."""
        if self.training.running:
            return False
        project = self.document.project
        names = self.class_names()  # unknown (a folder not readable yet): the engine will say what is wrong
        error = summarize_project(project, len(names)).error if names else ""
        if error:
            QMessageBox.warning(self, self.tr("The network cannot be trained"), translated(error))
            return False
        self._after_stop = None
        resume = None
        if continue_run:
            if not self._resumable():
                return False
            resume = self.run.out_dir / checkpoint  # the child reads (and checks) it
            epochs = epochs or self.run.epochs_done + project.training.epochs
            self.run.outcome = "running"
        else:
            epochs = None
            out_dir = config_dir() / "runs" / datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            self.run = RunRecord(len(self.runs) + 1, project, out_dir)
            self.runs.append(self.run)
            self.log.appendPlainText(self.tr("— {0} —").format(self.run_name(self.run)))
            if self.plots is not None:
                self.plots.clear()
        self._refresh_run_list()
        device = project.training.device
        gpus = self.settings_panel.gpu_count if self.settings_panel.all_gpus and device == "cuda" else 0
        try:
            self.training.start(
                project,
                base_dir=self.document.base_dir,
                out_dir=self.run.out_dir,
                resume=resume,
                epochs=epochs,
                device=None if gpus else device,
                gpus=gpus,
            )
        except OSError:  # the run folder cannot be written
            text = self.tr("Could not write the run folder {0} (is the disk full or read-only?).")
            QMessageBox.warning(self, self.tr("Training failed"), text.format(self.run.out_dir))
            return False
        self.status.setText(self.tr("Starting…"))
        self._update_buttons()
        return True

    def toggle_pause(self) -> None:
        if self.training.paused:
            self.training.resume()
            self.status.setText(self.tr("Resumed."))
        else:
            self.training.pause()
            self.status.setText(self.tr("Paused after the current batch. Press Resume to go on."))
        self._update_buttons()

    def stop(self) -> None:
        self.training.stop()
        self.status.setText(self.tr("Stopping after the current batch…"))

    @property
    def is_training(self) -> bool:
        return self.training.running

    def stop_and_wait(self, timeout_ms: int = 30_000) -> bool:
        """Stop the training and wait for its process to end (killed after the time); True when
        no training process is left."""
        return self.training.stop_and_wait(timeout_ms)

    # ------------------------------------------------------------------ events

    def _on_loading(self, done: int, total: int) -> None:
        self.run_progress.loading(done, total)

    def _on_started(self, event) -> None:
        self.run_progress.started(event.start_epoch, event.epochs)
        plots = self.ensure_plots()
        plots.set_epoch_span(0, event.epochs)
        plots.mark_phase_starts(self.run.phase_starts if self.run is not None else [])
        self.log.appendPlainText(
            self.tr("Training on {0}: {1} parameters, {2} training and {3} validation images.").format(
                event.device, f"{event.parameters:,}", f"{event.train_images:,}", f"{event.val_images:,}"
            )
        )

    def _on_batch(self, event) -> None:
        if event.loss is None or event.accuracy is None:
            return  # not a number (under torchrun the epoch's end says NaN): nothing to draw
        position = event.epoch - 1 + event.batch / event.batches
        self.ensure_plots().add_batch(position, event.loss, event.accuracy)
        self.run_progress.batch(event)

    def _on_epoch(self, event) -> None:
        record = {k: v for k, v in event.to_dict().items() if k != "event"}
        self.run.history.append(record)
        plots = self.ensure_plots()
        plots.add_epoch(event.epoch, event.train_loss, event.train_acc, event.val_loss, event.val_acc)
        if event.is_best:
            plots.mark_best(event.epoch, event.val_loss, event.val_acc)
        val = (
            self.tr("  validation loss {0:.4f} accuracy {1:.1%}").format(event.val_loss, event.val_acc)
            if event.val_loss is not None
            else ""
        )
        self.log.appendPlainText(
            self.tr("Epoch {0}/{1}: training loss {2:.4f} accuracy {3:.1%}").format(
                event.epoch, event.epochs, event.train_loss, event.train_acc
            )
            + val
            + (self.tr("  (best so far)") if event.is_best else "")
        )
        self._refresh_run_list()

    def _set_model(self, checkpoint) -> None:
        """The run's model, read from its checkpoint: it becomes the project's current model."""
        self.checkpoint = checkpoint
        if self.run is not None:  # its best epoch's weights (its last, before a validation has picked one)
            self.model_source = (self.run.number, "best.pt" if (self.run.out_dir / "best.pt").is_file() else "last.pt")
        self._refresh_run_list()
        self.model_changed.emit(checkpoint)
        self._update_buttons()

    def _on_finished(self, event) -> None:
        reasons = {
            "completed": self.tr("Finished."),
            "stopped": self.tr("Stopped."),
            "early_stopping": self.tr("Stopped early: validation accuracy stopped improving."),
        }
        best = (
            self.tr(
                " Best validation accuracy {0:.1%} at epoch {1}: these weights are now the project's model."
            ).format(event.best_val_acc, event.best_epoch)
            if event.best_val_acc is not None
            else ""
        )
        self.status.setText(reasons[event.reason] + best)
        self.log.appendPlainText(reasons[event.reason] + best)
        self.progress.setValue(1000 if event.reason == "completed" else self.progress.value())
        self.run.outcome = event.reason
        self._refresh_run_list()
        self._update_buttons()

    def _on_failed(self, event) -> None:
        self.run.outcome = {"nan": "NaN loss", "out_of_memory": "out of memory"}.get(event.reason, event.reason)
        message = translated(event.message)
        self.status.setText(message)
        self.log.appendPlainText(message)  # the last good epoch's model follows (model_ready)
        self._refresh_run_list()
        self._update_buttons()
        if event.reason == "out_of_memory":
            self._after_stop = lambda: self._offer_smaller_batch(message)
        else:
            self._after_stop = lambda: QMessageBox.warning(self, self.tr("Training stopped"), message)

    def _offer_smaller_batch(self, message: str) -> None:
        smaller = max(1, self.document.project.training.batch_size // 2)
        answer = QMessageBox.question(
            self,
            self.tr("Out of memory"),
            message + "\n\n" + self.tr("Try again with batch size {0}?").format(smaller),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes and not self.training.running:
            planned = self.run_progress.span[1]  # the epochs the failed training was to reach, not more
            self._edit("batch_size", smaller)
            self.start(continue_run=self._resumable(), epochs=planned)  # keep the epochs that did finish

    def _on_stopped(self) -> None:
        """The child has ended and its model has been read. Questions and warnings about the run
        come only now: a dialog opened while the child's last events are being read would run a
        nested event loop in the middle of that reading (and a retry could not start yet)."""
        self._update_buttons()
        after, self._after_stop = self._after_stop, None
        if after is not None:
            after()

    def _on_crashed(self, message: str) -> None:
        if self.run is not None:
            self.run.outcome = "failed"
        self.status.setText(message)
        self.log.appendPlainText(self.tr("Training failed: {0}").format(message))
        details = self.training.last_error_lines()
        if details:  # the child's own last words (a traceback), for whoever reports the problem
            self.log.appendPlainText("\n".join(details[-12:]))
        self._refresh_run_list()
        self._update_buttons()
        self._after_stop = lambda: QMessageBox.warning(self, self.tr("Training failed"), message)

    # ------------------------------------------------------------------ runs

    def _refresh_run_list(self) -> None:
        self.runs_panel.show_runs(self.runs, mark=self._model_mark)
        self._update_model_buttons()
        from playground.gui.project.correction import added_since_text

        self.added_note.setText(added_since_text(self.document, self.runs[-1].started_at if self.runs else None))
        self.added_note.setVisible(bool(self.added_note.text()))

    def run_name(self, run: RunRecord) -> str:
        return self.runs_panel.run_name(run)

    def describe_run(self, run: RunRecord) -> str:
        return self.runs_panel.describe(run)

    def set_overlaid(self, numbers: set[int]) -> None:
        self.runs_panel.set_ticked(numbers)

    def _show_overlays(self, numbers: set[int]) -> None:
        chosen = [(self.run_name(run), run.history) for run in self.runs if run.number in numbers and run.history]
        self.ensure_plots().overlay(chosen)

    # ------------------------------------------------------------------ which run is the model

    def _model_mark(self, run: RunRecord) -> str:
        if self.model_source is None or self.model_source[0] != run.number:
            return ""
        if self.model_source[1] == "last.pt":
            return self.tr(" · ★ the project's model (its last epoch)")
        return self.tr(" · ★ the project's model (its best epoch)")

    def _selected_run_number(self) -> int | None:
        item = self.run_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_model_buttons(self) -> None:
        run = next((run for run in self.runs if run.number == self._selected_run_number()), None)
        busy = self.training.running or self.checkpoint_reader.busy
        for name, button in self.model_buttons.items():
            button.setEnabled(
                run is not None
                and not busy
                and (run.out_dir / name).is_file()
                and self.model_source != (run.number, name)
            )

    def use_as_model(self, number: int | None, name: str = "best.pt") -> bool:
        """Make run `number`'s best epoch (best.pt) or last (last.pt) the project's model: read on a
        background task, then Predict, the figure and a saved project use it. True when reading began."""
        run = next((run for run in self.runs if run.number == number), None)
        if run is None or self.training.running or not (run.out_dir / name).is_file():
            return False
        return self.load_checkpoint(run.out_dir / name, source=(run.number, name))

    # ------------------------------------------------------------------ checkpoints

    def save_checkpoint(self, path: str | Path | None = None) -> Path | None:
        if self.checkpoint is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save checkpoint"), f"{self.document.project.name}.pt", self.tr("Checkpoints (*.pt)")
            )
            if not path:
                return None
        from playground.ml.files.checkpoints import save_checkpoint

        try:
            return save_checkpoint(self.checkpoint, path)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("Could not save {0}: {1}").format(path, error))
            return None

    def load_checkpoint(self, path: str | Path | None = None, source: tuple[int, str] | None = None) -> bool:
        """Read a checkpoint on a background task (it is checked in full: seconds for a large one);
        it becomes the project's model when it has been read. True when reading has started."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Load checkpoint"), "", self.tr("Checkpoints (*.pt)"))
            if not path:
                return False

        def read(context):
            from playground.ml.files.checkpoints import load_checkpoint

            return path, load_checkpoint(path), source

        self.checkpoint_reader.start(read)
        self._update_buttons()
        return True

    def _checkpoint_read(self, result) -> None:
        path, checkpoint, source = result
        self.checkpoint = checkpoint
        self.model_source = source  # None: a file from elsewhere, no run's
        self.model_changed.emit(checkpoint)
        self._refresh_run_list()
        if source is not None:
            self.model_chosen.emit()
        self.log.appendPlainText(
            self.tr("Loaded {0}: {1} epochs trained, classes {2}.").format(
                path, checkpoint.epoch, ", ".join(checkpoint.class_names)
            )
        )
        self._update_buttons()

    def _checkpoint_refused(self, message: str) -> None:
        self._update_buttons()
        QMessageBox.warning(self, self.tr("Cannot load checkpoint"), message)

    # ------------------------------------------------------------------ a saved project's runs (issue 15)

    def saved_runs(self) -> tuple[SavedRuns, dict[int, Path]]:
        """The runs to keep with the project (all but one still training), their folders, and which
        run's checkpoint is the project's model."""
        return records_to_keep(self.runs, self.run if self.training.running else None, self.model_source)

    def restore_runs(self, saved: SavedRuns, folders: dict[int, Path], model) -> None:
        """A reopened project's runs (curves, settings, outcomes; checkpoints in `folders` for Continue
        training) and its model, or none of them for a new project."""
        self.runs = records_from_saved(saved, folders)
        last = self.runs[-1] if self.runs else None
        self.run = next((run for run in self.runs if run.number == saved.model_run), last)  # what Continue continues
        self.checkpoint = model
        self.model_source = (saved.model_run, saved.model_checkpoint) if model is not None else None
        self.model_changed.emit(model)
        self.log.clear()
        if model is not None and self.run is not None:
            self.status.setText(
                self.tr(
                    "The project's model and its {0} runs are back: Predict uses the model of {1}; Continue"
                    " training goes on from its last epoch."
                ).format(len(self.runs), self.run_name(self.run))
            )
        self._refresh_run_list()
        if self.plots is not None:
            self.plots.clear()
            if self.run is not None:
                self.plots.show_history(self.run.history)
        self._update_buttons()


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: TrainPage(document, classes))
