"""The lessons: both languages, titles, a valid "Try it" each, and the numbers they teach."""

import re

import pytest

from playground.lessons import content, lab
from playground.spec.presets import PRESETS
from playground.spec.shapes import infer_shapes

COURSE = [
    "what-is-a-cnn",
    "channels-filters-stride",
    "why-not-fully-connected",
    "padding",
    "pooling",
    "conv-vs-dense",
    "cnn-pipeline",
    "where-cnns-are-used",
    "pretrained-networks",
    "overfitting-and-augmentation",
]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_course_is_there_in_both_languages(language):
    found = content.lessons(language)
    assert [lesson.id for lesson in found] == COURSE
    for lesson in found:
        assert lesson.title and 150 < len(lesson.markdown.split()) < 900, lesson.id
        heading = "## Try it" if language == "en" else "## 직접 해 보기"
        assert heading in lesson.markdown, lesson.id
        assert "http" not in lesson.markdown  # offline: no links out


def test_korean_lessons_are_korean_and_use_the_course_terms():
    korean = {lesson.id: lesson.markdown for lesson in content.lessons("ko")}
    for lesson_id, text in korean.items():
        hangul = len(re.findall(r"[가-힣]", text))
        assert hangul > 200, lesson_id
    assert "합성곱" in korean["what-is-a-cnn"] and "특징 맵" in korean["channels-filters-stride"]
    assert "패딩" in korean["padding"] and "최대 풀링" in korean["pooling"]
    assert "완전 연결층" in korean["why-not-fully-connected"]
    assert "특성 추출" in korean["pretrained-networks"] and "미세 조정" in korean["pretrained-networks"]
    assert "과대 적합" in korean["overfitting-and-augmentation"]
    assert "데이터 증식" in korean["overfitting-and-augmentation"]


def test_an_unknown_language_reads_english():
    assert content.lessons("fr")[0].title == content.lessons("en")[0].title


def test_the_worked_examples_in_the_lessons_are_what_the_lab_computes():
    english = {lesson.id: lesson.markdown for lesson in content.lessons("en")}
    ramp5 = [[r * 5 + c + 1 for c in range(5)] for r in range(5)]
    ramp4 = [[r * 4 + c + 1 for c in range(4)] for r in range(4)]
    diagonal = [[1, 0], [0, 1]]
    assert lab.convolve([ramp5], [diagonal]).output[0] == [8, 10, 12, 14]
    assert "8, 10, 12, 14" in english["channels-filters-stride"]
    assert lab.convolve([ramp4], [diagonal]).output == [[7, 9, 11], [15, 17, 19], [23, 25, 27]]
    assert "[[ 7,  9, 11]," in english["padding"] and " [23, 25, 27]]" in english["padding"]
    feature_map = lab.convolve([ramp5], [diagonal]).output
    assert lab.pool(feature_map, "max", 2, 2).output == [[20, 24], [40, 44]]
    assert "150,529,000" in english["why-not-fully-connected"]
    assert "2,416" in english["conv-vs-dense"] and "48,120" in english["conv-vs-dense"]


def test_the_lenet_numbers_in_the_first_lesson_match_the_builder():
    lenet = PRESETS["lenet5"]
    shapes = infer_shapes((lenet.channels, *lenet.image_size), lenet.layers, 10)
    assert shapes.layers[0].output_shape == (6, 28, 28)


def test_every_try_it_is_valid_and_bad_ones_say_what_is_wrong():
    for lesson in content.lessons("en"):
        assert content.check_try_it(lesson.id, lesson.try_it) is lesson.try_it
    with pytest.raises(content.LessonError, match=r"try.kernel: 9"):
        bad = {**content.lessons("en")[1].try_it, "kernel": 9}
        content.check_try_it("x", bad)
    with pytest.raises(content.LessonError, match="preset"):
        content.check_try_it("x", {"open": "builder", "preset": "alexnet"})
    with pytest.raises(content.LessonError, match="open"):
        content.check_try_it("x", {"open": "youtube"})
