"""Which wheels a target needs: pip resolves, the kit reads the markers.

pip reads dependency markers against the Python that runs it (see playground.kit.targets), so the
resolution goes one level at a time: pip picks versions and files (`install --dry-run --no-deps
--report`, metadata only, nothing is downloaded), the kit reads each chosen wheel's requirements
with the target's markers and asks again with all requirements so far, until nothing new comes.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from playground.kit.targets import Target, this_target
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message

MAX_ROUNDS = 20  # dependency chains are a few levels deep; this only stops a loop


@dataclass(frozen=True)
class Wheel:
    name: str  # canonical project name
    version: str
    filename: str
    url: str
    sha256: str | None


def pip_command() -> list[str]:
    return [sys.executable, "-m", "pip"]


def _pip_error(result: subprocess.CompletedProcess) -> str:
    lines = [line for line in result.stderr.splitlines() if line.startswith("ERROR")] or result.stderr.splitlines()
    return " ".join(lines[-3:]).strip() or f"pip exited with status {result.returncode}"


def dry_run(requirements: list[str], target: Target, index_options: list[str], deps: bool = False) -> list[dict]:
    """pip's report of the files it would take for `requirements` alone (or with their dependencies)."""
    with tempfile.TemporaryDirectory(prefix="cnnpg-kit-") as scratch:
        report = Path(scratch) / "report.json"
        command = [
            *pip_command(),
            "install",
            "--dry-run",
            "--ignore-installed",
            *([] if deps else ["--no-deps"]),
            "--quiet",
            "--disable-pip-version-check",
            "--report",
            str(report),
            "--target",
            str(Path(scratch) / "t"),
            *target.pip_options(),
            *index_options,
            *requirements,
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not report.is_file():
            raise PlaygroundError(Message(messages.KIT_NO_WHEELS, target=target.name, reason=_pip_error(result)))
        return json.loads(report.read_text(encoding="utf-8"))["install"]


def _requirement_text(name: str, specifiers: list[str], extras: set[str]) -> str:
    extra = f"[{','.join(sorted(extras))}]" if extras else ""
    return f"{name}{extra}{','.join(dict.fromkeys(s for s in specifiers if s))}"


def _wheel_of(item: dict) -> Wheel:
    info = item["download_info"]
    hashes = info.get("archive_info", {}).get("hashes", {})
    sha256 = hashes.get("sha256")
    if not sha256 and info.get("archive_info", {}).get("hash", "").startswith("sha256="):
        sha256 = info["archive_info"]["hash"].split("=", 1)[1]
    url = info["url"]
    filename = url.rsplit("/", 1)[-1].split("#", 1)[0]
    from urllib.parse import unquote

    return Wheel(
        canonicalize_name(item["metadata"]["name"]), item["metadata"]["version"], unquote(filename), url, sha256
    )


def is_native(target: Target) -> bool:
    """The target is the machine pip runs on: pip's own reading of the markers is the target's."""
    machine = platform.machine().lower()
    return target == this_target() and machine in (("arm64",) if target.platform == "macos" else ("x86_64", "amd64"))


def resolve(roots: list[str], target: Target, index_options: list[str] = ()) -> list[Wheel]:
    """Every wheel that `roots` (requirement strings or wheel files) need on `target`."""
    if is_native(target):  # one resolution by pip, dependencies and all
        items = dry_run(list(roots), target, list(index_options), deps=True)
        return sorted((_wheel_of(item) for item in items), key=lambda wheel: wheel.name)
    environment = target.marker_environment()
    specifiers: dict[str, list[str]] = {}
    extras: dict[str, set[str]] = {}
    chosen: list[dict] = []
    for _round in range(MAX_ROUNDS):
        asked = [*roots, *(_requirement_text(name, specifiers[name], extras[name]) for name in specifiers)]
        chosen = dry_run(asked, target, list(index_options))
        new = False
        for item in chosen:
            owner_extras = extras.get(canonicalize_name(item["metadata"]["name"]), set())
            for text in item["metadata"].get("requires_dist") or []:
                try:
                    requirement = Requirement(text)
                except InvalidRequirement:
                    continue
                if requirement.marker is not None and not any(
                    requirement.marker.evaluate({**environment, "extra": extra}) for extra in owner_extras or {""}
                ):
                    continue
                name = canonicalize_name(requirement.name)
                specifier = str(requirement.specifier)
                if name not in specifiers:
                    specifiers[name], extras[name], new = [], set(), True
                if specifier and specifier not in specifiers[name]:
                    specifiers[name].append(specifier)
                    new = True
                if not requirement.extras <= extras[name]:
                    extras[name] |= requirement.extras
                    new = True
        if not new:
            break
    return sorted((_wheel_of(item) for item in chosen), key=lambda wheel: wheel.name)
