"""The course's lessons: a list, the lesson's text, and "Try it", which opens the lab or the
builder set up for it. The texts are Markdown in resources/lessons/, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from playground.lessons.content import LessonError, lessons


class LessonsPanel(QWidget):
    try_requested = Signal(dict)  # the lesson's "try" (playground.lessons.content.check_try_it)

    def __init__(self, language: str = "en", parent=None):
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

        right = QVBoxLayout()
        right.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.try_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.lesson_list)
        layout.addLayout(right, 1)

        self.lesson_list.currentRowChanged.connect(self.show_lesson)
        self.try_button.clicked.connect(self.try_it)
        self.load(language)

    def load(self, language: str) -> None:
        try:
            self.lessons = lessons(language)
        except LessonError as error:  # a broken install: say so where the lessons would be
            self.lessons = []
            self.text.setPlainText(str(error))
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

    def try_it(self) -> None:
        row = self.lesson_list.currentRow()
        if 0 <= row < len(self.lessons):
            self.try_requested.emit(dict(self.lessons[row].try_it))
