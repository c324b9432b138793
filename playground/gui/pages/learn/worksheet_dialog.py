"""Learn → Exercises → "Print worksheet…": the lesson's exercises as an A4 PDF with fixed numbers (the sheet
number is the seed: the same number, the same sheet, as `cnn-playground worksheet LESSON --seed N` makes it),
or its answer key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from playground.gui.widgets.worksheet_pdf import write_worksheet_pdf
from playground.lessons.worksheet import MAX_SEED, make_worksheet


class WorksheetDialog(QDialog):
    def __init__(self, lesson_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("worksheet_dialog")
        self.setWindowTitle(self.tr("Print worksheet: {0}").format(lesson_title))
        self.seed = QSpinBox()
        self.seed.setObjectName("worksheet_seed")
        self.seed.setRange(0, MAX_SEED)
        self.seed.setValue(1)
        self.seed.setToolTip(self.tr("The same sheet number gives every student the same numbers."))
        self.answers = QCheckBox(self.tr("Answer key (answers and worked answers)"))
        self.answers.setObjectName("worksheet_answers")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Sheet number"), self.seed)
        form.addRow(self.answers)
        form.addRow(buttons)


def print_worksheet(parent: QWidget, lesson_id: str, lesson_title: str, folder: Path | None = None) -> Path | None:
    """Ask for the sheet number and the file, write the PDF; the file written, or None when cancelled."""
    dialog = WorksheetDialog(lesson_title, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    seed, answers = dialog.seed.value(), dialog.answers.isChecked()
    name = f"{lesson_id}-{seed}{'-answers' if answers else ''}.pdf"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("WorksheetDialog", "Save the worksheet"),
        str((folder or Path.home()) / name),
        QCoreApplication.translate("WorksheetDialog", "PDF (*.pdf)"),
    )
    if not path:
        return None
    path = Path(path).with_suffix(".pdf")
    try:
        return write_worksheet_pdf(make_worksheet(lesson_id, seed), path, answers=answers)
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("WorksheetDialog", "Print worksheet"),
            QCoreApplication.translate("WorksheetDialog", "The worksheet could not be written to {0}: {1}").format(
                str(path), error.strerror or error
            ),
        )
        return None
