"""The teacher's guide: one text (the app's resource) with its copies in docs/ identical, nine
chapters naming every lesson, the weights files the app looks for, and the slide's misprint as the
lab computes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from playground.lessons import lab
from playground.lessons.content import LANGUAGES, lessons, teachers_guide
from playground.spec.backbones import BACKBONES

DOCS = Path(__file__).resolve().parents[2] / "docs"
COPIES = {"en": DOCS / "teachers-guide.md", "ko": DOCS / "teachers-guide.ko.md"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_docs_copy_is_the_guide_the_learn_page_shows(language):
    assert COPIES[language].read_text(encoding="utf-8") == teachers_guide(language), (
        "run python tools/write_teachers_guide.py"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_nine_chapters_name_every_lesson_by_its_number_and_title(language):
    guide = teachers_guide(language)
    assert len(re.findall(r"^### [1-9]\. ", guide, re.MULTILINE)) == 9
    for number, lesson in enumerate(lessons(language), start=1):
        assert f'{number} "{lesson.title}"' in guide, lesson.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pretrained_networks_file_is_named_as_the_app_looks_for_it(language):
    pytest.importorskip("torchvision")
    from playground.ml.network.pretrained import app_weights_dir, where_to_get

    guide = teachers_guide(language)
    for key, backbone in BACKBONES.items():
        if backbone.source == "torchvision":  # timm's (imported in tens of seconds) are named in the table too
            assert where_to_get(key).rsplit("/", 1)[-1] in guide, key
    assert "xception-43020ad28.pth" in guide and "inception_resnet_v2.tf_in1k" in guide
    assert "Import weights…" in teachers_guide("en") and "가중치 가져오기…" in teachers_guide("ko")
    assert str(app_weights_dir()).endswith("cnn-playground/weights") and "cnn-playground/weights" in guide


def test_the_misprint_the_guide_names_is_what_the_lab_computes():
    inputs = [[[5 * r + c + 1 for c in range(5)] for r in range(5)]]
    output = lab.convolve(inputs, [[[1, 0], [0, 1]]], 1, "valid").output
    assert output[0][1] == 10 and 19 not in output[0]
    for language in LANGUAGES:
        assert "19 → 10" in teachers_guide(language) and "2·1 + 3·0 + 7·0 + 8·1 = **10**" in teachers_guide(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overfitting_numbers_are_the_lessons(language):
    (lesson,) = [lesson for lesson in lessons(language) if lesson.id == "overfitting-and-augmentation"]
    for measured in ("99.9%", "54.1%", "53.1%", "54.6%", "72.7%"):
        assert measured in teachers_guide(language) and measured in lesson.markdown, measured


def test_the_guide_and_the_pipeline_lesson_name_the_walkthrough_tab_as_the_learn_page_shows_it():
    from tests.unit.test_lessons import _korean_interface_text

    korean_tab = _korean_interface_text("LearnPage", "Digit walk-through")
    pipeline = {language: next(lesson for lesson in lessons(language) if lesson.id == "cnn-pipeline")
                for language in LANGUAGES}  # fmt: skip
    assert "Digit walk-through" in pipeline["en"].markdown and "Digit walk-through" in teachers_guide("en")
    assert f"{korean_tab} 탭" in pipeline["ko"].markdown and f"배우기 → {korean_tab}" in teachers_guide("ko")
