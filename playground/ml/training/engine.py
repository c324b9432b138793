"""Training: `fit` is a generator of small events, driven alike by the CLI and the window's training
process (`playground.ml.training.child`).

It checks the stop and pause flags between batches, reports at most ~10 batch events a second,
keeps running metrics on the device (read only when reporting), stops on a NaN/inf loss or an
out-of-memory error with the last good weights, and writes checkpoints from which a resumed run
continues the very same curve (weights, optimizer, scheduler and RNG states all restored).
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import nn

from playground.ml.data.prepare import (
    PreparedData,
    batch_count,
    epoch_shuffle,
    iterate_batches,
    normalize,
)
from playground.ml.data.transforms import build_augmentation
from playground.ml.files.checkpoints import Checkpoint, save_checkpoint
from playground.ml.machine.device import describe_device, pick_device
from playground.ml.machine.memory_budget import usable_bytes
from playground.ml.network.network_memory import EVALUATION_BATCH, check_network_fits
from playground.ml.network.transfer import TransferModel, build_network
from playground.ml.training.distributed import Distributed, device_name
from playground.ml.training.events import BatchFinished, EpochFinished, Event, Failed, Finished, Started
from playground.spec import messages
from playground.spec.errors import CheckpointError, PlaygroundError
from playground.spec.messages import Message
from playground.spec.project import Project, atomic_write_bytes
from playground.spec.resume_policy import learns_the_same_weights
from playground.spec.settings import TrainingSettings

BATCH_EVENT_INTERVAL = 0.1  # seconds: at most ~10 batch events a second


@dataclass
class TrainingControl:
    """Flags another thread sets; `fit` honours them between batches."""

    stop: threading.Event = field(default_factory=threading.Event)
    pause: threading.Event = field(default_factory=threading.Event)

    def wait_while_paused(self) -> None:
        while self.pause.is_set() and not self.stop.is_set():
            self.stop.wait(0.05)


class _Stopped(Exception):
    pass


class _NonFiniteLoss(Exception):
    pass


def make_optimizer(parameters, settings: TrainingSettings) -> torch.optim.Optimizer:
    lr, decay = settings.learning_rate, settings.weight_decay
    if settings.optimizer == "sgd":
        return torch.optim.SGD(parameters, lr=lr, weight_decay=decay)
    if settings.optimizer == "momentum":
        return torch.optim.SGD(parameters, lr=lr, momentum=settings.momentum, weight_decay=decay)
    if settings.optimizer == "adamw":
        return torch.optim.AdamW(parameters, lr=lr, weight_decay=decay)
    return torch.optim.Adam(parameters, lr=lr, weight_decay=decay)


ONE_CYCLE_WARMUP = 0.25  # share of the steps over which one-cycle climbs to the learning rate
ONE_CYCLE_START = 0.1  # ... from this share of it; it then falls along a cosine to nearly nothing


def one_cycle_factor(progress: float) -> float:
    """The one-cycle learning-rate factor at `progress` (0..1 of all steps): a short climb lets a high
    rate settle the weights quickly without blowing up, the long fall then fine-tunes them."""
    progress = min(max(progress, 0.0), 1.0)
    if progress < ONE_CYCLE_WARMUP:
        return ONE_CYCLE_START + (1 - ONE_CYCLE_START) * progress / ONE_CYCLE_WARMUP
    fall = (progress - ONE_CYCLE_WARMUP) / (1 - ONE_CYCLE_WARMUP)
    return 0.005 + 0.995 * 0.5 * (1 + math.cos(math.pi * fall))


def make_scheduler(
    optimizer: torch.optim.Optimizer, settings: TrainingSettings, total_epochs: int, batches_per_epoch: int = 1
):
    """The schedule, stepped once an epoch; one-cycle is stepped every batch (`steps_per_batch`)."""
    if settings.lr_schedule == "one_cycle":
        steps = max(total_epochs * batches_per_epoch, 1)
        return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: one_cycle_factor(step / steps))
    if settings.lr_schedule == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=settings.step_size, gamma=settings.gamma)
    if settings.lr_schedule == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(total_epochs, 1))
    return None


def _is_out_of_memory(error: BaseException) -> bool:
    if isinstance(error, torch.OutOfMemoryError):
        return True
    text = str(error)
    return isinstance(error, RuntimeError) and ("out of memory" in text or "can't allocate memory" in text)


def _autocast_dtype(device: torch.device, settings: TrainingSettings) -> torch.dtype | None:
    if device.type != "cuda" or not settings.mixed_precision:
        return None
    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


@dataclass
class RunState:
    """Everything one training run holds while it trains: the moving parts on one device (model,
    optimizer, schedule) and how far it got (epochs, history, the best and the last good weights)."""

    project: Project
    data: PreparedData
    model: nn.Module
    optimizer: torch.optim.Optimizer
    scheduler: object
    device: torch.device
    mean: torch.Tensor
    std: torch.Tensor
    amp_dtype: torch.dtype | None
    scaler: torch.amp.GradScaler | None
    total_epochs: int
    control: TrainingControl
    loss_fn: nn.Module = field(default_factory=nn.CrossEntropyLoss)  # training's (label smoothing)
    steps_per_batch: bool = False  # the schedule moves every batch (one-cycle), not every epoch
    cached_features: bool = False  # batches are the frozen base's features: only the head runs
    distributed: Distributed | None = None
    trainer: nn.Module | None = None  # under torchrun: the model in DistributedDataParallel
    seed: int = 0  # each epoch's shuffle comes from it (data.epoch_shuffle)
    out: Path | None = None  # where last.pt and best.pt go (None: nowhere, or not rank 0)
    augment: Callable | None = None
    train_images: torch.Tensor | None = None  # or the base's features of them, once cached
    val_images: torch.Tensor | None = None
    head_threads: int | None = None
    history: list[dict] = field(default_factory=list)
    start_epoch: int = 0
    epoch: int = 0  # the epoch under way (or the last one done)
    best_epoch: int = 0
    best_score: float | None = None
    best_state: dict | None = None
    last_good: dict | None = None  # the weights after the last finished epoch, on the CPU

    @property
    def settings(self) -> TrainingSettings:
        return self.project.training

    @property
    def has_val(self) -> bool:
        return len(self.data.val) > 0

    def forward(self, batch: torch.Tensor, training: bool = False) -> torch.Tensor:
        model = self.trainer if training and self.trainer is not None else self.model
        if self.cached_features:
            network, inputs = model.head, batch.to(self.device, non_blocking=True)
        else:
            network, inputs = model, normalize(batch.to(self.device, non_blocking=True), self.mean, self.std)
        if self.amp_dtype is None:
            return network(inputs)
        with torch.autocast(device_type=self.device.type, dtype=self.amp_dtype):
            return network(inputs)

    def checkpoint(self) -> Checkpoint:
        """What a resumed run needs to go on along the same curve."""
        return Checkpoint(
            project=self.project,
            class_names=self.data.class_names,
            mean=self.data.mean,
            std=self.data.std,
            model_state=self.last_good,
            best_model_state=self.best_state,
            optimizer_state=self.optimizer.state_dict(),
            scheduler_state=self.scheduler.state_dict() if self.scheduler is not None else None,
            scaler_state=self.scaler.state_dict() if self.scaler is not None else None,
            rng_state=_rng_state(self.device),
            epoch=self.epoch,
            history=self.history,
            best_epoch=self.best_epoch,
            best_val_acc=self.best_score,
        )

    def best_file(self) -> str | None:
        return str(self.out / "best.pt") if self.out is not None and (self.out / "best.pt").exists() else None

    def finished(self, reason: str, epochs_done: int) -> Finished:
        return Finished(
            reason=reason,
            epochs_done=epochs_done,
            best_epoch=self.best_epoch,
            best_val_acc=self.best_score,
            checkpoint=self.best_file(),
        )


def train_one_epoch(
    run: RunState,
    images: torch.Tensor,
    labels: torch.Tensor,
    batch_size: int,
    augment: Callable | None,
    epoch: int,
    control: TrainingControl,
) -> Iterator[BatchFinished]:
    """One pass over the training images; yields throttled batch events, returns (loss, acc, img/s).
    Under torchrun, over this process's shard, with the totals summed over all processes."""
    run.model.train()
    distributed = run.distributed
    shard, order = None, epoch_shuffle(run.seed, epoch)
    if distributed is not None:

        def shard(order: torch.Tensor) -> torch.Tensor:
            part = distributed.training_shard(order)
            distributed.record_shard(epoch, part)
            return part

    batches = batch_count(len(labels) if distributed is None else -(-len(labels) // distributed.world_size), batch_size)
    loss_sum = torch.zeros((), device=run.device)
    correct = torch.zeros((), device=run.device, dtype=torch.long)
    seen = 0
    start = last_report = time.perf_counter()
    for number, (batch, targets) in enumerate(
        iterate_batches(images, labels, batch_size, shuffle=True, augment=augment, shard=shard, generator=order), 1
    ):
        if _stop_requested(run, control, number, batches):
            raise _Stopped()
        targets = targets.to(run.device, non_blocking=True)
        logits = run.forward(batch, training=True)
        loss = run.loss_fn(logits.float(), targets)
        run.optimizer.zero_grad(set_to_none=True)
        if run.scaler is not None:
            run.scaler.scale(loss).backward()
            run.scaler.step(run.optimizer)
            run.scaler.update()
        else:
            loss.backward()
            run.optimizer.step()
        if run.steps_per_batch:
            run.scheduler.step()
        loss_sum.add_(loss.detach(), alpha=len(targets))  # on the device: no sync per batch
        correct.add_((logits.detach().argmax(1) == targets).sum())
        seen += len(targets)
        now = time.perf_counter()
        if now - last_report >= BATCH_EVENT_INTERVAL or number == batches:
            mean_loss = loss_sum.item() / seen  # the only host sync, at most ~10 times a second
            # Under torchrun all processes must stop together: they decide on the summed epoch loss.
            if not math.isfinite(mean_loss) and distributed is None:
                raise _NonFiniteLoss()
            last_report = now
            yield BatchFinished(
                epoch=epoch,
                batch=number,
                batches=batches,
                loss=mean_loss,
                accuracy=correct.item() / seen,
                images_per_second=seen / (now - start),
            )
    seconds = time.perf_counter() - start
    total_loss, total_correct, total_seen = loss_sum.item(), correct.item(), seen
    if distributed is not None:
        total_loss, total_correct, total_seen = distributed.sum(total_loss, total_correct, seen, device=run.device)
    return total_loss / max(total_seen, 1), total_correct / max(total_seen, 1), total_seen / max(seconds, 1e-9)


CONTROL_EVERY = 8  # batches: under torchrun the processes agree on pause and stop this often


def _stop_requested(run: RunState, control: TrainingControl, number: int, batches: int) -> bool:
    """Honour pause (wait here) and say whether to stop. Under torchrun only rank 0 hears the
    window, and a process that stopped alone would leave the others waiting for it: all decide
    together, at the same batches (every process takes as many): every CONTROL_EVERY-th and the
    epoch's last, so that an epoch of a few batches is never without a decision."""
    distributed = run.distributed
    if distributed is None:
        if control.pause.is_set():
            control.wait_while_paused()
        return control.stop.is_set()
    if number % CONTROL_EVERY and number != batches:
        return False
    while True:
        stop, pause = distributed.sum(control.stop.is_set(), control.pause.is_set(), device=run.device)
        if stop or not pause:
            return bool(stop)
        time.sleep(0.05)


@torch.inference_mode()
def evaluate(run: RunState, images: torch.Tensor, labels: torch.Tensor, batch_size: int) -> tuple[float, float]:
    """Mean loss and accuracy on images that are not augmented (under torchrun: each process a
    part, the sums added up)."""
    run.model.eval()
    loss_sum = torch.zeros((), device=run.device)
    correct = torch.zeros((), device=run.device, dtype=torch.long)
    shard = run.distributed.evaluation_shard if run.distributed is not None else None
    for batch, targets in iterate_batches(
        images, labels, max(batch_size, EVALUATION_BATCH), shuffle=False, shard=shard
    ):
        targets = targets.to(run.device)
        logits = run.forward(batch).float()
        loss_sum += nn.functional.cross_entropy(logits, targets, reduction="sum")
        correct += (logits.argmax(1) == targets).sum()
    total_loss, total_correct = loss_sum.item(), correct.item()
    if run.distributed is not None:
        total_loss, total_correct = run.distributed.sum(total_loss, total_correct, device=run.device)
    return total_loss / len(labels), total_correct / len(labels)


HEAD_THREADS = 1  # CPU threads while only a head trains on cached features
FEATURE_CACHE_SHARE = 0.25  # cached features may take at most this share of the machine's memory


@contextlib.contextmanager
def _thread_count(count: int | None):
    """torch's CPU threads set to `count` meanwhile (None: as they are)."""
    if count is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _can_cache_features(state: RunState) -> bool:
    model, project = state.model, state.project
    if not isinstance(model, TransferModel) or model.trainable_blocks or state.augment is not None:
        return False
    per_image = 4 * math.prod(project.backbone.output_shape(project.data.image_size))  # float32
    return per_image * (len(state.data.train) + len(state.data.val)) < usable_bytes() * FEATURE_CACHE_SHARE


@torch.inference_mode()
def base_features(run: RunState, images: torch.Tensor, batch_size: int) -> torch.Tensor:
    """The frozen base's feature maps of `images`, computed once, kept where the batches live.
    Stop is honoured between batches: a large base on many images takes a while."""
    run.model.base.eval()
    parts = []
    for batch, _ in iterate_batches(images, torch.zeros(len(images)), max(batch_size, 64), shuffle=False):
        if run.control.stop.is_set():
            raise _Stopped()
        inputs = normalize(batch.to(run.device), run.mean, run.std)
        parts.append(run.model.base(inputs).float().to(images.device))
    return torch.cat(parts) if parts else torch.empty(0)


def _build_state(
    project: Project,
    data: PreparedData,
    model: nn.Module | None,
    target: torch.device,
    total_epochs: int,
    control: TrainingControl,
    world_size: int = 1,
) -> RunState:
    settings = project.training
    if model is None:
        model = build_network(project, len(data.class_names))
    model.to(target)
    if isinstance(model, TransferModel):  # the unfrozen base learns more slowly than the head
        parameters = model.parameter_groups(settings.learning_rate, project.pretrained.base_learning_rate_factor)
    else:
        parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = make_optimizer(parameters, settings)
    # A cosine schedule spans the project's epochs (or more, when asked for more), so a run that
    # is stopped and resumed follows the same curve as one that never stopped.
    batches = batch_count(-(-len(data.train) // world_size), settings.batch_size)  # this process's, under torchrun
    scheduler = make_scheduler(optimizer, settings, max(settings.epochs, total_epochs), batches)
    amp_dtype = _autocast_dtype(target, settings)
    shape = (1, len(data.mean), 1, 1)
    return RunState(
        project=project,
        data=data,
        model=model,
        optimizer=optimizer,
        scheduler=scheduler,
        device=target,
        mean=torch.tensor(data.mean, device=target).view(shape),
        std=torch.tensor(data.std, device=target).view(shape),
        amp_dtype=amp_dtype,
        scaler=torch.amp.GradScaler("cuda") if amp_dtype == torch.float16 else None,
        total_epochs=total_epochs,
        control=control,
        seed=settings.seed,
        loss_fn=nn.CrossEntropyLoss(label_smoothing=settings.label_smoothing),
        steps_per_batch=settings.lr_schedule == "one_cycle",
    )


def _resume(run: RunState, resume: Checkpoint, schedule_epochs: int, *, new_phase: bool) -> None:
    """Bring back weights, optimizer, scheduler, loss scale and RNG; a mismatch is the user's error.
    A new phase (other weights learn now) keeps the weights, counters and curve, with an optimizer
    and schedule that start afresh for the parameters that learn now."""
    try:
        run.model.load_state_dict(resume.model_state)
        if resume.optimizer_state and not new_phase:
            run.optimizer.load_state_dict(resume.optimizer_state)
    except (RuntimeError, ValueError, KeyError) as error:
        raise CheckpointError(Message(messages.CHECKPOINT_OTHER_NETWORK)) from error
    if run.scheduler is not None and resume.scheduler_state and not new_phase:
        run.scheduler.load_state_dict(resume.scheduler_state)
        if isinstance(run.scheduler, torch.optim.lr_scheduler.CosineAnnealingLR):
            run.scheduler.T_max = schedule_epochs  # asked for more epochs than planned: stretch the curve
    if run.scaler is not None and resume.scaler_state:
        run.scaler.load_state_dict(resume.scaler_state)
    _restore_rng(resume.rng_state, run.device)


def _cpu_state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {name: tensor.detach().to("cpu", copy=True) for name, tensor in model.state_dict().items()}


def _rng_state(device: torch.device) -> dict:
    state = {"torch": torch.get_rng_state()}
    if device.type == "cuda":
        state["cuda"] = torch.cuda.get_rng_state(device)
    return state


def _restore_rng(state: dict, device: torch.device) -> None:
    if "torch" in state:
        torch.set_rng_state(state["torch"])
    if "cuda" in state and device.type == "cuda":
        torch.cuda.set_rng_state(state["cuda"], device)


def fit(
    project: Project,
    data: PreparedData,
    *,
    epochs: int | None = None,
    out_dir: str | os.PathLike | None = None,
    resume: Checkpoint | None = None,
    control: TrainingControl | None = None,
    device: str | None = None,
    model: nn.Module | None = None,
    num_threads: int | None = None,
    distributed: Distributed | None = None,
) -> Generator[Event, None, Checkpoint]:
    """Train `project` on `data` until `epochs` epochs in all are done (the project's by default).

    Yields events; returns the run's final checkpoint (`yield from`, or `run_to_end`): its
    `model_state` holds the last good weights, `best_model_state` the best epoch's. With `resume`,
    continue from that checkpoint's epoch with all its states. Writes last.pt (every epoch) and
    best.pt (on a better validation accuracy) to `out_dir` when given (under torchrun,
    `distributed`: rank 0 only). A user error is raised as a PlaygroundError before any training.
    """
    state = prepare_run_state(
        project,
        data,
        epochs=epochs,
        out_dir=out_dir,
        resume=resume,
        control=control,
        device=device,
        model=model,
        num_threads=num_threads,
        distributed=distributed,
    )
    if distributed is None and _can_cache_features(state):
        # Feature extraction without augmentation: the frozen base sees the same images every
        # epoch, so it runs once and the head trains on what it saw.
        try:
            state.train_images = base_features(state, state.train_images, state.settings.batch_size)
            state.val_images = base_features(state, state.val_images, state.settings.batch_size)
        except _Stopped:
            yield Finished(
                reason="stopped",
                epochs_done=state.start_epoch,
                best_epoch=state.best_epoch,
                best_val_acc=state.best_score,
                checkpoint=None,
            )
            return state.checkpoint()
        state.cached_features = True
        # A head on cached features does tiny operations, for which a second thread costs more than
        # it gives: each operation then waits for the other thread, and when the window (or anything
        # else) takes a core, that wait grows to milliseconds. Measured on 2 cores, Playground Mini's
        # head on shapes: 57 ms an epoch on one thread against 1,561 ms on two while the machine was busy.
        state.head_threads = HEAD_THREADS if state.device.type == "cpu" else None
    yield Started(
        device=describe_device(state.device),
        start_epoch=state.start_epoch,
        epochs=state.total_epochs,
        train_images=len(data.train),
        val_images=len(data.val),
        parameters=sum(p.numel() for p in state.model.parameters()),
        cached_features=state.cached_features,
    )
    failure = None
    try:
        reason = yield from _train_epochs(state)
    except _Stopped:
        reason = "stopped"
        state.epoch -= 1  # the epoch under way did not finish
    except Exception as error:
        if not isinstance(error, _NonFiniteLoss) and not _is_out_of_memory(error):
            raise
        failure = "nan" if isinstance(error, _NonFiniteLoss) else "out_of_memory"
    if failure is not None:  # handled here, once the traceback (and the tensors it holds) is gone
        yield _failed(state, failure)
        return state.checkpoint()
    yield state.finished(reason, state.epoch)
    return state.checkpoint()


def prepare_run_state(
    project: Project,
    data: PreparedData,
    *,
    epochs: int | None,
    out_dir: str | os.PathLike | None,
    resume: Checkpoint | None,
    control: TrainingControl | None,
    device: str | None,
    model: nn.Module | None,
    num_threads: int | None,
    distributed: Distributed | None,
) -> RunState:
    """Everything before the first batch: the checks that refuse a run, the model, optimizer and
    schedule on their device, and a resumed run's states."""
    settings = project.training
    if project.backbone is not None:  # the base learnt with its own normalisation: keep it
        data = dataclasses.replace(data, mean=list(project.backbone.mean), std=list(project.backbone.std))
    total_epochs = epochs if epochs is not None else settings.epochs
    if total_epochs < 1:
        raise PlaygroundError(Message(messages.EPOCHS_AT_LEAST_ONE, epochs=total_epochs))
    if num_threads:
        torch.set_num_threads(num_threads)
    requested = device or settings.device
    target = pick_device(requested if distributed is None else device_name(distributed, requested))
    if resume is not None and tuple(resume.class_names) != tuple(data.class_names):
        raise PlaygroundError(
            Message(
                messages.CHECKPOINT_OTHER_CLASSES,
                trained=", ".join(resume.class_names),
                now=", ".join(data.class_names),
            )
        )
    if resume is None:
        torch.manual_seed(settings.seed)
    if model is None:  # a network of many GB (30,000 units typed by mistake) is refused, not built
        check_network_fits(project, len(data.class_names), settings.batch_size, training=True)
    try:
        world_size = distributed.world_size if distributed else 1
        state = _build_state(project, data, model, target, total_epochs, control or TrainingControl(), world_size)
    except Exception as error:
        if _is_out_of_memory(error):
            raise PlaygroundError(
                Message(messages.NETWORK_DOES_NOT_FIT_DEVICE, device=describe_device(target))
            ) from error
        raise
    if distributed is not None:
        from torch.nn.parallel import DistributedDataParallel

        state.distributed = distributed
        state.trainer = DistributedDataParallel(
            state.model, device_ids=[target.index] if target.type == "cuda" else None
        )
    if resume is not None:
        _resume(
            state,
            resume,
            max(settings.epochs, total_epochs),
            new_phase=not learns_the_same_weights(resume.project, project),
        )
        state.history, state.start_epoch = list(resume.history), resume.epoch
        state.best_epoch, state.best_score = resume.best_epoch, resume.best_val_acc
        state.best_state = resume.best_model_state
    state.epoch = state.start_epoch
    if distributed is not None:
        distributed.own_randomness(settings.seed, state.start_epoch)
    if state.start_epoch >= total_epochs:
        raise PlaygroundError(Message(messages.RUN_ALREADY_DONE, done=state.start_epoch, more=state.start_epoch + 5))
    state.out = Path(out_dir) if out_dir is not None and (distributed is None or distributed.is_main) else None
    state.augment = build_augmentation(project.augmentation)
    # On a GPU, page-locked memory lets the copy of each batch overlap with the computation.
    state.train_images = data.train.images.pin_memory() if target.type == "cuda" else data.train.images
    state.val_images = data.val.images
    state.last_good = _cpu_state(state.model)
    return state


def _train_epochs(state: RunState) -> Generator[Event, None, str]:
    """The epoch loop: train, validate, keep the best and the last, write the checkpoints. Returns
    why it ended ("completed" or "early_stopping"); a stop, a NaN or running out of memory raise."""
    settings = state.settings
    for epoch in range(state.start_epoch + 1, state.total_epochs + 1):
        state.epoch = epoch
        started = time.perf_counter()
        with _thread_count(state.head_threads):
            train_loss, train_acc, speed = yield from train_one_epoch(
                state,
                state.train_images,
                state.data.train.labels,
                settings.batch_size,
                state.augment,
                epoch,
                state.control,
            )
        if not math.isfinite(train_loss):
            raise _NonFiniteLoss()
        if state.distributed is not None:
            state.distributed.share_buffers(state.model)
        with _thread_count(state.head_threads):
            val_loss, val_acc = (
                evaluate(state, state.val_images, state.data.val.labels, settings.batch_size)
                if state.has_val
                else (None, None)
            )
        learning_rate = state.optimizer.param_groups[0]["lr"]
        if state.scheduler is not None and not state.steps_per_batch:
            state.scheduler.step()
        score = val_acc if state.has_val else train_acc
        is_best = state.best_score is None or score > state.best_score
        state.last_good = _cpu_state(state.model)
        if is_best:
            state.best_epoch, state.best_score, state.best_state = epoch, score, state.last_good
        record = EpochFinished(
            epoch=epoch,
            epochs=state.total_epochs,
            train_loss=train_loss,
            train_acc=train_acc,
            val_loss=val_loss,
            val_acc=val_acc,
            seconds=time.perf_counter() - started,
            images_per_second=speed,
            learning_rate=learning_rate,
            is_best=is_best,
        )
        state.history.append({k: v for k, v in record.to_dict().items() if k != "event"})
        if state.out is not None:
            written = save_checkpoint(state.checkpoint(), state.out / "last.pt")
            if is_best:  # the same bytes: copied, not pickled twice (pickling holds the GIL)
                atomic_write_bytes(state.out / "best.pt", written.read_bytes())
        yield record
        patience = settings.early_stopping_patience
        # Counted from the resumed epoch too: a continued run gets its full patience.
        if patience and epoch - max(state.best_epoch, state.start_epoch) >= patience:
            return "early_stopping"
    return "completed"


def _failed(state: RunState, reason: str) -> Failed:
    """A NaN loss or running out of memory: back to the last good weights, and what to do next."""
    settings, epoch = state.settings, state.epoch
    state.model.load_state_dict(state.last_good)
    if reason == "nan":
        message = Message(
            messages.LOSS_NOT_FINITE, epoch=epoch, previous=epoch - 1, learning_rate=f"{settings.learning_rate:g}"
        )
    else:
        if state.device.type == "cuda":
            torch.cuda.empty_cache()
        message = Message(
            messages.OUT_OF_MEMORY,
            epoch=epoch,
            device=describe_device(state.device),
            batch_size=settings.batch_size,
            smaller=max(settings.batch_size // 2, 1),
            previous=epoch - 1,
        )
    state.epoch = epoch - 1  # the checkpoint returned is of the last finished epoch
    return Failed(reason=reason, message=message, epoch=epoch)


def run_to_end(events: Generator[Event, None, Checkpoint]) -> tuple[list[Event], Checkpoint | None]:
    """Drive `fit` to its end in-process: its events and its final checkpoint."""
    collected: list[Event] = []
    while True:
        try:
            collected.append(next(events))
        except StopIteration as end:
            return collected, end.value
