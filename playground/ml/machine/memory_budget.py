"""One memory budget: how much this process can still allocate, and what a run, a prediction or a
dataset will hold, compared before any of it is allocated.

`usable_bytes()` is the least of: the machine's physical memory, what the system says is available
now, what the process's address-space limit (`ulimit -v`, RLIMIT_AS) leaves, and what a cgroup
memory limit (v1 or v2: a container, a systemd slice, a class's lab machine) leaves. Any one of
them ends the process (or the allocation) when exceeded, so the least is what counts.

What a network holds is measured from the network itself, not guessed from formulas: it is built
on torch's meta device (shapes only, no storage, so a tiny checkpoint describing a network of many
GB costs nothing) and run once on a meta image, recording every layer's output. What training
holds on top of that was measured against the peak resident memory of real runs
(tests/unit/test_memory_budget.py compares them on a small and a larger network).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message

GB = 1024**3
UNKNOWN_MACHINE = 8 * GB  # physical memory where the system cannot say: a small laptop
DATA_SHARE = 0.5  # a dataset may take at most this share of what is usable: the run needs the rest
RUN_SHARE = 0.9  # a run or prediction may take this share: the allocator and libraries need some slack

# ------------------------------------------------------------------------------------ what is usable


def physical_bytes() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # Windows has no sysconf
        status = _windows_memory()
        return status[0] if status else UNKNOWN_MACHINE


def available_bytes() -> int | None:
    """What can be allocated now without pushing other programs out (Linux: MemAvailable)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    status = _windows_memory()
    if status:
        return status[1]
    try:  # macOS and other POSIX systems: free pages at least
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_AVPHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _windows_memory() -> tuple[int, int] | None:
    """(physical, available) on Windows; None elsewhere."""
    if sys.platform != "win32":
        return None
    import ctypes

    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("length", ctypes.c_ulong),
            ("load", ctypes.c_ulong),
            ("total", ctypes.c_ulonglong),
            ("available", ctypes.c_ulonglong),
            ("total_page", ctypes.c_ulonglong),
            ("available_page", ctypes.c_ulonglong),
            ("total_virtual", ctypes.c_ulonglong),
            ("available_virtual", ctypes.c_ulonglong),
            ("available_extended", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.length = ctypes.sizeof(MemoryStatus)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
        return None
    return int(status.total), int(status.available)


def address_space_left() -> int | None:
    """What RLIMIT_AS (`ulimit -v`) leaves this process: its limit less its current virtual size."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return None
    return max(soft - _virtual_size(), 0)


def _virtual_size() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


CGROUP_ROOT = Path("/sys/fs/cgroup")
_NO_LIMIT = 1 << 60  # cgroup v1 writes "no limit" as a huge number (9223372036854771712)


def cgroup_left() -> int | None:
    """What the tightest memory limit among this process's cgroups (v2 and v1, and each of their
    ancestors) leaves: its limit less its current usage. None without a limit."""
    lefts = [left for folder in _memory_cgroups() if (left := _cgroup_folder_left(folder)) is not None]
    return min(lefts) if lefts else None


def _memory_cgroups() -> list[Path]:
    """The memory cgroup folders of this process and their ancestors, up to the mount point."""
    try:
        lines = Path("/proc/self/cgroup").read_text(encoding="utf-8", errors="replace").splitlines()
        mounts = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    folders = []
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, path = parts
        version = 2 if controllers == "" else 1 if "memory" in controllers.split(",") else None
        if version is None:
            continue
        for mount_root, mount_point in _cgroup_mounts(mounts, version):
            relative = os.path.relpath(path, mount_root) if path.startswith(mount_root) else None
            if relative is None or relative.startswith(".."):
                continue
            folder = (mount_point / relative).resolve() if relative != "." else mount_point
            while folder.is_relative_to(mount_point):  # the limits of every ancestor apply too
                folders.append(folder)
                if folder == mount_point:
                    break
                folder = folder.parent
    return folders


def _cgroup_mounts(mountinfo: list[str], version: int) -> list[tuple[str, Path]]:
    """(root of the hierarchy mounted, mount point) of each cgroup mount of this version."""
    found = []
    for line in mountinfo:
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        after = line.split(" - ", 1)[1].split()
        kind, options = after[0], after[2].split(",") if len(after) > 2 else []
        if (version == 2 and kind == "cgroup2") or (version == 1 and kind == "cgroup" and "memory" in options):
            found.append((fields[3], Path(fields[4].replace("\\040", " "))))
    return found


def _read_number(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    return int(text) if text.isdigit() else None  # "max": no limit


_CGROUP_FILES = (  # limit, usage, and the page cache's inactive part in memory.stat
    ("memory.max", "memory.current", "inactive_file"),  # v2
    ("memory.limit_in_bytes", "memory.usage_in_bytes", "total_inactive_file"),  # v1
)


def _cgroup_folder_left(folder: Path) -> int | None:
    for limit_name, usage_name, cache_name in _CGROUP_FILES:
        limit = _read_number(folder / limit_name)
        if limit is not None and limit < _NO_LIMIT:
            usage = _read_number(folder / usage_name) or 0
            # The usage counts the page cache of files read (torch's own libraries), which the kernel
            # reclaims before it refuses anything: its inactive part is not spent (as `docker stats`).
            usage -= min(_stat(folder / "memory.stat", cache_name), usage)
            return max(limit - usage, 0)
    return None


def _stat(path: Path, key: str) -> int:
    try:
        for line in path.read_text(encoding="ascii").splitlines():
            name, _, value = line.partition(" ")
            if name == key and value.strip().isdigit():
                return int(value)
    except (OSError, ValueError):
        pass
    return 0


def usable_bytes() -> int:
    """The most this process can still allocate: the least of physical memory, what is available
    now, what the address-space limit leaves and what a cgroup limit leaves."""
    candidates = [physical_bytes(), available_bytes(), address_space_left(), cgroup_left()]
    return int(min(c for c in candidates if c is not None))


def gigabytes(count: float) -> str:
    return f"{count / GB:.1f}" if count >= 0.1 * GB else f"{count / GB:.2f}"


# ------------------------------------------------------------------------------------ datasets and files

# Preparing a set makes float copies of a chunk of it at a time; the estimate counts the largest.
RESIZE_CHUNK = 1024  # images resized at once: float32 input, interpolated and rounded copies
STATS_CHUNK = 2048  # images measured at once by channel_stats: float64 values and their squares
STATS_BYTES = 64 * 1024**2  # ... and at most this much of those at once


def _bytes_per_pixel(count: int, channels: int) -> int:
    """Memory a dataset of `count` images needs per pixel of one image's side squared: the uint8 set
    kept, plus the largest float working copy made while resizing or measuring it."""
    working = max(min(count, RESIZE_CHUNK) * 4 * 3, min(count, STATS_CHUNK) * 8 * 2)
    return channels * (count + working)


def images_fit(count: int, channels: int, size: tuple[int, int]) -> bool:
    """Whether a dataset's images and their float working copies fit in memory at this size (else a
    folder is decoded to the disk and read memory-mapped)."""
    return _bytes_per_pixel(count, channels) * size[0] * size[1] <= usable_bytes() * DATA_SHARE


def check_images_fit(count: int, channels: int, size: tuple[int, int]) -> None:
    """Refuse, before decoding, a dataset whose images and their float working copies would not fit in
    memory at this size (counting the uint8 pixels alone let a 1024-pixel built-in set reach ~25 GB)."""
    per_pixel = _bytes_per_pixel(count, channels)
    needed = per_pixel * size[0] * size[1]
    allowed = usable_bytes() * DATA_SHARE
    if needed > allowed:
        largest = int((allowed / per_pixel) ** 0.5)
        raise DataError(
            Message(
                messages.TOO_MANY_IMAGES,
                count=f"{count:,}",
                channels=channels,
                height=size[0],
                width=size[1],
                needed=gigabytes(needed),
                allowed=gigabytes(allowed),
                largest=largest,
            )
        )


def check_file_contents_fit(path, declared: int) -> None:
    """Refuse, before reading, a file whose parts would unpack to more than is usable."""
    from playground.spec.errors import CheckpointError

    allowed = usable_bytes() * RUN_SHARE
    if declared > allowed:
        raise CheckpointError(
            Message(messages.CHECKPOINT_TOO_LARGE, path=path, needed=gigabytes(declared), allowed=gigabytes(allowed))
        )
