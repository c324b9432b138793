"""The install's last step, run by the kit's install script with the freshly installed app
(`cnn-playground kit finish KIT --venv VENV`): the kit's pretrained weights and datasets go where the
app finds them, and a launcher goes where the system's menu finds it.

Weights are imported as "Import weights…" imports them (checked again on this PC); Fashion-MNIST's
files go to the app's data folder (playground.ml.data.builtin looks there).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from playground.kit.layout import KIT_INFO
from playground.ml.machine.app_data import app_data_dir
from playground.resources import resource_path
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of

APP_NAME = "CNN Playground"
ICON = "cnn-playground.png"


def install_weights(kit: Path, info: dict, say: Callable[[str], None]) -> list[str]:
    from playground.ml.network.pretrained import import_weights

    stored = []
    for key, relative in sorted(info.get("weights", {}).items()):
        try:
            stored.append(str(import_weights(kit / relative, key)))
            say(f"weights: {key}")
        except PlaygroundError as error:  # one bad file costs that network only
            say(f"warning: {key}: {text_of(error)}")
    return stored


def install_datasets(kit: Path, info: dict, say: Callable[[str], None]) -> list[Path]:
    placed = []
    for name, files in sorted(info.get("datasets", {}).items()):
        folder = app_data_dir() / "datasets" / name
        folder.mkdir(parents=True, exist_ok=True)
        for relative in files:
            source, target = kit / relative, folder / Path(relative).name
            if not target.is_file() or target.stat().st_size != source.stat().st_size:
                shutil.copyfile(source, target)
        placed.append(folder)
        say(f"dataset: {name} in {folder}")
    return placed


def gui_command(venv: Path) -> Path:
    """The app's GUI entry point in the venv: it opens no console window (pyproject's gui-scripts)."""
    if sys.platform == "win32":
        return venv / "Scripts" / "cnn-playground-gui.exe"
    return venv / "bin" / "cnn-playground-gui"


def desktop_entry(command: Path, icon: Path) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            "Name[ko]=CNN 플레이그라운드",
            "Comment=Build, train and explain convolutional neural networks",
            "Comment[ko]=합성곱 신경망을 만들고 훈련하고 설명합니다",
            f'Exec="{command}" %f',
            f"Icon={icon}",
            "Terminal=false",
            "Categories=Education;Science;ArtificialIntelligence;",
            "",
        ]
    )


def linux_launcher(venv: Path, home: Path) -> Path:
    data = home / ".local" / "share"
    icon = data / "icons" / "hicolor" / "256x256" / "apps" / ICON
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons", ICON), icon)
    entry = data / "applications" / "cnn-playground.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(gui_command(venv), icon), encoding="utf-8")
    return entry


def windows_launcher(venv: Path) -> Path:
    """A Start-menu shortcut to the GUI entry point, with the app's icon (made from its PNG)."""
    import os

    from PIL import Image

    icon = venv.parent / "cnn-playground.ico"
    Image.open(resource_path("icons", ICON)).save(icon, sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
    programs = Path(os.environ["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    shortcut = programs / f"{APP_NAME}.lnk"
    script = (
        "$s = (New-Object -ComObject WScript.Shell).CreateShortcut($env:CNNPG_LNK);"
        "$s.TargetPath = $env:CNNPG_EXE; $s.IconLocation = $env:CNNPG_ICO;"
        "$s.WorkingDirectory = $env:USERPROFILE; $s.Save()"
    )  # paths travel in variables: no quoting of a user name with spaces or quotes
    environment = {
        **os.environ,
        "CNNPG_LNK": str(shortcut),
        "CNNPG_EXE": str(gui_command(venv)),
        "CNNPG_ICO": str(icon),
    }
    subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-Command", script], env=environment, check=True)
    return shortcut


def macos_launcher(venv: Path, home: Path) -> Path:
    """~/Applications/CNN Playground.app: a bundle whose executable starts the GUI entry point."""
    bundle = home / "Applications" / f"{APP_NAME}.app" / "Contents"
    (bundle / "MacOS").mkdir(parents=True, exist_ok=True)
    (bundle / "Resources").mkdir(exist_ok=True)
    shutil.copyfile(resource_path("icons", ICON), bundle / "Resources" / ICON)
    executable = bundle / "MacOS" / "cnn-playground"
    executable.write_text(f'#!/bin/sh\nexec "{gui_command(venv)}" "$@"\n', encoding="utf-8")
    executable.chmod(0o755)
    (bundle / "Info.plist").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>'
        f"<key>CFBundleName</key><string>{APP_NAME}</string>"
        "<key>CFBundleExecutable</key><string>cnn-playground</string>"
        "<key>CFBundleIdentifier</key><string>org.cnn-playground.app</string>"
        "<key>CFBundlePackageType</key><string>APPL</string>"
        "</dict></plist>\n",
        encoding="utf-8",
    )
    return bundle.parent


def make_launcher(venv: Path) -> Path:
    if sys.platform == "win32":
        return windows_launcher(venv)
    if sys.platform == "darwin":
        return macos_launcher(venv, Path.home())
    return linux_launcher(venv, Path.home())


def finish(kit: Path, venv: Path, say: Callable[[str], None] = print) -> int:
    info_path = kit / KIT_INFO
    if not info_path.is_file():
        raise PlaygroundError(Message(messages.KIT_NOT_A_KIT, folder=str(kit), info=KIT_INFO))
    info = json.loads(info_path.read_text(encoding="utf-8"))
    install_weights(kit, info, say)
    install_datasets(kit, info, say)
    try:
        launcher = make_launcher(venv.resolve())
        say(f"launcher: {launcher}")
    except (OSError, subprocess.CalledProcessError) as error:  # the app works without a menu entry
        say(f"warning: no launcher was made ({error}); start {gui_command(venv)}")
    return 0
