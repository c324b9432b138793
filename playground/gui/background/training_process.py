"""Training from the window: a child process (`cnn-playground train PROJECT --child`) and this
client of it.

The child drives the same `engine.fit` as the command line and sends its events as protocol
lines (`playground.ml.training.protocol`); this object reads them as QProcess delivers them (never
blocking the window's thread) and re-emits them as signals. Pause, resume and stop are lines
written to the child's stdin, which works alike on Linux, Windows and macOS. The trained model
comes back as the checkpoint the child wrote, read on a background task.

If the child dies (killed, a crash inside torch, the system out of memory), the window stays up:
`crashed` says so in the interface's language and the last epoch's checkpoint becomes the model.
"""

from __future__ import annotations

import dataclasses
import signal
import sys
import weakref
from collections import deque
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from playground.gui.app.messages import translated
from playground.gui.background.tasks import Task
from playground.spec.project import Project, save_project

STDERR_LINES_KEPT = 40  # the end of the child's stderr, for the log when it dies
ALL_GPUS = "cuda:all"  # the device choice that trains on every GPU under torchrun


def training_command(
    project_file: Path, out_dir: Path, *, resume: Path | None, epochs: int | None, device: str | None, gpus: int = 0
) -> list[str]:
    """The child's command line (without the interpreter): the command line's own `train`."""
    arguments = ["train", str(project_file), "--out", str(out_dir), "--child"]
    if resume is not None:
        arguments += ["--resume", str(resume)]
    if epochs is not None:
        arguments += ["--epochs", str(epochs)]
    if gpus > 1:  # one process per GPU, DDP, as `torchrun ... cnn-playground train` does
        return [
            "-m",
            "torch.distributed.run",
            "--standalone",
            f"--nproc-per-node={gpus}",
            "-m",
            "playground",
            *arguments,
            "--device",
            "cuda",
        ]
    if device is not None:
        arguments += ["--device", device]
    return ["-m", "playground", *arguments]


def project_for_child(project: Project, base_dir: Path | None) -> Project:
    """The project as the child reads it from its run folder: an image folder's path made absolute
    (relative paths are relative to the project file, which the child's copy is not next to)."""
    source = project.data.source
    if source.startswith("builtin:"):
        return project
    from playground.ml.data.folders import resolve_source_folder

    absolute = str(resolve_source_folder(source, base_dir).resolve())
    return project.replace(data=dataclasses.replace(project.data, source=absolute))


class TrainingProcess(QObject):
    preparing = Signal(int, int)  # images loaded so far, in all (before `started`)
    started = Signal(object)  # events.Started
    batch_finished = Signal(object)  # events.BatchFinished
    epoch_finished = Signal(object)  # events.EpochFinished
    finished = Signal(object)  # events.Finished
    failed = Signal(object)  # events.Failed (NaN, out of memory): the last good weights are kept
    crashed = Signal(str)  # anything else, in the interface's language
    model_ready = Signal(object)  # the run's model (a Checkpoint) after finished/failed/a crash
    stopped = Signal()  # the child has ended, whatever the outcome

    _live: ClassVar[weakref.WeakSet] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._process: QProcess | None = None
        self._out_dir: Path | None = None
        self._outcome = None  # the last Finished / Failed / Refused event
        self._stderr: deque[str] = deque(maxlen=STDERR_LINES_KEPT)
        self._paused = False
        self._stopping = False
        self._reading_model = False  # the child has ended; its checkpoint is being read
        self._ended_by_us = False  # stop_and_wait ended it: no crash to report
        self._checkpoint_task = Task(self, "checkpoint-reader")
        self._checkpoint_task.finished.connect(self._model_read)
        self._checkpoint_task.failed.connect(self._model_unreadable)
        self._checkpoint_task.cancelled.connect(self._model_not_read)
        TrainingProcess._live.add(self)

    @property
    def running(self) -> bool:
        """From start() until `stopped` (the child has ended and its model has been read)."""
        return self._process is not None or self._reading_model

    @property
    def child_alive(self) -> bool:
        return self._process is not None

    @property
    def paused(self) -> bool:
        return self.running and self._paused

    def start(
        self,
        project: Project,
        *,
        base_dir: Path | None,
        out_dir: Path,
        resume: Path | None = None,
        epochs: int | None = None,
        device: str | None = None,
        gpus: int = 0,
    ) -> None:
        """Start the child on `project` (its data loaded by the child: a folder comes from the
        decoded-image cache the window's own load filled)."""
        if self.running:
            raise RuntimeError("a training is already running")
        out_dir.mkdir(parents=True, exist_ok=True)
        project_file = out_dir / "project.json"
        save_project(project_for_child(project, base_dir), project_file)
        self._out_dir, self._outcome, self._paused, self._stopping = out_dir, None, False, False
        self._ended_by_us = False
        self._stderr.clear()
        process = QProcess(self)
        # Its own folder and a safe import path: a `playground.py` (or `torch.py`) where the window
        # was started must never be what the child imports.
        process.setWorkingDirectory(str(out_dir))
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONSAFEPATH", "1")  # torchrun's workers too
        process.setProcessEnvironment(environment)
        process.setProgram(sys.executable)
        process.setArguments(
            training_command(project_file, out_dir, resume=resume, epochs=epochs, device=device, gpus=gpus)
        )
        process.readyReadStandardOutput.connect(self._read_events)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._error_occurred)
        self._process = process
        process.start()

    # ------------------------------------------------------------------ control

    def _send(self, word: str) -> None:
        if self._process is not None:
            self._process.write(f"{word}\n".encode("ascii"))

    def pause(self) -> None:
        if self._process is not None:
            self._paused = True
            self._send("pause")

    def resume(self) -> None:
        if self._process is not None:
            self._paused = False
            self._send("resume")

    def stop(self) -> None:
        """Stop after the current batch; the child writes its checkpoints and ends."""
        if self._process is not None:
            self._paused, self._stopping = False, True
            self._send("stop")

    def stop_and_wait(self, timeout_ms: int = 30_000) -> bool:
        """Stop and wait for the child to end (ended after `timeout_ms`); the run's model is then no
        longer wanted (the window closes, or another project comes). True when no child is left."""
        process = self._process
        if process is not None:
            self.stop()
            self._ended_by_us = True  # ending it below is no crash to report
            if not process.waitForFinished(timeout_ms):
                process.terminate()  # torchrun passes this on to its workers; a kill would orphan them
                if not process.waitForFinished(5000):
                    process.kill()
                    process.waitForFinished(5000)
            if self._process is process:  # `finished` not delivered (waitForFinished ran it, or not)
                self._ended(process.exitCode(), process.exitStatus())
        self._checkpoint_task.forget()
        if self._reading_model:
            self._reading_model = False
            self.stopped.emit()
        return self._process is None

    def kill(self) -> None:
        """End the child at once (tests use it to simulate a crash)."""
        if self._process is not None:
            self._process.kill()

    @property
    def pid(self) -> int:
        return int(self._process.processId()) if self._process is not None else 0

    # ------------------------------------------------------------------ reading

    def _read_events(self) -> None:
        from playground.ml.training import protocol
        from playground.ml.training.events import (
            BatchFinished,
            EpochFinished,
            Failed,
            Finished,
            Loading,
            Refused,
            Started,
        )

        # `self._process` is looked at again for every line: a slot of a signal emitted here may
        # run an event loop in which the child ends (and its QProcess goes).
        while self._process is not None and self._process.canReadLine():
            line = bytes(self._process.readLine().data())
            if not line.strip():
                continue
            try:
                event = protocol.decode(line)
            except protocol.ProtocolError:
                self._stderr.append(line.decode("utf-8", "replace").rstrip())  # stray output: kept, not shown
                continue
            if isinstance(event, int):  # the hello line
                if event != protocol.VERSION:
                    self._refuse_other_version(event)
                    return  # nothing more it says is read
                continue
            if isinstance(event, Loading):
                self.preparing.emit(event.done, event.total)
            elif isinstance(event, Started):
                self.started.emit(event)
            elif isinstance(event, BatchFinished):
                self.batch_finished.emit(event)
            elif isinstance(event, EpochFinished):
                self.epoch_finished.emit(event)
            elif isinstance(event, Finished | Failed | Refused):
                self._outcome = event
                if isinstance(event, Finished):
                    self.finished.emit(event)
                elif isinstance(event, Failed):
                    self.failed.emit(event)

    def _refuse_other_version(self, version: int) -> None:
        """A child of another version of the app (updated while the window was open): its records
        may mean other things. It is ended, and the window says why in its language."""
        from playground.ml.training import protocol
        from playground.ml.training.events import Refused
        from playground.spec import messages
        from playground.spec.messages import Message

        found = version if isinstance(version, int) else "?"
        self._outcome = Refused(message=Message(messages.PROTOCOL_MISMATCH, found=found, expected=protocol.VERSION))
        self._stopping = True
        if self._process is not None:
            self._process.kill()

    def _read_errors(self) -> None:
        if self._process is None:
            return
        text = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            print(line, file=sys.stderr)  # the child's warnings and tracebacks, where the window's go
            self._stderr.append(line)

    def _error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._ended(-1, QProcess.ExitStatus.CrashExit)

    def _ended(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        from playground.ml.training.events import Failed, Finished, Refused

        process = self._process
        if process is None:
            return
        self._read_events()  # what it wrote last
        self._read_errors()
        self._process = None
        process.deleteLater()
        outcome = self._outcome
        if isinstance(outcome, Refused):
            self.crashed.emit(translated(outcome.message))
        elif not isinstance(outcome, Finished | Failed) and not self._ended_by_us:
            self.crashed.emit(self._death_message(exit_code, exit_status))
        # After a refusal too: a disk that filled up in epoch 5 leaves epoch 4's checkpoint.
        if not self._read_model(outcome):
            self.stopped.emit()

    def _death_message(self, exit_code: int, exit_status: QProcess.ExitStatus) -> str:
        kept = (
            self.tr("The epochs it finished are kept.")
            if self._out_dir is not None and (self._out_dir / "last.pt").exists()
            else self.tr("No epoch had finished.")
        )
        if exit_status == QProcess.ExitStatus.CrashExit:
            if exit_code == -1:
                return self.tr("The training process could not be started.")
            # On Linux and macOS a crashed process's exit code is the signal that ended it.
            ended = {getattr(signal, name, None) for name in ("SIGTERM", "SIGINT", "SIGHUP")}
            if exit_code in ended:
                text = self.tr("The training process ended unexpectedly: it was ended from outside the app. {0}")
                return text.format(kept)
            if exit_code == getattr(signal, "SIGKILL", None):  # the system's memory guard, or a user's kill -9
                return self.tr(
                    "The training process ended unexpectedly: it was killed from outside the app (by a user, or by"
                    " the system when memory runs out). {0}"
                ).format(kept)
            return self.tr("The training process ended unexpectedly (it crashed). {0}").format(kept)
        return self.tr("The training process ended with an error (exit code {0}). {1}").format(exit_code, kept)

    def last_error_lines(self) -> list[str]:
        """The end of what the child wrote to stderr (a traceback, after a crash)."""
        return list(self._stderr)

    # ------------------------------------------------------------------ the model

    def _read_model(self, outcome) -> bool:
        """Start reading the best epoch's checkpoint after a run, the last one's after a failure or
        a crash, off the window's thread; `stopped` follows once it is read. False if there is none."""
        if self._out_dir is None:
            return False
        best = getattr(outcome, "checkpoint", None)
        path = Path(best) if best else self._out_dir / "last.pt"
        if not path.exists():
            return False

        def read(context):
            from playground.ml.files.checkpoints import load_checkpoint

            return load_checkpoint(path)

        self._reading_model = True
        self._checkpoint_task.start(read)
        return True

    def _model_read(self, checkpoint) -> None:
        self._reading_model = False
        self.model_ready.emit(checkpoint)
        self.stopped.emit()

    def _model_unreadable(self, message: str) -> None:
        self._reading_model = False
        self.crashed.emit(message)
        self.stopped.emit()

    def _model_not_read(self) -> None:  # the app is closing
        self._reading_model = False
        self.stopped.emit()

    @classmethod
    def stop_all(cls, timeout_ms: int = 30_000) -> None:
        """No child outlives the window (or a test)."""
        for client in list(cls._live):
            client.stop_and_wait(timeout_ms)
