"""Where a project named on the command line is: a project file, or a shipped example's name."""

from __future__ import annotations

from pathlib import Path

from playground.resources import example_projects
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message
from playground.spec.project import Project, load_project


def resolve_project_path(name: str) -> Path:
    """A project file, or the name of an example project shipped with the app."""
    path = Path(name)
    if path.exists() or (path.suffix == ".json" and "/" in name):
        return path
    examples = example_projects()
    if path.stem in examples:
        return examples[path.stem]
    raise PlaygroundError(Message(messages.PROJECT_NOT_FOUND_EXAMPLES, name=name, examples=", ".join(examples)))


def open_project(name: str) -> tuple[Project, Path]:
    """The project and the folder its relative paths start from."""
    path = resolve_project_path(name)
    return load_project(path), path.parent


def default_out_folder(project_name: str) -> Path:
    """Where a run's checkpoints go without --out: runs/PROJECT-NAME."""
    return Path("runs") / resolve_project_path(project_name).stem


def is_shipped_example(path: Path) -> bool:
    """One of the app's own examples (they stay as shipped: no run is attached to them)."""
    return any(path.resolve() == example.resolve() for example in example_projects().values())
