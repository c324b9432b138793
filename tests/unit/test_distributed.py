"""`cnn-playground train` under `torchrun`: two CPU processes with gloo on a tiny project."""

import json
import os
import subprocess
import sys

import pytest
import torch

from playground.cli import main
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.training.distributed import RECORD_SHARDS_ENV, Distributed
from playground.spec.project import save_project
from unit.helpers import tiny_project

TRAINING_IMAGES = 1347  # digits, a quarter kept for validation


def torchrun(*args: str, processes: int = 2, env: dict | None = None, timeout: float = 240):
    command = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--standalone",
        f"--nproc_per_node={processes}",
        "-m",
        "playground",
        *args,
    ]
    environment = {**os.environ, "OMP_NUM_THREADS": "1", **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=timeout)


def test_shards_are_disjoint_equal_and_cover_the_order():
    order = torch.randperm(11)
    parts = [Distributed(rank, 3, rank, "gloo").training_shard(order) for rank in range(3)]
    assert [len(p) for p in parts] == [4, 4, 4]  # padded with the order's first image
    assert sorted(torch.cat(parts).tolist()) == sorted([*order.tolist(), order[0].item()])
    evaluation = [Distributed(rank, 3, rank, "gloo").evaluation_shard(order) for rank in range(3)]
    assert sorted(torch.cat(evaluation).tolist()) == list(range(11))  # every image once, none twice
    few = [Distributed(rank, 8, rank, "gloo").training_shard(torch.arange(3)) for rank in range(8)]
    assert [len(p) for p in few] == [1] * 8 and set(torch.cat(few).tolist()) == {0, 1, 2}  # none empty


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same training twice: 2 processes × 32 images per step, and 1 process × 64."""
    folder = tmp_path_factory.mktemp("ddp")
    save_project(tiny_project(epochs=2, batch_size=32), folder / "ddp.json")
    save_project(tiny_project(epochs=2, batch_size=64), folder / "single.json")
    (folder / "shards").mkdir()
    done = torchrun(
        "train",
        str(folder / "ddp.json"),
        "--out",
        str(folder / "ddp"),
        "--json",
        env={RECORD_SHARDS_ENV: str(folder / "shards")},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert main(["train", str(folder / "single.json"), "--out", str(folder / "single"), "--json"]) == 0
    return folder, done


def test_two_processes_train_disjoint_shards_of_the_training_set(runs):
    folder, _ = runs
    seen = {}
    for rank in (0, 1):
        for line in (folder / "shards" / f"rank{rank}.txt").read_text().splitlines():
            epoch, *indices = map(int, line.split())
            seen[(epoch, rank)] = indices
    for epoch in (1, 2):
        first, second = seen[(epoch, 0)], seen[(epoch, 1)]
        assert len(first) == len(second) == (TRAINING_IMAGES + 1) // 2
        assert set(first) | set(second) == set(range(TRAINING_IMAGES))  # all of it
        # disjoint but for the one image repeated to make the shards equal (1,347 is odd)
        assert len(set(first) & set(second)) == TRAINING_IMAGES % 2
    assert seen[(1, 0)] != seen[(2, 0)]  # shuffled anew each epoch


def test_validation_metrics_match_a_single_process_run(runs, capsys):
    folder, done = runs
    distributed = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    epochs = [e for e in distributed if e.get("event") == "epoch"]  # (the first line: the protocol version)
    assert len(epochs) == 2  # printed once (rank 0), not once per process
    single = load_checkpoint(folder / "single" / "last.pt").history
    for ours, theirs in zip(epochs, single, strict=True):
        assert ours["val_acc"] == pytest.approx(theirs["val_acc"], abs=0.02)
        assert ours["val_loss"] == pytest.approx(theirs["val_loss"], rel=0.02)
        assert ours["train_loss"] == pytest.approx(theirs["train_loss"], rel=0.02)


def test_rank_zero_alone_writes_one_checkpoint(runs):
    folder, _ = runs
    assert sorted(p.name for p in (folder / "ddp").iterdir()) == ["best.pt", "last.pt"]
    checkpoint = load_checkpoint(folder / "ddp" / "last.pt")
    assert checkpoint.epoch == 2 and not any(k.startswith("module.") for k in checkpoint.model_state)


def test_a_distributed_checkpoint_resumes_with_another_number_of_processes(runs, tmp_path):
    folder, _ = runs
    assert (
        main(
            [
                "train",
                str(folder / "ddp.json"),
                "--resume",
                str(folder / "ddp" / "last.pt"),
                "--epochs",
                "3",
                "--out",
                str(tmp_path / "alone"),
            ]
        )
        == 0
    )
    assert load_checkpoint(tmp_path / "alone" / "last.pt").epoch == 3
    again = torchrun(
        "train",
        str(folder / "ddp.json"),
        "--resume",
        str(tmp_path / "alone" / "last.pt"),
        "--epochs",
        "4",
        "--out",
        str(tmp_path / "two"),
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert load_checkpoint(tmp_path / "two" / "last.pt").epoch == 4
    assert "batch size 32 per process = 64 per step" in again.stdout


CRASH = """
import os, pathlib, threading, time
def crash_in_epoch_3():
    record = pathlib.Path(os.environ["{env}"]) / "rank1.txt"
    while not (record.exists() and len(record.read_text().splitlines()) >= 3):
        time.sleep(0.01)
    os._exit(3)
if os.environ.get("RANK") == "1":
    threading.Thread(target=crash_in_epoch_3, daemon=True).start()
"""


def test_a_process_that_dies_ends_the_job_and_the_run_resumes(tmp_path):
    (tmp_path / "hook").mkdir()
    (tmp_path / "hook" / "sitecustomize.py").write_text(CRASH.format(env=RECORD_SHARDS_ENV))
    (tmp_path / "shards").mkdir()
    save_project(tiny_project(epochs=50, batch_size=32), tmp_path / "p.json")
    hook = {"PYTHONPATH": str(tmp_path / "hook"), RECORD_SHARDS_ENV: str(tmp_path / "shards")}
    ended = torchrun("train", str(tmp_path / "p.json"), "--out", str(tmp_path / "run"), env=hook)
    assert ended.returncode != 0
    assert "rank      : 1" in ended.stderr and "exitcode  : 3" in ended.stderr  # torchrun names the culprit
    last = load_checkpoint(tmp_path / "run" / "last.pt")
    assert last.epoch >= 2
    assert (
        main(
            [
                "train",
                str(tmp_path / "p.json"),
                "--resume",
                str(tmp_path / "run" / "last.pt"),
                "--epochs",
                str(last.epoch + 1),
                "--out",
                str(tmp_path / "resumed"),
            ]
        )
        == 0
    )


def test_an_exported_training_job_runs_elsewhere_under_torchrun(tmp_path, capsys):
    from unit.helpers import write_class_folder

    write_class_folder(tmp_path / "photos", {"red": 12, "green": 12}, size=16)
    (tmp_path / "photos" / "red" / "2019").mkdir()  # the same file name in a subfolder: kept apart
    write_class_folder(tmp_path / "more", {"red": 2}, size=16)
    (tmp_path / "more" / "red" / "red_0.png").rename(tmp_path / "photos" / "red" / "2019" / "red_0.png")
    project = tiny_project(source="photos", epochs=1, batch_size=8)
    (tmp_path / "here").mkdir()
    save_project(project, tmp_path / "here" / "p.json")
    (tmp_path / "here" / "photos").symlink_to(tmp_path / "photos")
    assert main(["export-job", str(tmp_path / "here" / "p.json"), str(tmp_path / "job")]) == 0
    job = tmp_path / "job"
    assert sorted(p.name for p in job.iterdir()) == ["README.txt", "data", "manifest.json", "project.json", "train.sh"]
    assert len(list((job / "data" / "red").rglob("*.png"))) == 13
    manifest = json.loads((job / "manifest.json").read_text())
    assert len(manifest["images"]) == 25 and json.loads((job / "project.json").read_text())["data"]["source"] == "data"

    moved = tmp_path / "elsewhere"
    job.rename(moved)  # another machine: nothing of this one is needed
    there = {**os.environ, "PYTHON": sys.executable, "NPROC": "2", "OMP_NUM_THREADS": "1"}
    ran = subprocess.run(["sh", str(moved / "train.sh")], capture_output=True, text=True, timeout=240, env=there)
    assert ran.returncode == 0, ran.stderr[-3000:]
    # 25 images, the project, train.sh and README.txt
    assert "28 files present and unchanged" in ran.stdout and "2 processes (gloo)" in ran.stdout
    assert load_checkpoint(moved / "runs" / "best.pt").class_names == ("green", "red")

    (moved / "data" / "red" / "red_0.png").write_bytes(b"changed")
    (moved / "data" / "blue").mkdir()
    (moved / "data" / "blue" / "stray.png").write_bytes(b"x")
    project_text = (moved / "project.json").read_text()
    (moved / "project.json").write_text(project_text.replace('"epochs": 1', '"epochs": 9'))
    assert main(["check-job", str(moved)]) == 2
    error = capsys.readouterr().err
    assert "data/red/red_0.png differs from the original" in error
    assert "project.json differs" in error and "data/blue/stray.png is not in the manifest" in error
    assert main(["export-job", str(tmp_path / "here" / "p.json"), str(moved)]) == 2  # not over a job
    assert main(["export-job", str(tmp_path / "here" / "p.json"), str(tmp_path / "photos" / "job")]) == 2
    assert "inside the images' folder" in capsys.readouterr().err and not (tmp_path / "photos" / "job").exists()
