"""A folder whose decoded images do not fit the memory the app may use trains from the cache on
disk, memory-mapped, instead of being refused."""

import json

import pytest
import torch

from playground.cli import main
from playground.ml.data import image_cache, streamed_cache
from playground.ml.data import prepare as data
from playground.ml.data.prepare import LoadCancelled, load_image_folder
from playground.ml.machine import memory_budget
from playground.spec.project import save_project

from .helpers import tiny_project, write_class_folder

SMALL_BUDGET = 256 * 1024  # bytes the app may use: far less than the folders below decode to


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(image_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def small_memory(monkeypatch):
    monkeypatch.setattr(memory_budget, "usable_bytes", lambda: SMALL_BUDGET)


def test_a_set_larger_than_memory_is_mapped_and_holds_the_same_images(tmp_path, own_cache, monkeypatch):
    root = write_class_folder(tmp_path / "p", {"a": 30, "b": 30}, size=24)
    (root / "a" / "broken.png").write_text("nope")
    in_memory = load_image_folder(root, (16, 16), 3)
    assert not in_memory.mapped
    monkeypatch.setattr(memory_budget, "usable_bytes", lambda: SMALL_BUDGET)
    monkeypatch.setattr(streamed_cache, "CHUNK_BYTES", 7 * 3 * 16 * 16)  # 7 images decoded at a time
    chunks = []
    decode_files = data.decode_files
    monkeypatch.setattr(
        data, "decode_files", lambda paths, *a, **k: chunks.append(len(paths)) or decode_files(paths, *a, **k)
    )
    mapped = load_image_folder(root, (16, 16), 3)
    assert mapped.mapped and max(chunks) == 7 and sum(chunks) == 61  # memory holds one chunk, never the set
    assert len(mapped) == 60 and mapped.images.shape == (60, 3, 16, 16)
    assert torch.equal(mapped.images[torch.arange(60)], in_memory.images) and torch.equal(
        mapped.labels, in_memory.labels
    )
    assert torch.equal(mapped.images[5], in_memory.images[5]) and torch.equal(mapped.images[3:9], in_memory.images[3:9])
    assert mapped.paths == in_memory.paths and [str(s) for s in mapped.skipped] == [str(s) for s in in_memory.skipped]
    order = torch.tensor([59, 2, 31, 2])
    part = mapped.subset(torch.tensor([1, 40, 7, 59]))  # a subset is rows of the file, not a copy
    assert part.mapped and torch.equal(part.images[torch.arange(4)], in_memory.images[[1, 40, 7, 59]])
    assert torch.equal(mapped.images[order], in_memory.images[order])  # a batch in any order, repeats too
    assert data.channel_stats(part.images) == data.channel_stats(in_memory.images[[1, 40, 7, 59]])
    chunks.clear()
    again = load_image_folder(root, (16, 16), 3)
    assert again.mapped and not chunks  # decoded once: the second load maps the file


def test_a_project_larger_than_memory_trains_and_learns(tmp_path, own_cache, monkeypatch, capsys):
    # The network fits in memory (the run's own check, from the real budget), the images are said not to.
    monkeypatch.setattr(data, "images_fit", lambda count, channels, size: False)
    root = write_class_folder(tmp_path / "p", {"red": 100, "green": 100, "blue": 100}, size=20)
    project = tiny_project(source=str(root), epochs=3, learning_rate=0.01)
    save_project(project, tmp_path / "p.json")
    assert main(["train", str(tmp_path / "p.json"), "--out", str(tmp_path / "run"), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    epochs = [record for record in records if record.get("event") == "epoch"]
    assert len(epochs) == 3 and epochs[-1]["val_acc"] >= 0.9  # one dominant colour per class: easy
    assert list(own_cache.glob(f"*{streamed_cache.SUFFIX}")) and (tmp_path / "run" / "best.pt").is_file()


def test_a_damaged_mapped_file_is_decoded_again_and_a_cancelled_decode_leaves_nothing(
    tmp_path, own_cache, small_memory
):
    root = write_class_folder(tmp_path / "p", {"a": 10, "b": 10}, size=20)
    first = load_image_folder(root, (16, 16), 3)
    (stored,) = own_cache.glob(f"*{streamed_cache.SUFFIX}")
    stored.write_bytes(stored.read_bytes()[:-10])  # truncated
    second = load_image_folder(root, (16, 16), 3)
    assert second.mapped and torch.equal(second.images[torch.arange(20)], first.images[torch.arange(20)])
    with pytest.raises(LoadCancelled):
        load_image_folder(root, (12, 12), 3, should_stop=lambda: True)
    assert sorted(p.name for p in own_cache.iterdir()) == [stored.name]  # no temporary file, no half set


def test_a_set_the_disk_cannot_hold_is_refused_with_the_numbers(tmp_path, own_cache, small_memory, monkeypatch):
    import shutil
    from collections import namedtuple

    root = write_class_folder(tmp_path / "p", {"a": 10, "b": 10}, size=20)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage(10**9, 10**9 - 1024, 1024))
    with pytest.raises(data.DataError, match=r"20 images are more than memory holds.*GB free"):
        load_image_folder(root, (16, 16), 3)
    assert not list(own_cache.glob("*.cnnpg-tmp"))


def test_channel_statistics_of_large_images_hold_a_bounded_float_copy(monkeypatch):
    from playground.ml.data.mapped_images import MappedImages

    images = torch.randint(0, 256, (300, 3, 112, 112), dtype=torch.uint8)
    chunks = []

    class Recording(MappedImages):
        def split(self, size):
            chunks.append(size)
            return super().split(size)

    mapped = Recording(images)
    # 2,048 images of 112 px at once were 1.2 GB of float64 values and squares: a 640 MB cgroup killed it
    (mean, std), (expected_mean, expected_std) = data.channel_stats(mapped), data.channel_stats(images)
    assert mean == pytest.approx(expected_mean) and std == pytest.approx(expected_std)
    assert chunks and chunks[0] * 3 * 112 * 112 * 16 <= data.STATS_BYTES
