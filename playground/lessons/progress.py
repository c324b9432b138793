"""Which exercises a learner has solved, per lesson, in a small JSON file of their own:

    {"version": 2, "lessons": {"padding": {"solved": [0, 2], "first_try": [0], "revealed": [2],
                                           "tried": [0, 1, 2], "tries": 5}}}

Kept per exercise slot (the numbers change every time, the exercise's place does not). A slot is
solved "first try" when the first answer checked for its numbers was right, with no hint and no worked
answer seen; solved after a wrong try, or at any time after its worked answer was shown, it is solved
"with help" (`revealed` remembers that the answer was seen). Written atomically; a missing or damaged
file is a fresh start, never an error: progress is a convenience, and a learner must always be able to
practise. Version 1 files (no `first_try`) read as solved with help: they cannot tell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from playground.spec.project import atomic_write_bytes

PROGRESS_FILE = "exercise-progress.json"
VERSION = 2
FIRST_TRY, WITH_HELP, TRIED, NOT_TRIED = "first_try", "with_help", "tried", "not_tried"
STATUSES = (FIRST_TRY, WITH_HELP, TRIED, NOT_TRIED)
SLOT_SETS = ("solved", "first_try", "revealed", "tried")


@dataclass
class LessonProgress:
    solved: set[int] = field(default_factory=set)
    first_try: set[int] = field(default_factory=set)  # a subset of solved
    revealed: set[int] = field(default_factory=set)  # the worked answer was shown before the slot was solved
    tried: set[int] = field(default_factory=set)  # at least one answer checked
    tries: int = 0  # answers checked, right or wrong

    def status(self, slot: int) -> str:
        if slot in self.first_try:
            return FIRST_TRY
        if slot in self.solved:
            return WITH_HELP
        return TRIED if slot in self.tried or slot in self.revealed else NOT_TRIED

    def to_json(self) -> dict:
        return {**{name: sorted(getattr(self, name)) for name in SLOT_SETS}, "tries": self.tries}

    @classmethod
    def from_json(cls, entry: dict) -> LessonProgress:
        """One lesson's entry as written by `to_json`; ValueError, TypeError or AttributeError when it is not."""
        sets = {}
        for name in SLOT_SETS:
            slots = entry.get(name, [])
            if not isinstance(slots, list) or not all(type(slot) is int and 0 <= slot < 100 for slot in slots):
                raise ValueError(f"{name} is not a list of exercise numbers")
            sets[name] = set(slots)
        tries = entry.get("tries", 0)
        if type(tries) is not int or tries < 0:
            raise ValueError("tries is not a count")
        sets["first_try"] &= sets["solved"]
        sets["tried"] |= sets["solved"]
        return cls(**sets, tries=tries)


class Progress:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.lessons: dict[str, LessonProgress] = {}
        self._read()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for lesson_id, entry in data["lessons"].items():
                self.lessons[str(lesson_id)] = LessonProgress.from_json(entry)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.lessons = {}

    def of(self, lesson_id: str) -> LessonProgress:
        return self.lessons.get(lesson_id, LessonProgress())

    def record(self, lesson_id: str, slot: int, correct: bool, helped: bool = False) -> bool:
        """One checked answer, saved at once so that closing the window loses nothing. `helped`: a hint or
        the worked answer was shown for these numbers. False when it could not be saved (a full disk, a
        read-only folder): the learner goes on all the same."""
        entry = self.lessons.setdefault(lesson_id, LessonProgress())
        entry.tries += 1
        entry.tried.add(slot)
        if correct:
            if not helped and slot not in entry.revealed and slot not in entry.solved:
                entry.first_try.add(slot)
            entry.solved.add(slot)
        return self.save()

    def reveal(self, lesson_id: str, slot: int) -> bool:
        """The worked answer was shown: a later solve of this slot is "with help" (one solved already stays)."""
        entry = self.lessons.setdefault(lesson_id, LessonProgress())
        if slot not in entry.solved:
            entry.revealed.add(slot)
        return self.save()

    def forget(self, lesson_id: str) -> bool:
        self.lessons.pop(lesson_id, None)
        return self.save()

    def save(self) -> bool:
        lessons = {key: entry.to_json() for key, entry in self.lessons.items()}
        payload = json.dumps({"version": VERSION, "lessons": lessons}, indent=1, sort_keys=True)
        try:
            atomic_write_bytes(self.path, payload.encode("utf-8"))
        except OSError:
            return False
        return True
