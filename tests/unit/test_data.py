import gzip
import shutil

import numpy as np
import pytest
import torch
from PIL import Image

from playground.ml.data import builtin
from playground.ml.data.folders import class_names_of
from playground.ml.data.prepare import (
    LoadCancelled,
    load_builtin,
    load_dataset,
    load_image_folder,
    prepare_data,
    resize_batch,
    stratified_split,
)
from playground.ml.data.synthetic import SHAPE_CLASSES, generate_shapes
from playground.spec.errors import DataError
from playground.spec.settings import DataSettings

from .helpers import write_class_folder


def test_digits_are_loaded_at_the_project_size_and_channels():
    data = load_builtin("builtin:digits", (32, 32), 1)
    assert data.images.shape == (1797, 1, 32, 32) and data.images.dtype == torch.uint8
    assert data.class_names == tuple("0123456789")
    assert sum(data.class_counts) == 1797 and min(data.class_counts) >= 170
    assert data.images.max() >= 250  # full ink is full white, not 16


def test_animals_come_from_the_package_file_without_its_loader():
    data = load_builtin("builtin:animals", (28, 28), 3)
    assert data.images.shape == (10_000, 3, 28, 28)
    assert data.class_counts == [1000] * 10
    assert data.class_names[:3] == ("bear", "bird", "cat")


def test_the_animal_pickle_reader_runs_no_code(tmp_path):
    import pickle

    class Evil:
        def __reduce__(self):
            return (shutil.rmtree, (str(tmp_path / "victim"),))

    (tmp_path / "victim").mkdir()
    with gzip.open(tmp_path / "evil.gz", "wb") as handle:
        pickle.dump(Evil(), handle)
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        builtin._read_numpy_pickle(tmp_path / "evil.gz")
    assert (tmp_path / "victim").exists()


def test_shapes_are_deterministic_and_balanced():
    first, labels = generate_shapes(seed=3, per_class=4, size=32)
    again, _ = generate_shapes(seed=3, per_class=4, size=32)
    other, _ = generate_shapes(seed=4, per_class=4, size=32)
    assert np.array_equal(first, again) and not np.array_equal(first, other)
    assert np.bincount(labels).tolist() == [4] * len(SHAPE_CLASSES)
    data = load_builtin("builtin:shapes", (16, 16), 3)
    assert data.images.shape[1:] == (3, 16, 16) and len(set(data.class_counts)) == 1


def _write_idx(path, array):
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    with gzip.open(path, "wb") as handle:
        handle.write(header + array.astype(np.uint8).tobytes())


def test_fashion_mnist_from_user_idx_files(tmp_path, monkeypatch):
    images = np.random.default_rng(0).integers(0, 255, (20, 28, 28))
    labels = np.arange(20) % 10
    _write_idx(tmp_path / "train-images-idx3-ubyte.gz", images)
    _write_idx(tmp_path / "train-labels-idx1-ubyte.gz", labels)
    monkeypatch.setenv(builtin.FASHION_ENV, str(tmp_path))
    data = load_builtin("builtin:fashion-mnist", (28, 28), 1)
    assert data.images.shape == (20, 1, 28, 28)
    assert torch.equal(data.images[:, 0], torch.as_tensor(images, dtype=torch.uint8))
    assert data.class_names[0] == "T-shirt/top"


def test_fashion_mnist_100_keeps_the_first_images_of_each_class(tmp_path, monkeypatch):
    images = np.random.default_rng(0).integers(0, 255, (60, 28, 28))
    labels = np.arange(60) % 10  # 6 of each class
    _write_idx(tmp_path / "train-images-idx3-ubyte.gz", images)
    _write_idx(tmp_path / "train-labels-idx1-ubyte.gz", labels)
    monkeypatch.setenv(builtin.FASHION_ENV, str(tmp_path))
    monkeypatch.setattr(builtin, "FEW_PER_CLASS", 2)
    data = load_builtin("builtin:fashion-mnist-100", (28, 28), 1)
    assert data.images.shape == (20, 1, 28, 28) and data.labels.tolist() == list(range(10)) * 2
    assert torch.equal(data.images[:, 0], torch.as_tensor(images[:20], dtype=torch.uint8))


def test_missing_fashion_mnist_says_how_to_install(monkeypatch):
    monkeypatch.setattr(builtin, "FASHION_DIRS", ())
    monkeypatch.delenv(builtin.FASHION_ENV, raising=False)
    with pytest.raises(DataError, match=r"not installed.*apt-get install dataset-fashion-mnist"):
        load_builtin("builtin:fashion-mnist", (28, 28), 1)


@pytest.mark.skipif(builtin.fashion_dir() is None, reason="Debian's dataset-fashion-mnist is not installed")
def test_debian_fashion_mnist_has_70000_images():
    assert len(load_builtin("builtin:fashion-mnist", (28, 28), 1)) == 70_000


def test_a_truncated_idx_file_is_reported(tmp_path):
    _write_idx(tmp_path / "x.gz", np.zeros((5, 4, 4)))
    with gzip.open(tmp_path / "x.gz") as handle:
        raw = handle.read()[:-10]
    with gzip.open(tmp_path / "x.gz", "wb") as handle:
        handle.write(raw)
    with pytest.raises(DataError, match="truncated IDX"):
        builtin.read_idx(tmp_path / "x.gz")


def test_unknown_builtin_is_named():
    with pytest.raises(DataError, match="unknown built-in dataset 'builtin:cifar'"):
        load_dataset(DataSettings(source="builtin:cifar"))


def test_image_folder_loads_with_counts_and_reports_bad_files(tmp_path):
    root = write_class_folder(tmp_path / "photos", {"cats": 5, "dogs": 4})
    whole = (root / "cats" / "cats_0.png").read_bytes()
    (root / "cats" / "broken.png").write_bytes(whole[: len(whole) // 2])
    (root / "dogs" / "empty.jpg").write_bytes(b"")
    (root / "dogs" / "notes.txt").write_text("not an image and not an image suffix: ignored")
    nested = root / "dogs" / "more"
    nested.mkdir()
    Image.new("RGB", (30, 10), (0, 0, 255)).save(nested / "wide.jpg")
    data = load_image_folder(root, (16, 16), 3)
    assert data.class_names == ("cats", "dogs")
    assert data.class_counts == [5, 5]
    assert data.images.shape == (10, 3, 16, 16)
    assert sorted((s.path.split("/")[-1], s.reason.split(" ")[0]) for s in data.skipped) == [
        ("broken.png", "damaged"),
        ("empty.jpg", "empty"),
    ]
    assert len(data.paths) == 10


def test_folder_layout_errors_are_clear(tmp_path):
    with pytest.raises(DataError, match="is not a folder"):
        load_image_folder(tmp_path / "nowhere", (8, 8), 3)
    (tmp_path / "flat").mkdir()
    Image.new("RGB", (4, 4)).save(tmp_path / "flat" / "a.png")
    with pytest.raises(DataError, match=r"no class folders in .*flat \(found 1 images directly in it\)"):
        load_image_folder(tmp_path / "flat", (8, 8), 3)
    write_class_folder(tmp_path / "one", {"cats": 2})
    with pytest.raises(DataError, match=r"only one class folder \(cats\)"):
        load_image_folder(tmp_path / "one", (8, 8), 3)
    write_class_folder(tmp_path / "gap", {"cats": 2, "dogs": 0})
    with pytest.raises(DataError, match=r"class folder 'dogs' .* has no images"):
        load_image_folder(tmp_path / "gap", (8, 8), 3)
    write_class_folder(tmp_path / "allbad", {"cats": 2, "dogs": 0})
    (tmp_path / "allbad" / "dogs" / "x.png").write_text("nope")
    with pytest.raises(DataError, match=r"class folder 'dogs' .* has no readable images \(1 skipped\)"):
        load_image_folder(tmp_path / "allbad", (8, 8), 3)


def test_folder_loading_reports_progress_and_can_be_cancelled(tmp_path):
    root = write_class_folder(tmp_path / "p", {"a": 70, "b": 70})
    seen = []
    load_image_folder(root, (8, 8), 1, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (140, 140) and len(seen) == 3
    with pytest.raises(LoadCancelled):  # another size: not in the decoded-image cache, decoded anew
        load_image_folder(root, (6, 6), 1, should_stop=lambda: True)


def test_relative_folders_are_found_next_to_the_project(tmp_path):
    write_class_folder(tmp_path / "data", {"x": 2, "y": 2})
    settings = DataSettings(source="data", image_size=(8, 8), channels=1)
    assert len(load_dataset(settings, base_dir=tmp_path)) == 4
    assert class_names_of("data", tmp_path) == ("x", "y")


def test_split_is_stratified_and_seeded():
    labels = torch.tensor([0] * 50 + [1] * 30 + [2] * 3)
    train, val = stratified_split(labels, 0.2, seed=1)
    assert torch.bincount(labels[val]).tolist() == [10, 6, 1]
    assert len(set(train.tolist()) | set(val.tolist())) == len(labels) and not set(train.tolist()) & set(val.tolist())
    _again_train, again_val = stratified_split(labels, 0.2, seed=1)
    assert torch.equal(val, again_val)
    assert not torch.equal(val, stratified_split(labels, 0.2, seed=2)[1])


def test_prepare_data_normalises_with_training_statistics():
    prepared = prepare_data(DataSettings(source="builtin:digits", image_size=(8, 8), channels=1, val_fraction=0.2), 0)
    assert len(prepared.train) + len(prepared.val) == 1797
    assert 0.2 < prepared.mean[0] < 0.4 and 0.2 < prepared.std[0] < 0.5


def test_resize_converts_channels_with_luma():
    green = np.zeros((1, 4, 4, 3), dtype=np.uint8)
    green[..., 1] = 255
    assert resize_batch(green, (2, 2), 1).flatten().tolist() == [150] * 4
    gray = np.full((1, 4, 4), 77, dtype=np.uint8)
    assert resize_batch(gray, (8, 8), 3).unique().tolist() == [77]


def test_hidden_and_system_folders_are_not_classes_or_images(tmp_path):
    root = write_class_folder(tmp_path / "p", {"cats": 2, "dogs": 2})
    write_class_folder(root / "__MACOSX", {"junk": 1})
    write_class_folder(root / "cats", {".thumbnails": 3})
    data = load_image_folder(root, (8, 8), 3)
    assert data.class_names == ("cats", "dogs") and data.class_counts == [2, 2]


def test_a_dataset_too_big_for_memory_is_refused_before_loading(monkeypatch):
    from playground.ml.data import prepare as data_module

    monkeypatch.setattr(data_module, "_total_memory", lambda: 200 * 1024**2)
    with pytest.raises(DataError, match=r"1,797 images of 3×512×512 need 22.4 GB of memory.*at most about 33×33"):
        load_builtin("builtin:digits", (512, 512), 3)


def test_channel_statistics_match_a_direct_computation():
    from playground.ml.data.prepare import channel_stats

    torch.manual_seed(0)
    images = torch.randint(0, 256, (5000, 3, 4, 4), dtype=torch.uint8)
    mean, std = channel_stats(images)
    flat = images.transpose(0, 1).reshape(3, -1).double() / 255
    assert mean == pytest.approx(flat.mean(1).tolist()) and std == pytest.approx(flat.std(1).tolist())
