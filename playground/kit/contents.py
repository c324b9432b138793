"""What a kit carries besides wheels: the pretrained weights and datasets found on this machine,
the example projects, the teacher's guide to print and a Python installer the teacher brings.

Each part goes into its own folder of the kit and is copied only when the kit lacks it or holds
another version of it (a rebuild adds what is missing).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playground.kit.manifest import Entry, sha256_of
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of

# A guide writer: (markdown, language, output file) -> None. The command line passes one that
# prints to PDF with Qt; without one the guide goes in as Markdown.
GuideWriter = Callable[[str, str, Path], None]


@dataclass
class Weights:
    found: dict[str, str] = field(default_factory=dict)  # network key -> file in the kit (relative)
    missing: list[str] = field(default_factory=list)  # network keys with no weights on this machine
    refused: dict[str, str] = field(default_factory=dict)  # network key -> why its file was not taken


def same_file(source: Path, copy: Path, known: dict[str, Entry], relative: str) -> bool:
    if not copy.is_file() or copy.stat().st_size != source.stat().st_size:
        return False
    entry = known.get(relative)
    return sha256_of(source) == (entry.sha256 if entry and entry.size == copy.stat().st_size else sha256_of(copy))


def copy_into(source: Path, kit: Path, relative: str, known: dict[str, Entry]) -> bool:
    """Copy `source` to kit/relative unless the same file is there; True if it was copied."""
    target = kit / relative
    if same_file(source, target, known, relative):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    return True


def collect_weights(kit: Path, known: dict[str, Entry], say: Callable[[str], None]) -> Weights:
    """The pretrained networks' weights the app finds here, each checked as "Import weights…"
    checks it (loads without running code, fits the network) before it goes into the kit."""
    from playground.ml.network import pretrained

    weights = Weights()
    for key in pretrained.NETWORKS:
        if pretrained.network(key).source == "playground":
            continue  # Playground Mini's weights are part of the app's wheel
        try:
            path = pretrained.find_weights(key)
        except ImportError:  # timm missing: its networks cannot be looked for
            path = None
        if path is None:
            weights.missing.append(key)
            continue
        try:
            pretrained.check_weights_file(path, key)
        except PlaygroundError as error:
            weights.refused[key] = str(text_of(error))
            continue
        suffix = ".safetensors" if path.suffix == ".safetensors" else ".pth"
        relative = f"weights/{key}{suffix}"
        if copy_into(path, kit, relative, known):
            say(f"  weights: {key} from {path}")
        weights.found[key] = relative
    return weights


def collect_datasets(kit: Path, known: dict[str, Entry]) -> dict[str, list[str]]:
    """The built-in datasets whose files are on this machine but in no wheel: Fashion-MNIST."""
    from playground.ml.data.builtin import fashion_dir

    folder = fashion_dir()
    if folder is None:
        return {}
    files = []
    for path in sorted(folder.glob("*-idx?-ubyte.gz")):
        relative = f"datasets/fashion-mnist/{path.name}"
        copy_into(path, kit, relative, known)
        files.append(relative)
    return {"fashion-mnist": files}


def collect_examples(kit: Path, known: dict[str, Entry]) -> list[str]:
    from playground.resources import example_projects

    copied = []
    for name, path in sorted(example_projects().items()):
        relative = f"examples/{name}{path.suffix}"
        copy_into(path, kit, relative, known)
        copied.append(relative)
    return copied


def write_guides(kit: Path, writer: GuideWriter | None) -> list[str]:
    """The teacher's guide in both languages, as a document to print (PDF when a writer is given)."""
    from playground.lessons.content import LANGUAGES, teachers_guide

    written = []
    for language in LANGUAGES:
        suffix = ".pdf" if writer else ".md"
        relative = f"guide/teachers-guide-{language}{suffix}"
        target = kit / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        if writer:
            writer(teachers_guide(language), language, partial)
        else:
            partial.write_text(teachers_guide(language), encoding="utf-8")
        os.replace(partial, target)
        written.append(relative)
    return written


def add_python_installer(kit: Path, installer: Path | None, known: dict[str, Entry]) -> str | None:
    """The Python installer the teacher brought (python.org's Windows .exe), or the one a previous
    build put in the kit."""
    folder = kit / "python"
    if installer is not None:
        if not installer.is_file():
            raise PlaygroundError(Message(messages.KIT_NO_INSTALLER, path=str(installer)))
        relative = f"python/{installer.name}"
        copy_into(installer, kit, relative, known)
        return relative
    earlier = sorted(folder.glob("*.exe")) if folder.is_dir() else []
    return f"python/{earlier[0].name}" if earlier else None
