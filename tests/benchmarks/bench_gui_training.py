"""Training through the window: how late the GUI thread's timers run, and images/s beside the CLI.

    python tests/benchmarks/bench_gui_training.py [--rounds 3] [--epochs 3]

1. Timer lateness (p50, p99, max) of a 10 ms timer on the GUI thread while the window trains
   the LeNet-5 example on the CPU (goal: p99 <= 16 ms, max <= 100 ms).
2. Training images/s (the train phase, as the engine reports it) through the window vs
   `cnn-playground train --json` on the same project, alternating (goal: ratio >= 0.95). The
   window trains with one core left to the GUI; the CLI is also run with that thread count,
   to separate the cost of the GUI from the cost of the missing core.
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

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402

from playground.gui.app import make_application  # noqa: E402
from playground.gui.main_window import MainWindow  # noqa: E402
from playground.gui.worker import training_threads  # noqa: E402
from playground.resources import example_projects  # noqa: E402
from playground.spec.project import load_project, save_project  # noqa: E402

INTERVAL_MS = 10


def gui_run(project) -> tuple[float, list[float]]:
    """Train in the window; (images/s, timer lateness samples in ms)."""
    app = make_application()
    window = MainWindow(project)
    window.show()
    page = window.train_page
    window.show_page(window.pages.indexOf(page))
    speeds, lateness = [], []
    page.worker.epoch_finished.connect(lambda e: speeds.append(e.images_per_second))
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - INTERVAL_MS))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    loaded = QEventLoop()  # the images, decoded once as the Data page does, before the clock starts
    window.loader.loaded.connect(loaded.quit)
    if window.loader.request(project.data, None):
        loaded.exec()
    for _ in range(5):
        app.processEvents()
    loop = QEventLoop()  # a real event loop, as app.exec() runs it: it sleeps until something happens
    page.worker.stopped.connect(loop.quit)
    page.start()
    last[0] = time.perf_counter()
    timer.start(INTERVAL_MS)
    loop.exec()
    timer.stop()
    for _ in range(5):
        app.processEvents()
    window.document.undo_stack.setClean()
    window.close()
    return statistics.mean(speeds), lateness


def cli_run(project_file: Path, threads: int | None) -> float:
    env = dict(os.environ)
    code = "import sys; from playground.cli import main; sys.exit(main(sys.argv[1:]))"
    if threads:
        code = f"import torch; torch.set_num_threads({threads}); " + code
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [sys.executable, "-c", code, "train", str(project_file), "--json", "--out", out],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
    speeds = [json.loads(line)["images_per_second"] for line in result.stdout.splitlines() if '"epoch"' in line]
    return statistics.mean(speeds)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    project = load_project(example_projects()["lenet5-digits"])
    training = project.training.__class__(**{**project.training.to_dict(), "epochs": args.epochs, "device": "cpu"})
    project = project.replace(training=training)
    project_file = Path(tempfile.mkdtemp()) / "lenet.json"
    save_project(project, project_file)
    gui, cli_same, cli_all, lateness = [], [], [], []
    _, first_lateness = gui_run(project)  # the process's first training: one-off start-up costs
    for round_number in range(args.rounds):
        runs = [
            ("gui", lambda: gui_run(project)),
            ("cli_same", lambda: cli_run(project_file, training_threads())),
            ("cli_all", lambda: cli_run(project_file, None)),
        ]
        for name, run in runs if round_number % 2 == 0 else reversed(runs):
            result = run()
            if name == "gui":
                gui.append(result[0])
                lateness.extend(result[1])
            else:
                (cli_same if name == "cli_same" else cli_all).append(result)
    print(f"LeNet-5 on digits, {args.epochs} epochs, CPU, {os.cpu_count()} cores, {args.rounds} rounds (medians)")
    for title, samples in (("first training in the process", first_lateness), ("later trainings", lateness)):
        print(
            f"GUI timer lateness, {title}, {len(samples)} ticks of {INTERVAL_MS} ms: p50 {percentile(samples, 0.5):.1f}"
            f" ms, p99 {percentile(samples, 0.99):.1f} ms, max {max(samples):.1f} ms  (goal p99 <= 16, max <= 100)"
        )
    g, s, a = statistics.median(gui), statistics.median(cli_same), statistics.median(cli_all)
    print(f"  window ({training_threads()} training thread(s))      {g:10,.0f} images/s")
    print(f"  CLI, same threads                     {s:10,.0f} images/s")
    print(f"  CLI, all cores                        {a:10,.0f} images/s")
    print(f"ratio window / CLI same threads: {g / s:.3f}   window / CLI all cores: {g / a:.3f}  (goal >= 0.95)")


if __name__ == "__main__":
    main()
