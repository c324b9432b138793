"""Recording frames into a class folder of a dataset: at a steady rate, as the network will see
them (mirrored or not, cropped to the input's aspect), in bursts that can be undone.

The window (hold "Record") and `cnn-playground capture` both use `FrameRecorder`, so a frame saved
from the command line and one saved from the window are the same file.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

import numpy as np
from PIL import Image

from playground.ml.data.camera import Frame, FrameSource, crop_to_aspect, frames, mirrored
from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message
from playground.spec.project import TEMP_PREFIX, TEMP_SUFFIX

FRAME_SUFFIX = ".jpg"
JPEG_QUALITY = 92  # a 640×480 frame: about 60 KB and 5 ms, against 400 KB and 40 ms as PNG
MAX_SAVED_SIDE = 640  # a 4K webcam's frame is kept at a size any network input here fits in


@dataclass(frozen=True)
class FrameLook:
    """How a frame is turned before it is shown and saved: as the network will see it."""

    mirror: bool = False
    aspect: tuple[int, int] | None = None  # (H, W) of the network input: crop to its shape

    def apply(self, image: np.ndarray) -> np.ndarray:
        if self.mirror:
            image = mirrored(image)
        if self.aspect is not None:
            image = crop_to_aspect(image, self.aspect)
        return image


class RateGate:
    """Says which frames to keep for a steady `per_second`, on the source's own clock (a video
    file's time, a camera's wall clock): a 30 fps camera recorded at 5/s keeps every 6th."""

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._due: float | None = None

    def restart(self) -> None:
        self._due = None

    def due(self, time: float) -> bool:
        if self._due is None:
            self._due = time
        if time + 1e-9 < self._due:
            return False
        # Late frames do not make the next one due sooner (no bursts to catch up).
        self._due = max(self._due + self.interval, time + self.interval * 0.5)
        return True


class FrameRecorder:
    """Saves frames into one class folder as image files; each burst (one hold of "Record") can be
    undone, removing only the files it wrote."""

    def __init__(self, class_folder: str | os.PathLike, look: FrameLook | None = None, prefix: str = "camera"):
        self.folder = Path(class_folder)
        self.look = look or FrameLook()
        self.prefix = prefix
        self.bursts: list[list[Path]] = []
        self.saved = 0  # in all bursts still kept
        self._lock = threading.Lock()  # the window undoes while the camera's thread may be saving

    def start_burst(self) -> None:
        with self._lock:
            self.bursts.append([])

    def save(self, frame: Frame) -> Path:
        """Write one frame (turned by `look`) as a new file; raises DataError naming the folder."""
        image = self.look.apply(frame.image)
        picture = Image.fromarray(image)
        if max(picture.size) > MAX_SAVED_SIDE:
            picture.thumbnail((MAX_SAVED_SIDE, MAX_SAVED_SIDE), Image.Resampling.BILINEAR)
        buffer = BytesIO()
        picture.save(buffer, "JPEG", quality=JPEG_QUALITY)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = _new_name(self.folder, f"{self.prefix}-{stamp}", FRAME_SUFFIX)
            _write_new_file(target, buffer.getvalue())
        except OSError as error:
            reason = error.strerror or str(error)
            message = Message(messages.FRAME_NOT_SAVED, number=frame.number, folder=self.folder, reason=reason)
            raise DataError(message) from None
        with self._lock:
            if not self.bursts:
                self.bursts.append([])
            self.bursts[-1].append(target)
            self.saved += 1
        return target

    def undo_burst(self) -> int:
        """Remove the files of the last burst (only those this recorder wrote); how many went."""
        with self._lock:
            while self.bursts and not self.bursts[-1]:
                self.bursts.pop()
            if not self.bursts:
                return 0
            burst = self.bursts.pop()
        removed = 0
        for path in burst:
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                removed += 1  # already gone: the user removed it
        with self._lock:
            self.saved -= removed
        return removed


def _new_name(folder: Path, stem: str, suffix: str) -> Path:
    target, counter = folder / f"{stem}{suffix}", 1
    while target.exists():
        target = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return target


def _write_new_file(target: Path, payload: bytes) -> None:
    """Temp file then rename: a crash never leaves half a JPEG that training would skip. No fsync:
    a frame lost to a power cut is recorded again, and fsync at 10 frames/s stalls slow disks."""
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def class_folder_of(target: str | os.PathLike) -> Path:
    """DATASET/CLASS for `capture`: the class folder is made if the dataset folder exists."""
    target = Path(target)
    if target.name in ("", ".", "..") or not target.parent.is_dir():
        raise DataError(Message(messages.CAPTURE_TARGET_NOT_A_CLASS, target=target))
    return target


def capture(
    source: FrameSource, recorder: FrameRecorder, count: int, every: float = 0.0
) -> Iterator[tuple[Frame, Path]]:
    """Save `count` frames, one every `every` seconds of the source's clock (0: every frame)."""
    gate = RateGate(1.0 / every if every > 0 else 0.0)
    recorder.start_burst()
    saved = 0
    for frame in frames(source):
        if not gate.due(frame.time):
            continue
        yield frame, recorder.save(frame)
        saved += 1
        if saved >= count:
            source.close()
            return
