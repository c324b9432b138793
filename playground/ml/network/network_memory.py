"""What a network holds, measured on torch's meta device (nothing allocated), and whether a run or a
prediction of it fits in what `machine.memory_budget` says this process may use — checked before
anything is built."""

from __future__ import annotations

import math
from dataclasses import dataclass

from playground.ml.machine import memory_budget
from playground.ml.machine.memory_budget import gigabytes
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message

# ------------------------------------------------------------------------------------ what a network holds


@dataclass(frozen=True)
class NetworkSize:
    """A network measured on the meta device: its parameters and the values its layers output."""

    parameters: int  # all (trainable or not), with the buffers (BatchNorm's statistics)
    trainable: int
    activations: int  # values one image makes in all layers' outputs together (kept for the backward pass)
    widest: int  # the largest input plus output of one layer for one image (what inference holds at once)


def measure_network(project, num_classes: int) -> NetworkSize:
    """The project's network measured on the meta device: nothing is allocated."""
    import torch

    from playground.ml.network.transfer import build_network

    with torch.device("meta"):
        model = build_network(project, num_classes, pretrained_weights=False)
    outputs, widest = [0], [0]

    def record(module, inputs, output):
        if len(list(module.children())):
            return  # containers: their layers are counted
        made = sum(t.numel() for t in _tensors(output))
        outputs[0] += made
        widest[0] = max(widest[0], made + sum(t.numel() for t in _tensors(inputs)))

    hooks = [module.register_forward_hook(record) for module in model.modules()]
    try:
        with torch.no_grad():
            model.eval()
            model(torch.zeros(1, *project.input_shape, device="meta"))
    finally:
        for hook in hooks:
            hook.remove()
    parameters = sum(p.numel() for p in model.parameters()) + sum(b.numel() for b in model.buffers())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return NetworkSize(parameters, trainable, outputs[0] + math.prod(project.input_shape), widest[0])


def _tensors(value) -> list:
    import torch

    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, list | tuple):
        return [t for item in value for t in _tensors(item)]
    return []


FLOAT = 4  # bytes of a float32
PREDICT_BATCH_IMAGES = 32  # images classified at once: memory stays that of one batch, however many files
# Measured (tests/unit/test_memory_budget.py, peak resident memory of real runs on the CPU):
RUN_OVERHEAD = 64 * 1024**2  # libraries' own working memory: 20-22 MB for a network of 4,000 parameters
ALLOCATOR_SLACK = 1.25  # freed copies of the weights are not all returned at once: up to 1.2x measured
ACTIVATION_COPIES = 3  # outputs kept for backward, their gradients, and oneDNN's reordered copies of a conv's
INFERENCE_COPIES = 3  # a layer's input and output, and the reordered copy of the input
EVALUATION_BATCH = 256  # images the validation pass takes at once, at least (engine.evaluate)


@dataclass(frozen=True)
class Estimate:
    weights: int  # bytes for the parameters and every copy kept of them
    activations: int  # bytes for the images' values through the layers

    @property
    def total(self) -> int:
        return self.weights + self.activations


def training_bytes(size: NetworkSize, batch: int) -> Estimate:
    """What training holds beyond its data: the weights, their gradients and Adam's two moments;
    the CPU snapshots of the last and the best epoch's weights (and a new one while the old is
    still held); and at the end of an epoch the checkpoint being serialised (both snapshots and
    the optimizer's state) and read back to copy it to best.pt. During an epoch instead: every
    layer's output for a batch, kept for the backward pass, and as much again for its gradients."""
    kept = FLOAT * (size.parameters * 3 + size.trainable * 3)  # weights + 2 snapshots; gradients + 2 moments
    snapshot = FLOAT * size.parameters  # the new one while the old is still held
    saving = FLOAT * (2 * size.parameters + 2 * size.trainable)  # the checkpoint's bytes, read back for best.pt
    training = FLOAT * size.activations * batch * ACTIVATION_COPIES
    validation = prediction_bytes(size, max(batch, EVALUATION_BATCH)).activations  # no backward, larger batches
    return Estimate(int((kept + snapshot + saving) * ALLOCATOR_SLACK) + RUN_OVERHEAD, max(training, validation))


def prediction_bytes(size: NetworkSize, batch: int) -> Estimate:
    """What predicting holds: the weights once, and for a batch the largest layer's input and output,
    and oneDNN's reordered copy of a conv's input (measured: a validation pass of 256 images)."""
    return Estimate(FLOAT * size.parameters + RUN_OVERHEAD, FLOAT * size.widest * batch * INFERENCE_COPIES)


def check_network_fits(project, num_classes: int, images: int, *, training: bool) -> NetworkSize:
    """Refuse, before building, a network whose run (or prediction) would not fit in what is usable:
    30,000 dense units typed by mistake, or a tiny checkpoint describing a network of many GB.
    The message tells the parameters' share from the activations' (the images at once)."""
    size = measure_network(project, num_classes)
    estimate = training_bytes(size, images) if training else prediction_bytes(size, images)
    allowed = memory_budget.usable_bytes() * memory_budget.RUN_SHARE  # (looked up each time: tests set it)
    if estimate.total > allowed:
        raise PlaygroundError(
            Message(
                messages.NETWORK_TOO_LARGE,
                params=f"{size.parameters:,}",
                weights=gigabytes(estimate.weights),
                activations=gigabytes(estimate.activations),
                images=images,
                needed=gigabytes(estimate.total),
                allowed=gigabytes(allowed),
            )
        )
    return size


def check_run_fits(project, base_dir) -> NetworkSize:
    """Before any image is loaded (the command line and the window's child alike): the project's
    network can train here at its batch size, its classes counted from the data's folder names."""
    from playground.ml.data.folders import class_names_of

    classes = len(class_names_of(project.data.source, base_dir))
    return check_network_fits(project, classes, project.training.batch_size, training=True)
