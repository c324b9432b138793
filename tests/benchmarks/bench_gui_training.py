"""Training through the window (a child process) beside the command line, and the window's
smoothness meanwhile.

    python tests/benchmarks/bench_gui_training.py [--rounds 3] [--epochs 3] [--photos 1000]

1. Timer lateness (p50, p99, max) of a 10 ms timer on the window's thread while the window trains
   the LeNet-5 example on the CPU — the first training of a fresh process separately — and while
   a pretrained base (Playground Mini, feature extraction) computes its cached features
   (goal: p99 <= 16 ms, max <= 100 ms).
2. Training images/s (the train phase, as the engine reports it) through the window vs
   `cnn-playground train` with its default threads, alternating, medians (goal: ratio >= 0.95).
3. Time from pressing Train to the first batch event in the window, against the command line's
   own start-up to its first batch (`train --child`, the very process the window starts).
4. A dropped folder of photos classified on the Predict page (off the window's thread, the table
   filling as results come): images/s against the bare predictor, and the timer lateness meanwhile.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCREEN = Path(__file__).parents[1] / "offscreen-screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
os.environ.setdefault("CNN_PLAYGROUND_CONFIG_DIR", tempfile.mkdtemp())
os.environ.setdefault("CNN_PLAYGROUND_CACHE_DIR", tempfile.mkdtemp())
sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1])]  # bench_predict, sample_photos

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402

from playground.gui.window.launch import make_application  # noqa: E402
from playground.gui.window.main_window import MainWindow  # noqa: E402
from playground.resources import example_projects  # noqa: E402
from playground.spec.project import load_project, project_from_dict, save_project  # noqa: E402

INTERVAL_MS = 10


class LatenessProbe:
    """A 10 ms precise timer on the window's thread; how late each tick came, in ms."""

    def __init__(self):
        self.samples: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, (now - self._last) * 1000 - INTERVAL_MS))
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start(INTERVAL_MS)

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.samples


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def gui_run(project) -> tuple[float, list[float], float]:
    """Train in the window; (images/s, timer lateness samples in ms, seconds from Train to the first batch)."""
    app = make_application()
    window = MainWindow(project)
    window.show()
    page = window.train_page
    window.show_page(window.pages.indexOf(page))
    speeds, first_batch = [], []
    page.training.epoch_finished.connect(lambda e: speeds.append(e.images_per_second))
    page.training.batch_finished.connect(lambda e: first_batch.append(time.perf_counter()) if not first_batch else None)
    loaded = QEventLoop()  # the images, decoded once as the Data page does, before the clock starts
    window.loader.loaded.connect(loaded.quit)
    if window.loader.request(project.data, None):
        loaded.exec()
    _settle(app)
    probe = LatenessProbe()
    loop = QEventLoop()  # a real event loop, as app.exec() runs it: it sleeps until something happens
    page.training.stopped.connect(loop.quit)
    pressed = time.perf_counter()
    page.start()
    probe.start()
    loop.exec()
    lateness = probe.stop()
    _settle(app)
    window.document.undo_stack.setClean()
    window.close()
    return statistics.mean(speeds), lateness, first_batch[0] - pressed


def cli_run(project_file: Path) -> float:
    """`cnn-playground train --json` with its default threads: the mean of its epochs' images/s."""
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [sys.executable, "-m", "playground", "train", str(project_file), "--json", "--out", out],
            capture_output=True,
            text=True,
            check=True,
        )
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    speeds = [record["images_per_second"] for record in records if record.get("event") == "epoch"]
    return statistics.mean(speeds)


def cli_start_up(project_file: Path) -> float:
    """Seconds from starting the command line's training process to its first batch event."""
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "playground", "train", str(project_file), "--out", out, "--child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in child.stdout:
            if '"batch"' in line:
                seconds = time.perf_counter() - started
                break
        child.stdin.write("stop\n")
        child.stdin.close()
        child.wait(60)
    return seconds


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def lateness_line(title: str, samples: list[float]) -> str:
    return (
        f"  {title:<44} {len(samples):>5} ticks: p50 {percentile(samples, 0.5):5.1f} ms, p99"
        f" {percentile(samples, 0.99):5.1f} ms, max {max(samples):6.1f} ms  (goal p99 <= 16, max <= 100)"
    )


def feature_extraction_lateness() -> list[float]:
    """Timer lateness while the window trains a head on Playground Mini's cached features."""
    project = project_from_dict(
        {
            "format": "cnn-playground/1",
            "name": "mini features",
            "data": {"source": "builtin:shapes", "image_size": [64, 64], "channels": 3},
            "model": {"layers": [{"type": "global_avgpool"}, {"type": "dense", "units": "auto"}]},
            "training": {"epochs": 2, "batch_size": 64, "device": "cpu"},
            "pretrained": {"network": "playground_mini", "mode": "feature_extraction"},
        }
    )
    return gui_run(project)[1]


def predict_folder(photos: int) -> tuple[float, float, list[float]]:
    """(page images/s, bare predictor images/s, timer lateness while the page classifies)."""
    from bench_predict import checkpoint_for
    from sample_photos import make_photo_folder

    from playground.ml.data.folders import images_under
    from playground.ml.inference.predict import Predictor

    folder = make_photo_folder(Path(tempfile.mkdtemp()) / "photos", per_class=photos // 2, size=480)
    files = images_under(folder)
    checkpoint = checkpoint_for("vgg_style", 64, 3, classes=2)
    app = make_application()
    window = MainWindow()
    window.show()
    page = window.predict_page
    window.show_page(window.pages.indexOf(page))
    page.set_model(checkpoint)
    _settle(app)
    probe = LatenessProbe()
    loop = QEventLoop()
    page.classified.connect(loop.quit)
    started = time.perf_counter()
    probe.start()
    page.add_images([folder])
    loop.exec()
    lateness = probe.stop()
    page_rate = len(page.results) / (time.perf_counter() - started)
    window.document.undo_stack.setClean()
    window.close()
    predictor = Predictor(checkpoint)
    started = time.perf_counter()
    predictor.classify_files(files, top_k=3)
    bare_rate = len(files) / (time.perf_counter() - started)
    return page_rate, bare_rate, lateness


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--photos", type=int, default=1000, help="photos in the dropped folder (0: skip)")
    parser.add_argument("--device", default="cpu", help="cpu, or cuda on a GPU machine (tests/benchmarks/gpu_check.sh)")
    args = parser.parse_args()
    project = load_project(example_projects()["lenet5-digits"])
    training = project.training.__class__(
        **{**project.training.to_dict(), "epochs": args.epochs, "device": args.device}
    )
    project = project.replace(training=training)
    project_file = Path(tempfile.mkdtemp()) / "lenet.json"
    save_project(project, project_file)

    _, first_lateness, first_start = gui_run(project)  # the process's first training: one-off costs
    gui, cli, lateness, window_start, cli_start = [], [], [], [], []
    for round_number in range(args.rounds):
        runs = [("gui", lambda: gui_run(project)), ("cli", lambda: cli_run(project_file))]
        for name, run in runs if round_number % 2 == 0 else reversed(runs):
            result = run()
            if name == "gui":
                gui.append(result[0])
                lateness.extend(result[1])
                window_start.append(result[2])
            else:
                cli.append(result)
        cli_start.append(cli_start_up(project_file))
    mini_lateness = feature_extraction_lateness()

    cores = os.cpu_count()
    print(f"LeNet-5 on digits, {args.epochs} epochs, {args.device}, {cores} cores, {args.rounds} rounds (medians)")
    print("Timer lateness on the window's thread")
    print(lateness_line("training, the first in a fresh process", first_lateness))
    print(lateness_line("training, later runs", lateness))
    print(lateness_line("Playground Mini computing cached features", mini_lateness))
    g, c = statistics.median(gui), statistics.median(cli)
    print("Training speed (train phase)")
    print(f"  window (child process, default threads)   {g:10,.0f} images/s")
    print(f"  CLI (default threads)                     {c:10,.0f} images/s")
    print(f"  ratio window / CLI: {g / c:.3f}  (goal >= 0.95)")
    print("Start-up: Train pressed (or the process started) to the first batch")
    print(f"  window, first training in the process     {first_start:6.2f} s")
    print(f"  window, later                             {statistics.median(window_start):6.2f} s")
    print(f"  CLI process (train --child)               {statistics.median(cli_start):6.2f} s")
    if args.photos:
        page_rate, bare_rate, predict_lateness = predict_folder(args.photos)
        print(f"A dropped folder of {args.photos} photos (480x480 JPEG, VGG-style at 64 px) on the Predict page")
        print(f"  page (background task, table filling)     {page_rate:10,.0f} images/s")
        print(f"  bare predictor (classify_files)           {bare_rate:10,.0f} images/s")
        print(f"  ratio page / bare: {page_rate / bare_rate:.3f}")
        print(lateness_line("meanwhile", predict_lateness))


if __name__ == "__main__":
    main()
