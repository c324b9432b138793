"""Numbers as colours: feature maps as grey images and Grad-CAM heat over a photo (numpy only)."""

from __future__ import annotations

import numpy as np

# A perceptually ordered ramp (dark blue → blue → cyan → yellow → red), as heat maps usually are.
_STOPS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
_COLOURS = np.array([[0, 0, 96], [0, 64, 255], [0, 224, 224], [255, 230, 0], [220, 0, 0]], dtype=float)


def heat_colours(values: np.ndarray) -> np.ndarray:
    """H×W values in 0…1 -> 3×H×W uint8 colours."""
    flat = np.clip(values, 0.0, 1.0).ravel()
    channels = [np.interp(flat, _STOPS, _COLOURS[:, c]) for c in range(3)]
    return np.stack(channels).reshape(3, *values.shape).round().astype(np.uint8)


def overlay(image: np.ndarray, heat: np.ndarray, alpha: float = 0.5) -> np.ndarray:
    """A C×H×W uint8 image (grey or RGB) under an H×W heat map: 3×H×W uint8."""
    rgb = np.repeat(image, 3, axis=0) if image.shape[0] == 1 else image
    colours = heat_colours(heat).astype(float)
    # Heat shows in proportion to its strength: cold places keep the photo readable.
    weight = alpha * np.clip(heat, 0.0, 1.0)[None] ** 0.5
    return (rgb * (1 - weight) + colours * weight).round().astype(np.uint8)


def grey_image(values: np.ndarray) -> np.ndarray:
    """An H×W float map stretched to 0…255 (its own minimum black, maximum white): 1×H×W uint8."""
    low, high = float(values.min()), float(values.max())
    scaled = (values - low) / (high - low) * 255 if high > low else np.zeros_like(values)
    return scaled.round().astype(np.uint8)[None]
