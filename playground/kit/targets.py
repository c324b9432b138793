"""The platforms and Pythons a kit is built for, as pip's options and as the environment that
dependency markers (`; platform_system == "Linux"`) are read against.

pip reads a dependency's markers against the Python that runs it, not against `--platform`: a
Windows kit resolved by pip alone on Linux would ask for torch's Linux-only CUDA libraries. So the
kit resolves one level at a time and reads the markers itself (playground.kit.resolve).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message

PLATFORMS = ("linux", "windows", "macos")
PYTHONS = ("3.11", "3.12", "3.13")

# manylinux tags from glibc 2.34 down (PySide6 6.10 and later need 2.34: Ubuntu 22.04, Debian 12,
# Fedora 35 or newer); pip does not expand one --platform into the older tags it also accepts.
LINUX_GLIBC = (2, 34)
_MANYLINUX = [f"manylinux_2_{minor}_x86_64" for minor in range(LINUX_GLIBC[1], 4, -1)] + [
    "manylinux2014_x86_64",
    "manylinux2010_x86_64",
    "manylinux1_x86_64",
]


@dataclass(frozen=True)
class Target:
    platform: str  # "linux" (x86-64), "windows" (x86-64) or "macos" (arm64)
    python: str  # "3.11"

    @property
    def name(self) -> str:
        machine = {"linux": "x86-64", "windows": "x86-64", "macos": "arm64"}[self.platform]
        return f"{self.platform}-{machine}-py{self.python}"

    @property
    def pip_tags(self) -> list[str]:
        if self.platform == "linux":
            return _MANYLINUX
        if self.platform == "windows":
            return ["win_amd64"]
        return ["macosx_14_0_arm64"]  # pip expands it to every older macOS and universal2

    def pip_options(self) -> list[str]:
        """What makes `pip download` / `pip install --dry-run` choose this target's wheels."""
        options = ["--only-binary=:all:", "--python-version", self.python, "--implementation", "cp"]
        for tag in self.pip_tags:
            options += ["--platform", tag]
        return options

    def marker_environment(self) -> dict[str, str]:
        """PEP 508's marker variables as they are on this target."""
        system, sys_platform, machine, os_name = {
            "linux": ("Linux", "linux", "x86_64", "posix"),
            "windows": ("Windows", "win32", "AMD64", "nt"),
            "macos": ("Darwin", "darwin", "arm64", "posix"),
        }[self.platform]
        return {
            "implementation_name": "cpython",
            "implementation_version": f"{self.python}.0",
            "os_name": os_name,
            "platform_machine": machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": system,
            "platform_version": "",
            "python_full_version": f"{self.python}.0",
            "python_version": self.python,
            "sys_platform": sys_platform,
            "extra": "",
        }


def this_platform() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def this_target() -> Target:
    return Target(this_platform(), f"{sys.version_info.major}.{sys.version_info.minor}")


def targets_of(platforms: list[str] | None, pythons: list[str] | None) -> list[Target]:
    """Every combination of the platforms and Pythons asked for; this machine's where none is."""
    here = this_target()
    platforms = platforms or [here.platform]
    pythons = pythons or [here.python]
    for name in platforms:
        if name not in PLATFORMS:
            raise PlaygroundError(Message(messages.KIT_BAD_PLATFORM, name=name, choices=", ".join(PLATFORMS)))
    for version in pythons:
        if version not in PYTHONS:
            raise PlaygroundError(Message(messages.KIT_BAD_PYTHON, version=version, choices=", ".join(PYTHONS)))
    return [Target(p, v) for p in dict.fromkeys(platforms) for v in dict.fromkeys(pythons)]
