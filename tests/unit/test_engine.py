import dataclasses
import threading
import time

import pytest
import torch

from playground.ml.data.prepare import prepare_data
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.network.build import build_model
from playground.ml.training import engine as engine_module
from playground.ml.training.engine import TrainingControl, fit, run_to_end
from playground.ml.training.events import BatchFinished, EpochFinished, Failed, Finished, Started
from playground.spec.errors import CheckpointError, PlaygroundError
from playground.spec.layers import BatchNorm2d, Conv2d, Dropout
from playground.spec.settings import AugmentationSettings

from .helpers import tiny_project


@pytest.fixture(scope="module")
def digits():
    project = tiny_project()
    return prepare_data(project.data, project.training.seed)


def _run(project, data, **kwargs):
    return run_to_end(fit(project, data, **kwargs))[0]


def _run_with_result(project, data, **kwargs):
    return run_to_end(fit(project, data, **kwargs))


def test_training_learns_and_reports_every_epoch(digits, tmp_path):
    project = tiny_project(epochs=3)
    events, result = _run_with_result(project, digits, out_dir=tmp_path)
    assert isinstance(events[0], Started) and events[0].parameters == 4 * 9 + 4 + 4 * 5 * 5 * 10 + 10
    epochs = [e for e in events if isinstance(e, EpochFinished)]
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert epochs[-1].val_acc > 0.8 and epochs[-1].train_loss < epochs[0].train_loss
    done = events[-1]
    assert isinstance(done, Finished) and done.reason == "completed" and done.epochs_done == 3
    assert done.checkpoint == str(tmp_path / "best.pt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["best.pt", "last.pt"]
    best = load_checkpoint(tmp_path / "best.pt")
    assert best.epoch == done.best_epoch and best.best_val_acc == done.best_val_acc
    assert all(torch.equal(best.weights[k], result.best_model_state[k]) for k in best.weights)
    assert result.epoch == 3 and not any(isinstance(v, torch.Tensor) for e in events for v in vars(e).values())


def test_batch_events_are_throttled(digits):
    events = _run(tiny_project(epochs=2, batch_size=4), digits)
    batches = [e for e in events if isinstance(e, BatchFinished)]
    seconds = sum(e.seconds for e in events if isinstance(e, EpochFinished))
    assert len(batches) <= seconds * 10 + 2 * 2  # ~10/s, plus the last batch of each epoch
    expected = -(-len(digits.train) // 4)
    assert all(b.batches == expected for b in batches) and batches[-1].batch == expected


def test_resuming_continues_the_same_curve(digits, tmp_path):
    project = tiny_project(epochs=4).replace(augmentation=AugmentationSettings(rotation=10, horizontal_flip=True))
    project = project.replace(layers=(*project.layers[:3], Dropout(rate=0.2), project.layers[3]))  # RNG in the model
    straight = _run(project, digits, out_dir=tmp_path / "straight")
    _run(project, digits, epochs=2, out_dir=tmp_path / "half")
    resumed = _run(project, digits, resume=load_checkpoint(tmp_path / "half" / "last.pt"), out_dir=tmp_path / "half")
    assert resumed[0].start_epoch == 2
    curve = [(e.epoch, e.train_loss, e.val_acc) for e in straight if isinstance(e, EpochFinished)]
    first_half = load_checkpoint(tmp_path / "half" / "last.pt").history
    assert [(h["epoch"], h["train_loss"], h["val_acc"]) for h in first_half] == curve
    final_a = load_checkpoint(tmp_path / "straight" / "last.pt").model_state
    final_b = load_checkpoint(tmp_path / "half" / "last.pt").model_state
    assert all(torch.equal(final_a[k], final_b[k]) for k in final_a)


def test_asking_for_no_more_epochs_than_done_is_an_error(digits, tmp_path):
    _run(tiny_project(epochs=1), digits, out_dir=tmp_path)
    with pytest.raises(PlaygroundError, match="already done 1 epochs"):
        _run(tiny_project(epochs=1), digits, resume=load_checkpoint(tmp_path / "last.pt"))


def _model_failing_at(project, data, batch_number: int, failure):
    model = build_model(project.input_shape, project.layers, len(data.class_names))
    calls = {"n": 0}

    def hook(module, inputs, output):
        if module.training:
            calls["n"] += 1
        if calls["n"] >= batch_number and module.training:
            return failure(output)
        return output

    model[-1].register_forward_hook(hook)
    return model


def test_nan_loss_stops_with_a_message_and_keeps_the_last_good_weights(digits, tmp_path):
    project = tiny_project(epochs=3)
    batches_per_epoch = -(-len(digits.train) // project.training.batch_size)
    model = _model_failing_at(project, digits, batches_per_epoch + 3, lambda out: out * float("nan"))
    events, result = _run_with_result(project, digits, model=model, out_dir=tmp_path)
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.reason == "nan" and failed.epoch == 2 and result.epoch == 1
    assert "NaN" in failed.message and "lower learning rate" in failed.message
    epoch_one = load_checkpoint(tmp_path / "last.pt")
    assert epoch_one.epoch == 1
    for name, tensor in epoch_one.model_state.items():
        assert torch.equal(result.model_state[name], tensor)
        assert torch.equal(model.state_dict()[name], tensor)  # the live model is rolled back too


def test_out_of_memory_stops_with_advice_and_keeps_weights(digits):
    project = tiny_project(epochs=2)

    def explode(output):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    torch.manual_seed(0)
    model = _model_failing_at(project, digits, 5, explode)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    events, result = _run_with_result(project, digits, model=model)
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.reason == "out_of_memory" and failed.epoch == 1
    assert "smaller batch size such as 16" in failed.message
    for name, tensor in before.items():  # rolled back to where epoch 1 started, not half-trained
        assert torch.equal(result.model_state[name], tensor) and torch.equal(model.state_dict()[name], tensor)


def test_stop_ends_training_between_batches(digits):
    control = TrainingControl()
    events = []
    run = fit(tiny_project(epochs=50, batch_size=8), digits, control=control)
    while True:
        try:
            event = next(run)
        except StopIteration as end:
            result = end.value
            break
        events.append(event)
        if isinstance(event, BatchFinished):
            control.stop.set()
    assert isinstance(events[-1], Finished) and events[-1].reason == "stopped"
    assert events[-1].epochs_done == 0 and result.epoch == 0 and result.model_state  # the weights as they were


def test_pause_holds_and_resume_continues(digits):
    control = TrainingControl()
    events = []
    worker = threading.Thread(
        target=lambda: events.extend(fit(tiny_project(epochs=2, batch_size=8), digits, control=control))
    )
    control.pause.set()
    worker.start()
    time.sleep(0.5)
    assert [type(e) for e in events] == [Started]  # paused before the first batch
    control.pause.clear()
    worker.join(timeout=60)
    assert isinstance(events[-1], Finished) and events[-1].reason == "completed"


def test_early_stopping_after_patience_epochs_without_progress(digits):
    project = tiny_project(epochs=20, optimizer="sgd", learning_rate=1e-8, early_stopping_patience=2)
    events = _run(project, digits)
    done = events[-1]
    assert done.reason == "early_stopping" and done.epochs_done == 3 and done.best_epoch == 1


def test_unknown_cuda_device_is_a_clear_error(digits):
    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    with pytest.raises(PlaygroundError, match="'cuda' is not available"):
        _run(tiny_project(device="cuda"), digits)


def test_a_resumed_cosine_schedule_follows_the_same_curve(digits, tmp_path):
    project = tiny_project(epochs=4, lr_schedule="cosine", optimizer="momentum", learning_rate=0.01)
    straight = [e.learning_rate for e in _run(project, digits) if isinstance(e, EpochFinished)]
    _run(project, digits, epochs=2, out_dir=tmp_path)
    resumed = _run(project, digits, resume=load_checkpoint(tmp_path / "last.pt"))
    rates = [h["learning_rate"] for h in load_checkpoint(tmp_path / "last.pt").history[:2]]
    rates += [e.learning_rate for e in resumed if isinstance(e, EpochFinished)]
    assert rates == pytest.approx(straight)
    assert straight == sorted(straight, reverse=True) and straight[-1] < 0.002


def test_one_cycle_climbs_then_falls_batch_by_batch_and_resumes_on_the_same_curve(digits, tmp_path):
    project = tiny_project(epochs=4, lr_schedule="one_cycle", learning_rate=0.01, batch_size=256)
    straight = [e.learning_rate for e in _run(project, digits) if isinstance(e, EpochFinished)]
    # the rate each epoch ended at: at a quarter of the steps it has climbed to the top, then it falls
    assert straight[0] == pytest.approx(0.01, rel=0.05) and straight == sorted(straight, reverse=True)
    assert straight[-1] < 0.0002  # nearly nothing at the end: the last steps fine-tune
    _run(project, digits, epochs=2, out_dir=tmp_path)
    resumed = _run(project, digits, resume=load_checkpoint(tmp_path / "last.pt"))
    rates = [h["learning_rate"] for h in load_checkpoint(tmp_path / "last.pt").history[:2]]
    rates += [e.learning_rate for e in resumed if isinstance(e, EpochFinished)]
    assert rates == pytest.approx(straight)
    from playground.ml.training.engine import one_cycle_factor

    climb = [one_cycle_factor(p / 100) for p in range(26)]
    assert climb == sorted(climb) and climb[0] == pytest.approx(0.1) and climb[-1] == pytest.approx(1.0, abs=0.02)


def test_label_smoothing_trains_towards_less_than_certainty(digits):
    def final_train_loss(smoothing: float) -> float:
        events = _run(tiny_project(epochs=3, label_smoothing=smoothing, learning_rate=0.01), digits)
        return [e for e in events if isinstance(e, EpochFinished)][-1]

    plain, smoothed = final_train_loss(0.0), final_train_loss(0.2)
    # smoothed targets have entropy: their loss cannot reach zero; the answers stay as good
    assert smoothed.train_loss > plain.train_loss + 0.2 and smoothed.val_acc > 0.8


def test_resuming_with_other_classes_or_another_network_is_refused(digits, tmp_path):
    _run(tiny_project(epochs=1), digits, out_dir=tmp_path)
    checkpoint = load_checkpoint(tmp_path / "last.pt")
    renamed = dataclasses.replace(digits, class_names=tuple("abcdefghij"))
    with pytest.raises(PlaygroundError, match="trained on the classes 0, 1, 2"):
        _run(tiny_project(epochs=2), renamed, resume=checkpoint)
    wider = tiny_project(epochs=2)
    wider = wider.replace(layers=(Conv2d(filters=8, kernel=(3, 3), activation="relu"), *wider.layers[1:]))
    with pytest.raises(CheckpointError, match="saved for a different network"):
        _run(wider, digits, resume=checkpoint)


def test_a_network_too_big_for_memory_is_a_message(digits, monkeypatch):
    def too_big(*args, **kwargs):
        raise RuntimeError("DefaultCPUAllocator: can't allocate memory: you tried to allocate 196608000000 bytes")

    monkeypatch.setattr(engine_module, "build_network", too_big)
    with pytest.raises(PlaygroundError, match="does not fit in the memory of CPU"):
        _run(tiny_project(), digits)


def test_a_last_batch_of_one_image_joins_the_one_before(digits):
    """BatchNorm cannot normalise a batch of one; such a remainder is folded in."""
    project = tiny_project(epochs=1, batch_size=len(digits.train) - 1)
    project = project.replace(layers=(*project.layers[:1], BatchNorm2d(), *project.layers[1:]))
    events = _run(project, digits)
    assert isinstance(events[-1], Finished)
    assert [e.batches for e in events if isinstance(e, BatchFinished)][-1] == 1


def test_epochs_must_be_positive(digits):
    with pytest.raises(PlaygroundError, match="at least 1"):
        _run(tiny_project(), digits, epochs=0)


def test_continuing_an_early_stopped_run_gets_its_full_patience(digits, tmp_path):
    project = tiny_project(epochs=20, optimizer="sgd", learning_rate=1e-8, early_stopping_patience=2)
    first = _run(project, digits, out_dir=tmp_path)
    assert first[-1].reason == "early_stopping" and first[-1].epochs_done == 3
    resumed = _run(project, digits, epochs=10, out_dir=tmp_path, resume=load_checkpoint(tmp_path / "last.pt"))
    assert [e.epoch for e in resumed if isinstance(e, EpochFinished)] == [4, 5]  # two more, not one
    assert resumed[-1].reason == "early_stopping"


def test_continuing_with_a_changed_learning_rate_uses_it(digits, tmp_path):
    """The optimizer's saved state must not bring the old rate back (nor break on another optimizer)."""
    _run(tiny_project(epochs=1), digits, out_dir=tmp_path)
    last = load_checkpoint(tmp_path / "last.pt")
    for changed in (tiny_project(learning_rate=0.01), tiny_project(optimizer="momentum")):
        events = _run(changed, digits, epochs=2, resume=last)
        (epoch_two,) = [e for e in events if isinstance(e, EpochFinished)]
        assert epoch_two.epoch == 2 and epoch_two.learning_rate == changed.training.learning_rate


def test_stop_is_honoured_while_a_frozen_base_computes_its_features(tmp_path):
    from playground.spec.project import project_from_dict

    project = project_from_dict(
        {
            "format": "cnn-playground/1",
            "data": {"source": "builtin:shapes", "image_size": [32, 32], "channels": 3},
            "model": {"layers": [{"type": "global_avgpool"}, {"type": "dense", "units": "auto"}]},
            "training": {"epochs": 2, "batch_size": 64, "device": "cpu"},
            "pretrained": {"network": "playground_mini", "mode": "feature_extraction"},
        }
    )
    control = TrainingControl()
    control.stop.set()  # pressed while the features are being computed
    events = _run(project, prepare_data(project.data, 0), control=control, out_dir=tmp_path)
    assert len(events) == 1 and isinstance(events[0], Finished) and events[0].reason == "stopped"
    assert events[0].epochs_done == 0 and not (tmp_path / "last.pt").exists()
