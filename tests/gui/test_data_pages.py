"""The Data and Augment pages, with real image files."""

import sys
import time
from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from playground.gui.window.main_window import MainWindow
from playground.ml.data import transforms
from playground.ml.training import engine
from playground.spec.project import load_project
from playground.spec.settings import AugmentationSettings

sys.path.insert(0, str(Path(__file__).parents[1]))
from sample_photos import make_photo_folder


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    root = make_photo_folder(tmp_path_factory.mktemp("photos") / "photos", per_class=12, size=48)
    whole = (root / "flower" / "flower_0000.jpg").read_bytes()
    (root / "flower" / "zz_truncated.jpg").write_bytes(whole[: len(whole) // 3])
    return root


def _drop_urls(widget, paths, point=None):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = point or widget.rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(widget, kind(point, Qt.DropAction.CopyAction, mime, buttons, keys))
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, drop)
    return drop


def _class_rows(page):
    return [page.classes.item(i).text() for i in range(page.classes.count())]


def test_dropping_a_folder_on_the_window_loads_it_and_reports_the_bad_file(window, photos, qtbot):
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        drop = _drop_urls(window, [photos])
    assert drop.isAccepted()
    page = window.data_page
    assert window.pages.currentWidget() is page
    assert window.document.project.data.source == str(photos)
    assert _class_rows(page) == ["china   (12 images)", "flower   (12 images)"]
    assert page.skipped.count() == 1 and "zz_truncated.jpg: damaged or unreadable" in page.skipped.item(0).text()
    assert page.thumbnails.count() == 12  # the first class's pictures
    assert page.balance.values == [("china", 12), ("flower", 12)]
    assert "24 images in 2 classes, each 1×32×32" in page.status.text()  # LeNet reads grayscale


def test_a_built_in_dataset_shows_its_classes(window, qtbot):
    page = window.data_page
    assert window.document.project.data.source == "builtin:digits"
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):  # showing the page loads its images
        window.show_page(window.pages.indexOf(page))
    assert page.classes.count() == 10 and sum(c for _, c in page.balance.values) == 1797
    page.split.setValue(30)
    assert window.document.project.data.val_fraction == 0.3
    assert "30% validation (about 539 images)" in page.split_label.text()


def test_image_size_and_channels_flow_into_the_builder(window, qtbot):
    page = window.data_page
    page.height.setValue(40)
    page.width.setValue(40)
    page.channels.setCurrentIndex(page.channels.findData(3))
    page.channels.activated.emit(page.channels.currentIndex())
    assert window.document.project.input_shape == (3, 40, 40)
    assert "Input: 3×40×40" in window.model_page.input_label.text()
    assert "6×36×36" in window.model_page.network.item(0).text()


def test_classes_made_here_with_dropped_images_survive_save_and_open(window, photos, qtbot, tmp_path, dialogs):
    window.save_as(tmp_path / "mine.json")
    page = window.data_page
    window.show_page(window.pages.indexOf(page))
    folder = page.new_dataset()
    assert folder == tmp_path / "mine_images"
    assert window.document.project.data.source == "mine_images"  # relative: it moves with the project
    assert _class_rows(page) == ["Class 1   (0 images)", "Class 2   (0 images)"]
    assert page.add_class("Cats") and page.add_class("Dogs")
    rows = [page.classes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.classes.count())]
    assert rows == ["Cats", "Class 1", "Class 2", "Dogs"]
    for target, name in (("Cats", "china"), ("Dogs", "flower")):
        rect = page.classes.visualItemRect(page.classes.item(rows.index(target)))
        _drop_urls(page.classes.viewport(), sorted((photos / name).glob(f"{name}_000*.jpg"))[:5], rect.center())
    assert sorted(p.name for p in (folder / "Cats").iterdir())[:2] == ["china_0000.jpg", "china_0001.jpg"]
    assert page.remove_button.isEnabled()  # an app-made dataset: its images are copies
    asked = dialogs("question", QMessageBox.StandardButton.Yes)
    for _ in range(2):  # the two empty starter classes, now in rows 1 and 2
        page.classes.setCurrentRow(1)
        assert page.remove_class()
    assert "Remove the class “Class 1”" in asked[0]
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        page.load(force=True)
    assert _class_rows(page) == ["Cats   (5 images)", "Dogs   (5 images)"]
    assert window.save()
    reopened = MainWindow()
    qtbot.addWidget(reopened)
    assert reopened.open_project(tmp_path / "mine.json")
    reopened.show_page(reopened.pages.indexOf(reopened.data_page))
    reopened.show()
    qtbot.waitUntil(lambda: reopened.loader.image_set is not None, timeout=60_000)
    assert _class_rows(reopened.data_page) == ["Cats   (5 images)", "Dogs   (5 images)"]


def test_images_that_are_not_images_are_refused_with_a_message(window, tmp_path, dialogs):
    window.save_as(tmp_path / "p.json")
    folder = window.data_page.new_dataset()
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "fake.png").write_text("not a png")
    warned = dialogs("warning")
    assert window.data_page.add_images("Class 1", [str(tmp_path / "notes.txt"), str(tmp_path / "fake.png")]) == 0
    assert "notes.txt: not an image file" in warned[0] and "fake.png: not an image" in warned[0]
    assert list((folder / "Class 1").iterdir()) == []


def test_a_bad_class_name_is_refused(window, tmp_path, dialogs):
    window.data_page.new_dataset()
    warned = dialogs("warning")
    assert not window.data_page.add_class("a/b")
    assert not window.data_page.add_class("Class 1")
    assert "cannot be a class name" in warned[0] and "already a class called 'Class 1'" in warned[1]


def test_loading_can_be_cancelled_and_resumed(window, tmp_path, qtbot, monkeypatch):
    big = make_photo_folder(tmp_path / "big", per_class=150, size=96)
    from playground.ml.data import prepare as data

    decode = data.decode_image

    def slow_decode(*args, **kwargs):  # a slow disk: the load is surely still running when cancelled
        time.sleep(0.01)
        return decode(*args, **kwargs)

    monkeypatch.setattr(data, "decode_image", slow_decode)
    page = window.data_page
    window.show_page(window.pages.indexOf(page))
    with qtbot.waitSignal(window.loader.progress, timeout=60_000):
        page.use_folder(big)
    with qtbot.waitSignal(window.loader.cancelled, timeout=60_000):
        page.cancel_button.click()
    assert "cancelled" in page.status.text() and page.reload_button.isVisible()
    with qtbot.waitSignal(window.loader.loaded, timeout=120_000):
        page.reload_button.click()
    assert _class_rows(page) == ["china   (150 images)", "flower   (150 images)"]


def test_moving_a_slider_changes_the_preview(window, photos, qtbot):
    window.data_page.use_folder(photos)
    page = window.augment_page
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.show_page(window.pages.indexOf(page))
    page.none_button.click()  # the LeNet example augments; start from none
    page.update_preview()
    still = page.preview_images()
    assert page.grid.count() == 16 and all(torch.equal(still[0], img) for img in still)  # off: all alike
    page.rotation.slider.setValue(40)
    assert window.document.project.augmentation.rotation == 40
    qtbot.waitUntil(lambda: not page.preview_timer.isActive())
    moved = page.preview_images()
    assert not torch.equal(moved, still) and not all(torch.equal(moved[0], img) for img in moved)
    assert torch.equal(moved, page.preview_images())  # the same draw until "Roll again"
    page.reroll_button.click()
    assert not torch.equal(moved, page.preview_images())


def test_the_preview_uses_the_training_transform(window, photos, qtbot):
    assert engine.build_augmentation is transforms.build_augmentation
    window.data_page.use_folder(photos)
    page = window.augment_page
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.show_page(window.pages.indexOf(page))
    page.typical_button.click()
    assert window.document.project.augmentation.horizontal_flip
    shown = page.preview_images()
    image = window.loader.image_set.images[0]
    expected = transforms.build_augmentation(window.document.project.augmentation)(
        image.unsqueeze(0).repeat(16, 1, 1, 1), torch.Generator().manual_seed(page.preview_seed)
    )
    assert torch.equal(shown, expected)
    page.none_button.click()
    assert window.document.project.augmentation == AugmentationSettings()


def test_every_control_names_its_keras_argument(window):
    page = window.augment_page
    tips = [page.rotation.toolTip(), page.width_shift.toolTip(), page.zoom.toolTip(), page.fill_mode.toolTip()]
    for tip, keras in zip(tips, ["rotation_range", "width_shift_range", "zoom_range", "fill_mode"], strict=True):
        assert f"Keras: {keras}" in tip


def test_a_folder_dropped_onto_a_class_adds_its_images(window, photos, tmp_path):
    window.save_as(tmp_path / "p.json")
    page = window.data_page
    folder = page.new_dataset()
    rect = page.classes.visualItemRect(page.classes.item(0))
    _drop_urls(page.classes.viewport(), [photos / "china"], rect.center())
    assert window.document.project.data.source == "p_images"  # still the dataset made here
    assert len(list((folder / "Class 1").iterdir())) == 12


def test_image_files_dropped_on_the_window_say_where_they_go(window, photos):
    drop = _drop_urls(window, [photos / "china" / "china_0000.jpg"])
    assert drop.isAccepted() and window.pages.currentWidget() is window.data_page
    assert "drop them onto a class" in window.statusBar().currentMessage()
    assert window.document.project.data.source == "builtin:digits"  # nothing replaced


def test_the_users_own_folder_is_never_written_to(window, photos, dialogs):
    window.data_page.use_folder(photos)
    warned = dialogs("warning")
    assert not window.data_page.add_class("More")
    assert window.data_page.add_images("china", [str(photos / "flower" / "flower_0001.jpg")]) == 0
    assert "not one the app made" in warned[0] and not (photos / "More").exists()
    assert len(list((photos / "china").iterdir())) == 12


def test_save_as_elsewhere_keeps_a_relative_dataset(window, tmp_path, qtbot):
    window.save_as(tmp_path / "a" / "p.json")
    folder = window.data_page.new_dataset()
    assert window.document.project.data.source == "p_images"
    window.save_as(tmp_path / "b" / "q.json")
    assert window.document.project.data.source == str(folder)  # absolute now: b/ has no p_images
    assert "has no images" in window.class_names.error()  # found (its classes are still empty)
    assert [name for name, _ in window.data_page._counts()] == ["Class 1", "Class 2"]
    assert load_project(tmp_path / "b" / "q.json").data.source == str(folder)


def test_loaded_images_stay_loaded_when_the_project_is_saved(window, qtbot, tmp_path):
    window.show_page(window.pages.indexOf(window.data_page))
    qtbot.waitUntil(lambda: window.loader.image_set is not None, timeout=60_000)
    images = window.loader.image_set
    window.save_as(tmp_path / "p.json")
    assert window.loader.images_for(window.document.project.data, window.document.base_dir) is images


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_loader_deleted_while_loading_ends_quietly(tmp_path, qtbot, monkeypatch):
    """A page opened alone and closed mid-load deleted the loader under its thread: the thread's
    report then went to a deleted object and a later event loop crashed (seen in CI)."""
    import gc
    import threading

    from PySide6.QtCore import QEvent, QObject

    from playground.gui.project.dataset_loader import DatasetLoader
    from playground.ml.data import prepare as data
    from playground.spec.settings import DataSettings

    folder = make_photo_folder(tmp_path / "photos", per_class=30, size=48)
    decode = data.decode_image
    started = threading.Event()

    def slow_decode(*args, **kwargs):
        started.set()
        time.sleep(0.01)
        return decode(*args, **kwargs)

    monkeypatch.setattr(data, "decode_image", slow_decode)
    owner = QObject()
    loader = DatasetLoader(owner)
    loader.request(DataSettings(source=str(folder), image_size=(32, 32), channels=3), None)
    assert started.wait(30)
    thread = loader._task._thread  # the thread the deleted loader leaves behind
    owner.deleteLater()  # the loader goes with its owner, its thread still decoding
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del owner, loader
    gc.collect()
    thread.join(60)
    assert not thread.is_alive()
    QApplication.processEvents()  # nothing is delivered to the deleted loader, nothing crashes
