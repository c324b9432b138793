"""The command line's arguments: each command's module adds its own parser."""

from __future__ import annotations

import argparse

from playground.cli import files, lab, predict, summary, train, worksheet
from playground.spec.project_paths import resolve_project_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cnn-playground", description="Build, train and explain CNNs, offline.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    summary.add_parser(commands)
    train.add_parser(commands)
    predict.add_parser(commands)
    files.add_parsers(commands)
    lab.add_parser(commands)
    worksheet.add_parser(commands)
    gui = commands.add_parser("gui", help="open the app (the default without a command)")
    gui.add_argument("project", nargs="?", help="a project file or bundle (.cnnpg), or an example name")
    gui.set_defaults(run=run_gui)
    return parser


def run_gui(args) -> int:
    from playground.gui.window.launch import run  # Qt only for this command

    project = str(resolve_project_path(args.project)) if args.project else None
    return run(project)


def argument_problem(args) -> str:
    """What argparse cannot check: numbers' bounds and the device's form."""
    if getattr(args, "top_k", 1) < 1:
        return "--top-k must be at least 1"
    if getattr(args, "epochs", None) is not None and args.epochs < 1:
        return "--epochs must be at least 1"
    if getattr(args, "device", None) is not None:
        from playground.spec.errors import PlaygroundError
        from playground.spec.settings import TrainingSettings

        try:
            TrainingSettings.readers["device"](args.device, "--device")
        except PlaygroundError as error:
            return str(error)
    return ""
