"""The comments of the network's generated PyTorch code in the interface's language (the code itself
is Python, the same in every language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.gui.widgets.layer_labels import block_title, layer_settings


def _layer_note(number: int, layer, shape: str, params: int) -> str:
    settings = layer_settings(layer)
    name = f"{block_title(layer.type)} {settings}" if settings else block_title(layer.type)
    return QCoreApplication.translate("CodeNotes", "{0}: {1} → {2}, {3} parameters").format(
        number, name, shape, f"{params:,}"
    )


def code_notes():
    """A CodeNotes (playground.ml.inference.export; torch is loaded by the time code is asked for)."""
    from playground.ml.inference.export import CodeNotes

    return CodeNotes(
        layer=_layer_note,
        header=QCoreApplication.translate(
            "CodeNotes",
            "{title} — a network exported from CNN Playground.\n\n"
            "Input: {input} images (channels × height × width), pixels scaled to 0..1 and\n"
            "normalised with MEAN and STD. Output: one score per class (softmax gives probabilities).\n"
            "Parameters: {params}.\n\n"
            "Run `python {{this file}} [CHECKPOINT]` to print the network (and load the weights of a\n"
            "CNN Playground checkpoint or a plain state dict).",
        ),
        checkpoint=QCoreApplication.translate("CodeNotes", "a CNN Playground checkpoint"),
        preprocess=QCoreApplication.translate(
            "CodeNotes", "uint8 N×C×H×W images -> the normalised float input of the network."
        ),
    )
