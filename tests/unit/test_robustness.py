"""Issue 15's kinds of bad input, each reproduced: one clear line and exit 2 (or the bad file skipped
and the rest done), no traceback, no code run, nothing of anyone's lost, memory estimated first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
import torch
from PIL import Image

from playground.cli import main, printable
from playground.ml.data import prepare as data
from playground.ml.data.images import BadImage, decode_image
from playground.ml.files.checkpoints import Checkpoint, load_checkpoint, save_checkpoint
from playground.ml.inference.predict import Predictor
from playground.ml.machine import memory_budget
from playground.ml.network.transfer import build_network
from playground.spec.errors import CheckpointError, PlaygroundError
from playground.spec.layers import Dense, Flatten
from playground.spec.project import save_project
from playground.spec.settings import DataSettings

from .helpers import tiny_project, write_class_folder


def _checkpoint(**changes) -> Checkpoint:
    """An untrained but complete checkpoint of the tiny project (2 classes): no training needed."""
    project = tiny_project()
    torch.manual_seed(0)
    model = build_network(project, 2, pretrained_weights=False)
    values = dict(
        project=project,
        class_names=("a", "b"),
        mean=[0.5],
        std=[0.25],
        model_state=model.state_dict(),
        rng_state={"torch": torch.get_rng_state()},
        epoch=1,
    )
    return Checkpoint(**{**values, **changes})


def _one_error_line(capsys, *needles: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert "Traceback" not in err and "\x1b" not in err
    for needle in needles:
        assert needle in err, err
    return err


# ------------------------------------------------------------------ memory estimated before allocating


def test_a_large_image_size_on_a_builtin_set_counts_the_float_copies(monkeypatch):
    # 1,797 digits at 1024×1024 RGB: 5.6 GB as uint8 (under 8 GB allowed), but the float copies of
    # resizing and measuring them reach ~90 GB: refused before any of it is allocated.
    monkeypatch.setattr(memory_budget, "usable_bytes", lambda: 16 * 1024**3)
    settings = DataSettings(source="builtin:digits", image_size=(1024, 1024), channels=3)
    with pytest.raises(PlaygroundError, match=r"1,797 images of 3×1024×1024 need [\d.]+ GB of memory"):
        data.load_dataset(settings)
    memory_budget.check_images_fit(1797, 3, (64, 64))  # the usual sizes stay welcome


def test_a_typo_of_30000_dense_units_is_refused_with_the_numbers(tmp_path, capsys):
    project = tiny_project().replace(
        data=DataSettings(source="builtin:digits", image_size=(256, 256), channels=3),
        layers=(Flatten(), Dense(units=30000), Dense(units="auto")),
    )
    save_project(project, tmp_path / "p.json")
    assert main(["train", str(tmp_path / "p.json"), "--out", str(tmp_path / "run")]) == 2
    _one_error_line(capsys, "for its 5,898,570,010 parameters", "GB of memory", "fewer units")


def test_a_tiny_checkpoint_describing_a_huge_network_is_refused_before_building():
    project = tiny_project().replace(
        data=DataSettings(source="builtin:digits", image_size=(1024, 1024), channels=3),
        layers=(Flatten(), Dense(units=50000), Dense(units="auto")),
    )
    with pytest.raises(PlaygroundError, match=r"needs [\d.]+ GB of memory.* parameters"):
        Predictor(_checkpoint(project=project, model_state={}, mean=[0.5] * 3, std=[0.2] * 3))


@pytest.mark.parametrize("fmt", ["python", "onnx"])
def test_exporting_a_tiny_checkpoint_of_a_huge_network_is_refused(tmp_path, capsys, fmt):
    project = tiny_project().replace(
        data=DataSettings(source="builtin:digits", image_size=(1024, 1024), channels=3),
        layers=(Flatten(), Dense(units=100_000), Dense(units="auto")),
    )
    save_checkpoint(_checkpoint(project=project, model_state={}, mean=[0.5] * 3, std=[0.2] * 3), tmp_path / "c.pt")
    assert main(["export", str(tmp_path / "c.pt"), "--format", fmt, "--output", str(tmp_path / "out")]) == 2
    _one_error_line(capsys, "parameters", "GB of memory")


def test_a_small_compressed_checkpoint_declaring_gigabytes_is_not_loaded(tmp_path):
    bomb = tmp_path / "bomb.pt"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb/data/0", bytes(40 * 1024**2))  # 40 MB of zeros in ~40 KB
    assert bomb.stat().st_size < 100_000
    with pytest.raises(CheckpointError, match=r"declares 40.0 MB of contents in a file of 0.0 MB .* not loaded"):
        load_checkpoint(bomb)


def test_a_checkpoint_larger_than_what_is_usable_is_not_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(memory_budget, "usable_bytes", lambda: 10 * 1024**2)
    stored = tmp_path / "big.pt"
    with zipfile.ZipFile(stored, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("big/data/0", bytes(20 * 1024**2))
    with pytest.raises(CheckpointError, match=r"declares 0.02 GB of tensors, more than .* it was not loaded"):
        load_checkpoint(stored)


def test_predict_on_a_folder_runs_in_batches(tmp_path, monkeypatch):
    write_class_folder(tmp_path / "photos", {"a": 40, "b": 40}, size=12)
    predictor = Predictor(_checkpoint())
    sizes = []
    forward = predictor.probabilities
    monkeypatch.setattr(predictor, "probabilities", lambda images: sizes.append(len(images)) or forward(images))
    files = sorted((tmp_path / "photos").rglob("*.png"))
    assert len(predictor.predict_files(files)) == 80
    assert max(sizes) <= 32 and sum(sizes) == 80


# ------------------------------------------------------------------ decoders


@pytest.mark.parametrize("exception", [TypeError("bad tile"), IndexError("x"), ZeroDivisionError(), KeyError(3)])
def test_any_decoder_exception_is_a_skipped_file(tmp_path, monkeypatch, exception):
    write_class_folder(tmp_path / "photos", {"a": 3, "b": 3}, size=12)
    bad = tmp_path / "photos" / "a" / "a_0.png"
    real_open = Image.open

    def fuzzed_open(path, *args, **kwargs):
        if str(path) == str(bad):  # what a fuzzed TIFF does to Pillow
            raise exception
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Image, "open", fuzzed_open)
    with pytest.raises(BadImage, match="damaged or unreadable"):
        decode_image(bad, (12, 12), 1)
    loaded = data.load_image_folder(tmp_path / "photos", (12, 12), 1)
    assert len(loaded) == 5 and [s.path for s in loaded.skipped] == [str(bad)]
    results = Predictor(_checkpoint()).predict_files(sorted((tmp_path / "photos").rglob("*.png")))
    assert [bool(r.error) for r in results] == [True] + [False] * 5


# ------------------------------------------------------------------ crafted checkpoints


def _payload_with(**changes):
    payload = _checkpoint().to_payload()
    payload.update(changes)
    return payload


NESTED = '{"format": "cnn-playground/1", "name": ' + "[" * 200 + "]" * 200 + "}"


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"normalization": {"mean": [0.5, 0.5, 0.5], "std": [0.2] * 3}}, "normalization mean"),
        ({"normalization": {"mean": [0.5], "std": [0.0]}}, "normalization std"),
        ({"normalization": {"mean": [float("nan")], "std": [1.0]}}, "normalization mean"),
        ({"optimizer": {"state": {}, "param_groups": "junk"}}, "optimizer param_groups"),
        ({"optimizer": {"state": {0: "x"}, "param_groups": []}}, "optimizer state"),
        ({"scheduler": {"last_epoch": "seven"}}, "scheduler last_epoch"),
        ({"scheduler": {"base_lrs": [float("inf")]}}, "scheduler"),
        ({"scheduler": {"base_lrs": "0.1"}}, "scheduler base_lrs"),
        ({"rng": {"torch": torch.zeros(3, dtype=torch.uint8)}}, "rng torch"),
        ({"rng": {"torch": "seed"}}, "rng torch"),
        ({"epoch": -1}, "epoch"),
        ({"epoch": 10**15}, "epoch"),
        ({"epoch": 2, "best_epoch": 5}, "best_epoch"),
        ({"best_val_acc": float("nan")}, "best_val_acc"),
        ({"history": [["not", "a", "record"]]}, "history"),
        ({"class_names": ["only one"]}, "class_names"),
        ({"project": NESTED}, "project"),
        ({"project": "x" * 20_000_000}, "project"),
    ],
)
def test_crafted_checkpoint_contents_are_refused_at_load(tmp_path, changes, key):
    torch.save(_payload_with(**changes), tmp_path / "c.pt")
    with pytest.raises(CheckpointError, match=f"its {key} is not what CNN Playground writes"):
        load_checkpoint(tmp_path / "c.pt")


def test_nan_weights_are_refused_at_load(tmp_path):
    state = {name: tensor.clone() for name, tensor in _checkpoint().model_state.items()}
    next(iter(state.values()))[0] = float("nan")
    # Written by someone else's tool: save_checkpoint itself refuses to write what cannot be read back.
    torch.save(_checkpoint(model_state=state).to_payload(), tmp_path / "c.pt")
    with pytest.raises(CheckpointError, match="holds NaN or infinite weights"):
        load_checkpoint(tmp_path / "c.pt")


def test_scores_that_are_not_numbers_never_print_nan(tmp_path, capsys, monkeypatch):
    # Finite weights can still overflow to infinity, and then the scores are NaN: "no answer".
    save_checkpoint(_checkpoint(), tmp_path / "c.pt")
    write_class_folder(tmp_path / "photos", {"a": 2}, size=12)
    monkeypatch.setattr(Predictor, "probabilities", lambda self, images: torch.full((len(images), 2), float("nan")))
    assert main(["predict", str(tmp_path / "c.pt"), str(tmp_path / "photos"), "--json"]) == 2
    out = capsys.readouterr().out

    def refuse(constant):
        raise AssertionError(f"bare {constant} in JSON")

    rows = [json.loads(line, parse_constant=refuse) for line in out.splitlines()]
    assert len(rows) == 2 and all("not a number" in row["error"] for row in rows)
    assert main(["predict", str(tmp_path / "c.pt"), str(tmp_path / "photos")]) == 2
    assert "nan%" not in capsys.readouterr().out


def test_a_malicious_checkpoint_is_said_plainly(tmp_path, capsys):
    class Code:
        def __reduce__(self):
            return (os.system, ("echo pwned",))

    torch.save({"format": "cnn-playground-checkpoint/1", "model": Code()}, tmp_path / "evil.pt")
    assert main(["predict", str(tmp_path / "evil.pt"), str(tmp_path)]) == 2
    err = _one_error_line(capsys, "contains code and was not loaded")
    assert "weights_only" not in err and "torch.load" not in err


@pytest.mark.parametrize(
    ("spoil", "needle"),
    [
        (lambda t: t.to(torch.int16), "as int16 numbers where MobileNetV3"),
        (lambda t: torch.full_like(t, float("nan")), "NaN or infinite values in"),
    ],
)
def test_weights_import_refuses_integer_or_nan_tensors(tmp_path, capsys, spoil, needle):
    from playground.ml.network import pretrained

    state = pretrained.architecture("mobilenet_v3_small").state_dict()
    name = next(key for key, tensor in state.items() if tensor.is_floating_point())
    state[name] = spoil(state[name])
    torch.save(state, tmp_path / "w.pth")
    assert main(["weights", "import", str(tmp_path / "w.pth"), "--network", "mobilenet_v3_small"]) == 2
    _one_error_line(capsys, needle)


# ------------------------------------------------------------------ train P --resume C


def test_resuming_a_checkpoint_of_another_project_is_refused(tmp_path, capsys):
    save_checkpoint(_checkpoint(), tmp_path / "c.pt")
    other = tiny_project().replace(data=DataSettings(source="builtin:digits", image_size=(16, 16), channels=1))
    save_project(other, tmp_path / "other.json")
    assert main(["train", str(tmp_path / "other.json"), "--resume", str(tmp_path / "c.pt")]) == 2
    _one_error_line(capsys, "cannot continue in", "data.image_size, data.val_fraction changed since it was saved")


def test_an_unwritable_out_is_noticed_before_training(tmp_path, capsys):
    save_project(tiny_project(), tmp_path / "p.json")
    (tmp_path / "file").write_text("a file, not a folder")
    assert main(["train", str(tmp_path / "p.json"), "--out", str(tmp_path / "file" / "run")]) == 2
    _one_error_line(capsys, "cannot write to", "choose another --out folder")


# ------------------------------------------------------------------ project files


def _huge_file(path):
    with path.open("wb") as handle:
        handle.truncate(145 * 1024**2)  # sparse: 145 MB that takes no disk
    return path


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda tmp: "/dev/zero", "is not a regular file"),
        (lambda tmp: str(tmp), "is not a regular file"),
        (lambda tmp: str(_huge_file(tmp / "big.json")), "is larger than 16 MB"),
        (lambda tmp: _text(tmp, "[" * 100_000 + "]" * 100_000), "nested more than 32 levels"),
        (lambda tmp: _text(tmp, '{"format": "cnn-playground/1", "name": ' + "9" * 5000 + "}"), "more than 100 digits"),
        (lambda tmp: _text(tmp, '{"format": "cnn-playground/\u0661"}'), "unreadable format version"),
        (lambda tmp: _text(tmp, '{"format": "cnn-playground/\u00b2"}'), "unreadable format version"),
        (lambda tmp: _text(tmp, '{"format": "cnn-playground/1", "name": "\\ud800"}'), "not valid Unicode"),
        (lambda tmp: _bytes(tmp, b"\xff\xfe{}"), "is not UTF-8 text"),
    ],
)
def test_bad_project_files_are_one_line_refusals(tmp_path, capsys, make, needle):
    assert main(["summary", make(tmp_path)]) == 2
    _one_error_line(capsys, needle)


def test_a_named_pipe_is_refused_not_waited_for(tmp_path, capsys):
    os.mkfifo(tmp_path / "p.json")
    assert main(["summary", str(tmp_path / "p.json")]) == 2
    _one_error_line(capsys, "is not a regular file")
    os.mkfifo(tmp_path / "x.png")
    with pytest.raises(BadImage, match="not a regular file"):
        decode_image(tmp_path / "x.png", (8, 8), 1)


def test_warnings_never_come_before_the_error_line(monkeypatch, capsys):
    import warnings

    from playground import cli

    def warns_then_fails(args):
        warnings.warn("a library's advice\nover several lines", UserWarning, stacklevel=1)
        raise PlaygroundError("the one line")

    monkeypatch.setattr(cli.build_parser().__class__, "parse_args", lambda self, argv=None: _args(warns_then_fails))
    assert main(["datasets"]) == 2
    assert capsys.readouterr().err == "error: the one line\n"


def _args(run):
    import argparse

    return argparse.Namespace(run=run, command="datasets")


def _text(tmp, text):
    (tmp / "p.json").write_text(text, encoding="utf-8")
    return str(tmp / "p.json")


def _bytes(tmp, raw):
    (tmp / "p.json").write_bytes(raw)
    return str(tmp / "p.json")


# ------------------------------------------------------------------ names


def test_names_that_are_not_utf8_or_hold_control_characters_are_printed_escaped(tmp_path, capsys):
    folder = tmp_path / "photos"
    write_class_folder(folder, {"a": 1}, size=12)
    korean = os.fsencode(folder / "a") + b"/\xc7\xd1\xb1\xdb.png"  # "한글" in CP949, as a Korean zip leaves it
    with open(korean, "wb") as handle:
        handle.write((folder / "a" / "a_0.png").read_bytes())
    (folder / "a" / "title\x1b]0;pwned\x07\nerror: fake.png").write_bytes((folder / "a" / "a_0.png").read_bytes())
    save_checkpoint(_checkpoint(), tmp_path / "c.pt")
    assert main(["predict", str(tmp_path / "c.pt"), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "/\\xc7" in out and "\\xdb.png" in out and "\x1b" not in out and "\x07" not in out
    assert len(out.splitlines()) == 3 and not any(line.startswith("error:") for line in out.splitlines())
    assert main(["predict", str(tmp_path / "c.pt"), str(folder), "--json"]) == 0
    paths = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    assert os.fsencode(korean.decode("utf-8", "surrogateescape")) in {os.fsencode(p) for p in paths}
    assert printable("a\u202eb\udcff") == "a\\u202eb\\xff"


# ------------------------------------------------------------------ training jobs


def _job(tmp_path, capsys) -> os.PathLike:
    write_class_folder(tmp_path / "photos", {"red": 2, "green": 2}, size=8)
    save_project(tiny_project(source="photos"), tmp_path / "p.json")
    assert main(["export-job", str(tmp_path / "p.json"), str(tmp_path / "job")]) == 0
    capsys.readouterr()
    return tmp_path / "job"


def test_code_beside_train_sh_is_never_imported(tmp_path, capsys):
    job = _job(tmp_path, capsys)
    marker = tmp_path / "RAN"
    (job / "torch.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (job / "playground").mkdir()
    (job / "playground" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (job / "playground" / "__main__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    env = {**os.environ, "PYTHON": sys.executable, "NPROC": "1"}
    ran = subprocess.run(["sh", str(job / "train.sh")], capture_output=True, text=True, timeout=120, env=env)
    assert ran.returncode != 0 and not marker.exists()
    assert "torch.py is not in the manifest" in ran.stderr and "playground/__init__.py" in ran.stderr


def test_check_job_refuses_a_project_edited_to_read_outside_the_job(tmp_path, capsys):
    job = _job(tmp_path, capsys)
    edited = json.loads((job / "project.json").read_text())
    edited["data"]["source"] = str(tmp_path / "photos")
    (job / "project.json").write_text(json.dumps(edited))
    manifest = json.loads((job / "manifest.json").read_text())
    manifest["project"].update(bytes=(job / "project.json").stat().st_size, sha256=_sha(job / "project.json"))
    (job / "manifest.json").write_text(json.dumps(manifest))
    assert main(["check-job", str(job)]) == 2
    _one_error_line(capsys, "reads its images from", "not from the job's own data")


def _sha(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_job_does_not_follow_links_out_of_the_dataset(tmp_path, capsys):
    write_class_folder(tmp_path / "photos", {"red": 2, "green": 2}, size=8)
    (tmp_path / "secret.png").write_bytes((tmp_path / "photos" / "red" / "red_0.png").read_bytes())
    (tmp_path / "photos" / "red" / "link.png").symlink_to(tmp_path / "secret.png")
    save_project(tiny_project(source="photos"), tmp_path / "p.json")
    assert main(["export-job", str(tmp_path / "p.json"), str(tmp_path / "job")]) == 2
    _one_error_line(capsys, "link.png is a link to", "replace the link by a copy")
    assert not (tmp_path / "job").exists()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda m: m.pop("images"),
        lambda m: m.pop("project"),
        lambda m: m.update(images="all of them"),
        lambda m: m["images"][0].update(bytes="12"),
        lambda m: m["images"][0].update(path="data/red/a\u0000.png"),
        lambda m: m["images"][0].update(path="/etc/passwd"),
        lambda m: m["project"].pop("sha256"),
        lambda m: m.update(format=["cnn-playground-job/1"]),
    ],
)
def test_malformed_manifests_are_one_clear_error(tmp_path, capsys, mangle):
    job = _job(tmp_path, capsys)
    manifest = json.loads((job / "manifest.json").read_text())
    mangle(manifest)
    (job / "manifest.json").write_text(json.dumps(manifest))
    assert main(["check-job", str(job)]) == 2
    _one_error_line(capsys, "is not a training job's manifest")


@pytest.mark.parametrize("raw", [b"[" * 100_000, b"\xff\xfe", b'{"format": "cnn-playground-job/1"'])
def test_unreadable_manifests_are_one_clear_error(tmp_path, capsys, raw):
    job = _job(tmp_path, capsys)
    (job / "manifest.json").write_bytes(raw)
    assert main(["check-job", str(job)]) == 2
    _one_error_line(capsys, "manifest.json is missing or damaged")


def test_a_checked_job_accounts_for_every_file(tmp_path, capsys):
    job = _job(tmp_path, capsys)
    assert main(["check-job", str(job)]) == 0
    (job / "runs").mkdir()
    (job / "runs" / "last.pt").write_bytes(b"training's own output")
    assert main(["check-job", str(job)]) == 0
    (job / "notes.txt").write_text("?")
    assert main(["check-job", str(job)]) == 2
    _one_error_line(capsys, "notes.txt is not in the manifest")
