"""How the command line writes text: every name it prints on a line goes through `printable`, every
JSON through `json_text` (both in `spec.text`, where the files the app writes use them too)."""

from __future__ import annotations

from playground.spec.text import json_text, printable

__all__ = ["print_json", "printable"]


def print_json(data) -> None:
    """One JSON value on one line (a name's U+2028 or a byte that was not UTF-8 escaped)."""
    print(json_text(data), flush=True)
