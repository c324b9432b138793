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


def _korean_interface_text(context: str, source: str) -> str:
    """What the Korean interface shows for `source` (from the shipped translation)."""
    import xml.etree.ElementTree as ET

    from playground.resources import resource_path

    ts = ET.parse(resource_path("translations") / "cnn_playground_ko.ts").getroot()
    for found in ts.iter("context"):
        for message in found.iter("message"):
            if found.findtext("name") == context and message.findtext("source") == source:
                return message.findtext("translation")
    raise AssertionError(f"{context}: {source!r} is not in the translation")


def test_the_lessons_name_what_the_interface_shows():
    english = {lesson.id: lesson.markdown for lesson in content.lessons("en")}
    korean = {lesson.id: lesson.markdown for lesson in content.lessons("ko")}
    vgg_style = next(p.title for p in PRESETS.values() if p.title.startswith("VGG"))
    assert f"the {vgg_style} network under Presets" in english["why-not-fully-connected"]
    assert f"프리셋에서 {_korean_interface_text('', vgg_style)} 네트워크" in korean["why-not-fully-connected"]
    assert '"Preset: Typical"' in english["overfitting-and-augmentation"]
    typical = _korean_interface_text("AugmentPage", "Preset: Typical")
    assert f'"{typical}" 버튼' in korean["overfitting-and-augmentation"]
    lab_tab = _korean_interface_text("LearnPage", "Convolution lab")
    pipeline_tab = _korean_interface_text("LearnPage", "Pipeline lab")
    image_tab = _korean_interface_text("LearnPage", "Image lab")
    for lesson_id, text in korean.items():
        assert not re.search(r"(?<![가-힣])창(?![가-힣]{2})", text), lesson_id  # 윈도우, as the lecture says
        assert "실습 화면" not in text, lesson_id
        for named in re.findall(r"[가-힣]+ 실험실", text):
            assert named in (lab_tab, pipeline_tab, image_tab), (lesson_id, named)
    assert "동결선" in korean["pretrained-networks"] and "동결 선" not in korean["pretrained-networks"]
    assert lab_tab in korean["padding"] and pipeline_tab in korean["cnn-pipeline"]
    assert image_tab in korean["channels-filters-stride"] and "Image lab" in english["channels-filters-stride"]


def test_early_stopping_is_taught_as_the_engine_does_it():
    english = content.lessons("en")[-1].markdown
    korean = content.lessons("ko")[-1].markdown
    (bullet,) = [line for line in english.splitlines() if line.startswith("- **Early stopping.**")]
    assert "validation accuracy" in bullet and "loss" not in bullet
    assert "only equals the best is no improvement" in bullet  # a tie, as early_stopping() counts it
    (bullet,) = [line for line in korean.splitlines() if line.startswith("- **조기 종료.**")]
    assert "검증 정확도" in bullet and "손실" not in bullet and "같기만 한 에포크는 나아진 것이 아닙니다" in bullet


def test_lenet_and_vgg_are_counted_as_built_here_and_as_published():
    for language, as_built in (("en", "LeNet-5, as this app builds it"), ("ko", "이 앱이 만드는 LeNet-5")):
        text = {lesson.id: lesson.markdown for lesson in content.lessons(language)}
        assert as_built in text["conv-vs-dense"] and "1,516" in text["conv-vs-dense"]
        for lesson_id in ("where-cnns-are-used", "pretrained-networks"):
            assert "13" in text[lesson_id] and "16" in text[lesson_id] and "3" in text[lesson_id], lesson_id
    assert "VGG16 has 13 convolutional layers and VGG19 has 16" in content.lessons("en")[7].markdown
    assert "5·5·6·16 + 16 | 2,416" in content.lessons("en")[5].markdown  # the app's own count stays


def test_the_lessons_write_the_floor_as_the_lab_does():
    _, floor = lab.size_formula(5, 2, 2, 0)
    assert floor == "⌊(5 − 2 + 0)/2⌋ + 1 = 2"
    for language in ("en", "ko"):
        assert floor in content.lessons(language)[1].markdown


def _by_id(language: str) -> dict[str, str]:
    return {lesson.id: lesson.markdown for lesson in content.lessons(language)}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_padding_writes_the_floor_and_teaches_same_at_stride_2_as_the_builder_computes_it(language):
    from playground.spec.layers import Conv2d

    padding = _by_id(language)["padding"]
    assert "⌊(N − F + 2P)/S⌋ + 1" in padding and "(N − F + 2P)/S + 1\n" not in padding
    assert "⌈7/2⌉ = 4" in padding and "224 → 112 → 56 → 28 → 14 → 7" in padding
    halving = Conv2d(filters=1, kernel=(3, 3), stride=(2, 2), padding="same")
    assert infer_shapes((1, 7, 7), [halving], None).output_shape[1] == 4
    assert [infer_shapes((1, 224, 224), [halving] * n, None).output_shape[1] for n in range(1, 6)] == [
        112,
        56,
        28,
        14,
        7,
    ]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_4x4_stride_example_is_what_the_lab_computes(language):
    ramp4 = [[r * 4 + c + 1 for c in range(4)] for r in range(4)]
    assert lab.convolve([ramp4], [[[1, 0], [0, 1]]], 2).output == [[7, 11], [23, 27]]
    text = _by_id(language)["channels-filters-stride"]
    assert "[[ 7, 11],\n [23, 27]]" in text and "[[7, 11], [23, 27]]" in text.split("## ")[-1]  # and in the Try it


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_named_networks_of_the_course_are_in_the_applications_lesson(language):
    text = _by_id(language)["where-cnns-are-used"]
    for network in (
        "LeNet",
        "AlexNet",
        "VGG",
        "ResNet",
        "ResNeXt",
        "YOLO",
        "YOLOv3",
        "DenseNet",
        "Mask R-CNN",
        "EfficientNet",
        "ViT",
        "GAN",
    ):
        assert f"**{network}" in text, network


def test_the_applications_lesson_says_what_predict_uses_before_anything_is_trained():
    english, korean = _by_id("en")["where-cnns-are-used"], _by_id("ko")["where-cnns-are-used"]
    assert "LeNet-5 that comes with the app" in english and "0–9, written white on a black background" in english
    assert "train one on the Train page first" not in english
    assert "앱에 들어 있는 LeNet-5" in korean and "검은 바탕에 흰 글씨로 쓴 숫자 0–9" in korean


def test_the_pretrained_lesson_notes_both_imagenet_figures_and_fine_tunes_from_the_run():
    english, korean = _by_id("en")["pretrained-networks"], _by_id("ko")["pretrained-networks"]
    assert "14 million" in english and "1.2 million" in english and "1,000 classes" in english
    assert "1,400만" in korean and "120만" in korean
    assert "**Fine-tune from this run**" in english.split("## Try it")[1]
    fine_tune = _korean_interface_text("TrainPage", "Fine-tune from this run")
    assert f"**{fine_tune}**" in korean.split("## 직접 해 보기")[1]
    assert "switch to fine-tuning and drag" not in english
