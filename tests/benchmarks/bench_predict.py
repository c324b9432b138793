"""Latency of one dropped image, model already loaded: the app against a bare `model(x)` with decode.

    python tests/benchmarks/bench_predict.py [--rounds 15]

Contenders, alternating, median of the rounds, for each network:
  bare       decode_image + normalise + model(x) + softmax, nothing else
  predictor  Predictor.predict_files (what `cnn-playground predict` and the page run)
  page       PredictPage.add_images until the row is in the table, offscreen: the above on the
             page's background task, the hand-over to the window's thread, the row and its
             thumbnail (the explanation is computed after the answer is shown, so it is not in here)
Goal: page - bare <= max(0.2 x bare, 1 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parents[1]))

import torch
from PIL import Image
from sklearn.datasets import load_sample_image

from playground.ml.data.images import decode_image
from playground.ml.data.prepare import normalize
from playground.ml.files.checkpoints import Checkpoint
from playground.ml.inference.predict import Predictor
from playground.ml.network.transfer import build_network
from playground.spec.presets import PRESETS
from playground.spec.project import Project
from playground.spec.settings import DataSettings

GOAL_SHARE, GOAL_MS = 0.2, 1.0  # the page may add a fifth of the bare time, or 1 ms where that is more


def checkpoint_for(preset: str, size: int, channels: int, classes: int = 10) -> Checkpoint:
    """An untrained network is as fast as a trained one: its weights as a checkpoint."""
    names = tuple(f"class {i}" for i in range(classes))
    project = Project(
        name=preset,
        data=DataSettings(source="builtin:shapes", image_size=(size, size), channels=channels),
        layers=PRESETS[preset].layers,
    )
    model = build_network(project, classes)
    return Checkpoint(project, names, [0.5] * channels, [0.25] * channels, model.state_dict())


def bare(predictor: Predictor, path: Path):
    data = predictor.checkpoint.project.data
    model, mean, std = predictor.model, predictor.mean, predictor.std

    def run() -> float:
        start = time.perf_counter()
        x = torch.from_numpy(decode_image(path, data.image_size, data.channels)).unsqueeze(0)
        with torch.inference_mode():
            torch.softmax(model(normalize(x, mean, std)), dim=1)
        return time.perf_counter() - start

    return run


def through_predictor(predictor: Predictor, path: Path):
    def run() -> float:
        start = time.perf_counter()
        predictor.predict_files([path], top_k=3)
        return time.perf_counter() - start

    return run


def through_page(page, path: Path):
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    page.classify_task.part_ready.connect(lambda _part: loop.quit())  # after the page's own slot: the row is in

    def run() -> float:
        page.clear()
        start = time.perf_counter()
        page.add_images([path])
        loop.exec()
        elapsed = time.perf_counter() - start
        assert page.table.rowCount() == 1
        page.explain_timer.stop()  # the explanation comes after the answer: not part of its latency
        while page.classifying:  # the task's end, before the next round
            loop.processEvents()
        return elapsed

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    torch.set_num_threads(1)  # as the GUI thread would: the other core belongs to the window

    from playground.gui.pages.predict.page import PredictPage
    from playground.gui.window.launch import make_application

    make_application([])
    folder = Path(tempfile.mkdtemp(prefix="bench-predict-"))
    small, phone = folder / "china.jpg", folder / "phone.jpg"
    Image.fromarray(load_sample_image("china.jpg")).save(small, quality=90)  # 640×427
    Image.open(small).resize((4032, 3024)).save(phone, quality=90)  # a phone camera's 12 megapixels

    print(f"one dropped photo, {args.rounds} alternating rounds, medians; torch threads 1")
    cases = [
        (small, "lenet5", 32, 1),
        (small, "tiny_vgg", 64, 3),
        (small, "vgg_style", 128, 3),
        (phone, "lenet5", 32, 1),
        (phone, "vgg_style", 128, 3),
    ]
    for photo, preset, size, channels in cases:
        checkpoint = checkpoint_for(preset, size, channels)
        page = PredictPage()
        page.set_model(checkpoint)
        predictor = page._predictor()
        contenders = {
            "bare": bare(predictor, photo),
            "predictor": through_predictor(predictor, photo),
            "page": through_page(page, photo),
        }
        for run in contenders.values():
            run()  # warm up
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for round_number in range(args.rounds):
            order = list(contenders.items())
            if round_number % 2:
                order.reverse()
            for name, run in order:
                times[name].append(run())
        medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
        with Image.open(photo) as opened:
            print(f"\n{preset} ({channels}×{size}×{size}), a {opened.width}×{opened.height} JPEG")
        for name, value in medians.items():
            print(f"  {name:<10} {value:8.2f} ms   {value / medians['bare']:.2f}x bare")
        extra, allowed = medians["page"] - medians["bare"], max(GOAL_SHARE * medians["bare"], GOAL_MS)
        verdict = "meets" if extra <= allowed else "MISSES"
        print(f"  page - bare: {extra:.2f} ms  (goal <= {allowed:.2f} ms: {verdict})")
        page.deleteLater()


if __name__ == "__main__":
    main()
