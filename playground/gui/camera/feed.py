"""A source's frames, read on a background `Task` and shown on the window's thread.

The thread opens the source, reads frames (a file is paced to its own frame rate, so a video
plays as a camera would), runs `work(frame)` on each (saving it, classifying it: the window's
thread never does), and hands the window the latest frame with what `work` made of it. A frame
is only sent once the previous one was shown: a slow window skips frames rather than queueing
them, so it stays smooth however fast the camera is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from playground.gui.background.tasks import Task, TaskContext

FrameWork = Callable[[Any], Any]  # Frame -> what to show beside it (runs on the feed's thread)
Present = Callable[[Any, Any], Any]  # (Frame, work's result) -> the picture to paint (QImage), on the thread


class CameraFeed(QObject):
    frame_ready = Signal(object, object, object)  # Frame, what `work` returned for it, the picture to paint
    ended = Signal()  # a file came to its end, or `stop` was called
    failed = Signal(str)  # no camera, a busy or denied one, one unplugged, a bad file: in the interface's language

    def __init__(self, parent: QObject | None = None, name: str = "camera"):
        super().__init__(parent)
        self._task = Task(self, name)
        self._task.part_ready.connect(self._show)
        self._task.finished.connect(lambda _: self.ended.emit())
        self._task.cancelled.connect(self.ended)
        self._task.failed.connect(self.failed)
        self._shown = threading.Event()
        self.frames_shown = 0
        self.source_title = ""

    @property
    def running(self) -> bool:
        return self._task.busy

    def start(
        self,
        source: str,
        work: FrameWork | None = None,
        open_source: Callable | None = None,
        present: Present | None = None,
    ) -> None:
        """Play `source` (camera:N, a video file, a folder of images); `open_source` is the
        `playground.ml.data.camera.open_source` to use (tests pass one with a fake camera driver).
        `present` makes the picture the window paints (scaled to the view: on this thread, and only
        for the frames the window will show) so that the window's thread only puts it on screen."""
        shown = self._shown = threading.Event()
        shown.set()
        self.frames_shown = 0

        def play(context: TaskContext):
            from playground.ml.data import camera

            frames = (open_source or camera.open_source)(source)
            try:
                started, first_time = time.monotonic(), None
                while not context.cancelled:
                    frame = frames.read()
                    if frame is None:
                        return None
                    if not frames.live:  # a file: shown at its own pace, as a camera would send it
                        first_time = frame.time if first_time is None else first_time
                        delay = started + (frame.time - first_time) - time.monotonic()
                        if delay > 0:
                            time.sleep(delay)
                    result = work(frame) if work is not None else None
                    if shown.is_set():
                        shown.clear()
                        picture = present(frame, result) if present is not None else None
                        context.send((frame, result, picture))
            finally:
                frames.close()
            return None

        self._task.start(play)

    def _show(self, part) -> None:
        frame, result, picture = part
        self.frames_shown += 1
        try:
            self.frame_ready.emit(frame, result, picture)
        finally:
            self._shown.set()

    def stop(self) -> None:
        self._task.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self._task.wait(timeout)
