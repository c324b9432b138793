"""The window's training process from the outside: its line protocol, its control words, the
decoded-image cache it shares with the window, and how it refuses what it cannot train."""

import json
import os
import subprocess
import sys
import time

import pytest
import torch

from playground.ml.data import image_cache
from playground.ml.data import prepare as data
from playground.ml.data.prepare import load_image_folder
from playground.ml.training import protocol
from playground.ml.training.events import BatchFinished, EpochFinished, Failed, Finished, Loading, Refused, Started
from playground.spec import messages
from playground.spec.messages import Message
from playground.spec.project import save_project

from .helpers import tiny_project, write_class_folder


def test_events_cross_the_protocol_unchanged_and_messages_stay_translatable():
    events = [
        Started(device="CPU", start_epoch=0, epochs=3, train_images=100, val_images=20, parameters=1234),
        BatchFinished(epoch=1, batch=2, batches=10, loss=0.5, accuracy=0.25, images_per_second=1000.0),
        EpochFinished(
            epoch=1,
            epochs=3,
            train_loss=0.5,
            train_acc=0.6,
            val_loss=0.7,
            val_acc=0.8,
            seconds=1.5,
            images_per_second=900.0,
            learning_rate=0.001,
            is_best=True,
        ),
        Finished(reason="completed", epochs_done=3, best_epoch=2, best_val_acc=0.9, checkpoint="/runs/best.pt"),
        Loading(done=5, total=10),
        Failed(
            reason="nan", message=Message(messages.LOSS_NOT_FINITE, epoch=2, previous=1, learning_rate="0.1"), epoch=2
        ),
        Refused(message=Message(messages.NO_LAYERS)),
    ]
    for event in events:
        line = protocol.encode(event)
        assert line.isascii() and "\n" not in line  # one line, whatever the console's encoding
        assert protocol.decode(line) == event
    failed = protocol.decode(protocol.encode(events[5]))
    assert isinstance(failed.message, Message) and failed.message.template == messages.LOSS_NOT_FINITE
    assert protocol.decode(protocol.hello()) == protocol.VERSION


def test_a_nan_loss_travels_as_json_null_and_junk_is_refused():
    line = protocol.encode(
        BatchFinished(epoch=1, batch=1, batches=1, loss=float("nan"), accuracy=0.0, images_per_second=1.0)
    )
    assert "NaN" not in line and json.loads(line)["loss"] is None
    for junk in ("", "not json", "[1, 2]", '{"event": "unknown"}', '{"event": "batch", "epoch": 1}', "{" * 10_000):
        with pytest.raises(protocol.ProtocolError):
            protocol.decode(junk)


def _child(project_file, out, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "playground", "train", str(project_file), "--out", str(out), "--child", *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _events(child):
    for raw in child.stdout:
        if not raw.strip():
            continue  # the new line that ends whatever was printed before the protocol began
        record = protocol.decode(raw)
        if not isinstance(record, int):
            yield record


def test_the_child_trains_stops_on_its_word_and_keeps_the_last_epoch(tmp_path):
    save_project(tiny_project(epochs=500, batch_size=4), tmp_path / "p.json")
    child = _child(tmp_path / "p.json", tmp_path / "run")
    seen = []
    for event in _events(child):
        seen.append(event)
        if isinstance(event, EpochFinished):
            child.stdin.write(b"pause\n")
            child.stdin.flush()
            time.sleep(0.5)
            child.stdin.write(b"resume\nstop\n")
            child.stdin.flush()
    assert child.wait(60) == 0
    assert isinstance(seen[0], Started) and isinstance(seen[-1], Finished) and seen[-1].reason == "stopped"
    assert (tmp_path / "run" / "last.pt").exists() and (tmp_path / "run" / "best.pt").exists()


def test_the_child_stops_when_the_window_goes_away(tmp_path):
    save_project(tiny_project(epochs=500, batch_size=4), tmp_path / "p.json")
    child = _child(tmp_path / "p.json", tmp_path / "run")
    for event in _events(child):
        if isinstance(event, BatchFinished):
            child.stdin.close()  # the window's end of the pipe: closed as when it crashes
        if isinstance(event, Finished):
            assert event.reason == "stopped"
    assert child.wait(60) == 0


def test_the_child_runs_below_the_window_in_priority(tmp_path):
    if not hasattr(os, "getpriority"):
        pytest.skip("POSIX niceness")
    save_project(tiny_project(epochs=500), tmp_path / "p.json")
    child = _child(tmp_path / "p.json", tmp_path / "run")
    next(e for e in _events(child) if isinstance(e, Started))
    assert os.getpriority(os.PRIO_PROCESS, child.pid) > os.getpriority(os.PRIO_PROCESS, 0)
    child.stdin.write(b"stop\n")
    child.stdin.close()
    child.wait(60)


def test_a_project_it_cannot_train_is_one_refusal_in_the_protocol(tmp_path):
    save_project(tiny_project(source=str(tmp_path / "nowhere")), tmp_path / "p.json")
    child = _child(tmp_path / "p.json", tmp_path / "run")
    child.stdin.close()
    events = list(_events(child))
    assert child.wait(60) == 2
    assert len(events) == 1 and isinstance(events[0], Refused) and "is not a folder" in events[0].message
    assert isinstance(events[0].message, Message)  # the window shows it in its own language
    assert b"Traceback" not in child.stderr.read()


# ---------------------------------------------------------------------------------------- the cache


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(image_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _count_decodes(monkeypatch):
    calls = []
    decode = data.decode_image

    def counted(*args, **kwargs):
        calls.append(args[0])
        return decode(*args, **kwargs)

    monkeypatch.setattr(data, "decode_image", counted)
    return calls


def test_a_folder_is_decoded_once_and_the_second_load_is_the_same(tmp_path, own_cache, monkeypatch):
    root = write_class_folder(tmp_path / "p", {"a": 20, "b": 20})
    (root / "a" / "broken.png").write_text("nope")
    decodes = _count_decodes(monkeypatch)
    first = load_image_folder(root, (16, 16), 3)
    assert len(decodes) == 41
    second = load_image_folder(root, (16, 16), 3)
    assert len(decodes) == 41  # nothing decoded again
    assert torch.equal(first.images, second.images) and torch.equal(first.labels, second.labels)
    assert second.paths == first.paths and [str(s) for s in second.skipped] == [str(s) for s in first.skipped]
    assert isinstance(second.skipped[0].reason, Message)  # still translatable
    load_image_folder(root, (8, 8), 3)  # another size: another entry
    assert len(decodes) == 82


def test_the_same_folder_by_another_path_is_the_same_entry(tmp_path, own_cache, monkeypatch):
    root = write_class_folder(tmp_path / "p", {"a": 5, "b": 5})
    decodes = _count_decodes(monkeypatch)
    load_image_folder(root, (16, 16), 3)
    load_image_folder(tmp_path / "p" / "a" / ".." / ".." / "p", (16, 16), 3)  # as a relative source resolves
    assert len(decodes) == 10


def test_a_file_rewritten_with_its_size_and_time_restored_is_decoded_again(tmp_path, own_cache, monkeypatch):
    root = write_class_folder(tmp_path / "p", {"a": 5, "b": 5})
    decodes = _count_decodes(monkeypatch)
    first = load_image_folder(root, (16, 16), 3)
    victim = sorted((root / "a").iterdir())[0]
    before = victim.stat()
    from PIL import Image

    Image.new("RGB", (20, 20), (250, 250, 250)).save(victim)  # other pixels
    victim.write_bytes(victim.read_bytes()[: before.st_size].ljust(before.st_size, b"\0"))
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))  # as cp -p or unzip leave it
    again = load_image_folder(root, (16, 16), 3)
    assert len(decodes) > 10 and not torch.equal(first.images, again.images)


def test_a_changed_file_or_a_damaged_cache_means_decoding_again(tmp_path, own_cache, monkeypatch):
    root = write_class_folder(tmp_path / "p", {"a": 5, "b": 5})
    decodes = _count_decodes(monkeypatch)
    load_image_folder(root, (16, 16), 3)
    victim = sorted((root / "a").iterdir())[0]
    victim.write_bytes(sorted((root / "b").iterdir())[0].read_bytes())  # other pixels, other size/time
    os.utime(victim, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    changed = load_image_folder(root, (16, 16), 3)
    assert len(decodes) == 20 and len(changed) == 10
    for entry in own_cache.glob(f"*{image_cache.SUFFIX}"):
        entry.write_bytes(entry.read_bytes()[:100])  # truncated
    again = load_image_folder(root, (16, 16), 3)
    assert len(decodes) == 30 and torch.equal(again.images, changed.images)


def test_the_cache_stays_within_its_size(tmp_path, own_cache, monkeypatch):
    monkeypatch.setattr(image_cache, "LIMIT_BYTES", 40_000)
    root = write_class_folder(tmp_path / "p", {"a": 10, "b": 10})
    for side in (16, 17, 18, 19, 20):  # ~18-24 KB each
        load_image_folder(root, (side, side), 3)
    sizes = [entry.stat().st_size for entry in own_cache.glob(f"*{image_cache.SUFFIX}")]
    assert 0 < sum(sizes) <= 40_000 and len(sizes) < 5
    assert not list(own_cache.glob(".*")), "no temporary file left behind"


def _with_sitecustomize(tmp_path, code: str) -> dict:
    """An environment whose Python runs `code` at start-up: faults made inside the child."""
    folder = tmp_path / "inject"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(code)
    # This checkout's playground stays first after it: not whichever one the environment has installed.
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}


def test_what_a_library_prints_never_breaks_a_protocol_line(tmp_path):
    save_project(tiny_project(epochs=1), tmp_path / "p.json")
    noisy = "import builtins, sys\nsys.stdout.write('a library says hello without a newline')\n"
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "playground",
            "train",
            str(tmp_path / "p.json"),
            "--out",
            str(tmp_path / "run"),
            "--child",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=_with_sitecustomize(tmp_path, noisy),
    )
    lines = child.stdout.read().splitlines()
    child.wait(60)
    decoded = [protocol.decode(line) for line in lines if line.strip() and b"hello" not in line]  # not a library's
    assert decoded[0] == protocol.VERSION and isinstance(decoded[-1], Finished)
    assert sum(isinstance(e, EpochFinished) for e in decoded) == 1


def test_a_full_disk_is_one_translatable_refusal_and_the_finished_epochs_stay(tmp_path):
    save_project(tiny_project(epochs=3), tmp_path / "p.json")
    full_at_epoch_2 = (
        "import errno\nfrom playground.ml.training import engine\nsave = engine.save_checkpoint\ncalls = []\n"
        "def failing(checkpoint, path):\n    calls.append(path)\n"
        "    if len(calls) > 1:\n        raise OSError(errno.ENOSPC, 'No space left on device', str(path))\n"
        "    return save(checkpoint, path)\nengine.save_checkpoint = failing\n"
    )
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "playground",
            "train",
            str(tmp_path / "p.json"),
            "--out",
            str(tmp_path / "run"),
            "--child",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=_with_sitecustomize(tmp_path, full_at_epoch_2),
    )
    events = list(_events(child))
    assert child.wait(60) == 2
    assert isinstance(events[-1], Refused) and events[-1].message.template == messages.RUN_FOLDER_NOT_WRITABLE
    assert (tmp_path / "run" / "last.pt").exists()  # epoch 1's


def test_under_torchrun_a_stop_is_honoured_in_epochs_of_a_few_batches(tmp_path):
    """Only rank 0 hears the window; the processes agree at every epoch's last batch too, so a
    stop arrives even when an epoch is shorter than the agreement interval."""
    few_batches = tiny_project(epochs=200, batch_size=512)  # digits: 1,347 images, 2 processes: 2 batches each
    save_project(few_batches, tmp_path / "p.json")
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "torch.distributed.run",
            "--standalone",
            "--nproc-per-node=2",
            "-m",
            "playground",
            "train",
            str(tmp_path / "p.json"),
            "--out",
            str(tmp_path / "run"),
            "--child",
            "--device",
            "cpu",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    finished = None
    for event in _events(child):
        if isinstance(event, EpochFinished) and event.epoch == 1:
            child.stdin.write(b"stop\n")
            child.stdin.flush()
        if isinstance(event, Finished):
            finished = event
    assert child.wait(120) == 0
    assert finished is not None and finished.reason == "stopped" and finished.epochs_done < 10
