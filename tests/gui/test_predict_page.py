"""The Predict page: drop images, read the top classes, save them as CSV."""

import csv
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from playground.cli import main
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.inference.predict import Predictor
from playground.spec.project import save_project

sys.path.insert(0, str(Path(__file__).parents[1]))
from sample_photos import make_photo_folder
from unit.helpers import tiny_project


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A tiny network trained on two folders of photos, and a few more photos to classify."""
    folder = tmp_path_factory.mktemp("predict")
    make_photo_folder(folder / "photos", per_class=20, size=40)
    project = tiny_project(source=str(folder / "photos"), epochs=2)
    save_project(project, folder / "p.json")
    assert main(["train", str(folder / "p.json"), "--out", str(folder / "run")]) == 0
    make_photo_folder(folder / "new", per_class=3, size=40, seed=7)
    (folder / "new" / "china" / "broken.jpg").write_text("not a photo")
    return folder


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = widget.rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDragEnterEvent(QPoint(point), Qt.DropAction.CopyAction, mime, buttons, keys))
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def _wait_classified(page, qtbot):
    qtbot.waitUntil(lambda: not page.classifying, timeout=60_000)


def test_dropped_images_get_the_same_top_classes_as_the_cli(window, trained, capsys, qtbot):
    page = window.predict_page
    window.show_page(window.pages.indexOf(page))
    _open(page, qtbot, trained / "run" / "best.pt")
    files = sorted((trained / "new" / "flower").glob("*.jpg"))
    assert _drop(page, files)
    _wait_classified(page, qtbot)
    assert page.table.rowCount() == 3
    assert main(["predict", str(trained / "run" / "best.pt"), *map(str, files), "--top-k", "3", "--json"]) == 0
    import json

    expected = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    for result, cli in zip(page.results, expected, strict=True):
        assert [(name, round(p, 6)) for name, p in result.top] == [
            (t["class"], round(t["probability"], 6)) for t in cli["top"]
        ]
        assert sum(p for _, p in result.top) <= 1.0 + 1e-6
    assert page.table.item(0, 2).text() == page.results[0].top[0][0]


def test_a_dropped_folder_fills_a_table_and_bad_files_say_why(window, trained, tmp_path, qtbot):
    page = window.predict_page
    page.set_model(load_checkpoint(trained / "run" / "best.pt"))
    assert _drop(page, [trained / "new"])
    _wait_classified(page, qtbot)
    assert page.table.rowCount() == 7  # six photos and the broken one
    broken = [r for r in page.results if r.error]
    assert len(broken) == 1 and broken[0].error.startswith("not an image")
    saved = page.save_csv(str(tmp_path / "predictions.csv"))
    rows = list(csv.reader(saved.open()))
    assert rows[0] == ["path", "class_1", "probability_1", "class_2", "probability_2", "error"]
    assert len(rows) == 8 and any(row[-1].startswith("not an image") for row in rows[1:])


def test_the_model_trained_on_the_train_page_is_used(window, trained):
    checkpoint = load_checkpoint(trained / "run" / "best.pt")
    window.train_page.model_changed.emit(checkpoint)
    assert (
        window.predict_page.checkpoint is checkpoint
        and "2 classes (china, flower)" in window.predict_page.model_label.text()
    )


def test_without_a_model_it_says_how_to_get_one(window, trained, dialogs):
    page = window.predict_page
    shown = dialogs("information")
    assert page.add_images([trained / "new" / "china"]) == 0
    assert "train one on the Train page" in shown[0] and not page.add_button.isEnabled()


def test_a_broken_checkpoint_is_refused(window, tmp_path, dialogs, qtbot):
    (tmp_path / "x.pt").write_bytes(b"garbage")
    warned = dialogs("warning")
    window.predict_page.open_checkpoint(str(tmp_path / "x.pt"))  # read on a background task
    qtbot.waitUntil(lambda: len(warned) == 1)
    assert "is not a valid checkpoint" in warned[0] and window.predict_page.checkpoint is None


def test_the_predictor_probabilities_agree(trained):
    predictor = Predictor(load_checkpoint(trained / "run" / "best.pt"))
    (result,) = predictor.predict_files([sorted((trained / "new" / "china").glob("china_*.jpg"))[0]], top_k=2)
    assert abs(sum(p for _, p in result.top) - 1.0) < 1e-5  # two classes: top 2 is everything


# ---------------------------------------------------------------------------------------- explain


def _open(page, qtbot, path):
    with qtbot.waitSignal(page.model_opened, timeout=30_000):  # read and checked off the window's thread
        assert page.open_checkpoint(str(path))


def _opened(window, trained, qtbot):
    page = window.predict_page
    window.show_page(window.pages.indexOf(page))
    _open(page, qtbot, trained / "run" / "best.pt")
    return page


def test_feature_map_grids_have_each_layers_channels_and_size(window, trained, qtbot):
    page = _opened(window, trained, qtbot)
    assert page.add_images(sorted((trained / "new" / "flower").glob("*.jpg"))) == 3
    panel = page.explain
    assert not panel.maps and page.table.rowCount() == 0  # both are computed off the window's thread
    _wait_classified(page, qtbot)
    assert page.table.rowCount() == 3
    qtbot.waitUntil(lambda: len(panel.maps) == 2)
    # tiny_project: conv 3×3 (4 filters) on 12×12 grey -> 4×10×10, max pool -> 4×5×5
    assert [panel.layer_list.item(i).text().split("→ ")[1] for i in range(panel.layer_list.count())] == [
        "4×10×10",
        "4×5×5",
    ]
    for row, (channels, side) in enumerate([(4, 10), (4, 5)]):
        panel.layer_list.setCurrentRow(row)
        assert panel.map_grid.count() == channels
        assert panel.maps[row].shape == (channels, side, side)
        assert f"{channels} feature maps of {side}×{side}" in panel.maps_note.text()
    window.resize(1024, 768)  # a projector: the description reads in lines, not a word to a line
    QApplication.processEvents()
    assert panel.maps_note.width() >= panel.layer_list.width() + panel.map_grid.width()
    # a click on a map enlarges it
    rect = panel.map_grid.visualItemRect(panel.map_grid.item(2))
    QTest.mouseClick(panel.map_grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.enlarged_caption.text().startswith("Map 3: 5×5")
    assert not panel.enlarged.pixmap().isNull() and panel.enlarged.pixmap().width() >= 200


def test_grad_cam_follows_the_chosen_class_and_filters_show(window, trained, qtbot):
    page = _opened(window, trained, qtbot)
    page.add_images([sorted((trained / "new" / "china").glob("china_*.jpg"))[0]])
    panel = page.explain
    qtbot.waitUntil(lambda: panel.cam is not None)
    predicted = page.results[0].top[0][0]
    assert panel.cam_class.currentText() == predicted and panel.cam_layer.currentIndex() == 0  # the conv
    assert panel.cam is not None and panel.cam.shape == (12, 12) and not panel.cam_view.pixmap().isNull()
    other = 1 - panel.cam_class.currentIndex()
    panel.cam_class.setCurrentIndex(other)
    qtbot.waitUntil(lambda: page.explain.cam_class.currentText() in panel.cam_note.text())
    assert panel.filter_grid.count() == 4 and "4 filters of 1×3×3" in panel.filter_note.text()


def test_clicking_a_confusion_cell_lists_exactly_those_images(window, trained, qtbot):
    from playground.ml.inference.explain import confusion

    page = _opened(window, trained, qtbot)
    panel = page.confusion
    assert not page.classify_validation()  # the project shows digits: the photos load aside
    qtbot.waitUntil(lambda: panel.result is not None, timeout=20000)
    assert panel.matrix.rowCount() == 2 and panel.matrix.columnCount() == 3
    total = sum(int(panel.matrix.item(r, c).text()) for r in range(2) for c in range(2))
    assert total == len(panel.images) == 10  # 40 photos, a quarter kept for validation
    expected = confusion(page.predictor, panel.images)
    for true in range(2):
        for guess in range(2):
            rect = panel.matrix.visualItemRect(panel.matrix.item(true, guess))
            QTest.mouseClick(panel.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert panel.shown == expected.cell(true, guess)
            assert panel.cell_images.count() == int(panel.matrix.item(true, guess).text())
    accuracy = panel.matrix.item(0, 2).text()
    assert accuracy.endswith("%")


def test_a_pasted_image_is_classified_like_the_same_file(window, trained, tmp_path, qtbot):
    from PIL import Image
    from PySide6.QtGui import QGuiApplication, QImage

    page = _opened(window, trained, qtbot)
    photo = sorted((trained / "new" / "flower").glob("*.jpg"))[0]
    Image.open(photo).save(tmp_path / "flower.png")
    QGuiApplication.clipboard().setImage(QImage(str(tmp_path / "flower.png")))
    assert page.paste() == 1
    _wait_classified(page, qtbot)
    assert page.table.item(0, 1).text() == "Pasted image 1"
    (expected,) = page.predictor.predict_files([tmp_path / "flower.png"], top_k=3)
    assert [(n, round(p, 5)) for n, p in page.results[0].top] == [(n, round(p, 5)) for n, p in expected.top]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    QGuiApplication.clipboard().setMimeData(mime)  # files copied in a file manager
    assert page.paste() == 1
    _wait_classified(page, qtbot)
    assert page.table.item(1, 1).text() == photo.name
    # Leave the clipboard empty: mime data still in it when the interpreter exits segfaults it.
    QGuiApplication.clipboard().clear()


def test_images_dropped_anywhere_on_the_window_are_classified_once_there_is_a_model(window, trained, qtbot):
    page = window.predict_page
    _open(page, qtbot, trained / "run" / "best.pt")
    window.show_page(window.pages.indexOf(window.model_page))
    assert _drop(window, sorted((trained / "new" / "china").glob("china_*.jpg")))
    _wait_classified(page, qtbot)
    assert window.pages.currentWidget() is page and page.table.rowCount() == 3


@pytest.mark.parametrize("fmt", ["checkpoint", "onnx", "torchscript", "python"])
def test_the_model_exports_from_the_page(window, trained, tmp_path, fmt, qtbot):
    page = _opened(window, trained, qtbot)
    written = page.export(fmt, str(tmp_path / f"model.{fmt}"))
    assert written is not None and written.stat().st_size > 500
    if fmt == "checkpoint":
        assert load_checkpoint(written).class_names == ("china", "flower")


def test_an_imagenet_network_as_it_is(window, palace_and_mobilenet, qtbot):
    page = window.predict_page
    page._fill_imagenet_menu()
    enabled = [a.text() for a in page.imagenet_button.menu().actions() if a.isEnabled()]
    assert enabled == ["MobileNetV2"]
    assert page.use_imagenet_network("mobilenet_v2")
    assert "1,000 classes" in page.model_label.text() and not page.export_button.isEnabled()
    assert _drop(page, [palace_and_mobilenet])
    _wait_classified(page, qtbot)
    assert page.results[0].top[0][0] in ("palace", "monastery", "pagoda")
    qtbot.waitUntil(lambda: page.explain.layer_list.count() == 19)
    qtbot.waitUntil(lambda: page.explain.cam is not None, timeout=30_000)  # a backward pass, off the window's thread
    assert page.explain.cam_class.count() == 1000 and page.explain.cam.shape == (224, 224)


def test_a_new_model_starts_a_new_table_and_a_vanished_file_is_said(window, trained, tmp_path, qtbot):
    import shutil

    page = _opened(window, trained, qtbot)
    copy = tmp_path / "gone.jpg"
    shutil.copyfile(sorted((trained / "new" / "flower").glob("*.jpg"))[0], copy)
    page.add_images([copy, sorted((trained / "new" / "china").glob("china_*.jpg"))[0]])
    qtbot.waitUntil(lambda: page.explain.predictor is not None)
    copy.unlink()
    page.table.setCurrentCell(1 - page.table.currentRow(), 1)
    page.table.setCurrentCell(next(r for r in range(2) if page.result_at(r).path == str(copy)), 1)
    qtbot.waitUntil(lambda: "unreadable" in page.chosen_label.text())
    assert page.explain.predictor is None  # nothing explained, nothing raised
    page.set_model(load_checkpoint(trained / "run" / "best.pt"))
    assert page.table.rowCount() == 0 and not page.results


def test_the_chosen_image_is_decoded_off_the_windows_thread(window, trained, qtbot):
    import threading

    page = _opened(window, trained, qtbot)
    page.add_images(sorted((trained / "new" / "flower").glob("*.jpg")))
    _wait_classified(page, qtbot)
    decoded_on = []
    load = page.predictor.load_image

    def recording(path):
        decoded_on.append(threading.current_thread() is threading.main_thread())
        return load(path)

    page.predictor.load_image = recording
    page.table.setCurrentCell(2, 1)
    qtbot.waitUntil(lambda: bool(decoded_on) and not page.explain.maps_task.busy)
    assert not any(decoded_on) and page.explain.maps  # a large photo's decode never stalls the window


def test_a_grey_models_answer_and_explanation_decode_the_file_once(window, trained, qtbot, monkeypatch):
    from PIL import Image

    page = _opened(window, trained, qtbot)
    assert page.checkpoint.project.data.channels == 1  # a grey model: its thumbnail is the grey image it saw
    photo = sorted((trained / "new" / "flower").glob("*.jpg"))[0]
    opened = []
    real_open = Image.open

    def counting(fp, *args, **kwargs):
        opened.append(Path(fp))
        return real_open(fp, *args, **kwargs)

    monkeypatch.setattr(Image, "open", counting)
    page.add_images([photo])
    _wait_classified(page, qtbot)
    qtbot.waitUntil(lambda: bool(page.explain.maps) and not page.explain.maps_task.busy, timeout=30_000)
    assert page.table.rowCount() == 1 and page.explain.image.shape == (1, 12, 12)
    assert opened == [photo]  # the table's row, its thumbnail and the explanation: one decode
    page.table.setCurrentCell(-1, -1)
    page.table.setCurrentCell(0, 1)  # chosen again later: read again, since the file may have changed
    qtbot.waitUntil(lambda: len(opened) == 2 and not page.explain.maps_task.busy, timeout=30_000)
