"""The teacher's guide: one text (the app's resource) with its copies in docs/ identical, nine
chapters naming every lesson, the weights files the app looks for, and the slide's misprint as the
lab computes it."""

from __future__ import annotations

import dataclasses
import itertools
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
def test_nine_parts_carry_the_course_sections_numbers_and_name_every_lesson(language):
    guide = teachers_guide(language)
    assert re.findall(r"^### (0[1-9])\. ", guide, re.MULTILINE) == [f"0{n}" for n in range(1, 10)]
    for number, lesson in enumerate(lessons(language), start=1):
        assert f'{number} "{lesson.title}"' in guide, lesson.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_gives_every_course_section_its_part_lessons_and_exercises(language):
    from playground.lessons.exercises import exercise_count

    guide = teachers_guide(language)
    rows = [line for line in guide.splitlines() if re.match(r"\| 0[1-9] ", line)]
    assert [row.split("|")[2].strip() for row in rows] == [f"0{n}" for n in range(1, 10)]
    ids = [lesson.id for lesson in lessons(language)]
    taught = set()
    for row in rows:
        numbers = [int(n) for n in re.findall(r"\d+", row.split("|")[3])]
        taught |= set(numbers)
        exercises_cell = row.split("|")[5]
        assert sum(int(n) for n in re.findall(r"(\d+)(?: \+ |개| \()", exercises_cell)[: len(numbers)]) == sum(
            exercise_count(ids[n - 1]) for n in numbers
        ), row
    assert taught == set(range(1, 11))  # every lesson in one part


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plans_are_90_minutes_in_rows_that_follow_on(language):
    guide = teachers_guide(language)
    parts = [part.split("\n## ")[0] for part in re.split(r"^### ", guide, flags=re.MULTILINE)]
    tables = [part for part in parts if re.search(r"^\| 0–\d+ ", part, re.MULTILINE)]
    one_session = guide[guide.index("## One session" if language == "en" else "## 한 번에 끝내는 90분") :]
    tables.append(one_session.split("\n## ")[0])
    assert len(tables) == 4  # three plans and the one-session path
    for table in tables:
        spans = [tuple(map(int, m)) for m in re.findall(r"^\| (\d+)–(\d+) \|", table, re.MULTILINE)]
        assert spans[0][0] == 0 and spans[-1][1] == 90
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans)), spans


def test_the_image_labs_filters_are_named_as_its_buttons():
    from playground.gui.pages.learn.image_lab import FILTER_TITLES
    from tests.unit.test_lessons import _korean_interface_text

    english, korean = teachers_guide("en"), teachers_guide("ko")
    for title in FILTER_TITLES.values():
        assert title in english and _korean_interface_text("ImageLab", title) in korean, title


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_named_networks_are_the_lessons(language):
    guide = teachers_guide(language)
    (part,) = [p for p in guide.split("### ") if p.startswith("03.")]
    lesson = next(lesson.markdown for lesson in lessons(language) if lesson.id == "where-cnns-are-used")
    assert "MobileNet" not in part
    for network in ("YOLO", "YOLOv3", "DenseNet", "Mask R-CNN", "ViT", "ResNeXt", "GAN"):
        assert network in part and f"**{network}" in lesson, network


def _guide_commands(language):
    return sorted(set(re.findall(r"`cnn-playground ([^`]+)`", teachers_guide(language))))


def test_every_command_in_the_guide_runs_or_at_least_parses(tmp_path, monkeypatch, capsys):
    """The cheap ones run as a teacher would type them; a training, a bundle or an import is parsed only."""
    import shlex

    from playground.cli import build_parser, main

    monkeypatch.chdir(tmp_path)
    commands = set(_guide_commands("en")) | set(_guide_commands("ko"))
    assert "lab conv" in commands and "summary lenet5-digits" in commands and len(commands) >= 8
    for command in sorted(commands):
        argv = shlex.split(command)
        if argv[0] in ("lab", "summary", "datasets", "weights", "worksheet") and "import" not in argv:
            assert main(argv) == 0, command
        else:
            placeholders = {"PROJECT": "lenet5-digits", "FILE": "w.pth", "KEY": "resnet18", "IMAGE": "a.png"}
            args = build_parser().parse_args([placeholders.get(word, word) for word in argv])
            assert getattr(args, "run", None), command
    printed = capsys.readouterr().out
    assert "8     10     12     14" in printed and "61,706" in printed


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
        assert "`cnn-playground lab conv --steps`" in teachers_guide(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overfitting_numbers_are_the_lessons(language):
    (lesson,) = [lesson for lesson in lessons(language) if lesson.id == "overfitting-and-augmentation"]
    for measured in ("99.9%", "54.1%", "53.1%", "54.6%", "72.7%"):
        assert measured in teachers_guide(language) and measured in lesson.markdown, measured


def test_the_guide_and_the_pipeline_lesson_name_the_walkthrough_tab_as_the_learn_page_shows_it():
    from tests.unit.test_lessons import _korean_interface_text

    korean_tab = _korean_interface_text("LearnPage", "Digit walk-through")
    pipeline = {
        language: next(lesson for lesson in lessons(language) if lesson.id == "cnn-pipeline") for language in LANGUAGES
    }
    assert "Digit walk-through" in pipeline["en"].markdown and "Digit walk-through" in teachers_guide("en")
    assert f"{korean_tab} 탭" in pipeline["ko"].markdown and f"배우기 → {korean_tab}" in teachers_guide("ko")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_few_images_transfer_numbers_are_the_lessons_and_its_examples_are_shipped(language):
    from playground.resources import example_projects
    from playground.spec.project import load_project

    (lesson,) = [lesson for lesson in lessons(language) if lesson.id == "pretrained-networks"]
    for measured in ("61.7%", "35.3%", "69.4%", "64.3%", "74.7%", "66.6%"):
        assert measured in teachers_guide(language) and measured in lesson.markdown, measured
    pretrained = load_project(example_projects()["few-clothes-pretrained"])
    scratch = load_project(example_projects()["few-clothes-from-scratch"])
    assert pretrained.data == dataclasses.replace(scratch.data, channels=3) and pretrained.data.val_fraction == 0.9
    assert pretrained.data.source == "builtin:fashion-mnist-100" and pretrained.pretrained.network == "playground_mini"
    assert pretrained.training.epochs == scratch.training.epochs == 10
