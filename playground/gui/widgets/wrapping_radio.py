"""A radio button whose words wrap onto more lines on a narrow page (Qt's own never wraps: a long
choice made the whole window wider than a 1024-px projector in presentation mode)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QRadioButton, QWidget


class _ClickableLabel(QLabel):
    def __init__(self, text: str, button: QRadioButton):
        super().__init__(text)
        self.button = button

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.click()  # as a click on the button's own text would
        super().mousePressEvent(event)


def wrapping_radio(text: str, name: str) -> tuple[QRadioButton, QWidget]:
    """The button (to check and connect) and the row that shows it with its wrapping text."""
    button = QRadioButton()
    button.setObjectName(name)
    button.setAccessibleName(text)
    label = _ClickableLabel(text, button)
    label.setObjectName(f"{name}_text")
    label.setWordWrap(True)
    label.setBuddy(button)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return button, row
