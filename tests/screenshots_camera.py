"""The camera loop, step by step, in English and Korean: record two classes from a "camera" (a
video file plays as one: there is no camera here), train, predict live, freeze and explain a
frame, correct a mistake, and the run list counting the added image.

python tests/screenshots_camera.py [OUT_DIR]   (default: docs/)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_videos import write_object_video

SCREEN = Path(__file__).with_name("offscreen-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())

from PySide6.QtCore import Qt  # noqa: E402

from playground.cli import main as cli  # noqa: E402
from playground.resources import example_projects  # noqa: E402
from playground.spec.project import load_project  # noqa: E402

NAMES = {"en": ("Red ball", "Blue box"), "ko": ("빨간 공", "파란 상자")}


def wait(app, condition, seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def shoot(app, widget, path: Path) -> None:
    wait(app, lambda: True)
    widget.grab().save(str(path))
    print(path)


def record(app, panel, video: Path, class_index: int, frames: int, out: Path | None = None) -> None:
    panel.class_combo.setCurrentIndex(class_index)
    panel.picker.use(video)
    panel.start_camera()
    wait(app, lambda: panel.view.image is not None)
    panel.record_button.pressed.emit()
    name = panel.class_combo.currentText()
    wait(app, lambda: panel.saved_in(name) >= frames // 2)
    if out is not None:
        shoot(app, panel.window(), out)
    wait(app, lambda: panel.saved_in(name) >= frames)
    panel.record_button.released.emit()
    panel.stop_camera()
    wait(app, lambda: not panel.feed.running)


def shoot_language(out: Path, language: str) -> None:
    from playground.gui.app.translation import install_translators
    from playground.gui.window.launch import make_application
    from playground.gui.window.main_window import MainWindow

    app = make_application()
    install_translators(language)
    work = Path(tempfile.mkdtemp())
    videos = {kind: write_object_video(work / f"{kind}.avi", kind, frames=90) for kind in ("ball", "box", "both")}
    project = load_project(example_projects()["vgg-style-shapes"]).replace(name="Objects")
    window = MainWindow(project)
    window.resize(1024, 768)
    window.show()
    window.start_background_work()
    window.torch_loader.wait()
    project_path = work / "Objects.json"
    window.save_as(project_path)
    data_page = window.data_page
    window.show_page(window.pages.indexOf(data_page))
    data_page.new_dataset()
    for old, new in zip(("Class 1", "Class 2"), NAMES[language], strict=True):
        old = window.tr(old) if language == "en" else {"Class 1": "클래스 1", "Class 2": "클래스 2"}[old]
        rows = [data_page.classes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(data_page.classes.count())]
        data_page.classes.setCurrentRow(rows.index(old))
        data_page.rename_class(new)
    # 1. Record: hold "Record" while the object is in front of the camera.
    dialog = data_page.record_with_camera()
    dialog.move(window.x() + 300, window.y() + 60)
    panel = dialog.panel
    panel.rate.setValue(15)
    record(app, panel, videos["ball"], 0, 40, out / f"camera-record-{language}.png")
    record(app, panel, videos["box"], 1, 40)
    dialog.close()
    wait(app, lambda: not window.loader.busy)
    data_page.classes.setCurrentRow(0)
    shoot(app, window, out / f"camera-data-{language}.png")
    window.save()

    # 2. Train (on the command line here: the same run as the Train page's, and faster to script).
    cli(["train", str(project_path), "--epochs", "12", "--out", str(work / "run1")])
    restored = []
    window.work.restored.connect(lambda: restored.append(True))
    window.open_project(project_path)
    wait(app, lambda: restored)

    # 3. Predict live; freeze a frame, explain it.
    predict = window.predict_page
    window.show_page(window.pages.indexOf(predict))
    wait(app, lambda: predict.has_model)
    live = predict.open_camera()
    live.move(window.x() + 400, window.y() + 60)
    live.panel.picker.use(videos["both"])
    live.panel.start()
    wait(app, lambda: live.panel.feed.frames_shown >= 20)
    shoot(app, live, out / f"camera-live-{language}.png")
    live.panel.freeze()
    wait(app, lambda: not predict.classifying and not live.panel.feed.running)
    wait(app, lambda: predict.explain.cam is not None, seconds=60)
    predict.explain.setCurrentIndex(1)  # Grad-CAM
    shoot(app, window, out / f"camera-frozen-{language}.png")

    # 4. Correct: "This is really…" the other class; the run list counts it.
    live.panel.correction.correct(NAMES[language][0])  # the frame shows the ball
    live.close()
    train = window.train_page
    window.show_page(window.pages.indexOf(train))
    tabs = train.run_list.parentWidget().parentWidget().parentWidget()
    tabs.setCurrentIndex(1)  # the Runs tab
    shoot(app, window, out / f"camera-corrected-{language}.png")
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    if len(sys.argv) > 2:  # one language in this process: the window is built in one language
        shoot_language(Path(sys.argv[1]), sys.argv[2])
        sys.exit(0)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "docs"
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "ko"):
        subprocess.run([sys.executable, __file__, str(out), language], check=True)
