"""The command line: `cnn-playground [gui|summary|train|predict|export|datasets|lab|...] ...`.

It drives the very same spec and engine as the app (a training run through the same front door as
the window's child: `playground.ml.training.run_setup`). A user error (bad project, missing file, invalid
network) exits with status 2 and one line on stderr, never a traceback.

One module a command (summary, train, predict, lab) or a family of them (files); `text` holds how
names are printed, `progress` the bar within an epoch, `parser` the arguments.
"""

from __future__ import annotations

import os
import sys
import warnings

from playground.cli.language import translated
from playground.cli.parser import argument_problem, build_parser
from playground.cli.text import printable
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of

__all__ = ["build_parser", "main", "printable"]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        args = parser.parse_args(["gui"])
    problem = argument_problem(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a name gets \\u escapes, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    with warnings.catch_warnings(record=True) as caught:
        # Libraries' warnings (multi-line, with source lines) are held back: an error ends in its one
        # line alone; after a success they follow, one line each.
        warnings.simplefilter("default")
        try:
            status = args.run(args)
        except PlaygroundError as error:  # in the system's language, as the window would say it
            print(printable(translated(Message(messages.CLI_ERROR, message=text_of(error)))), file=sys.stderr)
            return 2
        except OSError as error:  # a file that cannot be written or read: the user's to fix
            if isinstance(error, BrokenPipeError):  # `... | head`: the reader left, nothing is wrong
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return 0
            text = f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")
            print(printable(translated(Message(messages.CLI_ERROR, message=text))), file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(translated(Message(messages.CLI_INTERRUPTED)), file=sys.stderr)
            return 130
    for line in dict.fromkeys(printable(" ".join(str(w.message).split())) for w in caught):
        print(translated(Message(messages.CLI_WARNING, message=line)), file=sys.stderr)
    return status
