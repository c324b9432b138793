"""The Learn page's labs, the figure and the digit walk-through as a projector shows them: a real X
display of 1024×768 with a window manager, the window maximized, in Korean, at 1.0× and in
presentation mode (1.5×). The whole screen is captured, the window's frame included.

xvfb-run -a -s "-screen 0 1024x768x24" bash -c \
    'openbox & sleep 1; QT_QPA_PLATFORM=xcb python tests/screenshots_projector.py [OUT_DIR]'
(default OUT_DIR: docs/)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())

from PySide6.QtWidgets import QApplication

from playground.gui.app import translation
from playground.gui.app.presentation import PRESENTATION, presentation
from playground.gui.window.launch import make_application
from playground.resources import example_projects
from playground.spec.project import load_project


def settle(seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(window, path: Path) -> None:
    settle()
    window.screen().grabWindow(0).save(str(path))  # the whole screen: the frame and title bar too
    print(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    if app.platformName() != "xcb":
        sys.exit("run this on a real X display (see the module's docstring)")
    translation.install_translators("ko")
    from playground.gui.window.main_window import MainWindow

    window = MainWindow(load_project(example_projects()["lenet5-digits"]))
    window.showMaximized()
    window.start_background_work()
    window.torch_loader.wait()
    settle(1.5)
    learn = window.learn_page
    for factor, suffix in ((1.0, "1024-ko"), (PRESENTATION, "1024-ko-presentation")):
        presentation.set_factor(factor, remember=False)
        window.show_page(window.pages.indexOf(learn))
        learn.setCurrentWidget(learn.lab)
        learn.lab.reset()
        for _ in range(6):  # the lecture's example, six steps in: output [2, 2]
            learn.lab.advance()
        shoot(window, out / f"projector-conv-lab-{suffix}.png")
        learn.setCurrentWidget(learn.image_lab)
        shoot(window, out / f"projector-image-lab-{suffix}.png")
        learn.setCurrentWidget(learn.walkthrough)
        deadline = time.monotonic() + 60
        while learn.walkthrough.walk is None and time.monotonic() < deadline:
            settle(0.2)
        shoot(window, out / f"projector-walkthrough-{suffix}.png")
        window.show_page(window.pages.indexOf(window.model_page))
        window.model_page.network_tabs.setCurrentWidget(window.model_page.figure)
        shoot(window, out / f"projector-figure-{suffix}.png")
        window.model_page.network_tabs.setCurrentWidget(window.model_page.network)
    presentation.set_factor(1.0, remember=False)
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "docs")
