"""`cnn-playground lab conv|pool`: convolution and pooling on small grids, step by step."""

from __future__ import annotations

from playground.cli.text import print_json
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message


def add_parser(commands) -> None:
    lab = commands.add_parser("lab", help="convolution and pooling on small grids, step by step")
    lab_commands = lab.add_subparsers(dest="lab_command", required=True, metavar="conv|pool")
    grid_help = 'rows separated by ";", numbers by ",": "1,2;3,4"; channels separated by "|"'
    conv = lab_commands.add_parser("conv", help="slide a filter over an input")
    conv.add_argument("--input", required=True, help=grid_help)
    conv.add_argument("--kernel", required=True, help=grid_help + " (as many channels as the input)")
    pool_parser = lab_commands.add_parser("pool", help="max, average or min pooling")
    pool_parser.add_argument("--input", required=True, help=grid_help)
    pool_parser.add_argument("--mode", choices=["max", "avg", "min"], default="max")
    pool_parser.add_argument("--size", type=int, default=2)
    for sub_parser, stride_default in ((conv, 1), (pool_parser, None)):
        sub_parser.add_argument("--stride", type=int, default=stride_default)
        sub_parser.add_argument("--padding", default="valid", help="valid, same or a number of zeros")
        sub_parser.add_argument("--steps", action="store_true", help="also write out every multiply-add")
        sub_parser.add_argument("--json", action="store_true", help='print {"output": [[...], ...]}')
        sub_parser.set_defaults(run=run)


def _lab_padding(text: str) -> str | int:
    if text in ("valid", "same"):
        return text
    if text.isdigit():
        return int(text)
    raise PlaygroundError(Message(messages.LAB_PADDING, found=repr(text)))


def _channels(text: str, name: str):
    from playground.lessons.lab import parse_grid

    return [parse_grid(part, name) for part in text.split("|")]


def run(args) -> int:
    from playground.lessons.lab import convolve, number_text, pool

    if args.lab_command == "conv":
        trace = convolve(
            _channels(args.input, "--input"),
            _channels(args.kernel, "--kernel"),
            args.stride,
            _lab_padding(args.padding),
        )
    else:
        channels = _channels(args.input, "--input")
        if len(channels) > 1:
            raise PlaygroundError(Message(messages.LAB_POOL_ONE_CHANNEL))
        trace = pool(channels[0], args.mode, args.size, args.stride, _lab_padding(args.padding))
    if args.json:
        steps = {"steps": [step.text for step in trace.steps]} if args.steps else {}
        print_json({"output": trace.output, **steps})
        return 0
    if args.steps:
        for step in trace.steps:
            print(f"[{step.row},{step.col}] {step.text}")
    print(f"output size: {trace.formula}")
    for row in trace.output:
        print(" ".join(f"{number_text(round(v, 4)):>6}" for v in row))
    return 0
