"""Class results: students' progress files into one table and a CSV; every bad file listed with its reason,
the others loaded; nothing in a file can run code in a spreadsheet or anywhere else."""

from __future__ import annotations

import csv
import io
import json

from playground.lessons.class_results import (
    MAX_BYTES,
    class_csv,
    export_progress,
    read_class,
    write_class_csv,
)
from playground.lessons.progress import PROGRESS_FILE, Progress
from playground.spec import messages as m

HEADERS = {
    "student": "student",
    "first_try": "first try",
    "with_help": "with help",
    "tried": "tried",
    "not_tried": "not tried",
}


def _student(tmp_path, name, solve):
    progress = Progress(tmp_path / f"{name}-{PROGRESS_FILE}")
    for lesson, slot, correct, helped in solve:
        progress.record(lesson, slot, correct, helped)
    return export_progress(progress, name, tmp_path / f"{name}.cnnprogress")


def test_a_class_in_one_table_and_one_csv(tmp_path):
    ana = _student(
        tmp_path, "Ana", [("padding", 0, True, False), ("padding", 1, True, True), ("padding", 2, False, False)]
    )
    bo = _student(tmp_path, "Bo 박", [("pooling", 4, True, False)])
    students, refused = read_class([bo, ana])
    assert refused == [] and [s.student for s in students] == ["Ana", "Bo 박"]
    assert students[0].counts("padding") == {"first_try": 1, "with_help": 1, "tried": 1, "not_tried": 1}
    assert students[1].counts("padding") == {"first_try": 0, "with_help": 0, "tried": 0, "not_tried": 4}
    text = class_csv(students, ["padding", "pooling"], HEADERS)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == [
        "student",
        "padding: first try",
        "padding: with help",
        "padding: tried",
        "padding: not tried",
    ]
    assert rows[1] == ["Ana", "1", "1", "1", "1", "0", "0", "0", "5"]
    assert rows[2] == ["Bo 박", "0", "0", "0", "4", "1", "0", "0", "4"]
    written = write_class_csv(tmp_path / "class.csv", text)
    assert written.read_bytes().startswith(b"\xef\xbb\xbf") and "Bo 박" in written.read_text(encoding="utf-8-sig")


def test_damaged_foreign_edited_duplicated_files_are_listed_and_the_rest_load(tmp_path):
    good = _student(tmp_path, "Ana", [("padding", 0, True, False)])
    again = _student(tmp_path, "ana", [("padding", 1, True, False)])  # the same student, another file
    edited = _student(tmp_path, "Cy", [("padding", 0, False, False)])
    data = json.loads(edited.read_text())
    data["lessons"]["padding"]["first_try"] = [0, 1, 2, 3]  # solved "first try" by hand
    edited.write_text(json.dumps(data))
    (tmp_path / "damaged.cnnprogress").write_bytes(good.read_bytes()[:40])
    (tmp_path / "foreign.cnnprogress").write_text('{"format": "cnn-playground/1", "name": "a project"}')
    (tmp_path / "huge.cnnprogress").write_bytes(b" " * (MAX_BYTES + 1))
    (tmp_path / "pickle.cnnprogress").write_bytes(b"\x80\x04\x95cos\nsystem\n(S'touch /tmp/owned'\ntR.")
    names = ["damaged", "foreign", "huge", "pickle"]
    paths = [
        good,
        again,
        edited,
        *(tmp_path / f"{name}.cnnprogress" for name in names),
        tmp_path / "missing.cnnprogress",
    ]
    students, refused = read_class(paths)
    assert [s.student for s in students] == ["Ana"]
    reasons = {r.path.name: r.reason.template for r in refused}
    assert reasons == {
        "ana.cnnprogress": m.CLASS_FILE_DUPLICATE,
        "Cy.cnnprogress": m.CLASS_FILE_EDITED,
        "damaged.cnnprogress": m.CLASS_FILE_DAMAGED,
        "foreign.cnnprogress": m.CLASS_FILE_FOREIGN,
        "huge.cnnprogress": m.CLASS_FILE_TOO_LARGE,
        "pickle.cnnprogress": m.CLASS_FILE_DAMAGED,
        "missing.cnnprogress": m.CLASS_FILE_UNREADABLE,
    }


def test_a_name_cannot_run_a_formula_or_break_a_line(tmp_path):
    name = '=HYPERLINK("http://x","click")\n\u202eevil'
    path = _student(tmp_path, name, [("padding", 0, True, False)])
    students, refused = read_class([path])
    assert not refused and "\n" not in students[0].student and "\u202e" not in students[0].student
    first_cell = list(csv.reader(io.StringIO(class_csv(students, ["padding"], HEADERS))))[1][0]
    assert first_cell.startswith("'=HYPERLINK")
