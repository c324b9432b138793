"""One image through a project's network with every layer's output kept: what the Model page's
figure draws inside each box ("Show a sample's output", as PerceptiLabs shows every component's
output while you build).

With the trained model's weights when they belong to this very network, else with freshly
initialised ones: the caller says which the learner is looking at.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.ml.data.prepare import channel_stats, normalize, resize_batch
from playground.ml.files.checkpoints import Checkpoint
from playground.ml.network.transfer import TransferModel, build_network
from playground.spec.project import Project

SEED = 0  # fresh weights: the same figure each time the toggle is turned on


@dataclass(frozen=True)
class SampleOutputs:
    """Each box's picture, input first, in the figure's order; values 0..1.

    The input is the image (H×W×3 or H×W); a feature map is its first channel (H×W), stretched to
    0..1; a flat layer's output is its vector (N), likewise."""

    pictures: tuple[np.ndarray, ...]
    trained: bool


def weights_fit(checkpoint: Checkpoint | None, project: Project, num_classes: int) -> bool:
    """Whether the checkpoint was trained on this very network (layers, input, base and classes)."""
    if checkpoint is None:
        return False
    trained = checkpoint.project
    return (
        trained.layers == project.layers
        and trained.input_shape == project.input_shape
        and trained.pretrained == project.pretrained
        and len(checkpoint.class_names) == num_classes
    )


def _scaled(values: torch.Tensor) -> np.ndarray:
    values = values.detach().float()
    low, high = values.min(), values.max()
    span = (high - low) if high > low else torch.tensor(1.0)
    return ((values - low) / span).numpy()


def _picture(output: torch.Tensor) -> np.ndarray:
    return _scaled(output[0] if output.ndim == 3 else output)


def _input_picture(picture: torch.Tensor) -> np.ndarray:
    """The image itself, in colour when it has three channels (H×W×3), else grey (H×W)."""
    values = picture.float() / 255.0
    return values.permute(1, 2, 0).numpy() if len(values) == 3 else values[0].numpy()


@torch.inference_mode()
def sample_outputs(
    project: Project, num_classes: int, image: torch.Tensor, checkpoint: Checkpoint | None
) -> SampleOutputs:
    """`image`: uint8 C×H×W of any size and depth; it is brought to the network's input as in training."""
    channels, height, width = project.input_shape
    picture = resize_batch(image[None], (height, width), channels)
    trained = weights_fit(checkpoint, project, num_classes)
    torch.manual_seed(SEED)
    model = build_network(project, num_classes, pretrained_weights=False)  # a checkpoint brings the base's too
    if trained:
        model.load_state_dict(checkpoint.weights)
        mean, std = checkpoint.mean, checkpoint.std
    elif project.backbone is not None:
        mean, std = project.backbone.mean, project.backbone.std
    else:
        mean, std = channel_stats(picture)  # no training set to take them from: the image's own
    shape = (1, channels, 1, 1)
    x = normalize(picture, torch.tensor(mean).view(shape), torch.tensor(std).view(shape))
    pictures = [_input_picture(picture[0])]
    model.eval()
    if isinstance(model, TransferModel):
        x = model.base(x)
        pictures.append(_picture(x[0]))
        model = model.head
    for module in model if isinstance(model, nn.Sequential) else [model]:
        x = module(x)
        pictures.append(_picture(x[0]))
    return SampleOutputs(tuple(pictures), trained)
