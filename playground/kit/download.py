"""Bringing a target's wheels into the kit with `pip download`, only those not there yet (a
teacher's connection that dropped half-way), each checked against the hash pip's index gave.

pip saves into a staging folder inside the kit; a file moves into wheels/ only once it is whole
and its SHA-256 is right, so a cut-off download is never mistaken for a wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from tqdm import tqdm

from playground.kit.manifest import Entry, sha256_of
from playground.kit.resolve import Wheel, pip_command
from playground.kit.targets import Target
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message

STAGING = ".partial"  # inside the wheels folder; never listed in the manifest


def local_path(url: str) -> Path | None:
    parsed = urlparse(url)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


def remote_size(url: str) -> int | None:
    """A wheel's size before it is downloaded: a local index's file, or the server's Content-Length."""
    path = local_path(url)
    if path is not None:
        return path.stat().st_size if path.is_file() else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=30) as response:
            length = response.headers.get("Content-Length")
            return int(length) if length else None
    except (OSError, ValueError):
        return None  # the size is only for the report; pip still downloads it


def is_whole(path: Path, wheel: Wheel, known: dict[str, Entry]) -> bool:
    """The kit already holds this wheel, intact (the manifest's hash spares hashing it again)."""
    if not path.is_file():
        return False
    if wheel.sha256 is None:
        return True
    entry = known.get(f"wheels/{path.name}")
    if entry is not None and entry.size == path.stat().st_size:
        return entry.sha256 == wheel.sha256
    return sha256_of(path) == wheel.sha256


def download(
    wheels: list[Wheel],
    target: Target,
    folder: Path,
    index_options: list[str],
    known: dict[str, Entry],
    say: Callable[[str], None] = print,
) -> int:
    """Download the wheels that `folder` lacks; the number of bytes brought in."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [wheel for wheel in wheels if not is_whole(folder / wheel.filename, wheel, known)]
    if not missing:
        return 0
    sizes = {wheel.filename: remote_size(wheel.url) or 0 for wheel in missing}
    staging = folder / STAGING
    staging.mkdir(exist_ok=True)
    pins = [str(local_path(w.url)) if w.name == "cnn-playground" else f"{w.name}=={w.version}" for w in missing]
    command = [
        *pip_command(),
        "download",
        "--no-deps",
        "--progress-bar",
        "off",
        "--disable-pip-version-check",
        "--dest",
        str(staging),
        *target.pip_options(),
        *index_options,
        *pins,
    ]
    brought = 0
    with tqdm(
        total=sum(sizes.values()), unit="B", unit_scale=True, desc=target.name, disable=None, file=sys.stderr
    ) as bar:
        tail: list[str] = []
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
            for line in process.stdout:
                tail = [*tail[-20:], line.rstrip()]
                for wheel in missing:
                    done = line.startswith(("Saved", "File was already downloaded"))
                    if done and line.rstrip().endswith(wheel.filename):
                        bar.update(sizes[wheel.filename])
                        if bar.disable:
                            say(f"  {wheel.filename}")
        status = process.returncode
    if status != 0:
        errors = [line for line in tail if line.startswith("ERROR")] or tail[-3:]
        raise PlaygroundError(Message(messages.KIT_DOWNLOAD_FAILED, target=target.name, errors=" ".join(errors)))
    for wheel in missing:
        saved = staging / wheel.filename
        if not saved.is_file():
            raise PlaygroundError(Message(messages.KIT_NOT_SAVED, wheel=wheel.filename, target=target.name))
        if wheel.sha256 and sha256_of(saved) != wheel.sha256:
            saved.unlink()
            raise PlaygroundError(Message(messages.KIT_WHEEL_DAMAGED, wheel=wheel.filename))
        brought += saved.stat().st_size
        os.replace(saved, folder / wheel.filename)
    shutil.rmtree(staging, ignore_errors=True)
    return brought
