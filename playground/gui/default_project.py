"""What a new window (or a page opened alone) shows: a small CNN on the generated shapes."""

from __future__ import annotations

from playground.resources import example_projects
from playground.spec.project import Project, load_project


def default_project() -> Project:
    return load_project(example_projects()["vgg-style-shapes"]).replace(name="Untitled")
