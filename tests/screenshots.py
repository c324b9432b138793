"""Render the window's main views to PNG files, to look at them and for the README.

python tests/screenshots.py [OUT_DIR]   (default: docs/)
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_photos import make_photo_folder

SCREEN = Path(__file__).with_name("offscreen-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())

from playground.gui.pages.augment_page import TYPICAL  # noqa: E402
from playground.gui.window.launch import make_application  # noqa: E402
from playground.gui.window.main_window import MainWindow  # noqa: E402
from playground.resources import example_projects  # noqa: E402
from playground.spec.project import load_project  # noqa: E402


def settle(window: MainWindow) -> None:
    """Let the background load finish and its signals arrive."""
    app = make_application()
    for _ in range(200):
        app.processEvents()
        if not window.loader.busy:
            break
        window.loader.wait(0.05)
    for _ in range(5):
        app.processEvents()
    window.augment_page.update_preview()


def shoot(window: MainWindow, path: Path) -> None:
    app = make_application()
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    make_application()
    window = MainWindow(load_project(example_projects()["lenet5-digits"]))
    window.resize(1400, 820)
    window.show()
    window.start_background_work()  # torch, and the device in the status bar
    window.torch_loader.wait()
    window.show_page(window.pages.indexOf(window.model_page))
    window.model_page.select(2)
    shoot(window, out / "builder-lenet5.png")

    layers = list(window.document.project.layers)
    layers[2] = dataclasses.replace(layers[2], kernel=(15, 15))
    window.document.change(window.document.project.replace(layers=tuple(layers)), "break")
    window.model_page.select(2)
    shoot(window, out / "builder-invalid.png")
    window.document.undo_stack.setClean()

    photos = make_photo_folder(Path(tempfile.mkdtemp()) / "photos", per_class=40)
    (photos / "flower" / "broken.jpg").write_bytes((photos / "flower" / "flower_0000.jpg").read_bytes()[:600])
    window.document.reset(load_project(example_projects()["vgg-style-shapes"]).replace(name="My photos"), None)
    window.data_page.use_folder(photos)
    data = dataclasses.replace(window.document.project.data, image_size=(64, 64))
    window.document.change(window.document.project.replace(data=data), "size")
    window.show_page(window.pages.indexOf(window.data_page))
    settle(window)
    shoot(window, out / "data-photos.png")
    window.augment_page.apply_preset(TYPICAL)
    window.show_page(window.pages.indexOf(window.augment_page))
    settle(window)
    shoot(window, out / "augment-photos.png")
    window.data_page.use_folder(photos)  # a built-in set too
    window.data_page._edit(source="builtin:animals")
    window.show_page(window.pages.indexOf(window.data_page))
    settle(window)
    shoot(window, out / "data-animals.png")
    window.document.undo_stack.setClean()
    shoot_training(window, out)
    shoot_predictions(window, out, photos)
    shoot_pretrained(window, out)
    window.show_page(window.pages.indexOf(window.learn_page))
    window.learn_page.setCurrentWidget(window.learn_page.lab)
    for _ in range(6):
        window.learn_page.lab.advance()
    shoot(window, out / "lab-step.png")
    window.close()
    for language in ("en", "ko"):
        shoot_learning(out, language)


def shoot_learning(out: Path, language: str) -> None:
    """Two lessons and the lab mid-step (set up by the first lesson's "Try it"), in one language."""
    from playground.gui.app.translation import install_translators

    install_translators(language)
    window = MainWindow(load_project(example_projects()["lenet5-digits"]))
    window.resize(1400, 820)
    window.show()
    if language != "en":  # the builder's live messages, translated too
        layers = list(window.document.project.layers)
        layers[2] = dataclasses.replace(layers[2], kernel=(15, 15))
        window.document.change(window.document.project.replace(layers=tuple(layers)), "break")
        window.show_page(window.pages.indexOf(window.model_page))
        window.model_page.select(2)
        shoot(window, out / f"builder-invalid-{language}.png")
    window.show_page(window.pages.indexOf(window.learn_page))
    lessons = window.learn_page.lessons
    for row, name in ((1, "channels"), (4, "pooling")):
        lessons.lesson_list.setCurrentRow(row)
        shoot(window, out / f"lesson-{name}-{language}.png")
    lessons.lesson_list.setCurrentRow(1)
    lessons.try_button.click()
    for _ in range(7):
        window.learn_page.lab.advance()
    shoot(window, out / f"lab-two-filters-{language}.png")
    window.document.undo_stack.setClean()
    window.close()
    install_translators("en")


def shoot_predictions(window: MainWindow, out: Path, photos: Path) -> None:
    """The model just trained (LeNet-5 on digits) would not know photos: train a tiny one on them."""
    page = window.train_page
    window.document.reset(load_project(example_projects()["vgg-style-shapes"]).replace(name="Photos"), None)
    window.data_page.use_folder(photos)
    training = window.document.project.training.__class__(epochs=3, batch_size=16, device="cpu")
    window.document.change(window.document.project.replace(training=training), "3 epochs")
    page.start()
    while page.is_training:
        make_application().processEvents()
        time.sleep(0.01)
    for _ in range(10):
        make_application().processEvents()
    window.show_page(window.pages.indexOf(window.predict_page))
    predict = window.predict_page
    predict.add_images([photos])
    while predict.classifying or predict.explain.maps_task.busy:  # both off the window's thread
        make_application().processEvents()
        time.sleep(0.01)
    predict.explain.layer_list.setCurrentRow(1)
    predict.explain.map_grid.setCurrentRow(5)
    shoot(window, out / "predict-photos.png")
    predict.table.setCurrentCell(predict.table.rowCount() - 1, 1)
    for _ in range(5):
        make_application().processEvents()
    while predict.explain.maps_task.busy or predict.explain.cam_task.busy:
        make_application().processEvents()
        time.sleep(0.01)
    predict.explain.setCurrentIndex(1)
    shoot(window, out / "predict-grad-cam.png")
    predict.explain.setCurrentIndex(2)
    shoot(window, out / "predict-filters.png")
    predict.explain.setCurrentIndex(3)
    predict.classify_validation()
    while predict.confusion.result is None:  # classified in the background
        make_application().processEvents()
    shoot(window, out / "predict-confusion.png")
    window.document.undo_stack.setClean()


def shoot_pretrained(window: MainWindow, out: Path) -> None:
    """The pretrained picker, and the freeze line after unfreezing two blocks."""
    from playground.gui.pages.model.pretrained_dialog import PretrainedDialog

    window.document.reset(load_project(example_projects()["lenet5-digits"]), None)
    window.show_page(window.pages.indexOf(window.model_page))
    dialog = PretrainedDialog(window)
    dialog.select("mobilenet_v2")
    dialog.show()
    for _ in range(5):
        make_application().processEvents()
    dialog.grab().save(str(out / "pretrained-picker.png"))
    print(out / "pretrained-picker.png")
    dialog.close()
    window.model_page.choose_pretrained("playground_mini")
    window.model_page.base_panel.move_line(3)
    shoot(window, out / "freeze-line.png")
    window.document.undo_stack.setClean()


def shoot_training(window: MainWindow, out: Path) -> None:
    """LeNet-5 on digits: mid-training and after, then a second run overlaid."""
    app = make_application()
    window.document.reset(load_project(example_projects()["lenet5-digits"]), None)
    page = window.train_page
    window.show_page(window.pages.indexOf(page))
    page.start()
    shot_mid = False
    while page.is_training:
        app.processEvents()
        time.sleep(0.01)
        if not shot_mid and len(page.run.history) >= 4:
            shoot(window, out / "train-mid.png")
            shot_mid = True
    for _ in range(10):
        app.processEvents()
    shoot(window, out / "train-after.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "docs")
