"""The one front door of a training run, for the command line (`cnn-playground train`) and the
window's training child (`train --child`) alike.

`prepare_run` does every check and all the preparation — the project (a file or a shipped
example's name), the resume policy, the out folder, whether the network fits, the data — and
refuses with the same PlaygroundError whichever door asked. `PreparedRun.events` then trains and
yields the events both doors pass on: printed lines or protocol records (`--json`, the child).
The doors differ only in where those events go and where stop and pause come from (Ctrl+C vs
the child's stdin).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path

from playground.ml.data.prepare import PreparedData, prepare_data
from playground.ml.files.checkpoints import Checkpoint, load_checkpoint
from playground.ml.network.network_memory import check_run_fits
from playground.ml.training import engine
from playground.ml.training.distributed import Distributed
from playground.ml.training.engine import TrainingControl
from playground.ml.training.events import Event, Failed, Loading
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message
from playground.spec.project import Project, load_project, remove_stale_temp_files
from playground.spec.project_paths import default_out_folder, open_project, resolve_project_path
from playground.spec.resume_policy import check_resumable

LOADING_INTERVAL = 0.2  # seconds between loading-progress events


def check_writable(out: Path) -> None:
    """An out folder that cannot take the checkpoints is refused before any training."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".cnnpg-{os.getpid()}-probe.tmp"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise PlaygroundError(
            Message(messages.OUTPUT_NOT_WRITABLE, folder=out, reason=error.strerror or type(error).__name__)
        ) from None


@dataclass(frozen=True, kw_only=True)
class RunRequest:
    """What either door was asked: `train PROJECT [--out DIR] [--resume C] [--epochs N] [--device D]`."""

    project: str  # a project file or a shipped example's name
    out: Path | None = None  # default: runs/PROJECT-NAME
    resume: str | None = None  # a checkpoint to continue
    epochs: int | None = None  # in all (default: the project's)
    device: str | None = None  # default: the project's


@dataclass(frozen=True, kw_only=True)
class PreparedRun:
    """A run that passed every check, with its data loaded: ready to train."""

    request: RunRequest
    project: Project
    project_path: Path
    data: PreparedData
    resume: Checkpoint | None
    out: Path

    def events(self, control: TrainingControl, job: Distributed | None = None) -> Generator[Event, None, Checkpoint]:
        """Train; the events of `engine.fit`, its final checkpoint as the result. A run folder that
        stops taking checkpoints (a full disk) is the user's to fix: one message, the epochs before kept."""
        try:
            return (
                yield from engine.fit(
                    self.project,
                    self.data,
                    epochs=self.request.epochs,
                    out_dir=self.out,
                    resume=self.resume,
                    control=control,
                    device=self.request.device,
                    distributed=job,
                )
            )
        except OSError as error:
            folder = Path(error.filename).parent if error.filename else self.out
            raise PlaygroundError(Message(messages.RUN_FOLDER_NOT_WRITABLE, folder=str(folder))) from None


def prepare_run(
    request: RunRequest,
    *,
    writes: bool = True,
    report: Callable[[Event], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> PreparedRun:
    """Every check and the data, in the order that refuses cheapest first: the project, the
    checkpoint and the resume policy, the out folder, the network's size, then the images (loading
    progress as `Loading` events to `report`; `should_stop` cancels with data.LoadCancelled).
    `writes`: this process writes the checkpoints (under torchrun only rank 0 does)."""
    project_path = resolve_project_path(request.project)
    project, base = load_project(project_path), project_path.parent
    resume = None
    if request.resume:
        resume = load_checkpoint(request.resume)
        # The project given trains: its data, its run; the checkpoint must be of the same network.
        check_resumable(resume.project, project, str(request.resume))
    out = request.out or default_out_folder(request.project)
    if writes:
        check_writable(out)
    # A network too large to train (30,000 units typed by mistake) is refused before any image loads.
    check_run_fits(project, base)
    data = prepare_data(project.data, project.training.seed, base, _throttled(report), should_stop)
    if writes and out.is_dir():
        remove_stale_temp_files(out)
    return PreparedRun(request=request, project=project, project_path=project_path, data=data, resume=resume, out=out)


def _throttled(report: Callable[[Event], None] | None):
    """Loading progress a few times a second, and its end."""
    if report is None:
        return None
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= LOADING_INTERVAL or done == total:
            last = now
            report(Loading(done=done, total=total))

    return progress


def train(
    request: RunRequest,
    *,
    control: TrainingControl,
    report: Callable[[Event], None],
    on_prepared: Callable[[PreparedRun, Distributed | None], None] | None = None,
    stoppable_loading: bool = False,
) -> int:
    """Both doors' whole run: join the torchrun job when started by torchrun, prepare (every check,
    the data), train. Events go to `report` (under torchrun from rank 0 only). The exit status: 0
    done or stopped, 1 failed (NaN, out of memory); a refusal is raised as a PlaygroundError, and
    a stop while loading as data.LoadCancelled. `stoppable_loading`: `control.stop` cancels the
    loading too (not under torchrun: only rank 0 hears a stop, and the others would wait for it)."""
    from playground.ml.training import distributed as ddp

    project, _ = open_project(request.project)
    job = ddp.start(request.device or project.training.device)  # None unless started by torchrun
    speaks = job is None or job.is_main
    cleanly = False
    try:
        should_stop = control.stop.is_set if stoppable_loading and job is None else None
        prepared = prepare_run(request, writes=speaks, report=report if speaks else None, should_stop=should_stop)
        if on_prepared is not None and speaks:
            on_prepared(prepared, job)
        status = 0
        for event in prepared.events(control, job):
            if speaks:
                report(event)
            status = 1 if isinstance(event, Failed) else status
        cleanly = status == 0
        return status
    finally:
        ddp.stop(job, cleanly)
