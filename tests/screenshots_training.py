"""Screenshots of the Train page while its child process trains, in English and Korean, at 1024×768
and 1920×1080: a first run (with the example's augmentation), then a second run without augmentation, the first
overlaid.

    python tests/screenshots_training.py [OUT_DIR]      (default: docs/)
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}")
os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())

from playground.gui.app.application import make_application
from playground.gui.app.translation import install_translators
from playground.gui.background.tasks import Task
from playground.gui.window.main_window import MainWindow
from playground.resources import example_projects
from playground.spec.project import load_project

SIZES = {"1024": (1024, 768), "1080": (1920, 1080)}


def _wait(app, condition, seconds: float = 300) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot_language(language: str, out: Path) -> None:
    app = make_application()
    install_translators(language)
    project = load_project(example_projects()["lenet5-digits"])
    project = project.replace(training=dataclasses.replace(project.training, epochs=8))
    window = MainWindow(project)
    window.resize(*SIZES["1024"])
    window.show()
    window.start_background_work()  # torch, and the device in the status bar
    page = window.train_page
    window.show_page(window.pages.indexOf(page))
    page.start()
    _wait(app, lambda: not page.is_training)  # the first run: 8 epochs
    plain = type(project.augmentation)()  # the example trains with augmentation: the second run without
    window.document.change(window.document.project.replace(augmentation=plain), "augmentation off")
    page.start()
    page.set_overlaid({1})
    _wait(app, lambda: page.run is not None and len(page.run.history) >= 3)
    for name, size in SIZES.items():
        window.resize(*size)
        for _ in range(10):
            app.processEvents()
        path = out / f"train-overlay-{name}-{language}.png"
        window.grab().save(str(path))
        print(path)
    page.stop_and_wait()
    window.hide()  # not close(): it would ask (in a dialog) whether to save the trained model


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "ko"):
        shoot_language(language, out)
    Task.stop_all()  # as the app does at exit: no thread of ours inside torch when the interpreter ends


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "docs")
