"""Render the window's main views to PNG files, to look at them and for the README.

python tests/screenshots.py [OUT_DIR]   (default: docs/)
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from pathlib import Path

SCREEN = Path(__file__).with_name("offscreen-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())

from playground.gui.app import make_application  # noqa: E402
from playground.gui.main_window import MainWindow  # noqa: E402
from playground.resources import example_projects  # noqa: E402
from playground.spec.project import load_project  # noqa: E402


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
    window.show_page(1)
    window.model_page.select(2)
    shoot(window, out / "builder-lenet5.png")

    layers = list(window.document.project.layers)
    layers[2] = dataclasses.replace(layers[2], kernel=(15, 15))
    window.document.change(window.document.project.replace(layers=tuple(layers)), "break")
    window.model_page.select(2)
    shoot(window, out / "builder-invalid.png")
    window.document.undo_stack.setClean()

    window.show_page(0)
    shoot(window, out / "data-page.png")
    window.show_page(2)
    shoot(window, out / "train-page.png")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "docs")
