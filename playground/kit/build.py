"""`cnn-playground kit build DIR`: fill DIR with everything a classroom PC needs to install and run the
app with no network, for each target (platform × Python). A rebuild into the same folder adds only
what is missing; the manifest is written last, so a build cut off half-way leaves a kit that the
install refuses rather than one that half-works.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from playground import __version__
from playground.kit import contents, manifest
from playground.kit.download import download, remote_size
from playground.kit.layout import CHECK_SCRIPT, CPU_TORCH_INDEX, INSTALL_SCRIPTS, KIT_INFO, WHEELS
from playground.kit.report import TargetSizes, report_lines, size_text
from playground.kit.resolve import Wheel, pip_command, resolve
from playground.kit.targets import Target
from playground.resources import resource_path
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message

APP = "cnn-playground"


@dataclass
class KitOptions:
    targets: list[Target]
    app_wheel: Path | None = None  # a wheel of the app; else one is built from its source folder
    python_installer: Path | None = None
    cpu_only: bool = False  # Linux: torch's CPU build instead of the index's CUDA build
    dry_run: bool = False  # resolve and measure only: nothing is downloaded or written
    guide_writer: contents.GuideWriter | None = None
    say: Callable[[str], None] = field(default=print)


def source_folder() -> Path | None:
    """The app's source checkout (pyproject.toml beside the package), if it runs from one."""
    root = Path(__file__).resolve().parents[2]
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and f'name = "{APP}"' in pyproject.read_text(encoding="utf-8"):
        return root
    return None


def build_app_wheel(folder: Path, given: Path | None) -> Path:
    """The app's own wheel in `folder`: the one given, or built from the source checkout."""
    folder.mkdir(parents=True, exist_ok=True)
    if given is not None:
        if not given.is_file() or not given.name.startswith("cnn_playground-") or given.suffix != ".whl":
            raise PlaygroundError(Message(messages.KIT_NOT_A_WHEEL, path=str(given)))
        target = folder / given.name
        if given.resolve() != target.resolve():
            shutil.copyfile(given, target)
        return target
    source = source_folder()
    if source is None:
        raise PlaygroundError(Message(messages.KIT_NO_SOURCE))
    for old in folder.glob("cnn_playground-*.whl"):
        old.unlink()  # the kit's own earlier build of the app: the source may have changed since
    with tempfile.TemporaryDirectory(prefix="cnnpg-wheel-") as scratch:
        command = [
            *pip_command(),
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "--quiet",
            "--wheel-dir",
            scratch,
            str(source),
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        built = sorted(Path(scratch).glob("cnn_playground-*.whl"))
        if result.returncode != 0 or not built:
            raise PlaygroundError(Message(messages.KIT_WHEEL_NOT_BUILT, reason=result.stderr.strip()[-300:]))
        return Path(shutil.move(str(built[0]), folder / built[0].name))


def cpu_index_reachable() -> bool:
    try:
        with urllib.request.urlopen(f"{CPU_TORCH_INDEX}/torch/", timeout=15):
            return True
    except OSError:
        return False


def index_options(target: Target, cpu_only: bool) -> list[str]:
    return ["--extra-index-url", CPU_TORCH_INDEX] if cpu_only and target.platform == "linux" else []


def write_scripts(kit: Path, pythons: list[str], installer: str | None) -> None:
    values = {
        "@VERSION@": __version__,
        "@PYTHONS@": " ".join(pythons),
        "@INSTALLER@": installer.replace("/", "\\") if installer else "",
        "@INSTALLER_SHA256@": manifest.sha256_of(kit / installer) if installer else "",
    }
    for name in INSTALL_SCRIPTS:
        text = resource_path("kit", name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        newline = "\r\n" if name.endswith(".bat") else "\n"  # cmd.exe misreads labels in LF-only files
        with open(kit / name, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
        (kit / name).chmod(0o755)
    check = kit / CHECK_SCRIPT
    check.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(manifest.__file__), check)


def _folder_size(kit: Path, prefix: str) -> int:
    folder = kit / prefix
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def build_kit(kit: Path, options: KitOptions) -> list[str]:
    """Build (or complete) the kit; the report's lines."""
    say = options.say
    started = time.monotonic()
    cpu_reachable = cpu_index_reachable() if any(t.platform == "linux" for t in options.targets) else None
    if options.cpu_only and not cpu_reachable:
        raise PlaygroundError(Message(messages.KIT_CPU_INDEX_UNREACHABLE, index=CPU_TORCH_INDEX))
    if not options.dry_run:
        kit.mkdir(parents=True, exist_ok=True)
        if any(kit.iterdir()) and not (kit / KIT_INFO).is_file():
            raise PlaygroundError(Message(messages.KIT_FOLDER_NOT_EMPTY, folder=str(kit)))
    try:
        known = manifest.read_manifest(kit)
    except (ValueError, UnicodeDecodeError):
        known = {}  # a damaged manifest: every file is hashed again
    earlier = json.loads((kit / KIT_INFO).read_text(encoding="utf-8")) if (kit / KIT_INFO).is_file() else {}
    scratch = tempfile.TemporaryDirectory(prefix="cnnpg-kit-") if options.dry_run else None
    wheels_folder = Path(scratch.name) if scratch else kit / WHEELS
    try:
        app_wheel = build_app_wheel(wheels_folder, options.app_wheel)
        say(f"the app: {app_wheel.name}")
        sizes, info_targets = [], dict(earlier.get("targets", {}))  # targets built before stay in the kit
        for target in options.targets:
            say(f"{target.name}: finding the wheels…")
            extra = index_options(target, options.cpu_only)
            wheels = resolve([str(app_wheel)], target, extra)
            if not options.dry_run:
                brought = download(wheels, target, wheels_folder, extra, known, say)
                say(f"{target.name}: {len(wheels)} wheels, {size_text(brought)} brought in now")
            sizes.append(
                TargetSizes(target.name, target.platform, target.python, _sizes(wheels, wheels_folder, options.dry_run))
            )
            info_targets[target.name] = {
                "platform": target.platform,
                "python": target.python,
                "wheels": [w.filename for w in wheels],
            }
    finally:
        if scratch:
            scratch.cleanup()
    other: dict[str, int] = {}
    weights = contents.Weights()
    no_python = [t.name for t in options.targets if t.platform == "windows"]
    if not options.dry_run:
        weights = contents.collect_weights(kit, known, say)
        for key, reason in weights.refused.items():
            say(f"warning: the weights found for {key} were not taken: {reason}")
        datasets = contents.collect_datasets(kit, known)
        examples = contents.collect_examples(kit, known)
        guides = contents.write_guides(kit, options.guide_writer)
        installer = contents.add_python_installer(kit, options.python_installer, known)
        if installer:
            no_python = []
        write_scripts(kit, sorted({t["python"] for t in info_targets.values()}, reverse=True), installer)
        info = {
            "app": APP,
            "version": __version__,
            "built": datetime.now(UTC).isoformat(timespec="seconds"),
            "targets": info_targets,
            "weights": weights.found,
            "weights_missing": weights.missing,
            "weights_refused": weights.refused,
            "datasets": datasets,
            "examples": examples,
            "guide": guides,
            "python_installer": installer,
        }
        (kit / KIT_INFO).write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _drop_unlisted_wheels(kit, info_targets, say)
        manifest.write_manifest(kit, known)
        other = {
            "pretrained weights": _folder_size(kit, "weights"),
            "datasets": _folder_size(kit, "datasets"),
            "examples, teacher's guide, install scripts": sum(
                _folder_size(kit, p) for p in ("examples", "guide", "tools")
            )
            + sum((kit / name).stat().st_size for name in (*INSTALL_SCRIPTS, KIT_INFO, manifest.MANIFEST)),
            "Python installer": _folder_size(kit, "python"),
        }
    seconds = time.monotonic() - started
    title = f"Kit {kit}" if not options.dry_run else f"Kit {kit} (dry run: measured, nothing downloaded)"
    lines = report_lines(f"{title}, {seconds:.0f} s", sizes, other, weights.missing, no_python, cpu_reachable)
    return lines


def _sizes(wheels: list[Wheel], folder: Path, dry_run: bool) -> dict[str, int | None]:
    if dry_run:
        return {
            w.filename: (folder / w.filename).stat().st_size if w.name == APP else remote_size(w.url) for w in wheels
        }
    return {w.filename: (folder / w.filename).stat().st_size for w in wheels}


def _drop_unlisted_wheels(kit: Path, targets: dict, say: Callable[[str], None]) -> None:
    """Wheels of an earlier build that no target of this one needs (another torch, a target left
    out) leave the kit: they are the kit's own files, and pip would otherwise see them."""
    wanted = {name for target in targets.values() for name in target["wheels"]}
    for path in sorted((kit / WHEELS).glob("*.whl")):
        if path.name not in wanted:
            path.unlink()
            say(f"  removed {path.name} (no target needs it now)")
