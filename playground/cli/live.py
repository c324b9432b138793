"""`cnn-playground predict CHECKPOINT --camera SOURCE [--frames N] [--json]`: classify the frames of
a camera, a video file or a folder of images, one line per frame (with `--json`, the record that
`predict --json` prints for a file, with the frame's number beside it)."""

from __future__ import annotations

import argparse
import sys


def add_options(predict_parser: argparse.ArgumentParser) -> None:
    predict_parser.add_argument(
        "--camera", metavar="SOURCE", help="classify frames of camera:0 (or 0), a video file, or a folder of images"
    )
    predict_parser.add_argument("--frames", type=int, help="with --camera: stop after this many frames")


def run(args, predictor) -> int:
    from playground.cli.text import print_json as _print_json
    from playground.cli.text import printable
    from playground.ml.data.camera import open_source
    from playground.ml.inference.live import predict_frames

    if args.frames is not None and args.frames < 1:
        print("error: --frames must be at least 1", file=sys.stderr)
        return 2
    source = open_source(args.camera)
    for frame, result in predict_frames(predictor, source, args.frames, top_k=args.top_k):
        if args.json:
            top = [{"class": name, "probability": p} for name, p in result.top]
            _print_json({"frame": frame.number, "path": result.path, "top": top, "error": result.error or None})
        elif result.error:
            print(printable(f"frame {frame.number}: {result.error}"), flush=True)
        else:
            print(
                printable(f"frame {frame.number}: " + ", ".join(f"{name} {p:.1%}" for name, p in result.top)),
                flush=True,
            )
    return 0
