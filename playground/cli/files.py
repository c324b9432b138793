"""Commands on files: bundles (`bundle`, `unbundle`), exports (`export`, `export-job`,
`check-job`), pretrained weights (`weights`) and the built-in datasets (`datasets`)."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from playground.cli.text import print_json, printable
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message
from playground.spec.project import load_project
from playground.spec.project_paths import open_project, resolve_project_path


def add_parsers(commands) -> None:
    export = commands.add_parser("export", help="export a checkpoint as Python code, ONNX or TorchScript")
    export.add_argument("checkpoint")
    export.add_argument("--format", required=True, choices=["python", "onnx", "torchscript"])
    export.add_argument("--output", required=True)
    export.set_defaults(run=run_export)

    job = commands.add_parser("export-job", help="a folder to train the project on another machine with torchrun")
    job.add_argument("project")
    job.add_argument("folder", help="a new (or empty) folder")
    job.set_defaults(run=run_export_job)
    check = commands.add_parser("check-job", help="check a training job's files against its manifest")
    check.add_argument("folder")
    check.set_defaults(run=run_check_job)

    weights = commands.add_parser("weights", help="pretrained networks and their ImageNet weights on this machine")
    weights.add_argument("--json", action="store_true")
    weights.set_defaults(run=run_weights, weights_command="list")
    weights_commands = weights.add_subparsers(dest="weights_command", metavar="import")
    importer = weights_commands.add_parser("import", help="check a weights file and keep it where the app finds it")
    importer.add_argument("file")
    importer.add_argument("--network", required=True, help="which network the file belongs to, e.g. resnet18")
    importer.set_defaults(run=run_weights)

    bundle = commands.add_parser("bundle", help="one file to hand out: the project, its images, model and runs")
    bundle.add_argument("project", help="a project file")
    bundle.add_argument("out", help="the bundle to write (NAME.cnnpg)")
    bundle.set_defaults(run=run_bundle)
    unbundle = commands.add_parser("unbundle", help="check a bundle and unpack it into a new folder")
    unbundle.add_argument("file", help="a bundle (.cnnpg)")
    unbundle.add_argument("folder", nargs="?", help="a new (or empty) folder (default: beside the bundle)")
    unbundle.set_defaults(run=run_unbundle)

    datasets = commands.add_parser("datasets", help="the built-in datasets and whether they are installed")
    datasets.add_argument("--json", action="store_true")
    datasets.set_defaults(run=run_datasets)


def project_of_bundle(name: str) -> str:
    """A bundle given where a project is expected: opened into a new folder beside it (its project
    then trains there and keeps the model); anything else as it is."""
    from playground.ml.files.bundle import is_bundle, open_bundle

    if not is_bundle(name):
        return name
    project_path = open_bundle(name)
    print(printable(f"opened the bundle into {project_path.parent}"), file=sys.stderr)
    return str(project_path)


def model_checkpoint(name: str, stack: contextlib.ExitStack) -> Path:
    """What `predict` reads: a checkpoint, a saved project's own model, or a bundle's (unpacked into a
    temporary folder that goes when the command ends)."""
    from playground.ml.files.bundle import is_bundle, open_bundle
    from playground.spec.saved_runs import model_file, read_saved_runs

    project_path = None
    if is_bundle(name):
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cnnpg-bundle-")))
        project_path = open_bundle(name, folder / "bundle")
    elif Path(name).suffix.lower() == ".json":
        project_path = Path(name)
        load_project(project_path)  # a missing or damaged project says so first
    if project_path is None:
        return Path(name)
    found = model_file(project_path, read_saved_runs(project_path))
    if found is None:
        raise PlaygroundError(Message(messages.PROJECT_HAS_NO_MODEL, path=name))
    return found


def run_bundle(args) -> int:
    from playground.ml.files.bundle import make_bundle

    written = make_bundle(resolve_project_path(args.project), args.out)
    print(printable(f"wrote {written} ({written.stat().st_size / 1024**2:,.1f} MB)"))
    return 0


def run_unbundle(args) -> int:
    from playground.ml.files.bundle import open_bundle

    project_path = open_bundle(args.file, args.folder)
    print(printable(f"opened into {project_path.parent}: train or open {project_path}"))
    return 0


def run_export(args) -> int:
    from playground.ml.files.checkpoints import load_checkpoint
    from playground.ml.inference.export import export_checkpoint

    path = export_checkpoint(load_checkpoint(args.checkpoint), args.format, args.output)
    print(f"wrote {printable(path)}")
    return 0


def run_export_job(args) -> int:
    from playground.ml.files.job import export_training_job

    project, base = open_project(args.project)
    folder = export_training_job(project, base, args.folder)
    print(printable(f"training job written to {folder}: run `sh {folder / 'train.sh'}` on the machine that trains"))
    return 0


def run_check_job(args) -> int:
    from playground.ml.files.job import check_job

    print(f"{check_job(args.folder)} files present and unchanged")
    return 0


def run_weights(args) -> int:
    from playground.ml.network import pretrained

    if args.weights_command == "import":
        stored = pretrained.import_weights(args.file, args.network)
        print(f"checked and stored {printable(stored)}")
        return 0
    rows = [pretrained.describe(key) for key in pretrained.NETWORKS]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        where = row["weights"] or f"not on this machine (get {row['url']})"
        accuracy = f"ImageNet top-1 {row['imagenet_top1']:.1f}%" if row["imagenet_top1"] else "not ImageNet"
        print(
            f"{row['key']:<20} {row['title']:<20} {row['parameters'] / 1e6:6.1f}M params  {row['input_size']}px"
            f"  {accuracy:<20}  {where}"
        )
    return 0


def run_datasets(args) -> int:
    from playground.ml.data.builtin import BUILTIN_DATASETS

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
        print_json(rows)
        return 0
    for row in rows:
        state = "installed" if row["installed"] else f"not installed — {row['how_to_install']}"
        size = "×".join(map(str, row["native_size"]))
        print(f"{row['source']:<22} {row['images']:>6,} images {size:>5} {len(row['classes']):>2} classes  {state}")
        print(f"{'':<22} {', '.join(row['classes'])}")
    return 0
