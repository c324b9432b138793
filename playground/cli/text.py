"""How the command line writes text: one escaping function for every name it prints on a line, and
JSON for programs."""

from __future__ import annotations

import json
import unicodedata

# Bidirectional overrides and isolates: they reorder what the terminal shows (a name that reads backwards).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(text: object) -> str:
    """Text safe to print on one terminal line: control characters (a newline and a fake `error:`
    line, a terminal-title escape) and the bytes of a file name that was not UTF-8 (a Korean zip's
    CP949 names, which Python keeps as surrogate escapes) written as \\xNN; nothing raises."""
    text = str(text)
    if text.isprintable() and encodable(text):
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in _BIDI_CONTROLS:
            out.append(char.encode("unicode_escape").decode("ascii") if code > 0xFF else f"\\x{code:02x}")
        else:
            out.append(char)
    return "".join(out)


def print_json(data) -> None:
    """One JSON value on one line. ASCII: a name's U+2028 or U+0085 would split the line for a
    reader that splits on them, and a name that was not UTF-8 (\\udcXX) could not be written."""
    # allow_nan=False: a bare NaN is not JSON; the data printed here never holds one (a bug if it does).
    print(json.dumps(data, ensure_ascii=True, allow_nan=False), flush=True)
