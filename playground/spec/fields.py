"""Readers that turn JSON values into checked Python values, naming the key path on failure.

Every settings object reads its JSON through these, so a wrong type anywhere in a project file
is refused with the same kind of message: "model.layers[2].kernel: must be a positive whole
number or [height, width], got 'big'".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from playground.spec import messages
from playground.spec.errors import SpecError
from playground.spec.messages import Message

Reader = Callable[[Any, str], Any]


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def read_object(data: Any, path: str, readers: Mapping[str, Reader]) -> dict[str, Any]:
    """Check that `data` is an object with only known keys and read each key present."""
    if not isinstance(data, Mapping):
        raise SpecError(Message(messages.NOT_AN_OBJECT, value=_describe(data)), path=path)
    unknown = [key for key in data if key not in readers]
    if unknown:
        known = ", ".join(sorted(readers))
        problem = Message(messages.UNKNOWN_KEY, key=repr(unknown[0]), known=known)
        raise SpecError(problem, path=_join(path, unknown[0]))
    return {key: readers[key](value, _join(path, key)) for key, value in data.items()}


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def integer(minimum: int | None = None, maximum: int | None = None) -> Reader:
    def read(value: Any, path: str) -> int:
        if not _is_int(value):
            raise SpecError(Message(messages.NOT_A_WHOLE_NUMBER, value=_describe(value)), path=path)
        _check_range(value, path, minimum, maximum)
        return value

    return _described(read, "integer", minimum=minimum, maximum=maximum)


def _described(read: Reader, kind: str, **facts: Any) -> Reader:
    """A reader that also says what it accepts (kind, bounds, choices), so that a form can be made
    from it: the window's inputs and the project file then cannot disagree."""
    read.kind = kind
    read.facts = facts
    return read


def number(minimum: float | None = None, maximum: float | None = None, *, below: float | None = None) -> Reader:
    def read(value: Any, path: str) -> float:
        if not _is_number(value):
            raise SpecError(Message(messages.NOT_A_NUMBER, value=_describe(value)), path=path)
        _check_range(value, path, minimum, maximum)
        if below is not None and value >= below:
            raise SpecError(Message(messages.NOT_BELOW, limit=below, value=value), path=path)
        return float(value)

    return _described(read, "number", minimum=minimum, maximum=maximum, below=below)


def _check_range(value: float, path: str, minimum: float | None, maximum: float | None) -> None:
    if minimum is not None and value < minimum:
        raise SpecError(Message(messages.TOO_SMALL, minimum=minimum, value=value), path=path)
    if maximum is not None and value > maximum:
        raise SpecError(Message(messages.TOO_LARGE, maximum=maximum, value=value), path=path)


def boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise SpecError(Message(messages.NOT_TRUE_OR_FALSE, value=_describe(value)), path=path)
    return value


_described(boolean, "boolean")


def text(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise SpecError(Message(messages.NOT_TEXT, value=_describe(value)), path=path)
    return value


def choice(*options: str) -> Reader:
    def read(value: Any, path: str) -> str:
        if value not in options:
            problem = Message(messages.NOT_A_CHOICE, choices=", ".join(options), value=_describe(value))
            raise SpecError(problem, path=path)
        return value

    return _described(read, "choice", options=options)


def pair(minimum: int = 1, maximum: int | None = None) -> Reader:
    """A whole number or [height, width]; returned as (height, width)."""

    def read(value: Any, path: str) -> tuple[int, int]:
        if _is_int(value):
            value = [value, value]
        if not (isinstance(value, list | tuple) and len(value) == 2 and all(_is_int(v) for v in value)):
            raise SpecError(Message(messages.NOT_A_PAIR, value=_describe(value)), path=path)
        for v in value:
            _check_range(v, path, minimum, maximum)
        return (value[0], value[1])

    return read


def number_pair(minimum: float, maximum: float) -> Reader:
    """A number or [width, height] of numbers; returned as a 2-tuple."""

    def read(value: Any, path: str) -> tuple[float, float]:
        if _is_number(value):
            value = [value, value]
        if not (isinstance(value, list | tuple) and len(value) == 2 and all(_is_number(v) for v in value)):
            raise SpecError(Message(messages.NOT_A_NUMBER_PAIR, value=_describe(value)), path=path)
        for v in value:
            _check_range(v, path, minimum, maximum)
        return (float(value[0]), float(value[1]))

    return read


def padding(value: Any, path: str) -> str | tuple[int, int]:
    """'valid', 'same', a whole number, or [height, width] of zero padding."""
    if value in ("valid", "same"):
        return value
    try:
        return pair(minimum=0)(value, path)
    except SpecError:
        raise SpecError(Message(messages.NOT_A_PADDING, value=_describe(value)), path=path) from None


def optional(reader: Reader) -> Reader:
    def read(value: Any, path: str) -> Any:
        return None if value is None else reader(value, path)

    return read


def compact_pair(value: tuple[int, int] | tuple[float, float]) -> Any:
    """Write (3, 3) as 3 and (3, 5) as [3, 5], as a person would type it."""
    return value[0] if value[0] == value[1] else list(value)
