"""The interface's language: Korean or English, from the settings or else the system's locale.

Korean strings live in resources/translations/cnn_playground_ko.ts (made and kept up to date by
`python tools/update_translations.py`, which runs pyside6-lupdate, then lrelease for the .qm the
app loads). Qt's own Korean (standard buttons and dialogs) comes with Qt where it is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from playground.gui.app.config import app_settings
from playground.resources import resource_path

LANGUAGES = {"en": "English", "ko": "한국어"}
SYSTEM = "system"
SETTING = "language"
_installed: list[QTranslator] = []  # the app keeps its translators alive as long as it runs
_language = "en"  # what install_translators last put in place


def chosen_language() -> str:
    """What the settings say: "system", "en" or "ko"."""
    value = str(app_settings().value(SETTING, SYSTEM))
    return value if value in LANGUAGES or value == SYSTEM else SYSTEM


def set_chosen_language(value: str) -> None:
    app_settings().setValue(SETTING, value)


def interface_language() -> str:
    """The language to show: the chosen one, or the system's when it is Korean, else English."""
    chosen = chosen_language()
    if chosen != SYSTEM:
        return chosen
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def translations_file(language: str) -> str:
    return str(resource_path("translations", f"cnn_playground_{language}.qm"))


def install_translators(language: str) -> bool:
    """Load the app's (and Qt's own) translations for `language`; False when there are none."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = "en"
    if language == "en":
        return True  # the source strings are English
    ours = QTranslator()
    if not ours.load(translations_file(language)):
        return False
    qt_own = QTranslator()
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    _language = language
    return True


def installed_language() -> str:
    """The language the interface is being built in now (lessons and other texts follow it)."""
    return _language
