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
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from playground.ml.data.folders import APP_DATASET_MARKER, resolve_source_folder, scan_image_folder
from playground.ml.files.file_hash import file_sha256
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of
from playground.spec.project import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    Project,
    load_project,
    project_bytes,
    project_from_json,
    read_json_text,
)
from playground.spec.saved_runs import (
    CHECKPOINT_FILES,
    RUNS_INDEX,
    read_saved_runs,
    runs_folder,
    saved_runs_from_bytes,
)
from playground.spec.text import json_bytes, printable

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


def _refuse_links(base: Path, path: Path, checked: set[Path]) -> None:
    """`path` and every folder between `base` and it are what they say, not links: packing follows
    no link, wherever it points (a checkpoint linked to a private file, a whole NAME_runs/ linked
    elsewhere in a project received from someone would be handed out with the next bundle)."""
    candidates = [path]
    if path != base:
        candidates += [base / parent for parent in path.relative_to(base).parents if parent != Path(".")]
    for candidate in candidates:
        if candidate in checked:
            continue
        if candidate.is_symlink():
            raise PlaygroundError(Message(messages.BUNDLE_PACKS_LINK, path=candidate, target=candidate.resolve()))
        checked.add(candidate)


def _bundle_files(project: Project, project_path: Path) -> tuple[Project, dict[str, Path]]:
    """What goes into the bundle (name in the archive → file here), and the project as it reads there.
    Every file is checked (no link anywhere on its way) before anything is written."""
    files: dict[str, Path] = {}
    checked: set[Path] = set()
    source = project.data.source
    if not source.startswith("builtin:"):
        root = resolve_source_folder(source, project_path.parent)
        _refuse_links(root, root, checked)
        _, images = scan_image_folder(root)
        marker = root / APP_DATASET_MARKER
        paths = [path for path, _ in images] + ([marker] if marker.exists() or marker.is_symlink() else [])
        for path in paths:
            _refuse_links(root, path, checked)
        files.update((f"{IMAGES}/{path.relative_to(root).as_posix()}", path) for path in paths)
        project = project.replace(data=dataclasses.replace(project.data, source=IMAGES))
    folder = runs_folder(project_path)
    for path in (folder, folder / RUNS_INDEX):
        _refuse_links(path, path, checked)  # before reading the index through a link
    saved = read_saved_runs(project_path)
    if saved.runs:
        files[f"{RUNS}/{RUNS_INDEX}"] = folder / RUNS_INDEX
    for run in saved.runs:
        for name in CHECKPOINT_FILES:
            path = folder / run.folder_name / name
            _refuse_links(folder, path, checked)
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
    for name, path in files.items():  # a checkpoint the bundle's users could not predict with is not handed out
        if name.endswith(".pt"):
            check_bundle_checkpoint(path)
    project_text = project_bytes(project, project_path)
    entries = [{"path": PROJECT, "bytes": len(project_text), "sha256": hashlib.sha256(project_text).hexdigest()}]
    entries += [
        {"path": name, "bytes": path.stat().st_size, "sha256": file_sha256(path)} for name, path in files.items()
    ]
    manifest = {"format": BUNDLE_FORMAT, "project": PROJECT, "files": entries}
    _check_packable(manifest, files, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=out.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temp_name, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json_bytes(manifest, indent=1))
            archive.writestr(PROJECT, project_text)
            for name, path in files.items():
                info = _MemberInfo.from_file(path, name)
                info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in _STORED else zipfile.ZIP_DEFLATED
                with path.open("rb") as source, archive.open(info, "w") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
        with open(temp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        _check_opens(Path(temp_name), out)
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return out


def _check_packable(manifest: dict, files: dict[str, Path], out: Path) -> None:
    """Before writing: every limit `open_bundle` enforces, said about the project's own file that
    breaks it (a name Windows cannot hold, a file or a total too large), not as a bundle refused later."""
    for name, path in files.items():
        if not _safe_name(name):
            raise PlaygroundError(Message(messages.BUNDLE_NAME_UNPORTABLE, path=path))
    if len(files) + 2 > MAX_FILES:
        raise PlaygroundError(Message(messages.BUNDLE_TOO_MANY_TO_PACK, count=len(files) + 2, limit=MAX_FILES))
    for entry in manifest["files"]:
        if entry["bytes"] > MAX_FILE_BYTES:
            where = files.get(entry["path"], entry["path"])
            raise PlaygroundError(
                Message(
                    messages.BUNDLE_FILE_TOO_LARGE_TO_PACK,
                    path=where,
                    size=entry["bytes"] // 1024**2,
                    limit=MAX_FILE_BYTES // 1024**2,
                )
            )
    manifest_bytes = len(json_bytes(manifest, indent=1))
    total = sum(entry["bytes"] for entry in manifest["files"]) + manifest_bytes  # as opening counts: every member
    if total > MAX_TOTAL_BYTES or manifest_bytes > MAX_MANIFEST_BYTES:
        raise PlaygroundError(
            Message(messages.BUNDLE_TOO_LARGE_TO_PACK, size=total // 1024**2, limit=MAX_TOTAL_BYTES // 1024**2)
        )


def _check_opens(written: Path, out: Path) -> None:
    """After writing, before it replaces anything: the archive passes every check opening it makes."""
    try:
        with zipfile.ZipFile(written) as archive:
            _check_archive(archive, out)
    except PlaygroundError as error:
        raise PlaygroundError(Message(messages.BUNDLE_NOT_MADE, path=out, problem=text_of(error))) from None


class _MemberInfo(zipfile.ZipInfo):
    """A member whose name may hold the bytes of a file name that was not UTF-8 (a Korean zip's
    CP949 names unpacked on Linux): written as those very bytes, without the zip's UTF-8 flag, where
    zipfile would raise; `member_name` reads them back to the same name."""

    def _encodeFilenameFlags(self):
        try:
            return super()._encodeFilenameFlags()
        except UnicodeEncodeError:
            return self.filename.encode("utf-8", "surrogateescape"), self.flag_bits


_UTF8_NAME = 0x800  # the zip's flag for names in UTF-8; without it, zipfile decodes them as CP437


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as the app wrote it: UTF-8, or its raw bytes kept as surrogate escapes (every
    byte survives zipfile's CP437 decoding, so this is exact)."""
    if info.flag_bits & _UTF8_NAME:
        return info.filename
    return info.filename.encode("cp437").decode("utf-8", "surrogateescape")


def check_bundle_checkpoint(path: Path, shown_as: str | os.PathLike | None = None) -> None:
    """A checkpoint that loads safely, whose network can predict in this machine's memory, and whose
    weights fit that network (checked on the meta device: nothing is allocated, whatever size it
    declares)."""
    from playground.ml.files.checkpoints import load_checkpoint
    from playground.ml.files.weights_fit import check_weights_fit
    from playground.ml.network.network_memory import PREDICT_BATCH_IMAGES, check_network_fits

    checkpoint = load_checkpoint(path)
    check_network_fits(checkpoint.project, len(checkpoint.class_names), PREDICT_BATCH_IMAGES, training=False)
    check_weights_fit(checkpoint, shown_as or path)


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


@dataclasses.dataclass(frozen=True)
class _Member:
    entry: dict  # the manifest's: path, bytes, sha256
    info: zipfile.ZipInfo


def _check_archive(archive: zipfile.ZipFile, path: Path) -> dict[str, _Member]:
    """Every check that needs nothing written: names, links, bounds, the manifest. Returns the
    members by name (as the app wrote it), with their manifest entries."""
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise PlaygroundError(Message(messages.BUNDLE_TOO_MANY_FILES, path=path, count=len(infos), limit=MAX_FILES))
    seen: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = member_name(info)
        if _is_link_or_special(info):
            raise PlaygroundError(Message(messages.BUNDLE_LINK, path=path, name=printable(repr(name))))
        if not _safe_name(name) or name in seen:  # a second entry would overwrite the first
            raise PlaygroundError(Message(messages.BUNDLE_UNSAFE_NAME, path=path, name=printable(repr(name))))
        seen[name] = info
        if info.flag_bits & 0x1:
            raise PlaygroundError(Message(messages.BUNDLE_DAMAGED, path=path, reason="encrypted"))
        if info.file_size > MAX_FILE_BYTES:
            raise PlaygroundError(
                Message(
                    messages.BUNDLE_FILE_TOO_LARGE,
                    path=path,
                    name=printable(repr(name)),
                    size=info.file_size // 1024**2,
                    limit=MAX_FILE_BYTES // 1024**2,
                )
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECKED_FROM and ratio > MAX_RATIO:
            raise PlaygroundError(
                Message(messages.BUNDLE_RATIO, path=path, name=printable(repr(name)), ratio=f"{ratio:,.0f}")
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PlaygroundError(
            Message(messages.BUNDLE_TOO_LARGE, path=path, size=total // 1024**2, limit=MAX_TOTAL_BYTES // 1024**2)
        )
    entries = _read_manifest(archive, path)
    for name in seen.keys() - {MANIFEST}:
        if name not in entries:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_NOT_LISTED, path=path, name=printable(repr(name))))
    for name, entry in entries.items():
        if name not in seen:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_MISSING, path=path, name=printable(repr(name))))
        if seen[name].file_size != entry["bytes"]:
            raise PlaygroundError(Message(messages.BUNDLE_FILE_CHANGED, path=path, name=printable(repr(name))))
    return {name: _Member(entry, seen[name]) for name, entry in entries.items()}


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


def _extract(
    archive: zipfile.ZipFile, members: dict[str, _Member], folder: Path, path: Path, written: _Written
) -> None:
    inside = folder.resolve()
    for name, member in members.items():
        target = folder / name
        shown = printable(repr(name))
        if not target.resolve().is_relative_to(inside):  # belt and braces: the names were checked already
            raise PlaygroundError(Message(messages.BUNDLE_UNSAFE_NAME, path=path, name=shown))
        written.make_folder(target.parent)
        try:
            sink = target.open("xb")  # "x": never over an existing file
        except FileExistsError:  # two names for one file on this system ("A.png" and "a.png" on macOS)
            raise PlaygroundError(Message(messages.BUNDLE_UNSAFE_NAME, path=path, name=shown)) from None
        written.files.append(target)
        try:
            with sink:
                for block in _checked_blocks(archive, member, path, name):
                    sink.write(block)
        except OSError as error:  # a full disk says which file it was writing
            raise OSError(error.errno, error.strerror, str(target)) from None


def _checked_blocks(archive: zipfile.ZipFile, member: _Member, path: Path, name: str):
    """A member's bytes, block by block, never more than its manifest declares; raises after the
    last block when its size or SHA-256 differs from the manifest."""
    digest, size, expected = hashlib.sha256(), 0, member.entry["bytes"]
    with archive.open(member.info) as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            size += len(block)
            if size > expected:  # more than the directory declared: stop writing now
                break
            digest.update(block)
            yield block
    if size != expected or digest.hexdigest() != member.entry["sha256"]:
        raise PlaygroundError(Message(messages.BUNDLE_FILE_CHANGED, path=path, name=printable(repr(name))))


def _member_bytes(archive: zipfile.ZipFile, member: _Member, path: Path, name: str) -> bytes:
    return b"".join(_checked_blocks(archive, member, path, name))


def _check_contents(folder: Path, path: Path) -> Path:
    """The unpacked project reads only its own images, its runs list reads, and each checkpoint
    loads safely and fits its network (found now, not at the first prediction)."""
    project_path = folder / PROJECT
    project = load_project(project_path)
    source = project.data.source
    if not (source == IMAGES or source.startswith("builtin:")):
        raise PlaygroundError(Message(messages.BUNDLE_READS_OUTSIDE, path=path, source=repr(source)))
    read_saved_runs(project_path)
    for checkpoint in sorted((folder / RUNS).glob("run-*/*.pt")):
        try:
            check_bundle_checkpoint(checkpoint)  # weights_only, checked in full, against its network
        except PlaygroundError as error:
            problem = error.args[0] if error.args else ""
            raise PlaygroundError(Message(messages.BUNDLE_WEIGHTS_REFUSED, path=path, problem=problem)) from None
    return project_path


def _checked_folder(path: Path, folder: str | os.PathLike | None) -> Path:
    if not path.is_file():
        raise PlaygroundError(Message(messages.BUNDLE_DAMAGED, path=path, reason="not found"))
    if not zipfile.is_zipfile(path):
        raise PlaygroundError(Message(messages.BUNDLE_NOT_A_ZIP, path=path))
    folder = Path(folder) if folder is not None else default_folder(path)
    if folder.exists() and (not folder.is_dir() or folder.is_symlink() or any(folder.iterdir())):
        raise PlaygroundError(Message(messages.BUNDLE_FOLDER_NOT_EMPTY, folder=folder))
    return folder


@contextlib.contextmanager
def _unpacking(path: Path, folder: Path):
    """What is written in the block is removed again on any refusal or failure; a zip's own errors
    become one message naming the bundle, a full disk one naming the file that could not be written."""
    written = _Written()
    try:
        yield written
    except PlaygroundError:
        written.remove()
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as error:
        written.remove()
        raise PlaygroundError(Message(messages.BUNDLE_DAMAGED, path=path, reason=str(error)[:160])) from None
    except OSError as error:  # a full or read-only disk: the user's to fix, at the path it happened
        written.remove()
        where = error.filename or folder
        reason = error.strerror or type(error).__name__
        raise PlaygroundError(Message(messages.BUNDLE_NOT_WRITTEN, path=path, file=where, reason=reason)) from None
    except BaseException:
        written.remove()
        raise


def open_bundle(bundle: str | os.PathLike, folder: str | os.PathLike | None = None) -> Path:
    """Unpack a bundle into `folder` (new or empty; default: a new folder beside the bundle) after
    checking all of it; returns the project file there. A refusal leaves nothing behind."""
    path = Path(bundle)
    folder = _checked_folder(path, folder)
    with _unpacking(path, folder) as written:
        with zipfile.ZipFile(path) as archive:
            members = _check_archive(archive, path)
            written.make_folder(folder)
            _extract(archive, members, folder, path, written)
        return _check_contents(folder, path)


def open_bundle_model(bundle: str | os.PathLike, folder: str | os.PathLike) -> Path:
    """The bundle's model alone, for predicting: the whole archive is checked as when opening it,
    but only the checkpoint that is the project's model is unpacked into `folder` (not the
    images: one image is classified without writing hundreds of MB). Returns that checkpoint."""
    path = Path(bundle)
    folder = _checked_folder(path, folder)
    with _unpacking(path, folder) as written:
        with zipfile.ZipFile(path) as archive:
            members = _check_archive(archive, path)
            text = _member_bytes(archive, members[PROJECT], path, PROJECT).decode("utf-8", "replace")
            project = project_from_json(text)
            if not (project.data.source == IMAGES or project.data.source.startswith("builtin:")):
                raise PlaygroundError(
                    Message(messages.BUNDLE_READS_OUTSIDE, path=path, source=repr(project.data.source))
                )
            index = f"{RUNS}/{RUNS_INDEX}"
            saved = (
                saved_runs_from_bytes(_member_bytes(archive, members[index], path, index), path)
                if index in members
                else None
            )
            run = saved.run(saved.model_run) if saved is not None else None
            names = [f"{RUNS}/{run.folder_name}/{name}" for name in CHECKPOINT_FILES] if run is not None else []
            model = next((name for name in names if name in members), None)
            if model is None:
                raise PlaygroundError(Message(messages.PROJECT_HAS_NO_MODEL, path=path))
            written.make_folder(folder)
            _extract(archive, {model: members[model]}, folder, path, written)
        try:
            check_bundle_checkpoint(folder / model)
        except PlaygroundError as error:
            problem = error.args[0] if error.args else ""
            raise PlaygroundError(Message(messages.BUNDLE_WEIGHTS_REFUSED, path=path, problem=problem)) from None
        return folder / model
