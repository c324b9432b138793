"""A printable worksheet: a lesson's exercises with numbers fixed by a seed, so that a class can share one
sheet (the same lesson and seed give the same sheet, on any machine), and its answer key.

Pure Python: which exercises, in which order, with which numbers. The PDF is drawn by the window's side
(playground.gui.pages.learn.worksheet_pdf), in the interface's language.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from playground.lessons.exercises import Exercise, exercise_count, make_exercise

ROUNDS = 2  # each exercise of the lesson twice, with other numbers: 6 to 10 questions on a sheet
MAX_SEED = 10**9


@dataclass(frozen=True)
class Worksheet:
    lesson: str
    seed: int
    exercises: tuple[Exercise, ...]


def lesson_keys() -> list[str]:
    """The lessons that have exercises, in course order: the keys `worksheet LESSON` takes."""
    from playground.lessons.content import lessons

    return [lesson.id for lesson in lessons("en") if exercise_count(lesson.id)]


def make_worksheet(lesson_id: str, seed: int, rounds: int = ROUNDS) -> Worksheet:
    """The lesson's exercises, `rounds` times each, the numbers drawn from `seed` alone (string seeding is
    the same in every Python process, unlike hash())."""
    rng = random.Random(f"worksheet:{lesson_id}:{seed}")
    count = exercise_count(lesson_id)
    found = tuple(make_exercise(lesson_id, slot, rng) for _ in range(rounds) for slot in range(count))
    return Worksheet(lesson_id, seed, found)
