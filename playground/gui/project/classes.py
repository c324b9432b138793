"""The class names of the project's data, read without torch (folder listing or built-in table)."""

from __future__ import annotations

from playground.gui.app.messages import error_text
from playground.gui.project.document import ProjectDocument
from playground.ml.data.folders import class_names_of
from playground.spec.errors import PlaygroundError


class ClassNames:
    """Callable: the current data's class names, or None (then `error()` says why). Cached per source."""

    def __init__(self, document: ProjectDocument):
        self.document = document
        self._key: tuple | None = None
        self._names: tuple[str, ...] | None = None
        self._error = ""

    def __call__(self) -> tuple[str, ...] | None:
        key = (self.document.project.data.source, self.document.base_dir)
        if key != self._key:
            self._key = key
            try:
                self._names, self._error = class_names_of(*key), ""
            except PlaygroundError as error:
                self._names, self._error = None, error_text(error)
        return self._names

    def error(self) -> str:
        self()
        return self._error

    def refresh(self) -> None:
        self._key = None
