"""`cnn-playground worksheet LESSON --seed N --out FILE.pdf [--answers]` and `worksheet --list`: a lesson's
exercises as a printable A4 PDF, the numbers fixed by the seed (a class shares one sheet), in the system's
language, with --answers its answer key. Qt draws the PDF on its offscreen platform: no display needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playground.cli.language import system_language, translated
from playground.lessons.worksheet import MAX_SEED, lesson_keys, make_worksheet
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "worksheet", help="a lesson's exercises as a printable A4 PDF, the same for the same --seed"
    )
    parser.add_argument("lesson", nargs="?", help="the lesson's key (see --list), e.g. padding")
    parser.add_argument("--seed", type=int, default=1, help="the sheet's number: the same seed, the same sheet")
    parser.add_argument("--out", help="the PDF to write (default: LESSON-SEED.pdf, or LESSON-SEED-answers.pdf)")
    parser.add_argument("--answers", action="store_true", help="the answer key: every answer and worked answer")
    parser.add_argument("--list", action="store_true", help="print the lesson keys, one a line")
    parser.set_defaults(run=run)


def _application():
    """Qt's application for drawing text: offscreen unless a display is there (a terminal over ssh, a
    server), so that printing a worksheet never needs a screen."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def run(args) -> int:
    keys = lesson_keys()
    if args.list:
        for key in keys:
            print(key)
        return 0
    if args.lesson not in keys:
        raise PlaygroundError(Message(messages.WORKSHEET_LESSON, lesson=repr(args.lesson), known=", ".join(keys)))
    if not 0 <= args.seed <= MAX_SEED:
        raise PlaygroundError(Message(messages.WORKSHEET_SEED, seed=args.seed, largest=MAX_SEED))
    suffix = "-answers" if args.answers else ""
    out = Path(args.out or f"{args.lesson}-{args.seed}{suffix}.pdf")
    if out.suffix.lower() != ".pdf":
        raise PlaygroundError(Message(messages.WORKSHEET_NOT_PDF, path=str(out)))
    app = _application()
    from playground.gui.app.translation import install_translators
    from playground.gui.pages.learn.worksheet_pdf import write_worksheet_pdf

    install_translators(system_language())
    written = write_worksheet_pdf(make_worksheet(args.lesson, args.seed), out, answers=args.answers)
    del app
    template = messages.WORKSHEET_WROTE_ANSWERS if args.answers else messages.WORKSHEET_WROTE
    print(translated(Message(template, path=str(written), lesson=args.lesson, seed=args.seed)))
    return 0
