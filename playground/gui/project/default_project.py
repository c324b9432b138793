"""What a new window (or a page opened alone) shows: a small CNN on the generated shapes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.resources import example_projects
from playground.spec.project import Project, load_project


def default_project() -> Project:
    # Named in the interface's language: it is the first thing the status bar and the title show.
    name = QCoreApplication.translate("DefaultProject", "Untitled")
    return load_project(example_projects()["vgg-style-shapes"]).replace(name=name)
