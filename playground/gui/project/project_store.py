"""The window's side of a project keeping its work (`spec.saved_runs`): on save, the Train page's
runs (their checkpoints, curves and outcomes) and which run is the project's model go into
`NAME_runs/` beside the project file; on open they come back — the run list with its curves,
Continue training, and the model for Predict.

Training only ever writes into the app's own run folders (`config_dir()/runs/...`): a reopened
run's checkpoints are linked there (a copy on another disk) before anything can continue them,
so the project's folder changes only when the user saves. A model trained since the last save
leaves the document unsaved, so closing, New and Open ask first.

Bundles (`ml.bundle`) are made and opened on a background task: hashing, unpacking and reading
every checkpoint safely take seconds for a large project.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from playground.gui.app.config import config_dir
from playground.gui.background.tasks import Task
from playground.ml.data.folders import is_app_dataset, resolve_source_folder
from playground.spec.saved_runs import (
    CHECKPOINT_FILES,
    SavedRuns,
    model_file,
    place_file,
    read_saved_runs,
    run_folder,
    write_saved_runs,
)


def _link_runs_for_training(project_path: Path, saved: SavedRuns) -> dict[int, Path]:
    """Each saved run's checkpoints placed in a fresh folder of the app's own, where Continue
    training may write: run number → that folder."""
    session = config_dir() / "runs" / datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folders = {}
    for run in saved.runs:
        folder = session / f"run-{run.number}"
        for name in CHECKPOINT_FILES:
            source = run_folder(project_path, run.number) / name
            if run.has_files and source.is_file():
                place_file(source, folder / name)
        folders[run.number] = folder
    return folders


def restore_work(project_path: Path, context=None) -> tuple[SavedRuns, dict[int, Path], object]:
    """On a background task: a saved project's runs, their training folders, and its model (read
    through the safe loader), or None when it has none."""
    from playground.ml.files.checkpoints import load_checkpoint

    saved = read_saved_runs(project_path)
    folders = _link_runs_for_training(project_path, saved)
    found = model_file(project_path, saved)
    return saved, folders, load_checkpoint(found) if found is not None else None


def _free_name(folder: Path) -> Path:
    candidate, counter = folder, 1
    while candidate.exists():
        counter += 1
        candidate = folder.with_name(f"{folder.name}-{counter}")
    return candidate


def _unpack(bundle: Path) -> Path:
    """Into a new folder beside the bundle, or the app's own folder when that one cannot be written
    (a bundle on a read-only stick or share)."""
    from playground.ml.files.bundle import default_folder, open_bundle

    try:
        return open_bundle(bundle)
    except PermissionError:
        return open_bundle(bundle, default_folder(config_dir() / "bundles" / bundle.name))


class ProjectWork(QObject):
    """Keeps the Train page's work with the project file: save, restore, and whether it is saved."""

    restored = Signal()  # a reopened project's runs and model are back on the Train page
    restore_failed = Signal(str)  # why they are not (in the interface's language); the project is open
    bundle_written = Signal(object)  # the bundle's path
    bundle_opened = Signal(object)  # the project file unpacked from a bundle
    bundle_failed = Signal(str)

    def __init__(self, document, train_page, parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.train_page = document, train_page
        self.model_run: int | None = None  # the run whose weights are the project's model
        self.has_unsaved_model = False
        self.reader = Task(self, "saved-work-reader")
        self.reader.finished.connect(self._restored)
        self.reader.failed.connect(self.restore_failed)
        self.bundler = Task(self, "bundle")
        self.bundler.finished.connect(self._bundle_done)
        self.bundler.failed.connect(self.bundle_failed)
        train_page.training.model_ready.connect(self._model_trained)

    def _model_trained(self, _checkpoint) -> None:
        """A run has given the project a new model: unsaved work, like any edit."""
        if self.train_page.run is not None:
            self.model_run = self.train_page.run.number
        self.has_unsaved_model = True
        self.document.undo_stack.resetClean()  # unsaved (asked about on close) with nothing to undo

    # ------------------------------------------------------------------ saving

    def save(self, project_path: Path) -> None:
        """Keep the runs and the model beside the project just saved (raises PlaygroundError or
        OSError, the project file itself being saved already)."""
        saved, folders = self.train_page.saved_runs(self.model_run)
        if saved.runs or read_saved_runs(project_path).runs:  # nothing to keep, nothing to write
            write_saved_runs(project_path, saved, folders)
        self.has_unsaved_model = False

    def keep_own_images(self, project_path: Path) -> bool:
        """Classes made in the app before the project had a file (their images are the app's copies,
        in the app's data folder) move in with the project when it is first saved: copied to
        NAME_images/ beside it, the project pointed there (relative) and saved again, so the project's
        folder holds its own images; True if they were. A dataset already beside a saved project stays
        shared by a copy saved elsewhere (an absolute path), and a folder of the user's own is never
        copied: the project refers to it where it is."""
        source = self.document.project.data.source
        if source.startswith("builtin:"):
            return False
        folder = resolve_source_folder(source, self.document.base_dir).resolve()
        if not is_app_dataset(folder) or not folder.is_relative_to((config_dir() / "datasets").resolve()):
            return False
        target = _free_name(project_path.parent / f"{project_path.stem}_images")
        shutil.copytree(folder, target, symlinks=True)
        data = dataclasses.replace(self.document.project.data, source=target.name)
        self.document.change(self.document.project.replace(data=data), self.tr("Keep the images with the project"))
        self.document.save(project_path)
        return True

    # ------------------------------------------------------------------ opening

    def clear(self) -> None:
        """A new project: no runs, no model."""
        self.reader.forget()
        self.model_run, self.has_unsaved_model = None, False
        self.train_page.restore_runs(SavedRuns(), {}, None)

    def restore(self, project_path: Path) -> None:
        """Bring back a project's runs and model (read on a background task; `restored` follows)."""
        self.clear()
        self.reader.start(lambda context: restore_work(project_path, context))

    def _restored(self, result) -> None:
        saved, folders, model = result
        self.model_run = saved.model_run if model is not None else None
        self.train_page.restore_runs(saved, folders, model)
        self.restored.emit()

    # ------------------------------------------------------------------ bundles

    def write_bundle(self, project_path: Path, out: Path) -> None:
        from playground.ml.files.bundle import make_bundle

        self.bundler.start(lambda context: ("written", make_bundle(project_path, out)))

    def open_bundle(self, bundle: Path) -> None:
        """Check and unpack a bundle into a new folder beside it; `bundle_opened` gives the project."""
        self.bundler.start(lambda context: ("opened", _unpack(bundle)))

    def _bundle_done(self, result) -> None:
        kind, path = result
        (self.bundle_written if kind == "written" else self.bundle_opened).emit(path)
