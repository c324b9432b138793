"""The one way the window runs work off its thread: loading images, importing torch, classifying a
folder, explaining an image, validating a model, reading a checkpoint. (Training itself runs in a
child process: `gui.training_process`.)

A `Task` belongs to a widget and runs one function at a time on a plain thread. Written once here:
- progress (`context.progress(done, total)`), parts of the result (`context.send`) and the result
  come back as signals on the window's thread;
- a newer `start` or a `cancel` makes the older run's reports stale: they are never delivered;
- cancel is cooperative (`context.cancelled` is checked by the function; a thread is never killed);
- errors: a PlaygroundError arrives as its message in the interface's language, anything else as
  one line (with the traceback on stderr);
- at exit, `Task.stop_all()` cancels and joins every thread: one still inside torch when the
  interpreter exits aborts the process.

Why not superqt's `thread_worker`: it relays results and errors, but the stale-result generations,
the translated error text and the join-at-exit registry would still be ours to write around it.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from playground.gui.app.messages import translated
from playground.spec.errors import PlaygroundError
from playground.spec.messages import text_of

THREAD_PREFIX = "background"


class TaskContext:
    """What the function running on the thread gets: progress to report, a cancel flag to read."""

    def __init__(self, task: Task, generation: int, cancel: threading.Event):
        self._task, self._generation, self._cancel = task, generation, cancel

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_cancelled(self) -> bool:  # for the ml functions that take a `should_stop` callable
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        self._task._send(self._generation, "progress", (done, total))

    def send(self, part: object) -> None:
        """A part of the result, delivered now (`Task.part_ready`): a table fills as rows come."""
        self._task._send(self._generation, "part", part)


class Task(QObject):
    progress = Signal(int, int)  # done, total
    part_ready = Signal(object)  # what the function sent with `context.send`
    finished = Signal(object)  # what the function returned
    failed = Signal(str)  # in the interface's language
    cancelled = Signal()

    _relay = Signal(int, str, object)  # from the thread: generation, kind, payload
    _live: ClassVar[weakref.WeakSet] = weakref.WeakSet()
    _threads: ClassVar[set[threading.Thread]] = set()

    def __init__(self, parent: QObject | None = None, name: str = "task"):
        super().__init__(parent)
        self.name = name
        self._generation = 0
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._waiting = False  # window-side: from start() until its outcome has been delivered
        self._relay.connect(self._deliver)
        Task._live.add(self)

    @property
    def busy(self) -> bool:
        """A run was started and its outcome (finished, failed or cancelled) has not arrived yet."""
        return self._waiting

    def start(self, function: Callable[[TaskContext], Any]) -> None:
        """Run `function(context)` on a thread; any run still going becomes stale (and is cancelled)."""
        self._cancel.set()
        self._generation += 1
        self._cancel = threading.Event()
        context = TaskContext(self, self._generation, self._cancel)
        thread = threading.Thread(
            target=self._run, args=(function, context), name=f"{THREAD_PREFIX}-{self.name}", daemon=True
        )
        Task._threads = {t for t in Task._threads if t.is_alive()} | {thread}
        self._thread = thread
        self._waiting = True
        thread.start()

    def _run(self, function: Callable[[TaskContext], Any], context: TaskContext) -> None:
        generation = context._generation
        try:
            result = function(context)
        except PlaygroundError as error:
            self._send(generation, "failed", text_of(error))
        except Exception as error:
            if context.cancelled:  # whatever a cancelled load raised on its way out
                self._send(generation, "cancelled", None)
                return
            traceback.print_exc(file=sys.stderr)  # a bug: the details for whoever reports it
            self._send(generation, "failed", f"{type(error).__name__}: {error}")
        else:
            self._send(generation, "cancelled" if context.cancelled else "finished", result)

    def _send(self, generation: int, kind: str, payload: object) -> None:
        with contextlib.suppress(RuntimeError):  # the task's owner was deleted meanwhile
            self._relay.emit(generation, kind, payload)

    def _deliver(self, generation: int, kind: str, payload: object) -> None:
        if generation != self._generation:
            return  # a superseded run
        if kind == "progress":
            self.progress.emit(*payload)
            return
        if kind == "part":
            self.part_ready.emit(payload)
            return
        self._waiting = False
        if kind == "finished":
            self.finished.emit(payload)
        elif kind == "failed":
            self.failed.emit(translated(payload))
        elif kind == "cancelled":
            self.cancelled.emit()

    def cancel(self) -> None:
        """Ask the running function to stop; its result will not be delivered, `cancelled` will."""
        if self._thread is not None and self._thread.is_alive():
            self._cancel.set()

    def forget(self) -> None:
        """The result of the run still going is no longer wanted (nothing at all is delivered)."""
        self._generation += 1
        self._cancel.set()
        self._waiting = False

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ends (seconds); True if it has. Its reports still come through
        the event loop."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is None or not self._thread.is_alive()

    @classmethod
    def stop_all(cls, timeout: float = 30.0) -> None:
        """Cancel every task and join every thread (at exit, and after each GUI test)."""
        for task in list(cls._live):
            with contextlib.suppress(RuntimeError):  # its Qt object is already gone
                task._cancel.set()
        for thread in list(cls._threads):
            thread.join(timeout)
        cls._threads = {t for t in cls._threads if t.is_alive()}
