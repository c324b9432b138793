"""`cnn-playground capture SOURCE DATASET/CLASS --count N [--every SECONDS]`: save frames of a
camera, a video file or a folder of images into a class of a dataset folder, as the window's
"Record" button does (the same `FrameRecorder`)."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("capture", help="save frames of a camera, video or image folder into a class")
    parser.add_argument("source", help="camera:0 (or 0) for a camera, a video file, or a folder of images")
    parser.add_argument("target", metavar="DIR/CLASS", help="the class folder inside a dataset folder")
    parser.add_argument("--count", type=int, required=True, help="how many frames to save")
    parser.add_argument("--every", type=float, default=0.0, help="seconds between saved frames (default: every frame)")
    parser.add_argument("--mirror", action="store_true", help="flip the frames left to right, as a mirror does")
    parser.add_argument("--aspect", metavar="HxW", help="crop to a network input's shape, e.g. 64x64")
    parser.add_argument("--json", action="store_true", help="one JSON object per saved frame")
    parser.set_defaults(run=run)
    return parser


def _aspect(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    height, _, width = text.lower().partition("x")
    try:
        value = (int(height), int(width))
    except ValueError:
        value = (0, 0)
    if min(value) < 1:
        raise argparse.ArgumentTypeError(f"--aspect must be HEIGHTxWIDTH such as 64x64, not {text}")
    return value


def run(args) -> int:
    from playground.cli.text import print_json as _print_json
    from playground.cli.text import printable
    from playground.ml.data.camera import CameraError, open_source
    from playground.ml.data.capture import FrameLook, FrameRecorder, capture, class_folder_of

    if args.count < 1:
        print("error: --count must be at least 1", file=sys.stderr)
        return 2
    if args.every < 0:
        print("error: --every must not be negative", file=sys.stderr)
        return 2
    try:
        look = FrameLook(mirror=args.mirror, aspect=_aspect(args.aspect))
    except argparse.ArgumentTypeError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    folder = class_folder_of(args.target)
    source = open_source(args.source)
    recorder = FrameRecorder(folder, look)
    saved = 0
    try:
        for frame, path in capture(source, recorder, args.count, args.every):
            saved += 1
            if args.json:
                _print_json({"frame": frame.number, "time": round(frame.time, 3), "path": str(path)})
            else:
                print(printable(f"frame {frame.number}: {path}"), flush=True)
    except CameraError as error:  # a camera unplugged midway: what was saved stays
        print(f"error: {printable(error)} ({saved} saved in {printable(str(folder))})", file=sys.stderr)
        return 2
    if saved < args.count:
        print(printable(f"the source ended after {saved} of {args.count} frames; saved in {folder}"), file=sys.stderr)
        return 1 if saved == 0 else 0
    if not args.json:
        print(printable(f"saved {saved} frames in {folder}"))
    return 0
