"""`cnn-playground train PROJECT`: the command line's door to a training run.

The run itself — every check, the data, the training — is `playground.ml.training.run_setup`, the same as
the window's child (`train --child`, `playground.ml.training.child`). This door prints the events:
lines for a person (a tqdm bar within an epoch on a terminal), or with `--json` the protocol's
records, one a line, exactly as the child sends them. Ctrl+C stops after the batch.
"""

from __future__ import annotations

import argparse
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from playground.cli.language import translated
from playground.cli.progress import EpochProgress
from playground.cli.text import printable
from playground.ml.training import protocol
from playground.ml.training.events import (
    Attached,
    BatchFinished,
    EpochFinished,
    Event,
    Failed,
    Finished,
    Refused,
    Started,
)
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of
from playground.spec.project_paths import default_out_folder, is_shipped_example, resolve_project_path

if TYPE_CHECKING:  # the engine imports torch: only when a training runs
    from playground.ml.training.run_setup import PreparedRun


def add_parser(commands) -> None:
    train = commands.add_parser("train", help="train a project headless")
    train.add_argument("project", help="a project file, or an example name such as lenet5-digits")
    train.add_argument("--epochs", type=int, help="train until this many epochs in all (default: the project's)")
    train.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps (default: the project's)")
    train.add_argument("--out", help="folder for last.pt and best.pt (default: runs/PROJECT-NAME)")
    train.add_argument("--resume", metavar="CHECKPOINT", help="continue the run saved in this checkpoint")
    train.add_argument("--json", action="store_true", help="the protocol's records, one JSON object per line")
    train.add_argument(
        "--no-attach", action="store_true", help="do not keep the run beside the project file (NAME_runs/) as its model"
    )
    # The window's training process (playground.ml.training.child): --json, with control on stdin.
    train.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    train.set_defaults(run=run)


def request_of(args):
    from playground.ml.training.run_setup import RunRequest

    return RunRequest(
        project=args.project,
        out=Path(args.out) if args.out else None,
        resume=args.resume,
        epochs=args.epochs,
        device=args.device,
    )


def run(args) -> int:
    if args.child:
        from playground.ml.training.child import run_child

        return run_child(request_of(args))
    from playground.cli.files import project_of_bundle
    from playground.ml.training.distributed import is_main_process, launched_by_torchrun

    args.project = project_of_bundle(args.project)
    request = request_of(args)
    from playground.ml.training.engine import TrainingControl

    printer = JsonPrinter() if args.json else TextPrinter()
    control = TrainingControl()
    torchrun = launched_by_torchrun()
    # Alone, a first Ctrl+C stops after the batch. Under torchrun every process gets it, each at
    # another batch, and a process left waiting for the others would hang: they all stop at once.
    previous = signal.signal(signal.SIGINT, _stop_on_interrupt(control)) if not torchrun else None
    started_at = datetime.now()
    if attaches(args) and is_main_process():
        from playground.spec.saved_runs import check_can_attach

        check_can_attach(args.project)  # a damaged runs.json is said now, not after the training
    try:
        status = run_training(request, control, printer)
    except KeyboardInterrupt:
        if not torchrun:
            raise
        out = request.out or default_out_folder(request.project)
        last = out / "last.pt"
        kept = f"the last epoch's checkpoint is {last}" if last.exists() else "no epoch had finished"
        print(f"stopped; {printable(kept)}", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if is_main_process():
        attach_to_project(args, started_at, status, printer)
    return status


def run_training(request, control, printer) -> int:
    from playground.ml.training.run_setup import train

    try:
        return train(request, control=control, report=printer.event, on_prepared=printer.prepared)
    except PlaygroundError as error:
        printer.refused(error)
        raise


def _stop_on_interrupt(control):
    """First Ctrl+C: stop after the current batch, keeping the checkpoints. A second: quit now."""

    def handler(signum, frame):
        if control.stop.is_set():
            raise KeyboardInterrupt
        control.stop.set()
        print("\n" + translated(Message(messages.CLI_STOPPING)), file=sys.stderr)

    return handler


class JsonPrinter:
    """`--json`: the protocol's records on stdout, the hello line first — what the child sends."""

    def __init__(self):
        from playground.ml.training.distributed import is_main_process

        self.finished_reason = "completed"
        self._speaks = is_main_process()  # under torchrun, rank 0 alone
        if self._speaks:
            print(protocol.hello(), flush=True)

    def prepared(self, prepared: PreparedRun, job) -> None:
        for skipped in prepared.data.skipped:
            print(f"skipped: {printable(skipped)}", file=sys.stderr)

    def event(self, event: Event) -> None:
        if isinstance(event, Finished):
            self.finished_reason = event.reason
        print(protocol.encode(event), flush=True)

    def refused(self, error: PlaygroundError) -> None:
        if self._speaks:
            print(protocol.encode(Refused(message=text_of(error))), flush=True)


class TextPrinter:
    """Lines for a person: the run, each epoch, the outcome; a progress bar within each epoch."""

    def __init__(self):
        self.finished_reason = "completed"
        self._progress = EpochProgress(sys.stdout)
        self._prepared: PreparedRun | None = None

    def prepared(self, prepared: PreparedRun, job) -> None:
        self._prepared = prepared
        skipped = prepared.data.skipped
        if skipped:
            print(translated(Message(messages.CLI_SKIPPED_FILES, count=len(skipped))), file=sys.stderr)
            for file in skipped:
                print(f"  {printable(file)}", file=sys.stderr)
        if job is not None:
            settings = prepared.project.training
            print(job.describe(settings.batch_size, settings.learning_rate))
            print(
                printable(
                    f"if the job stops or a process fails, resume with --resume {prepared.out / 'last.pt'}"
                    " (any number of processes)"
                )
            )

    def event(self, event: Event) -> None:
        if isinstance(event, BatchFinished):
            self._progress.batch(event)
            return
        self._progress.close()
        prepared = self._prepared
        if isinstance(event, Started):
            started = Message(
                messages.CLI_TRAIN_STARTED,
                name=prepared.project.name,
                parameters=f"{event.parameters:,}",
                train=event.train_images,
                val=event.val_images,
                device=event.device,
                out=str(prepared.out),
            )
            print(printable(translated(started)))
        elif isinstance(event, EpochFinished):
            print(format_epoch(event), flush=True)
        elif isinstance(event, Finished):
            self.finished_reason = event.reason
            has_val = prepared is not None and len(prepared.data.val) > 0
            print(printable(finished_text(event, has_val)))
        elif isinstance(event, Failed):
            print(printable(translated(Message(messages.CLI_ERROR, message=event.message))), file=sys.stderr)
        elif isinstance(event, Attached):
            print(printable(f"the model is now the project's: run {event.run} in {event.folder}"))

    def refused(self, error: PlaygroundError) -> None:
        self._progress.close()  # main prints the error's one line


def format_epoch(event: EpochFinished) -> str:
    """One epoch's line, in the system's language (the numbers keep their columns)."""
    val = ""
    if event.val_loss is not None:
        val = Message(messages.CLI_EPOCH_VAL, loss=f"{event.val_loss:.4f}", acc=f"{event.val_acc:6.1%}")
    best = Message(messages.CLI_EPOCH_BEST) if event.is_best else ""
    return translated(
        Message(
            messages.CLI_EPOCH,
            epoch=f"{event.epoch:>3}",
            epochs=event.epochs,
            loss=f"{event.train_loss:.4f}",
            acc=f"{event.train_acc:6.1%}",
            val=val,
            speed=f"{event.images_per_second:,.0f}",
            seconds=f"{event.seconds:.1f}",
            best=best,
        )
    )


_REASONS = {
    "completed": messages.CLI_REASON_COMPLETED,
    "early_stopping": messages.CLI_REASON_EARLY_STOPPING,
    "stopped": messages.CLI_REASON_STOPPED,
}


def finished_text(event: Finished, has_val: bool) -> str:
    """The outcome's line, in the system's language."""
    if event.best_val_acc is None:
        best = Message(messages.CLI_NO_EPOCH)
    else:
        template = messages.CLI_BEST_VALIDATION if has_val else messages.CLI_BEST_TRAINING
        best = Message(template, accuracy=f"{event.best_val_acc:.1%}", epoch=event.best_epoch)
    reason = Message(_REASONS[event.reason]) if event.reason in _REASONS else event.reason
    return translated(Message(messages.CLI_FINISHED, reason=reason, best=best, checkpoint=str(event.checkpoint)))


def attaches(args) -> bool:
    """Whether the run will be kept beside the project file: not for a shipped example (by name or
    by path), nor with --no-attach."""
    path = Path(args.project)
    return not args.no_attach and path.is_file() and not is_shipped_example(resolve_project_path(args.project))


def attach_to_project(args, started_at: datetime, status: int, printer) -> None:
    """A project file trained from the command line keeps the run as the window does: its checkpoints
    and curves in NAME_runs/ beside it, its weights the project's model (the window opens it trained,
    `predict NAME.json` uses it). Not for a shipped example (by name or by path), nor with --no-attach."""
    from playground.ml.files.checkpoints import load_checkpoint
    from playground.spec.saved_runs import SavedRun, attach_run, runs_folder

    path = Path(args.project)
    out = Path(args.out) if args.out else default_out_folder(args.project)
    if not attaches(args) or not (out / "last.pt").is_file():
        return
    last = load_checkpoint(out / "last.pt")
    outcome = "failed" if status else printer.finished_reason
    run = SavedRun(0, last.project, tuple(last.history), outcome, started_at)
    attached = attach_run(path, run, out)
    printer.event(Attached(run=attached.number, folder=str(runs_folder(path) / attached.folder_name)))
