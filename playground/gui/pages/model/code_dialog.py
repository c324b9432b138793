"""'Show code': the PyTorch code of the current network, to copy or save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from playground.spec.project import atomic_write_bytes


class CodeDialog(QDialog):
    def __init__(self, code: str, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("PyTorch code of {0}").format(name))
        self.resize(760, 620)
        self.code = code
        self.editor = QPlainTextEdit(code)
        self.editor.setReadOnly(True)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.save_button = QPushButton(self.tr("Save…"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)

    def save(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save code"), "model.py", self.tr("Python (*.py)"))
        if not path:
            return None
        try:
            atomic_write_bytes(Path(path), self.code.encode("utf-8"))
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("Could not save {0}: {1}").format(path, error))
            return None
        return Path(path)
