"""`cnn-playground predict MODEL IMAGES...`: the top classes of each image, printed as they come."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from playground.cli.text import print_json, printable
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message


def add_parser(commands) -> None:
    predict = commands.add_parser("predict", help="classify images with a trained checkpoint")
    predict.add_argument(
        "checkpoint",
        help="a checkpoint (.pt), a trained project (.json) or bundle (.cnnpg), or imagenet:NETWORK as it is",
    )
    predict.add_argument("images", nargs="+", help="image files or folders")
    predict.add_argument("--top-k", type=int, default=3)
    predict.add_argument("--json", action="store_true", help="one JSON object per image")
    predict.set_defaults(run=run)


def _expand_images(paths: list[str]) -> list[Path]:
    from playground.ml.data.images import is_image_file

    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_image_file(p)))
        elif path.exists():
            files.append(path)
        else:
            raise PlaygroundError(Message(messages.IMAGE_NOT_FOUND, path=name))
    if not files:
        raise PlaygroundError(Message(messages.NO_IMAGES_GIVEN))
    return files


def run(args) -> int:
    from playground.cli.files import model_checkpoint
    from playground.ml.files.checkpoints import load_checkpoint
    from playground.ml.inference.predict import ImagenetPredictor, Predictor

    stack = contextlib.ExitStack()
    with stack:
        if args.checkpoint.startswith("imagenet:"):  # an ImageNet network as it is: its 1,000 classes
            predictor = ImagenetPredictor(args.checkpoint.removeprefix("imagenet:"))
        else:
            predictor = Predictor(load_checkpoint(model_checkpoint(args.checkpoint, stack)))
    files = _expand_images(args.images)
    readable = 0
    # One batch at a time, printed as it comes: a folder of thousands of photos in bounded memory.
    for result in predictor.iter_predictions(files, top_k=args.top_k):
        readable += not result.error
        if args.json:
            top = [{"class": name, "probability": p} for name, p in result.top]
            print_json({"path": result.path, "top": top, "error": result.error or None})
        elif result.error:
            print(f"{printable(result.path)}: skipped — {printable(result.error)}")
        else:
            print(f"{printable(result.path)}: " + ", ".join(f"{printable(name)} {p:.1%}" for name, p in result.top))
    if not readable:
        print(f"error: {Message(messages.NO_IMAGE_READABLE, count=len(files))}", file=sys.stderr)
        return 2
    return 0
