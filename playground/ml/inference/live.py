"""Classifying frames from a camera, a video or an image sequence, one at a time, prepared as the
checkpoint's training images were (the same preparation as a dropped file: `camera.network_input`
squashes a frame as `images.decode_image` squashes a file)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import torch
from PIL import Image

from playground.ml.data.camera import Frame, FrameSource, frames, network_input
from playground.ml.inference.predict import Prediction, Predictor
from playground.spec import messages
from playground.spec.messages import Message


def frame_tensor(predictor: Predictor, image: np.ndarray) -> torch.Tensor:
    """An RGB frame as the network sees it: uint8 C×H×W (what `Predictor.load_image` gives for a file)."""
    if predictor.imagenet_key is not None:
        from playground.ml.network.pretrained import imagenet_image

        return imagenet_image(Image.fromarray(image), predictor.preprocessing)
    data = predictor.checkpoint.project.data
    return torch.from_numpy(network_input(image, data.image_size, data.channels))


def classify_frame(predictor: Predictor, frame: Frame, top_k: int = 3, title: str = "") -> Prediction:
    probabilities = predictor.probabilities(frame_tensor(predictor, frame.image)[None])[0]
    name = title or f"frame {frame.number}"
    if not torch.isfinite(probabilities).all():
        return Prediction(name, [], Message(messages.PREDICTION_NOT_FINITE))
    values, indices = probabilities.topk(min(top_k, len(predictor.class_names)))
    top = [(predictor.class_names[j], float(p)) for p, j in zip(values.tolist(), indices.tolist(), strict=True)]
    return Prediction(name, top)


def predict_frames(
    predictor: Predictor, source: FrameSource, limit: int | None = None, top_k: int = 3
) -> Iterator[tuple[Frame, Prediction]]:
    for frame in frames(source, limit):
        yield frame, classify_frame(predictor, frame, top_k, title=f"{source.title}#{frame.number}")
