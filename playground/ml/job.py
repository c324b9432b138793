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
import hashlib
import json
import os
import shutil
from pathlib import Path

from playground.ml.folders import resolve_source_folder, scan_image_folder
from playground.spec.errors import DataError, PlaygroundError
from playground.spec.project import Project, atomic_write_bytes, save_project

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
PYTHON=${PYTHON:-python3}
NPROC=${NPROC:-$($PYTHON -c "import torch; print(max(torch.cuda.device_count(), 1))")}
$PYTHON -m playground check-job .
if [ -n "$NNODES" ]; then
  exec $PYTHON -m torch.distributed.run --nnodes "$NNODES" --node_rank "${NODE_RANK:-0}" \
    --rdzv_backend c10d --rdzv_endpoint "$MASTER" --nproc_per_node "$NPROC" \
    -m playground train project.json --out runs "$@"
fi
exec $PYTHON -m torch.distributed.run --standalone --nproc_per_node "$NPROC" \
  -m playground train project.json --out runs "$@"
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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entry(path: Path, relative: str, **more) -> dict:
    return {"path": relative, "bytes": path.stat().st_size, "sha256": _sha256(path), **more}


def export_training_job(project: Project, base_dir: str | os.PathLike | None, folder: str | os.PathLike) -> Path:
    """Write the job folder (which must be new or empty); returns it. A failure leaves no half job."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise PlaygroundError(f"{folder} is not empty — choose a new folder for the training job")
    source = project.data.source
    root = None if source.startswith("builtin:") else resolve_source_folder(source, base_dir).resolve()
    if root is not None and folder.resolve().is_relative_to(root):
        raise PlaygroundError(f"{folder} is inside the images' folder {root}: it would become a class of its own")
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
    manifest: dict = {"format": "cnn-playground-job/1", "source": project.data.source, "images": []}
    if root is not None:
        class_names, files = scan_image_folder(root)
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
    atomic_write_bytes(folder / "manifest.json", json.dumps(manifest, indent=1).encode("utf-8"))
    atomic_write_bytes(folder / "train.sh", LAUNCH_SCRIPT.encode("utf-8"))
    (folder / "train.sh").chmod(0o755)
    training = project.training
    text = README.format(name=project.name, batch_size=training.batch_size, learning_rate=training.learning_rate)
    atomic_write_bytes(folder / "README.txt", text.encode("utf-8"))


def check_job(folder: str | os.PathLike) -> int:
    """Every file of the manifest (the images and project.json) is there with its size and checksum,
    and data/ holds nothing else; returns how many files were checked."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError(f"{folder / 'manifest.json'} is missing or damaged: {error}") from None
    problems = []
    inside = folder.resolve()
    entries = [*manifest.get("images", []), *([manifest["project"]] if "project" in manifest else [])]
    for entry in entries:
        path = (folder / entry["path"]).resolve()
        if not path.is_relative_to(inside):  # a manifest that points out of the job is not this job's
            problems.append(f"{entry['path']} is outside the job folder")
        elif not path.is_file():
            problems.append(f"{entry['path']} is missing")
        elif path.stat().st_size != entry["bytes"] or _sha256(path) != entry["sha256"]:
            problems.append(f"{entry['path']} differs from the original")
    # Whatever else is under data/ would be trained on too: a job holds its images and no others.
    listed = {(folder / image["path"]).resolve() for image in manifest.get("images", [])}
    data = folder / "data"
    extra = sorted(p for p in data.rglob("*") if p.is_file() and p.resolve() not in listed) if data.is_dir() else []
    problems += [f"{p.relative_to(folder).as_posix()} is not in the manifest" for p in extra]
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise DataError(
            f"the job's files do not match its manifest: {'; '.join(problems[:3])}{more} — copy the job again"
        )
    return len(entries)
