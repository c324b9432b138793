"""The open project: the single source of truth the views render from, and its undo stack.

Every edit replaces the (frozen) project through `ProjectDocument.change`, which pushes one
QUndoCommand; the document then emits `project_changed` once and views re-render. Consecutive
edits of the same property (typing "120" into a spin box) merge into one undo step.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from playground.spec.project import Project, load_project, remove_stale_temp_files, save_project

_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str | None) -> int:
    if key is None:
        return -1
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


class ReplaceProject(QUndoCommand):
    def __init__(self, document: ProjectDocument, before: Project, after: Project, text: str, merge_key: str | None):
        super().__init__(text)
        self.document, self.before, self.after = document, before, after
        self._id = _merge_id(merge_key)

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if other.id() != self.id() or self._id == -1:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # 6 → 7 → 6: no step at all
        return True

    def redo(self) -> None:
        self.document._set(self.after)

    def undo(self) -> None:
        self.document._set(self.before)


class ProjectDocument(QObject):
    project_changed = Signal(object)  # the new Project
    path_changed = Signal(object)  # Path | None
    clean_changed = Signal(bool)

    def __init__(self, project: Project, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)

    @property
    def project(self) -> Project:
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def base_dir(self) -> Path | None:
        """Where relative data folders are found: next to the project file."""
        return self._path.parent if self._path else None

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def change(self, project: Project, text: str, merge_key: str | None = None) -> None:
        """Replace the project as one undoable step (merged with the previous one of the same key)."""
        if project == self._project:
            return
        self.undo_stack.push(ReplaceProject(self, self._project, project, text, merge_key))

    def _set(self, project: Project) -> None:
        self._project = project
        self.project_changed.emit(project)

    def reset(self, project: Project, path: Path | None, *, modified: bool = False) -> None:
        """A new or opened project: no undo history. `modified` for a recovered autosave."""
        self.undo_stack.clear()
        self._project, self._path = project, path
        if modified:
            self.undo_stack.resetClean()  # unclean until saved, with nothing to undo
        self.project_changed.emit(project)
        self.path_changed.emit(path)
        self.clean_changed.emit(not modified)

    def open(self, path: Path) -> None:
        self.reset(load_project(path), path)
        remove_stale_temp_files(path.parent)  # left there by a save that crashed long ago

    def save(self, path: Path | None = None, rebase=None) -> Path:
        """Write the project. Saved to another folder, a data folder given relative to the old one
        is written as `rebase(absolute folder, new folder)` says, so the new file still finds it."""
        target = Path(path or self._path)
        source = self._project.data.source
        relative_folder = not source.startswith("builtin:") and not Path(source).expanduser().is_absolute()
        if rebase is not None and self.base_dir is not None and target.parent != self.base_dir and relative_folder:
            moved = rebase(self.base_dir / source, target.parent)
            data = dataclasses.replace(self._project.data, source=moved)
            self._project = self._project.replace(data=data)  # a path fix, not an edit to undo
        save_project(self._project, target)
        if target != self._path:
            self._path = target
            self.path_changed.emit(target)
            self.project_changed.emit(self._project)  # relative data folders now mean another place
        self.undo_stack.setClean()
        return target
