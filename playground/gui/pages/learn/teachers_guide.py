"""The teacher's guide on the Learn page: which lesson, Try it and exercises for each chapter of the
course, the minutes and the measured results, preparing an offline classroom. The text is the
Markdown resource playground/lessons/content.teachers_guide reads (docs/ holds copies of it)."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from playground.gui.app.messages import error_text
from playground.lessons.content import LessonError, teachers_guide


class TeachersGuide(QTextBrowser):
    def __init__(self, language: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("teachers_guide")
        self.setOpenLinks(False)  # offline: the guide never leaves the app
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        try:
            self.setMarkdown(teachers_guide(language))
        except LessonError as error:  # a broken install: say so where the guide would be
            self.setPlainText(error_text(error))
