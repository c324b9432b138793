"""Class results: a student exports their exercise progress to one small file with their name; the teacher
opens many into one table (student × lesson: solved first try, solved with help, tried but not solved, not
tried) and saves it as CSV.

A file from a student is untrusted: it is read as JSON only (never unpickled, nothing in it is run), at most
MAX_BYTES; a damaged, foreign, hand-edited, malformed or duplicated file is listed with its reason and the
others still load. A name is cleaned of control characters, and a CSV cell never starts with = + - @ (a
spreadsheet would run it as a formula). Nothing is written except the CSV the teacher names.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from playground.lessons.exercises import exercise_count
from playground.lessons.progress import FIRST_TRY, NOT_TRIED, STATUSES, TRIED, WITH_HELP, LessonProgress, Progress
from playground.spec import messages
from playground.spec.messages import Message
from playground.spec.project import atomic_write_bytes

FORMAT = "cnn-playground-progress/1"
MAX_BYTES = 64 * 1024  # a whole course's progress is about 3 KB
MAX_NAME = 60
SUFFIX = ".cnnprogress"


def clean_name(name: str) -> str:
    """A student's name as typed, on one line, without control or direction-changing characters."""
    kept = "".join(ch for ch in str(name) if unicodedata.category(ch)[0] != "C")
    return " ".join(kept.split())[:MAX_NAME]


def _checksum(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=True).encode("ascii")).hexdigest()


def export_progress(progress: Progress, student: str, path: str | os.PathLike) -> Path:
    """The learner's progress with their name, as one small JSON file (written whole or not at all)."""
    name = clean_name(student)
    if not name:
        raise ValueError("a student name is needed")
    body = {
        "format": FORMAT,
        "student": name,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "lessons": {key: entry.to_json() for key, entry in sorted(progress.lessons.items())},
    }
    data = {**body, "checksum": _checksum(body)}
    path = Path(path)
    atomic_write_bytes(path, json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8"))
    return path


@dataclass(frozen=True)
class StudentResults:
    student: str
    path: Path
    lessons: dict[str, LessonProgress]

    def counts(self, lesson_id: str) -> dict[str, int]:
        """How many of the lesson's exercises are in each status."""
        entry = self.lessons.get(lesson_id, LessonProgress())
        found = dict.fromkeys(STATUSES, 0)
        for slot in range(exercise_count(lesson_id)):
            found[entry.status(slot)] += 1
        return found


@dataclass(frozen=True)
class Refused:
    path: Path
    reason: Message


def read_student_file(path: Path) -> StudentResults:
    """One student's file, or ValueError(Message) saying why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValueError(Message(messages.CLASS_FILE_TOO_LARGE, limit=MAX_BYTES // 1024))
        raw = path.read_bytes()
    except OSError as error:
        raise ValueError(Message(messages.CLASS_FILE_UNREADABLE, error=error.strerror or str(error))) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError(Message(messages.CLASS_FILE_DAMAGED)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(Message(messages.CLASS_FILE_FOREIGN))
    body = {key: value for key, value in data.items() if key != "checksum"}
    if data.get("checksum") != _checksum(body):
        raise ValueError(Message(messages.CLASS_FILE_EDITED))
    student, lessons = data.get("student"), data.get("lessons")
    if not isinstance(student, str) or not clean_name(student) or not isinstance(lessons, dict):
        raise ValueError(Message(messages.CLASS_FILE_MALFORMED))
    try:
        found = {str(key): LessonProgress.from_json(entry) for key, entry in lessons.items() if exercise_count(key)}
    except (ValueError, TypeError, AttributeError):
        raise ValueError(Message(messages.CLASS_FILE_MALFORMED)) from None
    return StudentResults(clean_name(student), path, found)


def read_class(paths: list[str | os.PathLike]) -> tuple[list[StudentResults], list[Refused]]:
    """Every student file that can be used, in name order, and every other with its reason: a second file
    of a student already read (the same name) is listed, not merged."""
    students: dict[str, StudentResults] = {}
    refused: list[Refused] = []
    for path in map(Path, paths):
        try:
            results = read_student_file(path)
        except ValueError as error:
            refused.append(Refused(path, error.args[0]))
            continue
        first = students.get(results.student.casefold())
        if first is not None:
            reason = Message(messages.CLASS_FILE_DUPLICATE, student=results.student, first=first.path.name)
            refused.append(Refused(path, reason))
            continue
        students[results.student.casefold()] = results
    return sorted(students.values(), key=lambda s: s.student.casefold()), refused


COLUMNS = (FIRST_TRY, WITH_HELP, TRIED, NOT_TRIED)


def _cell(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ (or a tab, a return) as a formula: quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def class_csv(students: list[StudentResults], lesson_ids: list[str], headers: dict[str, str]) -> str:
    """The table as CSV: one row per student; per lesson one column per status, named
    "{lesson}: {headers[status]}" (the caller's words, in the interface's language); `headers["student"]`
    names the first column."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [_cell(headers["student"])]
        + [_cell(f"{lesson}: {headers[status]}") for lesson in lesson_ids for status in COLUMNS]
    )
    for student in students:
        row = [_cell(student.student)]
        for lesson in lesson_ids:
            counts = student.counts(lesson)
            row += [str(counts[status]) for status in COLUMNS]
        writer.writerow(row)
    return out.getvalue()


def write_class_csv(path: str | os.PathLike, text: str) -> Path:
    path = Path(path)
    atomic_write_bytes(path, ("\ufeff" + text).encode("utf-8"))  # the BOM: spreadsheets then read Korean right
    return path
