"""The classroom kit: its manifest check (the install refuses a damaged copy, naming each file),
the install script's first step, dependency markers read for the target, the size report and the
install's last step (weights, datasets, launcher). The real offline install is
tests/offline_kit_check.sh."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from playground.kit import manifest
from playground.kit.build import write_scripts
from playground.kit.layout import CHECK_SCRIPT, KIT_INFO
from playground.kit.report import TargetSizes, part_of_wheel, report_lines
from playground.kit.targets import Target, targets_of
from playground.spec.errors import PlaygroundError

PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def small_kit(folder: Path) -> Path:
    (folder / "wheels").mkdir(parents=True)
    (folder / "wheels" / "a-1.0-py3-none-any.whl").write_bytes(b"A" * 5000)
    (folder / "wheels" / "b-2.0-py3-none-any.whl").write_bytes(b"B" * 3000)
    (folder / "datasets" / "fashion-mnist").mkdir(parents=True)
    (folder / "datasets" / "fashion-mnist" / "train-labels-idx1-ubyte.gz").write_bytes(b"L" * 100)
    (folder / "guide").mkdir()
    (folder / "guide" / "teachers guide.pdf").write_bytes(b"%PDF" * 10)  # a space in a name
    (folder / KIT_INFO).write_text(json.dumps({"targets": {}}), encoding="utf-8")
    write_scripts(folder, [PYTHON], None)
    manifest.write_manifest(folder)
    return folder


def test_a_whole_kit_passes_its_check(tmp_path, capsys):
    kit = small_kit(tmp_path / "kit")
    assert manifest.check_kit(kit) == []
    assert manifest.main([str(kit)]) == 0
    listed = manifest.read_manifest(kit)
    assert "guide/teachers guide.pdf" in listed and "install.sh" in listed and CHECK_SCRIPT in listed
    assert manifest.MANIFEST not in listed
    assert listed["wheels/a-1.0-py3-none-any.whl"].size == 5000


def test_the_check_names_each_missing_and_damaged_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    kit = small_kit(tmp_path / "kit")
    (kit / "wheels" / "a-1.0-py3-none-any.whl").unlink()  # missing
    damaged = kit / "wheels" / "b-2.0-py3-none-any.whl"
    damaged.write_bytes(b"B" * 2999 + b"X")  # same size, one byte changed: a USB stick's damage
    truncated = kit / "datasets" / "fashion-mnist" / "train-labels-idx1-ubyte.gz"
    truncated.write_bytes(b"L" * 40)  # a copy cut off
    problems = {problem.path: problem.kind for problem in manifest.check_kit(kit)}
    assert problems == {
        "wheels/a-1.0-py3-none-any.whl": "missing",
        "wheels/b-2.0-py3-none-any.whl": "damaged",
        "datasets/fashion-mnist/train-labels-idx1-ubyte.gz": "size",
    }
    assert manifest.main([str(kit)]) == 1
    err = capsys.readouterr().err
    assert "missing: wheels/a-1.0-py3-none-any.whl" in err
    assert "damaged: wheels/b-2.0-py3-none-any.whl" in err
    assert "damaged: datasets/fashion-mnist/train-labels-idx1-ubyte.gz (40 bytes instead of 100)" in err
    assert "3 of" in err and "nothing was installed" in err


def test_the_check_speaks_korean_under_a_korean_locale(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    kit = small_kit(tmp_path / "kit")
    (kit / "wheels" / "a-1.0-py3-none-any.whl").unlink()
    assert manifest.main([str(kit)]) == 1
    err = capsys.readouterr().err
    assert "없음: wheels/a-1.0-py3-none-any.whl" in err and "키트를 다시 복사하세요" in err


def test_a_rebuild_hashes_again_a_file_it_rewrote_with_the_same_size(tmp_path):
    """kit.json and the guide's PDFs are rewritten by every build, often at the same size."""
    import time

    kit = small_kit(tmp_path / "kit")
    time.sleep(0.01)
    (kit / KIT_INFO).write_text(json.dumps({"targets": []}), encoding="utf-8")  # same length, new content
    manifest.write_manifest(kit, manifest.read_manifest(kit))
    assert manifest.check_kit(kit) == []


def test_a_folder_without_manifest_or_with_a_damaged_one_is_refused(tmp_path, capsys):
    assert manifest.main([str(tmp_path)]) == 1
    kit = small_kit(tmp_path / "kit")
    (kit / manifest.MANIFEST).write_text("not a manifest line\n", encoding="utf-8")
    assert manifest.main([str(kit)]) == 1
    assert "manifest" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="install.sh is for Linux and macOS")
def test_install_sh_checks_the_kit_before_installing_anything(tmp_path):
    """The install script itself (not only the Python check): a damaged kit makes no venv."""
    kit = small_kit(tmp_path / "kit")
    (kit / "wheels" / "b-2.0-py3-none-any.whl").write_bytes(b"X" * 3000)
    target = tmp_path / "installed"
    environment = {**os.environ, "LC_ALL": "C", "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run(
        ["sh", str(kit / "install.sh"), str(target)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "damaged: wheels/b-2.0-py3-none-any.whl" in result.stderr
    assert not target.exists()


def test_install_scripts_install_from_the_kit_only_with_pip_configuration_ignored(tmp_path):
    kit = small_kit(tmp_path / "kit")
    shell = (kit / "install.sh").read_text(encoding="utf-8")
    batch = (kit / "install.bat").read_bytes().decode("utf-8")
    for script in (shell, batch):
        assert "--isolated --no-index --find-links" in script
        assert "@VERSION@" not in script and "@PYTHONS@" not in script
        assert "check_kit.py" in script
        assert script.index("check_kit.py") < script.index("-m venv")  # checked before anything is made
    assert "export PIP_CONFIG_FILE=/dev/null" in shell and "unset" in shell
    assert 'set "PIP_CONFIG_FILE=nul"' in batch  # os.devnull on Windows, which pip compares with
    assert "\r\n" in batch and "\n" not in batch.replace("\r\n", "")  # cmd.exe needs CRLF lines
    assert os.access(kit / "install.sh", os.X_OK)


def test_a_windows_target_does_not_read_linux_only_dependencies():
    from packaging.requirements import Requirement

    cuda = Requirement('nvidia-nccl-cu13==2.30.7; platform_system == "Linux" and platform_machine == "x86_64"')
    qt_311 = Requirement('PySide6-Essentials<6.12,>=6.7; python_version < "3.12"')
    assert cuda.marker.evaluate(Target("linux", "3.11").marker_environment())
    assert not cuda.marker.evaluate(Target("windows", "3.11").marker_environment())
    assert not cuda.marker.evaluate(Target("macos", "3.12").marker_environment())
    assert qt_311.marker.evaluate(Target("windows", "3.11").marker_environment())
    assert not qt_311.marker.evaluate(Target("windows", "3.12").marker_environment())
    assert "win_amd64" in Target("windows", "3.11").pip_options()
    assert "manylinux2014_x86_64" in Target("linux", "3.12").pip_options()


def test_resolution_asks_pip_for_each_level_with_the_targets_markers(monkeypatch):
    """pip alone would ask for torch's CUDA libraries on Windows; each round the kit reads the
    chosen wheels' requirements with the target's markers and asks again."""
    from playground.kit import resolve

    metadata = {
        "app": ["torch>=2.6", 'colorama; platform_system == "Windows"'],
        "torch": ['nvidia-cublas==13.1; platform_system == "Linux"', "filelock"],
        "colorama": [],
        "filelock": [],
        "nvidia-cublas": [],
    }
    asked = []

    def fake_dry_run(requirements, target, index_options):
        asked.append(requirements)
        names = ["app"] + [r.split("=")[0].split(">")[0].split("<")[0] for r in requirements[1:]]
        return [
            {
                "metadata": {"name": n, "version": "1", "requires_dist": metadata[n]},
                "download_info": {
                    "url": f"https://x/{n}-1-py3-none-any.whl",
                    "archive_info": {"hashes": {"sha256": "0" * 64}},
                },
            }
            for n in names
        ]

    monkeypatch.setattr(resolve, "dry_run", fake_dry_run)
    monkeypatch.setattr(resolve, "is_native", lambda target: False)  # as when building for another PC
    windows = {wheel.name for wheel in resolve.resolve(["app.whl"], Target("windows", "3.11"))}
    assert windows == {"app", "torch", "colorama", "filelock"}
    assert asked[1] == ["app.whl", "torch>=2.6", "colorama"]
    linux = {wheel.name for wheel in resolve.resolve(["app.whl"], Target("linux", "3.11"))}
    assert linux == {"app", "torch", "filelock", "nvidia-cublas"}


def test_targets_default_to_this_machine_and_refuse_unknown_names():
    (here,) = targets_of(None, None)
    assert here.python == PYTHON
    assert [t.name for t in targets_of(["windows"], ["3.11", "3.12"])] == [
        "windows-x86-64-py3.11",
        "windows-x86-64-py3.12",
    ]
    with pytest.raises(PlaygroundError, match="--platform"):
        targets_of(["solaris"], None)


def test_the_size_report_says_what_cuda_costs_on_linux_and_that_windows_gets_cpu_torch():
    assert part_of_wheel("nvidia_cudnn_cu13-9.24.0.43-py3-none-manylinux_2_27_x86_64.whl").startswith("CUDA")
    assert part_of_wheel("torch-2.14.1-cp311-cp311-win_amd64.whl") == "torch and torchvision"
    assert part_of_wheel("pyside6_essentials-6.11.3-cp310-abi3-win_amd64.whl") == "Qt (PySide6)"
    linux = TargetSizes(
        "linux-x86-64-py3.11",
        "linux",
        "3.11",
        {
            "torch-2.14.1-cp311-cp311-manylinux_2_28_x86_64.whl": 500 * 1024**2,
            "nvidia_cublas-13.1.1.3-py3-none-manylinux_2_27_x86_64.whl": 2 * 1024**3,
            "cnn_playground-0.1.0-py3-none-any.whl": 1024**2,
        },
    )
    windows = TargetSizes(
        "windows-x86-64-py3.11",
        "windows",
        "3.11",
        {
            "torch-2.14.1-cp311-cp311-win_amd64.whl": 200 * 1024**2,
            "cnn_playground-0.1.0-py3-none-any.whl": 1024**2,
        },
    )
    mac = TargetSizes("macos-arm64-py3.12", "macos", "3.12", {"torch-2.14.1-cp312-none-macosx_11_0_arm64.whl": None})
    text = "\n".join(
        report_lines(
            "Kit",
            [linux, windows, mac],
            {"pretrained weights": 44 * 1024**2},
            ["vgg16"],
            ["windows-x86-64-py3.11"],
            cpu_index_reachable=False,
        )
    )
    assert re.search(r"CUDA libraries \(nvidia-\*, triton\) +2.0 GB", text)
    assert "of which CUDA libraries 2.0 GB" in text
    assert "--cpu-only" in text and "cannot be reached" in text
    assert "CPU build" in text
    assert "pretrained weights" in text and "44.0 MB" in text
    assert "vgg16" in text
    assert "No Python in the kit for windows-x86-64-py3.11" in text
    assert "install python.org's Python 3.12 on each Mac" in text
    assert "macos-arm64-py3.12         1 wheels         ?" in text  # a size the server did not give


def test_finishing_an_install_puts_datasets_where_the_app_finds_them_and_makes_a_launcher(tmp_path, monkeypatch):
    from playground.kit.finish import finish
    from playground.ml.data import builtin

    if sys.platform != "linux":
        pytest.skip("the launcher checked here is the Linux .desktop entry")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setattr(builtin, "FASHION_DIRS", ())  # not Debian's package on this machine
    assert builtin.fashion_dir() is None
    kit = tmp_path / "kit"
    (kit / "datasets" / "fashion-mnist").mkdir(parents=True)
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"):
        (kit / "datasets" / "fashion-mnist" / name).write_bytes(b"idx")
    names = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz")
    info = {"weights": {}, "datasets": {"fashion-mnist": [f"datasets/fashion-mnist/{n}" for n in names]}}
    (kit / KIT_INFO).write_text(json.dumps(info), encoding="utf-8")
    said = []
    assert finish(kit, tmp_path / "venv", said.append) == 0
    assert (
        builtin.fashion_dir()
        == tmp_path / "home" / ".local" / "share" / "cnn-playground" / "datasets" / "fashion-mnist"
    )
    entry = tmp_path / "home" / ".local" / "share" / "applications" / "cnn-playground.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{(tmp_path / "venv").resolve() / "bin" / "cnn-playground-gui"}" %f' in text
    icon = Path(next(line for line in text.splitlines() if line.startswith("Icon="))[5:])
    assert icon.is_file() and icon.read_bytes().startswith(b"\x89PNG")
    assert "Terminal=false" in text


def test_a_weights_file_that_does_not_fit_is_left_out_of_the_kit(tmp_path, monkeypatch):
    """The kit takes weights as Import weights… does: a file that does not fit its network stays out."""
    import torch

    from playground.kit import contents
    from playground.ml.network import pretrained

    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))
    (tmp_path / "weights").mkdir()
    torch.save({"conv.weight": torch.zeros(3, 3)}, tmp_path / "weights" / "resnet18.pth")  # not ResNet18's
    weights = contents.collect_weights(tmp_path / "kit", {}, lambda line: None)
    assert "resnet18" in weights.refused and "resnet18" not in weights.found
    assert "vgg16" in weights.missing
    assert not (tmp_path / "kit" / "weights" / "resnet18.pth").exists()


def test_a_wheel_already_in_the_kit_is_kept_only_if_its_hash_is_the_indexs(tmp_path):
    """A rebuild downloads only what is missing or damaged (a connection that dropped half-way)."""
    from playground.kit.download import is_whole
    from playground.kit.resolve import Wheel

    wheels = tmp_path / "wheels"
    wheels.mkdir()
    path = wheels / "a-1.0-py3-none-any.whl"
    path.write_bytes(b"whole wheel")
    good = Wheel("a", "1.0", path.name, "https://x/" + path.name, manifest.sha256_of(path))
    assert is_whole(path, good, {})
    assert not is_whole(path, Wheel("a", "1.0", path.name, good.url, "0" * 64), {})
    assert not is_whole(wheels / "b-1.0-py3-none-any.whl", good, {})
    path.write_bytes(b"whole whee")  # cut off
    assert not is_whole(path, good, {})


def test_a_kit_is_never_built_into_a_folder_of_other_files(tmp_path):
    from playground.kit.build import KitOptions, build_kit

    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"not ours")
    with pytest.raises(PlaygroundError, match="holds other files"):
        build_kit(folder, KitOptions(targets=[Target("windows", "3.11")], say=lambda line: None))
    assert [p.name for p in folder.iterdir()] == ["cat.jpg"]
