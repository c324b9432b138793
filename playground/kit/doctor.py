"""The before-class check (`cnn-playground doctor`, Help → Check this computer…): versions, CPU, GPU,
memory, disk, a font that renders Hangul, the built-in datasets and pretrained weights present, and
whether the data folder and image cache can be written.

Each check is one line: OK, a warning with what to do, or missing (something the lessons need;
`doctor` then exits non-zero). The texts are Messages, shown in the app's language by the caller.
Qt is not imported here: the caller passes the data folder (the settings' folder) and the Hangul
check, which needs Qt's fonts.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.metadata
import importlib.util
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playground import __version__
from playground.kit.report import size_text
from playground.spec import messages
from playground.spec.messages import Message

OK, WARNING, NEEDED = "ok", "warning", "needed"
LOW_MEMORY = 2 * 1024**3
LOW_DISK = 2 * 1024**3
# What the lessons cannot do without: the generated shapes and the digits of the LeNet-5 walk-through.
NEEDED_DATASETS = ("shapes", "digits")
DATASET_PACKAGES = {"digits": "scikit-learn", "animals": "animal-shape-mnist"}


@dataclass(frozen=True)
class Check:
    level: str  # OK, WARNING or NEEDED
    text: Message


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))  # the app installs on 3.11 or newer only
    return Check(OK, Message(messages.DOCTOR_PYTHON, version=version))


def _torch() -> list[Check]:
    try:
        import torch
    except Exception as error:  # an install that lost a library: say which
        return [Check(NEEDED, Message(messages.DOCTOR_TORCH_MISSING, reason=str(error).splitlines()[0][:120]))]
    checks = [Check(OK, Message(messages.DOCTOR_TORCH, version=torch.__version__))]
    if torch.cuda.is_available():
        checks.append(Check(OK, Message(messages.DOCTOR_GPU, name=torch.cuda.get_device_name(0))))
    elif getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        checks.append(Check(OK, Message(messages.DOCTOR_GPU, name="Apple (MPS)")))
    else:
        checks.append(Check(OK, Message(messages.DOCTOR_NO_GPU)))
    return checks


def _qt() -> Check:
    for distribution in ("PySide6-Essentials", "PySide6"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            return Check(OK, Message(messages.DOCTOR_QT, version=importlib.metadata.version(distribution)))
    return Check(NEEDED, Message(messages.DOCTOR_QT_MISSING))


def _cpu() -> Check:
    cores = os.cpu_count() or 1
    return Check(
        OK if cores > 1 else WARNING,
        Message(messages.DOCTOR_CPU if cores > 1 else messages.DOCTOR_CPU_FEW, cores=cores),
    )


def memory() -> tuple[int | None, int | None]:
    """(available, total) bytes of memory; None where the system does not say."""
    if sys.platform == "win32":

        class Status(ctypes.Structure):
            _fields_ = [
                ("length", ctypes.c_ulong),
                ("load", ctypes.c_ulong),
                ("total", ctypes.c_ulonglong),
                ("available", ctypes.c_ulonglong),
                ("page_total", ctypes.c_ulonglong),
                ("page_available", ctypes.c_ulonglong),
                ("virtual_total", ctypes.c_ulonglong),
                ("virtual_available", ctypes.c_ulonglong),
                ("extended", ctypes.c_ulonglong),
            ]

        status = Status()
        status.length = ctypes.sizeof(Status)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return status.available, status.total
        return None, None
    info = {}
    with contextlib.suppress(OSError), open("/proc/meminfo", encoding="ascii") as handle:
        for line in handle:
            name, _, value = line.partition(":")
            info[name] = int(value.split()[0]) * 1024
    total = info.get("MemTotal")
    if total is None:
        with contextlib.suppress(ValueError, OSError, AttributeError):
            total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")  # macOS
    return info.get("MemAvailable"), total


def _memory() -> Check:
    available, total = memory()
    if available is None:
        return Check(OK, Message(messages.DOCTOR_MEMORY_TOTAL, total=size_text(total)))
    low = available < LOW_MEMORY
    return Check(
        WARNING if low else OK,
        Message(
            messages.DOCTOR_MEMORY_LOW if low else messages.DOCTOR_MEMORY,
            available=size_text(available),
            total=size_text(total),
        ),
    )


def _existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def _disk(folder: Path) -> Check:
    free = shutil.disk_usage(_existing(folder)).free
    low = free < LOW_DISK
    return Check(
        WARNING if low else OK,
        Message(messages.DOCTOR_DISK_LOW if low else messages.DOCTOR_DISK, free=size_text(free), folder=str(folder)),
    )


def _font(hangul_font: Callable[[], str | None] | None) -> Check:
    if hangul_font is None:
        return Check(WARNING, Message(messages.DOCTOR_FONT_UNCHECKED, reason="Qt is not available"))
    try:
        family = hangul_font()
    except Exception as error:  # Qt that cannot start (no platform plugin, missing libraries)
        return Check(WARNING, Message(messages.DOCTOR_FONT_UNCHECKED, reason=str(error).splitlines()[0][:160]))
    if family:
        return Check(OK, Message(messages.DOCTOR_FONT, font=family))
    return Check(WARNING, Message(messages.DOCTOR_FONT_MISSING))


def _datasets() -> list[Check]:
    from playground.ml.data.builtin import BUILTIN_DATASETS

    checks = []
    for name, dataset in BUILTIN_DATASETS.items():
        source = f"builtin:{name}"
        title = Message(dataset.title) if dataset.title in messages.DOCTOR_DATASET_TITLES else dataset.title
        if dataset.is_installed():
            checks.append(Check(OK, Message(messages.DOCTOR_DATASET, title=title, source=source)))
        elif name in DATASET_PACKAGES:
            level = NEEDED if name in NEEDED_DATASETS else WARNING
            checks.append(
                Check(
                    level,
                    Message(
                        messages.DOCTOR_DATASET_PACKAGE, title=title, source=source, package=DATASET_PACKAGES[name]
                    ),
                )
            )
        else:
            checks.append(Check(WARNING, Message(messages.DOCTOR_FASHION_MISSING)))
    return checks


def _weights() -> list[Check]:
    from playground.ml.network import pretrained

    found, missing, checks = [], [], []
    for key in pretrained.NETWORKS:
        backbone = pretrained.network(key)
        try:
            path = pretrained.find_weights(key)
        except ImportError:
            path = None
        if backbone.source == "playground" and path is None:
            checks.append(Check(NEEDED, Message(messages.DOCTOR_MINI_MISSING, path=str(pretrained.MINI_WEIGHTS))))
        (found if path else missing).append(backbone.title)
    if found:
        checks.append(Check(OK, Message(messages.DOCTOR_WEIGHTS, networks=", ".join(found))))
    if missing:
        checks.append(Check(WARNING, Message(messages.DOCTOR_WEIGHTS_MISSING, networks=", ".join(missing))))
    return checks


def writable(folder: Path) -> str | None:
    """None if a file can be made in `folder` (made if need be), else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".cnnpg-doctor-{os.getpid()}.tmp"
        probe.write_bytes(b"check")
        probe.unlink()
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def _folders(data_folder: Path) -> list[Check]:
    from playground.ml.data.image_cache import cache_dir

    checks = []
    reason = writable(data_folder)
    checks.append(
        Check(NEEDED, Message(messages.DOCTOR_FOLDER_NOT_WRITABLE, folder=str(data_folder), reason=reason))
        if reason
        else Check(OK, Message(messages.DOCTOR_FOLDER, folder=str(data_folder)))
    )
    cache = cache_dir()
    reason = writable(cache)
    checks.append(
        Check(WARNING, Message(messages.DOCTOR_CACHE_NOT_WRITABLE, folder=str(cache), reason=reason))
        if reason
        else Check(OK, Message(messages.DOCTOR_CACHE, folder=str(cache)))
    )
    return checks


def run_checks(data_folder: Path, hangul_font: Callable[[], str | None] | None) -> list[Check]:
    """Every check, in the order a teacher reads them."""
    return [
        _python(),
        *_torch(),
        _qt(),
        _cpu(),
        _memory(),
        _disk(data_folder),
        _font(hangul_font),
        *_datasets(),
        *_weights(),
        *_folders(data_folder),
    ]


def title() -> Message:
    return Message(messages.DOCTOR_TITLE, version=__version__)


def verdict(checks: list[Check]) -> Check:
    needed = sum(check.level == NEEDED for check in checks)
    if needed:
        return Check(NEEDED, Message(messages.DOCTOR_NOT_READY, count=needed))
    return Check(OK, Message(messages.DOCTOR_READY, warnings=sum(check.level == WARNING for check in checks)))


def exit_status(checks: list[Check]) -> int:
    """Non-zero only when something the lessons need is missing."""
    return 1 if any(check.level == NEEDED for check in checks) else 0
