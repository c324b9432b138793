"""Import torch after the window has painted, off the GUI thread (it takes 2-3 s here)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class TorchLoader(QObject):
    loaded = Signal(str)  # the compute device, in words ("CPU", the GPU's name)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self.device_name: str | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="torch-loader", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        try:
            import torchvision  # noqa: F401  (imported for its warm-up too)

            from playground.ml.device import describe_device, pick_device

            self.device_name = describe_device(pick_device("auto"))
        except Exception as error:  # a broken torch install: say so in the status bar, keep the app
            self.failed.emit(f"{type(error).__name__}: {error}")
            return
        self.loaded.emit(self.device_name)  # queued to the GUI thread: the receiver lives there

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
