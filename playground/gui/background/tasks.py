"""The one way the window runs work off its thread: loading images, importing torch, classifying a
folder, explaining an image, validating a model, reading a checkpoint. (Training itself runs in a
child process: `gui.training_process`.)

A `Task` belongs to a widget and runs one function at a time on a plain thread. Written once here:
- progress (`context.progress(done, total)`), parts of the result (`context.send`) and the outcome
  come back as the Task's signals on the window's thread;
- one at a time: a newer `start` cancels the run going, and the new function starts only once
  the old one has returned (a function that cannot stop midway, such as a pass through a network,
  is never run twice at once); the superseded run's reports are never delivered;
- cancel wins: after `cancel()` nothing but `cancelled` arrives, even when the function had already
  returned or raised and only its outcome was still on its way;
- cancel is cooperative (`context.cancelled` is checked by the function; a thread is never killed);
- errors: a PlaygroundError arrives as its message in the interface's language, anything else as
  one line (with the traceback on stderr); whatever a function raises after a cancel is a cancel;
- the threads report through one relay object made on the window's thread that is never deleted,
  never through the Task itself: a widget that goes away (and its Task with it) while its function
  runs cannot be emitted on from another thread, and its late reports are dropped;
- at exit, `Task.stop_all()` cancels and joins every thread: one still inside torch when the
  interpreter exits aborts the process.

Why not superqt's `thread_worker`: it relays results and errors, but running one function at a time
per owner, cancel winning over a result already on its way, the stale-result generations, the
translated error text and the join-at-exit registry would still be ours to write around it.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from playground.gui.app.messages import translated
from playground.spec.errors import PlaygroundError
from playground.spec.messages import text_of

THREAD_PREFIX = "background"


def _inherit_torch_threads() -> None:
    """Give this fresh thread the process's torch thread count. Under OpenMP the count is per thread:
    without this, the first parallel operation here starts a team of every core, and a grey LeNet's
    answer on the Predict page took 12 ms instead of 2 (torch is only touched if already loaded)."""
    torch = sys.modules.get("torch")
    if torch is not None and hasattr(torch, "set_num_threads"):  # torch may be half-imported on another thread
        torch.set_num_threads(torch.get_num_threads())


class _Relay(QObject):
    """What the threads emit on: made once, on the window's thread, and never deleted. A queued
    connection carries each report to the window's thread, which hands it to its Task if that
    Task still exists."""

    report = Signal(object)  # (weak reference to the Task, generation, kind, payload)

    def __init__(self):
        super().__init__()
        self.report.connect(self._deliver)

    @Slot(object)
    def _deliver(self, message: tuple) -> None:
        task_ref, generation, kind, payload = message
        task = task_ref()
        if task is not None and shiboken6.isValid(task):
            task._deliver(generation, kind, payload)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class TaskContext:
    """What the function running on the thread gets: progress to report, a cancel flag to read."""

    def __init__(self, task: weakref.ref, generation: int, cancel: threading.Event, relay: _Relay):
        self._task, self._generation, self._cancel, self._relay = task, generation, cancel, relay

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_cancelled(self) -> bool:  # for the ml functions that take a `should_stop` callable
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        self._report("progress", (done, total))

    def send(self, part: object) -> None:
        """A part of the result, delivered now (`Task.part_ready`): a table fills as rows come."""
        self._report("part", part)

    def _report(self, kind: str, payload: object) -> None:
        with contextlib.suppress(RuntimeError):  # only at interpreter exit: the relay is gone
            self._relay.report.emit((self._task, self._generation, kind, payload))


def _run(function: Callable[[TaskContext], Any], context: TaskContext, previous: threading.Thread | None) -> None:
    """The thread's body: wait for the superseded run to return, then run `function` unless this
    run was itself superseded or cancelled meanwhile, and report its outcome."""
    if previous is not None:
        previous.join()
    if context.cancelled:
        context._report("cancelled", None)
        return
    _inherit_torch_threads()
    try:
        result = function(context)
    except Exception as error:
        if context.cancelled:  # whatever a cancelled function raised on its way out
            context._report("cancelled", None)
        elif isinstance(error, PlaygroundError):
            context._report("failed", text_of(error))
        else:
            traceback.print_exc(file=sys.stderr)  # a bug: the details for whoever reports it
            context._report("failed", f"{type(error).__name__}: {error}")
    else:
        context._report("cancelled" if context.cancelled else "finished", result)


class Task(QObject):
    progress = Signal(int, int)  # done, total
    part_ready = Signal(object)  # what the function sent with `context.send`
    finished = Signal(object)  # what the function returned
    failed = Signal(str)  # in the interface's language
    cancelled = Signal()

    _live: ClassVar[weakref.WeakSet] = weakref.WeakSet()
    _threads: ClassVar[set[threading.Thread]] = set()

    def __init__(self, parent: QObject | None = None, name: str = "task"):
        super().__init__(parent)
        self.name = name
        self._relay = _the_relay()  # made here, on the window's thread
        self._generation = 0
        self._cancel = threading.Event()
        self._cancel_asked = False  # window-side: cancel() was called for the current run
        self._thread: threading.Thread | None = None
        self._waiting = False  # window-side: from start() until its outcome has been delivered
        Task._live.add(self)

    @property
    def busy(self) -> bool:
        """A run was started and its outcome (finished, failed or cancelled) has not arrived yet."""
        return self._waiting

    def start(self, function: Callable[[TaskContext], Any]) -> None:
        """Run `function(context)` on a thread once any run still going has returned; that run
        is cancelled, and nothing more of it is delivered."""
        self._cancel.set()
        self._generation += 1
        self._cancel = threading.Event()
        self._cancel_asked = False
        context = TaskContext(weakref.ref(self), self._generation, self._cancel, self._relay)
        thread = threading.Thread(
            target=_run, args=(function, context, self._thread), name=f"{THREAD_PREFIX}-{self.name}", daemon=True
        )
        Task._threads = {t for t in Task._threads if t.is_alive()} | {thread}
        self._thread = thread
        self._waiting = True
        thread.start()

    def _deliver(self, generation: int, kind: str, payload: object) -> None:
        if generation != self._generation or not self._waiting:
            return  # a superseded or forgotten run
        if kind in ("progress", "part"):
            if self._cancel_asked:
                return  # cancel wins: after it, only `cancelled`
            if kind == "progress":
                self.progress.emit(*payload)
            else:
                self.part_ready.emit(payload)
            return
        self._waiting = False
        if self._cancel_asked or kind == "cancelled":
            self.cancelled.emit()
        elif kind == "finished":
            self.finished.emit(payload)
        else:
            self.failed.emit(translated(payload))

    def cancel(self) -> None:
        """Ask the running function to stop. `cancelled` arrives once it has returned, and its
        result (or error) is not delivered, even if it was already on its way."""
        if self._waiting:
            self._cancel_asked = True
            self._cancel.set()

    def forget(self) -> None:
        """The result of the run still going is no longer wanted (nothing at all is delivered)."""
        self._generation += 1
        self._cancel.set()
        self._waiting = False

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the last run's thread ends (seconds); True if it has. Its reports still come
        through the event loop."""
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
