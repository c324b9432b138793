"""The window's training process: `cnn-playground train PROJECT --out DIR --child`.

The window starts this as a child process and is its client (`playground.gui.training_process`):
the same `engine.fit` as the command line, its events as protocol lines on stdout
(`playground.ml.protocol`), pause/resume/stop as lines on stdin. Two processes instead of a
thread: the operating system, not Python's GIL, shares the cores, so training runs at full speed
on every core and the window stays smooth; and a crash of torch cannot take the window down.

The child lowers its own scheduling priority, so the window always comes first when it needs a
core. Under torchrun (several GPUs) rank 0 reads the control lines and speaks; the others follow.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

from playground.ml import protocol
from playground.ml.distributed import Distributed
from playground.ml.events import Event, Failed, Loading, Refused
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of
from playground.spec.project import Project

NICENESS = 10  # POSIX: the window (niceness 0) gets a core first whenever it wants one
LOADING_INTERVAL = 0.2  # seconds between loading-progress records


def lower_priority() -> None:
    """Below the window's priority: nice on POSIX, BELOW_NORMAL_PRIORITY_CLASS on Windows."""
    with contextlib.suppress(OSError, AttributeError):
        if hasattr(os, "nice"):
            os.nice(NICENESS)
        elif sys.platform == "win32":
            import ctypes

            kernel = ctypes.windll.kernel32
            kernel.SetPriorityClass(kernel.GetCurrentProcess(), 0x4000)


def _protocol_stream() -> TextIO:
    """The protocol's own copy of stdout; stdout itself then goes to stderr, so that whatever a
    library prints (without a newline, even) can never run into a protocol line."""
    protocol_fd = os.dup(sys.stdout.fileno())
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return os.fdopen(protocol_fd, "w", encoding="ascii", buffering=1)


class _Sender:
    """Protocol lines on stdout, one whole line at a time (the stdin thread may stop a run while
    the main thread reports)."""

    def __init__(self, stream: TextIO, speaks: bool):
        self._stream, self._speaks = stream, speaks
        self._lock = threading.Lock()
        self._last_loading = 0.0

    def line(self, text: str) -> None:
        if not self._speaks:
            return
        with self._lock:
            self._stream.write(text + "\n")
            self._stream.flush()

    def event(self, event: Event) -> None:
        self.line(protocol.encode(event))

    def loading(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_loading >= LOADING_INTERVAL or done == total:
            self._last_loading = now
            self.event(Loading(done, total))


def read_control(fd: int, control) -> None:
    """Control words from the window until its end of the pipe closes (then: stop). Read with
    os.read on the descriptor: a thread blocked in sys.stdin's buffered reader at interpreter exit
    aborts the process ("could not acquire lock ... at interpreter shutdown")."""
    lines = protocol.ControlLines()
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            break
        for word in lines.feed(chunk):
            if word == "pause":
                control.pause.set()
            elif word == "resume":
                control.pause.clear()
            elif word == "stop":
                control.pause.clear()
                control.stop.set()
    control.pause.clear()
    control.stop.set()


def run_child(
    project: Project,
    base_dir: Path | None,
    *,
    out: Path,
    resume_path: str | None,
    epochs: int | None,
    device: str | None,
    job: Distributed | None,
) -> int:
    """Train as the window's child; the exit status is 0 (done or stopped), 1 (failed: NaN, out of
    memory) or 2 (refused: the project, data or checkpoint cannot be used)."""
    from playground.ml.checkpoints import load_checkpoint
    from playground.ml.data import LoadCancelled, prepare_data
    from playground.ml.engine import TrainingControl, fit
    from playground.ml.events import Finished
    from playground.ml.memory_budget import check_run_fits

    lower_priority()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the window's terminal: the window decides
    speaks = job is None or job.is_main
    stream = _protocol_stream()
    sender = _Sender(stream, speaks)
    # A new line first: whatever was printed before the streams were parted (at start-up, without
    # a newline) ends there, as a line of its own that the window sets aside.
    sender.line("\n" + protocol.hello())
    control = TrainingControl()
    if speaks:
        threading.Thread(target=read_control, args=(sys.stdin.fileno(), control), name="control", daemon=True).start()
    try:
        out.mkdir(parents=True, exist_ok=True)  # an unwritable folder is said now, not after an epoch
        resume = load_checkpoint(resume_path) if resume_path else None
        check_run_fits(project, base_dir)  # as the command line does: before loading any image
        # Under torchrun only rank 0 hears a stop: were it to stop loading alone, the others would wait
        # for it forever. They all load, then agree on stopping at the first batch.
        should_stop = control.stop.is_set if job is None else None
        data = prepare_data(project.data, project.training.seed, base_dir, sender.loading, should_stop)
        status = 0
        for event in fit(project, data, epochs=epochs, out_dir=out, resume=resume, control=control, device=device,
                         distributed=job):  # fmt: skip
            sender.event(event)
            status = 1 if isinstance(event, Failed) else status
        return status
    except LoadCancelled:
        sender.event(Finished("stopped", 0, 0, None, None))
        return 0
    except PlaygroundError as error:
        sender.event(Refused(text_of(error)))
        return 2
    except OSError as error:  # the run folder cannot be written (full, read-only): the user's disk, not a bug
        folder = Path(error.filename).parent if error.filename else out
        sender.event(Refused(Message(messages.RUN_FOLDER_NOT_WRITABLE, folder=str(folder))))
        return 2
    finally:
        stream.close()
