import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from PIL import Image

from playground.cli import main
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.inference.predict import Predictor
from playground.ml.training import protocol
from playground.ml.training.events import Event
from playground.spec.layers import Conv2d
from playground.spec.project import save_project

from .helpers import EXAMPLES, tiny_project, write_class_folder


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """The installed console entry point, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True, timeout=300)


def test_summary_json_of_lenet(capsys):
    assert main(["summary", "lenet5-digits", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["input_shape"] == [1, 32, 32]
    assert data["total_params"] == 61_706
    assert [layer["output_shape"] for layer in data["layers"]] == [
        [6, 28, 28],
        [6, 14, 14],
        [16, 10, 10],
        [16, 5, 5],
        [400],
        [120],
        [84],
        [10],
    ]
    assert data["layers"][0] == {**data["layers"][0], "index": 0, "type": "conv2d", "params": 156}


def test_summary_table_shows_formulas(capsys):
    assert main(["summary", str(EXAMPLES / "lenet5-digits.json")]) == 0
    out = capsys.readouterr().out
    assert "(32 − 5 + 2·0)/1 + 1 = 28" in out and "Total parameters: 61,706" in out


def test_summary_of_an_invalid_network_shows_the_table_and_exits_2(tmp_path, capsys):
    project = tiny_project()
    save_project(project.replace(layers=(Conv2d(kernel=13), *project.layers[1:])), tmp_path / "p.json")
    assert main(["summary", str(tmp_path / "p.json")]) == 2
    captured = capsys.readouterr()
    assert "input 12x12 is smaller than the kernel 13x13" in captured.out
    assert "follows invalid layer 1" in captured.out
    assert captured.err.count("\n") == 1 and captured.err.startswith("error: layer 1, conv2d 13x13 valid")


def test_train_reaches_95_percent_on_digits_with_lenet(tmp_path):
    """The foundation's promise: the LeNet-5 example learns digits, headless, in seconds."""
    result = run_cli("train", "lenet5-digits", "--out", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0] == {"protocol": protocol.VERSION}  # the protocol's records, as the window's child sends them
    assert all(isinstance(protocol.decode(json.dumps(line)), Event) for line in lines[1:])
    epochs = [line for line in lines if line.get("event") == "epoch"]
    assert len(epochs) == 10
    assert set(epochs[0]) >= {"epoch", "train_loss", "train_acc", "val_loss", "val_acc", "seconds"}
    done = lines[-1]
    assert done["event"] == "done" and done["best_val_acc"] >= 0.95
    assert Path(done["checkpoint"]) == tmp_path / "best.pt" and (tmp_path / "best.pt").exists()


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trained")
    project = tiny_project(epochs=2)
    save_project(project, folder / "tiny.json")
    assert main(["train", str(folder / "tiny.json"), "--out", str(folder / "run")]) == 0
    return folder


def test_train_prints_epochs_for_a_person(trained, capsys):
    assert main(["train", str(trained / "tiny.json"), "--out", str(trained / "again"), "--epochs", "1"]) == 0
    out = capsys.readouterr().out
    assert "epoch   1/1  train loss" in out and "completed: best validation accuracy" in out


def test_resume_from_the_command_line(trained, capsys):
    assert (
        main(
            [
                "train",
                str(trained / "tiny.json"),
                "--resume",
                str(trained / "run" / "last.pt"),
                "--epochs",
                "3",
                "--out",
                str(trained / "run"),
                "--json",
            ]
        )
        == 0
    )
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["epoch"] for line in lines if line.get("event") == "epoch"] == [3]
    assert lines[-1]["event"] == "attached"  # a project file keeps its run
    assert load_checkpoint(trained / "run" / "last.pt").epoch == 3


def test_predict_agrees_with_the_predictor(trained, tmp_path, capsys):
    images = tmp_path / "images"
    images.mkdir()
    for i in range(3):
        Image.new("L", (8, 8), 60 * i).save(images / f"{i}.png")
    (images / "bad.png").write_text("nope")
    checkpoint = str(trained / "run" / "best.pt")
    assert main(["predict", checkpoint, str(images), "--top-k", "2", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(r["path"]).name for r in rows] == ["0.png", "1.png", "2.png", "bad.png"]
    assert rows[3]["error"].startswith("not an image") and rows[3]["top"] == []
    predictor = Predictor(load_checkpoint(checkpoint))
    expected_rows = predictor.predict_files([images / f"{i}.png" for i in range(3)], top_k=2)
    for row, expected in zip(rows[:3], expected_rows, strict=True):
        assert [(t["class"], pytest.approx(t["probability"])) for t in row["top"]] == expected.top
        assert len(row["top"]) == 2


def test_probabilities_of_all_classes_sum_to_one(trained):
    predictor = Predictor(load_checkpoint(trained / "run" / "best.pt"))
    probs = predictor.probabilities(torch.randint(0, 256, (4, 1, 12, 12), dtype=torch.uint8))
    assert torch.allclose(probs.sum(1), torch.ones(4))


def test_export_from_the_command_line(trained, tmp_path, capsys):
    for fmt in ("python", "onnx", "torchscript"):
        assert main(["export", str(trained / "run" / "best.pt"), "--format", fmt, "--output", str(tmp_path / fmt)]) == 0
        assert (tmp_path / fmt).stat().st_size > 1000
    assert "wrote" in capsys.readouterr().out


def test_datasets_lists_what_is_installed(capsys):
    assert main(["datasets", "--json"]) == 0
    rows = {row["source"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["builtin:shapes"]["installed"] and rows["builtin:digits"]["images"] == 1797
    assert rows["builtin:animals"]["classes"][-1] == "zebra"
    fashion = rows["builtin:fashion-mnist"]
    assert fashion["installed"] or "dataset-fashion-mnist" in fashion["how_to_install"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "no-such-project.json"], "project file not found"),
        (["train", "no-such-project"], "project file not found"),
        (["predict", "missing.pt", "x.png"], "checkpoint not found"),
        (["export", "missing.pt", "--format", "onnx", "--output", "o.onnx"], "checkpoint not found"),
    ],
)
def test_user_errors_exit_2_with_one_line(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_broken_project_and_checkpoint_from_a_real_process(tmp_path):
    (tmp_path / "p.json").write_text(
        '{"format": "cnn-playground/1", "model": {"layers": [{"type": "conv2d", "kernel": "x"}]}}'
    )
    result = run_cli("train", str(tmp_path / "p.json"), "--out", str(tmp_path / "run"))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("model.layers[0].kernel: must be a whole number or [height, width], got 'x'")
    assert "Traceback" not in result.stderr and not (tmp_path / "run").exists()
    (tmp_path / "c.pt").write_bytes(os.urandom(300))
    result = run_cli("predict", str(tmp_path / "c.pt"), str(tmp_path / "p.json"))
    assert result.returncode == 2 and "is not a valid checkpoint" in result.stderr and "Traceback" not in result.stderr


def test_training_an_image_folder_with_a_bad_file_reports_it(tmp_path, capsys):
    write_class_folder(tmp_path / "photos", {"red": 12, "green": 12})
    (tmp_path / "photos" / "red" / "zz.png").write_text("not a png")
    project = tiny_project(source="photos", epochs=1)
    save_project(project, tmp_path / "p.json")
    assert main(["train", str(tmp_path / "p.json"), "--out", str(tmp_path / "run")]) == 0
    err = capsys.readouterr().err
    assert "skipped 1 unreadable files" in err and "zz.png: not an image" in err


def test_a_run_stopped_before_its_first_epoch_says_so(tmp_path, capsys, monkeypatch):
    from playground.ml.training import engine
    from playground.ml.training.events import Finished, Started

    def stopped_at_once(project, data, **kwargs):
        yield Started(
            device="CPU", start_epoch=0, epochs=3, train_images=len(data.train), val_images=len(data.val), parameters=10
        )
        yield Finished(reason="stopped", epochs_done=0, best_epoch=0, best_val_acc=None, checkpoint=None)

    monkeypatch.setattr(engine, "fit", stopped_at_once)
    save_project(tiny_project(), tmp_path / "p.json")
    assert main(["train", str(tmp_path / "p.json"), "--out", str(tmp_path / "run")]) == 0
    assert "stopped: no epoch finished" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["train", "lenet5-digits", "--epochs", "0"], "--epochs must be at least 1"),
        (["train", "lenet5-digits", "--device", "foo"], "--device: must be auto, cpu, cuda, cuda:N or mps"),
        (["train", "lenet5-digits", "--device", "cuda:x"], "--device: must be auto"),
        (["predict", "x.pt", "y.png", "--top-k", "0"], "--top-k must be at least 1"),
    ],
)
def test_bad_options_exit_2_before_anything_runs(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_exporting_onto_a_folder_is_one_clear_line(trained, tmp_path, capsys):
    assert main(["export", str(trained / "run" / "best.pt"), "--format", "onnx", "--output", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path) in err and "folder" in err
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_is_not_an_error():
    result = subprocess.run(
        f"{sys.executable} -m playground summary lenet5-digits | head -1", shell=True, capture_output=True, text=True
    )
    assert result.stdout.startswith("LeNet-5 on digits") and result.stderr == ""


def test_predict_with_only_bad_files_says_so(trained, tmp_path, capsys):
    (tmp_path / "a.png").write_text("no")
    assert main(["predict", str(trained / "run" / "best.pt"), str(tmp_path / "a.png")]) == 2
    assert "none of the 1 files could be read as an image" in capsys.readouterr().err
