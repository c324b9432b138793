"""The size report that ends `kit build`: per part (app, torch, CUDA libraries, Qt, other
dependencies, weights, datasets, documents) and per target, with what the CUDA libraries cost on
Linux and that Windows and macOS get CPU builds of torch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from packaging.utils import canonicalize_name, parse_wheel_filename

from playground.kit.layout import CPU_TORCH_INDEX

TORCH = {"torch", "torchvision"}
QT = {"pyside6-essentials", "pyside6", "shiboken6", "pyside6-addons"}


def size_text(size: int | None) -> str:
    if size is None:
        return "?"
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def part_of_wheel(filename: str) -> str:
    name = canonicalize_name(parse_wheel_filename(filename)[0])
    if name == "cnn-playground":
        return "the app"
    if name in TORCH:
        return "torch and torchvision"
    if name.startswith(("nvidia-", "cuda-")) or name == "triton":
        return "CUDA libraries (nvidia-*, triton)"
    if name in QT:
        return "Qt (PySide6)"
    return "other dependencies"


PART_ORDER = (
    "the app",
    "torch and torchvision",
    "CUDA libraries (nvidia-*, triton)",
    "Qt (PySide6)",
    "other dependencies",
    "pretrained weights",
    "datasets",
    "examples, teacher's guide, install scripts",
    "Python installer",
)


@dataclass
class TargetSizes:
    name: str
    platform: str
    python: str
    wheels: dict[str, int | None]  # file name -> size (None: unknown before downloading)

    def total(self) -> int | None:
        sizes = list(self.wheels.values())
        return None if None in sizes else sum(sizes)

    def of_part(self, part: str) -> int:
        return sum(size or 0 for name, size in self.wheels.items() if part_of_wheel(name) == part)


def report_lines(
    title: str,
    targets: list[TargetSizes],
    other_parts: dict[str, int],
    missing_weights: Iterable[str],
    no_python: Iterable[str],
    cpu_index_reachable: bool | None,
) -> list[str]:
    wheel_sizes: dict[str, int | None] = {}
    for target in targets:
        wheel_sizes.update(target.wheels)
    parts: dict[str, int] = dict.fromkeys(PART_ORDER, 0)
    for name, size in wheel_sizes.items():
        parts[part_of_wheel(name)] += size or 0
    parts.update(other_parts)
    total = sum(parts.values())
    lines = [title, ""]
    lines += [f"  {part:<45} {size_text(size):>9}" for part, size in parts.items() if size]
    lines += [f"  {'in all':<45} {size_text(total):>9}", "", "Per target (its wheels; the kit shares the same files):"]
    for target in targets:
        cuda = target.of_part("CUDA libraries (nvidia-*, triton)")
        note = ""
        if target.platform == "linux" and cuda:
            note = f"  of which CUDA libraries {size_text(cuda)}"
        elif target.platform == "windows":
            note = "  torch from the index is a CPU build here (no CUDA libraries)"
        elif target.platform == "macos":
            note = "  torch from the index has no CUDA libraries here (a Mac's GPU through MPS)"
        lines.append(f"  {target.name:<24} {len(target.wheels):>3} wheels {size_text(target.total()):>9}{note}")
    linux_cuda = [t for t in targets if t.platform == "linux" and t.of_part("CUDA libraries (nvidia-*, triton)")]
    if linux_cuda:
        cuda = linux_cuda[0].of_part("CUDA libraries (nvidia-*, triton)")
        lines += [
            "",
            f"On Linux torch comes with its CUDA libraries ({size_text(cuda)} of wheels, about twice that"
            " installed), used only with an NVIDIA GPU.",
        ]
        if cpu_index_reachable:
            lines.append(
                f"  To leave them out: build again with --cpu-only (torch's CPU build from {CPU_TORCH_INDEX})."
            )
        else:
            lines.append(
                f"  To leave them out: --cpu-only takes torch's CPU build from {CPU_TORCH_INDEX}, which cannot"
                " be reached from this machine now."
            )
    missing = list(missing_weights)
    if missing:
        lines += [
            "",
            f"Networks whose weights are not on this machine (not in the kit): {', '.join(missing)}",
            "  `cnn-playground weights` says where to get each; import them, then build again.",
        ]
    for name in no_python:
        lines += [
            "",
            f"No Python in the kit for {name}: the PC needs that Python already, or build again with"
            " --python-installer FILE (python.org's Windows installer of that Python, e.g."
            " python-3.12.10-amd64.exe).",
        ]
    for target in targets:
        if target.platform == "linux":
            lines += [
                "",
                f"No Python in the kit for {target.name}: install.sh uses the PC's own (Debian 12: 3.11,"
                " Ubuntu 24.04: 3.12) with its venv module (Debian and Ubuntu: python3-venv); glibc 2.34 or"
                " newer (Ubuntu 22.04, Debian 12).",
            ]
        elif target.platform == "macos":
            lines += [
                "",
                f"No Python in the kit for {target.name}: install python.org's Python {target.python} on"
                " each Mac first (macOS's own python3 is older).",
            ]
    return lines
