"""`cnn-playground lab conv|pool`: a convolution or a pooling on small grids, step by step.

With no --input, each runs the course's worked example, as the lessons and the teacher's guide write
it: `lab conv` the 5×5 input 1…25 with the diagonal 2×2 filter (8, 10, 12, 14 / 18, …), `lab pool`
2×2 max pooling with stride 2 of that convolution's 4×4 map ([[20, 24], [40, 44]]).
"""

from __future__ import annotations

import json

from playground.cli.language import translated
from playground.lessons.lab import convolve, number_text, parse_grid, pool
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message

GRID_HELP = 'rows separated by ";", numbers by ",": "1,2;3,4"; channels separated by "|"'
# The course's worked example: the input 1…25 and the diagonal filter of "Channels, filters and stride".
WORKED_INPUT = ";".join(",".join(str(5 * row + col + 1) for col in range(5)) for row in range(5))
WORKED_KERNEL = "1,0;0,1"
# The pooling lesson's worked example: the 4×4 feature map that convolution makes.
WORKED_MAP = "8,10,12,14;18,20,22,24;28,30,32,34;38,40,42,44"


def add_parser(subparsers) -> None:
    lab = subparsers.add_parser("lab", help="convolution and pooling on small grids, step by step")
    lab_commands = lab.add_subparsers(dest="lab_command", required=True, metavar="conv|pool")
    conv = lab_commands.add_parser(
        "conv", help="slide a filter over an input (no --input: the course's 5×5 example, 1…25 and [[1,0],[0,1]])"
    )
    conv.add_argument("--input", default=WORKED_INPUT, help=GRID_HELP + " (default: 1…25 in a 5×5 grid)")
    conv.add_argument(
        "--kernel", default=WORKED_KERNEL, help=GRID_HELP + " (as many channels as the input; default: 1,0;0,1)"
    )
    pool_parser = lab_commands.add_parser(
        "pool", help="max, average or min pooling (no --input: the pooling lesson's 4×4 map 8, 10, 12, 14 / …)"
    )
    pool_parser.add_argument("--input", default=WORKED_MAP, help=GRID_HELP + f' (default: "{WORKED_MAP}")')
    pool_parser.add_argument("--mode", choices=["max", "avg", "min"], default="max")
    pool_parser.add_argument("--size", type=int, default=2)
    for sub_parser, stride_default in ((conv, 1), (pool_parser, None)):
        sub_parser.add_argument("--stride", type=int, default=stride_default)
        sub_parser.add_argument("--padding", default="valid", help="valid, same or a number of zeros")
        sub_parser.add_argument("--steps", action="store_true", help="also write out every multiply-add")
        sub_parser.add_argument("--json", action="store_true", help='print {"output": [[...], ...]}')
        sub_parser.set_defaults(run=run)


def _padding(text: str) -> str | int:
    if text in ("valid", "same"):
        return text
    if text.isdigit():
        return int(text)
    raise PlaygroundError(Message(messages.LAB_PADDING, found=repr(text)))


def _channels(text: str, name: str):
    return [parse_grid(part, name) for part in text.split("|")]


def run(args) -> int:
    if args.lab_command == "conv":
        trace = convolve(
            _channels(args.input, "--input"), _channels(args.kernel, "--kernel"), args.stride, _padding(args.padding)
        )
    else:
        channels = _channels(args.input, "--input")
        if len(channels) > 1:
            raise PlaygroundError(Message(messages.LAB_POOL_ONE_CHANNEL))
        trace = pool(channels[0], args.mode, args.size, args.stride, _padding(args.padding))
    if args.json:
        steps = {"steps": [step.text for step in trace.steps]} if args.steps else {}
        print(json.dumps({"output": trace.output, **steps}, ensure_ascii=False), flush=True)
        return 0
    if args.steps:
        for step in trace.steps:
            print(f"[{step.row},{step.col}] {step.text}")
    print(translated(Message(messages.LAB_OUTPUT_SIZE, formula=trace.formula)))
    for row in trace.output:
        print(" ".join(f"{number_text(round(v, 4)):>6}" for v in row))
    return 0
