"""The project: the single source of truth for what the user designs, and its JSON file.

The file is versioned ("format": "cnn-playground/1"); unknown keys, wrong types and newer
format versions are refused with the key path in the message. Saving is atomic.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playground.spec import fields, messages
from playground.spec.backbones import BACKBONES, Backbone
from playground.spec.errors import SpecError
from playground.spec.layers import Layer, layer_from_dict
from playground.spec.messages import Message
from playground.spec.settings import AugmentationSettings, DataSettings, PretrainedSettings, TrainingSettings

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
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _format(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.startswith(FORMAT_NAME + "/"):
        raise SpecError(f"not a CNN Playground project (expected {FORMAT!r}, got {value!r})", path=path)
    version = value.split("/", 1)[1]
    if not version.isdigit():
        raise SpecError(f"unreadable format version {value!r}", path=path)
    if int(version) > FORMAT_VERSION:
        raise SpecError(
            f"this project was written by a newer CNN Playground ({value}); this version reads up to {FORMAT}"
            " — update the app",
            path=path,
        )
    return value


def _model(value: Any, path: str) -> tuple[Layer, ...]:
    def read_layers(items: Any, layers_path: str) -> tuple[Layer, ...]:
        if not isinstance(items, list):
            raise SpecError(f"must be a list of layers, got {items!r}", path=layers_path)
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


def project_from_dict(data: Any) -> Project:
    if not isinstance(data, dict):
        raise SpecError("a project file must hold one JSON object")
    if "format" not in data:
        raise SpecError(f"missing key 'format' (expected {FORMAT!r})", path="format")
    values = fields.read_object(data, "", _PROJECT_READERS)
    values.pop("format")
    if "model" in values:
        values["layers"] = values.pop("model")
    return Project(**values)


def project_from_json(text: str) -> Project:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SpecError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    return project_from_dict(data)


def load_project(path: str | os.PathLike) -> Project:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(f"project file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError(f"cannot read project file {path}: {error}") from None
    try:
        return project_from_json(text)
    except SpecError as error:
        raise SpecError(f"{path}: {error}") from None


def save_project(project: Project, path: str | os.PathLike) -> None:
    atomic_write_bytes(Path(path), project.to_json().encode("utf-8"))


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write through a temp file in the same folder, fsync, then rename: a crash leaves the old file."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file name", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # as an ordinary file would be, not mkstemp's 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _read_umask() -> int:
    mask = os.umask(0)  # the only way to read it; done once, at import, before any thread starts
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def remove_stale_temp_files(folder: str | os.PathLike, older_than_s: float = 3600) -> list[Path]:
    """Temp files left by a write that crashed mid-way. Only old ones: a young one may be another
    program's write in progress."""
    removed = []
    now = time.time()
    for candidate in Path(folder).glob(".*.tmp"):
        try:
            if now - candidate.stat().st_mtime >= older_than_s:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed
