import errno
import json
import os
import subprocess
import sys
import time

import pytest

from playground.spec.errors import SpecError
from playground.spec.layers import Conv2d, Dense, MaxPool2d
from playground.spec.project import (
    Project,
    load_project,
    project_from_dict,
    project_from_json,
    remove_stale_temp_files,
    save_project,
)

from .helpers import EXAMPLES

ISSUE_EXAMPLE = """
{
  "format": "cnn-playground/1",
  "name": "LeNet-5 on digits",
  "data": {"source": "builtin:digits", "image_size": [32, 32], "channels": 1, "val_fraction": 0.2},
  "augmentation": {"rotation": 10, "shift": 0.1, "zoom": 0.1, "horizontal_flip": false},
  "model": {"layers": [
    {"type": "conv2d", "filters": 6, "kernel": 5, "stride": 1, "padding": "valid", "activation": "relu"},
    {"type": "maxpool2d", "size": 2},
    {"type": "conv2d", "filters": 16, "kernel": 5, "activation": "relu"},
    {"type": "maxpool2d", "size": 2},
    {"type": "flatten"},
    {"type": "dense", "units": 120, "activation": "relu"},
    {"type": "dense", "units": 84, "activation": "relu"},
    {"type": "dense", "units": 10}
  ]},
  "training": {"epochs": 10, "batch_size": 64, "optimizer": "adam", "learning_rate": 0.001,
               "seed": 0, "device": "auto"}
}
"""


def test_the_documented_example_loads_as_written():
    project = project_from_json(ISSUE_EXAMPLE)
    assert project.name == "LeNet-5 on digits"
    assert project.input_shape == (1, 32, 32)
    assert project.data.val_fraction == 0.2
    assert project.augmentation.rotation == 10 and project.augmentation.shift == (0.1, 0.1)
    assert len(project.layers) == 8
    assert project.layers[0] == Conv2d(filters=6, kernel=(5, 5), stride=(1, 1), padding="valid", activation="relu")
    assert project.layers[1] == MaxPool2d(size=(2, 2))
    assert project.layers[-1] == Dense(units=10)
    assert project.training.epochs == 10 and project.training.device == "auto"


def test_shipped_example_is_the_documented_one():
    assert load_project(EXAMPLES / "lenet5-digits.json") == project_from_json(ISSUE_EXAMPLE)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_every_example_round_trips(path):
    project = load_project(path)
    assert project_from_dict(json.loads(project.to_json())) == project


def test_save_then_load_round_trips(tmp_path):
    project = project_from_json(ISSUE_EXAMPLE).replace(name="Mine 한글")
    save_project(project, tmp_path / "p.json")
    assert load_project(tmp_path / "p.json") == project
    assert list(tmp_path.iterdir()) == [tmp_path / "p.json"]  # no temp file left behind


@pytest.mark.parametrize(
    ("change", "path_in_message"),
    [
        (lambda d: d["model"]["layers"][2].update(kernal=5), "model.layers[2].kernal"),
        (lambda d: d["model"]["layers"][0].update(filters="six"), "model.layers[0].filters"),
        (lambda d: d["model"]["layers"][0].update(filters=True), "model.layers[0].filters"),
        (lambda d: d["model"]["layers"][0].update(padding="half"), "model.layers[0].padding"),
        (lambda d: d["model"]["layers"][1].update(type="maxpool3d"), "model.layers[1].type"),
        (lambda d: d["data"].update(channels=2), "data.channels"),
        (lambda d: d["data"].update(image_size=[32]), "data.image_size"),
        (lambda d: d["training"].update(optimizer="adagrad"), "training.optimizer"),
        (lambda d: d["training"].update(learning_rate=float("nan")), "training.learning_rate"),
        (lambda d: d["augmentation"].update(zoom=-1), "augmentation.zoom"),
        (lambda d: d.update(colour="blue"), "colour"),
        (lambda d: d["model"].update(layers={"type": "flatten"}), "model.layers"),
        (lambda d: d["model"]["layers"][6].update(units=0), "model.layers[6].units"),
        (lambda d: d["training"].update(device="tpu"), "training.device"),
    ],
)
def test_malformed_projects_are_refused_with_the_key_path(change, path_in_message):
    data = json.loads(ISSUE_EXAMPLE)
    change(data)
    with pytest.raises(SpecError) as caught:
        project_from_dict(data)
    assert str(caught.value).startswith(path_in_message + ":"), str(caught.value)


def test_a_newer_format_is_refused_with_advice():
    data = json.loads(ISSUE_EXAMPLE)
    data["format"] = "cnn-playground/7"
    with pytest.raises(SpecError, match=r"newer CNN Playground.*update the app"):
        project_from_dict(data)


def test_other_json_is_not_a_project(tmp_path):
    (tmp_path / "other.json").write_text('{"format": "something-else/1"}')
    with pytest.raises(SpecError, match="not a CNN Playground project"):
        load_project(tmp_path / "other.json")
    (tmp_path / "broken.json").write_text('{"format": ')
    with pytest.raises(SpecError, match=r"broken.json: not valid JSON.*line 1"):
        load_project(tmp_path / "broken.json")
    with pytest.raises(SpecError, match="not found"):
        load_project(tmp_path / "missing.json")


def test_omitted_settings_take_defaults():
    project = project_from_dict({"format": "cnn-playground/1", "model": {"layers": [{"type": "conv2d"}]}})
    assert project.layers[0] == Conv2d(filters=32, kernel=(3, 3), stride=(1, 1), padding="valid", activation="none")
    assert project.data.source == "builtin:shapes"
    assert project == Project(layers=project.layers)


def test_a_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "p.json"
    original = project_from_json(ISSUE_EXAMPLE)
    save_project(original, target)
    before = target.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        save_project(original.replace(name="changed"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]


def test_stale_temp_files_are_removed_but_not_a_write_in_progress(tmp_path):
    crashed = f".cnnpg-{os.getpid()}-abc123.tmp"
    (tmp_path / crashed).write_text("half a file")
    os.utime(tmp_path / crashed, (1, 1))  # from a crash long ago
    (tmp_path / f".cnnpg-{os.getpid()}-def456.tmp").write_text("being written right now")
    (tmp_path / "p.json").write_text("{}")
    removed = remove_stale_temp_files(tmp_path)
    assert [p.name for p in removed] == [crashed]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".cnnpg-{os.getpid()}-def456.tmp", "p.json"]


def test_other_programs_temp_files_are_never_removed(tmp_path):
    for name in (".p.json.abc123.tmp", ".vim-swap.tmp", ".cnnpg-notes.txt"):
        (tmp_path / name).write_text("someone else's")
        os.utime(tmp_path / name, (1, 1))
    assert remove_stale_temp_files(tmp_path) == []
    assert len(list(tmp_path.iterdir())) == 3


def test_a_killed_saves_temp_file_goes_once_its_process_is_gone(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".cnnpg-{dead.stdout.strip()}-x1y2z3.tmp"
    left.write_bytes(b"0" * 1000)  # a full-size checkpoint, in real life
    os.utime(left, (time.time() - 120, time.time() - 120))  # two minutes: too young for the age rule
    assert remove_stale_temp_files(tmp_path) == [left]


def test_a_failed_write_names_the_users_file_not_the_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "p.json"

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".cnnpg-1-abc.tmp"))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as caught:
        save_project(project_from_json(ISSUE_EXAMPLE), target)
    assert caught.value.filename == str(target) and "No space left" in caught.value.strerror
    assert list(tmp_path.iterdir()) == []


def test_saved_files_follow_the_umask_not_0600(tmp_path):
    save_project(project_from_json(ISSUE_EXAMPLE), tmp_path / "p.json")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "p.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_saving_onto_a_folder_names_the_folder(tmp_path):
    with pytest.raises(IsADirectoryError) as caught:
        save_project(project_from_json(ISSUE_EXAMPLE), tmp_path)
    assert caught.value.filename == str(tmp_path)
