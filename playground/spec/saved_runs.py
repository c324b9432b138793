"""A saved project's work: its runs (settings, curves, outcome), their checkpoints and which one is
the project's model, kept in a folder beside the project file.

    NAME.json            the project: the design only, as before
    NAME_runs/
      runs.json          the run list: each run's settings, history (the curves) and outcome,
                         and which run's weights are the project's model
      run-N/best.pt      the best validation epoch's checkpoint (what Predict uses)
      run-N/last.pt      the last epoch's (what "Continue training" goes on from)

Why a folder beside the file and not a key in the project: the project file stays the pure design
(the command line summarises it, checkpoints embed and compare it, older versions still open it),
and the folder travels by its name, as the Data page's `NAME_images/` does. Pure Python: the
checkpoints are placed here as files (linked or copied) and read only through `ml.checkpoints`.
"""

from __future__ import annotations

import math
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of
from playground.spec.project import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    Project,
    atomic_write_bytes,
    project_from_dict,
    read_json_text,
)
from playground.spec.text import json_text

RUNS_FORMAT = "cnn-playground-runs/1"
RUNS_INDEX = "runs.json"
CHECKPOINT_FILES = ("best.pt", "last.pt")
MAX_INDEX_BYTES = 64 * 1024**2  # a thousand runs of a thousand epochs is ~100 MB of curves: far beyond use
MAX_RUNS = 10_000
MAX_RUN_NUMBER = 10**6  # run-N: a number far beyond use, that the reader also bounds
MAX_EPOCH = 10**6  # an epoch record's number


@dataclass(frozen=True)
class SavedRun:
    number: int
    project: Project  # the settings it was trained with
    history: tuple[dict[str, Any], ...] = ()  # one record per epoch: the curves
    outcome: str = "completed"
    started_at: datetime = field(default_factory=datetime.now)
    has_files: bool = True  # its run-N folder holds best.pt and/or last.pt

    @property
    def folder_name(self) -> str:
        return f"run-{self.number}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "folder": self.folder_name if self.has_files else None,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "outcome": self.outcome,
            "project": self.project.to_dict(),
            "history": [_finite(record) for record in self.history],
        }


def _finite(record: dict[str, Any]) -> dict[str, Any]:
    """An epoch's record as JSON can hold it: a NaN loss (the epoch that stopped a run) becomes null."""
    return {key: None if isinstance(v, float) and not math.isfinite(v) else v for key, v in record.items()}


@dataclass(frozen=True)
class SavedRuns:
    runs: tuple[SavedRun, ...] = ()
    model_run: int | None = None  # whose weights are the project's model
    model_checkpoint: str = CHECKPOINT_FILES[0]  # which of them: its best epoch's (best.pt) or its last (last.pt)

    def to_json(self) -> str:
        data = {
            "format": RUNS_FORMAT,
            "model_run": self.model_run,
            "model_checkpoint": self.model_checkpoint,
            "runs": [run.to_dict() for run in self.runs],
        }
        return json_text(data, indent=1) + "\n"

    def run(self, number: int | None) -> SavedRun | None:
        return next((run for run in self.runs if run.number == number), None)

    @property
    def next_number(self) -> int:
        """The newest run's number plus one; past the largest number, the smallest one free."""
        numbers = {run.number for run in self.runs}
        newest = max(numbers, default=0) + 1
        if newest <= MAX_RUN_NUMBER:
            return newest
        return next(number for number in range(1, MAX_RUN_NUMBER + 2) if number not in numbers)


def runs_folder(project_path: str | os.PathLike) -> Path:
    path = Path(project_path)
    return path.parent / f"{path.stem}_runs"


def run_folder(project_path: str | os.PathLike, number: int) -> Path:
    return runs_folder(project_path) / f"run-{number}"


def model_file(project_path: str | os.PathLike, saved: SavedRuns) -> Path | None:
    """The checkpoint that is the project's model: the epoch its run list chose (the run's best by
    default), else the run's other one."""
    run = saved.run(saved.model_run)
    if run is None or not run.has_files:
        return None
    chosen = saved.model_checkpoint
    for name in (chosen, *(other for other in CHECKPOINT_FILES if other != chosen)):
        candidate = run_folder(project_path, run.number) / name
        if candidate.is_file():
            return candidate
    return None


# ------------------------------------------------------------------------------------ reading


def read_saved_runs(project_path: str | os.PathLike) -> SavedRuns:
    """The runs kept beside a project (none if it has no runs folder); one PlaygroundError naming
    the file and what is wrong for an index that is not what the app writes."""
    path = runs_folder(project_path) / RUNS_INDEX
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise PlaygroundError(Message(messages.RUNS_INDEX_DAMAGED, path=path, reason="not a file"))
        with path.open("rb") as handle:
            raw = handle.read(MAX_INDEX_BYTES + 1)
    except FileNotFoundError:
        return SavedRuns()
    except OSError as error:
        raise PlaygroundError(Message(messages.RUNS_INDEX_DAMAGED, path=path, reason=error.strerror or error)) from None
    return saved_runs_from_bytes(raw, path)


def saved_runs_from_bytes(raw: bytes, path: str | os.PathLike) -> SavedRuns:
    """A runs.json's bytes (from a file, or a bundle's member) checked as `read_saved_runs` does."""
    if len(raw) > MAX_INDEX_BYTES:
        raise PlaygroundError(Message(messages.RUNS_INDEX_TOO_LARGE, path=path, limit=MAX_INDEX_BYTES // 1024**2))
    try:
        data = read_json_text(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PlaygroundError(Message(messages.RUNS_INDEX_DAMAGED, path=path, reason="not UTF-8 text")) from None
    except PlaygroundError as error:
        raise PlaygroundError(Message(messages.RUNS_INDEX_DAMAGED, path=path, reason=text_of(error))) from None
    try:
        return _saved_runs(data)
    except _Malformed as malformed:
        raise PlaygroundError(Message(messages.RUNS_INDEX_MALFORMED, path=path, key=malformed.args[0])) from None


class _Malformed(Exception):
    """The key of runs.json that is not what the app writes."""


def _require(ok: bool, key: str) -> None:
    if not ok:
        raise _Malformed(key)


def _is_int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _plain_record(record: Any) -> bool:
    """An epoch's record: numbers, text, booleans and None under text keys, with its epoch number."""
    return (
        isinstance(record, dict)
        and _is_int(record.get("epoch"), 1, MAX_EPOCH)
        and all(
            isinstance(k, str) and (v is None or isinstance(v, bool | int | float | str)) for k, v in record.items()
        )
    )


def _saved_runs(data: Any) -> SavedRuns:
    _require(isinstance(data, dict) and data.get("format") == RUNS_FORMAT, "format")
    items = data.get("runs")
    _require(isinstance(items, list) and len(items) <= MAX_RUNS, "runs")
    runs = []
    for index, item in enumerate(items):
        key = f"runs[{index}]"
        _require(isinstance(item, dict), key)
        number = item.get("number")
        _require(_is_int(number, 1, MAX_RUN_NUMBER) and all(run.number != number for run in runs), f"{key}.number")
        _require(item.get("folder") in (None, f"run-{number}"), f"{key}.folder")  # never a path of its own choosing
        try:
            started_at = datetime.fromisoformat(item.get("started_at"))
        except (TypeError, ValueError):
            raise _Malformed(f"{key}.started_at") from None
        outcome = item.get("outcome")
        _require(isinstance(outcome, str) and 0 < len(outcome) <= 100, f"{key}.outcome")
        history = item.get("history")
        _require(isinstance(history, list) and all(_plain_record(r) for r in history), f"{key}.history")
        try:
            project = project_from_dict(item.get("project"))
        except PlaygroundError:
            raise _Malformed(f"{key}.project") from None
        runs.append(SavedRun(number, project, tuple(history), outcome, started_at, item["folder"] is not None))
    model_run = data.get("model_run")
    _require(model_run is None or any(run.number == model_run for run in runs), "model_run")
    model_checkpoint = data.get("model_checkpoint", CHECKPOINT_FILES[0])  # (older files: the best epoch)
    _require(model_checkpoint in CHECKPOINT_FILES, "model_checkpoint")
    return SavedRuns(tuple(runs), model_run, model_checkpoint)


# ------------------------------------------------------------------------------------ writing


def check_runs_folder(project_path: str | os.PathLike) -> Path:
    """The runs folder, if the app may write into it: absent, empty, or one it made (with its index).
    A folder of the user's that happens to have the name is refused, never written into."""
    folder = runs_folder(project_path)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise PlaygroundError(Message(messages.RUNS_FOLDER_NOT_OURS, folder=folder))
    if folder.is_dir() and not (folder / RUNS_INDEX).is_file() and any(folder.iterdir()):
        raise PlaygroundError(Message(messages.RUNS_FOLDER_NOT_OURS, folder=folder))
    return folder


def place_file(source: Path, target: Path) -> None:
    """`target` made to hold `source`'s bytes, atomically: a hard link when both are on one disk
    (instant, and safe, since checkpoints are only ever replaced, never written in place), else a
    copy. A target that already is the source is left as it is."""
    if target.exists() and os.path.samefile(source, target):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mktemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=target.parent))
    try:
        try:
            os.link(source, temp)
        except OSError:  # another disk, or a file system without links
            shutil.copyfile(source, temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_saved_runs(project_path: str | os.PathLike, saved: SavedRuns, files: dict[int, Path]) -> Path:
    """Keep `saved` beside the project: each run's checkpoints from its folder in `files` (run
    number → folder holding best.pt/last.pt) placed in run-N/, then the index, written last so that
    it names only files already there. Returns the runs folder."""
    folder = check_runs_folder(project_path)
    index = check_saved_runs_writable(project_path, saved)
    folder.mkdir(parents=True, exist_ok=True)
    for number, source in files.items():
        for name in CHECKPOINT_FILES:
            if (source / name).is_file():
                place_file(source / name, run_folder(project_path, number) / name)
    atomic_write_bytes(folder / RUNS_INDEX, index)
    return folder


def check_saved_runs_writable(project_path: str | os.PathLike, saved: SavedRuns) -> bytes:
    """The index's bytes, checked by the very reader that will read them back: what the app
    writes, it opens again (a run past the limits would otherwise lose the project its model)."""
    path = runs_folder(project_path) / RUNS_INDEX
    if len(saved.runs) > MAX_RUNS:  # said before serialising ten thousand runs' curves
        raise PlaygroundError(Message(messages.RUNS_TOO_MANY, path=path, limit=MAX_RUNS))
    index = saved.to_json().encode("utf-8")
    try:
        saved_runs_from_bytes(index, path)
    except PlaygroundError as error:
        raise PlaygroundError(Message(messages.RUNS_INDEX_NOT_WRITTEN, path=path, problem=text_of(error))) from None
    return index


def check_can_attach(project_path: str | os.PathLike) -> None:
    """Before training from the command line: the project's runs can take one more run. A damaged
    runs.json or a full list is said now, not after the whole training."""
    check_runs_folder(project_path)
    saved = read_saved_runs(project_path)
    if len(saved.runs) >= MAX_RUNS:
        path = runs_folder(project_path) / RUNS_INDEX
        raise PlaygroundError(Message(messages.RUNS_TOO_MANY, path=path, limit=MAX_RUNS))


def attach_run(project_path: str | os.PathLike, run: SavedRun, source: Path) -> SavedRun:
    """Add a run trained elsewhere (`cnn-playground train`) to the project's runs as its newest,
    with its checkpoints from `source`, and make its weights the project's model."""
    saved = read_saved_runs(project_path)
    numbered = SavedRun(saved.next_number, run.project, run.history, run.outcome, run.started_at, True)
    updated = SavedRuns((*saved.runs, numbered), numbered.number)
    write_saved_runs(project_path, updated, {numbered.number: source})
    return numbered
