"""Under the run list: make the selected run the project's model, its best epoch or its last (an
earlier, better run after a bad experiment; or the last epoch where the best was an early fluke)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from playground.gui.widgets.flow_layout import FlowLayout
from playground.spec.saved_runs import CHECKPOINT_FILES


def run_model_buttons() -> tuple[QWidget, dict[str, QPushButton]]:
    """The row, and its buttons by the checkpoint each one makes the model (best.pt, last.pt)."""
    titles = {
        "best.pt": QCoreApplication.translate("RunModelButtons", "Use this run's best epoch as the model"),
        "last.pt": QCoreApplication.translate("RunModelButtons", "Use this run's last epoch as the model"),
    }
    row = QWidget()
    layout = FlowLayout(row)  # wraps on a narrow page or in presentation mode
    buttons = {}
    for name in CHECKPOINT_FILES:
        button = QPushButton(titles[name])
        button.setObjectName(f"use_{name.removesuffix('.pt')}_as_model")
        button.setEnabled(False)
        layout.addWidget(button)
        buttons[name] = button
    return row, buttons
