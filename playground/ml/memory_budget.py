"""How much memory the app may use: the least of the machine's memory, what is free now, the
address-space limit (ulimit -v) and the limit of the container or cgroup it runs in (cgroup v1 or
v2: Docker, a school's managed desktop). Past a cgroup's limit a process is killed, not refused,
so the machine's memory alone is the wrong measure there."""

from __future__ import annotations

import os
import resource
from pathlib import Path

UNKNOWN = 8 * 1024**3  # nothing could be read: assume a small laptop
NO_LIMIT = 1 << 60  # cgroup v1 writes a huge number for "no limit"


def usable_bytes() -> int:
    """Bytes this process may still allocate (the least of every limit that could be read)."""
    limits = [value for value in (_physical(), _available(), _address_space_headroom(), _cgroup_headroom()) if value]
    return min(limits) if limits else UNKNOWN


def _physical() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _available() -> int | None:
    """MemAvailable: free memory plus the page cache the kernel can drop (Linux)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _address_space_headroom() -> int | None:
    try:
        soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ValueError, OSError):
        return None
    if soft == resource.RLIM_INFINITY:
        return None
    return max(0, soft - _virtual_size())


def _virtual_size() -> int:
    try:
        return int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cgroup_headroom() -> int | None:
    """The memory cgroup's limit less what it uses already (its page cache counted as free: the
    kernel drops it before it kills anything)."""
    for limit_file, usage_file, stat_file, cache_key in _cgroup_files():
        limit = _read_number(limit_file)
        if limit is None or limit >= NO_LIMIT:
            continue
        usage = _read_number(usage_file) or 0
        cache = _stat_value(stat_file, cache_key)
        return max(0, limit - max(0, usage - cache))
    return None


def _cgroup_files() -> list[tuple[Path, Path, Path, str]]:
    """(limit, usage, stat, the stat's page-cache key) for this process's memory cgroup, v2 then v1."""
    root = Path("/sys/fs/cgroup")
    candidates = []
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        lines = []
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _number, controllers, path = parts
        relative = path.lstrip("/")
        if controllers == "":  # v2: one unified hierarchy
            folder = root / relative
            candidates.append((folder / "memory.max", folder / "memory.current", folder / "memory.stat", "file"))
        elif "memory" in controllers.split(","):
            for folder in (root / "memory" / relative, root / "memory"):  # the host's path, or a container's view
                candidates.append(
                    (
                        folder / "memory.limit_in_bytes",
                        folder / "memory.usage_in_bytes",
                        folder / "memory.stat",
                        "cache",
                    )
                )
    return [c for c in candidates if c[0].is_file()]


def _read_number(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    if text == "max":
        return None
    try:
        return int(text)
    except ValueError:
        return None


def _stat_value(path: Path, key: str) -> int:
    try:
        for line in path.read_text().splitlines():
            name, _, value = line.partition(" ")
            if name == key:
                return int(value)
    except (OSError, ValueError):
        pass
    return 0
