"""The shipped example projects in the interface's language: their names (the files keep the English
ones, which the command line prints) and, in place of a path into the app's installation, a word
saying what they are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from playground.resources import example_projects

EXAMPLE_NAMES = (
    QT_TRANSLATE_NOOP("ExampleNames", "LeNet-5 on digits"),
    QT_TRANSLATE_NOOP("ExampleNames", "Small VGG-style CNN on shapes"),
    QT_TRANSLATE_NOOP("ExampleNames", "Dense-only network on shapes (compare with the CNN)"),
    QT_TRANSLATE_NOOP("ExampleNames", "Overfit on purpose: a large dense head on 1,000 shapes"),
    QT_TRANSLATE_NOOP("ExampleNames", "Fashion-MNIST, fast recipe"),
    QT_TRANSLATE_NOOP("ExampleNames", "Few images, from scratch: a small CNN on 10 clothes photos per class"),
    QT_TRANSLATE_NOOP(
        "ExampleNames", "Few images, pretrained: Playground Mini fine-tuned on 10 clothes photos per class"
    ),
)


def shown_name(name: str) -> str:
    """A project's name as the window shows it: a shipped example's in the interface's language."""
    return QCoreApplication.translate("ExampleNames", name) if name in EXAMPLE_NAMES else name


def is_shipped_example(path: Path | None) -> bool:
    return path is not None and Path(path).resolve() in {p.resolve() for p in example_projects().values()}


def shown_place(path: Path | None, not_saved: str) -> str:
    """Where the project lives, as the status bar says it."""
    if path is None:
        return not_saved
    if is_shipped_example(path):
        return QCoreApplication.translate("ExampleNames", "an example that comes with the app")
    return str(path)
