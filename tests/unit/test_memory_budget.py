"""One memory budget (issue 21): what is usable is the least of physical memory, what is available,
the address-space limit and a cgroup limit; what a run holds is estimated from the network measured
on the meta device, and the estimate is compared here with the peak resident memory of real runs;
a network that cannot fit is refused with the numbers, before anything is built or loaded."""

import json
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from playground.ml.machine import memory_budget
from playground.ml.machine.memory_budget import usable_bytes
from playground.ml.network.network_memory import measure_network, training_bytes
from playground.spec.layers import Conv2d, Dense, Flatten, MaxPool2d
from playground.spec.project import Project, save_project
from playground.spec.settings import DataSettings, TrainingSettings

from .helpers import REPO, tiny_project

GB = 1024**3


def _python(code: str, *, limit_as: int | None = None, cgroup: Path | None = None, timeout: int = 300):
    """Run `code` in a fresh Python (this checkout's playground), under an address-space limit (bytes
    beyond what the interpreter already has) or inside a cgroup; returns the completed process."""
    prelude = "import os, resource, sys\n"
    if cgroup is not None:
        prelude += f"open({str(cgroup / 'cgroup.procs')!r}, 'w').write(str(os.getpid()))\n"
    if limit_as is not None:
        prelude += (
            "size = int(open('/proc/self/statm').read().split()[0]) * os.sysconf('SC_PAGE_SIZE')\n"
            f"resource.setrlimit(resource.RLIMIT_AS, (size + {limit_as}, resource.RLIM_INFINITY))\n"
        )
    environment = {**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        cwd=REPO,
    )


# ------------------------------------------------------------------------------------ what is usable


def test_usable_is_the_least_of_every_limit(monkeypatch):
    assert 0 < usable_bytes() <= memory_budget.physical_bytes()
    for name in ("available_bytes", "address_space_left", "cgroup_left"):
        with monkeypatch.context() as patch:
            patch.setattr(memory_budget, name, lambda: 123 * 1024**2)
            assert usable_bytes() == 123 * 1024**2, name


def test_the_address_space_limit_is_counted():
    ran = _python(
        """
        from playground.ml.machine import memory_budget
        print(memory_budget.address_space_left(), memory_budget.usable_bytes())
        """,
        limit_as=1 * GB,
    )
    assert ran.returncode == 0, ran.stderr
    left, usable = map(int, ran.stdout.split())
    assert 0.5 * GB < left <= 1 * GB and usable <= left


def _memory_cgroup_here() -> Path | None:
    """A folder where a child cgroup v1 with a memory limit can be made (root, cgroup v1 mounted)."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if "memory" in controllers.split(","):
            folder = Path("/sys/fs/cgroup/memory") / path.lstrip("/")
            if os.access(folder, os.W_OK) and (folder / "memory.limit_in_bytes").exists():
                return folder
    return None


@pytest.fixture
def memory_cgroup():
    """A cgroup v1 limited to 600 MB, removed afterwards."""
    parent = _memory_cgroup_here()
    if parent is None:
        pytest.skip("no writable cgroup v1 memory controller on this machine")
    folder = parent / f"cnnpg-test-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    try:
        (folder / "memory.limit_in_bytes").write_text(str(600 * 1024**2))
        yield folder
    finally:
        for _ in range(50):  # its processes have ended; the kernel lets it go once they are reaped
            try:
                folder.rmdir()
                break
            except OSError:
                import time

                time.sleep(0.1)


def test_a_cgroup_v1_limit_is_counted_and_a_run_that_cannot_fit_is_refused_with_the_numbers(memory_cgroup, tmp_path):
    probe = _python(
        "from playground.ml.machine import memory_budget; print(memory_budget.cgroup_left())", cgroup=memory_cgroup
    )
    assert probe.returncode == 0, probe.stderr
    assert 0 < int(probe.stdout) <= 600 * 1024**2
    # A network whose training needs ~2 GB: refused before anything is built, not killed by the kernel.
    project = tiny_project().replace(layers=(Flatten(), Dense(units=60_000), Dense(units="auto")))
    save_project(project, tmp_path / "p.json")
    ran = _python(
        f"""
        from playground.cli import main
        sys.exit(main(["train", {str(tmp_path / "p.json")!r}, "--out", {str(tmp_path / "run")!r}]))
        """,
        cgroup=memory_cgroup,
    )
    assert ran.returncode == 2, ran.stderr[-2000:]
    assert ran.stderr.startswith("error: the network needs") and "9,300,010 parameters" in ran.stderr
    assert "Traceback" not in ran.stderr and ran.stderr.count("\n") == 1


# ------------------------------------------------------------------------------------ refused before building


def test_a_tiny_checkpoint_of_a_huge_network_is_refused_under_an_address_space_limit(tmp_path):
    """25 KB describing a 6 GB network: predict, export and bundles say so with the numbers (it was
    built first, and failed with a traceback, when only physical memory was counted)."""
    from playground.ml.files.checkpoints import save_checkpoint

    from .test_robustness import _checkpoint

    project = tiny_project().replace(
        data=DataSettings(source="builtin:digits", image_size=(128, 128), channels=3),
        layers=(Flatten(), Dense(units=30_000), Dense(units="auto")),
    )
    save_checkpoint(_checkpoint(project=project, model_state={}, mean=[0.5] * 3, std=[0.2] * 3), tmp_path / "c.pt")
    assert (tmp_path / "c.pt").stat().st_size < 100_000
    image = tmp_path / "i.png"
    from PIL import Image

    Image.new("RGB", (8, 8)).save(image)
    for command in (
        ["predict", str(tmp_path / "c.pt"), str(image)],
        ["export", str(tmp_path / "c.pt"), "--format", "onnx", "--output", str(tmp_path / "c.onnx")],
    ):
        ran = _python(f"from playground.cli import main; sys.exit(main({command!r}))", limit_as=6 * GB)
        assert ran.returncode == 2, ran.stderr[-2000:]
        assert "needs" in ran.stderr and "GB of memory" in ran.stderr and "1,474,650,002 parameters" in ran.stderr
        assert "Traceback" not in ran.stderr and "alloc_cpu" not in ran.stderr and ran.stderr.count("\n") == 1
    ran = _python(
        f"""
        from playground.ml.files.bundle import check_bundle_checkpoint
        from pathlib import Path
        from playground.spec.errors import PlaygroundError
        try:
            check_bundle_checkpoint(Path({str(tmp_path / "c.pt")!r}))
        except PlaygroundError as error:
            print(error)
        """,
        limit_as=6 * GB,
    )
    assert "1,474,650,002 parameters" in ran.stdout and "GB of memory" in ran.stdout, ran.stderr[-2000:]


def test_the_windows_child_refuses_a_network_that_cannot_fit_before_loading_any_image(tmp_path, monkeypatch):
    from playground.ml.training.child import run_child
    from playground.ml.training.events import Refused
    from playground.ml.training.run_setup import RunRequest

    loaded = []
    monkeypatch.setattr("playground.ml.training.run_setup.prepare_data", lambda *args, **kwargs: loaded.append(1))
    monkeypatch.setattr(memory_budget, "usable_bytes", lambda: 200 * 1024**2)
    sent = []
    monkeypatch.setattr("playground.ml.training.child._Sender.event", lambda self, event: sent.append(event))
    monkeypatch.setattr("playground.ml.training.child._protocol_stream", lambda: open(os.devnull, "w"))  # noqa: SIM115
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115 (the control thread's end of the pipe)
    monkeypatch.setattr("playground.ml.training.child.lower_priority", lambda: None)
    project = tiny_project().replace(layers=(Flatten(), Dense(units=60_000), Dense(units="auto")))
    save_project(project, tmp_path / "p.json")
    status = run_child(RunRequest(project=str(tmp_path / "p.json"), out=tmp_path / "run", device="cpu"))
    assert status == 2 and not loaded
    assert isinstance(sent[-1], Refused) and "GB of memory" in sent[-1].message


# ------------------------------------------------------------------------------------ measured


def _layers(kind: str):
    if kind == "small":
        return (Conv2d(filters=8, kernel=(3, 3), activation="relu"), MaxPool2d(), Flatten(), Dense(units="auto")), 16
    if kind == "many weights":
        return (Flatten(), Dense(units=2000, activation="relu"), Dense(units="auto")), 32
    return (  # many activations
        Conv2d(filters=64, kernel=(3, 3), activation="relu", padding="same"),
        Conv2d(filters=64, kernel=(3, 3), activation="relu", padding="same"),
        MaxPool2d(),
        Flatten(),
        Dense(units="auto"),
    ), 32


MEASURE = """
import gc, json
import torch
from playground.ml.data.prepare import prepare_data
from playground.ml.training.engine import fit
from playground.ml.network.network_memory import measure_network, training_bytes
from playground.spec.project import load_project

project = load_project(sys.argv[1])
data = prepare_data(project.data, 0)
estimate = training_bytes(measure_network(project, 10), project.training.batch_size).total
gc.collect()
open("/proc/self/clear_refs", "w").write("5")  # the peak from here on (VmHWM)
before = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
for event in fit(project, data, out_dir=sys.argv[2]):
    pass
peak = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"estimate": estimate, "measured": peak - before}))
"""


@pytest.mark.parametrize("kind", ["small", "many weights", "many activations"])
def test_the_training_estimate_covers_the_measured_peak(tmp_path, kind):
    """Peak resident memory of a real run (its weights, gradients, Adam's moments, the snapshots of
    the last and best epochs, the checkpoint written and copied to best.pt, the activations) against
    the estimate: never under it, and not wildly over it for a network of some size."""
    layers, side = _layers(kind)
    project = Project(
        name="m",
        data=DataSettings(source="builtin:digits", image_size=(side, side), channels=3, val_fraction=0.8),
        layers=layers,
        training=TrainingSettings(epochs=2, batch_size=64, seed=0, device="cpu"),
    )
    save_project(project, tmp_path / "p.json")
    code = "import os, sys\nsys.argv = sys.argv[:1] + " + repr([str(tmp_path / "p.json"), str(tmp_path / "run")])
    ran = _python(code + MEASURE)
    assert ran.returncode == 0, ran.stderr[-3000:]
    result = json.loads(ran.stdout.splitlines()[-1])
    assert result["measured"] <= result["estimate"], result
    if kind != "small":  # a small network's estimate is mostly the fixed overhead
        assert result["estimate"] <= 3 * result["measured"], result


def test_parameters_are_not_activations():
    """'the network has N parameters: X GB' counted activations as parameters (650 parameters, 16.5 GB)."""
    project = tiny_project().replace(
        data=DataSettings(source="builtin:digits", image_size=(512, 512), channels=3),
        layers=(Conv2d(filters=8, kernel=(3, 3), activation="relu"), MaxPool2d(), Flatten(), Dense(units="auto")),
    )
    size = measure_network(project, 10)
    assert size.parameters == 8 * 27 + 8 + (8 * 255 * 255) * 10 + 10
    estimate = training_bytes(size, 32)
    assert estimate.activations > 10 * estimate.weights  # what makes it large is said to be the images at once
