"""Help → Check this computer…: the before-class check (playground.kit.doctor) in a dialog, each line
with its mark (OK, warning, missing) in the interface's language, the font check done with the
app's own font, and a button that copies the report for a colleague or a bug report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
)

from playground.gui.app.config import config_path
from playground.gui.app.hangul_font import hangul_font
from playground.gui.app.messages import translated
from playground.kit import doctor

ICONS = {
    doctor.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    doctor.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    doctor.NEEDED: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class DoctorDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check this computer"))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.checks = doctor.run_checks(config_path(), lambda: hangul_font(self.font()))
        finally:
            QGuiApplication.restoreOverrideCursor()
        verdict = doctor.verdict(self.checks)
        self.verdict = QLabel(f"<b>{translated(verdict.text)}</b>")
        self.verdict.setObjectName("doctor_verdict")
        self.list = QListWidget()
        self.list.setObjectName("doctor_checks")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a list to read, not to pick from
        labels = {doctor.OK: self.tr("OK"), doctor.WARNING: self.tr("Warning"), doctor.NEEDED: self.tr("Missing")}
        for check in self.checks:
            item = QListWidgetItem(self.style().standardIcon(ICONS[check.level]), translated(check.text))
            item.setToolTip(labels[check.level])
            item.setData(Qt.ItemDataRole.UserRole, check.level)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy the report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translated(doctor.title())))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        self.labels = labels
        self.resize(760, 520)

    def report(self) -> str:
        lines = [translated(doctor.title())]
        lines += [f"{self.labels[check.level]}: {translated(check.text)}" for check in self.checks]
        lines.append(translated(doctor.verdict(self.checks).text))
        return "\n".join(lines)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report())
