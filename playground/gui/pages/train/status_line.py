"""The Train page's status: two lines whose height never changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QSizePolicy


class StatusLine(QLabel):
    """Two lines whose height never depends on the text (a label that grows as its text changes
    re-lays out the page, and the plots repaint with it, ten times a second); a longer text wraps,
    and the whole of it is the tooltip."""

    def __init__(self, text: str = ""):
        super().__init__()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()
        self.setText(text)

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self._fit_height()
