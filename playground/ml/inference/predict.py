"""Classifying new images with a checkpoint, prepared exactly as its training images were."""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.ml.data.images import BadImage, decode_image, read_image
from playground.ml.data.prepare import check_network_fits, normalize
from playground.ml.files.checkpoints import Checkpoint
from playground.ml.network.transfer import build_network
from playground.spec import messages
from playground.spec.errors import CheckpointError
from playground.spec.messages import Message, text_of


@dataclass(frozen=True)
class Prediction:
    path: str
    top: list[tuple[str, float]]  # (class name, probability), most likely first
    error: str = ""  # for a bad file: the reason, in place of a result
    title: str = ""  # what to call it where the path says nothing (a pasted image)


def model_from_checkpoint(checkpoint: Checkpoint) -> nn.Module:
    project = checkpoint.project
    # A tiny checkpoint may describe a network of many GB: estimated from its shapes, before building.
    check_network_fits(project, len(checkpoint.class_names), PREDICT_BATCH_IMAGES, training=False)
    model = build_network(project, len(checkpoint.class_names), pretrained_weights=False)  # its own weights
    try:
        model.load_state_dict(checkpoint.weights)
    except RuntimeError as error:
        reason = " ".join(str(error).split())[:200]
        raise CheckpointError(Message(messages.WEIGHTS_DO_NOT_FIT, reason=reason)) from None
    return model.eval()


PREDICT_BATCH_IMAGES = 32  # images classified at once: memory stays that of one batch, however many files
PREDICT_BATCH_BYTES = 64 * 1024**2  # ... and of at most this much input (a few 1024-pixel images)


class Predictor:
    """A trained checkpoint's network, ready to classify files."""

    checkpoint: Checkpoint | None
    imagenet_key: str | None = None  # an ImageNet network used as it is (ImagenetPredictor)

    def __init__(self, checkpoint: Checkpoint, device: str | torch.device = "cpu"):
        self.checkpoint = checkpoint
        self._setup(model_from_checkpoint(checkpoint), checkpoint.class_names, checkpoint.mean, checkpoint.std, device)

    def _setup(self, model: nn.Module, class_names, mean, std, device) -> None:
        # One forward at a time: the window explains an image (hooks on the model) while a
        # background thread may be classifying the validation set with the same model.
        self.lock = threading.RLock()
        self.device = torch.device(device)
        self.model = model.eval().to(self.device)
        self.class_names: tuple[str, ...] = tuple(class_names)
        channels = len(mean)
        self.mean = torch.tensor(mean, device=self.device).view(1, channels, 1, 1)
        self.std = torch.tensor(std, device=self.device).view(1, channels, 1, 1)

    def normalized(self, images: torch.Tensor) -> torch.Tensor:
        """uint8 N×C×H×W (from load_image) -> the float batch the network takes."""
        return normalize(images.to(self.device), self.mean, self.std)

    @torch.inference_mode()
    def probabilities(self, images: torch.Tensor) -> torch.Tensor:
        """uint8 N×C×H×W at the network's size -> N×classes probabilities."""
        with self.lock:
            return torch.softmax(self.model(self.normalized(images)).float(), dim=1).cpu()

    def load_image(self, path: str | os.PathLike) -> torch.Tensor:
        """A file as the network sees it: uint8 C×H×W, prepared as the training images were."""
        data = self.checkpoint.project.data
        return torch.from_numpy(decode_image(path, data.image_size, data.channels))

    def predict_files(self, paths: list[str | os.PathLike], top_k: int = 3) -> list[Prediction]:
        return list(self.iter_predictions(paths, top_k))

    def iter_predictions(self, paths: list[str | os.PathLike], top_k: int = 3) -> Iterator[Prediction]:
        """The predictions in order, a batch at a time: a folder of thousands of photos needs the
        memory of one batch, not one forward pass over every image."""
        for start in range(0, len(paths), self.batch_images):
            yield from self._classify_batch(paths[start : start + self.batch_images], top_k)[0]

    @property
    def batch_images(self) -> int:
        per_image = 4 * int(self.mean.numel()) * 224 * 224  # float input; ImageNet networks' size
        if self.checkpoint is not None:
            per_image = 4 * math.prod(self.checkpoint.project.input_shape)
        return max(1, min(PREDICT_BATCH_IMAGES, PREDICT_BATCH_BYTES // per_image))

    def classify_files(
        self, paths: list[str | os.PathLike], top_k: int = 3
    ) -> tuple[list[Prediction], list[np.ndarray | None]]:
        """The predictions, and each image as the network saw it (None for a bad file): the window
        shows them without decoding the file twice."""
        results: list[Prediction] = []
        seen: list[np.ndarray | None] = []
        for start in range(0, len(paths), self.batch_images):
            batch_results, batch_seen = self._classify_batch(paths[start : start + self.batch_images], top_k)
            results += batch_results
            seen += batch_seen
        return results, seen

    def _classify_batch(
        self, paths: list[str | os.PathLike], top_k: int
    ) -> tuple[list[Prediction], list[np.ndarray | None]]:
        results: list[Prediction | None] = [None] * len(paths)
        seen: list[np.ndarray | None] = [None] * len(paths)
        good: list[int] = []
        for i, path in enumerate(paths):
            try:
                seen[i] = self.load_image(path).numpy()
                good.append(i)
            except BadImage as bad:
                results[i] = Prediction(str(path), [], text_of(bad))
        if good:
            probs = self.probabilities(torch.from_numpy(np.stack([seen[i] for i in good])))
            k = min(top_k, len(self.class_names))
            values, indices = probs.topk(k, dim=1)
            finite = torch.isfinite(probs).all(dim=1).tolist()
            for row, i in enumerate(good):
                if not finite[row]:  # never "nan%" nor a bare NaN in JSON: this image has no answer
                    results[i] = Prediction(str(paths[i]), [], Message(messages.PREDICTION_NOT_FINITE))
                    continue
                pairs = zip(values[row].tolist(), indices[row].tolist(), strict=True)
                top = [(self.class_names[j], float(p)) for p, j in pairs]
                results[i] = Prediction(str(paths[i]), top)
        return results, seen  # type: ignore[return-value]


class ImagenetPredictor(Predictor):
    """A network pretrained on ImageNet, used as it is: its 1,000 classes, its own preprocessing."""

    def __init__(self, key: str, device: str | torch.device = "cpu"):
        from playground.ml.network import pretrained

        self.checkpoint, self.imagenet_key = None, key
        model = pretrained.load_pretrained(key)
        self.preprocessing = pretrained.imagenet_preprocessing(key, model)
        names = pretrained.imagenet_categories()
        self._setup(model, names, self.preprocessing.mean, self.preprocessing.std, device)

    def load_image(self, path: str | os.PathLike) -> torch.Tensor:
        from playground.ml.network.pretrained import imagenet_image

        return imagenet_image(read_image(path, 3, draft_side=2 * self.preprocessing.resize), self.preprocessing)
