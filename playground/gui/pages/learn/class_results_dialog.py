"""Learn → Exercises → "Export my progress…" (a student: one small file with their name) and "Class
results…" (the teacher: many such files in one table, student × lesson, saved as CSV; a file that cannot be
used is listed with its reason and the others load). The reading and the CSV are
playground.lessons.class_results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import translated
from playground.gui.app.translation import installed_language
from playground.lessons.class_results import (
    SUFFIX,
    StudentResults,
    class_csv,
    clean_name,
    export_progress,
    read_class,
    write_class_csv,
)
from playground.lessons.content import lessons
from playground.lessons.exercises import exercise_count
from playground.lessons.progress import FIRST_TRY, NOT_TRIED, TRIED, WITH_HELP, Progress

ALL_FIRST_TRY = QColor("#c8e6c9")
ALL_SOLVED = QColor("#ffe9a8")


def export_my_progress(parent: QWidget, progress: Progress, folder: Path | None = None) -> Path | None:
    """Ask the student's name and where to save; the file written, or None when cancelled."""
    name, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ClassResults", "Export my progress"),
        QCoreApplication.translate("ClassResults", "Your name, as your teacher should see it:"),
    )
    name = clean_name(name)
    if not ok or not name:
        return None
    suggested = str((folder or Path.home()) / f"{name}{SUFFIX}")
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ClassResults", "Export my progress"),
        suggested,
        QCoreApplication.translate("ClassResults", "Progress files (*.cnnprogress)"),
    )
    if not path:
        return None
    try:
        return export_progress(progress, name, Path(path).with_suffix(SUFFIX))
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ClassResults", "Export my progress"),
            QCoreApplication.translate("ClassResults", "The file could not be written: {0}").format(
                error.strerror or error
            ),
        )
        return None


class ClassResultsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("class_results")
        self.setWindowTitle(self.tr("Class results"))
        self.students: list[StudentResults] = []
        self.lessons = [lesson for lesson in lessons(installed_language()) if exercise_count(lesson.id)]
        self.open_button = QPushButton(self.tr("Open students' files…"))
        self.open_button.setObjectName("class_open")
        self.save_button = QPushButton(self.tr("Save as CSV…"))
        self.save_button.setObjectName("class_save")
        self.save_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        legend = QLabel(
            self.tr(
                "In each cell: solved at the first try + solved with help / the lesson's exercises."
                " Green: all at the first try; yellow: all solved."
            )
        )
        legend.setWordWrap(True)
        self.table = QTableWidget(0, len(self.lessons))
        self.table.setObjectName("class_table")
        self.table.setHorizontalHeaderLabels([str(number) for number in range(1, len(self.lessons) + 1)])
        for column, lesson in enumerate(self.lessons):
            self.table.horizontalHeaderItem(column).setToolTip(lesson.title)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems_label = QLabel(self.tr("Files not in the table:"))
        self.problems = QListWidget()
        self.problems.setObjectName("class_problems")
        self.problems.setMaximumHeight(120)
        for widget in (self.problems_label, self.problems):
            widget.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)
        self.open_button.clicked.connect(self.choose_files)
        self.save_button.clicked.connect(self.choose_csv)
        close.clicked.connect(self.accept)
        self.resize(720, 480)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open students' files"), str(Path.home()), self.tr("Progress files (*.cnnprogress)")
        )
        if paths:
            self.load(paths)

    def load(self, paths) -> None:
        """The students' files into the table (the ones already there stay; a second file of the same
        student is listed as a duplicate)."""
        known = [student.path for student in self.students]
        self.students, refused = read_class(known + [Path(p) for p in paths if Path(p) not in known])
        self.problems.clear()
        for item in refused:
            self.problems.addItem(f"{item.path.name}: {translated(item.reason)}")
        for widget in (self.problems_label, self.problems):
            widget.setVisible(bool(refused))
        self.table.setRowCount(len(self.students))
        self.table.setVerticalHeaderLabels([student.student for student in self.students])
        for row, student in enumerate(self.students):
            for column, lesson in enumerate(self.lessons):
                counts = student.counts(lesson.id)
                total = exercise_count(lesson.id)
                item = QTableWidgetItem(f"{counts[FIRST_TRY]} + {counts[WITH_HELP]} / {total}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(
                    self.tr(
                        "{0}, {1}: {2} at the first try, {3} with help, {4} tried but not solved, {5} not tried"
                    ).format(
                        student.student,
                        lesson.title,
                        counts[FIRST_TRY],
                        counts[WITH_HELP],
                        counts[TRIED],
                        counts[NOT_TRIED],
                    )
                )
                if counts[FIRST_TRY] == total:
                    item.setBackground(ALL_FIRST_TRY)
                elif counts[FIRST_TRY] + counts[WITH_HELP] == total:
                    item.setBackground(ALL_SOLVED)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.save_button.setEnabled(bool(self.students))

    def csv_text(self) -> str:
        headers = {
            "student": self.tr("Student"),
            FIRST_TRY: self.tr("solved at the first try"),
            WITH_HELP: self.tr("solved with help"),
            TRIED: self.tr("tried, not solved"),
            NOT_TRIED: self.tr("not tried"),
        }
        return class_csv(self.students, [lesson.id for lesson in self.lessons], headers)

    def choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as CSV"), str(Path.home() / "class-results.csv"), self.tr("CSV (*.csv)")
        )
        if not path:
            return
        try:
            write_class_csv(Path(path).with_suffix(".csv"), self.csv_text())
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Save as CSV"),
                self.tr("The file could not be written: {0}").format(error.strerror or error),
            )
