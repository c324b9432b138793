"""The window on its screen, frame included: a first start as large as fits, never taller than the
screen's free area (a 1024×768 projector, a 1280×720 laptop), and a zoom that keeps it so."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1200, 760)  # the first start's size where the screen has room
FRAME_GUESS = QSize(8, 40)  # a title bar and borders, before the window manager has framed the window


def frame_margins(window: QWidget) -> QSize:
    """How much the window manager's frame adds to the window's own size."""
    if window.isVisible():
        extra = window.frameGeometry().size() - window.geometry().size()
        if extra.width() > 0 or extra.height() > 0:
            return extra
    return FRAME_GUESS


def free_area(window: QWidget) -> QRect:
    return window.screen().availableGeometry()


def fits_screen(window: QWidget) -> bool:
    """Whether the window, frame included, can be as small as the screen's free area."""
    room = free_area(window).size()
    smallest = window.minimumSizeHint().expandedTo(window.minimumSize()) + frame_margins(window)
    return smallest.width() <= room.width() and smallest.height() <= room.height()


def first_size(window: QWidget) -> QSize:
    """The preferred size, or the screen's free area less the frame where that is smaller."""
    return PREFERRED.boundedTo(free_area(window).size() - frame_margins(window))


def keep_on_screen(window: QWidget) -> None:
    """Once framed: a window whose frame reaches past the free area is made smaller and moved in."""
    if window.isMaximized() or window.isFullScreen():
        return
    room, frame = free_area(window), window.frameGeometry()
    if room.contains(frame):
        return
    window.resize(window.size().boundedTo(room.size() - frame_margins(window)))
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.x()), room.right() + 1 - frame.width())
    y = min(max(frame.y(), room.y()), room.bottom() + 1 - frame.height())
    window.move(QPoint(x, y))
