"""Files shipped inside the package (examples, later icons and translations), found the same way
from a wheel and from an editable install."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    return Path(str(resources.files("playground").joinpath("resources", *parts)))


def example_projects() -> dict[str, Path]:
    """Example name (file stem) -> path."""
    folder = resource_path("examples")
    return {path.stem: path for path in sorted(folder.glob("*.json"))}
