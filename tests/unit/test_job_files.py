"""`check-job` checks every file the job has (issue 21): its own train.sh and README.txt as well as
the images and the project, so an edited launch script is refused before it runs its extra line."""

import json
import os
import subprocess
import sys

import pytest

from playground.cli import main
from playground.spec.project import save_project

from .helpers import tiny_project, write_class_folder


@pytest.fixture
def job(tmp_path, capsys):
    write_class_folder(tmp_path / "photos", {"red": 2, "green": 2}, size=8)
    save_project(tiny_project(source="photos"), tmp_path / "p.json")
    assert main(["export-job", str(tmp_path / "p.json"), str(tmp_path / "job")]) == 0
    assert main(["check-job", str(tmp_path / "job")]) == 0
    assert "7 files present and unchanged" in capsys.readouterr().out  # 4 images, the project, 2 scripts
    return tmp_path / "job"


@pytest.mark.parametrize("name", ["train.sh", "README.txt", "project.json", "data/red/red_0.png"])
@pytest.mark.parametrize("how", ["appended", "same size"])
def test_every_file_the_job_wrote_is_checked(job, capsys, name, how):
    path = job / name
    body = path.read_bytes()
    path.write_bytes(body + b"\ntouch /tmp/pwned\n" if how == "appended" else body[:-1] + bytes([body[-1] ^ 1]))
    assert main(["check-job", str(job)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and f"{name} differs from the original" in err and err.count("\n") == 1


@pytest.mark.parametrize("name", ["train.sh", "README.txt"])
def test_a_missing_script_is_named(job, capsys, name):
    (job / name).unlink()
    assert main(["check-job", str(job)]) == 2
    assert f"{name} is missing" in capsys.readouterr().err


@pytest.mark.parametrize(
    "mangle",
    [
        lambda m: m.pop("scripts"),
        lambda m: m["scripts"].pop(),
        lambda m: m["scripts"][0].update(path="notes.txt"),
        lambda m: m["scripts"].append(dict(m["scripts"][0])),
        lambda m: m["scripts"][1].update(sha256="0" * 63),
    ],
)
def test_a_manifest_that_does_not_list_both_scripts_is_refused(job, capsys, mangle):
    manifest = json.loads((job / "manifest.json").read_text())
    mangle(manifest)
    (job / "manifest.json").write_text(json.dumps(manifest))
    assert main(["check-job", str(job)]) == 2
    assert "its scripts is not what export-job writes" in capsys.readouterr().err


def test_an_edited_train_sh_does_not_run_its_extra_line(job, tmp_path):
    marker = tmp_path / "ran"
    script = (job / "train.sh").read_text()
    # The extra line after the check: `set -e` stops the script when check-job refuses.
    launch = "exec $PYTHON -P -m torch.distributed.run --standalone"
    (job / "train.sh").write_text(script.replace(launch, f"touch {marker}\n{launch}"))
    environment = {"PYTHON": sys.executable, "NPROC": "1", "PATH": "/usr/bin:/bin"}
    environment["PYTHONPATH"] = os.environ.get("PYTHONPATH", "")
    ran = subprocess.run(["sh", str(job / "train.sh")], env=environment, capture_output=True, text=True, timeout=120)
    assert ran.returncode != 0 and "train.sh differs from the original" in ran.stderr
    assert not marker.exists()
