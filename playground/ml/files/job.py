"""A training job to run on another machine: the project, its images (or the built-in set's name),
a manifest to check them by, and a `torchrun` launch script. Torch-free: the window writes it
before torch has loaded, and the folder needs nothing of this machine.

    JOB/
      project.json     the project, its data source pointing at data/ (or a built-in set)
      data/CLASS/...   copies of the images (an image folder project)
      manifest.json    every image: class, path, size and SHA-256, to check the copy by
      train.sh         torchrun --nproc_per_node N -m playground train project.json --out runs
      README.txt       how to run it there and bring the checkpoint back
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

from playground.ml.data.folders import resolve_source_folder, scan_image_folder
from playground.ml.files.file_hash import file_sha256
from playground.spec import messages
from playground.spec.errors import DataError, PlaygroundError
from playground.spec.messages import Message
from playground.spec.project import Project, atomic_write_bytes, load_project, save_project
from playground.spec.text import json_bytes

LAUNCH_SCRIPT = r"""#!/bin/sh
# Train this project with torchrun: one process per GPU (or NPROC processes on the CPU).
#   sh train.sh                    all GPUs of this machine (the CPU alone: 1 process)
#   NPROC=4 sh train.sh            4 processes
#   sh train.sh --epochs 30        anything `cnn-playground train` takes
# Several machines: run on each, with the same MASTER address and NNODES (torchrun's own options):
#   NNODES=2 NODE_RANK=0 MASTER=host0:29500 sh train.sh     (on host0)
#   NNODES=2 NODE_RANK=1 MASTER=host0:29500 sh train.sh     (on host1)
set -e
cd "$(dirname "$0")"
# Never import from this folder: a torch.py or playground/ put beside this script must not run.
# PYTHONSAFEPATH (Python 3.11+) keeps the current folder off the import path here and in every
# process torchrun starts; -P says the same for the Python run directly.
export PYTHONSAFEPATH=1
PYTHON=${PYTHON:-python3}
NPROC=${NPROC:-$($PYTHON -P -c "import torch; print(max(torch.cuda.device_count(), 1))")}
$PYTHON -P -m playground check-job .
if [ -n "$NNODES" ]; then
  exec $PYTHON -P -m torch.distributed.run --nnodes "$NNODES" --node_rank "${NODE_RANK:-0}" \
    --rdzv_backend c10d --rdzv_endpoint "$MASTER" --nproc_per_node "$NPROC" \
    -m playground train project.json --out runs --no-attach "$@"
fi
exec $PYTHON -P -m torch.distributed.run --standalone --nproc_per_node "$NPROC" \
  -m playground train project.json --out runs --no-attach "$@"
"""

README = """{name}: a CNN Playground training job
==================================================

On the machine that trains (with Python 3.11+, CNN Playground and PyTorch installed):

    sh train.sh                   # every GPU of the machine, one process each
    NPROC=2 sh train.sh           # or a chosen number of processes (gloo on a CPU)

It checks the images against manifest.json, then runs `cnn-playground train` under torchrun.
Batch size {batch_size} is per process: with N processes a step trains on N x {batch_size}
images; the learning rate ({learning_rate:g}) is used as set. Only the first process writes
checkpoints: runs/best.pt (the best validation epoch) and runs/last.pt (the last one).
A run that stops resumes with `sh train.sh --resume runs/last.pt --epochs M`, with any number
of processes.

Back in the app: Predict page -> "Open checkpoint..." with runs/best.pt (to classify images),
or Train page -> "Load checkpoint..." (its curves and its model).
"""


def _entry(path: Path, relative: str, **more) -> dict:
    return {"path": relative, "bytes": path.stat().st_size, "sha256": file_sha256(path), **more}


def export_training_job(project: Project, base_dir: str | os.PathLike | None, folder: str | os.PathLike) -> Path:
    """Write the job folder (which must be new or empty); returns it. A failure leaves no half job."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise PlaygroundError(Message(messages.JOB_FOLDER_NOT_EMPTY, folder=folder))
    source = project.data.source
    root = None if source.startswith("builtin:") else resolve_source_folder(source, base_dir).resolve()
    if root is not None and folder.resolve().is_relative_to(root):
        raise PlaygroundError(Message(messages.JOB_INSIDE_IMAGES, folder=folder, root=root))
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _write_job(project, root, folder)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _write_job(project: Project, root: Path | None, folder: Path) -> None:
    manifest: dict = {"format": JOB_FORMAT, "source": project.data.source, "images": []}
    if root is not None:
        class_names, files = scan_image_folder(root)
        for path, _ in files:  # all checked before anything is copied
            if not path.resolve().is_relative_to(root):  # a link (file or folder) out of the dataset
                raise PlaygroundError(
                    Message(messages.JOB_LINK_OUT_OF_DATASET, path=path, target=path.resolve(), root=root)
                )
        for path, label in files:
            # Under its class folder as it was (subfolders kept): two 1.jpg in two subfolders stay two.
            relative = Path("data") / path.relative_to(root)
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, folder / relative)
            manifest["images"].append(_entry(path, relative.as_posix(), **{"class": class_names[label]}))
        manifest["source"] = "data"
        project = project.replace(data=dataclasses.replace(project.data, source="data"))
    save_project(project, folder / "project.json")
    manifest["project"] = _entry(folder / "project.json", "project.json")
    atomic_write_bytes(folder / "train.sh", LAUNCH_SCRIPT.encode("utf-8"))
    (folder / "train.sh").chmod(0o755)
    training = project.training
    text = README.format(name=project.name, batch_size=training.batch_size, learning_rate=training.learning_rate)
    atomic_write_bytes(folder / "README.txt", text.encode("utf-8", "surrogateescape"))
    # Its own scripts too: an edited train.sh would run its extra lines on the machine that trains.
    manifest["scripts"] = [_entry(folder / name, name) for name in SCRIPTS]
    payload = json_bytes(manifest, indent=1)
    # What check-job will read, checked as it will read it: a manifest it refuses is not written.
    if len(payload) > MAX_MANIFEST_BYTES:
        raise DataError(
            Message(messages.JOB_TOO_LARGE, count=len(manifest["images"]), limit=MAX_MANIFEST_BYTES // 1024**2)
        )
    _check_manifest(json.loads(payload), folder / "manifest.json")
    atomic_write_bytes(folder / "manifest.json", payload)


JOB_FORMAT = "cnn-playground-job/1"
SCRIPTS = ("train.sh", "README.txt")  # what export_training_job writes beside the images, listed with their hashes
JOB_FILES = ("manifest.json", *SCRIPTS)
RUNS = "runs"  # what training writes: checkpoints (and their temp files)
MAX_MANIFEST_BYTES = 256 * 1024**2  # a million images' entries; more is not a manifest


def check_job(folder: str | os.PathLike) -> int:
    """Every file of the manifest (the images, project.json, train.sh and README.txt) is there with
    its size and checksum, the project trains on the job's own images, and the folder holds nothing
    else (a torch.py or a playground/ beside train.sh is refused, not imported); returns how many
    files were checked."""
    folder = Path(folder)
    manifest_path = folder / "manifest.json"
    manifest = _read_manifest(manifest_path)
    problems = []
    inside = folder.resolve()
    entries = [*manifest["images"], manifest["project"], *manifest["scripts"]]
    for entry in entries:
        path = (folder / entry["path"]).resolve()
        if not path.is_relative_to(inside):  # a manifest that points out of the job is not this job's
            problems.append(Message(messages.JOB_FILE_OUTSIDE, path=entry["path"]))
        elif not path.is_file():
            problems.append(Message(messages.JOB_FILE_MISSING, path=entry["path"]))
        elif path.stat().st_size != entry["bytes"] or file_sha256(path) != entry["sha256"]:
            problems.append(Message(messages.JOB_FILE_CHANGED, path=entry["path"]))
    if not problems:
        _check_job_project(folder, manifest)
    # Whatever else is in the job would be trained on or imported: a job holds its own files only.
    listed = {(folder / entry["path"]).resolve() for entry in entries} | {(folder / n).resolve() for n in JOB_FILES}
    for parent, subfolders, names in os.walk(folder):
        here = Path(parent)
        if here == folder and RUNS in subfolders and not (folder / RUNS).is_symlink():
            subfolders.remove(RUNS)
        for name in sorted(names) + sorted(d for d in subfolders if (here / d).is_symlink()):
            path = here / name
            if path.is_symlink() or path.resolve() not in listed:
                problems.append(Message(messages.JOB_FILE_UNKNOWN, path=path.relative_to(folder).as_posix()))
    if problems:
        more = f" (+{len(problems) - 3})" if len(problems) > 3 else ""
        raise DataError(Message(messages.JOB_FILES_DIFFER, problems="; ".join(problems[:3]), more=more))
    return len(entries)


def _read_manifest(path: Path) -> dict:
    """The manifest, checked entry by entry: whatever it holds, one clear error or a usable dict."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
        if len(raw) > MAX_MANIFEST_BYTES:
            raise DataError(Message(messages.JOB_MANIFEST_TOO_LARGE, path=path, limit=MAX_MANIFEST_BYTES // 1024**2))
        manifest = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as error:  # RecursionError: nested too deep to parse
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise DataError(Message(messages.JOB_MANIFEST_DAMAGED, path=path, reason=reason[:160])) from None
    return _check_manifest(manifest, path)


def _check_manifest(manifest, path: Path) -> dict:
    def malformed(key: str) -> DataError:
        return DataError(Message(messages.JOB_MANIFEST_MALFORMED, path=path, key=key))

    if not isinstance(manifest, dict) or manifest.get("format") != JOB_FORMAT:
        raise malformed("format")
    if not isinstance(manifest.get("source"), str):
        raise malformed("source")
    images = manifest.get("images")
    if not isinstance(images, list):
        raise malformed("images")
    for index, entry in enumerate([*images, manifest.get("project")]):
        if not isinstance(entry, dict) or not _valid_entry(entry):  # {path, bytes, sha256} of a file in the job
            raise malformed(f"images[{index}]" if index < len(images) else "project")
    scripts = manifest.get("scripts")
    ok = isinstance(scripts, list) and all(isinstance(entry, dict) and _valid_entry(entry) for entry in scripts)
    if not ok or sorted(entry["path"] for entry in scripts) != sorted(SCRIPTS):  # a job lists both, and only them
        raise malformed("scripts")
    return manifest


def _valid_entry(entry: dict) -> bool:
    path, size, digest = entry.get("path"), entry.get("bytes"), entry.get("sha256")
    return (
        isinstance(path, str)
        and 0 < len(path) <= 4096
        and "\0" not in path
        and not Path(path).is_absolute()
        and isinstance(size, int)
        and not isinstance(size, bool)
        and size >= 0
        and isinstance(digest, str)
        and len(digest) == 64
        and all(c in "0123456789abcdef" for c in digest)
    )


def _check_job_project(folder: Path, manifest: dict) -> None:
    """The job's project trains on the job's own data/ (or the manifest's built-in set), never on a
    folder outside the job: a project edited to read elsewhere is refused even with a fitting manifest."""
    project = load_project(folder / "project.json")
    expected = "data" if manifest["images"] else manifest["source"]
    if project.data.source != expected or (expected != "data" and not expected.startswith("builtin:")):
        raise DataError(Message(messages.JOB_PROJECT_READS_OUTSIDE, source=project.data.source, expected=expected))
