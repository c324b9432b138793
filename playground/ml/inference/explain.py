"""Looking inside a network: feature maps, Grad-CAM, learned filters and the confusion matrix.

Everything works on a Predictor (a trained checkpoint, or an ImageNet network as it is), so what
is explained is exactly what was predicted, with the same preprocessing.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from playground.ml.data.prepare import ImageSet
from playground.ml.inference.predict import Predictor
from playground.ml.network.transfer import TransferModel
from playground.spec.layers import AvgPool2d, Conv2d, MaxPool2d, MinPool2d

SPATIAL_LAYERS = (Conv2d, MaxPool2d, AvgPool2d, MinPool2d)  # layers whose output is a stack of feature maps


@dataclass(frozen=True)
class SpatialLayer:
    """A place in the network whose output is C feature maps of H×W."""

    kind: str  # "layer": the project's layer `index`; "block": block `index` of a pretrained base
    index: int
    module: nn.Module  # whose output is the layer's (hooks go here)
    is_conv: bool  # a convolution (or a base block, which ends in one), not a pooling
    block: nn.Module | None = None  # the whole layer or block, where it is more than `module`

    @property
    def whole(self) -> nn.Module:
        return self.block if self.block is not None else self.module


def _block_output(block: nn.Module) -> nn.Module:
    """The module whose output is the block's: for a Sequential, its last part. base_blocks groups an
    ImageNet network's own modules into new Sequentials that the network's forward never calls, so
    a hook must sit on a module that the forward does call."""
    while isinstance(block, nn.Sequential) and len(block):
        block = block[-1]
    return block


def spatial_layers(predictor: Predictor) -> list[SpatialLayer]:
    """The conv and pool layers (and pretrained base blocks) in the order the image meets them."""
    model = predictor.model
    if predictor.imagenet_key is not None:
        from playground.ml.network.pretrained import base_blocks

        blocks = base_blocks(predictor.imagenet_key, model)
        return [SpatialLayer("block", i, _block_output(block), True, block) for i, block in enumerate(blocks)]
    found: list[SpatialLayer] = []
    head = model
    if isinstance(model, TransferModel):
        found = [SpatialLayer("block", i, _block_output(block), True, block) for i, block in enumerate(model.base)]
        head = model.head
    for index, layer in enumerate(predictor.checkpoint.project.layers):
        if isinstance(layer, SPATIAL_LAYERS):
            found.append(SpatialLayer("layer", index, head[index], isinstance(layer, Conv2d)))
    return found


def grad_cam_layer(layers: list[SpatialLayer]) -> SpatialLayer | None:
    """Grad-CAM's usual choice: the last convolution (its maps are the most about classes while
    still knowing where things are)."""
    convs = [layer for layer in layers if layer.is_conv]
    return (convs or layers or [None])[-1]


def feature_maps(predictor: Predictor, image: torch.Tensor, layers: list[SpatialLayer]) -> list[torch.Tensor]:
    """The outputs (C×H×W, float, on the CPU) of `layers` for one uint8 image (C×H×W)."""
    outputs: dict[int, torch.Tensor] = {}

    def keep(number: int):
        def hook(_module, _inputs, out) -> None:  # None: a hook that returns a value replaces the output
            # A copy: an in-place operation further on (ReLU(inplace=True)) would change the maps.
            outputs.setdefault(number, out[0].detach().float().cpu().clone())

        return hook

    with predictor.lock:  # the hooks see this image only, not a batch another thread classifies
        hooks = [layer.module.register_forward_hook(keep(n)) for n, layer in enumerate(layers)]
        try:
            with torch.inference_mode():
                predictor.model(predictor.normalized(image.unsqueeze(0)))
        finally:
            for hook in hooks:
                hook.remove()
    missing = [n for n in range(len(layers)) if n not in outputs]
    if missing:  # a programming error (a hook on a module the forward skips): say which
        raise RuntimeError(f"no output captured for layers {missing}")
    return [outputs[n] for n in range(len(layers))]


def grad_cam(predictor: Predictor, image: torch.Tensor, class_index: int, layer: SpatialLayer) -> torch.Tensor:
    """Grad-CAM (Selvaraju et al. 2017) for `class_index`: the layer's feature maps weighted by how
    much the class score grows with each, summed, kept where positive, scaled to the image and to
    0…1. Returns H×W (the image's size); all zeros when nothing speaks for the class."""
    captured: dict[str, torch.Tensor] = {}

    def keep(_module, _inputs, output):
        if "maps" not in captured:  # the first call: a module used twice keeps its first output
            output.retain_grad()
            captured["maps"] = output

    with predictor.lock:
        hook = layer.module.register_forward_hook(keep)
        try:
            with torch.enable_grad():
                # The input asks for gradients so that they reach the layer even through a frozen base.
                batch = predictor.normalized(image.unsqueeze(0)).requires_grad_(True)
                score = predictor.model(batch)[0, class_index]
                score.backward()
        finally:
            hook.remove()
            predictor.model.zero_grad(set_to_none=True)  # no gradients kept with the model
    maps, gradients = captured["maps"].detach()[0], captured["maps"].grad[0]
    weights = gradients.mean(dim=(1, 2))  # one per feature map
    cam = F.relu((weights[:, None, None] * maps).sum(0))
    cam = F.interpolate(cam[None, None].float(), size=image.shape[1:], mode="bilinear", align_corners=False)[0, 0]
    peak = cam.max()
    return (cam / peak if peak > 0 else cam).cpu()


def conv_filters(predictor: Predictor, layer: SpatialLayer) -> torch.Tensor:
    """The weights (filters × input channels × k × k) of the layer's first convolution."""
    conv = next(m for m in layer.whole.modules() if isinstance(m, nn.Conv2d))
    return conv.weight.detach().float().cpu()


@dataclass(frozen=True)
class Confusion:
    class_names: tuple[str, ...]
    labels: torch.Tensor  # the true class of each image
    predicted: torch.Tensor  # the network's class for each image
    confidence: torch.Tensor  # the probability of the predicted class
    matrix: torch.Tensor  # matrix[true, predicted] = how many images

    @property
    def per_class_accuracy(self) -> list[float | None]:
        """For each true class, the share classified right (None: no image of that class)."""
        totals = self.matrix.sum(1)
        return [None if t == 0 else float(self.matrix[i, i] / t) for i, t in enumerate(totals.tolist())]

    @property
    def accuracy(self) -> float:
        return float(self.matrix.trace() / max(int(self.matrix.sum()), 1))

    def cell(self, true: int, predicted: int) -> list[int]:
        """The images (indices into the set) of class `true` that the network called `predicted`."""
        chosen = (self.labels == true) & (self.predicted == predicted)
        return chosen.nonzero().flatten().tolist()


def confusion(predictor: Predictor, images: ImageSet, batch_size: int = 256) -> Confusion:
    """Classify every image of a set (the validation set) and count true against predicted."""
    count = len(predictor.class_names)
    predicted, confidence = [], []
    for start in range(0, len(images), batch_size):
        probabilities = predictor.probabilities(images.images[start : start + batch_size])
        best, index = probabilities.max(dim=1)
        predicted.append(index)
        confidence.append(best)
    predicted_all = torch.cat(predicted) if predicted else torch.zeros(0, dtype=torch.long)
    matrix = torch.zeros(count, count, dtype=torch.long)
    matrix.index_put_((images.labels, predicted_all), torch.ones_like(predicted_all), accumulate=True)
    return Confusion(
        predictor.class_names,
        images.labels,
        predicted_all,
        torch.cat(confidence) if confidence else torch.zeros(0),
        matrix,
    )
