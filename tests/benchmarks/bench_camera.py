"""The camera loop: live prediction speed, the window's smoothness, recording's timing.

    python tests/benchmarks/bench_camera.py [--rounds 5] [--seconds 4]

There is no camera here: a video file plays as one, through the same code a camera's frames take
(`playground.ml.data.camera` → the feed's background task → the window). Figures, median of the rounds:

1. Live prediction, frames/s, for Playground Mini (64×64 RGB, its shipped weights, a small head)
   and the VGG-style preset (32×32 RGB), on 640×480 frames (a webcam's), alternating:
     bare      cv2 decode + crop + resize + model(x) + softmax, a plain loop
     pipeline  playground.ml.inference.live.predict_frames: what `predict --camera` runs
     window    the Predict page's live panel, frames classified on its task while the window paints
   Goals: window >= 15 frames/s for these small models, window >= 0.9x bare.
   (The file is marked 240 frames/s, the most a file may claim, so the window's pacing to the file's own
   rate is not the limit.)
2. Timer lateness of a 10 ms timer on the window's thread while previewing, recording and
   predicting a 30 frames/s "camera": p50, p99, max (goals p99 <= 16 ms, max <= 100 ms).
3. Time from pressing Record to the first frame on disk; frames saved per second against the rate
   asked (5/s and 10/s).
Measured on a machine shared with other work: absolute figures vary, the ratios less so.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())
sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parent))

import torch
from _timing import alternate
from bench_gui_training import LatenessProbe, lateness_line
from sample_videos import write_object_video

from playground.gui.window.launch import make_application
from playground.gui.window.main_window import MainWindow
from playground.ml.data.camera import crop_to_aspect, network_input, open_source
from playground.ml.data.prepare import normalize
from playground.ml.files.checkpoints import Checkpoint
from playground.ml.inference.live import predict_frames
from playground.ml.inference.predict import Predictor
from playground.ml.network.transfer import build_network
from playground.spec.presets import PRESETS
from playground.spec.project import Project, project_from_dict
from playground.spec.settings import DataSettings

FRAMES = 90


def mini_checkpoint() -> Checkpoint:
    project = project_from_dict(
        {
            "format": "cnn-playground/1",
            "name": "mini",
            "data": {"source": "builtin:shapes", "image_size": [64, 64], "channels": 3},
            "model": {"layers": [{"type": "global_avgpool"}, {"type": "dense", "units": "auto"}]},
            "pretrained": {"network": "playground_mini", "mode": "feature_extraction"},
        }
    )
    return _checkpoint(project)


def vgg_checkpoint() -> Checkpoint:
    data = DataSettings(source="builtin:shapes", image_size=(32, 32), channels=3)
    return _checkpoint(Project(name="vgg", data=data, layers=PRESETS["vgg_style"].layers))


def _checkpoint(project: Project, classes: int = 3) -> Checkpoint:
    model = build_network(project, classes)
    names = tuple(f"class {i}" for i in range(classes))
    return Checkpoint(project, names, [0.5] * 3, [0.25] * 3, model.state_dict())


def on_thread(function):
    """Run on a fresh thread, as the window's task runs the live panel's work. On this machine
    torch's two threads on the main thread slowed a frame 10× (OpenMP teams spinning on a loaded
    machine) while a fresh thread ran at full speed: every contender gets the same footing."""
    result = []
    thread = threading.Thread(target=lambda: result.append(function()))
    thread.start()
    thread.join()
    return result[0]


def bare_rate(predictor: Predictor, video: Path) -> float:
    import cv2

    data = predictor.checkpoint.project.data
    model, mean, std = predictor.model, predictor.mean, predictor.std
    start, count = time.perf_counter(), 0
    capture = cv2.VideoCapture(str(video))
    while True:
        ok, image = capture.read()
        if not ok:
            break
        rgb = crop_to_aspect(cv2.cvtColor(image, cv2.COLOR_BGR2RGB), data.image_size)
        x = torch.from_numpy(network_input(rgb, data.image_size, data.channels)).unsqueeze(0)
        with torch.inference_mode():
            torch.softmax(model(normalize(x, mean, std)), dim=1)
        count += 1
    capture.release()
    return count / (time.perf_counter() - start)


def pipeline_rate(predictor: Predictor, video: Path) -> float:
    start = time.perf_counter()
    count = sum(1 for _ in predict_frames(predictor, open_source(str(video))))
    return count / (time.perf_counter() - start)


def wait(app, condition, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)


def window_rate(app, window: MainWindow, video: Path, probe: LatenessProbe | None = None) -> float:
    """Frames classified per second by the Predict page's live panel until the video ends."""
    panel = window.predict_page.open_camera().panel
    panel.picker.use(video)
    ended = []
    panel.feed.ended.connect(lambda: ended.append(True))
    panel.feed.failed.connect(lambda message: ended.append(message))
    counted = []
    panel.feed.frame_ready.connect(lambda frame, result, picture: counted.append(result[0].number))
    start = time.perf_counter()
    if probe is not None:
        probe.start()
    panel.start()
    wait(app, lambda: ended, seconds=300)
    elapsed = time.perf_counter() - start
    if probe is not None:
        probe.stop()
    assert ended == [True], ended
    return (max(counted) + 1) / elapsed  # every frame is classified; the window may show fewer


def live_prediction(rounds: int) -> None:
    app = make_application()
    work = Path(tempfile.mkdtemp())
    video = write_object_video(work / "fast.avi", "both", frames=FRAMES, size=(480, 640), fps=240)
    window = MainWindow()
    window.resize(1024, 768)
    window.show()
    for title, checkpoint in (("Playground Mini 64×64", mini_checkpoint()), ("VGG-style 32×32", vgg_checkpoint())):
        window.predict_page.set_model(checkpoint)
        predictor = window.predict_page._predictor()
        medians = alternate(
            {
                "bare decode + model(x)": lambda p=predictor: on_thread(lambda: bare_rate(p, video)),
                "pipeline (predict --camera)": lambda p=predictor: on_thread(lambda: pipeline_rate(p, video)),
                "window (live panel)": lambda: window_rate(app, window, video),
            },
            rounds,
        )
        print(f"\nLive prediction, {title}, 640×480 frames, median of {rounds} rounds")
        for name, value in medians.items():
            print(f"  {name:<44} {value:>8.1f} frames/s")
        ratio = medians["window (live panel)"] / medians["bare decode + model(x)"]
        fast = medians["window (live panel)"] >= 15
        print(
            f"  window / bare: {ratio:.3f} (goal >= 0.9: {'meets' if ratio >= 0.9 else 'MISSES'});"
            f" window >= 15 frames/s: {'meets' if fast else 'MISSES'}"
        )
    window.document.undo_stack.setClean()
    window.close()


def smoothness_and_recording(seconds: float) -> None:
    app = make_application()
    work = Path(tempfile.mkdtemp())
    camera = write_object_video(
        work / "camera.avi", "both", frames=int(30 * (seconds * 3 + 6)), fps=30, size=(480, 640)
    )
    window = MainWindow()
    window.resize(1024, 768)
    window.show()
    window.save_as(work / "bench.json")
    window.show_page(window.pages.indexOf(window.data_page))
    window.data_page.new_dataset()
    dialog = window.data_page.record_with_camera()
    panel = dialog.panel
    panel.picker.use(camera)
    print(f"\nThe window's timer lateness, a 30 frames/s camera (a video), {seconds:g} s each")
    probe = LatenessProbe()
    probe.start()
    wait(app, lambda: False, seconds=seconds)
    print(lateness_line("the window idle (this machine's own noise)", probe.stop()))
    probe = LatenessProbe()
    panel.start_camera()
    wait(app, lambda: panel.view.image is not None)
    probe.start()
    wait(app, lambda: False, seconds=seconds)
    print(lateness_line("previewing", probe.stop()))

    firsts, rates = [], []
    for rate in (5, 10):
        panel.rate.setValue(rate)
        probe = LatenessProbe()
        probe.start()
        pressed = time.monotonic()
        panel.start_recording()
        name = panel.class_combo.currentText()
        before = panel.saved_in(name)
        wait(app, lambda: False, seconds=seconds)
        panel.stop_recording()
        held = time.monotonic() - pressed
        lateness = probe.stop()
        if panel.state.first_saved_at is not None:
            firsts.append(panel.state.first_saved_at - pressed)
        rates.append((rate, (panel.saved_in(name) - before) / held))
        print(lateness_line(f"recording at {rate}/s", lateness))
    panel.stop_camera()
    wait(app, lambda: not panel.feed.running)
    dialog.close()
    for rate, got in rates:
        print(f"  saved {got:.2f} frames/s asked {rate}/s  (ratio {got / rate:.2f})")
    print(f"  Record → first frame on disk: {', '.join(f'{1000 * s:.0f} ms' for s in firsts)}")

    window.predict_page.set_model(vgg_checkpoint())
    window.show_page(window.pages.indexOf(window.predict_page))
    live = window.predict_page.open_camera().panel
    live.picker.use(camera)
    live.start()
    wait(app, lambda: live.prediction is not None)
    probe = LatenessProbe()
    probe.start()
    wait(app, lambda: False, seconds=seconds)
    print(lateness_line("predicting live (VGG-style)", probe.stop()))
    print(f"  frames shown {live.feed.frames_shown}, {live.rate_label.text()}")
    live.stop()
    wait(app, lambda: not live.feed.running)
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; a contended machine: compare ratios")
    live_prediction(args.rounds)
    smoothness_and_recording(args.seconds)
    from playground.gui.background.tasks import Task

    Task.stop_all()
