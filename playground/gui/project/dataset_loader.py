"""The project's images, loaded in the background with progress and cancel.

Decoding a folder of photos takes seconds; it runs as a background `Task` while the window stays
responsive, and a superseded load can never overwrite a newer one (the task drops stale results).
The second load of the same files (by the training process, or on reopening the project) comes
from the decoded-image cache (`playground.ml.data.image_cache`). The loaded ImageSet (uint8 tensors at the
project's size and channels) is what the pages show and what training will use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from playground.gui.background.tasks import Task, TaskContext
from playground.spec.settings import DataSettings


class DatasetLoader(QObject):
    started = Signal()
    progress = Signal(int, int)  # files done, files in all
    loaded = Signal(object)  # ImageSet
    failed = Signal(str)  # in the interface's language
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.image_set = None  # the ImageSet loaded for `key`
        self.key: tuple | None = None
        self.error = ""
        self._task = Task(self, "dataset-loader")
        self._task.progress.connect(self.progress)
        self._task.finished.connect(self._on_loaded)
        self._task.failed.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)

    @property
    def busy(self) -> bool:
        return self._task.busy

    @staticmethod
    def _key(settings: DataSettings, base_dir: Path | None) -> tuple:
        """What the images depend on: a built-in's name, or the folder the source points to (so
        saving the project somewhere, which changes base_dir, does not make them stale)."""
        from playground.ml.data.folders import resolve_source_folder

        where = (
            settings.source
            if settings.source.startswith("builtin:")
            else str(resolve_source_folder(settings.source, base_dir).resolve())
        )
        return (where, tuple(settings.image_size), settings.channels)

    def images_for(self, settings: DataSettings, base_dir: Path | None):
        """The loaded ImageSet if it is the one for these settings, else None (stale or not loaded)."""
        return self.image_set if self.key == self._key(settings, base_dir) else None

    def request(self, settings: DataSettings, base_dir: Path | None, *, force: bool = False) -> bool:
        """Load the images for these settings unless they are loaded (or loading) already."""
        key = self._key(settings, base_dir)
        if key == self.key and not force:
            return False
        self.key, self.image_set, self.error = key, None, ""

        def load(context: TaskContext):
            from playground.ml.data.prepare import load_dataset  # torch, off the window's thread

            return load_dataset(settings, base_dir, context.progress, context.is_cancelled)

        self.started.emit()
        self._task.start(load)  # a load still running for other settings is no longer wanted
        return True

    def _on_loaded(self, image_set) -> None:
        self.image_set = image_set
        self.loaded.emit(image_set)

    def _on_failed(self, message: str) -> None:
        self.error = message
        self.failed.emit(message)

    def _on_cancelled(self) -> None:
        self.key = None  # a cancelled load is not a loaded one: the next request loads again
        self.cancelled.emit()

    def cancel(self) -> None:
        self._task.cancel()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the load ends (seconds); its reports still arrive through the event loop."""
        self._task.wait(timeout)
