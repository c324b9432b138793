"""A hundred classes with 60-character names: lists and charts scroll, names are shortened in the
middle with the whole name as a tooltip, the confusion matrix is numbered with a legend and its
cells stay clickable, and the window stays the size it was."""

import pytest
import torch
from PIL import Image
from PySide6.QtWidgets import QApplication

from .layout_checks import layout_problems

CLASSES = 100


def long_name(index: int) -> str:
    """60 characters that differ only at the end, as class names exported from a catalogue do."""
    return f"catalogue item {index:03d} ".ljust(52, "x") + f" end {index:03d}"


@pytest.fixture(scope="module")
def many_classes(tmp_path_factory):
    root = tmp_path_factory.mktemp("many") / "photos"
    for index in range(CLASSES):
        folder = root / long_name(index)
        folder.mkdir(parents=True)
        for copy in range(2):
            Image.new("RGB", (8, 8), (index * 2, copy * 100, 50)).save(folder / f"{copy}.png")
    return root


@pytest.fixture
def small_window(window):
    window.resize(1024, 768)
    QApplication.processEvents()
    return window


def test_the_data_page_scrolls_a_hundred_long_class_names(small_window, many_classes, qtbot):
    window = small_window
    assert len(long_name(0)) == 60
    window.show_page(window.pages.indexOf(window.data_page))
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.data_page.use_folder(many_classes)
    QApplication.processEvents()
    page = window.data_page
    assert page.classes.count() == CLASSES
    assert page.classes.item(CLASSES - 1).toolTip() == long_name(CLASSES - 1)
    chart_area = page.findChild(type(page.balance.parentWidget().parentWidget()), "balance_scroll")
    assert page.balance.height() > chart_area.height()  # the chart scrolls rather than stretching the page
    assert chart_area.verticalScrollBar().isVisible()
    assert (window.width(), window.height()) == (1024, 768)
    assert not layout_problems(window, "data page, 100 classes")
    window.show_page(window.pages.indexOf(window.model_page))
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1024, 768)
    assert not layout_problems(window, "model page, 100 classes")


def test_the_confusion_matrix_of_a_hundred_classes_is_numbered_and_clickable(small_window):
    from playground.ml.inference.explain import Confusion

    window = small_window
    window.show_page(window.pages.indexOf(window.predict_page))
    panel = window.predict_page.confusion
    window.predict_page.explain.setCurrentWidget(panel)
    names = tuple(long_name(i) for i in range(CLASSES))
    labels = torch.arange(CLASSES).repeat(2)
    predicted = labels.clone()
    predicted[:5] = 7  # five mistakes: classes 0-4 taken for class 7
    matrix = torch.zeros(CLASSES, CLASSES, dtype=torch.long)
    matrix.index_put_((labels, predicted), torch.ones_like(labels), accumulate=True)
    result = Confusion(names, labels, predicted, torch.full((2 * CLASSES,), 0.9), matrix)
    images = type("Images", (), {"images": [torch.zeros(3, 8, 8, dtype=torch.uint8)] * (2 * CLASSES)})()
    panel.show_result(result, images)
    QApplication.processEvents()

    assert panel.matrix.horizontalHeaderItem(0).text() == "1" and panel.matrix.verticalHeaderItem(99).text() == "100"
    assert panel.matrix.horizontalHeaderItem(0).toolTip() == names[0]
    assert panel.legend.isVisible() and panel.legend.count() == CLASSES and names[42] in panel.legend.item(42).text()
    assert panel.matrix.horizontalScrollBar().isVisible()  # scrolls instead of squeezing 100 columns
    panel.matrix.cellClicked.emit(3, 7)
    assert panel.shown == [3] and names[3] in panel.cell_label.text()
    panel.zoom.setValue(panel.zoom.maximum())
    assert panel.matrix.columnWidth(0) == panel.zoom.maximum()
    assert (window.width(), window.height()) == (1024, 768)
    assert not layout_problems(window, "predict page, 100-class confusion matrix")
