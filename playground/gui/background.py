"""One piece of torch work off the GUI thread (classifying a validation set): the window stays
smooth, and the result comes back through a signal, on the GUI thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QObject, Signal

THREAD_NAME = "background-task"


class BackgroundTask(QObject):
    finished = Signal(object)  # what the function returned
    failed = Signal(str)
    _done = Signal(int, bool, object)  # from the thread: generation, ok, result or message

    _threads: ClassVar[list[threading.Thread]] = []

    @classmethod
    def wait_all(cls, timeout: float = 60.0) -> None:
        """Join every task's thread (at exit: a thread still inside torch would abort the process)."""
        for thread in list(cls._threads):
            thread.join(timeout)
        cls._threads = [t for t in cls._threads if t.is_alive()]

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._generation = 0
        self._done.connect(self._deliver)

    def start(self, function: Callable[[], object]) -> None:
        """Run `function` on a thread; a newer start makes an older result stale (never delivered)."""
        self._generation += 1
        generation = self._generation

        def run() -> None:
            try:
                outcome = (True, function())
            except Exception as error:  # a bug or a user error alike: said, not crashed on
                outcome = (False, f"{type(error).__name__}: {error}")
            with contextlib.suppress(RuntimeError):  # the task's owner was deleted meanwhile
                self._done.emit(generation, *outcome)

        thread = threading.Thread(target=run, name=f"{THREAD_NAME}-{id(self)}", daemon=True)
        BackgroundTask._threads = [t for t in BackgroundTask._threads if t.is_alive()] + [thread]
        thread.start()

    def forget(self) -> None:
        """The result of a task still running is no longer wanted."""
        self._generation += 1

    def _deliver(self, generation: int, ok: bool, payload) -> None:
        if generation != self._generation:
            return
        self.finished.emit(payload) if ok else self.failed.emit(payload)
