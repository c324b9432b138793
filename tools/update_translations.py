"""Refresh the Korean translation files after interface strings changed.

    python tools/update_translations.py

It first writes playground/gui/app/spec_messages.py (the templates of playground/spec/messages.py as
literals), then pyside6-lupdate collects every tr() / translate() / QT_TRANSLATE_NOOP string of playground/gui
into resources/translations/cnn_playground_ko.ts (keeping the translations already there; new
strings come in "unfinished"), then pyside6-lrelease compiles the .qm the app loads. Translate the
unfinished ones (Qt Linguist: `pyside6-linguist FILE.ts`, or any text editor) with the course's
terms (docs/glossary-ko.md; tests/unit/test_glossary.py holds them to it), then run this again.
tests/unit/test_translations.py fails while any string is untranslated or the .qm is older than the
.ts. A string whose code moved to another class keeps the translation it had.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "playground" / "resources" / "translations" / "cnn_playground_ko.ts"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


MESSAGE = re.compile(
    r"<message>\s*<source>(.*?)</source>\s*<translation( type=\"unfinished\")?>(.*?)</translation>", re.S
)


def finished_translations(text: str) -> dict[str, str]:
    """Source -> translation of every finished message, whatever its context (its class)."""
    return {source: translation for source, unfinished, translation in MESSAGE.findall(text) if not unfinished}


def carry_moved(text: str, known: dict[str, str]) -> str:
    """A string whose code moved to another class comes back from lupdate unfinished, under its new
    context: it gets the translation it had under the old one."""

    def fill(match: re.Match) -> str:
        source, unfinished, _ = match.groups()
        if not unfinished or source not in known:
            return match.group(0)
        head = match.group(0)[: match.group(0).index("<translation")]
        return f"{head}<translation>{known[source]}</translation>"

    return MESSAGE.sub(fill, text)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    known = finished_translations(TS.read_text(encoding="utf-8"))
    from playground.gui.app.messages import noop_module

    (ROOT / "playground" / "gui" / "app" / "spec_messages.py").write_text(noop_module(), encoding="utf-8")
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "playground" / "gui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(TS)], cwd=ROOT, check=True
    )
    TS.write_text(carry_moved(TS.read_text(encoding="utf-8"), known), encoding="utf-8")
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
