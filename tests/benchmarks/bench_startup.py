"""Time to the window's first paint, beside the time of `import torch, torchvision`, in one run.

    python tests/benchmarks/bench_startup.py [--rounds 5]

Each measurement is a fresh Python process timing itself from its first line, alternating the
two; medians are printed with their ratio (goal: first paint <= 0.2x the torch import).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

FIRST_PAINT = """
import time
start = time.perf_counter()
import os
from PySide6.QtCore import QEvent, QObject
from playground.gui.window.launch import make_application
from playground.gui.window.main_window import MainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.perf_counter() - start, flush=True)
            os._exit(0)
        return False

app = make_application()
window = MainWindow()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

TORCH_IMPORT = """
import time
start = time.perf_counter()
import torch, torchvision
print(time.perf_counter() - start)
"""


def measure(code: str, env: dict) -> float:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["CNN_PLAYGROUND_CONFIG_DIR"] = tempfile.mkdtemp()
    paint, torch_import = [], []
    for round_number in range(args.rounds):
        pair = [(FIRST_PAINT, paint), (TORCH_IMPORT, torch_import)]
        for code, into in pair if round_number % 2 == 0 else reversed(pair):
            into.append(measure(code, env))
    paint_s, torch_s = statistics.median(paint), statistics.median(torch_import)
    print(f"first paint of the main window      {paint_s * 1000:8.0f} ms (median of {args.rounds})")
    print(f"import torch, torchvision           {torch_s * 1000:8.0f} ms (median of {args.rounds})")
    ratio = paint_s / torch_s
    print(f"ratio first paint / torch import: {ratio:.3f}  (goal <= 0.2: {'meets' if ratio <= 0.2 else 'MISSES'})")


if __name__ == "__main__":
    main()
