"""What "fits the screen" means for the layout tests: every visible widget inside the window, no
text cut off, no input squeezed below its smallest usable size, no side panel scrolling sideways."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def _scrolled_inside(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: reachable by scrolling even where it lies outside the window."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


def _really_visible(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.size().isEmpty()  # (a page may name a box `width`)


def _is_rich(label: QLabel) -> bool:
    if label.textFormat() == Qt.TextFormat.RichText:
        return True
    return label.textFormat() == Qt.TextFormat.AutoText and bool(TAG.search(label.text()))


def _clipped_label(label: QLabel) -> bool:
    """Text that does not fit its label: a line wider than the label, or wrapped lines taller."""
    text = label.text()
    if not text or not label.pixmap().isNull():
        return False
    room = label.contentsRect()
    if label.wordWrap() or _is_rich(label):
        needed = label.heightForWidth(room.width()) if label.wordWrap() else label.sizeHint().height()
        return needed > room.height() + 1
    metrics = label.fontMetrics()
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    return widest > room.width() + 1


def _button_width(button: QAbstractButton) -> int:
    """The width its text and icon need. (A push button's size hint is at least the style's usual button
    width, 80 px: a narrower "1" button is not cut off.)"""
    if not isinstance(button, QPushButton):
        return button.sizeHint().width()
    text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    menu = 12 if button.menu() is not None else 0
    return text + icon + menu + 8


def layout_problems(window: QWidget, where: str) -> list[str]:
    """Every visible widget of `window` that does not fit, as 'where: Type:name: what is wrong'."""
    problems = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not _really_visible(widget) or widget.window() is not window:
            continue
        name = f"{where}: {type(widget).__name__}:{widget.objectName()}"
        scrolled = _scrolled_inside(widget, window)
        if not scrolled:
            rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            if not frame.contains(rect):
                problems.append(f"{name}: {rect.getRect()} lies outside the window {frame.getRect()}")
        if isinstance(widget, QLabel) and _clipped_label(widget):
            problems.append(f"{name}: text cut off: {widget.text()[:60]!r} in {widget.contentsRect().getRect()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            needed = _button_width(widget)
            if needed > widget.width() + 1:
                problems.append(f"{name}: {widget.text()!r} needs {needed} px, has {widget.width()}")
        elif isinstance(widget, QAbstractSpinBox):
            # Room for its largest value, else typing a big number scrolls the digits out of sight.
            if widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"{name}: squeezed to {widget.width()} px of {widget.sizeHint().width()}")
        elif isinstance(widget, QComboBox) or (
            isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), QAbstractSpinBox)
        ):
            if widget.minimumSizeHint().width() > widget.width() + 1:
                problems.append(f"{name}: squeezed to {widget.width()} px of {widget.minimumSizeHint().width()}")
        elif isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{name}: needs a horizontal scroll bar")
    return problems
