"""The Model page's figure tab: live with the project, red when invalid, exported for slides, and
a sample's output in every box with the weights it says."""

import pytest
from PySide6.QtGui import QColor, QImage

from playground.gui.pages.model.figure_painting import INVALID_FILL
from playground.spec.layers import Conv2d


@pytest.fixture
def page(window):
    page = window.model_page
    window.show_page(window.pages.indexOf(page))
    page.network_tabs.setCurrentWidget(page.figure)
    return page


def _red_pixels(widget) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    step = 2
    return sum(
        QColor(image.pixel(x, y)) == INVALID_FILL
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def test_the_figure_follows_every_edit_and_turns_red_on_an_invalid_kernel(page, qtbot):
    canvas = page.figure.canvas
    assert len(canvas.figure.boxes) == len(page.project.layers) + 1
    assert _red_pixels(canvas) == 0
    page.insert_block("dropout", 5)
    assert [box.kind for box in canvas.figure.boxes][6] == "dropout"
    assert "6 Dropout" in [labels.name for labels in canvas.labels]
    layers = list(page.project.layers)
    layers[2] = Conv2d(filters=16, kernel=(17, 17))
    page.edit_layer(2, layers[2], "kernel")
    assert [box.invalid for box in canvas.figure.boxes] == [False] * 3 + [True] * 7
    assert _red_pixels(canvas) > 100
    assert "#b00020" in page.figure.caption.styleSheet()
    page.document.undo_stack.undo()
    assert _red_pixels(canvas) == 0 and not page.figure.caption.styleSheet()


def test_the_figure_exports_an_svg_with_the_labels_and_a_png_at_twice_its_size(page, tmp_path):
    view = page.figure
    assert view.export_svg(tmp_path / "net.svg")
    svg = (tmp_path / "net.svg").read_text(encoding="utf-8")
    for text in ("Input", "1×32×32", "1 Conv", "6×28×28", "2 Max pool", "8 Dense", "400"):
        assert text in svg, text
    assert view.export_png(tmp_path / "net.png")
    image = QImage(str(tmp_path / "net.png"))
    assert image.size() == view.png_size()
    assert image.width() == pytest.approx(2 * view.slide.width, abs=1)
    assert image.height() == pytest.approx(2 * view.slide.height, abs=1)


def test_a_samples_output_is_drawn_untrained_then_with_the_trained_weights(page, qtbot):
    from playground.ml.inference.walkthrough import shipped_lenet

    view = page.figure
    with qtbot.waitSignal(view.samples_task.finished, timeout=30_000):
        view.samples_toggle.setChecked(True)
    assert "untrained: fresh weights" in view.samples_note.text()
    assert len(view.canvas.pictures) == len(view.canvas.figure.boxes)
    with qtbot.waitSignal(view.samples_task.finished, timeout=30_000):
        view.set_checkpoint(shipped_lenet())  # what the Train page's model_changed passes
    assert "with the trained weights" in view.samples_note.text()
    with qtbot.waitSignal(view.samples_task.finished, timeout=30_000):
        page.insert_block("dropout", 5)  # a network the checkpoint was not trained on
    assert "untrained" in view.samples_note.text() and len(view.canvas.pictures) == 10
    view.samples_toggle.setChecked(False)
    assert view.canvas.pictures is None and not view.samples_note.isVisible()


def test_quick_edits_run_the_sample_once_after_typing_pauses(page, qtbot, monkeypatch):
    view = page.figure
    with qtbot.waitSignal(view.samples_task.finished, timeout=30_000):
        view.samples_toggle.setChecked(True)
    starts = []
    start = view.samples_task.start
    monkeypatch.setattr(view.samples_task, "start", lambda function: (starts.append(1), start(function)))
    with qtbot.waitSignal(view.samples_task.finished, timeout=30_000):
        for filters in range(7, 12):  # as a spin box sends them while the learner types
            page.edit_layer(0, Conv2d(filters=filters, kernel=(5, 5), activation="relu"), "filters")
    assert len(starts) == 1
    assert view.canvas.figure.boxes[1].shape == (11, 28, 28) and view.canvas.pictures is not None
