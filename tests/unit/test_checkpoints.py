import pickle

import pytest
import torch

from playground.ml.files.checkpoints import Checkpoint, load_checkpoint, save_checkpoint
from playground.spec.errors import CheckpointError

from .helpers import tiny_project


def _checkpoint() -> Checkpoint:
    return Checkpoint(
        project=tiny_project(),
        class_names=("a", "b"),
        mean=[0.5],
        std=[0.25],
        model_state={"w": torch.arange(6.0).view(2, 3)},
        rng_state={"torch": torch.get_rng_state()},
        epoch=3,
        history=[{"epoch": 1, "val_acc": None}],
    )


def test_round_trip(tmp_path):
    save_checkpoint(_checkpoint(), tmp_path / "c.pt")
    loaded = load_checkpoint(tmp_path / "c.pt")
    assert loaded.project == tiny_project() and loaded.class_names == ("a", "b")
    assert torch.equal(loaded.weights["w"], torch.arange(6.0).view(2, 3))
    assert loaded.epoch == 3 and loaded.history == [{"epoch": 1, "val_acc": None}]
    assert torch.equal(loaded.rng_state["torch"], _checkpoint().rng_state["torch"])


def test_a_truncated_file_is_not_a_valid_checkpoint(tmp_path):
    save_checkpoint(_checkpoint(), tmp_path / "c.pt")
    data = (tmp_path / "c.pt").read_bytes()
    (tmp_path / "c.pt").write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match=r"c.pt is not a valid checkpoint"):
        load_checkpoint(tmp_path / "c.pt")


class _Payload:
    def __reduce__(self):
        import os

        return (os.mkdir, ("PWNED_BY_CHECKPOINT",))


def test_a_malicious_pickle_is_refused_and_never_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open("evil.pt", "wb") as handle:
        pickle.dump({"format": "cnn-playground-checkpoint/1", "model": _Payload()}, handle)
    torch.save({"format": "cnn-playground-checkpoint/1", "model": _Payload()}, "evil2.pt")
    for name in ("evil.pt", "evil2.pt"):
        with pytest.raises(CheckpointError, match="contains code and was not loaded"):
            load_checkpoint(name)
    assert not (tmp_path / "PWNED_BY_CHECKPOINT").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not a valid checkpoint"),
        (b"GIF89a this is a picture", "not a valid checkpoint"),
    ],
)
def test_garbage_is_not_a_valid_checkpoint(tmp_path, content, reason):
    (tmp_path / "x.pt").write_bytes(content)
    with pytest.raises(CheckpointError, match=reason):
        load_checkpoint(tmp_path / "x.pt")


def test_other_torch_files_are_named_as_such(tmp_path):
    torch.save({"conv.weight": torch.zeros(2)}, tmp_path / "plain.pt")
    with pytest.raises(CheckpointError, match="its format is not what CNN Playground writes \\(None\\)"):
        load_checkpoint(tmp_path / "plain.pt")
    payload = _checkpoint().to_payload()
    payload["project"] = '{"format": "cnn-playground/1", "bogus": 1}'
    torch.save(payload, tmp_path / "badproject.pt")
    with pytest.raises(CheckpointError, match="unknown key 'bogus'"):
        load_checkpoint(tmp_path / "badproject.pt")


def test_missing_file(tmp_path):
    with pytest.raises(CheckpointError, match="checkpoint not found"):
        load_checkpoint(tmp_path / "nope.pt")


def test_a_checkpoint_with_wrong_kinds_of_state_is_not_valid(tmp_path):
    payload = _checkpoint().to_payload()
    payload["best_model"] = "not weights"
    torch.save(payload, tmp_path / "a.pt")
    with pytest.raises(CheckpointError, match="its best weights is not what CNN Playground writes"):
        load_checkpoint(tmp_path / "a.pt")
    payload = _checkpoint().to_payload()
    payload["optimizer"] = [1, 2]
    torch.save(payload, tmp_path / "b.pt")
    with pytest.raises(CheckpointError, match="its optimizer is not what CNN Playground writes"):
        load_checkpoint(tmp_path / "b.pt")


def test_the_loss_scale_state_round_trips(tmp_path):
    checkpoint = _checkpoint()
    checkpoint.scaler_state = {"scale": 1024.0, "growth_factor": 2.0}
    save_checkpoint(checkpoint, tmp_path / "c.pt")
    assert load_checkpoint(tmp_path / "c.pt").scaler_state == {"scale": 1024.0, "growth_factor": 2.0}
