"""Every file the app writes reads back (issue 21): projects, runs lists, bundles, job manifests,
image caches, checkpoints and lesson progress, written at and past each limit their readers
enforce. At a limit: written, and read back equal. Past it: refused by the writer with one clear
message, and nothing is left that the reader would refuse."""

import json
import os

import pytest
import torch

from playground.lessons.progress import Progress
from playground.ml.data import image_cache
from playground.ml.files import bundle as bundles
from playground.ml.files import job
from playground.ml.files.bundle import make_bundle, open_bundle
from playground.ml.files.checkpoints import load_checkpoint, save_checkpoint
from playground.spec import project as projects
from playground.spec import saved_runs
from playground.spec.errors import CheckpointError, PlaygroundError
from playground.spec.project import load_project, save_project
from playground.spec.saved_runs import (
    SavedRun,
    SavedRuns,
    attach_run,
    check_can_attach,
    read_saved_runs,
    runs_folder,
    write_saved_runs,
)

from .helpers import tiny_project, write_class_folder

NAMES = [
    "plain",
    "한국어 이름",
    "line\nbreak\u2028and\u0085more",
    "escape\x1b]0;title\x07",
    "not utf-8 \udcb0\udced",
    "x" * 10_000,
    "",
]


# ------------------------------------------------------------------------------------ projects


@pytest.mark.parametrize("name", NAMES)
def test_a_project_reads_back_as_written(tmp_path, name):
    project = tiny_project(source=f"photos/{name[:50]}").replace(name=name)
    save_project(project, tmp_path / "p.json")
    assert load_project(tmp_path / "p.json") == project
    (tmp_path / "p.json").read_bytes().decode("utf-8")


@pytest.mark.parametrize("over", [False, True])
def test_a_project_at_and_past_the_size_limit(tmp_path, monkeypatch, over):
    monkeypatch.setattr(projects, "MAX_FILE_BYTES", 4096)
    base = len(tiny_project().replace(name="").to_json().encode())
    project = tiny_project().replace(name="n" * (4096 - base + over))
    if over:
        with pytest.raises(PlaygroundError, match="larger than"):
            save_project(project, tmp_path / "p.json")
        assert not (tmp_path / "p.json").exists()
    else:
        save_project(project, tmp_path / "p.json")
        assert load_project(tmp_path / "p.json") == project


# ------------------------------------------------------------------------------------ runs lists


def _run(number: int, **changes) -> SavedRun:
    values = {"history": ({"epoch": 1, "train_loss": 0.5},), "outcome": "completed", **changes}
    return SavedRun(number, tiny_project(), values["history"], values["outcome"])


@pytest.mark.parametrize(
    "run, refused",
    [
        (_run(saved_runs.MAX_RUN_NUMBER), False),
        (_run(saved_runs.MAX_RUN_NUMBER + 1), True),
        (_run(1, history=({"epoch": saved_runs.MAX_EPOCH},)), False),
        (_run(1, history=({"epoch": saved_runs.MAX_EPOCH + 1},)), True),
        (_run(1, outcome="o" * 100), False),
        (_run(1, outcome="o" * 101), True),
        (_run(1, history=({"epoch": 1, "note": "line\u2028\udcb0"},)), False),
    ],
)
def test_a_runs_list_reads_back_or_is_not_written(tmp_path, run, refused):
    project = tmp_path / "p.json"
    save_project(tiny_project(), project)
    saved = SavedRuns((run,), run.number)
    if refused:
        with pytest.raises(PlaygroundError, match="was left as it was: with this run it could not be read back"):
            write_saved_runs(project, saved, {})
        assert not (runs_folder(project) / "runs.json").exists()
    else:
        write_saved_runs(project, saved, {})
        back = read_saved_runs(project)
        assert [(r.number, r.history, r.outcome) for r in back.runs] == [(run.number, run.history, run.outcome)]


def test_the_number_of_runs_at_and_past_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(saved_runs, "MAX_RUNS", 3)
    project = tmp_path / "p.json"
    save_project(tiny_project(), project)
    write_saved_runs(project, SavedRuns(tuple(_run(n) for n in (1, 2, 3)), 3), {})
    assert len(read_saved_runs(project).runs) == 3
    with pytest.raises(PlaygroundError, match="already lists 3 runs"):
        check_can_attach(project)
    with pytest.raises(PlaygroundError, match="already lists 3 runs"):
        attach_run(project, _run(0), tmp_path)
    assert len(read_saved_runs(project).runs) == 3


def test_attaching_past_the_largest_run_number_takes_a_free_one(tmp_path):
    project = tmp_path / "p.json"
    save_project(tiny_project(), project)
    write_saved_runs(project, SavedRuns((_run(1), _run(saved_runs.MAX_RUN_NUMBER)), 1), {})
    (tmp_path / "out").mkdir()
    assert attach_run(project, _run(0), tmp_path / "out").number == 2
    assert [r.number for r in read_saved_runs(project).runs] == [1, saved_runs.MAX_RUN_NUMBER, 2]


def test_a_damaged_runs_list_is_reported_before_training(tmp_path, capsys):
    from playground.cli import main

    project = tmp_path / "p.json"
    save_project(tiny_project(epochs=1), project)
    runs_folder(project).mkdir()
    (runs_folder(project) / "runs.json").write_text('{"format": "cnn-playground-runs/1", "runs": 7}')
    assert main(["train", str(project), "--out", str(tmp_path / "run")]) == 2
    captured = capsys.readouterr()
    assert "runs.json is not CNN Playground's list of runs" in captured.err and "epoch" not in captured.out
    assert not (tmp_path / "run" / "last.pt").exists()


# ------------------------------------------------------------------------------------ checkpoints


def test_a_checkpoint_that_would_not_read_back_is_not_written(tmp_path):
    from .test_robustness import _checkpoint

    good = _checkpoint()
    save_checkpoint(good, tmp_path / "c.pt")
    assert load_checkpoint(tmp_path / "c.pt").class_names == good.class_names
    name = next(iter(good.model_state))
    good.model_state[name] = torch.full_like(good.model_state[name], float("nan"))
    with pytest.raises(CheckpointError, match="NaN"):
        save_checkpoint(good, tmp_path / "nan.pt")
    assert not (tmp_path / "nan.pt").exists()


# ------------------------------------------------------------------------------------ bundles


@pytest.fixture
def photos_project(tmp_path):
    write_class_folder(tmp_path / "photos", {"red": 3, "green": 3}, size=8)
    save_project(tiny_project(source="photos"), tmp_path / "p.json")
    return tmp_path / "p.json"


@pytest.mark.parametrize("name", ["back\\slash.png", "co:lon.png", "new\nline.png", "n" * 1100 + ".png"])
def test_a_file_a_bundle_would_refuse_is_refused_when_packing(photos_project, tmp_path, name):
    target = tmp_path / "photos" / "red"
    if len(name) > 255:  # longer than a file name may be: a deep folder makes the long member name
        deep = target
        for _ in range(6):
            deep = deep / ("d" * 200)
        deep.mkdir(parents=True)
        (deep / "x.png").write_bytes((target / "red_0.png").read_bytes())
    else:
        (target / name).write_bytes((target / "red_0.png").read_bytes())
    with pytest.raises(PlaygroundError, match="cannot go into a bundle"):
        make_bundle(photos_project, tmp_path / "b.cnnpg")
    assert not (tmp_path / "b.cnnpg").exists()


@pytest.mark.parametrize(
    "limit, over",
    [
        ("MAX_FILES", False),
        ("MAX_FILES", True),
        ("MAX_FILE_BYTES", False),
        ("MAX_FILE_BYTES", True),
        ("MAX_TOTAL_BYTES", False),
        ("MAX_TOTAL_BYTES", True),
    ],
)
def test_bundles_at_and_past_each_limit(photos_project, tmp_path, monkeypatch, limit, over):
    bundle = make_bundle(photos_project, tmp_path / "measure.cnnpg")
    import zipfile

    with zipfile.ZipFile(bundle) as archive:
        infos = archive.infolist()
    members = [i.file_size for i in infos if i.filename != "manifest.json"]
    total = sum(i.file_size for i in infos)
    value = {"MAX_FILES": len(infos), "MAX_FILE_BYTES": max(members), "MAX_TOTAL_BYTES": total}[limit]
    monkeypatch.setattr(bundles, limit, value - over)
    if over:
        with pytest.raises(PlaygroundError, match="more than the"):
            make_bundle(photos_project, tmp_path / "b.cnnpg")
        assert not (tmp_path / "b.cnnpg").exists()
    else:
        make_bundle(photos_project, tmp_path / "b.cnnpg")
        assert load_project(open_bundle(tmp_path / "b.cnnpg", tmp_path / "opened")).name == "tiny"


# ------------------------------------------------------------------------------------ job manifests


@pytest.mark.parametrize("over", [False, True])
def test_a_job_manifest_at_and_past_its_limit(photos_project, tmp_path, monkeypatch, over):
    from playground.cli import main

    job.export_training_job(load_project(photos_project), tmp_path, tmp_path / "measure")
    size = (tmp_path / "measure" / "manifest.json").stat().st_size
    monkeypatch.setattr(job, "MAX_MANIFEST_BYTES", size - over)
    if over:
        with pytest.raises(PlaygroundError, match="larger than the"):
            job.export_training_job(load_project(photos_project), tmp_path, tmp_path / "job")
        assert not (tmp_path / "job").exists()
    else:
        job.export_training_job(load_project(photos_project), tmp_path, tmp_path / "job")
        assert main(["check-job", str(tmp_path / "job")]) == 0


# ------------------------------------------------------------------------------------ caches and progress


@pytest.mark.parametrize("over", [False, True])
def test_an_image_cache_at_and_past_its_header_limit(tmp_path, monkeypatch, over):
    monkeypatch.setenv(image_cache.CACHE_ENV, str(tmp_path / "cache"))
    source = image_cache.source_of(["builtin", "x"], [], 2, count=3)
    extra = {"note": "n" * 1000}
    header = len(json.dumps(extra)) + len(source.made_from)
    monkeypatch.setattr(image_cache, "MAX_METADATA_BYTES", header - over)
    images, labels = torch.zeros(3, 1, 2, 2, dtype=torch.uint8), torch.tensor([0, 1, 1])
    image_cache.store(source, images, labels, extra)
    cached = image_cache.load(source, (1, 2, 2))
    if over:
        assert cached is None and not list((tmp_path / "cache").glob(f"*{image_cache.SUFFIX}"))
    else:
        assert torch.equal(cached.images, images) and cached.labels.tolist() == [0, 1, 1] and cached.extra == extra


def test_lesson_progress_reads_back(tmp_path):
    progress = Progress(tmp_path / "progress.json")
    for slot in range(50):
        assert progress.record("conv-basics", slot, slot % 2 == 0)
    back = Progress(tmp_path / "progress.json")
    assert back.of("conv-basics").solved == set(range(0, 50, 2)) and back.of("conv-basics").tries == 50
    assert os.path.getsize(tmp_path / "progress.json") > 0
