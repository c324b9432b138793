"""The window on a screen of a given size, offscreen or on a real X display.

Offscreen (the default) the window is simply made that size. On a real display (QT_QPA_PLATFORM=xcb,
under Xvfb with a window manager: see .ci/run) the screen is what it is: a test for another size is
skipped, and the window is maximized, so that its frame, title bar included, fills the screen's free
area as a teacher's would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget


def real_display() -> bool:
    return QApplication.platformName() == "xcb"


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def fill_screen(window: QWidget, qtbot, size: tuple[int, int]) -> tuple[int, int]:
    """Show `window` filling a `size` screen; returns the window's own size (without its frame)."""
    if not real_display():
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return size
    screen = window.screen().geometry().size().toTuple()
    if screen != size:
        pytest.skip(f"the X screen is {screen[0]}×{screen[1]}, this test is for {size[0]}×{size[1]}")
    window.showMaximized()
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: window.frameGeometry() == room and window.geometry() != room, timeout=5000)
    settle()
    return window.size().toTuple()


def frame_problems(window: QWidget, where: str) -> list[str]:
    """The window's frame past the screen's free area (only a real display has a frame)."""
    room, frame = window.screen().availableGeometry(), window.frameGeometry()
    if real_display() and not room.contains(frame):
        return [f"{where}: the window's frame {frame.getRect()} reaches past the screen's {room.getRect()}"]
    return []
