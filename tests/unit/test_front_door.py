"""One front door for a training run (playground.ml.training.run_setup): the command line (`train`, and
`train --json`) and the window's child (`train --child`) refuse the same bad inputs with the same
message, and speak the same records."""

import json
import subprocess
import sys

import pytest

from playground.cli import main
from playground.ml.training import protocol
from playground.ml.training.events import Refused
from playground.spec.layers import Conv2d
from playground.spec.project import save_project
from playground.spec.resume_policy import changed_keys, learns_the_same_weights

from .helpers import tiny_project


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    """A one-epoch run of the tiny project: its last.pt."""
    folder = tmp_path_factory.mktemp("first")
    save_project(tiny_project(epochs=1), folder / "tiny.json")
    assert main(["train", str(folder / "tiny.json"), "--out", str(folder / "run"), "--no-attach"]) == 0
    return folder / "run" / "last.pt"


def _command_line_refusal(capsys, args) -> str:
    assert main(["train", *args]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0].removeprefix("error: ")


def _child_refusal(args) -> str:
    child = subprocess.run(
        [sys.executable, "-m", "playground", "train", *args, "--child"], input=b"", capture_output=True, timeout=120
    )
    records = [protocol.decode(line) for line in child.stdout.splitlines() if line.strip()]
    assert child.returncode == 2, child.stderr
    assert records[0] == protocol.VERSION and len(records) == 2 and isinstance(records[1], Refused)
    assert b"Traceback" not in child.stderr
    return str(records[1].message)


def _bad_inputs(tmp_path, checkpoint):
    """(name, train arguments) of inputs both doors must refuse before training."""
    other_seed = tmp_path / "other-seed.json"  # another project: another split of the data
    save_project(tiny_project(epochs=3, seed=7), other_seed)
    other_layers = tmp_path / "other-layers.json"
    project = tiny_project(epochs=3)
    save_project(project.replace(layers=(Conv2d(filters=8, kernel=(3, 3)), *project.layers[1:])), other_layers)
    same = tmp_path / "same.json"
    save_project(tiny_project(epochs=3), same)
    (tmp_path / "a-file").write_text("not a folder")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{ this is not json")
    no_data = tmp_path / "no-data.json"
    save_project(tiny_project(source=str(tmp_path / "nowhere")), no_data)
    out = str(tmp_path / "run")
    return [
        ("another project's checkpoint", [str(other_seed), "--out", out, "--resume", str(checkpoint)]),
        ("other layers", [str(other_layers), "--out", out, "--resume", str(checkpoint)]),
        ("an out folder that cannot be made", [str(same), "--out", str(tmp_path / "a-file" / "run")]),
        ("a project that cannot be read", [str(garbage), "--out", out]),
        ("a data folder that is not there", [str(no_data), "--out", out]),
        ("a checkpoint that is not one", [str(same), "--out", out, "--resume", str(garbage)]),
    ]


def test_both_doors_refuse_the_same_inputs_with_the_same_message(tmp_path, checkpoint, capsys):
    for name, args in _bad_inputs(tmp_path, checkpoint):
        said_by_command_line = _command_line_refusal(capsys, args)
        said_by_child = _child_refusal(args)
        assert said_by_command_line == said_by_child, name
        assert not (tmp_path / "run" / "last.pt").exists(), name  # refused before any training


def test_refusals_name_what_changed(tmp_path, checkpoint, capsys):
    cases = dict(_bad_inputs(tmp_path, checkpoint))
    assert "training.seed" in _command_line_refusal(capsys, cases["another project's checkpoint"])
    assert "model.layers" in _command_line_refusal(capsys, cases["other layers"])


def test_train_json_refusal_is_a_protocol_record_too(tmp_path, checkpoint, capsys):
    args = dict(_bad_inputs(tmp_path, checkpoint))["other layers"]
    assert main(["train", *args, "--json"]) == 2
    captured = capsys.readouterr()
    records = [protocol.decode(line) for line in captured.out.splitlines()]
    assert records[0] == protocol.VERSION and isinstance(records[1], Refused)
    assert captured.err.strip() == f"error: {records[1].message}"


def test_the_resume_policy_allows_how_it_learns_and_refuses_what_it_is():
    before = tiny_project(epochs=2)
    faster = tiny_project(epochs=5, learning_rate=0.01, batch_size=16, optimizer="sgd")
    assert changed_keys(before, faster) == []  # Continue with another rate: a fresh optimizer
    assert not learns_the_same_weights(before, faster)
    assert learns_the_same_weights(before, tiny_project(epochs=9))  # only longer: the same optimizer goes on
    assert changed_keys(before, tiny_project(seed=3)) == ["training.seed"]
    wider = before.replace(layers=(Conv2d(filters=8, kernel=(3, 3)), *before.layers[1:]))
    assert changed_keys(before, wider) == ["model.layers"]


def test_a_resumed_run_trains_the_data_of_the_project_given(tmp_path, checkpoint, capsys):
    """`train P --resume C` trains P's data folder, not the one C was saved with."""
    from .helpers import write_class_folder

    write_class_folder(tmp_path / "colours", {"red": 6, "green": 6})
    first = tmp_path / "first.json"
    save_project(tiny_project(source=str(tmp_path / "colours"), epochs=1), first)
    assert main(["train", str(first), "--out", str(tmp_path / "run"), "--no-attach"]) == 0
    more = write_class_folder(tmp_path / "more-colours", {"red": 8, "green": 8})  # the same classes, more images
    second = tmp_path / "second.json"
    save_project(tiny_project(source=str(more), epochs=2), second)
    capsys.readouterr()
    assert (
        main(
            [
                "train",
                str(second),
                "--out",
                str(tmp_path / "run"),
                "--resume",
                str(tmp_path / "run" / "last.pt"),
                "--json",
                "--no-attach",
            ]
        )
        == 0
    )
    started = next(json.loads(line) for line in capsys.readouterr().out.splitlines() if '"started"' in line)
    assert started["train_images"] + started["val_images"] == 16  # P's folder, 8 a class (C's had 6)
