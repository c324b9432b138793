"""Readers that turn JSON values into checked Python values, naming the key path on failure.

Every settings object reads its JSON through these, so a wrong type anywhere in a project file
is refused with the same kind of message: "model.layers[2].kernel: must be a positive whole
number or [height, width], got 'big'".

Each reader is a small frozen object that also says what it accepts (its bounds, its choices),
so that the window's forms are made from it (`playground.gui.widgets.settings_form`): an input and the
project file then cannot disagree about what is allowed, and no bound is written twice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from playground.spec import messages
from playground.spec.errors import SpecError
from playground.spec.messages import Message

Reader = Callable[[Any, str], Any]  # a reader object, or a plain function for a value no form edits


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


def _check_range(value: float, path: str, minimum: float | None, maximum: float | None) -> None:
    if minimum is not None and value < minimum:
        raise SpecError(Message(messages.TOO_SMALL, minimum=minimum, value=value), path=path)
    if maximum is not None and value > maximum:
        raise SpecError(Message(messages.TOO_LARGE, maximum=maximum, value=value), path=path)


@dataclass(frozen=True)
class Integer:
    """A whole number in [minimum, maximum] (None: unbounded)."""

    minimum: int | None = None
    maximum: int | None = None

    def __call__(self, value: Any, path: str) -> int:
        if not _is_int(value):
            raise SpecError(Message(messages.NOT_A_WHOLE_NUMBER, value=_describe(value)), path=path)
        _check_range(value, path, self.minimum, self.maximum)
        return value


@dataclass(frozen=True)
class Number:
    """A finite number in [minimum, maximum], and under `below` where that is given (a rate < 1)."""

    minimum: float | None = None
    maximum: float | None = None
    below: float | None = None

    def __call__(self, value: Any, path: str) -> float:
        if not _is_number(value):
            raise SpecError(Message(messages.NOT_A_NUMBER, value=_describe(value)), path=path)
        _check_range(value, path, self.minimum, self.maximum)
        if self.below is not None and value >= self.below:
            raise SpecError(Message(messages.NOT_BELOW, limit=self.below, value=value), path=path)
        return float(value)


@dataclass(frozen=True)
class Choice:
    """One of `options` (of their very type: true is not 1); `problem` says what else was given."""

    options: tuple
    problem: str = messages.NOT_A_CHOICE  # a template with {value} (and {choices})

    def __call__(self, value: Any, path: str) -> Any:
        if not any(value == option and type(value) is type(option) for option in self.options):
            choices = ", ".join(map(str, self.options))
            raise SpecError(Message(self.problem, choices=choices, value=_describe(value)), path=path)
        return value


@dataclass(frozen=True)
class Flag:
    """True or false."""

    def __call__(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise SpecError(Message(messages.NOT_TRUE_OR_FALSE, value=_describe(value)), path=path)
        return value


@dataclass(frozen=True)
class Text:
    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise SpecError(Message(messages.NOT_TEXT, value=_describe(value)), path=path)
        return value


boolean = Flag()
text = Text()


@dataclass(frozen=True)
class Pair:
    """A whole number or [height, width], each in [minimum, maximum]; returned as (height, width)."""

    minimum: int = 1
    maximum: int | None = None

    def is_pair(self, value: Any) -> bool:
        return _is_int(value) or (
            isinstance(value, list | tuple) and len(value) == 2 and all(_is_int(v) for v in value)
        )

    def __call__(self, value: Any, path: str) -> tuple[int, int]:
        if not self.is_pair(value):
            raise SpecError(Message(messages.NOT_A_PAIR, value=_describe(value)), path=path)
        height, width = (value, value) if _is_int(value) else value
        for v in (height, width):
            _check_range(v, path, self.minimum, self.maximum)
        return (height, width)


@dataclass(frozen=True)
class NumberPair:
    """A number or [width, height] of numbers, each in [minimum, maximum]; returned as a 2-tuple."""

    minimum: float
    maximum: float

    def __call__(self, value: Any, path: str) -> tuple[float, float]:
        if _is_number(value):
            value = [value, value]
        if not (isinstance(value, list | tuple) and len(value) == 2 and all(_is_number(v) for v in value)):
            raise SpecError(Message(messages.NOT_A_NUMBER_PAIR, value=_describe(value)), path=path)
        for v in value:
            _check_range(v, path, self.minimum, self.maximum)
        return (float(value[0]), float(value[1]))


@dataclass(frozen=True)
class Padding:
    """'valid', 'same', or a whole number or [height, width] of zero padding within `amount`'s bounds."""

    modes: tuple[str, ...] = ("valid", "same")
    # As large as the largest kernel: a wider border of zeros only adds windows that see nothing else.
    amount: Pair = field(default_factory=lambda: Pair(0, 99))

    def __call__(self, value: Any, path: str) -> str | tuple[int, int]:
        if value in self.modes:
            return value
        if not self.amount.is_pair(value):
            raise SpecError(Message(messages.NOT_A_PADDING, value=_describe(value)), path=path)
        return self.amount(value, path)


@dataclass(frozen=True)
class Optional:
    """None, or what `reader` reads (a pool's stride: None is the pool's size)."""

    reader: Reader

    def __call__(self, value: Any, path: str) -> Any:
        return None if value is None else self.reader(value, path)


@dataclass(frozen=True)
class OrWord:
    """A word (a dense layer's units: "auto") or what `reader` reads; `problem` when it is neither."""

    word: str
    reader: Reader
    problem: str

    def __call__(self, value: Any, path: str) -> Any:
        if value == self.word:
            return value
        try:
            return self.reader(value, path)
        except SpecError:
            raise SpecError(Message(self.problem, value=repr(value)), path=path) from None


def compact_pair(value: tuple[int, int] | tuple[float, float]) -> Any:
    """Write (3, 3) as 3 and (3, 5) as [3, 5], as a person would type it."""
    return value[0] if value[0] == value[1] else list(value)
