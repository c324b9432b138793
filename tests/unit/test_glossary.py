"""The Korean texts keep to the repository's glossary (docs/glossary-ko.md): the lessons, the teacher's guide,
and every Korean translation of the interface and of the exercises."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from playground.lessons.content import lessons, teachers_guide
from playground.resources import resource_path

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary-ko.md"
PARTICLES = "을|를|이|가|은|는|도|에|의|로|으로|와|과|에서|까지|부터|만|처럼|보다"


def _table() -> list[dict[str, str]]:
    rows = [line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in row.strip("|").split("|")), strict=True)) for row in rows[1:]]


def _listed(cell: str) -> list[str]:
    return [word.strip() for word in cell.split(" / ") if word.strip()]


def _korean_texts() -> dict[str, str]:
    """Every Korean text a learner reads, by where it comes from."""
    texts = {f"lesson {lesson.id}": lesson.markdown for lesson in lessons("ko")}
    texts["teacher's guide"] = teachers_guide("ko")
    ts = ET.parse(resource_path("translations") / "cnn_playground_ko.ts").getroot()
    for context in ts.iter("context"):
        for message in context.iter("message"):
            translation = message.findtext("translation") or ""
            texts[f"{context.findtext('name')}: {message.findtext('source')!r}"] = translation
    return texts


def test_the_glossary_has_the_courses_terms_and_says_what_to_avoid():
    table = _table()
    korean = {row["English"]: row["Korean"] for row in table}
    assert korean["lesson"] == "수업" and korean["flatten"].startswith("평면화")
    assert "합성곱 기반층" in korean["convolutional base / head"]
    assert sum(bool(row["Avoid"]) for row in table) >= 15


@pytest.mark.parametrize("row", _table(), ids=lambda row: row["English"])
def test_no_korean_text_uses_a_word_the_glossary_says_to_avoid(row):
    exceptions = _listed(row["Except in"])
    found = []
    for where, text in _korean_texts().items():
        for allowed in exceptions:
            text = text.replace(allowed, "")
        found += [(where, word) for word in _listed(row["Avoid"]) if word in text]
    assert not found, found


def test_flatten_is_named_in_korean_wherever_it_appears():
    for where, text in _korean_texts().items():
        rest = re.sub(r"평면화\s?\((평탄화, )?Flatten\)|평면화\(평탄화, Flatten\)", "", text)
        assert "Flatten" not in rest, where


def test_no_particle_is_cut_off_from_its_word_by_a_space():
    """ "**72.7%** 에", "`lab conv` 도": a particle belongs to the word before it (bold that ends in punctuation
    takes the particle inside it, as "**72.7%에**")."""
    pattern = re.compile(rf"(\*\*|`) ({PARTICLES})(?=[\s.,)]|$)")
    found = [(where, match.group(0)) for where, text in _korean_texts().items() for match in pattern.finditer(text)]
    assert not found, found


def test_no_bold_text_loses_its_bold_to_the_particle_after_it():
    """Markdown does not close "**…)**" when a letter follows at once ("**기반층(베이스)**과" shows the stars):
    the particle goes after the brackets, outside the bold ("**기반층**(베이스)과")."""
    broken = []
    for where, text in _korean_texts().items():
        for match in re.finditer(r"\*\*([^*\n]+?)\*\*", text):
            after = text[match.end() : match.end() + 1]
            if re.match(r"[가-힣]", after) and unicodedata.category(match.group(1)[-1])[0] in "PSZ":
                broken.append((where, match.group(0)))
    assert not broken, broken


def test_feature_and_activation_map_are_both_named_where_the_course_first_names_them():
    korean = {lesson.id: lesson.markdown.replace("**", "") for lesson in lessons("ko")}
    for lesson_id in ("what-is-a-cnn", "channels-filters-stride"):
        assert "특징 맵(feature map)" in korean[lesson_id] and "활성화 맵(activation map)" in korean[lesson_id]
    assert "합성곱 기반층(베이스)" in korean["pretrained-networks"] and "분류기(헤드)" in korean["pretrained-networks"]
    for lesson_id in ("why-not-fully-connected", "cnn-pipeline"):
        assert "평면화(평탄화, Flatten)" in korean[lesson_id]
