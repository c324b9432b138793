"""The window's training process: `cnn-playground train PROJECT --out DIR --child`.

The window starts this as a child process and is its client (`playground.gui.background.training_process`):
the same front door as the command line (`playground.ml.training.run_setup`: the same checks, the same
refusals), its events as protocol lines on stdout (`playground.ml.training.protocol`, what `train --json`
prints), pause/resume/stop as lines on stdin. Two processes instead of a
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
from typing import TextIO

from playground.ml.training import protocol
from playground.ml.training.engine import TrainingControl
from playground.ml.training.events import Event, Finished, Refused
from playground.ml.training.run_setup import RunRequest
from playground.spec.errors import PlaygroundError
from playground.spec.messages import text_of

NICENESS = 10  # POSIX: the window (niceness 0) gets a core first whenever it wants one


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

    def line(self, text: str) -> None:
        if not self._speaks:
            return
        with self._lock:
            self._stream.write(text + "\n")
            self._stream.flush()

    def event(self, event: Event) -> None:
        self.line(protocol.encode(event))


def read_control(fd: int, control) -> None:
    """Control words from the window until its end of the pipe closes (then: stop). Read with
    os.read on the descriptor: a thread blocked in sys.stdin's buffered reader at interpreter exit
    aborts the process ("could not acquire lock ... at interpreter shutdown")."""
    pending = b""
    while True:
        try:
            chunk = os.read(fd, 256)
        except OSError:
            chunk = b""
        if not chunk:
            break
        *lines, pending = (pending + chunk).split(b"\n")
        for raw in lines:
            word = raw.decode("ascii", "replace").strip()
            if word == "pause":
                control.pause.set()
            elif word == "resume":
                control.pause.clear()
            elif word == "stop":
                control.pause.clear()
                control.stop.set()
    control.pause.clear()
    control.stop.set()


def run_child(request: RunRequest) -> int:
    """Train as the window's child; the exit status is 0 (done or stopped), 1 (failed: NaN, out of
    memory) or 2 (refused: the project, data or checkpoint cannot be used). Whatever happens, the
    window hears it as a record: a refusal as `Refused`, in the words the command line would print."""
    from playground.ml.data.prepare import LoadCancelled
    from playground.ml.training.distributed import is_main_process
    from playground.ml.training.run_setup import train

    lower_priority()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the window's terminal: the window decides
    speaks = is_main_process()  # under torchrun, rank 0
    stream = _protocol_stream()
    sender = _Sender(stream, speaks)
    # A new line first: whatever was printed before the streams were parted (at start-up, without
    # a newline) ends there, as a line of its own that the window sets aside.
    sender.line("\n" + protocol.hello())
    control = TrainingControl()
    if speaks:
        threading.Thread(target=read_control, args=(sys.stdin.fileno(), control), name="control", daemon=True).start()
    try:
        return train(request, control=control, report=sender.event, stoppable_loading=True)
    except LoadCancelled:
        sender.event(Finished(reason="stopped", epochs_done=0, best_epoch=0, best_val_acc=None, checkpoint=None))
        return 0
    except PlaygroundError as error:
        sender.event(Refused(message=text_of(error)))
        return 2
    finally:
        stream.close()
