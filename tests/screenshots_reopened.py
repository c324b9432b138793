"""Screenshots of a reopened project (issue 15): trained twice from the command line (with and
without augmentation), then opened in the window at 1024×768 — the Train page with both runs'
curves overlaid, and the Predict page with the project's own model classifying photos.

python tests/screenshots_reopened.py [OUT_DIR]   (default: docs/; English and Korean)
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_photos import make_photo_folder

SCREEN = Path(__file__).with_name("offscreen-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())

from playground.cli import main as cli  # noqa: E402
from playground.resources import example_projects  # noqa: E402
from playground.spec.project import load_project, save_project  # noqa: E402
from playground.spec.settings import AugmentationSettings  # noqa: E402


def make_trained_project(folder: Path) -> Path:
    """Photos (a temple, a dahlia) trained twice: augmentation off, then on."""
    photos = make_photo_folder(folder / "Photos_images", per_class=40)
    project = load_project(example_projects()["vgg-style-shapes"]).replace(
        name="Photos", augmentation=AugmentationSettings()
    )
    data = dataclasses.replace(project.data, source=photos.name, image_size=(32, 32), channels=3)
    training = dataclasses.replace(project.training, epochs=6, batch_size=16, device="cpu")
    path = folder / "Photos.json"
    save_project(project.replace(data=data, training=training), path)
    assert cli(["train", str(path), "--out", str(folder / "out1")]) == 0
    augmented = AugmentationSettings(rotation=20, horizontal_flip=True, zoom=0.2)
    save_project(load_project(path).replace(augmentation=augmented), path)
    assert cli(["train", str(path), "--out", str(folder / "out2")]) == 0
    return path


def wait(app, condition, seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def shoot_language(project_path: Path, out: Path, language: str) -> None:
    from playground.gui.app.translation import install_translators
    from playground.gui.window.launch import make_application
    from playground.gui.window.main_window import MainWindow

    app = make_application()
    install_translators(language)
    window = MainWindow()
    window.resize(1024, 768)
    window.show()
    window.start_background_work()  # torch, and the device in the status bar
    window.torch_loader.wait()
    restored = []
    window.work.restored.connect(lambda: restored.append(True))
    window.open_project(project_path)
    wait(app, lambda: restored)
    page = window.train_page
    window.show_page(window.pages.indexOf(page))
    page.ensure_plots()
    page.set_overlaid({1, 2})
    tabs = page.run_list.parentWidget().parentWidget().parentWidget()
    tabs.setCurrentIndex(1)  # the Runs tab
    wait(app, lambda: True)
    window.grab().save(str(out / f"reopened-project-train-{language}.png"))
    predict = window.predict_page
    window.show_page(window.pages.indexOf(predict))
    images = project_path.parent / "Photos_images"
    predict.add_images(
        [
            images / "china" / "china_0003.jpg",
            images / "flower" / "flower_0005.jpg",
            images / "china" / "china_0010.jpg",
            images / "flower" / "flower_0011.jpg",
        ]
    )
    wait(app, lambda: not predict.classifying)
    predict.select_result(1)
    wait(app, lambda: predict.explain.maps_task.busy, seconds=5)
    wait(app, lambda: not predict.explain.maps_task.busy)
    predict.explain.layer_list.setCurrentRow(1)
    wait(app, lambda: not predict.explain.maps_task.busy)
    window.grab().save(str(out / f"reopened-project-predict-{language}.png"))
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    if len(sys.argv) > 2:  # one language in this process: the window is built in one language
        shoot_language(Path(sys.argv[2]), Path(sys.argv[1]), sys.argv[3])
        sys.exit(0)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "docs"
    out.mkdir(parents=True, exist_ok=True)
    project_path = make_trained_project(Path(tempfile.mkdtemp()))
    for language in ("en", "ko"):
        subprocess.run([sys.executable, __file__, str(out), str(project_path), language], check=True)
