"""The Korean interface: every page shows Korean, the language is a setting, lessons follow it."""

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from playground.gui import translation

# Words that stay as they are in Korean: names of networks, products and formats, the course's
# own loanwords, and what comes from the user's data (the project's name, its class names).
KEPT = {
    "CNN", "Playground", "LeNet", "VGG", "Tiny", "ResNet", "MobileNetV2", "ImageNet", "PyTorch", "ONNX",
    "TorchScript", "Grad", "CAM", "CSV", "CPU", "GPU", "CUDA", "ReLU", "GELU", "Leaky", "tanh", "sigmoid",
    "Adam", "AdamW", "SGD", "Dense", "FCL", "Valid", "Same", "valid", "same", "RGB", "top", "Ctrl", "Shift",
    "Delete", "json", "pt", "digits", "on", "Flatten", "Conv", "softmax", "Softmax", "MNIST", "Fashion",
    "Sigmoid", "Tanh", "KB", "MB", "float", "English",
    "nearest", "constant", "reflect", "wrap",  # Keras' fill modes, as the course names them (with Korean beside)
}  # fmt: skip
HANGUL = re.compile(r"[가-힣]")


def _texts(widget: QWidget):
    """(where, text) for what a user can read on the widget now."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        name = f"{type(child).__name__}:{child.objectName()}"
        if isinstance(child, QLabel) and not child.pixmap().isNull():
            continue
        if isinstance(child, QLabel):
            found.append((name, re.sub(r"<[^>]+>", " ", child.text())))
        elif isinstance(child, QAbstractButton):
            found.append((name, child.text()))
        elif isinstance(child, QGroupBox):
            found.append((name, child.title()))
        elif isinstance(child, QComboBox):
            found += [(name, child.itemText(i)) for i in range(child.count())]
        elif isinstance(child, QTabWidget):
            found += [(name, child.tabText(i)) for i in range(child.count())]
        elif isinstance(child, QListWidget):
            found += [(name, child.item(i).text()) for i in range(min(child.count(), 30))]
        elif isinstance(child, QTableWidget):
            headers = [child.horizontalHeaderItem(i) for i in range(child.columnCount())]
            found += [(name, h.text()) for h in headers if h is not None]
    return found


def _untranslated(found, project_words):
    bad = []
    for where, text in found:
        words = re.findall(r"[A-Za-z][A-Za-z']+", text.replace("&", ""))
        foreign = [w for w in words if w not in KEPT and w not in project_words]
        if foreign:
            bad.append(f"{where}: {text!r}")
    return bad


@pytest.fixture
def korean():
    assert translation.install_translators("ko")
    yield
    translation.install_translators("en")


@pytest.fixture
def korean_window(korean, qtbot, lenet):
    from playground.gui.main_window import MainWindow

    window = MainWindow(lenet)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    return window


def _every_tab(widget: QWidget):
    """Show each tab of each tab widget in turn (their pages are only visible when current)."""
    for tabs in widget.findChildren(QTabWidget):
        if tabs.isVisible():
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield


def test_every_page_of_the_window_reads_korean(korean_window, qtbot):
    window = korean_window
    project_words = set(re.findall(r"[A-Za-z]+", window.document.project.name))
    problems = []
    for row in range(window.pages.count()):
        window.show_page(row)
        window.model_page.select(0)
        problems += _untranslated(_texts(window), project_words)
        for _ in _every_tab(window.pages.currentWidget()):
            problems += _untranslated(_texts(window.pages.currentWidget()), project_words)
    for menu in window.menuBar().findChildren(QMenu):
        problems += [f"menu: {a.text()!r}" for a in menu.actions() if _untranslated([("", a.text())], set())]
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))
    sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sidebar == ["데이터", "증식", "모델", "훈련", "예측", "학습"] or all(HANGUL.search(s) for s in sidebar)


def test_the_lessons_and_the_lab_follow_the_language(korean_window):
    page = korean_window.learn_page
    assert page.lessons.lesson_list.count() == 10
    assert HANGUL.search(page.lessons.lesson_list.item(0).text())
    assert "직접 해 보기" in page.lessons.text.toPlainText()
    assert HANGUL.search(page.lab.step_button.text())


def test_the_language_is_a_setting_applied_on_restart(window, monkeypatch):
    from PySide6.QtCore import QLocale

    assert translation.chosen_language() == "system"
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    assert translation.interface_language() == "ko"  # a Korean system gets Korean
    window.findChild(type(window.menuBar().actions()[0]), "language_en").trigger()
    assert translation.chosen_language() == "en" and translation.interface_language() == "en"
    assert "next time" in window.statusBar().currentMessage()
    window.findChild(type(window.menuBar().actions()[0]), "language_ko").trigger()
    assert translation.interface_language() == "ko"


def test_the_presets_are_marked_for_translation_word_for_word():
    from playground.gui.layer_labels import PRESET_TEXTS
    from playground.spec.presets import PRESETS

    for preset in PRESETS.values():
        assert preset.title in PRESET_TEXTS and preset.description in PRESET_TEXTS, preset.key
    from playground.gui.layer_labels import DATASET_TEXTS
    from playground.ml.builtin import BUILTIN_DATASETS

    for dataset in BUILTIN_DATASETS.values():
        assert dataset.title in DATASET_TEXTS and dataset.description in DATASET_TEXTS, dataset.name


def test_the_messages_made_outside_the_window_are_listed_for_the_translators():
    from playground.gui.messages import noop_module
    from playground.resources import resource_path

    generated = resource_path().parent / "gui" / "spec_messages.py"
    assert generated.read_text(encoding="utf-8") == noop_module(), "run python tools/update_translations.py"


def test_a_shape_error_reads_korean_in_the_builder(korean_window):
    import dataclasses

    from playground.gui.messages import translated
    from playground.spec.shapes import summarize_project

    project = korean_window.document.project
    layers = list(project.layers)
    layers[2] = dataclasses.replace(layers[2], kernel=(15, 15))
    korean_window.document.change(project.replace(layers=tuple(layers)), "break")
    error = summarize_project(korean_window.document.project, 10).error
    assert str(error).startswith("layer 3, conv2d 15x15 valid: input 14x14 is smaller than the kernel 15x15")
    shown = translated(error)
    assert HANGUL.search(shown) and "15x15" in shown and "14x14" in shown
    assert HANGUL.search(korean_window.model_page.totals.text())


def test_data_problems_read_korean(korean_window, tmp_path):
    """A folder without class folders, and a file that is not an image, said in Korean."""
    from playground.gui.messages import error_text, translated
    from playground.ml.folders import scan_image_folder
    from playground.ml.predict import Prediction
    from playground.spec.errors import DataError

    (tmp_path / "photos").mkdir()
    with pytest.raises(DataError) as error:
        scan_image_folder(tmp_path / "photos")
    assert str(error.value).startswith("no class folders in")  # the command line's English
    assert HANGUL.search(error_text(error.value)) and str(tmp_path / "photos") in error_text(error.value)
    (tmp_path / "x.png").write_text("not a picture")
    from playground.ml.images import BadImage, decode_image

    with pytest.raises(BadImage) as bad:
        decode_image(tmp_path / "x.png", (8, 8), 1)
    assert error_text(bad.value) == "이미지가 아니거나 지원하지 않는 형식입니다"
    assert translated(Prediction("x", [], "plain text").error) == "plain text"


def test_every_exercise_reads_korean_with_its_hint_and_worked_answer(korean, qtbot):
    import random

    from playground.gui.pages.learn.exercises_panel import ExercisesPanel
    from playground.lessons.exercises import LESSON_EXERCISES, exercise_count

    panel = ExercisesPanel(rng=random.Random(0))
    qtbot.addWidget(panel)
    panel.show()
    # max(…) and min(…) are how the lab writes a pooling window; the glossary keeps these two beside the Korean
    kept_here = {"max", "min", "Localization", "Segmentation"}
    problems = []
    for lesson in LESSON_EXERCISES:
        panel.show_lesson(lesson)
        for slot in range(exercise_count(lesson)):
            panel.open_slot(slot)
            wrong = [b for b in panel.choice_group.buttons() if b.property("choice") != panel.exercise.answer]
            if wrong:
                wrong[0].setChecked(True)
            panel.answer.setText("-12345")
            panel.check_answer()
            panel.show_solution()
            assert panel.hint.isVisible() and panel.solution.isVisible()
            problems += [f"{lesson} {slot}: {p}" for p in _untranslated(_texts(panel), kept_here)]
    assert not problems, "\n".join(problems)


def test_the_learn_page_alone_reads_korean_on_every_tab(korean, qtbot):
    from playground.gui.pages.learn.page import LearnPage

    page = LearnPage("ko")
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    page.lab.quiz.setChecked(True)
    page.pipeline.use_bias.setChecked(True)
    problems = []
    for index in range(page.count()):  # _every_tab finds the tabs inside a page, not the page's own
        page.setCurrentIndex(index)
        problems += _untranslated(_texts(page), set())
        for _ in _every_tab(page.currentWidget()):
            problems += _untranslated(_texts(page), set())
    assert page.count() == 4 and not sorted(set(problems)), "\n".join(sorted(set(problems)))
