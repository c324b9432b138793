"""`cnn-playground kit build DIR` (a folder to install the app on classroom PCs with no network),
`kit check DIR` (its manifest) and `kit finish DIR` (the install script's last step)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playground.kit.targets import PLATFORMS, PYTHONS


def add_parser(commands) -> None:
    kit = commands.add_parser("kit", help="a folder to install the app on classroom PCs that have no network")
    kit_commands = kit.add_subparsers(dest="kit_command", required=True, metavar="build|check")
    build = kit_commands.add_parser(
        "build", help="fill DIR with the app, every dependency's wheels, weights, datasets and install scripts"
    )
    build.add_argument("folder", help="a new or empty folder, or a kit built before (only what is missing is added)")
    build.add_argument(
        "--platform",
        action="append",
        choices=PLATFORMS,
        help="linux (x86-64), windows (x86-64) or macos (arm64); repeat for several (default: this one)",
    )
    build.add_argument(
        "--python",
        action="append",
        choices=PYTHONS,
        help="the classroom PCs' Python; repeat for several (default: this one)",
    )
    build.add_argument("--python-installer", metavar="FILE", help="python.org's Windows installer for install.bat")
    build.add_argument(
        "--cpu-only",
        action="store_true",
        help="Linux: torch's CPU build (no CUDA libraries, GBs smaller) from PyTorch's CPU index",
    )
    build.add_argument("--app-wheel", metavar="FILE", help="the app's wheel (default: built from its source folder)")
    build.add_argument("--dry-run", action="store_true", help="only find the wheels and measure the sizes")
    build.set_defaults(run=run)
    check = kit_commands.add_parser("check", help="check every file of a kit against its manifest")
    check.add_argument("folder")
    check.set_defaults(run=run)
    finish = kit_commands.add_parser("finish", help=argparse.SUPPRESS)  # run by install.sh / install.bat
    finish.add_argument("folder")
    finish.add_argument("--venv", required=True)
    finish.set_defaults(run=run)


def _guide_writer():
    """Qt prints the guide to PDF; without a display on Linux it uses the offscreen platform."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from playground.gui.widgets.guide_document import write_guide_pdf

    # A QApplication (not a QGuiApplication), the one kind of application object a window can use later
    _guide_writer.app = QApplication.instance() or QApplication(["cnn-playground"])  # kept alive
    return write_guide_pdf


def run(args) -> int:
    folder = Path(args.folder)
    if args.kit_command == "check":
        from playground.kit.manifest import main as check_main

        return check_main([str(folder)])
    if args.kit_command == "finish":
        from playground.kit.finish import finish

        return finish(folder, Path(args.venv))
    from playground.kit.build import KitOptions, build_kit
    from playground.kit.targets import targets_of

    options = KitOptions(
        targets=targets_of(args.platform, args.python),
        app_wheel=Path(args.app_wheel) if args.app_wheel else None,
        python_installer=Path(args.python_installer) if args.python_installer else None,
        cpu_only=args.cpu_only,
        dry_run=args.dry_run,
        guide_writer=None if args.dry_run else _guide_writer(),
    )
    for line in build_kit(folder, options):
        print(line)
    return 0
