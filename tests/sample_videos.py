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
