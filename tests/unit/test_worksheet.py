"""Worksheets: a lesson's exercises with numbers fixed by the seed, as an A4 PDF in the system's language
with its fonts embedded, from the command line and the Learn page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from playground.cli import main
from playground.lessons.exercises import exercise_count
from playground.lessons.worksheet import lesson_keys, make_worksheet


def test_the_same_seed_gives_the_same_sheet_and_another_seed_another():
    first, again, other = make_worksheet("padding", 7), make_worksheet("padding", 7), make_worksheet("padding", 8)
    assert [e.question for e in first.exercises] == [e.question for e in again.exercises]
    assert [e.question for e in first.exercises] != [e.question for e in other.exercises]
    assert len(first.exercises) == 2 * exercise_count("padding")
    assert [e.slot for e in first.exercises] == [0, 1, 2, 3, 0, 1, 2, 3]


def test_the_sheet_does_not_depend_on_the_process():
    """String seeding, not hash(): a sheet printed tomorrow on another machine has the same numbers."""
    code = "from playground.lessons.worksheet import make_worksheet; print(make_worksheet('pooling', 3).exercises)"
    env = {"PYTHONPATH": os.environ.get("PYTHONPATH", ""), "PATH": os.environ.get("PATH", "")}
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env | {"PYTHONHASHSEED": seed}
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1 and "Exercise(" in runs.pop()


def test_list_prints_the_lesson_keys_one_a_line(capsys):
    assert main(["worksheet", "--list"]) == 0
    assert capsys.readouterr().out.split() == lesson_keys()
    assert lesson_keys()[0] == "what-is-a-cnn" and len(lesson_keys()) == 10


def test_a_wrong_lesson_or_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["worksheet", "convolution", "--out", str(tmp_path / "a.pdf")]) == 2
    assert "no lesson 'convolution' has exercises: use one of what-is-a-cnn" in capsys.readouterr().err
    assert main(["worksheet", "padding", "--out", str(tmp_path / "a.txt")]) == 2
    assert main(["worksheet", "padding", "--seed", "-1", "--out", str(tmp_path / "a.pdf")]) == 2
    assert list(tmp_path.iterdir()) == []


def _pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_worksheet_and_its_answer_key_as_pdf(tmp_path, capsys, qapp):
    sheet, key = tmp_path / "sheet.pdf", tmp_path / "key.pdf"
    assert main(["worksheet", "padding", "--seed", "7", "--out", str(sheet)]) == 0
    assert main(["worksheet", "padding", "--seed", "7", "--out", str(key), "--answers"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert sheet.read_bytes().startswith(b"%PDF") and b"/MediaBox [0 0 595" in sheet.read_bytes()  # A4
    text, answers = _pdf_text(sheet), _pdf_text(key)
    exercises = make_worksheet("padding", 7).exercises
    assert "Worksheet: Padding" in text and "Name:" in text and "Answer key: Padding" in answers
    first = " ".join(str(exercises[0].question).split()[:6])
    assert first in " ".join(text.split()) and first in " ".join(answers.split())
    assert f"Answer: {exercises[0].answer}" in answers and f"Answer: {exercises[0].answer}" not in text
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".worksheet-")]  # no temporary file left


def test_under_a_korean_locale_the_sheet_is_korean_with_its_font_embedded(tmp_path, monkeypatch, qapp):
    from playground.gui.app.translation import install_translators

    monkeypatch.setenv("CNN_PLAYGROUND_LANGUAGE", "ko")
    sheet = tmp_path / "ko.pdf"
    try:
        assert main(["worksheet", "pooling", "--seed", "3", "--out", str(sheet), "--answers"]) == 0
    finally:
        install_translators("en")
    text = _pdf_text(sheet)
    assert "정답지: 풀링" in text and "최대 풀링" in text and "Answer" not in text
    fonts = subprocess.run(["pdffonts", str(sheet)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line or "Gothic" in line or "Nanum" in line]
    assert cjk and all(" yes " in line for line in cjk[:1]), fonts  # the Hangul font travels in the file
