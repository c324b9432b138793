"""What `bundle` packs and what opening one checks (issue 21): packing follows no link anywhere and
names it; names that are not UTF-8 (a Korean zip's CP949 bytes) are packed and unpacked as the
very same bytes; checkpoints are checked against their network when a bundle is made and opened;
predicting from a bundle unpacks its model alone."""

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
import torch

from playground.cli import main
from playground.ml.data.folders import APP_DATASET_MARKER
from playground.ml.files.bundle import make_bundle, open_bundle, open_bundle_model
from playground.ml.files.checkpoints import load_checkpoint, save_checkpoint
from playground.spec.errors import PlaygroundError
from playground.spec.project import load_project, save_project

from .helpers import tiny_project, write_class_folder

KOREAN_CP949 = b"\xb0\xed\xbe\xe7\xc0\xcc"  # "고양이" as a Korean Windows zip names it: not UTF-8


@pytest.fixture(scope="module")
def trained_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("made")
    write_class_folder(folder / "photos", {"red": 6, "green": 6})
    (folder / "photos" / APP_DATASET_MARKER).write_text("")
    save_project(tiny_project(source="photos", epochs=1, batch_size=8), folder / "p.json")
    assert main(["train", str(folder / "p.json"), "--out", str(folder / "out"), "--json"]) == 0
    return folder


@pytest.fixture
def project(trained_folder, tmp_path) -> Path:
    """A copy of the trained project (its photos, runs and model) to plant links in."""
    shutil.copytree(trained_folder, tmp_path / "p", symlinks=True)
    return tmp_path / "p" / "p.json"


def _private(tmp_path: Path) -> Path:
    secret = tmp_path / "private"
    secret.mkdir(exist_ok=True)
    (secret / "id_rsa").write_bytes(b"PRIVATE KEY")
    return secret / "id_rsa"


def _replace_by_link(path: Path, target: Path) -> None:
    shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    path.symlink_to(target)


def _plant(kind: str, project: Path, tmp_path: Path) -> Path:
    """A link where packing would read a file; returns the link."""
    folder = project.parent
    runs, photos, secret = folder / "p_runs", folder / "photos", _private(tmp_path)
    if kind == "checkpoint":
        link = runs / "run-1" / "best.pt"
        _replace_by_link(link, secret)
    elif kind == "run folder":
        elsewhere = tmp_path / "elsewhere-run"
        shutil.copytree(runs / "run-1", elsewhere)
        link = runs / "run-1"
        _replace_by_link(link, elsewhere)
    elif kind == "runs folder":
        elsewhere = tmp_path / "elsewhere-runs"
        shutil.copytree(runs, elsewhere)
        link = runs
        _replace_by_link(link, elsewhere)
    elif kind == "runs list":
        copy = tmp_path / "runs.json"
        shutil.copy(runs / "runs.json", copy)
        link = runs / "runs.json"
        _replace_by_link(link, copy)
    elif kind == "dataset marker":
        link = photos / APP_DATASET_MARKER
        _replace_by_link(link, secret)
    elif kind == "image inside the dataset":  # even pointing inside the dataset: a link is not followed
        link = photos / "red" / "red_0.png"
        _replace_by_link(link, photos / "green" / "green_0.png")
    elif kind == "class folder":
        elsewhere = tmp_path / "elsewhere-class"
        shutil.copytree(photos / "green", elsewhere)
        link = photos / "green"
        _replace_by_link(link, elsewhere)
    elif kind == "images folder":
        elsewhere = tmp_path / "elsewhere-photos"
        shutil.copytree(photos, elsewhere)
        link = photos
        _replace_by_link(link, elsewhere)
    return link


@pytest.mark.parametrize(
    "kind",
    [
        "checkpoint",
        "run folder",
        "runs folder",
        "runs list",
        "dataset marker",
        "image inside the dataset",
        "class folder",
        "images folder",
    ],
)
def test_packing_follows_no_link_and_names_it(project, tmp_path, kind):
    link = _plant(kind, project, tmp_path)
    out = tmp_path / "out.cnnpg"
    with pytest.raises(PlaygroundError) as caught:
        make_bundle(project, out)
    text = str(caught.value)
    assert str(link) in text and "is a link" in text and "\n" not in text
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))


def test_the_command_line_names_the_link(project, tmp_path, capsys):
    link = _plant("checkpoint", project, tmp_path)
    assert main(["bundle", str(project), str(tmp_path / "out.cnnpg")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(link) in err and err.count("\n") == 1
    assert not (tmp_path / "out.cnnpg").exists()


# ------------------------------------------------------------------------------------ names not UTF-8


def _korean_project(tmp_path: Path) -> Path:
    """A project whose class folder and one image have CP949 names, as a Korean zip unpacked on Linux."""
    photos = tmp_path / "k" / "photos"
    write_class_folder(photos, {"dog": 4, "cat": 4})
    korean = os.fsencode(photos) + b"/" + KOREAN_CP949
    os.rename(os.fsencode(photos / "cat"), korean)
    os.rename(korean + b"/cat_0.png", korean + b"/" + KOREAN_CP949 + b".png")
    save_project(tiny_project(source="photos"), tmp_path / "k" / "k.json")
    return tmp_path / "k" / "k.json"


def test_names_that_are_not_utf8_are_bundled_and_unpacked_as_the_same_bytes(tmp_path):
    project = _korean_project(tmp_path)
    bundle = make_bundle(project, tmp_path / "k.cnnpg")
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.read("manifest.json")
    manifest.decode("utf-8")  # the manifest is valid UTF-8 JSON: the names as \udcXX escapes
    assert any(os.fsencode(entry["path"]).endswith(KOREAN_CP949 + b".png") for entry in json.loads(manifest)["files"])
    project_path = open_bundle(bundle, tmp_path / "opened")
    images = os.fsencode(project_path.parent / "project_images")
    assert sorted(os.listdir(images)) == sorted([b"dog", KOREAN_CP949])
    assert KOREAN_CP949 + b".png" in os.listdir(images + b"/" + KOREAN_CP949)
    assert main(["summary", str(project_path)]) == 0


def test_the_childs_copy_of_a_project_keeps_a_name_that_is_not_utf8(tmp_path):
    from playground.gui.background.training_process import project_for_child

    project = load_project(_korean_project(tmp_path))
    korean_folder = Path(os.fsdecode(os.fsencode(tmp_path / "k" / "photos") + b"/" + KOREAN_CP949))
    project = project.replace(data=project.data.__class__(**{**project.data.__dict__, "source": str(korean_folder)}))
    child = project_for_child(project, tmp_path / "k")
    save_project(child, tmp_path / "child.json")  # crashed with UnicodeEncodeError
    assert load_project(tmp_path / "child.json").data.source == child.data.source
    (tmp_path / "child.json").read_bytes().decode("utf-8")


# ------------------------------------------------------------------------------------ checkpoints


def _damage_weights(checkpoint_path: Path) -> None:
    """Weights that no longer fit the checkpoint's own network: a filter's shape changed."""
    checkpoint = load_checkpoint(checkpoint_path)
    for state in (checkpoint.model_state, checkpoint.best_model_state):
        if state is not None:
            name = next(iter(state))
            state[name] = torch.zeros(*state[name].shape[:-1], state[name].shape[-1] + 1)
    save_checkpoint(checkpoint, checkpoint_path)


def test_a_checkpoint_that_does_not_fit_its_network_is_not_bundled(project, tmp_path):
    _damage_weights(project.parent / "p_runs" / "run-1" / "best.pt")
    with pytest.raises(PlaygroundError, match="do not fit the network it describes"):
        make_bundle(project, tmp_path / "out.cnnpg")
    assert not (tmp_path / "out.cnnpg").exists()


def test_a_bundle_whose_checkpoint_does_not_fit_is_refused_when_opened(project, tmp_path, monkeypatch):
    from playground.ml.files import bundle as bundles

    good = make_bundle(project, tmp_path / "good.cnnpg")
    _damage_weights(project.parent / "p_runs" / "run-1" / "best.pt")
    monkeypatch.setattr(bundles, "check_bundle_checkpoint", lambda path, shown_as=None: None)  # a forger's app
    make_bundle(project, tmp_path / "bad.cnnpg")
    monkeypatch.undo()
    open_bundle(good, tmp_path / "good")
    with pytest.raises(PlaygroundError, match="do not fit the network it describes"):
        open_bundle(tmp_path / "bad.cnnpg", tmp_path / "bad")
    assert not (tmp_path / "bad").exists()
    with pytest.raises(PlaygroundError, match="do not fit the network it describes"):
        open_bundle_model(tmp_path / "bad.cnnpg", tmp_path / "bad-model")


def test_predicting_from_a_bundle_unpacks_only_its_model(project, tmp_path):
    bundle = make_bundle(project, tmp_path / "p.cnnpg")
    with zipfile.ZipFile(bundle) as archive:
        assert len(archive.namelist()) > 10  # images, runs list, checkpoints
    model = open_bundle_model(bundle, tmp_path / "model")
    assert [p for p in (tmp_path / "model").rglob("*") if p.is_file()] == [model]
    assert model.name == "best.pt" and load_checkpoint(model).class_names == ("green", "red")


def test_a_manifest_is_never_read_past_its_member(project, tmp_path):
    bundle = make_bundle(project, tmp_path / "p.cnnpg")
    with zipfile.ZipFile(bundle) as archive:
        data = {info.filename: archive.read(info) for info in archive.infolist()}
    data["project.json"] = data["project.json"].replace(b'"tiny"', b'"tinY"')  # same size, another hash
    with zipfile.ZipFile(tmp_path / "changed.cnnpg", "w") as archive:
        for name, body in data.items():
            archive.writestr(name, body)
    with pytest.raises(PlaygroundError, match="differs from its manifest"):
        open_bundle_model(tmp_path / "changed.cnnpg", tmp_path / "m")
    assert not (tmp_path / "m").exists()
