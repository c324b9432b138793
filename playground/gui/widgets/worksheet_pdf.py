"""A worksheet (playground.lessons.worksheet) as a printable A4 PDF, in the interface's language, written
by Qt's own PDF writer (it embeds the fonts it uses, Korean glyphs included, and needs no display: the
command line runs it on the offscreen platform). With `answers` the sheet is its answer key: every
question followed by its answer and worked answer.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from playground.gui.app.messages import translated
from playground.gui.app.translation import installed_language
from playground.lessons.content import lessons
from playground.lessons.exercises import CellPuzzle, Exercise
from playground.lessons.lab import number_text
from playground.lessons.worksheet import Worksheet

CONTEXT = "Worksheet"
RESOLUTION = 300  # dots per inch of the PDF's layout
MARGIN_MM = 15
GREY = "#d0d0d0"
WINDOW = "#ffe9a8"


TEXTS = {  # literals for lupdate; translated where they are drawn
    "input": QT_TRANSLATE_NOOP("Worksheet", "Input"),
    "filter": QT_TRANSLATE_NOOP("Worksheet", "Filter"),
    "output": QT_TRANSLATE_NOOP("Worksheet", "Output"),
    "answer": QT_TRANSLATE_NOOP("Worksheet", "Answer:"),
    "key": QT_TRANSLATE_NOOP("Worksheet", "Answer key: {0}"),
    "sheet": QT_TRANSLATE_NOOP("Worksheet", "Worksheet: {0}"),
    "seed": QT_TRANSLATE_NOOP("Worksheet", "Sheet {0} — the same sheet number gives the same numbers."),
    "name": QT_TRANSLATE_NOOP("Worksheet", "Name:"),
    "date": QT_TRANSLATE_NOOP("Worksheet", "Date:"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[key])


def _grid(rows, marks=None, empty_pad=False) -> str:
    """A small grid as an HTML table; `marks` maps (row, col) to a background colour."""
    marks = marks or {}
    cells = []
    for r, row in enumerate(rows):
        tds = []
        for c, value in enumerate(row):
            colour = marks.get((r, c))
            style = f' bgcolor="{colour}"' if colour else ""
            text = "" if value is None else (value if isinstance(value, str) else number_text(round(value, 4)))
            tds.append(f'<td align="center" width="40" nowrap{style}>{html.escape(str(text))}</td>')
        cells.append("<tr>" + "".join(tds) + "</tr>")
    return '<table border="1" cellspacing="0" cellpadding="4">' + "".join(cells) + "</table>"


def _puzzle(cell: CellPuzzle, answers: bool) -> str:
    trace, hidden = cell.trace, cell.hidden
    (top, bottom), (left, right) = trace.pads
    padded = trace.padded[0]
    height, width = len(padded), len(padded[0])
    pads = {
        (r, c): GREY
        for r in range(height)
        for c in range(width)
        if r < top or r >= height - bottom or c < left or c >= width - right
    }
    window = {(hidden.top + i, hidden.left + j): WINDOW for i in range(cell.window) for j in range(cell.window)}
    shown = [list(row) for row in padded]
    if cell.kernel is None:  # pooling's padding is no value at all: an empty grey cell
        shown = [[None if (r, c) in pads else value for c, value in enumerate(row)] for r, row in enumerate(shown)]
    cols = len(trace.output[0])
    output = [
        [
            value
            if r * cols + c < cell.step or (answers and r * cols + c == cell.step)
            else "?"
            if r * cols + c == cell.step
            else None
            for c, value in enumerate(row)
        ]
        for r, row in enumerate(trace.output)
    ]
    parts = [(_tr("input"), _grid(shown, {**pads, **window}))]
    if cell.kernel is not None:
        parts.append((_tr("filter"), _grid(cell.kernel)))
    parts.append((_tr("output"), _grid(output, {(hidden.row, hidden.col): WINDOW})))
    heads = "".join(f"<td><b>{html.escape(title)}</b></td><td width='20'></td>" for title, _ in parts)
    grids = "".join(f'<td valign="top">{grid}</td><td width="20"></td>' for _, grid in parts)
    return f"<table><tr>{heads}</tr><tr>{grids}</tr></table>"


def _answer_text(exercise: Exercise) -> str:
    if exercise.choices:
        return translated(dict(exercise.choices)[exercise.answer])
    value = exercise.answer
    return number_text(round(value, 2)) if isinstance(value, float) else f"{value:,}" if value >= 10000 else str(value)


def _question(number: int, exercise: Exercise, answers: bool) -> str:
    parts = [f"<p><b>{number}.</b> {html.escape(translated(exercise.question))}</p>"]
    if exercise.cell is not None:
        parts.append(_puzzle(exercise.cell, answers))
    if exercise.choices:
        box = "☐"
        items = "".join(
            f"<li>{'☑' if answers and key == exercise.answer else box} {html.escape(translated(text))}</li>"
            for key, text in exercise.choices
        )
        parts.append(f'<ul style="list-style-type: none">{items}</ul>')
    if answers:
        parts.append(
            f"<p><b>{html.escape(_tr('answer'))}</b> {html.escape(_answer_text(exercise))}<br/>"
            f"{html.escape(translated(exercise.solution))}</p>"
        )
    elif not exercise.choices:
        parts.append(f"<p>{html.escape(_tr('answer'))} ____________________</p>")
    return "".join(parts)


def worksheet_html(sheet: Worksheet, answers: bool = False) -> str:
    title = next(lesson.title for lesson in lessons(installed_language()) if lesson.id == sheet.lesson)
    heading = _tr("key") if answers else _tr("sheet")
    lines = [
        f"<h2>{html.escape(heading.format(title))}</h2>",
        f"<p>{html.escape(_tr('seed').format(sheet.seed))}</p>",
    ]
    if not answers:
        lines.append(
            f"<p>{html.escape(_tr('name'))} ______________________ &nbsp;&nbsp; "
            f"{html.escape(_tr('date'))} ____________</p>"
        )
    lines.append("<hr/>")
    lines += [_question(number, exercise, answers) for number, exercise in enumerate(sheet.exercises, start=1)]
    return "".join(lines)


def write_worksheet_pdf(sheet: Worksheet, path: str | os.PathLike, answers: bool = False) -> Path:
    """The sheet as an A4 PDF at `path`, written whole or not at all (a temporary file, then renamed)."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".worksheet-", suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(RESOLUTION)
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
        writer.setTitle(_tr("sheet").format(sheet.lesson))
        writer.setCreator("CNN Playground")
        document = QTextDocument()
        font = QFont()
        font.setPointSizeF(11)
        document.setDefaultFont(font)
        document.setHtml(worksheet_html(sheet, answers))
        document.print_(writer)
        del writer  # finishes the file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
