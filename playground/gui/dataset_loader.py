"""The project's images, loaded in the background with progress and cancel.

Decoding a folder of photos takes seconds; it runs on a worker thread while the window stays
responsive. The worker only reports (private signals, queued to the GUI thread); everything that
decides — is this result still wanted, what is loaded now — happens on the GUI thread, so a
superseded load can never overwrite a newer one. The loaded ImageSet (uint8 tensors at the
project's size and channels) is what the pages show and what training will use.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QObject, Signal

from playground.gui.messages import translated
from playground.spec.errors import PlaygroundError
from playground.spec.messages import text_of
from playground.spec.settings import DataSettings


class DatasetLoader(QObject):
    started = Signal()
    progress = Signal(int, int)  # files done, files in all
    loaded = Signal(object)  # ImageSet
    failed = Signal(str)
    cancelled = Signal()

    _worker_progress = Signal(int, int, int)  # generation, done, total
    _worker_done = Signal(int, str, object)  # generation, outcome, ImageSet or message
    _live: ClassVar[weakref.WeakSet] = weakref.WeakSet()  # every loader alive, for stop_all

    @classmethod
    def stop_all(cls, timeout: float = 10.0) -> None:
        """Cancel every loader and wait for its thread (seconds each): a thread still inside torch
        when the interpreter exits aborts the process ('terminate called without an active exception')."""
        for loader in list(cls._live):
            loader.cancel()
            loader.wait(timeout)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        DatasetLoader._live.add(self)
        self.image_set = None  # the ImageSet loaded for `key`
        self.key: tuple | None = None
        self.error = ""
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._generation = 0
        self._worker_progress.connect(self._on_progress)
        self._worker_done.connect(self._on_done)

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @staticmethod
    def _key(settings: DataSettings, base_dir: Path | None) -> tuple:
        """What the images depend on: a built-in's name, or the folder the source points to (so
        saving the project somewhere, which changes base_dir, does not make them stale)."""
        from playground.ml.folders import resolve_source_folder

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
        self._cancel.set()  # a load still running for other settings is no longer wanted
        self.key, self.image_set, self.error = key, None, ""
        self._generation += 1
        self._cancel = threading.Event()
        self._thread = threading.Thread(
            target=self._load,
            args=(settings, base_dir, self._generation, self._cancel),
            name="dataset-loader",
            daemon=True,
        )
        self.started.emit()
        self._thread.start()
        return True

    def _load(self, settings: DataSettings, base_dir: Path | None, generation: int, cancel: threading.Event) -> None:
        """On the worker thread: decode, and report; decide nothing."""
        try:
            from playground.ml.data import LoadCancelled, load_dataset  # torch, off the GUI thread

            image_set = load_dataset(
                settings,
                base_dir,
                lambda done, total: self._report(self._worker_progress, generation, done, total),
                cancel.is_set,
            )
        except LoadCancelled:
            self._report(self._worker_done, generation, "cancelled", None)
        except PlaygroundError as error:
            self._report(self._worker_done, generation, "failed", text_of(error))
        except Exception as error:  # a bug or a broken install: say it, do not crash the window
            self._report(self._worker_done, generation, "failed", f"{type(error).__name__}: {error}")
        else:
            self._report(self._worker_done, generation, "loaded", image_set)

    @staticmethod
    def _report(signal, *values) -> None:
        """Emit from the worker thread; a loader deleted meanwhile (its window closed) hears nothing."""
        with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
            signal.emit(*values)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.emit(done, total)

    def _on_done(self, generation: int, outcome: str, payload) -> None:
        if generation != self._generation:
            return  # a superseded load
        if outcome == "loaded":
            self.image_set = payload
            self.loaded.emit(payload)
        elif outcome == "failed":
            payload = translated(payload)
            self.error = payload
            self.failed.emit(payload)
        else:
            self.key = None  # a cancelled load is not a loaded one: the next request loads again
            self.cancelled.emit()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the worker ends (seconds); its reports still arrive through the event loop."""
        if self._thread is not None:
            self._thread.join(timeout)
