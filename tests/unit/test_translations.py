"""The Korean translation is complete: every interface string of the code is in the .ts file with a
Korean translation keeping its placeholders, and the .qm the app loads is compiled from it."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from unit.helpers import REPO

TS = REPO / "playground" / "resources" / "translations" / "cnn_playground_ko.ts"
PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*(?::[^}]*)?\}")
ACCELERATOR = re.compile(r"&(?!amp;)[A-Za-z]")


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


def _messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message.findtext("source"), message.find("translation")


def test_every_string_has_a_korean_translation_keeping_its_placeholders():
    problems = []
    for context, source, translation in _messages(TS):
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
        elif len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r}: keyboard accelerators differ")
    assert not problems, "\n".join(problems)


def test_every_interface_string_of_the_code_is_in_the_translation(tmp_path):
    """lupdate on a copy: a tr() string that the .ts does not have yet comes in unfinished."""
    copy = tmp_path / "ko.ts"
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (REPO / "playground" / "gui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    missing = [f"{c}: {s!r}" for c, s, t in _messages(copy) if t.get("type") == "unfinished"]
    assert not missing, "run python tools/update_translations.py and translate:\n" + "\n".join(missing)


def test_the_app_loads_a_qm_compiled_from_the_ts(tmp_path):
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(tmp_path / "ko.qm")], check=True, capture_output=True
    )
    shipped = TS.with_suffix(".qm")
    assert shipped.read_bytes() == (tmp_path / "ko.qm").read_bytes(), "run python tools/update_translations.py"


@pytest.mark.parametrize(
    "term", ["합성곱", "풀링", "필터", "스트라이드", "패딩", "특징 맵", "에포크", "학습률", "정확도"]
)
def test_the_course_terms_are_used(term):
    assert any(term in (t.text or "") for _, _, t in _messages(TS)), term
