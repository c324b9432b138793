"""A copy of the open project written a few seconds after each change, so a crash loses little.

One file per running app (named by its process id); a file whose process is gone is left over
from a crash and is offered for recovery at the next start. A clean exit removes its own file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from playground.gui.app.config import config_dir
from playground.spec.errors import PlaygroundError
from playground.spec.project import Project, atomic_write_bytes, project_from_dict


@dataclass(frozen=True)
class Recovered:
    project: Project
    original_path: Path | None
    saved_at: datetime
    file: Path


def _folder() -> Path:
    folder = config_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def own_file() -> Path:
    return _folder() / f"{os.getpid()}.json"


def write(project: Project, original_path: Path | None) -> Path:
    payload = {
        "saved_at": datetime.now().isoformat(timespec="seconds"),
        "path": str(original_path) if original_path else None,
        "project": project.to_dict(),
    }
    atomic_write_bytes(own_file(), json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    return own_file()


def clear() -> None:
    own_file().unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, alive
        return True
    return True


def left_over() -> list[Recovered]:
    """Autosaves of app sessions that ended without cleaning up (crashed), newest first."""
    found = []
    for file in _folder().glob("*.json"):
        if not file.stem.isdigit() or _alive(int(file.stem)):
            continue
        try:
            payload = json.loads(file.read_text(encoding="utf-8"))
            found.append(
                Recovered(
                    project_from_dict(payload["project"]),
                    Path(payload["path"]) if payload.get("path") else None,
                    datetime.fromisoformat(payload["saved_at"]),
                    file,
                )
            )
        except (OSError, ValueError, KeyError, TypeError, PlaygroundError):
            file.unlink(missing_ok=True)  # unreadable: nothing to recover
    return sorted(found, key=lambda r: r.saved_at, reverse=True)
