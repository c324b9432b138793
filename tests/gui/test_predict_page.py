"""The Predict page: drop images, read the top classes, save them as CSV."""

import csv
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from playground.cli import main
from playground.ml.checkpoints import load_checkpoint
from playground.ml.predict import Predictor
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


def test_dropped_images_get_the_same_top_classes_as_the_cli(window, trained, capsys):
    page = window.predict_page
    window.show_page(window.pages.indexOf(page))
    assert page.open_checkpoint(str(trained / "run" / "best.pt"))
    files = sorted((trained / "new" / "flower").glob("*.jpg"))
    assert _drop(page, files)
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


def test_a_dropped_folder_fills_a_table_and_bad_files_say_why(window, trained, tmp_path):
    page = window.predict_page
    page.set_model(load_checkpoint(trained / "run" / "best.pt"))
    assert _drop(page, [trained / "new"])
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


def test_a_broken_checkpoint_is_refused(window, tmp_path, dialogs):
    (tmp_path / "x.pt").write_bytes(b"garbage")
    warned = dialogs("warning")
    assert not window.predict_page.open_checkpoint(str(tmp_path / "x.pt"))
    assert "is not a valid checkpoint" in warned[0] and window.predict_page.checkpoint is None


def test_the_predictor_probabilities_agree(trained):
    predictor = Predictor(load_checkpoint(trained / "run" / "best.pt"))
    (result,) = predictor.predict_files([sorted((trained / "new" / "china").glob("china_*.jpg"))[0]], top_k=2)
    assert abs(sum(p for _, p in result.top) - 1.0) < 1e-5  # two classes: top 2 is everything
