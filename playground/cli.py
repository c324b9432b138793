"""The command line: `cnn-playground [gui|summary|train|predict|export|datasets|lab] ...`.

It drives the very same spec and engine as the app. A user error (bad project, missing file,
invalid network) exits with status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import tempfile
import warnings
from datetime import datetime
from pathlib import Path

from playground.resources import example_projects
from playground.spec import messages
from playground.spec.errors import DataError, PlaygroundError
from playground.spec.messages import Message, text_of
from playground.spec.project import Project, load_project, remove_stale_temp_files
from playground.spec.shapes import NetworkSummary, group, shape_text, summarize_project
from playground.spec.text import json_text, printable


def _print_json(data) -> None:
    print(json_text(data), flush=True)


def resolve_project_path(name: str) -> Path:
    """A project file, or the name of an example project shipped with the app."""
    path = Path(name)
    if path.exists() or (path.suffix == ".json" and "/" in name):
        return path
    examples = example_projects()
    stem = path.stem
    if stem in examples:
        return examples[stem]
    raise PlaygroundError(Message(messages.PROJECT_NOT_FOUND_EXAMPLES, name=name, examples=", ".join(examples)))


def _open_project(name: str) -> tuple[Project, Path]:
    path = resolve_project_path(name)
    return load_project(path), path.parent


# ------------------------------------------------------------------------------------ summary


def _base_dict(project: Project) -> dict | None:
    backbone = project.backbone
    if backbone is None:
        return None
    trainable, frozen = backbone.split(project.pretrained.unfrozen_blocks)
    return {
        "network": backbone.key,
        "mode": project.pretrained.mode,
        "blocks": backbone.blocks,
        "unfrozen_blocks": project.pretrained.unfrozen_blocks,
        "output_shape": list(project.layers_input_shape),
        "trainable_params": trainable,
        "frozen_params": frozen,
    }


def summary_dict(summary: NetworkSummary, project: Project | None = None) -> dict:
    base = _base_dict(project) if project is not None else None
    return {
        "pretrained": base,
        "input_shape": list(summary.input_shape),
        "num_classes": summary.num_classes,
        "layers": [
            {
                "index": info.index,
                "type": info.layer.type,
                "output_shape": list(info.output_shape) if info.output_shape else None,
                "params": info.params,
                "macs": info.macs,
                "formula": info.shape_formula,
                "params_formula": info.params_formula,
                "note": info.note,
                "error": info.error,
            }
            for info in summary.layers
        ],
        "total_params": summary.total_params + (base["trainable_params"] + base["frozen_params"] if base else 0),
        "head_params": summary.total_params,
        "total_macs": summary.total_macs,
        "error": summary.error,
    }


def summary_table(project: Project, summary: NetworkSummary) -> str:
    classes = f", {summary.num_classes} classes" if summary.num_classes else ""
    rows = [("#", "layer", "output", "params", "how")]
    for info in summary.layers:
        how = "; ".join(
            part for part in (info.shape_formula, info.params_formula if info.params else "", info.note) if part
        )
        rows.append(
            (
                str(info.index + 1),
                info.layer.describe(),
                shape_text(info.output_shape),
                group(info.params),
                info.error or how,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [f"{project.name} — input {shape_text(project.input_shape)}{classes}"]
    base = _base_dict(project)
    if base:
        lines.append(
            f"base: {project.backbone.title} pretrained on ImageNet, {base['blocks']} blocks,"
            f" {base['unfrozen_blocks']} unfrozen ({project.pretrained.mode.replace('_', ' ')})"
            f" -> {shape_text(project.layers_input_shape)}; {group(base['trainable_params'])} trainable and"
            f" {group(base['frozen_params'])} frozen parameters; the layers below are the head"
        )
    for row in rows:
        lines.append(
            f"{row[0]:>{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]:>{widths[3]}}  {row[4]}"
        )
    size_kb = summary.total_params * 4 / 1024
    lines.append(
        f"Total parameters: {group(summary.total_params)}   multiply-adds: {group(summary.total_macs)}"
        f"   size: {size_kb:,.0f} KB (float32)"
    )
    return "\n".join(printable(line) for line in lines)


def cmd_summary(args) -> int:
    from playground.ml.folders import class_names_of

    project, base = _open_project(args.project)
    data_problem = None
    try:
        num_classes = len(class_names_of(project.data.source, base))
    except DataError as error:
        num_classes = None  # the shapes can still be shown; 'auto' units stay unknown
        data_problem = text_of(error)
    summary = summarize_project(project, num_classes)
    # Unknown classes are the data's problem (a missing folder, an empty class), not the Dense layer's:
    # that is what is said.
    problem = data_problem if data_problem and summary.error else summary.error
    if args.json:
        _print_json({**summary_dict(summary, project), "error": problem or None})
    else:
        print(summary_table(project, summary))
    if problem:
        print(f"error: {printable(problem)}", file=sys.stderr)
        return 2
    return 0


# ------------------------------------------------------------------------------------ train


def _format_epoch(event) -> str:
    val = f"  val loss {event.val_loss:.4f} acc {event.val_acc:6.1%}" if event.val_loss is not None else ""
    best = "  *best" if event.is_best else ""
    return (
        f"epoch {event.epoch:>3}/{event.epochs}  train loss {event.train_loss:.4f} acc {event.train_acc:6.1%}{val}"
        f"  {event.images_per_second:,.0f} img/s  {event.seconds:.1f} s{best}"
    )


def _best_text(event, has_val: bool) -> str:
    if event.best_val_acc is None:
        return "no epoch finished"
    which = "validation" if has_val else "training (no validation split)"
    return f"best {which} accuracy {event.best_val_acc:.1%} (epoch {event.best_epoch})"


def _stop_on_interrupt(control):
    """First Ctrl+C: stop after the current batch, keeping the checkpoints. A second: quit now."""

    def handler(signum, frame):
        if control.stop.is_set():
            raise KeyboardInterrupt
        control.stop.set()
        print("\nstopping after this batch (Ctrl+C again to quit at once)", file=sys.stderr)

    return handler


# Settings that may change between a run and its resumption: they do not change what was learnt.
# What may differ between a checkpoint's project and the project it resumes in: the run's length and
# place, and the second phase of transfer learning (the base's top blocks unfrozen, at their rate).
_RESUMABLE_CHANGES = (
    "name",
    "training.epochs",
    "training.device",
    "training.early_stopping_patience",
    "pretrained.mode",
    "pretrained.trainable_blocks",
    "pretrained.base_learning_rate_factor",
    "data.source",  # a project moved elsewhere (a bundle unpacked); the engine still checks the classes
)


def _flat(data: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        flat.update(_flat(value, name + ".") if isinstance(value, dict) else {name: value})
    return flat


def _check_resumes(project: Project, resume, project_name: str, checkpoint_name: str) -> None:
    """Refuse to resume a checkpoint saved for another project: `train P --resume C` trained C's
    project, whatever P was. Names what differs."""
    ours, theirs = _flat(project.to_dict()), _flat(resume.project.to_dict())
    differ = sorted(key for key in ours.keys() | theirs.keys() if ours.get(key) != theirs.get(key))
    differ = [key for key in differ if key not in _RESUMABLE_CHANGES]
    if differ:
        raise PlaygroundError(
            Message(messages.CHECKPOINT_OTHER_PROJECT, checkpoint=checkpoint_name, project=project_name,
                    keys=", ".join(differ[:5]) + (", ..." if len(differ) > 5 else ""))
        )  # fmt: skip


def _check_writable(out: Path) -> None:
    """An --out folder that cannot take the checkpoints is refused before any training."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".cnnpg-{os.getpid()}-probe.tmp"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise PlaygroundError(
            Message(messages.OUTPUT_NOT_WRITABLE, folder=out, reason=error.strerror or type(error).__name__)
        ) from None


def _check_network(project: Project, base: Path) -> None:
    """Refuse before loading any image a network too large to train (a typo of 30,000 units)."""
    from playground.ml.memory_budget import check_run_fits

    check_run_fits(project, base)


def cmd_train(args) -> int:
    from playground.ml import distributed as ddp

    if not args.child:
        args.project = _project_of_bundle(args.project)
    project, base = _open_project(args.project)
    job = ddp.start(args.device or project.training.device)  # None unless started by torchrun
    cleanly = False
    try:
        if args.child:
            from playground.ml.training_child import run_child

            out = Path(args.out) if args.out else Path("runs") / resolve_project_path(args.project).stem
            status = run_child(project, base, out=out, resume_path=args.resume, epochs=args.epochs,
                               device=args.device, job=job)  # fmt: skip
        else:
            started_at = datetime.now()
            if _attaches(args) and (job is None or job.is_main):
                from playground.spec.saved_runs import check_can_attach

                check_can_attach(args.project)  # a damaged runs.json is said now, not after the training
            status = _train(args, project, base, job)
            if job is None or job.is_main:
                _attach_to_project(args, started_at, status)
        cleanly = status == 0
        return status
    finally:
        ddp.stop(job, cleanly)


# ------------------------------------------------------------------------------------ saved projects and bundles


def _project_of_bundle(name: str) -> str:
    """A bundle given where a project is expected: opened into a new folder beside it (its project
    then trains there and keeps the model); anything else as it is."""
    from playground.ml.bundle import is_bundle, open_bundle

    if not is_bundle(name):
        return name
    project_path = open_bundle(name)
    print(printable(f"opened the bundle into {project_path.parent}"), file=sys.stderr)
    return str(project_path)


def _attaches(args) -> bool:
    """Whether the run will be kept beside the project file (see _attach_to_project)."""
    path = Path(args.project)
    shipped = path.resolve().is_relative_to(Path(__file__).resolve().parent)  # the app's own examples stay as shipped
    return not args.no_attach and not shipped and path.is_file()


def _attach_to_project(args, started_at: datetime, status: int) -> None:
    """A project file trained from the command line keeps the run as the window does: its checkpoints
    and curves in NAME_runs/ beside it, its weights the project's model (the window opens it trained,
    `predict NAME.json` uses it). Not for a shipped example (by name or by path), nor with --no-attach."""
    from playground.ml.checkpoints import load_checkpoint
    from playground.spec.saved_runs import SavedRun, attach_run, runs_folder

    path = Path(args.project)
    out = Path(args.out) if args.out else Path("runs") / resolve_project_path(args.project).stem
    if not _attaches(args) or not (out / "last.pt").is_file():
        return
    last = load_checkpoint(out / "last.pt")
    outcome = "failed" if status else getattr(args, "finished_reason", "completed")
    run = SavedRun(0, last.project, tuple(last.history), outcome, started_at)
    attached = attach_run(path, run, out)
    folder = runs_folder(path) / attached.folder_name
    if args.json:
        _print_json({"event": "attached", "run": attached.number, "folder": str(folder)})
    else:
        print(printable(f"the model is now the project's: run {attached.number} in {folder}"))


def _model_checkpoint(name: str, stack: contextlib.ExitStack) -> Path:
    """What `predict` reads: a checkpoint, a saved project's own model, or a bundle's (unpacked into a
    temporary folder that goes when the command ends)."""
    from playground.ml.bundle import is_bundle, open_bundle_model
    from playground.spec.saved_runs import model_file, read_saved_runs

    project_path = None
    if is_bundle(name):  # only its model is unpacked, not its images
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cnnpg-bundle-")))
        return open_bundle_model(name, folder / "bundle")
    if Path(name).suffix.lower() == ".json":
        project_path = Path(name)
        load_project(project_path)  # a missing or damaged project says so first
    if project_path is None:
        return Path(name)
    found = model_file(project_path, read_saved_runs(project_path))
    if found is None:
        raise PlaygroundError(Message(messages.PROJECT_HAS_NO_MODEL, path=name))
    return found


def cmd_bundle(args) -> int:
    from playground.ml.bundle import make_bundle

    written = make_bundle(resolve_project_path(args.project), args.out)
    print(printable(f"wrote {written} ({written.stat().st_size / 1024**2:,.1f} MB)"))
    return 0


def cmd_unbundle(args) -> int:
    from playground.ml.bundle import open_bundle

    project_path = open_bundle(args.file, args.folder)
    print(printable(f"opened into {project_path.parent}: train or open {project_path}"))
    return 0


def _train(args, project, base, job) -> int:
    from playground.cli_progress import EpochProgress
    from playground.ml.checkpoints import load_checkpoint
    from playground.ml.data import prepare_data
    from playground.ml.engine import TrainingControl, fit
    from playground.ml.events import BatchFinished, EpochFinished, Failed, Finished, Started

    quiet = job is not None and not job.is_main  # under torchrun only rank 0 speaks
    resume = load_checkpoint(args.resume) if args.resume else None
    if resume is not None:
        _check_resumes(project, resume, args.project, args.resume)
        # The checkpoint's project with P's run (epochs, device, patience) and P's transfer phase.
        project = resume.project.replace(training=project.training, pretrained=project.pretrained)
    out = Path(args.out) if args.out else Path("runs") / resolve_project_path(args.project).stem
    if not quiet:
        _check_writable(out)  # now, not after the first epoch's work
    _check_network(project, base)
    data = prepare_data(project.data, project.training.seed, base)
    if out.is_dir():
        remove_stale_temp_files(out)
    if data.skipped and not quiet:
        print(f"skipped {len(data.skipped)} unreadable files:", file=sys.stderr)
        for skipped in data.skipped:
            print(f"  {printable(skipped)}", file=sys.stderr)
    control = TrainingControl()
    # Alone, a first Ctrl+C stops after the batch. Under torchrun every process gets it, each at
    # another batch, and a process left waiting for the others would hang: they all stop at once.
    previous = signal.signal(signal.SIGINT, _stop_on_interrupt(control)) if job is None else None
    status = 0
    progress = EpochProgress(sys.stdout) if not args.json and not quiet else None
    if job is not None and not quiet and not args.json:
        print(job.describe(project.training.batch_size, project.training.learning_rate))
        print(
            printable(
                f"if the job stops or a process fails, resume with --resume {out / 'last.pt'} (any number of processes)"
            )
        )
    try:
        for event in fit(
            project, data, epochs=args.epochs, out_dir=out, resume=resume, control=control, device=args.device,
            distributed=job,
        ):  # fmt: skip
            if quiet:
                status = 1 if isinstance(event, Failed) else status
                continue
            if isinstance(event, BatchFinished):
                if progress is not None:
                    progress.batch(event)
                continue
            if progress is not None:
                progress.close()
            if args.json:
                if not isinstance(event, Started | BatchFinished):
                    _print_json(event.to_dict())
            elif isinstance(event, Started):
                print(
                    printable(
                        f"{project.name}: {event.parameters:,} parameters, {event.train_images} training and"
                        f" {event.val_images} validation images, on {event.device}; writing to {out}"
                    )
                )
            elif isinstance(event, EpochFinished):
                print(_format_epoch(event), flush=True)
            elif isinstance(event, Finished):
                print(
                    printable(f"{event.reason}: {_best_text(event, len(data.val) > 0)}; checkpoint {event.checkpoint}")
                )
            if isinstance(event, Finished):
                args.finished_reason = event.reason  # the outcome a saved project's run list shows
            if isinstance(event, Failed):
                if not args.json:
                    print(f"error: {printable(event.message)}", file=sys.stderr)
                status = 1
    except KeyboardInterrupt:
        if job is None:
            raise
        if not quiet:
            last = out / "last.pt"
            kept = f"the last epoch's checkpoint is {last}" if last.exists() else "no epoch had finished"
            print(printable(f"stopped; {kept}"), file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return status


# ------------------------------------------------------------------------------------ predict / export


def _expand_images(paths: list[str]) -> list[Path]:
    from playground.ml.images import is_image_file

    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_image_file(p)))
        elif path.exists():
            files.append(path)
        else:
            raise PlaygroundError(Message(messages.IMAGE_NOT_FOUND, path=name))
    if not files:
        raise PlaygroundError(Message(messages.NO_IMAGES_GIVEN))
    return files


def cmd_predict(args) -> int:
    from playground.ml.checkpoints import load_checkpoint
    from playground.ml.predict import ImagenetPredictor, Predictor

    stack = contextlib.ExitStack()
    with stack:
        if args.checkpoint.startswith("imagenet:"):  # an ImageNet network as it is: its 1,000 classes
            predictor = ImagenetPredictor(args.checkpoint.removeprefix("imagenet:"))
        else:
            predictor = Predictor(load_checkpoint(_model_checkpoint(args.checkpoint, stack)))
    files = _expand_images(args.images)
    readable = 0
    # One batch at a time, printed as it comes: a folder of thousands of photos in bounded memory.
    for result in predictor.iter_predictions(files, top_k=args.top_k):
        readable += not result.error
        if args.json:
            top = [{"class": name, "probability": p} for name, p in result.top]
            _print_json({"path": result.path, "top": top, "error": result.error or None})
        elif result.error:
            print(f"{printable(result.path)}: skipped — {printable(result.error)}")
        else:
            print(f"{printable(result.path)}: " + ", ".join(f"{printable(name)} {p:.1%}" for name, p in result.top))
    if not readable:
        print(f"error: {Message(messages.NO_IMAGE_READABLE, count=len(files))}", file=sys.stderr)
        return 2
    return 0


def cmd_export_job(args) -> int:
    from playground.ml.job import export_training_job

    project, base = _open_project(args.project)
    folder = export_training_job(project, base, args.folder)
    print(printable(f"training job written to {folder}: run `sh {folder / 'train.sh'}` on the machine that trains"))
    return 0


def cmd_check_job(args) -> int:
    from playground.ml.job import check_job

    print(f"{check_job(args.folder)} files present and unchanged")
    return 0


def cmd_export(args) -> int:
    from playground.ml.checkpoints import load_checkpoint
    from playground.ml.export import export_checkpoint

    path = export_checkpoint(load_checkpoint(args.checkpoint), args.format, args.output)
    print(f"wrote {printable(path)}")
    return 0


def _lab_padding(text: str) -> str | int:
    if text in ("valid", "same"):
        return text
    if text.isdigit():
        return int(text)
    raise PlaygroundError(Message(messages.LAB_PADDING, found=repr(text)))


def _channels(text: str, name: str):
    from playground.lessons.lab import parse_grid

    return [parse_grid(part, name) for part in text.split("|")]


def cmd_lab(args) -> int:
    from playground.lessons.lab import convolve, number_text, pool

    if args.lab_command == "conv":
        trace = convolve(
            _channels(args.input, "--input"),
            _channels(args.kernel, "--kernel"),
            args.stride,
            _lab_padding(args.padding),
        )
    else:
        channels = _channels(args.input, "--input")
        if len(channels) > 1:
            raise PlaygroundError(Message(messages.LAB_POOL_ONE_CHANNEL))
        trace = pool(channels[0], args.mode, args.size, args.stride, _lab_padding(args.padding))
    if args.json:
        steps = {"steps": [step.text for step in trace.steps]} if args.steps else {}
        _print_json({"output": trace.output, **steps})
        return 0
    if args.steps:
        for step in trace.steps:
            print(f"[{step.row},{step.col}] {step.text}")
    print(f"output size: {trace.formula}")
    for row in trace.output:
        print(" ".join(f"{number_text(round(v, 4)):>6}" for v in row))
    return 0


def cmd_gui(args) -> int:
    from playground.gui.app import run  # Qt only for this command

    project = str(resolve_project_path(args.project)) if args.project else None
    return run(project)


def cmd_weights(args) -> int:
    from playground.ml import pretrained

    if args.weights_command == "import":
        stored = pretrained.import_weights(args.file, args.network)
        print(f"checked and stored {printable(stored)}")
        return 0
    rows = [pretrained.describe(key) for key in pretrained.NETWORKS]
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        where = row["weights"] or f"not on this machine (get {row['url']})"
        accuracy = f"ImageNet top-1 {row['imagenet_top1']:.1f}%" if row["imagenet_top1"] else "not ImageNet"
        print(
            f"{row['key']:<20} {row['title']:<20} {row['parameters'] / 1e6:6.1f}M params  {row['input_size']}px"
            f"  {accuracy:<20}  {where}"
        )
    return 0


def cmd_datasets(args) -> int:
    from playground.ml.builtin import BUILTIN_DATASETS

    rows = []
    for dataset in BUILTIN_DATASETS.values():
        installed = dataset.is_installed()
        rows.append(
            {
                "source": f"builtin:{dataset.name}",
                "title": dataset.title,
                "classes": list(dataset.class_names),
                "images": dataset.size,
                "native_size": list(dataset.native_size),
                "channels": dataset.native_channels,
                "installed": installed,
                "how_to_install": None if installed else dataset.how_to_install,
            }
        )
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        state = "installed" if row["installed"] else f"not installed — {row['how_to_install']}"
        size = "×".join(map(str, row["native_size"]))
        print(f"{row['source']:<22} {row['images']:>6,} images {size:>5} {len(row['classes']):>2} classes  {state}")
        print(f"{'':<22} {', '.join(row['classes'])}")
    return 0


# ------------------------------------------------------------------------------------ main


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cnn-playground", description="Build, train and explain CNNs, offline.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = commands.add_parser("summary", help="layers, output shapes, parameters and formulas of a project")
    summary.add_argument("project", help="a project file, or an example name such as lenet5-digits")
    summary.add_argument("--json", action="store_true", help="print JSON")
    summary.set_defaults(run=cmd_summary)

    train = commands.add_parser("train", help="train a project headless")
    train.add_argument("project", help="a project file, or an example name such as lenet5-digits")
    train.add_argument("--epochs", type=int, help="train until this many epochs in all (default: the project's)")
    train.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps (default: the project's)")
    train.add_argument("--out", help="folder for last.pt and best.pt (default: runs/PROJECT-NAME)")
    train.add_argument("--resume", metavar="CHECKPOINT", help="continue the run saved in this checkpoint")
    train.add_argument("--json", action="store_true", help="one JSON object per line")
    train.add_argument(
        "--no-attach", action="store_true", help="do not keep the run beside the project file (NAME_runs/) as its model"
    )
    # The window's training process (playground.ml.training_child): protocol lines, control on stdin.
    train.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    train.set_defaults(run=cmd_train)

    predict = commands.add_parser("predict", help="classify images with a trained checkpoint")
    predict.add_argument(
        "checkpoint",
        help="a checkpoint (.pt), a trained project (.json) or bundle (.cnnpg), or imagenet:NETWORK as it is",
    )
    predict.add_argument("images", nargs="+", help="image files or folders")
    predict.add_argument("--top-k", type=int, default=3)
    predict.add_argument("--json", action="store_true", help="one JSON object per image")
    predict.set_defaults(run=cmd_predict)

    export = commands.add_parser("export", help="export a checkpoint as Python code, ONNX or TorchScript")
    export.add_argument("checkpoint")
    export.add_argument("--format", required=True, choices=["python", "onnx", "torchscript"])
    export.add_argument("--output", required=True)
    export.set_defaults(run=cmd_export)

    job = commands.add_parser("export-job", help="a folder to train the project on another machine with torchrun")
    job.add_argument("project")
    job.add_argument("folder", help="a new (or empty) folder")
    job.set_defaults(run=cmd_export_job)
    check = commands.add_parser("check-job", help="check a training job's images against its manifest")
    check.add_argument("folder")
    check.set_defaults(run=cmd_check_job)

    lab = commands.add_parser("lab", help="convolution and pooling on small grids, step by step")
    lab_commands = lab.add_subparsers(dest="lab_command", required=True, metavar="conv|pool")
    grid_help = 'rows separated by ";", numbers by ",": "1,2;3,4"; channels separated by "|"'
    conv = lab_commands.add_parser("conv", help="slide a filter over an input")
    conv.add_argument("--input", required=True, help=grid_help)
    conv.add_argument("--kernel", required=True, help=grid_help + " (as many channels as the input)")
    pool_parser = lab_commands.add_parser("pool", help="max, average or min pooling")
    pool_parser.add_argument("--input", required=True, help=grid_help)
    pool_parser.add_argument("--mode", choices=["max", "avg", "min"], default="max")
    pool_parser.add_argument("--size", type=int, default=2)
    for sub_parser, stride_default in ((conv, 1), (pool_parser, None)):
        sub_parser.add_argument("--stride", type=int, default=stride_default)
        sub_parser.add_argument("--padding", default="valid", help="valid, same or a number of zeros")
        sub_parser.add_argument("--steps", action="store_true", help="also write out every multiply-add")
        sub_parser.add_argument("--json", action="store_true", help='print {"output": [[...], ...]}')
        sub_parser.set_defaults(run=cmd_lab)

    weights = commands.add_parser("weights", help="pretrained networks and their ImageNet weights on this machine")
    weights.add_argument("--json", action="store_true")
    weights.set_defaults(run=cmd_weights, weights_command="list")
    weights_commands = weights.add_subparsers(dest="weights_command", metavar="import")
    importer = weights_commands.add_parser("import", help="check a weights file and keep it where the app finds it")
    importer.add_argument("file")
    importer.add_argument("--network", required=True, help="which network the file belongs to, e.g. resnet18")
    importer.set_defaults(run=cmd_weights)

    bundle = commands.add_parser("bundle", help="one file to hand out: the project, its images, model and runs")
    bundle.add_argument("project", help="a project file")
    bundle.add_argument("out", help="the bundle to write (NAME.cnnpg)")
    bundle.set_defaults(run=cmd_bundle)
    unbundle = commands.add_parser("unbundle", help="check a bundle and unpack it into a new folder")
    unbundle.add_argument("file", help="a bundle (.cnnpg)")
    unbundle.add_argument("folder", nargs="?", help="a new (or empty) folder (default: beside the bundle)")
    unbundle.set_defaults(run=cmd_unbundle)

    gui = commands.add_parser("gui", help="open the app (the default without a command)")
    gui.add_argument("project", nargs="?", help="a project file or bundle (.cnnpg), or an example name")
    gui.set_defaults(run=cmd_gui)

    datasets = commands.add_parser("datasets", help="the built-in datasets and whether they are installed")
    datasets.add_argument("--json", action="store_true")
    datasets.set_defaults(run=cmd_datasets)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        args = parser.parse_args(["gui"])
    problem = _argument_problem(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a name gets \\u escapes, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    with warnings.catch_warnings(record=True) as caught:
        # Libraries' warnings (multi-line, with source lines) are held back: an error ends in its one
        # line alone; after a success they follow, one line each.
        warnings.simplefilter("default")
        try:
            status = args.run(args)
        except PlaygroundError as error:
            print(f"error: {printable(error)}", file=sys.stderr)
            return 2
        except OSError as error:  # a file that cannot be written or read: the user's to fix
            if isinstance(error, BrokenPipeError):  # `... | head`: the reader left, nothing is wrong
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return 0
            text = f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")
            print(f"error: {printable(text)}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return 130
    for line in dict.fromkeys(printable(" ".join(str(w.message).split())) for w in caught):
        print(f"warning: {line}", file=sys.stderr)
    return status


def _argument_problem(args) -> str:
    if getattr(args, "top_k", 1) < 1:
        return "--top-k must be at least 1"
    if getattr(args, "epochs", None) is not None and args.epochs < 1:
        return "--epochs must be at least 1"
    if getattr(args, "device", None) is not None:
        from playground.spec.settings import TrainingSettings

        try:
            TrainingSettings.readers["device"](args.device, "--device")
        except PlaygroundError as error:
            return str(error)
    return ""
