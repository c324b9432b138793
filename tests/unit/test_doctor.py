"""`cnn-playground doctor`: one line per check, exit status non-zero only when something the
lessons need is missing."""

from __future__ import annotations

import dataclasses

import pytest

from playground.cli import main
from playground.kit import doctor


def test_a_data_folder_that_cannot_be_written_is_missing_and_fails_the_check(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    checks = doctor.run_checks(blocker / "config", lambda: "Noto Sans CJK KR")
    needed = [check for check in checks if check.level == doctor.NEEDED]
    assert len(needed) == 1 and "cannot be written" in needed[0].text
    assert doctor.exit_status(checks) == 1
    assert "not ready: 1 thing(s)" in doctor.verdict(checks).text


def test_no_hangul_font_is_a_warning_with_what_to_do(tmp_path):
    checks = doctor.run_checks(tmp_path / "config", lambda: None)
    font = next(check for check in checks if "Hangul" in check.text or "Korean" in check.text)
    assert font.level == doctor.WARNING and "fonts-noto-cjk" in font.text
    assert doctor.exit_status(checks) == 0  # the lessons run; the Korean screen would not read well

    def broken():
        raise RuntimeError("could not load the Qt platform plugin")

    font = next(c for c in doctor.run_checks(tmp_path / "config", broken) if "Korean font" in c.text)
    assert font.level == doctor.WARNING and "Qt platform plugin" in font.text


def test_a_missing_package_dataset_the_lessons_need_fails_the_check(tmp_path, monkeypatch):
    from playground.ml.data import builtin

    absent = dataclasses.replace(builtin.BUILTIN_DATASETS["digits"], is_installed=lambda: False)
    monkeypatch.setitem(builtin.BUILTIN_DATASETS, "digits", absent)
    checks = doctor.run_checks(tmp_path / "config", lambda: "Noto Sans CJK KR")
    digits = next(check for check in checks if "builtin:digits" in check.text)
    assert digits.level == doctor.NEEDED and "scikit-learn" in digits.text
    assert doctor.exit_status(checks) == 1


def test_the_command_prints_each_check_and_exits_zero_when_ready(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CNN_PLAYGROUND_CONFIG_DIR", str(tmp_path / "config"))
    assert main(["doctor", "--language", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("checking this computer")
    assert any(line.strip().startswith("OK") and "Python 3." in line for line in out)
    assert any("data folder" in line and str(tmp_path / "config") in line for line in out)
    assert out[-1].startswith("ready for the lessons")


def test_the_command_speaks_korean(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CNN_PLAYGROUND_CONFIG_DIR", str(tmp_path / "config"))
    main(["doctor", "--language", "ko"])
    out = capsys.readouterr().out
    assert "이 컴퓨터 점검" in out and "데이터 폴더" in out and "수업 준비" in out
    assert "checking this computer" not in out and "writable" not in out


@pytest.mark.parametrize("blocked", ["config"])
def test_the_command_exits_non_zero_when_the_data_folder_cannot_be_written(tmp_path, monkeypatch, capsys, blocked):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("CNN_PLAYGROUND_CONFIG_DIR", str(tmp_path / "file" / blocked))
    assert main(["doctor", "--language", "en"]) == 1
    assert "not ready" in capsys.readouterr().out
