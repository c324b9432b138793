"""Loading a 2,000-image folder into the app vs one torchvision ImageFolder pass over the same files.

    python tests/benchmarks/bench_data.py [--rounds 5] [--size 64]

Both decode every JPEG once and resize it to the network's input; ours keeps the result in
memory as uint8 tensors (what the Data page shows and training uses), ImageFolder yields
tensors one by one. Medians of alternating runs, printed side by side.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))
from _timing import alternate, report, timed
from sample_photos import make_photo_folder

from playground.ml.data.prepare import load_image_folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size", type=int, default=64, help="network input size (square)")
    args = parser.parse_args()
    from torchvision import datasets
    from torchvision.transforms import v2

    size = (args.size, args.size)
    with tempfile.TemporaryDirectory() as temp:
        root = make_photo_folder(Path(temp) / "photos", per_class=1000, size=256)
        total = sum(1 for _ in root.rglob("*.jpg"))

        def ours() -> float:
            return timed(lambda: len(load_image_folder(root, size, 3)))

        def imagefolder() -> float:
            transform = v2.Compose([v2.PILToTensor(), v2.Resize(size, antialias=True)])
            dataset = datasets.ImageFolder(str(root), transform=transform)

            def one_pass() -> int:
                images = [dataset[i][0] for i in range(len(dataset))]
                return len(torch.stack(images))

            return timed(one_pass)

        medians = alternate(
            {"app: load_image_folder (threads)": ours, "torchvision ImageFolder pass": imagefolder}, args.rounds
        )
        report(
            f"Loading {total} JPEG photos (256x256) at {size[0]}x{size[1]} RGB, {torch.get_num_threads()} threads",
            medians,
            "app: load_image_folder (threads)",
            "torchvision ImageFolder pass",
            1.0,
        )


if __name__ == "__main__":
    main()
