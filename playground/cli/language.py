"""The command line in the system's language, like the window: a Message (playground.spec.messages) is
printed from its Korean template under a Korean locale, read from the same catalogue the window uses
(resources/translations/cnn_playground_ko.ts, its "spec" context), without Qt. `--help` stays English.

The language: CNN_PLAYGROUND_LANGUAGE ("ko" or "en") when set, else the locale of the environment
(LC_ALL, LC_MESSAGES, LANG, in that order, as the C library reads them): Korean when it starts with "ko".
"""

from __future__ import annotations

import functools
import os
import xml.etree.ElementTree as ET

from playground.resources import resource_path
from playground.spec.messages import Message

LANGUAGE_ENV = "CNN_PLAYGROUND_LANGUAGE"
CONTEXT = "spec"  # the .ts context of the Message templates (playground.gui.app.messages.CONTEXT)


def system_language() -> str:
    chosen = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    if chosen in ("ko", "en"):
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


@functools.cache
def catalogue(language: str) -> dict[str, str]:
    """Template → translated template, for `language` ("en": none). A missing or damaged catalogue is
    English, never an error: the command line must always be able to say what went wrong."""
    if language == "en":
        return {}
    try:
        root = ET.parse(resource_path("translations") / f"cnn_playground_{language}.ts").getroot()
    except (OSError, ET.ParseError):
        return {}
    found = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "unfinished":
                found[message.findtext("source")] = translation.text
    return found


def translated(text, language: str | None = None) -> str:
    """A Message in `language` (the system's by default), with the Messages among its values translated too;
    any other text as it is. A translation that does not fit the values falls back to English."""
    if not isinstance(text, Message):
        return str(text)
    language = language or system_language()
    values = {name: translated(value, language) for name, value in text.values.items()}
    template = catalogue(language).get(text.template, text.template)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return text.template.format(**values)
