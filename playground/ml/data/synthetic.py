"""builtin:shapes — coloured shapes on varied backgrounds, generated here, deterministic from a seed.

The first-run dataset: no file to find, small enough to train in seconds on a laptop, hard
enough (random colours, sizes, positions, rotations, backgrounds) that a CNN beats a dense net.
"""

from __future__ import annotations

import colorsys
import math

import numpy as np
from PIL import Image, ImageDraw

SHAPE_CLASSES = ("circle", "square", "triangle", "star", "cross")
NATIVE_SIZE = 64
IMAGES_PER_CLASS = 400


def _polygon(kind: str, cx: float, cy: float, radius: float, angle: float) -> list[tuple[float, float]]:
    if kind == "square":
        corners = [(math.pi / 4 + k * math.pi / 2) for k in range(4)]
        return [(cx + radius * math.cos(a + angle), cy + radius * math.sin(a + angle)) for a in corners]
    if kind == "triangle":
        corners = [(-math.pi / 2 + k * 2 * math.pi / 3) for k in range(3)]
        return [(cx + radius * math.cos(a + angle), cy + radius * math.sin(a + angle)) for a in corners]
    if kind == "star":
        points = []
        for k in range(10):
            r = radius if k % 2 == 0 else radius * 0.42
            a = -math.pi / 2 + k * math.pi / 5 + angle
            points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        return points
    if kind == "cross":
        arm = radius * 0.33
        quarter = [(-arm, -radius), (arm, -radius), (arm, -arm)]  # one arm's end and the corner after it
        outline = [point for turn in range(4) for point in _turned(quarter, turn)]
        cos_a, sin_a = math.cos(angle), math.sin(angle)
        return [(cx + x * cos_a - y * sin_a, cy + x * sin_a + y * cos_a) for x, y in outline]
    raise ValueError(kind)


def _turned(points: list[tuple[float, float]], quarter_turns: int) -> list[tuple[float, float]]:
    for _ in range(quarter_turns):
        points = [(-y, x) for x, y in points]
    return points


def _colour(hue: float, saturation: float, value: float) -> tuple[int, int, int]:
    return tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue % 1.0, saturation, value))


def _background(rng: np.random.Generator, size: int) -> tuple[np.ndarray, float]:
    """A solid, gradient or noisy background; returns it and its brightness (0..1)."""
    hue, value = rng.random(), rng.uniform(0.1, 0.95)
    base = np.array(_colour(hue, rng.uniform(0.0, 0.6), value), dtype=np.float32)
    style = rng.integers(3)
    canvas = np.broadcast_to(base, (size, size, 3)).copy()
    if style == 1:
        ramp = np.linspace(-40, 40, size, dtype=np.float32)
        canvas += ramp[:, None, None] if rng.random() < 0.5 else ramp[None, :, None]
    elif style == 2:
        canvas += rng.normal(0, 18, (size, size, 1)).astype(np.float32)
    return np.clip(canvas, 0, 255), value


def draw_shape(kind: str, rng: np.random.Generator, size: int = NATIVE_SIZE) -> np.ndarray:
    """One RGB image (size, size, 3) of `kind`."""
    background, brightness = _background(rng, size)
    image = Image.fromarray(background.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    radius = rng.uniform(0.16, 0.36) * size
    cx, cy = (rng.uniform(radius + 1, size - radius - 1) for _ in range(2))
    # The shape is clearly lighter or darker than its background, in any hue.
    value = rng.uniform(0.05, 0.35) if brightness > 0.55 else rng.uniform(0.7, 1.0)
    fill = _colour(rng.random(), rng.uniform(0.4, 1.0), value)
    if kind == "circle":
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=fill)
    else:
        draw.polygon(_polygon(kind, cx, cy, radius, rng.uniform(0, 2 * math.pi)), fill=fill)
    return np.asarray(image, dtype=np.uint8)


def generate_shapes(seed: int = 0, per_class: int = IMAGES_PER_CLASS, size: int = NATIVE_SIZE):
    """(images uint8 N×H×W×3, labels int64 N), classes interleaved, the same for the same seed."""
    rng = np.random.default_rng(seed)
    images = np.empty((per_class * len(SHAPE_CLASSES), size, size, 3), dtype=np.uint8)
    labels = np.empty(per_class * len(SHAPE_CLASSES), dtype=np.int64)
    for i in range(len(labels)):
        label = i % len(SHAPE_CLASSES)
        images[i] = draw_shape(SHAPE_CLASSES[label], rng, size)
        labels[i] = label
    return images, labels
