"""The built-in datasets' class names in the interface's language, wherever the window shows them
(the data, the checkpoints and the command line keep the English names the datasets define). A
folder of the user's own keeps its names as they are, even one called "cat"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

BUILTIN_CLASS_NAMES = frozenset(
    {
        # builtin:shapes
        QT_TRANSLATE_NOOP("ClassNames", "circle"),
        QT_TRANSLATE_NOOP("ClassNames", "square"),
        QT_TRANSLATE_NOOP("ClassNames", "triangle"),
        QT_TRANSLATE_NOOP("ClassNames", "star"),
        QT_TRANSLATE_NOOP("ClassNames", "cross"),
        # builtin:animals
        QT_TRANSLATE_NOOP("ClassNames", "bear"),
        QT_TRANSLATE_NOOP("ClassNames", "bird"),
        QT_TRANSLATE_NOOP("ClassNames", "cat"),
        QT_TRANSLATE_NOOP("ClassNames", "cow"),
        QT_TRANSLATE_NOOP("ClassNames", "dog"),
        QT_TRANSLATE_NOOP("ClassNames", "elephant"),
        QT_TRANSLATE_NOOP("ClassNames", "giraffe"),
        QT_TRANSLATE_NOOP("ClassNames", "horse"),
        QT_TRANSLATE_NOOP("ClassNames", "sheep"),
        QT_TRANSLATE_NOOP("ClassNames", "zebra"),
        # builtin:fashion-mnist
        QT_TRANSLATE_NOOP("ClassNames", "T-shirt/top"),
        QT_TRANSLATE_NOOP("ClassNames", "Trouser"),
        QT_TRANSLATE_NOOP("ClassNames", "Pullover"),
        QT_TRANSLATE_NOOP("ClassNames", "Dress"),
        QT_TRANSLATE_NOOP("ClassNames", "Coat"),
        QT_TRANSLATE_NOOP("ClassNames", "Sandal"),
        QT_TRANSLATE_NOOP("ClassNames", "Shirt"),
        QT_TRANSLATE_NOOP("ClassNames", "Sneaker"),
        QT_TRANSLATE_NOOP("ClassNames", "Bag"),
        QT_TRANSLATE_NOOP("ClassNames", "Ankle boot"),
    }
)


def class_label(name: str, source: str) -> str:
    """`name` as the window shows it, for data from `source` (a project's data source)."""
    if source.startswith("builtin:") and name in BUILTIN_CLASS_NAMES:
        return QCoreApplication.translate("ClassNames", name)
    return name
