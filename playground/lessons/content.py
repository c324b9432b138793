"""The course as short lessons: Markdown in `resources/lessons/<language>/<id>.md`, in the order of
`resources/lessons/index.json`, each with a "Try it" that opens the lab or the builder set up.

Pure Python, so the lessons are checked (every language present, every "Try it" valid) without Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from playground.resources import resource_path
from playground.spec.errors import PlaygroundError
from playground.spec.presets import PRESETS

LANGUAGES = ("en", "ko")
PAGES = ("data", "augment", "train", "predict")
# What a lab "Try it" sets, with the values the lab accepts.
LAB_SETTINGS: dict[str, Any] = {
    "operation": ("conv", "max", "avg", "min"),
    "channels": range(1, 4),
    "filters": range(1, 4),
    "input_size": range(2, 10),
    "kernel": range(1, 6),
    "stride": range(1, 5),
    "padding": ("valid", "same", 1, 2),
    "show_use": (True, False),
}


class LessonError(PlaygroundError):
    pass


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    markdown: str  # the whole text, its "# Title" line included
    try_it: dict[str, Any]


def check_try_it(lesson_id: str, spec: dict[str, Any]) -> dict[str, Any]:
    """A "Try it" as index.json gives it, or a LessonError naming the lesson and what is wrong."""
    where = f"lesson {lesson_id!r}: try"
    target = spec.get("open")
    if target == "lab":
        unknown = set(spec) - set(LAB_SETTINGS) - {"open"}
        missing = set(LAB_SETTINGS) - set(spec)
        if unknown or missing:
            raise LessonError(f"{where}: unknown {sorted(unknown)} / missing {sorted(missing)} lab settings")
        for key, allowed in LAB_SETTINGS.items():
            value = spec[key]
            if value not in allowed or isinstance(value, bool) != isinstance(next(iter(allowed)), bool):
                raise LessonError(f"{where}.{key}: {value!r} is not one of {list(allowed)}")
    elif target == "builder":
        if "preset" in spec and spec["preset"] not in PRESETS:
            raise LessonError(f"{where}.preset: {spec['preset']!r} is not one of {list(PRESETS)}")
        if ("preset" in spec) == ("pretrained" in spec):
            raise LessonError(f"{where}: the builder opens with a preset or a pretrained network, one of them")
    elif target == "page":
        if spec.get("page") not in PAGES:
            raise LessonError(f"{where}.page: {spec.get('page')!r} is not one of {list(PAGES)}")
    else:
        raise LessonError(f"{where}.open: {target!r} is not one of ['lab', 'builder', 'page']")
    return spec


def lessons(language: str = "en") -> list[Lesson]:
    """The lessons in course order, in `language` ("ko" or "en"; anything else reads English)."""
    language = language if language in LANGUAGES else "en"
    folder = resource_path("lessons")
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LessonError(f"the lesson index is unreadable: {error}") from None
    found = []
    for entry in index:
        path = folder / language / f"{entry['id']}.md"
        try:
            markdown = path.read_text(encoding="utf-8")
        except OSError:
            raise LessonError(f"lesson {entry['id']!r} has no {language} text ({path})") from None
        first = markdown.lstrip().splitlines()[0] if markdown.strip() else ""
        if not first.startswith("# "):
            raise LessonError(f"{path}: the first line must be the title ('# …')")
        found.append(Lesson(entry["id"], first[2:].strip(), markdown, check_try_it(entry["id"], entry["try"])))
    return found
