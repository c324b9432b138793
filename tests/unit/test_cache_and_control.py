"""What is read back from files and pipes is checked before it is used (issue 21): the decoded-image
cache uses a file only when it was made from exactly these files and its labels and count agree
with them; templates that come back from files never reach into their values' attributes; the
child's control reader keeps a bounded line whatever the window writes."""

import json
import shutil

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import save_file

from playground.ml.data import image_cache
from playground.ml.data import prepare as data
from playground.ml.data.prepare import load_image_folder
from playground.ml.training import protocol
from playground.ml.training.events import Refused
from playground.spec.messages import Message

from .helpers import write_class_folder


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(image_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _only_entry(cache) -> object:
    (entry,) = cache.glob(f"*{image_cache.SUFFIX}")
    return entry


def _rewrite(entry, change) -> None:
    """The cache file with its tensors or metadata changed by `change(tensors, metadata)`: a valid file."""
    with safe_open(str(entry), framework="pt") as handle:
        metadata = dict(handle.metadata())
        tensors = {name: handle.get_tensor(name) for name in handle.keys()}  # noqa: SIM118 (safe_open is no dict)
    change(tensors, metadata)
    save_file(tensors, str(entry), metadata=metadata)


def _fresh(root):
    """What decoding the folder gives, without the cache."""
    return data._decode_image_folder(root, *data.scan_image_folder(root), (8, 8), 3, None, None)[0]


def _shift(tensors, metadata):
    tensors["labels"] = (tensors["labels"] + 1) % 2


def _out_of_range(tensors, metadata):
    tensors["labels"][0] = 7


def _fewer(tensors, metadata):
    tensors["images"], tensors["labels"] = tensors["images"][:-1].clone(), tensors["labels"][:-1].clone()
    extra = json.loads(metadata["extra"])
    extra["rows"] = extra["rows"][:-1]
    metadata["extra"] = json.dumps(extra)


def _fewer_rows_dropped_as_skipped(tensors, metadata):  # counts add up, but an image is gone
    _fewer(tensors, metadata)
    extra = json.loads(metadata["extra"])
    extra["skipped"].append({"path": "x", "reason": "?", "row": extra["skipped"][0]["row"] if extra["skipped"] else 0})
    metadata["extra"] = json.dumps(extra)


def _swapped_rows(tensors, metadata):  # every row another class's file
    extra = json.loads(metadata["extra"])
    extra["rows"] = extra["rows"][::-1]
    metadata["extra"] = json.dumps(extra)


def _other_source(tensors, metadata):
    made_from = json.loads(metadata["made_from"])
    made_from[1][0][1] += 1  # one file's size
    metadata["made_from"] = json.dumps(made_from)


@pytest.mark.parametrize(
    "change", [_shift, _out_of_range, _fewer, _fewer_rows_dropped_as_skipped, _swapped_rows, _other_source]
)
def test_a_cache_file_that_disagrees_with_its_files_is_never_used(tmp_path, own_cache, change):
    root = write_class_folder(tmp_path / "p", {"green": 5, "red": 4})
    first = load_image_folder(root, (8, 8), 3)
    _rewrite(_only_entry(own_cache), change)
    again = load_image_folder(root, (8, 8), 3)
    assert torch.equal(again.images, first.images) and torch.equal(again.labels, first.labels)
    assert again.labels.tolist() == [0] * 5 + [1] * 4


def test_another_folders_set_under_this_name_is_never_used(tmp_path, own_cache):
    ours = write_class_folder(tmp_path / "ours", {"green": 4, "red": 4})
    load_image_folder(ours, (8, 8), 3)
    (entry,) = own_cache.glob(f"*{image_cache.SUFFIX}")
    shutil.move(entry, tmp_path / "ours-entry")
    theirs = tmp_path / "theirs"  # the same layout, other pixels: red where ours is green
    write_class_folder(theirs, {"red": 4, "green": 4})
    load_image_folder(theirs, (8, 8), 3)
    (their_entry,) = own_cache.glob(f"*{image_cache.SUFFIX}")
    shutil.copy(their_entry, entry)  # planted under our name
    loaded = load_image_folder(ours, (8, 8), 3)
    assert torch.equal(loaded.images, _fresh(ours).images)


def test_a_cached_skipped_record_never_formats_attribute_access(tmp_path, own_cache):
    root = write_class_folder(tmp_path / "p", {"green": 3, "red": 3})
    (root / "red" / "broken.png").write_text("nope")
    load_image_folder(root, (8, 8), 3)

    def plant(tensors, metadata):
        extra = json.loads(metadata["extra"])
        extra["skipped"] = [{"path": "p", "template": "{path.__class__.__mro__}{values[0]}", "values": {"path": "x"}}]
        metadata["extra"] = json.dumps(extra)

    _rewrite(_only_entry(own_cache), plant)
    loaded = load_image_folder(root, (8, 8), 3)
    assert "class" not in str(loaded.skipped[0]) and "object" not in str(loaded.skipped[0])


@pytest.mark.parametrize("template", ["{x.__class__}", "{x[0]}", "{0}", "{x!r}", "{x:{y}}", "{}"])
def test_templates_with_anything_but_plain_fields_are_refused(template):
    with pytest.raises(ValueError):
        Message(template, x="a", y="3")


def test_a_protocol_record_with_attribute_access_shows_its_text_only():
    line = json.dumps(
        {"event": "refused", "message": {"text": "plain", "template": "{m.__init__.__globals__}", "values": {"m": 1}}}
    )
    event = protocol.decode(line)
    assert isinstance(event, Refused) and event.message == "plain"


# ---------------------------------------------------------------------------------------- control


def test_the_control_reader_keeps_a_bounded_line_whatever_it_reads():
    lines = protocol.ControlLines()
    words = []
    for _ in range(8 * 1024**2 // 256):  # 8 MB without a newline, in the pipe's small chunks
        words += lines.feed(b"x" * 256)
        assert len(lines.pending) <= protocol.MAX_CONTROL_LINE  # what made every read re-join 8 MB
    words += lines.feed(b"stop\n")  # the end of the long line: not a word
    words += lines.feed(b"pa")
    words += lines.feed(b"use\r\nresume\n\nbogus\nstop")
    assert words == ["pause", "resume"]
    assert lines.feed(b"\n") == ["stop"]


def test_the_control_reader_obeys_words_after_a_long_line(tmp_path):
    import os
    import threading

    from playground.ml.training.child import read_control
    from playground.ml.training.engine import TrainingControl

    read_end, write_end = os.pipe()
    control = TrainingControl()
    thread = threading.Thread(target=read_control, args=(read_end, control))
    thread.start()
    os.write(write_end, b"y" * (1024**2) + b"\npause\n")
    os.close(write_end)
    thread.join(30)
    assert not thread.is_alive() and control.stop.is_set()
    os.close(read_end)
