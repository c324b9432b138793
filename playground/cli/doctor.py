"""`cnn-playground doctor`: the before-class check, in the app's language (its setting, else the
system's), on the terminal. Exit status 1 only when something the lessons need is missing."""

from __future__ import annotations

import os
import sys


def add_parser(commands) -> None:
    doctor = commands.add_parser("doctor", help="check this computer before a lesson (fonts, datasets, weights, disk)")
    doctor.add_argument("--language", choices=["en", "ko"], help="the language of the report (default: the app's)")
    doctor.set_defaults(run=run)


def _start_qt():
    """Qt for fonts and translations; Linux with no display uses the offscreen platform
    (the same fontconfig fonts the window would get)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    # A QApplication, not a QGuiApplication: the process may open a window later (tests do), and
    # Qt has one application object per process.
    return QApplication.instance() or QApplication(["cnn-playground"])


def run(args) -> int:
    from playground.kit import doctor

    try:
        app = _start_qt()
    except Exception:  # Qt cannot start: the report says so in its font line
        app = None
    if app is None:
        checks = doctor.run_checks(_fallback_data_folder(), None)
        say = str
        labels = {doctor.OK: "OK", doctor.WARNING: "warning", doctor.NEEDED: "missing"}
    else:
        from playground.gui.app.config import config_path
        from playground.gui.app.hangul_font import hangul_font
        from playground.gui.app.messages import translated
        from playground.gui.app.translation import install_translators

        app.setApplicationName("CNN Playground")
        install_translators(args.language or _language())
        checks = doctor.run_checks(config_path(), hangul_font)
        say = translated
        from playground.spec import messages
        from playground.spec.messages import Message

        labels = {
            level: translated(Message(template))
            for level, template in (
                (doctor.OK, messages.DOCTOR_OK),
                (doctor.WARNING, messages.DOCTOR_WARNING),
                (doctor.NEEDED, messages.DOCTOR_NEEDED),
            )
        }
    width = max(len(label) for label in labels.values())
    print(say(doctor.title()))
    for check in checks:
        print(f"  {labels[check.level]:<{width}}  {say(check.text)}")
    verdict = doctor.verdict(checks)
    print(say(verdict.text))
    return doctor.exit_status(checks)


def _language() -> str:
    """The app's language; the system's when its settings cannot be read (a data folder that
    cannot be made is one of the things the check reports)."""
    from PySide6.QtCore import QLocale

    from playground.gui.app.translation import interface_language

    try:
        return interface_language()
    except OSError:
        return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def _fallback_data_folder():
    from pathlib import Path

    return Path(os.environ.get("CNN_PLAYGROUND_CONFIG_DIR") or Path.home() / ".config" / "cnn-playground")
