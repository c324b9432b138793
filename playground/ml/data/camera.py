"""Sources of frames: a camera, a video file, or a folder of images played as if it were a camera.

Every source gives `Frame`s (RGB uint8 H×W×3, a time in seconds, a number) through one interface,
so recording samples, live prediction and the tests (which have no camera) run the same code.

The library is OpenCV (`opencv-python-headless`): one Qt-free API for cameras on Linux (V4L2),
Windows (Media Foundation) and macOS (AVFoundation, which asks the user for permission itself) and
for video files (its wheel ships FFmpeg), usable from the command line without a Qt event loop. It
is imported only when a camera or a video is opened. A camera's driver is reached through
`capture_factory`, which tests replace to play a busy, denied or unplugged camera.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from PIL import Image

from playground.ml.data.images import BadImage, is_image_file, read_image, to_mode
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message, text_of

VIDEO_SUFFIXES = (".mp4", ".avi", ".mov", ".mkv", ".webm", ".m4v", ".mpg", ".mpeg", ".wmv")
FOLDER_FRAMES_PER_SECOND = 10.0  # how fast a folder of images is played "as a camera"
CAMERA_FIRST_FRAME_TRIES = 50  # some drivers open at once and send the first picture a second later
CAMERA_READ_FAILURES_ALLOWED = 5  # one dropped frame is a hiccup; several in a row is an unplugged camera
MAX_CAMERAS_PROBED = 4  # without names from the system, cameras are found by trying indices


class CameraError(PlaygroundError):
    """A source that cannot give frames: no camera, a busy or denied one, one unplugged, a bad video."""


@dataclass(frozen=True)
class Frame:
    image: np.ndarray  # RGB uint8 H×W×3
    time: float  # seconds: the video's own clock for a file, so a file plays as fast as it can be read
    number: int  # 0, 1, 2, ... in the order the source gave them


class FrameSource(Protocol):
    title: str  # what to call it on screen and in messages
    live: bool  # a camera (wall-clock time) rather than a file (its own clock)
    frames_per_second: float  # a file's own rate, to play it in real time in the window

    def read(self) -> Frame | None:
        """The next frame; None at the end of a file; raises CameraError when a camera fails."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class CameraInfo:
    index: int
    name: str  # the driver's name where the system tells it, else ""

    @property
    def source(self) -> str:
        return f"camera:{self.index}"


def camera_hint(number: int) -> Message:
    """Where this system lets the user allow the app to use the camera (a Message: translated too)."""
    if sys.platform == "darwin":
        return Message(messages.CAMERA_HINT_MACOS)
    if sys.platform.startswith("win"):
        return Message(messages.CAMERA_HINT_WINDOWS)
    return Message(messages.CAMERA_HINT_LINUX, number=number)


def _cv2():
    # FFmpeg's and OpenCV's own complaints ("moov atom not found") would stand beside our one message.
    os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
    os.environ.setdefault("OPENCV_LOG_LEVEL", "SILENT")
    import cv2  # about 0.15 s: only when a camera or a video is opened

    with contextlib.suppress(AttributeError):  # set here too: cv2 may have been imported before
        cv2.setLogLevel(0)

    return cv2


# ------------------------------------------------------------------------------------------ cameras


def list_cameras(probe: Callable[[int], bool] | None = None) -> list[CameraInfo]:
    """The cameras of this computer. On Linux their names come from the system without opening them;
    elsewhere OpenCV cannot list devices, so the first few indices are tried (a camera in use by
    another app may then be missing from the list: its error says so when it is chosen)."""
    video4linux = Path("/sys/class/video4linux")
    if sys.platform.startswith("linux") and probe is None:  # the system's list is the whole truth
        found = []
        if not video4linux.is_dir():
            return found
        for entry in sorted(video4linux.iterdir(), key=lambda p: _number_in(p.name)):
            index = _number_in(entry.name)
            name_file, capture_index = entry / "name", entry / "index"
            # One webcam often shows two nodes (pictures, metadata): the metadata node has index 1.
            if capture_index.is_file() and capture_index.read_text().strip() not in ("", "0"):
                continue
            name = name_file.read_text().strip() if name_file.is_file() else ""
            found.append(CameraInfo(index, name))
        return found
    probe = probe or _opens
    return [CameraInfo(i, "") for i in range(MAX_CAMERAS_PROBED) if probe(i)]


def _number_in(name: str) -> int:
    digits = re.findall(r"\d+", name)
    return int(digits[-1]) if digits else 0


def _opens(index: int) -> bool:
    capture = _cv2().VideoCapture(index)
    try:
        return bool(capture.isOpened())
    finally:
        capture.release()


class CameraSource:
    live = True
    frames_per_second = 30.0

    def __init__(self, index: int, capture_factory: Callable[[int], object] | None = None, name: str = ""):
        self.index, self.title = index, name or f"camera:{index}"
        self._capture = (capture_factory or _cv2().VideoCapture)(index)
        self._number = 0
        self._failures = 0
        self._started = time.monotonic()
        if not self._capture.isOpened():
            self._capture.release()
            raise CameraError(Message(messages.CAMERA_NOT_OPENED, number=index, hint=camera_hint(index)))

    def read(self) -> Frame | None:
        while True:
            ok, image = self._capture.read()
            if ok and image is not None and image.size:
                self._failures = 0
                frame = Frame(bgr_to_rgb(image), time.monotonic() - self._started, self._number)
                self._number += 1
                return frame
            self._failures += 1
            # Before the first picture a denied or busy camera looks like this; later, an unplugged one.
            limit = CAMERA_FIRST_FRAME_TRIES if self._number == 0 else CAMERA_READ_FAILURES_ALLOWED
            if self._failures >= limit:
                if self._number == 0:
                    raise CameraError(
                        Message(messages.CAMERA_NO_PICTURE, number=self.index, hint=camera_hint(self.index))
                    )
                raise CameraError(Message(messages.CAMERA_STOPPED, number=self.index))
            time.sleep(0.02)

    def close(self) -> None:
        self._capture.release()


def bgr_to_rgb(image: np.ndarray) -> np.ndarray:
    """OpenCV's BGR (or grey, or BGRA) frame as RGB, in one SIMD pass (numpy's reversed view copied
    takes 3× longer on a 640×480 frame)."""
    cv2 = _cv2()
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2RGB)
    if image.shape[2] == 1:
        return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2RGB)
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


# --------------------------------------------------------------------------------------- video files


class VideoFileSource:
    live = False

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.title = self.path.name
        cv2 = _cv2()
        self._capture = cv2.VideoCapture(str(self.path))
        if not self._capture.isOpened():
            self._capture.release()
            raise CameraError(Message(messages.VIDEO_UNREADABLE, path=self.path))
        fps = float(self._capture.get(cv2.CAP_PROP_FPS) or 0)
        self.frames_per_second = fps if 0 < fps <= 240 else 30.0
        self._number = 0
        self._first: Frame | None = None
        first = self.read()
        if first is None:
            self.close()
            raise CameraError(Message(messages.VIDEO_WITHOUT_FRAMES, path=self.path))
        self._first = first

    def read(self) -> Frame | None:
        if self._first is not None:
            frame, self._first = self._first, None
            return frame
        ok, image = self._capture.read()
        if not ok or image is None or not image.size:
            return None
        frame = Frame(bgr_to_rgb(image), self._number / self.frames_per_second, self._number)
        self._number += 1
        return frame

    def close(self) -> None:
        self._capture.release()


# ---------------------------------------------------------------------------------- image sequences


class ImageFolderSource:
    """The images of a folder (and its subfolders), in name order, as frames; unreadable ones skipped."""

    live = False
    frames_per_second = FOLDER_FRAMES_PER_SECOND

    def __init__(self, folder: str | Path):
        from playground.ml.data.folders import images_under

        self.folder = Path(folder)
        self.title = self.folder.name
        self._files = images_under(self.folder)
        if not self._files:
            raise CameraError(Message(messages.FOLDER_WITHOUT_IMAGES, path=self.folder))
        self._next = 0
        self._number = 0
        self.skipped: list[str] = []

    def read(self) -> Frame | None:
        while self._next < len(self._files):
            path = self._files[self._next]
            self._next += 1
            try:
                image = np.asarray(read_image(path, 3))
            except BadImage as bad:
                self.skipped.append(f"{path}: {text_of(bad)}")
                continue
            frame = Frame(image, self._number / self.frames_per_second, self._number)
            self._number += 1
            return frame
        return None

    def close(self) -> None:
        pass


# ------------------------------------------------------------------------------------------- opening


def open_source(source: str, capture_factory: Callable[[int], object] | None = None) -> FrameSource:
    """`camera:N` (or just N) for a camera, else a video file or a folder of images."""
    text = source.strip()
    match = re.fullmatch(r"(?:camera:)?(\d+)", text)
    if match:
        index = int(match.group(1))
        if capture_factory is None and not list_cameras():
            raise CameraError(Message(messages.NO_CAMERA))
        names = {c.index: c.name for c in list_cameras()} if capture_factory is None else {}
        return CameraSource(index, capture_factory, names.get(index, ""))
    path = Path(text).expanduser()
    if path.is_dir():
        return ImageFolderSource(path)
    if not path.is_file():
        raise CameraError(Message(messages.SOURCE_NOT_FOUND, source=text))
    if is_image_file(path):
        raise CameraError(Message(messages.SOURCE_IS_ONE_IMAGE, path=path))
    return VideoFileSource(path)


def frames(source: FrameSource, limit: int | None = None) -> Iterator[Frame]:
    """The source's frames until it ends (or `limit` of them); the source is closed afterwards."""
    try:
        count = 0
        while limit is None or count < limit:
            frame = source.read()
            if frame is None:
                return
            count += 1
            yield frame
    finally:
        source.close()


# ------------------------------------------------------------------------- the frame as the network sees it


def mirrored(image: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(image[:, ::-1])


def crop_to_aspect(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The largest centred part of `image` with the network input's aspect (`size` is H, W): what
    is cut away here would otherwise be squashed in when the image is resized."""
    height, width = image.shape[:2]
    want = size[1] / size[0]
    if width / height > want:
        keep = max(1, round(height * want))
        left = (width - keep) // 2
        return image[:, left : left + keep]
    keep = max(1, round(width / want))
    top = (height - keep) // 2
    return image[top : top + keep]


def network_input(image: np.ndarray, size: tuple[int, int], channels: int) -> np.ndarray:
    """An RGB frame as a dataset image is decoded (images.decode_image): uint8 C×H×W, squashed to
    `size`, grey or colour."""
    picture = to_mode(Image.fromarray(image), channels)
    picture = picture.resize((size[1], size[0]), Image.Resampling.BILINEAR, reducing_gap=3.0)
    array = np.array(picture, dtype=np.uint8)
    return array[np.newaxis] if array.ndim == 2 else array.transpose(2, 0, 1).copy()
