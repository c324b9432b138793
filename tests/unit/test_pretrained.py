"""Pretrained networks, offline: torchvision's own cache layout, safe loading, freezing."""

import os
import pickle
import time
from pathlib import Path

import pytest
import torch
from torch import nn

from playground.ml.network import pretrained
from playground.spec.errors import CheckpointError


@pytest.fixture(autouse=True)
def offline_homes(tmp_path, monkeypatch):
    """An empty torch hub cache and app weights folder for every test."""
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))
    checkpoints = tmp_path / "torch" / "hub" / "checkpoints"
    checkpoints.mkdir(parents=True)
    return checkpoints


def test_weights_under_torchvisions_name_in_the_hub_cache_are_loaded(offline_homes):
    torch.manual_seed(0)
    state = pretrained.architecture("resnet18").state_dict()
    torch.save(state, offline_homes / "resnet18-f37072fd.pth")
    model = pretrained.load_pretrained("resnet18")
    assert all(torch.equal(model.state_dict()[k], state[k]) for k in state)
    assert pretrained.describe("resnet18")["weights"] == str(offline_homes / "resnet18-f37072fd.pth")


class _Payload:
    def __reduce__(self):
        return (os.mkdir, (str(Path(os.environ["TORCH_HOME"]) / "PWNED"),))


def test_a_malicious_weights_file_is_refused_and_runs_nothing(offline_homes):
    with open(offline_homes / "resnet18-f37072fd.pth", "wb") as handle:
        pickle.dump({"conv1.weight": _Payload()}, handle)
    with pytest.raises(CheckpointError, match="is not a valid weights file"):
        pretrained.load_pretrained("resnet18")
    assert not (Path(os.environ["TORCH_HOME"]) / "PWNED").exists()


def test_weights_of_another_network_are_named_as_not_fitting(offline_homes):
    torch.save(pretrained.architecture("mobilenet_v3_small").state_dict(), offline_homes / "resnet18-f37072fd.pth")
    with pytest.raises(CheckpointError, match=r"does not fit ResNet18: \d+ missing \(e\.g\. conv1\.weight\)"):
        pretrained.load_pretrained("resnet18")


def test_missing_weights_fail_at_once_with_what_to_do():
    started = time.perf_counter()
    with pytest.raises(CheckpointError) as caught:
        pretrained.load_pretrained("resnet50")
    assert time.perf_counter() - started < 5  # nothing waits for a network
    message = str(caught.value)
    assert "resnet50-11ad3fa6.pth" in message and "https://download.pytorch.org/models/" in message
    assert "Import weights" in message


def test_imported_weights_are_checked_then_kept_where_the_app_finds_them(tmp_path):
    source = tmp_path / "from_a_usb_stick.pth"
    torch.save(pretrained.architecture("mobilenet_v3_small").state_dict(), source)
    stored = pretrained.import_weights(source, "mobilenet_v3_small")
    assert stored == pretrained.app_weights_dir() / "mobilenet_v3_small.pth"
    assert pretrained.find_weights("mobilenet_v3_small") == stored
    bad = tmp_path / "wrong.pth"
    torch.save({"x": torch.zeros(1)}, bad)
    with pytest.raises(CheckpointError, match="does not fit"):
        pretrained.import_weights(bad, "resnet18")
    assert pretrained.find_weights("resnet18") is None


def test_safetensors_weights_import(tmp_path):
    from safetensors.torch import save_file

    state = {k: v.contiguous() for k, v in pretrained.architecture("mobilenet_v3_small").state_dict().items()}
    save_file(state, tmp_path / "w.safetensors")
    stored = pretrained.import_weights(tmp_path / "w.safetensors", "mobilenet_v3_small")
    assert stored.name == "mobilenet_v3_small.safetensors"
    assert isinstance(pretrained.load_pretrained("mobilenet_v3_small"), nn.Module)


@pytest.mark.parametrize("key", list(pretrained.NETWORKS))
def test_freeze_counts_are_right_for_every_network(key):
    from playground.ml.network.transfer import TransferModel

    backbone = pretrained.network(key)
    for trainable_blocks in (0, 1, backbone.blocks):
        with torch.device("meta"):  # counts without allocating VGG's 138M weights
            base = pretrained.base(key, pretrained.architecture(key))
        model = TransferModel(base, nn.Identity(), trainable_blocks)
        trainable = sum(p.numel() for p in model.base.parameters() if p.requires_grad)
        frozen = sum(p.numel() for p in model.base.parameters() if not p.requires_grad)
        assert (trainable, frozen) == backbone.split(trainable_blocks)
    assert backbone.split(0) == (0, backbone.base_params)  # feature extraction: the whole base frozen


def test_timm_weights_are_found_in_the_hugging_face_cache(tmp_path, monkeypatch):
    """Inception-ResNet-v2 comes from timm: its weights are where huggingface_hub caches them."""
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
    snapshot = tmp_path / "hf" / "models--timm--inception_resnet_v2.tf_in1k" / "snapshots" / "0123abcd"
    snapshot.mkdir(parents=True)
    from safetensors.torch import save_file

    with torch.device("cpu"):
        state = {k: v.contiguous() for k, v in pretrained.architecture("inception_resnet_v2").state_dict().items()}
    save_file(state, snapshot / "model.safetensors")
    model = pretrained.load_pretrained("inception_resnet_v2")
    assert torch.equal(model.state_dict()["conv2d_1a.conv.weight"], state["conv2d_1a.conv.weight"])
    assert pretrained.describe("inception_resnet_v2")["input_size"] == 299


def test_xception_looks_under_timms_url_name_in_the_torch_cache(offline_homes):
    with pytest.raises(CheckpointError, match=r"xception-43020ad28\.pth") as caught:
        pretrained.load_pretrained("legacy_xception")
    assert "github.com/rwightman/pytorch-image-models" in str(caught.value)
    torch.save(pretrained.architecture("legacy_xception").state_dict(), offline_homes / "xception-43020ad28.pth")
    assert pretrained.find_weights("legacy_xception") == offline_homes / "xception-43020ad28.pth"


def test_genuine_imagenet_mobilenet_v2_recognises_a_palace(palace_and_mobilenet):
    from playground.ml.inference.predict import ImagenetPredictor

    [prediction] = ImagenetPredictor("mobilenet_v2").predict_files([palace_and_mobilenet], top_k=5)
    top = prediction.top
    assert top[0][0] == "palace" and top[0][1] > 0.5  # the Summer Palace in Beijing
    assert pretrained.describe("mobilenet_v2")["imagenet_top1"] == pytest.approx(71.878)  # V1's own accuracy
