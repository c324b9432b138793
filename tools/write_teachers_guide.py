"""Copy the teacher's guide from the app's resources (the one source, shown on the Learn page) to
docs/teachers-guide.md and docs/teachers-guide.ko.md, for reading in the repository.

    python tools/write_teachers_guide.py

tests/unit/test_teachers_guide.py fails when the copies differ from the resources.
"""

from __future__ import annotations

from pathlib import Path

from playground.lessons.content import teachers_guide

DOCS = Path(__file__).resolve().parent.parent / "docs"
COPIES = {"en": DOCS / "teachers-guide.md", "ko": DOCS / "teachers-guide.ko.md"}


def main() -> None:
    for language, path in COPIES.items():
        path.write_text(teachers_guide(language), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
