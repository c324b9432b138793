"""Classifying new images with a checkpoint, prepared exactly as its training images were."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.ml.checkpoints import Checkpoint
from playground.ml.data import normalize
from playground.ml.images import BadImage, decode_image
from playground.ml.transfer import build_network
from playground.spec.errors import CheckpointError


@dataclass(frozen=True)
class Prediction:
    path: str
    top: list[tuple[str, float]]  # (class name, probability), most likely first
    error: str = ""  # for a bad file: the reason, in place of a result


def model_from_checkpoint(checkpoint: Checkpoint) -> nn.Module:
    project = checkpoint.project
    model = build_network(project, len(checkpoint.class_names), pretrained_weights=False)  # its own weights
    try:
        model.load_state_dict(checkpoint.weights)
    except RuntimeError as error:
        raise CheckpointError(
            f"the checkpoint's weights do not fit its network: {str(error).splitlines()[0]}"
        ) from None
    return model.eval()


class Predictor:
    def __init__(self, checkpoint: Checkpoint, device: str | torch.device = "cpu"):
        self.checkpoint = checkpoint
        self.device = torch.device(device)
        self.model = model_from_checkpoint(checkpoint).to(self.device)
        channels = len(checkpoint.mean)
        self.mean = torch.tensor(checkpoint.mean, device=self.device).view(1, channels, 1, 1)
        self.std = torch.tensor(checkpoint.std, device=self.device).view(1, channels, 1, 1)

    @property
    def class_names(self) -> tuple[str, ...]:
        return self.checkpoint.class_names

    @torch.inference_mode()
    def probabilities(self, images: torch.Tensor) -> torch.Tensor:
        """uint8 N×C×H×W at the project's size -> N×classes probabilities."""
        logits = self.model(normalize(images.to(self.device), self.mean, self.std))
        return torch.softmax(logits.float(), dim=1).cpu()

    def load_image(self, path: str | os.PathLike) -> torch.Tensor:
        data = self.checkpoint.project.data
        return torch.from_numpy(decode_image(path, data.image_size, data.channels))

    def predict_files(self, paths: list[str | os.PathLike], top_k: int = 3) -> list[Prediction]:
        results: list[Prediction | None] = [None] * len(paths)
        good: list[int] = []
        arrays: list[np.ndarray] = []
        for i, path in enumerate(paths):
            try:
                arrays.append(self.load_image(path).numpy())
                good.append(i)
            except BadImage as bad:
                results[i] = Prediction(str(path), [], str(bad))
        if good:
            probs = self.probabilities(torch.from_numpy(np.stack(arrays)))
            k = min(top_k, len(self.class_names))
            values, indices = probs.topk(k, dim=1)
            for row, i in enumerate(good):
                pairs = zip(values[row].tolist(), indices[row].tolist(), strict=True)
                top = [(self.class_names[j], float(p)) for p, j in pairs]
                results[i] = Prediction(str(paths[i]), top)
        return results  # type: ignore[return-value]
