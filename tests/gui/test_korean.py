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
    QPushButton,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QWidget,
)

from playground.gui.app import translation

# Words that stay as they are in Korean: names of networks, products and formats, the course's
# own loanwords, and what comes from the user's data (the project's name, its class names).
KEPT = {
    "CNN", "Playground", "LeNet", "VGG", "Tiny", "ResNet", "MobileNetV2", "ImageNet", "PyTorch", "ONNX",
    "TorchScript", "Grad", "CAM", "CSV", "CPU", "GPU", "CUDA", "ReLU", "GELU", "Leaky", "tanh", "sigmoid",
    "Adam", "AdamW", "SGD", "Dense", "FCL", "Valid", "Same", "valid", "same", "RGB", "top", "Ctrl", "Shift",
    "Delete", "json", "pt", "digits", "on", "Flatten", "Conv", "softmax", "Softmax", "MNIST", "Fashion",
    "Sigmoid", "Tanh", "KB", "MB", "float", "English", "SVG", "PNG",
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
    from playground.gui.window.main_window import MainWindow

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


def test_the_architecture_figure_reads_korean_with_a_samples_output(korean_window, qtbot):
    window = korean_window
    page = window.model_page
    window.show_page(window.pages.indexOf(page))
    page.network_tabs.setCurrentWidget(page.figure)
    view = page.figure
    with qtbot.waitSignal(view.samples_task.finished, timeout=30_000):
        view.samples_toggle.setChecked(True)
    painted = [("figure box", f"{labels.name} {labels.shape}") for labels in view.canvas.labels]
    problems = _untranslated(_texts(view) + painted, set())
    assert not problems, problems
    assert view.canvas.labels[0].name == "입력" and HANGUL.search(view.samples_note.text())


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
    from playground.gui.widgets.layer_labels import PRESET_TEXTS
    from playground.spec.presets import PRESETS

    for preset in PRESETS.values():
        assert preset.title in PRESET_TEXTS and preset.description in PRESET_TEXTS, preset.key
    from playground.gui.widgets.layer_labels import DATASET_TEXTS
    from playground.ml.data.builtin import BUILTIN_DATASETS

    for dataset in BUILTIN_DATASETS.values():
        assert dataset.title in DATASET_TEXTS and dataset.description in DATASET_TEXTS, dataset.name


def test_the_messages_made_outside_the_window_are_listed_for_the_translators():
    from playground.gui.app.messages import noop_module
    from playground.resources import resource_path

    generated = resource_path().parent / "gui" / "app" / "spec_messages.py"
    assert generated.read_text(encoding="utf-8") == noop_module(), "run python tools/update_translations.py"


def test_a_shape_error_reads_korean_in_the_builder(korean_window):
    import dataclasses

    from playground.gui.app.messages import translated
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
    from playground.gui.app.messages import error_text, translated
    from playground.ml.data.folders import scan_image_folder
    from playground.ml.inference.predict import Prediction
    from playground.spec.errors import DataError

    (tmp_path / "photos").mkdir()
    with pytest.raises(DataError) as error:
        scan_image_folder(tmp_path / "photos")
    assert str(error.value).startswith("no class folders in")  # the command line's English
    assert HANGUL.search(error_text(error.value)) and str(tmp_path / "photos") in error_text(error.value)
    (tmp_path / "x.png").write_text("not a picture")
    from playground.ml.data.images import BadImage, decode_image

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
    assert page.count() == 7 and not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_the_digit_walkthrough_reads_korean_with_every_kind_of_cell_explained(korean, qtbot):
    from playground.gui.pages.learn.digit_walkthrough import DigitWalkthrough

    panel = DigitWalkthrough()
    qtbot.addWidget(panel)
    panel.resize(1024, 768)
    with qtbot.waitSignal(panel.traced, timeout=60_000):
        panel.show()
    problems = _untranslated(_texts(panel), set())
    conv, pool, flatten, dense, output = (0, 2, 5, 5), (1, 0, 3, 3), (4, 0, 0, 0), (5, 7, 0, 7), (7, 0, 0, 0)
    for cell in (conv, pool, flatten, dense, output):
        panel.explain(*cell)
        problems += _untranslated(_texts(panel), set())
    assert "채널 1:" in panel.arithmetic.text() or "softmax" in panel.arithmetic.text()
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


# --- dialogs, tooltips, the picker and legends (issue 14)

NAMES = {"LeCun", "Explainer", "Keras", "torchvision"}  # people, projects and libraries the tooltips name
# Code the course refers to stays as it is: Keras' and torchvision's setting names, example folders.
CODE = re.compile(r"<[^>]+>|Keras: \w+|torchvision: \w+\(\w+\)|\b\w+_\w+\b|\w+/|'")


def _tooltips(widget: QWidget):
    """(where, tooltip) of every visible widget, list row and menu entry a user can hover."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        name = f"tooltip of {type(child).__name__}:{child.objectName()}"
        found.append((name, child.toolTip()))
        if isinstance(child, QListWidget):
            found += [(name, child.item(i).toolTip()) for i in range(min(child.count(), 30))]
        if isinstance(child, QToolButton | QPushButton) and child.menu() is not None:
            actions = child.menu().actions()
            found += [(name, action.toolTip()) for action in actions if action.toolTip() != action.text()]
    return [(where, CODE.sub(" ", text)) for where, text in found if text]


def test_every_tooltip_reads_korean(korean_window):
    window = korean_window
    kept = set(re.findall(r"[A-Za-z]+", window.document.project.name)) | NAMES
    problems = []
    for row in range(window.pages.count()):
        window.show_page(row)
        window.model_page.select(0)
        problems += _untranslated(_tooltips(window.pages.currentWidget()), kept)
        for _ in _every_tab(window.pages.currentWidget()):
            problems += _untranslated(_tooltips(window.pages.currentWidget()), kept)
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def _table_cells(table: QTableWidget):
    return [(f"cell of {table.objectName()}", table.item(r, c).text())
            for r in range(table.rowCount()) for c in range(table.columnCount()) if table.item(r, c)]  # fmt: skip


def test_the_pretrained_picker_reads_korean_with_its_missing_weights(korean, qtbot, tmp_path, monkeypatch, dialogs):
    from playground.gui.pages.model.pretrained_dialog import PretrainedDialog
    from playground.ml.network import pretrained
    from playground.spec.backbones import BACKBONES

    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))
    dialog = PretrainedDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    # Network names and their authors, file names and folders stay as they are; every sentence is Korean.
    titles = {word for backbone in BACKBONES.values() for word in re.findall(r"[A-Za-z]+", backbone.title)}
    kept = titles | {"Simonyan", "Zisserman", "He", "Tan", "Le", "Szegedy", "Chollet", "Inception", "timm",
                     "builtin", "animals", "skip", "connection", "bottleneck", "MobileNet"}  # fmt: skip
    files = re.compile(r"\S*[/\\]\S*|\S*\.(pth|safetensors)|https?://\S+|<[^>]+>")  # where it looked, what for
    problems = []
    for key in BACKBONES:
        dialog.select(key)
        problems += _untranslated([("picker detail", files.sub(" ", dialog.detail.text()))], kept)
        assert HANGUL.search(dialog.detail.text()), key
    texts = [(where, text) for where, text in _texts(dialog) if not where.endswith("pretrained_detail")]
    problems += _untranslated(texts + _table_cells(dialog.table), kept)
    (tmp_path / "broken.pth").write_bytes(b"not weights at all")
    warned = dialogs("warning")
    dialog.select("resnet18")
    assert "이 컴퓨터에 없습니다" in dialog.detail.text()
    assert not dialog.import_weights(str(tmp_path / "broken.pth"))
    assert "올바른 가중치 파일이 아닙니다" in warned[0]
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_the_window_s_dialogs_read_korean(korean_window, tmp_path, dialogs):
    window = korean_window
    shown = dialogs("information")
    window.show_shortcuts()
    about = dialogs("about")
    window.show_about()
    (tmp_path / "bad.json").write_text('{"format": "cnn-playground/1", "model": {"layers": [{"type": "conv3d"}]}}')
    warned = dialogs("warning")
    assert not window.open_project(tmp_path / "bad.json")
    assert "model.layers[0].type" in warned[0] and "알 수 없는 층 종류 'conv3d'" in warned[0]
    texts = [("shortcuts", CODE.sub(" ", shown[0])), ("about", CODE.sub(" ", about[0]))]
    problems = _untranslated(texts, {"N", "O", "S", "D", "Z", "V"})
    window.show_page(window.pages.indexOf(window.model_page))
    dialog = window.model_page.show_code()
    problems += _untranslated([(n, t) for n, t in _texts(dialog) if "QPlainTextEdit" not in n], set())
    dialog.close()
    assert not problems, "\n".join(problems)


def test_a_shape_error_names_the_layer_in_korean():
    from playground.gui.app.messages import translated
    from playground.spec.layers import Conv2d, Flatten, MaxPool2d
    from playground.spec.shapes import infer_shapes

    assert translation.install_translators("ko")
    try:
        for layers, korean_name in (([Conv2d(kernel=(40, 40))], "합성곱 40x40 Valid 패딩"),
                                    ([Flatten(), MaxPool2d(padding="same")], "최대 풀링 2x2 Same 패딩"),
                                    ([MaxPool2d(padding=(2, 2))], "최대 풀링 2x2 패딩 2")):  # fmt: skip
            error = infer_shapes((1, 8, 8), layers, 10).error
            assert f"layer {len(layers)}, {layers[-1].describe()}:" in str(error)  # the command line's English
            shown = translated(error)
            assert korean_name in shown and not re.search(r"conv2d|maxpool|valid|same", shown), shown
    finally:
        translation.install_translators("en")


def test_the_confusion_legend_reads_korean(korean_window):
    import torch

    from playground.ml.inference.explain import Confusion

    window = korean_window
    window.show_page(window.pages.indexOf(window.predict_page))
    panel = window.predict_page.confusion
    window.predict_page.explain.setCurrentWidget(panel)
    names = tuple(f"클래스 {i}" for i in range(12))  # more than fit as names: numbered, with a legend
    labels = torch.arange(12)
    panel.show_result(Confusion(names, labels, labels, torch.ones(12), torch.eye(12, dtype=torch.long)),
                      type("Images", (), {"images": [torch.zeros(1, 4, 4, dtype=torch.uint8)] * 12})())  # fmt: skip
    assert panel.legend.isVisible() and panel.legend.item(0).text() == "1: 클래스 0"
    problems = _untranslated(_texts(panel) + _tooltips(panel), set())
    assert not problems, "\n".join(problems)


def test_a_new_project_is_named_in_korean(korean, qtbot):
    from playground.gui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert window.document.project.name == "제목 없음" and "제목 없음" in window.name_label.text()
