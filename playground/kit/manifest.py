"""A kit's manifest: every file's size and SHA-256, written last by `kit build` and checked first by
the install (USB sticks damage files, copies stop half-way).

This module uses the standard library only: the kit carries a copy of it as tools/check_kit.py,
which install.sh and install.bat run with the classroom PC's own Python before anything is
installed, so it may not import the app. For the same reason its few lines of output carry their
own Korean (LANG=ko_...) instead of the app's translations.
"""

from __future__ import annotations

import hashlib
import locale
import os
import sys
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.txt"
HEADER = "# CNN Playground kit manifest: SHA-256, size in bytes, path (relative to the kit)"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Entry:
    path: str  # relative, with "/" on every system
    size: int
    sha256: str


@dataclass(frozen=True)
class Problem:
    path: str
    kind: str  # "missing", "size" or "damaged"
    expected: int = 0
    found: int = 0


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def kit_files(kit: Path) -> list[str]:
    """Every file in the kit but the manifest itself, relative, sorted."""
    found = []
    for folder, dirs, files in os.walk(kit):
        dirs[:] = [name for name in dirs if name != ".partial"]  # downloads under way (playground.kit.download)
        for name in files:
            relative = (Path(folder) / name).relative_to(kit).as_posix()
            if relative != MANIFEST and not name.endswith(".part"):  # a download cut off is not part of it
                found.append(relative)
    return sorted(found)


def entry_of(kit: Path, relative: str) -> Entry:
    path = kit / relative
    return Entry(relative, path.stat().st_size, sha256_of(path))


def write_manifest(kit: Path, known: dict[str, Entry] | None = None) -> list[Entry]:
    """Write the manifest of what the kit holds now. A `known` entry is reused instead of hashing
    the file again (a rebuild into a kit of several GB) only for a file of the same size that has
    not changed since the previous manifest was written (a rewritten file of the same size, such as
    kit.json with a new date, is hashed anew)."""
    known = known or {}
    previous_manifest = kit / MANIFEST
    written = previous_manifest.stat().st_mtime_ns if previous_manifest.is_file() else 0
    entries = []
    for relative in kit_files(kit):
        previous = known.get(relative)
        stat = (kit / relative).stat()
        unchanged = previous and previous.size == stat.st_size and stat.st_mtime_ns < written
        entries.append(previous if unchanged else entry_of(kit, relative))
    lines = [HEADER, *(f"{e.sha256}  {e.size}  {e.path}" for e in entries)]
    temporary = kit / (MANIFEST + ".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temporary, kit / MANIFEST)
    return entries


def read_manifest(kit: Path) -> dict[str, Entry]:
    """The manifest's entries by path; {} when the kit has none yet. A line that cannot be read
    raises ValueError (a damaged manifest is a damaged kit)."""
    path = kit / MANIFEST
    if not path.is_file():
        return {}
    entries = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("  ", 2)
        if len(parts) != 3 or len(parts[0]) != 64 or not parts[1].isdigit():
            raise ValueError(f"{MANIFEST}, line {number}: {line[:80]!r}")
        entries[parts[2]] = Entry(parts[2], int(parts[1]), parts[0])
    return entries


def check_kit(kit: Path) -> list[Problem]:
    """Each file of the manifest that is missing, of another size or whose content differs."""
    problems = []
    for entry in read_manifest(kit).values():
        path = kit / entry.path
        if not path.is_file():
            problems.append(Problem(entry.path, "missing", entry.size))
            continue
        size = path.stat().st_size
        if size != entry.size:
            problems.append(Problem(entry.path, "size", entry.size, size))
        elif sha256_of(path) != entry.sha256:
            problems.append(Problem(entry.path, "damaged", entry.size, size))
    return problems


# ------------------------------------------------------------------ the kit's own check (tools/check_kit.py)

_TEXTS = {
    "en": {
        "no_manifest": "{kit}: no {manifest} here: this is not a whole CNN Playground kit",
        "bad_manifest": "the kit's manifest is damaged: {reason}",
        "missing": "missing: {path}",
        "size": "damaged: {path} ({found:,} bytes instead of {expected:,})",
        "damaged": "damaged: {path} (its content differs from the kit that was built)",
        "summary": "{count} of {total} files missing or damaged: copy the kit again (nothing was installed)",
        "ok": "all {total} files of the kit are whole",
    },
    "ko": {
        "no_manifest": "{kit}: {manifest} 파일이 없습니다: 온전한 CNN Playground 키트가 아닙니다",
        "bad_manifest": "키트의 목록 파일이 손상되었습니다: {reason}",
        "missing": "없음: {path}",
        "size": "손상됨: {path} ({expected:,}바이트가 아니라 {found:,}바이트)",
        "damaged": "손상됨: {path} (내용이 만든 키트와 다릅니다)",
        "summary": (
            "파일 {total}개 중 {count}개가 없거나 손상되었습니다: 키트를 다시 복사하세요 (아무것도 설치하지 않았습니다)"
        ),
        "ok": "키트의 파일 {total}개가 모두 온전합니다",
    },
}


def _language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(name):
            return "ko" if os.environ[name].lower().startswith("ko") else "en"
    with_locale = locale.getlocale()[0] or ""  # Windows: the user's display language
    return "ko" if with_locale.lower().startswith("ko") else "en"


def main(argv: list[str] | None = None) -> int:
    """Check the kit that holds this file (or the folder given); exit status 1 naming each bad file."""
    argv = sys.argv[1:] if argv is None else argv
    kit = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    texts = _TEXTS[_language()]
    if not (kit / MANIFEST).is_file():
        print(texts["no_manifest"].format(kit=kit, manifest=MANIFEST), file=sys.stderr)
        return 1
    try:
        total = len(read_manifest(kit))
        problems = check_kit(kit)
    except (ValueError, UnicodeDecodeError) as error:
        print(texts["bad_manifest"].format(reason=error), file=sys.stderr)
        return 1
    for problem in problems:
        print(
            texts[problem.kind].format(path=problem.path, expected=problem.expected, found=problem.found),
            file=sys.stderr,
        )
    if problems:
        print(texts["summary"].format(count=len(problems), total=total), file=sys.stderr)
        return 1
    print(texts["ok"].format(total=total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
