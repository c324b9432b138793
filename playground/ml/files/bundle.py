"""A project bundle: one file (`.cnnpg`, a zip) to hand out — the project, its images, its trained
model and runs — that opens on any machine, at any path, and trains and predicts there.

    manifest.json                     format, and every other file's path, size and SHA-256
    project.json                      the project, its data source pointing at project_images/
    project_images/CLASS/...          the images (for a folder dataset; a built-in set is a name)
    project_runs/runs.json            the runs (playground.spec.saved_runs)
    project_runs/run-N/best.pt|last.pt

Opening one is made safe against whoever made it: nothing is written before the whole archive
has been checked (names that stay inside the folder, no links, a file count and sizes bounded
against zip bombs, every file in the manifest and nothing else); files are then written only
as new files and each is checked against its SHA-256 as it is written; the checkpoints are read
through the safe loader before the project is handed back. Any refusal is one PlaygroundError,
and removes exactly what was written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from playground.ml.data.folders import APP_DATASET_MARKER, resolve_source_folder, scan_image_folder
from playground.ml.files.file_hash import file_sha256
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message
from playground.spec.project import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    Project,
    load_project,
    read_json_text,
)
from playground.spec.saved_runs import CHECKPOINT_FILES, RUNS_INDEX, read_saved_runs, runs_folder

BUNDLE_FORMAT = "cnn-playground-bundle/1"
BUNDLE_SUFFIX = ".cnnpg"
MANIFEST = "manifest.json"
PROJECT = "project.json"
IMAGES = "project_images"  # NAME_images and NAME_runs beside NAME.json, as for a saved project
RUNS = "project_runs"

# Against zip bombs: bounds on what a bundle may unpack to, checked on the archive's directory
# before anything is written, and again on the bytes as they are written (a directory can lie).
MAX_FILES = 200_000
MAX_FILE_BYTES = 4 * 1024**3  # a checkpoint of the largest network offered (Inception-ResNet-v2) is ~0.7 GB
MAX_TOTAL_BYTES = 32 * 1024**3
MAX_RATIO = 200  # deflate packs real files (JSON, weights, images) at most ~20:1; zeros pack 1000:1
RATIO_CHECKED_FROM = 1024**2  # a tiny file packs well without being a bomb
MAX_MANIFEST_BYTES = 64 * 1024**2

_RUN_FILE = re.compile(rf"{RUNS}/run-[0-9]{{1,7}}/({'|'.join(re.escape(n) for n in CHECKPOINT_FILES)})")
_STORED = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff")  # already compressed or not worth it


def is_bundle(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == BUNDLE_SUFFIX


# ------------------------------------------------------------------------------------ making one


def _bundle_files(project: Project, project_path: Path) -> tuple[Project, dict[str, Path]]:
    """What goes into the bundle (name in the archive → file here), and the project as it reads there."""
    files: dict[str, Path] = {}
    source = project.data.source
    if not source.startswith("builtin:"):
        root = resolve_source_folder(source, project_path.parent).resolve()
        _, images = scan_image_folder(root)
        for path, _ in images:  # all checked before anything is written
            if not path.resolve().is_relative_to(root):
                raise PlaygroundError(Message(messages.BUNDLE_IMAGE_LINK, path=path, target=path.resolve(), root=root))
        files.update((f"{IMAGES}/{path.relative_to(root).as_posix()}", path) for path, _ in images)
        if (root / APP_DATASET_MARKER).is_file():  # classes made in the app stay editable where it is opened
            files[f"{IMAGES}/{APP_DATASET_MARKER}"] = root / APP_DATASET_MARKER
        project = project.replace(data=dataclasses.replace(project.data, source=IMAGES))
    saved = read_saved_runs(project_path)
    folder = runs_folder(project_path)
    if saved.runs:
        files[f"{RUNS}/{RUNS_INDEX}"] = folder / RUNS_INDEX
    for run in saved.runs:
        for name in CHECKPOINT_FILES:
            path = folder / run.folder_name / name
            if run.has_files and path.is_file():
                files[f"{RUNS}/{run.folder_name}/{name}"] = path
    return project, files


def make_bundle(project_path: str | os.PathLike, out: str | os.PathLike) -> Path:
    """Write the bundle of a saved project (its file, images, runs and model) to `out`, atomically.
    An existing `out` is replaced only if it is a bundle (one this app wrote)."""
    project_path, out = Path(project_path), Path(out)
    if out.exists() and not _is_our_bundle(out):
        raise PlaygroundError(Message(messages.BUNDLE_OUT_NOT_OURS, path=out))
    project, files = _bundle_files(load_project(project_path), project_path)
    project_bytes = project.to_json().encode("utf-8")
    entries = [{"path": PROJECT, "bytes": len(project_bytes), "sha256": hashlib.sha256(project_bytes).hexdigest()}]
    entries += [
        {"path": name, "bytes": path.stat().st_size, "sha256": file_sha256(path)} for name, path in files.items()
    ]
    manifest = {"format": BUNDLE_FORMAT, "project": PROJECT, "files": entries}
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=out.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temp_name, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
            archive.writestr(PROJECT, project_bytes)
            for name, path in files.items():
                stored = path.suffix.lower() in _STORED
                archive.write(path, name, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
        with open(temp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return out


def _is_our_bundle(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                return False
            return json.loads(archive.read(info)).get("format") == BUNDLE_FORMAT
    except Exception:  # not a zip, no manifest, not JSON: not ours, whatever it is
        return False


# ------------------------------------------------------------------------------------ opening one


def default_folder(bundle: str | os.PathLike) -> Path:
    """A new folder beside the bundle, named after it (a number added if taken)."""
    bundle = Path(bundle)
    folder, counter = bundle.parent / bundle.stem, 1
    while folder.exists():
        counter += 1
        folder = bundle.parent / f"{bundle.stem}-{counter}"
    return folder


def _safe_name(name: str) -> bool:
    """A member name that lands inside the folder on every system: relative, forward slashes only, no
    '..', '.', empty parts, drive letters or characters Windows cannot hold."""
    if not name or len(name) > 1024 or "\\" in name or "\0" in name or name.startswith("/"):
        return False
    parts = PurePosixPath(name).parts
    if name.endswith("/") or any(p in ("", ".", "..") or ":" in p for p in parts):
        return False
    return all(ord(c) >= 32 for c in name)


def _is_link_or_special(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    return info.create_system == 3 and kind not in (0, stat.S_IFREG)  # 3: made on Unix, where modes mean this


def _allowed_layout(name: str) -> bool:
    return (
        name == PROJECT
        or name.startswith(f"{IMAGES}/")
        or name == f"{RUNS}/{RUNS_INDEX}"
        or bool(_RUN_FILE.fullmatch(name))
    )


def _check_archive(archive: zipfile.ZipFile, path: Path) -> dict[str, dict]:
    """Every check that needs nothing written: names, links, bounds, the manifest. Returns the
    manifest's entries by name."""
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise PlaygroundError(Message(messages.BUNDLE_TOO_MANY_FILES, path=path, count=len(infos), limit=MAX_FILES))
    seen, total = set(), 0
    for info in infos:
        if _is_link_or_special(info):
            raise PlaygroundError(Message(messages.BUNDLE_LINK, path=path, name=repr(info.filename)))
        if not _safe_name(info.filename) or info.filename in seen:  # a second entry would overwrite the first
            raise PlaygroundError(Message(messages.BUNDLE_UNSAFE_NAME, path=path, name=repr(info.filename)))
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise PlaygroundError(Message(messages.BUNDLE_DAMAGED, path=path, reason="encrypted"))
        if info.file_size > MAX_FILE_BYTES:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_TOO_LARGE, path=path, name=repr(info.filename),
                                          size=info.file_size // 1024**2, limit=MAX_FILE_BYTES // 1024**2))  # fmt: skip
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECKED_FROM and ratio > MAX_RATIO:
            raise PlaygroundError(
                Message(messages.BUNDLE_RATIO, path=path, name=repr(info.filename), ratio=f"{ratio:,.0f}")
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PlaygroundError(
            Message(messages.BUNDLE_TOO_LARGE, path=path, size=total // 1024**2, limit=MAX_TOTAL_BYTES // 1024**2)
        )
    entries = _read_manifest(archive, path)
    for name in seen - {MANIFEST}:
        if name not in entries:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_NOT_LISTED, path=path, name=repr(name)))
    for name, entry in entries.items():
        if name not in seen:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_MISSING, path=path, name=repr(name)))
        if archive.getinfo(name).file_size != entry["bytes"]:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_CHANGED, path=path, name=repr(name)))
    return entries


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, dict]:
    def bad(key: str) -> PlaygroundError:
        return PlaygroundError(Message(messages.BUNDLE_MANIFEST_BAD, path=path, key=key))

    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise bad(MANIFEST) from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise bad(MANIFEST)
    try:
        manifest = read_json_text(archive.read(info).decode("utf-8"))
    except (PlaygroundError, UnicodeDecodeError):
        raise bad(MANIFEST) from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise bad("format")
    if manifest.get("project") != PROJECT:
        raise bad("project")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise bad("files")
    entries: dict[str, dict] = {}
    for index, entry in enumerate(files):
        ok = (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and _safe_name(entry["path"])
            and _allowed_layout(entry["path"])
            and entry["path"] not in entries
            and isinstance(entry.get("bytes"), int)
            and not isinstance(entry["bytes"], bool)
            and 0 <= entry["bytes"] <= MAX_FILE_BYTES
            and isinstance(entry.get("sha256"), str)
            and re.fullmatch("[0-9a-f]{64}", entry["sha256"]) is not None
        )
        if not ok:
            raise bad(f"files[{index}]")
        entries[entry["path"]] = entry
    if PROJECT not in entries:
        raise bad("files")
    return entries


class _Written:
    """What opening a bundle wrote, to remove exactly that on a refusal (never anything else)."""

    def __init__(self) -> None:
        self.files: list[Path] = []
        self.folders: list[Path] = []

    def make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for made in reversed(missing):
            made.mkdir()
            self.folders.append(made)

    def remove(self) -> None:
        for file in reversed(self.files):
            file.unlink(missing_ok=True)
        for folder in reversed(self.folders):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: whatever someone else put there stays


def _extract(archive: zipfile.ZipFile, entries: dict[str, dict], folder: Path, path: Path, written: _Written) -> None:
    inside = folder.resolve()
    for name, entry in entries.items():
        target = folder / name
        if not target.resolve().is_relative_to(inside):  # belt and braces: the names were checked already
            raise PlaygroundError(Message(messages.BUNDLE_UNSAFE_NAME, path=path, name=repr(name)))
        written.make_folder(target.parent)
        digest, size = hashlib.sha256(), 0
        try:
            sink = target.open("xb")  # "x": never over an existing file
        except FileExistsError:  # two names for one file on this system ("A.png" and "a.png" on macOS)
            raise PlaygroundError(Message(messages.BUNDLE_UNSAFE_NAME, path=path, name=repr(name))) from None
        written.files.append(target)
        with archive.open(name) as source, sink:
            for block in iter(lambda: source.read(1 << 20), b""):
                size += len(block)
                if size > entry["bytes"]:  # more than the directory declared: stop writing now
                    break
                digest.update(block)
                sink.write(block)
        if size != entry["bytes"] or digest.hexdigest() != entry["sha256"]:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_CHANGED, path=path, name=repr(name)))


def _check_contents(folder: Path, path: Path) -> Path:
    """The unpacked project reads only its own images, and its runs and weights load safely."""
    from playground.ml.files.checkpoints import load_checkpoint

    project_path = folder / PROJECT
    project = load_project(project_path)
    source = project.data.source
    if not (source == IMAGES or source.startswith("builtin:")):
        raise PlaygroundError(Message(messages.BUNDLE_READS_OUTSIDE, path=path, source=repr(source)))
    read_saved_runs(project_path)
    for checkpoint in sorted((folder / RUNS).glob("run-*/*.pt")):
        try:
            load_checkpoint(checkpoint)  # weights_only, and checked in full
        except PlaygroundError as error:
            problem = error.args[0] if error.args else ""
            raise PlaygroundError(Message(messages.BUNDLE_WEIGHTS_REFUSED, path=path, problem=problem)) from None
    return project_path


def open_bundle(bundle: str | os.PathLike, folder: str | os.PathLike | None = None) -> Path:
    """Unpack a bundle into `folder` (new or empty; default: a new folder beside the bundle) after
    checking all of it; returns the project file there. A refusal leaves nothing behind."""
    path = Path(bundle)
    if not path.is_file():
        raise PlaygroundError(Message(messages.BUNDLE_DAMAGED, path=path, reason="not found"))
    if not zipfile.is_zipfile(path):
        raise PlaygroundError(Message(messages.BUNDLE_NOT_A_ZIP, path=path))
    folder = Path(folder) if folder is not None else default_folder(path)
    if folder.exists() and (not folder.is_dir() or folder.is_symlink() or any(folder.iterdir())):
        raise PlaygroundError(Message(messages.BUNDLE_FOLDER_NOT_EMPTY, folder=folder))
    written = _Written()
    try:
        with zipfile.ZipFile(path) as archive:
            entries = _check_archive(archive, path)
            written.make_folder(folder)
            _extract(archive, entries, folder, path, written)
        return _check_contents(folder, path)
    except PlaygroundError:
        written.remove()
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as error:
        written.remove()
        raise PlaygroundError(Message(messages.BUNDLE_DAMAGED, path=path, reason=str(error)[:160])) from None
    except BaseException:
        written.remove()
        raise
