"""Small video files made in the test (no camera in CI: a video file plays as one)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def write_video(path: Path, frames: int = 30, size: tuple[int, int] = (96, 128), fps: float = 30.0) -> Path:
    """A video whose frame i is dark with 8·i in its red channel and a green left half (to see
    mirroring and tell frames apart after decoding). MJPEG in AVI: in every OpenCV build."""
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (size[1], size[0]))
    assert writer.isOpened()
    for i in range(frames):
        image = np.zeros((*size, 3), np.uint8)
        image[:, :, 2] = (8 * i) % 256  # BGR: red
        image[:, : size[1] // 2, 1] = 200
        writer.write(image)
    writer.release()
    return path


def write_object_video(
    path: Path, shape: str, frames: int = 60, size: tuple[int, int] = (240, 320), fps: float = 15
) -> Path:
    """A "webcam" clip of one object moving in front of a textured wall: a red ball ("ball"), a
    blue box ("box"), or the ball then the box ("both"). For screenshots and benchmarks."""
    import cv2

    rng = np.random.default_rng(len(shape))
    height, width = size
    wall = np.clip(rng.normal(170, 12, (height, width, 3)), 0, 255).astype(np.uint8)
    wall[:, :, 0] = np.linspace(150, 200, width, dtype=np.uint8)[None, :]  # light from one side
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    assert writer.isOpened()
    for i in range(frames):
        image = wall.copy()
        kind = shape if shape != "both" else ("ball" if i < frames // 2 else "box")
        x = int(width * (0.3 + 0.4 * (0.5 + 0.5 * np.sin(i / 6))))
        y = int(height * (0.45 + 0.1 * np.cos(i / 5)))
        radius = height // 5
        if kind == "ball":
            cv2.circle(image, (x, y), radius, (40, 40, 210), -1)  # BGR
            cv2.circle(image, (x - radius // 3, y - radius // 3), radius // 4, (170, 170, 255), -1)
        else:
            cv2.rectangle(image, (x - radius, y - radius), (x + radius, y + radius), (200, 90, 30), -1)
            cv2.line(image, (x - radius, y), (x + radius, y), (120, 50, 10), 3)
        writer.write(image)
    writer.release()
    return path
