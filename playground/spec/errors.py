"""Errors a user can cause and fix. Each carries a message meant to be shown as it is."""

from playground.spec import messages
from playground.spec.messages import Message


class PlaygroundError(Exception):
    """Base of every error that is the user's input, not a bug: shown as one line, no traceback."""


class SpecError(PlaygroundError):
    """A project, layer or setting that is malformed; `path` names the offending key."""

    def __init__(self, message: str, *, path: str = ""):
        self.path = path
        # A Message stays one (the window translates it); the key path is a value, not text to translate.
        super().__init__(Message(messages.AT_KEY, path=path, problem=message) if path else message)


class ShapeError(PlaygroundError):
    """A network whose arithmetic does not work out (kernel larger than its input, ...)."""

    def __init__(self, message: str, *, layer_index: int):
        self.layer_index = layer_index
        super().__init__(message)


class DataError(PlaygroundError):
    """A dataset that cannot be used: missing, empty, one class, unreadable."""


class CheckpointError(PlaygroundError):
    """A checkpoint or weights file that is not valid or does not fit."""
