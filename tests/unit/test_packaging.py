"""The package ships its resources both ways, and the import rules of the house hold."""

import subprocess
import sys
import zipfile
from pathlib import Path

from playground.resources import example_projects, resource_path

from .helpers import REPO


def test_examples_are_found_from_this_install():
    examples = example_projects()
    assert {"lenet5-digits", "vgg-style-shapes", "dense-only-shapes"} <= set(examples)
    assert all(path.is_file() for path in examples.values())
    assert resource_path("examples").is_dir()


def test_examples_are_found_from_a_built_wheel(tmp_path):
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("cnn_playground-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "playground/resources/examples/lenet5-digits.json" in names
        archive.extractall(tmp_path / "site")
    # -S: no site-packages, so only the unpacked wheel can provide `playground`.
    probe = (
        "import playground, playground.resources as r; print(playground.__file__); print(sorted(r.example_projects()))"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site")},
    )
    assert result.returncode == 0, result.stderr
    location, examples = result.stdout.splitlines()
    assert Path(location).is_relative_to(tmp_path / "site")
    assert "lenet5-digits" in examples


def test_import_contracts_hold():
    """gui -> ml -> spec; spec and lessons never import torch or Qt; ml never imports Qt."""
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
