"""A lesson's exercises: one question at a time with fresh numbers, the answer checked by the app, a
hint after a wrong try and then the worked answer. What was solved is kept per lesson
(playground.lessons.progress) in the app's config folder.

The questions and the checking are playground.lessons.exercises (pure Python); this panel only
shows them, in the interface's language.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.app.config import config_dir
from playground.gui.app.messages import translated
from playground.gui.app.translation import installed_language
from playground.gui.pages.learn.grids import CURRENT, DONE, PAD, WINDOW, GridTable
from playground.lessons.content import lessons
from playground.lessons.exercises import CellPuzzle, Exercise, check, exercise_count, make_exercise
from playground.lessons.progress import FIRST_TRY, PROGRESS_FILE, WITH_HELP, Progress

RIGHT = "#2e7d32"
HELPED = "#9a6700"  # solved, but with a hint or after the worked answer
WRONG = "#c62828"
CELL_SIZE = 34


class CellPuzzleView(QWidget):
    """The "fill in the next cell" exercise: the input (with its padding), the filter, and the output worked out
    up to the hidden cell, which is marked "?"; the hidden cell's window is highlighted on the input."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.input = GridTable(editable=False, cell_size=CELL_SIZE, fit=True)
        self.input.setObjectName("puzzle_input")
        self.kernel = GridTable(editable=False, cell_size=CELL_SIZE, fit=True)
        self.kernel.setObjectName("puzzle_filter")
        self.output = GridTable(editable=False, cell_size=CELL_SIZE, fit=True)
        self.output.setObjectName("puzzle_output")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = []
        for title, table in (
            (self.tr("Input"), self.input),
            (self.tr("Filter"), self.kernel),
            (self.tr("Output"), self.output),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(box)
            self.boxes.append(box)
        layout.addStretch(1)

    def show_puzzle(self, cell: CellPuzzle, revealed: bool = False) -> None:
        trace, hidden = cell.trace, cell.hidden
        (top, bottom), (left, right) = trace.pads
        padded = trace.padded[0]
        height, width = len(padded), len(padded[0])

        def is_pad(r, c):
            return r < top or r >= height - bottom or c < left or c >= width - right

        # Convolution pads with zeros (shown); pooling's padding is no value at all (an empty grey cell).
        self.input.set_grid(padded, padding_mark=is_pad)
        window = {(hidden.top + i, hidden.left + j): WINDOW for i in range(cell.window) for j in range(cell.window)}
        self.input.paint(window)
        self.boxes[1].setVisible(cell.kernel is not None)
        if cell.kernel is not None:
            self.kernel.set_grid(cell.kernel)
        shown = cell.step + (1 if revealed else 0)
        cols = len(trace.output[0])
        grid = [
            [
                value if r * cols + c < shown else "?" if r * cols + c == cell.step else None
                for c, value in enumerate(row)
            ]
            for r, row in enumerate(trace.output)
        ]
        self.output.set_grid(grid)
        self.output.paint(
            {**{(s.row, s.col): DONE for s in trace.steps[: cell.step]}, (hidden.row, hidden.col): CURRENT}
        )

    def window_cells(self) -> set[tuple[int, int]]:
        table = self.input
        return {
            (r, c)
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c).background().color() == WINDOW
        }

    def padding_cells(self) -> set[tuple[int, int]]:
        table = self.input
        return {
            (r, c)
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c).background().color() == PAD
        }


class ExercisesPanel(QWidget):
    progress_changed = Signal(str, int, int)  # lesson id, solved, exercises in the lesson

    def __init__(self, progress: Progress | None = None, rng: random.Random | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("exercises_panel")
        self.progress = progress or Progress(config_dir() / PROGRESS_FILE)
        self.rng = rng or random.Random()
        self.lesson_id = ""
        self.exercise: Exercise | None = None
        self.wrong_tries = 0
        self.revealed = False  # the worked answer of these numbers was shown: they can no longer be answered

        self.slot_buttons: list[QPushButton] = []
        self.slot_row = QHBoxLayout()
        self.slot_group = QButtonGroup(self)
        self.slot_group.setExclusive(True)
        self.score = QLabel()
        self.score.setObjectName("exercise_score")
        self.new_numbers = QPushButton(self.tr("New numbers"))
        self.new_numbers.setObjectName("exercise_new_numbers")
        # Worksheets and class results share one button: the row above the exercise stays short.
        self.class_button = QToolButton()
        self.class_button.setObjectName("exercise_class_menu")
        self.class_button.setText(self.tr("Worksheet and results"))
        self.class_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.class_button)
        self.print_action = menu.addAction(self.tr("Print worksheet…"))
        self.print_action.setToolTip(
            self.tr("This lesson's exercises as an A4 PDF with fixed numbers, or its answer key")
        )
        self.export_action = menu.addAction(self.tr("Export my progress…"))
        self.class_action = menu.addAction(self.tr("Class results…"))
        self.class_button.setMenu(menu)
        self.question = QLabel()
        self.question.setObjectName("exercise_question")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.question.setFont(font)
        self.puzzle = CellPuzzleView()
        self.choices_box = QWidget()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.choices_layout.setContentsMargins(0, 0, 0, 0)
        self.choice_group = QButtonGroup(self)
        self.answer = QLineEdit()
        self.answer.setObjectName("exercise_answer")
        self.answer.setPlaceholderText(self.tr("Your answer"))
        self.answer.setMaximumWidth(220)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("exercise_check")
        self.check_button.setDefault(True)
        self.solution_button = QPushButton(self.tr("Show the worked answer"))
        self.solution_button.setObjectName("exercise_show_solution")
        self.next_button = QPushButton(self.tr("Next exercise"))
        self.next_button.setObjectName("exercise_next")
        self.feedback = QLabel()
        self.feedback.setObjectName("exercise_feedback")
        self.feedback.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("exercise_hint")
        self.hint.setWordWrap(True)
        self.solution = QLabel()
        self.solution.setObjectName("exercise_solution")
        self.solution.setWordWrap(True)
        self.solution.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saving_problem = QLabel()
        self.saving_problem.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Exercise")))
        top.addLayout(self.slot_row)
        top.addStretch(1)
        top.addWidget(self.score)
        top.addWidget(self.new_numbers)
        top.addWidget(self.class_button)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer)
        answer_row.addWidget(self.check_button)
        answer_row.addWidget(self.solution_button)
        answer_row.addWidget(self.next_button)
        answer_row.addStretch(1)
        body = QWidget()
        column = QVBoxLayout(body)
        for widget in (self.question, self.puzzle, self.choices_box):
            column.addWidget(widget)
        column.addLayout(answer_row)
        for widget in (self.feedback, self.hint, self.solution):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(self.saving_problem)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self.slot_group.idClicked.connect(self.open_slot)
        self.new_numbers.clicked.connect(lambda: self.open_slot(self.exercise.slot if self.exercise else 0))
        self.check_button.clicked.connect(self.check_answer)
        self.answer.returnPressed.connect(self.check_answer)
        self.solution_button.clicked.connect(self.show_solution)
        self.next_button.clicked.connect(self.next_exercise)
        self.print_action.triggered.connect(self.print_worksheet)
        self.export_action.triggered.connect(self.export_progress)
        self.class_action.triggered.connect(self.open_class_results)

    # --- which exercise -----------------------------------------------------------------------

    def show_lesson(self, lesson_id: str) -> None:
        self.lesson_id = lesson_id
        for button in self.slot_buttons:
            self.slot_group.removeButton(button)
            button.setParent(None)
            button.deleteLater()
        self.slot_buttons = []
        for slot in range(exercise_count(lesson_id)):
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"exercise_slot_{slot}")
            button.setMinimumWidth(44)
            button.setMaximumWidth(64)
            self.slot_group.addButton(button, slot)
            self.slot_row.addWidget(button)
            self.slot_buttons.append(button)
        self._show_progress()
        if self.slot_buttons:
            self.open_slot(min(set(range(len(self.slot_buttons))) - self.progress.of(lesson_id).solved, default=0))

    def open_slot(self, slot: int) -> None:
        """The lesson's exercise `slot` with fresh numbers."""
        self.exercise = make_exercise(self.lesson_id, slot, self.rng)
        self.slot_buttons[slot].setChecked(True)
        self.wrong_tries = 0
        self.revealed = False
        exercise = self.exercise
        self.question.setText(translated(exercise.question))
        self.puzzle.setVisible(exercise.cell is not None)
        if exercise.cell is not None:
            self.puzzle.show_puzzle(exercise.cell)
        for button in self.choice_group.buttons():
            self.choice_group.removeButton(button)
            button.setParent(None)
            button.deleteLater()
        for key, text in exercise.choices:
            button = QRadioButton(translated(text))
            button.setObjectName(f"exercise_choice_{key}")
            button.setProperty("choice", key)
            self.choice_group.addButton(button)
            self.choices_layout.addWidget(button)
        self.choices_box.setVisible(bool(exercise.choices))
        self.answer.setVisible(not exercise.choices)
        self.answer.clear()
        self.answer.setEnabled(True)
        self.check_button.setEnabled(True)
        for label in (self.feedback, self.hint, self.solution):
            label.clear()
            label.hide()
        self.solution_button.setEnabled(False)
        self.next_button.hide()
        if not exercise.choices:
            self.answer.setFocus()

    def print_worksheet(self) -> None:
        from playground.gui.pages.learn.worksheet_dialog import print_worksheet

        title = next((lesson.title for lesson in lessons(installed_language()) if lesson.id == self.lesson_id), "")
        print_worksheet(self, self.lesson_id, title)

    def export_progress(self) -> None:
        from playground.gui.pages.learn.class_results_dialog import export_my_progress

        export_my_progress(self, self.progress)

    def open_class_results(self) -> None:
        from playground.gui.pages.learn.class_results_dialog import ClassResultsDialog

        ClassResultsDialog(self).exec()

    def next_exercise(self) -> None:
        if self.exercise is not None:
            self.open_slot((self.exercise.slot + 1) % len(self.slot_buttons))

    # --- answering ----------------------------------------------------------------------------

    def typed(self) -> str:
        if self.exercise is not None and self.exercise.choices:
            chosen = self.choice_group.checkedButton()
            return chosen.property("choice") if chosen is not None else ""
        return self.answer.text()

    def check_answer(self) -> None:
        if self.exercise is None or not self.check_button.isEnabled():
            return
        verdict = check(self.exercise, self.typed())
        self._say(self.feedback, translated(verdict.feedback), RIGHT if verdict.correct else WRONG)
        if not verdict.counted:
            return
        helped = self.wrong_tries > 0 or self.revealed
        saved = self.progress.record(self.lesson_id, self.exercise.slot, verdict.correct, helped=helped)
        self.saving_problem.setText(
            "" if saved else self.tr("Your progress could not be saved in {0}.").format(str(self.progress.path))
        )
        if verdict.correct:
            self._lock_answer()
            self.solution_button.setEnabled(True)
            self.next_button.show()
            if self.exercise.cell is not None:
                self.puzzle.show_puzzle(self.exercise.cell, revealed=True)
        else:
            self.wrong_tries += 1
            self._say(self.hint, self.tr("Hint: {0}").format(translated(self.exercise.hint)))
            self.solution_button.setEnabled(True)
            if self.wrong_tries >= 2:
                self.show_solution()
        self._show_progress()

    def show_solution(self) -> None:
        """The worked answer; once it is shown these numbers are locked (typing the answer just read is no
        solve), and a later solve of this exercise, with new numbers, counts as solved with help."""
        if self.exercise is None:
            return
        self._say(self.solution, self.tr("Worked answer: {0}").format(translated(self.exercise.solution)))
        if self.check_button.isEnabled():  # not solved yet
            self.revealed = True
            self._lock_answer()
            self._say(self.hint, self.tr("The answer is shown: press New numbers to try this exercise again."))
            self.progress.reveal(self.lesson_id, self.exercise.slot)
            self.next_button.show()
            self._show_progress()

    def _lock_answer(self) -> None:
        self.check_button.setEnabled(False)
        self.answer.setEnabled(False)
        for button in self.choice_group.buttons():
            button.setEnabled(False)

    def _say(self, label: QLabel, text: str, colour: str | None = None) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        label.show()

    def _show_progress(self) -> None:
        lesson = self.progress.of(self.lesson_id)
        solved = lesson.solved
        tips = {FIRST_TRY: self.tr("Solved at the first try"), WITH_HELP: self.tr("Solved with help")}
        for slot, button in enumerate(self.slot_buttons):
            status = lesson.status(slot)
            button.setText(f"{slot + 1} ✓" if slot in solved else str(slot + 1))
            button.setToolTip(tips.get(status, self.tr("Not solved yet")))
            colour = {FIRST_TRY: RIGHT, WITH_HELP: HELPED}.get(status)
            button.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        count = len(self.slot_buttons)
        solved_here = len(solved & set(range(count)))
        self.score.setText(self.tr("Solved {0} of {1}").format(solved_here, count))
        self.progress_changed.emit(self.lesson_id, solved_here, count)
