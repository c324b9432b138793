"""Names as the app writes them: on a terminal line, and in JSON (files and lines).

Names come from the user's disk and from files received from others. They may hold control
characters (a terminal escape that retitles the window, a newline that fakes an `error:` line),
bidirectional overrides (a name that reads backwards), line separators that split a JSON line for
readers that split on them (U+2028, U+2029, U+0085), and bytes that are not UTF-8 (a Korean zip's
CP949 names unpacked on Linux, which Python keeps as surrogate escapes \\udcXX). Every line the
app prints goes through `printable`; every JSON it writes through `json_text`, which keeps such
names (as \\udcXX escapes that read back to the very same name) instead of crashing on them.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

# Bidirectional overrides and isolates: they reorder what the terminal shows (a name that reads backwards).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that end a line for some readers of JSON lines (JavaScript, str.splitlines) though JSON allows them raw.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def is_utf8(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (it holds no surrogate escape of an undecodable byte)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(text: Any) -> str:
    """Text safe to print on one terminal line: control characters, bidirectional controls and line
    separators written as escapes, and the bytes of a name that was not UTF-8 as \\xNN; never raises."""
    text = str(text)
    if text.isprintable() and is_utf8(text) and not any(char in _BIDI_CONTROLS for char in text):
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


def json_text(data: Any, *, indent: int | None = None, sort_keys: bool = False, ascii_only: bool = False) -> str:
    """JSON that is valid UTF-8 and one line per record when `indent` is None: readable text kept
    as it is (Korean stays Korean) unless `ascii_only`, names that were not UTF-8 as \\udcXX escapes
    (read back by json.loads to the same name), and line separators escaped. NaN is refused (it is
    not JSON)."""
    text = json.dumps(data, ensure_ascii=ascii_only, allow_nan=False, indent=indent, sort_keys=sort_keys)
    if not is_utf8(text):
        text = json.dumps(data, ensure_ascii=True, allow_nan=False, indent=indent, sort_keys=sort_keys)
    if any(char in text for char in _LINE_BREAKS):  # only ever inside strings, where an escape means the same
        text = "".join(_LINE_BREAKS.get(char, char) for char in text)
    return text


def json_bytes(data: Any, *, indent: int | None = None) -> bytes:
    """`json_text` encoded for a file."""
    return json_text(data, indent=indent).encode("utf-8")
