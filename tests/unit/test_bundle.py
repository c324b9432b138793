"""Project bundles and saved runs (issue 15): a trained project kept beside its file and handed out
as one file that opens, trains and predicts at another path; hostile bundles refused with one
clear error, writing nothing outside their folder and leaving nothing behind."""

import hashlib
import io
import json
import pickle
import re
import shutil
import stat
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from playground.cli import main
from playground.ml.files import bundle as bundles
from playground.ml.files.bundle import make_bundle, open_bundle
from playground.spec.errors import PlaygroundError
from playground.spec.project import load_project, save_project
from playground.spec.saved_runs import (
    SavedRun,
    SavedRuns,
    attach_run,
    model_file,
    read_saved_runs,
    runs_folder,
    write_saved_runs,
)

from .helpers import tiny_project, write_class_folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    """A photos project trained from the command line (its run attached beside it)."""
    folder = tmp_path_factory.mktemp("made")
    write_class_folder(folder / "photos", {"red": 10, "green": 10})
    save_project(tiny_project(source="photos", epochs=1, batch_size=8), folder / "p.json")
    assert main(["train", str(folder / "p.json"), "--out", str(folder / "out")]) == 0
    return folder / "p.json"


@pytest.fixture(scope="module")
def bundle_bytes(trained, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("bundle") / "p.cnnpg"
    make_bundle(trained, out)
    return out.read_bytes()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _rewrite(data: bytes, path: Path, change, *, fix_manifest: bool = True, extra=None) -> Path:
    """The bundle with its members changed by `change(members)`; the manifest recomputed to match
    (a forger's bundle) unless `fix_manifest` is off (a damaged one)."""
    members = _members(data)
    change(members)
    if fix_manifest:
        manifest = json.loads(members["manifest.json"])
        manifest["files"] = [
            {"path": name, "bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}
            for name, body in members.items()
            if name != "manifest.json"
        ]
        members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
        for info, body in extra or ():
            archive.writestr(info, body)
    return path


def _refused(bundle: Path, folder: Path, expected: str) -> str:
    with pytest.raises(PlaygroundError) as caught:
        open_bundle(bundle, folder)
    text = str(caught.value)
    assert expected in text and "\n" not in text
    assert not folder.exists()  # what was written is gone, and nothing else was
    return text


# ------------------------------------------------------------------------------------ saved runs


def test_training_a_project_file_attaches_its_model(trained, tmp_path, capsys):
    saved = read_saved_runs(trained)
    assert saved.model_run == 1 and len(saved.runs) == 1 and saved.runs[0].history[0]["epoch"] == 1
    assert model_file(trained, saved).name == "best.pt"
    assert main(["predict", str(trained), str(trained.parent / "photos" / "red" / "red_0.png")]) == 0
    assert "red_0.png: " in capsys.readouterr().out


def test_predict_with_a_project_that_has_no_model_is_one_line(tmp_path, capsys):
    save_project(tiny_project(), tmp_path / "new.json")
    image = write_class_folder(tmp_path / "img", {"a": 1}) / "a" / "a_0.png"
    assert main(["predict", str(tmp_path / "new.json"), str(image)]) == 2
    assert "has no trained model yet" in capsys.readouterr().err


def test_no_attach_leaves_no_runs_folder(tmp_path):
    save_project(tiny_project(epochs=1), tmp_path / "q.json")
    assert main(["train", str(tmp_path / "q.json"), "--out", str(tmp_path / "o"), "--no-attach"]) == 0
    assert not runs_folder(tmp_path / "q.json").exists()


def test_a_runs_folder_the_app_did_not_make_is_never_written(tmp_path):
    save_project(tiny_project(), tmp_path / "x.json")
    theirs = runs_folder(tmp_path / "x.json")
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")
    run = SavedRun(1, tiny_project(), ({"epoch": 1, "val_acc": 0.5},), "completed", datetime(2026, 1, 1))
    with pytest.raises(PlaygroundError, match="was not made by CNN Playground"):
        write_saved_runs(tmp_path / "x.json", SavedRuns((run,), 1), {})
    assert sorted(p.name for p in theirs.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize(
    "change, key",
    [
        (lambda d: d.update(format="other/1"), "format"),
        (lambda d: d["runs"][0].update(folder="../../etc"), "runs[0].folder"),
        (lambda d: d["runs"][0].update(history=[{"epoch": "x"}]), "runs[0].history"),
        (lambda d: d["runs"][0].update(project={"format": "cnn-playground/1", "nonsense": 1}), "runs[0].project"),
        (lambda d: d.update(model_run=7), "model_run"),
    ],
)
def test_a_malformed_run_list_is_one_clear_error(trained, tmp_path, change, key):
    copy = tmp_path / "p.json"
    shutil.copy(trained, copy)
    shutil.copytree(runs_folder(trained), runs_folder(copy))
    index = runs_folder(copy) / "runs.json"
    data = json.loads(index.read_text())
    change(data)
    index.write_text(json.dumps(data))
    with pytest.raises(PlaygroundError, match=re.escape(f"its {key} is not what")):
        read_saved_runs(copy)


def test_attaching_numbers_runs_after_the_saved_ones(trained, tmp_path):
    copy = tmp_path / "p.json"
    shutil.copy(trained, copy)
    shutil.copytree(runs_folder(trained), runs_folder(copy))
    run = SavedRun(0, tiny_project(), ({"epoch": 1},), "stopped", datetime(2026, 1, 1))
    attached = attach_run(copy, run, runs_folder(copy) / "run-1")
    saved = read_saved_runs(copy)
    assert attached.number == 2 and saved.model_run == 2 and [r.number for r in saved.runs] == [1, 2]
    assert (runs_folder(copy) / "run-2" / "last.pt").is_file()


# ------------------------------------------------------------------------------------ bundles


def test_a_bundle_moved_elsewhere_opens_trains_and_predicts(trained, bundle_bytes, tmp_path, capsys):
    elsewhere = tmp_path / "another" / "machine"
    elsewhere.mkdir(parents=True)
    (elsewhere / "p.cnnpg").write_bytes(bundle_bytes)
    project_path = open_bundle(elsewhere / "p.cnnpg")
    assert project_path == elsewhere / "p" / "project.json"
    assert load_project(project_path).data.source == "project_images"  # its own copy of the images
    assert read_saved_runs(project_path).model_run == 1
    image = str(project_path.parent / "project_images" / "green" / "green_0.png")
    assert main(["predict", str(project_path), image]) == 0
    assert main(["predict", str(elsewhere / "p.cnnpg"), image]) == 0  # straight from the bundle
    assert main(["train", str(project_path), "--out", str(tmp_path / "again")]) == 0
    assert [r.number for r in read_saved_runs(project_path).runs] == [1, 2]  # trained there, kept there
    assert "green_0.png: " in capsys.readouterr().out


def test_training_a_bundle_unpacks_it_beside_itself(bundle_bytes, tmp_path, capsys):
    (tmp_path / "b.cnnpg").write_bytes(bundle_bytes)
    assert main(["train", str(tmp_path / "b.cnnpg"), "--out", str(tmp_path / "o")]) == 0
    assert len(read_saved_runs(tmp_path / "b" / "project.json").runs) == 2
    assert "opened the bundle into" in capsys.readouterr().err


def test_a_bundle_is_never_unpacked_over_files(bundle_bytes, tmp_path):
    (tmp_path / "b.cnnpg").write_bytes(bundle_bytes)
    target = tmp_path / "full"
    target.mkdir()
    (target / "project.json").write_text("the user's")
    with pytest.raises(PlaygroundError, match="is not empty"):
        open_bundle(tmp_path / "b.cnnpg", target)
    assert (target / "project.json").read_text() == "the user's"


def test_a_file_that_is_not_a_bundle_is_never_overwritten(trained, tmp_path):
    (tmp_path / "notes.cnnpg").write_text("someone's notes")
    with pytest.raises(PlaygroundError, match="is not a bundle made by CNN Playground"):
        make_bundle(trained, tmp_path / "notes.cnnpg")
    assert (tmp_path / "notes.cnnpg").read_text() == "someone's notes"


def _link(name: str, target: str):
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


class _Code:
    def __reduce__(self):
        return (print, ("this ran",))


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda m: m.update({"../evil.txt": b"x"}), "a name that would place a file outside its folder"),
        (lambda m: m.update({"/tmp/evil.txt": b"x"}), "a name that would place a file outside its folder"),
        (lambda m: m.update({"project_images\\..\\..\\evil": b"x"}), "outside its folder"),
        (lambda m: m.update({"project_images/red/x.png": m.pop("project_images/red/red_0.png")}), "not in its"),
        (lambda m: m.update({"project.json": m["project.json"] + b" "}), "differs from its manifest"),
        (lambda m: m.pop("project_images/red/red_1.png"), "is in its manifest but not in the bundle"),
        (lambda m: m.pop("manifest.json"), "its manifest's manifest.json is missing or wrong"),
    ],
)
def test_a_damaged_or_hostile_bundle_is_refused(bundle_bytes, tmp_path, change, expected):
    bundle = _rewrite(bundle_bytes, tmp_path / "bad.cnnpg", change, fix_manifest=False)
    _refused(bundle, tmp_path / "out", expected)
    assert not (tmp_path / "evil.txt").exists()


def test_a_symlink_is_refused(bundle_bytes, tmp_path):
    bundle = _rewrite(bundle_bytes, tmp_path / "bad.cnnpg", lambda m: None, extra=[_link("project_images/l", "/etc")])
    _refused(bundle, tmp_path / "out", "a link")


def test_a_wrong_hash_is_refused_and_nothing_is_left(bundle_bytes, tmp_path):
    def flip(members):  # one byte changed, the size as the manifest says: only the SHA-256 tells
        body = bytearray(members["project_images/red/red_0.png"])
        body[-1] ^= 0xFF
        members["project_images/red/red_0.png"] = bytes(body)

    bundle = _rewrite(bundle_bytes, tmp_path / "bad.cnnpg", flip, fix_manifest=False)
    _refused(bundle, tmp_path / "out", "red_0.png' differs from its manifest (size or SHA-256)")


def test_a_checkpoint_with_code_is_refused_even_with_a_fitting_manifest(bundle_bytes, tmp_path):
    def plant(members):
        members["project_runs/run-1/best.pt"] = pickle.dumps({"format": _Code()})

    bundle = _rewrite(bundle_bytes, tmp_path / "bad.cnnpg", plant)
    _refused(bundle, tmp_path / "out", "contains code and was not loaded")


def test_a_project_reading_outside_the_bundle_is_refused(bundle_bytes, tmp_path):
    def point_out(members):
        project = json.loads(members["project.json"])
        project["data"]["source"] = "/home"
        members["project.json"] = json.dumps(project).encode()

    _refused(_rewrite(bundle_bytes, tmp_path / "bad.cnnpg", point_out), tmp_path / "out", "outside the bundle")


def test_unexpected_files_are_refused_even_when_listed(bundle_bytes, tmp_path):
    bundle = _rewrite(bundle_bytes, tmp_path / "bad.cnnpg", lambda m: m.update({"playground/__init__.py": b""}))
    _refused(bundle, tmp_path / "out", "its manifest's files[")


def test_a_zip_bomb_is_refused_before_anything_is_written(bundle_bytes, tmp_path):
    bomb = b"\0" * (64 * 1024**2)  # 64 MB of zeros pack to ~64 KB
    bundle = _rewrite(bundle_bytes, tmp_path / "bomb.cnnpg", lambda m: m.update({"project_images/red/z.png": bomb}))
    assert bundle.stat().st_size < 2 * 1024**2
    _refused(bundle, tmp_path / "out", "as only a zip bomb is")


@pytest.mark.parametrize(
    "limit, value, expected",
    [
        ("MAX_FILES", 5, "more than the 5 a bundle may hold"),
        ("MAX_FILE_BYTES", 100, "more than the 0 MB one file of a bundle may take"),
        ("MAX_TOTAL_BYTES", 1000, "more than the 0 MB a bundle may take"),
    ],
)
def test_size_limits_are_checked_on_the_directory(bundle_bytes, tmp_path, monkeypatch, limit, value, expected):
    (tmp_path / "b.cnnpg").write_bytes(bundle_bytes)
    monkeypatch.setattr(bundles, limit, value)
    _refused(tmp_path / "b.cnnpg", tmp_path / "out", expected)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path, capsys):
    (tmp_path / "x.cnnpg").write_bytes(b"not a zip at all")
    assert main(["unbundle", str(tmp_path / "x.cnnpg"), str(tmp_path / "out")]) == 2
    assert "is not a project bundle: it is not a zip file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_training_a_shipped_example_by_its_path_leaves_it_as_shipped(tmp_path, monkeypatch):
    from playground.resources import example_projects

    example = example_projects()["lenet5-digits"]
    monkeypatch.setattr(
        "playground.cli.train.run_training", lambda request, control, printer: 0
    )  # no need to train here
    out = tmp_path / "o"
    out.mkdir()
    (out / "last.pt").write_bytes(b"")  # what a run would have left
    assert main(["train", str(example), "--out", str(out)]) == 0
    assert not runs_folder(example).exists()
