"""Which exercises a learner has solved, per lesson, in a small JSON file of their own:

    {"version": 1, "lessons": {"padding": {"solved": [0, 2], "tries": 5}}}

Kept per exercise slot (the numbers change every time, the exercise's place does not). Written
atomically; a missing or damaged file is a fresh start, never an error: progress is a convenience,
and a learner must always be able to practise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from playground.spec.project import atomic_write_bytes

PROGRESS_FILE = "exercise-progress.json"
VERSION = 1


@dataclass
class LessonProgress:
    solved: set[int] = field(default_factory=set)
    tries: int = 0  # answers checked, right or wrong


class Progress:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.lessons: dict[str, LessonProgress] = {}
        self._read()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for lesson_id, entry in data["lessons"].items():
                solved = {int(slot) for slot in entry.get("solved", []) if int(slot) >= 0}
                self.lessons[str(lesson_id)] = LessonProgress(solved, max(int(entry.get("tries", 0)), 0))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.lessons = {}

    def of(self, lesson_id: str) -> LessonProgress:
        return self.lessons.get(lesson_id, LessonProgress())

    def record(self, lesson_id: str, slot: int, correct: bool) -> bool:
        """One checked answer, saved at once so that closing the window loses nothing. False when it
        could not be saved (a full disk, a read-only folder): the learner goes on all the same."""
        entry = self.lessons.setdefault(lesson_id, LessonProgress())
        entry.tries += 1
        if correct:
            entry.solved.add(slot)
        return self.save()

    def forget(self, lesson_id: str) -> bool:
        self.lessons.pop(lesson_id, None)
        return self.save()

    def save(self) -> bool:
        lessons = {key: {"solved": sorted(entry.solved), "tries": entry.tries} for key, entry in self.lessons.items()}
        payload = json.dumps({"version": VERSION, "lessons": lessons}, indent=1, sort_keys=True)
        try:
            atomic_write_bytes(self.path, payload.encode("utf-8"))
        except OSError:
            return False
        return True
