"""The project: the single source of truth for what the user designs, and its JSON file.

The file is versioned ("format": "cnn-playground/1"); unknown keys, wrong types and newer
format versions are refused with the key path in the message. Saving is atomic.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from playground.spec import fields, messages
from playground.spec.backbones import BACKBONES, Backbone
from playground.spec.errors import SpecError
from playground.spec.layers import Layer, layer_from_dict
from playground.spec.messages import Message, text_of
from playground.spec.settings import AugmentationSettings, DataSettings, PretrainedSettings, TrainingSettings
from playground.spec.text import json_text

FORMAT_NAME = "cnn-playground"
FORMAT_VERSION = 1
FORMAT = f"{FORMAT_NAME}/{FORMAT_VERSION}"


@dataclass(frozen=True, kw_only=True)
class Project:
    name: str = "Untitled"
    data: DataSettings = field(default_factory=DataSettings)
    augmentation: AugmentationSettings = field(default_factory=AugmentationSettings)
    layers: tuple[Layer, ...] = ()  # the whole network, or the head on a pretrained base
    training: TrainingSettings = field(default_factory=TrainingSettings)
    pretrained: PretrainedSettings | None = None

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return (self.data.channels, *self.data.image_size)

    @property
    def backbone(self) -> Backbone | None:
        return BACKBONES[self.pretrained.network] if self.pretrained else None

    @property
    def layers_input_shape(self) -> tuple[int, int, int]:
        """What the project's layers receive: the images, or the pretrained base's feature map."""
        if self.backbone is None:
            return self.input_shape
        return self.backbone.output_shape(self.data.image_size)

    @property
    def pretrained_problem(self) -> str:
        """Why the pretrained base cannot take this project's images, or ''."""
        backbone = self.backbone
        if backbone is None:
            return ""
        if self.data.channels != 3:
            return Message(messages.BASE_NEEDS_RGB, network=backbone.title)
        if self.pretrained.unfrozen_blocks > backbone.blocks:
            unfrozen = self.pretrained.unfrozen_blocks
            return Message(messages.BASE_BLOCKS, network=backbone.title, blocks=backbone.blocks, unfrozen=unfrozen)
        if min(self.data.image_size) < backbone.min_input:
            return Message(messages.BASE_MIN_INPUT, network=backbone.title, size=backbone.min_input)
        return ""

    def replace(self, **changes: Any) -> Project:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "format": FORMAT,
            "name": self.name,
            "data": self.data.to_dict(),
            "augmentation": self.augmentation.to_dict(),
            "model": {"layers": [layer.to_dict() for layer in self.layers]},
            "training": self.training.to_dict(),
        }
        if self.pretrained is not None:
            out["pretrained"] = self.pretrained.to_dict()
        return out

    def to_json(self) -> str:
        return json_text(self.to_dict(), indent=2) + "\n"  # a name that was not UTF-8 kept, as an escape


def _format(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.startswith(FORMAT_NAME + "/"):
        raise SpecError(Message(messages.NOT_A_PROJECT, expected=repr(FORMAT), found=_short(value)), path=path)
    version = value.split("/", 1)[1]
    # ASCII only: str.isdigit() also accepts "²" or Arabic-Indic digits, which int() refuses or misreads.
    if not (version.isascii() and version.isdigit() and len(version) <= 9):
        raise SpecError(Message(messages.FORMAT_VERSION_UNREADABLE, found=_short(value)), path=path)
    if int(version) > FORMAT_VERSION:
        raise SpecError(Message(messages.PROJECT_TOO_NEW, found=_short(value), expected=FORMAT), path=path)
    return value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _model(value: Any, path: str) -> tuple[Layer, ...]:
    def read_layers(items: Any, layers_path: str) -> tuple[Layer, ...]:
        if not isinstance(items, list):
            raise SpecError(Message(messages.NOT_A_LAYER_LIST, found=_short(items)), path=layers_path)
        for i, item in enumerate(items):
            # A type that is a list or an object cannot even be looked up among the layer types.
            if isinstance(item, dict) and isinstance(item.get("type"), list | dict):
                found = _short(item["type"])
                raise SpecError(Message(messages.LAYER_TYPE_NOT_TEXT, found=found), path=f"{layers_path}[{i}].type")
        return tuple(layer_from_dict(item, f"{layers_path}[{i}]") for i, item in enumerate(items))

    return fields.read_object(value, path, {"layers": read_layers}).get("layers", ())


_PROJECT_READERS: dict[str, fields.Reader] = {
    "format": _format,
    "name": fields.text,
    "data": DataSettings.from_dict,
    "augmentation": AugmentationSettings.from_dict,
    "model": _model,
    "training": TrainingSettings.from_dict,
    "pretrained": PretrainedSettings.from_dict,
}

MAX_FILE_BYTES = 16 * 1024 * 1024  # a project with a thousand layers is ~200 KB; more is not a project
MAX_DEPTH = 32  # a project nests 4 levels; a deeper file would only exhaust the parser's recursion
MAX_NUMBER_DIGITS = 100  # no setting needs more; Python refuses to parse ints beyond 4,300 digits anyway


def project_from_dict(data: Any) -> Project:
    if not isinstance(data, dict):
        raise SpecError(Message(messages.NOT_ONE_OBJECT))
    if "format" not in data:
        raise SpecError(Message(messages.FORMAT_MISSING, expected=repr(FORMAT)), path="format")
    values = fields.read_object(data, "", _PROJECT_READERS)
    values.pop("format")
    if "model" in values:
        values["layers"] = values.pop("model")
    return Project(**values)


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise SpecError(Message(messages.JSON_NUMBER_TOO_LONG, limit=MAX_NUMBER_DIGITS))
    return int(digits)


def _parse_float(digits: str) -> float:
    if len(digits) > MAX_NUMBER_DIGITS + 10:
        raise SpecError(Message(messages.JSON_NUMBER_TOO_LONG, limit=MAX_NUMBER_DIGITS))
    return float(digits)


def _check_structure(data: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH and text no file can hold (a lone surrogate from a
    "\\ud800" escape is no character and no byte of a name). Iterative, so the check itself cannot recurse."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if not _is_unicode(value):
                raise SpecError(Message(messages.TEXT_NOT_UNICODE, found=_short(value)))
            continue
        if isinstance(value, dict):
            children = [*value.keys(), *value.values()]
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > MAX_DEPTH:
            raise SpecError(Message(messages.JSON_TOO_DEEP, limit=MAX_DEPTH))
        stack.extend((child, depth + 1) for child in children)


def _is_unicode(text: str) -> bool:
    """Text a file can hold: Unicode, or a file name that was not UTF-8 (its bytes kept as the
    surrogate escapes \\udc80-\\udcff that os.fsdecode makes, written back as escapes)."""
    try:
        text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


def project_from_json(text: str) -> Project:
    """A project from its JSON text, with limits on nesting and numbers: any text is either a project
    or one SpecError, never another exception."""
    return project_from_dict(read_json_text(text))


def read_json_text(text: str) -> Any:
    """JSON text read with the project file's limits on nesting and numbers (also for the files kept
    beside a project): plain data or one SpecError, never another exception."""
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float)
    except json.JSONDecodeError as error:
        raise SpecError(Message(messages.NOT_JSON, reason=error.msg, line=error.lineno, column=error.colno)) from None
    except RecursionError:  # the parser's own guard against deep nesting
        raise SpecError(Message(messages.JSON_TOO_DEEP, limit=MAX_DEPTH)) from None
    # Shallower nesting parses, but the readers and their messages (repr) would recurse through it.
    _check_structure(data)
    return data


def read_project_text(path: Path) -> str:
    """A project file's text: a regular file of at most MAX_FILE_BYTES, read no further than that
    (/dev/zero or a 145 MB log chosen by mistake is refused, not read into memory)."""
    try:
        # Checked before opening: opening a named pipe would wait for a writer, forever.
        if not stat.S_ISREG(path.stat().st_mode):
            raise SpecError(Message(messages.PROJECT_NOT_A_FILE, path=path))
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SpecError(Message(messages.PROJECT_NOT_FOUND, path=path)) from None
    except IsADirectoryError:
        raise SpecError(Message(messages.PROJECT_NOT_A_FILE, path=path)) from None
    except OSError as error:
        raise SpecError(Message(messages.PROJECT_UNREADABLE, path=path, reason=error.strerror or error)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise SpecError(Message(messages.PROJECT_TOO_LARGE, path=path, limit=MAX_FILE_BYTES // 1024**2))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SpecError(Message(messages.PROJECT_NOT_TEXT, path=path)) from None


def load_project(path: str | os.PathLike) -> Project:
    path = Path(path)
    text = read_project_text(path)
    try:
        return project_from_json(text)
    except SpecError as error:
        raise SpecError(Message(messages.AT_KEY, path=path, problem=text_of(error))) from None


def save_project(project: Project, path: str | os.PathLike) -> None:
    atomic_write_bytes(Path(path), project_bytes(project, path))


def project_bytes(project: Project, path: str | os.PathLike = "project") -> bytes:
    """The project file's bytes, checked by the very reader that will open them: what the app
    writes, it reads back (a name of megabytes would otherwise make a file the app refuses)."""
    text = project.to_json()
    payload = text.encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        raise SpecError(Message(messages.PROJECT_TOO_LARGE, path=path, limit=MAX_FILE_BYTES // 1024**2))
    try:
        project_from_json(text)
    except SpecError as error:
        raise SpecError(Message(messages.AT_KEY, path=path, problem=text_of(error))) from None
    return payload


TEMP_PREFIX = ".cnnpg-"  # what marks a temp file as this app's: cleaning never touches anyone else's
TEMP_SUFFIX = ".tmp"


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write through a temp file in the same folder, fsync, then rename: a crash leaves the old file.
    A failed write (disk full, read-only folder) removes the temp file and names `path`, the user's
    file, not the hidden temp file."""
    atomic_write(path, lambda handle: handle.write(payload))


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """As atomic_write_bytes, with `write(handle)` writing into the temp file: a large file (a
    checkpoint) goes straight to the disk, never held whole in memory first."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file name", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as error:
        raise _naming(error, path) from None
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # as an ordinary file would be, not mkstemp's 0600
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _naming(error, path) from None
        raise


def _naming(error: OSError, path: Path) -> OSError:
    """The same error, about the file the user asked for."""
    return type(error)(error.errno, error.strerror or str(error), str(path))


def _read_umask() -> int:
    mask = os.umask(0)  # the only way to read it; done once, at import, before any thread starts
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def remove_stale_temp_files(folder: str | os.PathLike, older_than_s: float = 3600) -> list[Path]:
    """This app's temp files left by a write that crashed or was killed mid-way (they may be as large
    as a checkpoint). Only ours, by their prefix, never another program's `.*.tmp`; and only old
    ones or those of a process that is gone: a young one may be another window's save in progress."""
    removed = []
    now = time.time()
    for candidate in Path(folder).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            info = candidate.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            age = now - info.st_mtime
            if age >= older_than_s or (age >= 60 and not _writer_alive(candidate.name)):
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _writer_alive(name: str) -> bool:
    """Whether the process that named this temp file may still be writing it (on this machine)."""
    pid = name.removeprefix(TEMP_PREFIX).split("-", 1)[0]
    if not pid.isascii() or not pid.isdigit():
        return True  # not a name we make: leave it to the age rule
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # alive but another user's, or not a real pid: err on keeping it
    return True
