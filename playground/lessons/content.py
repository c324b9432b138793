"""The course as short lessons: Markdown in `resources/lessons/<language>/<id>.md`, in the order of
`resources/lessons/index.json`, each with a "Try it" that opens the lab or the builder set up.

Pure Python, so the lessons are checked (every language present, every "Try it" valid) without Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from playground.resources import example_projects, resource_path
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message
from playground.spec.presets import PRESETS

LANGUAGES = ("en", "ko")
PAGES = ("data", "augment", "train", "predict")
# What a lab "Try it" sets, with the values the lab accepts.
LAB_SETTINGS: dict[str, Any] = {
    "operation": ("conv", "max", "avg", "min"),
    "channels": range(1, 4),
    "filters": range(1, 4),
    "input_size": range(2, 13),
    "kernel": range(1, 8),  # up to the padding lesson's 7×7 (with padding 3)
    "stride": range(1, 5),
    "padding": ("valid", "same", 1, 2, 3),
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


def _not_one_of(lesson_id: str, key: str, value: Any, allowed) -> Message:
    return Message(messages.LESSON_TRY_VALUE, lesson=repr(lesson_id), key=key, value=repr(value), allowed=list(allowed))


def check_try_it(lesson_id: str, spec: dict[str, Any]) -> dict[str, Any]:
    """A "Try it" as index.json gives it, or a LessonError naming the lesson and what is wrong."""
    target = spec.get("open")
    if target == "lab":
        unknown = set(spec) - set(LAB_SETTINGS) - {"open"}
        missing = set(LAB_SETTINGS) - set(spec)
        if unknown or missing:
            raise LessonError(
                Message(
                    messages.LESSON_TRY_SETTINGS,
                    lesson=repr(lesson_id),
                    unknown=sorted(unknown),
                    missing=sorted(missing),
                )
            )
        for key, allowed in LAB_SETTINGS.items():
            value = spec[key]
            if value not in allowed or isinstance(value, bool) != isinstance(next(iter(allowed)), bool):
                raise LessonError(_not_one_of(lesson_id, key, value, allowed))
    elif target == "builder":
        if "preset" in spec and spec["preset"] not in PRESETS:
            raise LessonError(_not_one_of(lesson_id, "preset", spec["preset"], PRESETS))
        if ("preset" in spec) == ("pretrained" in spec):
            raise LessonError(Message(messages.LESSON_TRY_BUILDER, lesson=repr(lesson_id)))
    elif target == "page":
        if spec.get("page") not in PAGES:
            raise LessonError(_not_one_of(lesson_id, "page", spec.get("page"), PAGES))
    elif target == "example":  # a shipped example project, opened as it is (the overfitting lesson's)
        if spec.get("example") not in example_projects():
            raise LessonError(_not_one_of(lesson_id, "example", spec.get("example"), example_projects()))
    else:
        raise LessonError(
            Message(
                messages.LESSON_TRY_OPEN,
                lesson=repr(lesson_id),
                value=repr(target),
                allowed=["lab", "builder", "page", "example"],
            )
        )
    return spec


def lessons(language: str = "en") -> list[Lesson]:
    """The lessons in course order, in `language` ("ko" or "en"; anything else reads English)."""
    language = language if language in LANGUAGES else "en"
    folder = resource_path("lessons")
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LessonError(Message(messages.LESSON_INDEX_UNREADABLE, error=str(error))) from None
    found = []
    for entry in index:
        path = folder / language / f"{entry['id']}.md"
        try:
            markdown = path.read_text(encoding="utf-8")
        except OSError:
            raise LessonError(
                Message(messages.LESSON_TEXT_MISSING, lesson=repr(entry["id"]), language=language, path=str(path))
            ) from None
        first = markdown.lstrip().splitlines()[0] if markdown.strip() else ""
        if not first.startswith("# "):
            raise LessonError(Message(messages.LESSON_NO_TITLE, path=str(path)))
        found.append(Lesson(entry["id"], first[2:].strip(), markdown, check_try_it(entry["id"], entry["try"])))
    return found


TEACHERS_GUIDE = "teachers-guide"  # resources/lessons/<language>/teachers-guide.md; docs/ holds copies


def teachers_guide(language: str = "en") -> str:
    """The teacher's guide (Markdown) in `language` ("ko" or "en"; anything else reads English)."""
    language = language if language in LANGUAGES else "en"
    path = resource_path("lessons", language, f"{TEACHERS_GUIDE}.md")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise LessonError(
            Message(messages.LESSON_TEXT_MISSING, lesson=repr(TEACHERS_GUIDE), language=language, path=str(path))
        ) from None
