"""The course's lessons: a list, the lesson's text, and "Try it", which opens the lab or the
builder set up for it. The texts are Markdown in resources/lessons/, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.messages import error_text
from playground.gui.pages.learn.exercises_panel import ExercisesPanel
from playground.lessons.content import LessonError, lessons


class LessonsPanel(QWidget):
    try_requested = Signal(dict)  # the lesson's "try" (playground.lessons.content.check_try_it)

    def __init__(self, language: str = "en", parent=None, exercises: ExercisesPanel | None = None):
        super().__init__(parent)
        self.setObjectName("lessons_panel")
        self.lessons = []
        self.lesson_list = QListWidget()
        self.lesson_list.setObjectName("lesson_list")
        self.lesson_list.setMaximumWidth(330)
        self.lesson_list.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setObjectName("lesson_text")
        self.text.setOpenLinks(False)  # offline: a lesson never leaves the app
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        self.try_button = QPushButton(self.tr("Try it"))
        self.try_button.setObjectName("try_it_button")
        self.problem = QLabel()
        self.problem.setWordWrap(True)

        self.exercises = exercises or ExercisesPanel()

        reading = QWidget()
        right = QVBoxLayout(reading)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.try_button)
        right.addLayout(buttons)
        # The lesson and its exercises as two tabs: each gets the whole height on a small screen.
        self.views = QTabWidget()
        self.views.setObjectName("lesson_views")
        self.views.addTab(reading, self.tr("Lesson"))
        self.views.addTab(self.exercises, self.tr("Exercises"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.lesson_list)
        layout.addWidget(self.views, 1)
        self.exercises.progress_changed.connect(self._show_exercise_count)

        self.lesson_list.currentRowChanged.connect(self.show_lesson)
        self.try_button.clicked.connect(self.try_it)
        self.load(language)

    def load(self, language: str) -> None:
        try:
            self.lessons = lessons(language)
        except LessonError as error:  # a broken install: say so where the lessons would be
            self.lessons = []
            self.text.setPlainText(error_text(error))
        self.lesson_list.clear()
        for number, lesson in enumerate(self.lessons, start=1):
            self.lesson_list.addItem(f"{number}. {lesson.title}")
            self.lesson_list.item(number - 1).setToolTip(lesson.title)
        self.try_button.setEnabled(bool(self.lessons))
        if self.lessons:
            self.lesson_list.setCurrentRow(0)

    def show_lesson(self, row: int) -> None:
        if 0 <= row < len(self.lessons):
            self.text.setMarkdown(self.lessons[row].markdown)
            self.exercises.show_lesson(self.lessons[row].id)

    def show_exercises(self) -> None:
        self.views.setCurrentWidget(self.exercises)

    def _show_exercise_count(self, _lesson_id: str, solved: int, count: int) -> None:
        self.views.setTabText(1, self.tr("Exercises ({0}/{1})").format(solved, count))

    def try_it(self) -> None:
        row = self.lesson_list.currentRow()
        if 0 <= row < len(self.lessons):
            self.try_requested.emit(dict(self.lessons[row].try_it))
