"""The line protocol between the window and its training child process.

The child (`cnn-playground train PROJECT --child`), and `cnn-playground train --json` alike, write
one JSON object per line on stdout: first `{"protocol": VERSION}`, then every event of
`playground.ml.training.events` as `Event.to_dict()` gives it. The window compares the version with its own
and refuses a child that speaks another (an app updated while it was open). A `Message` (a
translatable text) travels with its template and values, so the window
can show it in its own language. The window writes one control word per line on the child's
stdin: `pause`, `resume`, `stop`; the end of stdin (the window went away) means stop.

Plain JSON: the records are small, the window parses them with `json.loads` on its own thread,
and nothing the child sends can make the window run code.
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

from playground.ml.training.events import EVENT_TYPES, Event
from playground.spec.messages import Message
from playground.spec.text import json_text

VERSION = 2  # 2: events built with keywords, no weights in `done`/`failed`, `attached`
CONTROL_WORDS = ("pause", "resume", "stop")
MAX_LINE = 1_000_000  # bytes: a longer line is not from a child of this version


MAX_CONTROL_LINE = 64  # bytes: a longer line is no control word, and is skipped without being kept


class ControlLines:
    """The control words in what the window writes, fed as it arrives in chunks of any size. Linear
    in its input: a chunk is scanned once, and at most MAX_CONTROL_LINE bytes of an unfinished line
    are kept (an 8 MB line without a newline, re-joined on every read, made a run 5x slower)."""

    def __init__(self) -> None:
        self.pending = bytearray()
        self._skipping = False  # inside a line already too long to be a word: dropped up to its newline

    def feed(self, chunk: bytes) -> list[str]:
        words, start = [], 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if not self._skipping:
                self.pending += piece
                if len(self.pending) > MAX_CONTROL_LINE:
                    self.pending.clear()
                    self._skipping = True
            if end < 0:
                return words
            if not self._skipping:
                word = self.pending.decode("ascii", "replace").strip()
                if word in CONTROL_WORDS:
                    words.append(word)
            self.pending.clear()
            self._skipping = False
            start = end + 1


class ProtocolError(ValueError):
    """A line that is not a record of this protocol."""


def hello() -> str:
    return json.dumps({"protocol": VERSION})


def _plain(value: Any) -> Any:
    if isinstance(value, Message):  # a Message inside (a layer's name) stays one; text where JSON has no type
        values = {
            k: _plain(v) if isinstance(v, Message) else v if isinstance(v, str | int | float | bool) else str(v)
            for k, v in value.values.items()
        }
        return {"text": str(value), "template": value.template, "values": values}
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN: a NaN loss is reported as the Failed event it causes
    return value


def encode(event: Event) -> str:
    record = {key: _plain(value) for key, value in event.to_dict().items()}
    if isinstance(getattr(event, "message", None), Message):  # to_dict's copy may be a plain str
        record["message"] = _plain(event.message)
    return json_text(record, ascii_only=True)  # ASCII: whatever the console encoding; one line whatever the names


def _message(value: Any, depth: int = 0) -> str:
    if isinstance(value, dict) and depth < 4:
        try:
            values = {k: _message(v, depth + 1) if isinstance(v, dict) else v for k, v in dict(value["values"]).items()}
            return Message(str(value["template"]), **values)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            return str(value.get("text", ""))
    return str(value)


def decode(line: str | bytes) -> Event | int:
    """An event, or the protocol version of the hello line; ProtocolError for anything else."""
    if len(line) > MAX_LINE:
        raise ProtocolError("line too long")
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        raise ProtocolError(str(error)) from None
    if not isinstance(record, dict):
        raise ProtocolError("not an object")
    if "protocol" in record:
        version = record["protocol"]
        if not isinstance(version, int):
            raise ProtocolError("bad version")
        return version
    kind = EVENT_TYPES.get(record.pop("event", None))
    if kind is None:
        raise ProtocolError("unknown event")
    names = {f.name for f in dataclasses.fields(kind)}
    values = {name: record[name] for name in names if name in record}
    if "message" in values:
        values["message"] = _message(values["message"])
    try:
        return kind(**values)
    except TypeError as error:
        raise ProtocolError(str(error)) from None
