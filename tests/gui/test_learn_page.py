"""The convolution lab on the Learn page: stepping, the highlighted window, the written sum."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableWidgetItem

from playground.gui.pages.learn.digit_walkthrough import number as shown_number
from playground.gui.pages.learn.grids import WINDOW
from playground.gui.pages.learn.lab import ConvolutionLab, GridTable


def _lab(qtbot):
    page = ConvolutionLab()
    qtbot.addWidget(page)
    page.show()
    return page


def test_stepping_highlights_the_window_and_writes_the_sum(qtbot):
    page = _lab(qtbot)
    assert page.highlighted_cells() == set() and "Press Step" in page.sum_label.text()
    page.step_button.click()
    assert page.highlighted_cells() == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert page.sum_label.text() == "Output [1, 1]: 1·1 + 2·0 + 6·0 + 7·1 = 8"
    assert page.output.item(0, 0).text() == "8" and page.output.item(0, 1).text() == ""
    for _ in range(5):
        page.step_button.click()
    assert page.highlighted_cells() == {(1, 1), (1, 2), (2, 1), (2, 2)}
    assert page.sum_label.text().endswith("7·1 + 8·0 + 12·0 + 13·1 = 20")
    for _ in range(20):  # past the end: it stops at the last cell
        page.step_button.click()
    assert [page.output.item(0, c).text() for c in range(4)] == ["8", "10", "12", "14"]
    assert page.formula_label.text() == "Output size: (5 − 2 + 0)/1 + 1 = 4"
    page.reset_button.click()
    assert page.highlighted_cells() == set() and page.output.item(0, 0).text() == ""


def test_editing_a_number_recomputes(qtbot):
    page = _lab(qtbot)
    page.input_tables()[0].setItem(0, 0, QTableWidgetItem("10"))
    page.step_button.click()
    assert page.sum_label.text() == "Output [1, 1]: 10·1 + 2·0 + 6·0 + 7·1 = 17"
    page.input_tables()[0].setItem(0, 1, QTableWidgetItem("x"))
    assert "row 1, column 2: 'x' is not a number" in page.sum_label.text()
    page.padding.setCurrentIndex(page.padding.findData(1))  # edits land on the number, not the padding
    page.input_tables()[0].setItem(1, 1, QTableWidgetItem("5"))
    assert page.input_values[0][0][0] == 5


def test_pooling_and_stride(qtbot):
    page = _lab(qtbot)
    page.input_size.setValue(4)
    page.operation.setCurrentIndex(page.operation.findData("max"))
    page.stride.setValue(2)
    assert not page.filter_box.isVisible()
    for _ in range(4):
        page.step_button.click()
    grid = [[page.output.item(r, c).text() for c in range(2)] for r in range(2)]
    assert grid == [["6", "8"], ["14", "16"]]
    assert page.sum_label.text() == "Output [2, 2]: max(11, 12, 15, 16) = 16"


def test_three_channels_sum_into_one_map(qtbot):
    page = _lab(qtbot)
    page.channels.setValue(3)
    assert page.inputs.count() == 3 and page.filters.count() == 3
    page.step_button.click()
    # each channel holds 1…25 plus 100 per channel; the diagonal filter takes two cells of each
    assert page.sum_label.text().endswith(" = 624")  # (1+7) + (101+107) + (201+207)


def test_same_padding_shows_the_zeros_and_how_often_pixels_are_used(qtbot):
    page = _lab(qtbot)
    page.kernel.setValue(3)
    page.padding.setCurrentIndex(page.padding.findData("same"))
    table = page.input_tables()[0]
    assert table.rowCount() == 7 and table.item(0, 0).text() == "0"  # a ring of zero padding
    assert page.formula_label.text() == "Output size: (5 − 3 + 2)/1 + 1 = 5"
    page.show_use.setChecked(True)
    assert [table.item(0, c).text() for c in range(5)] == ["4", "6", "6", "6", "4"]
    page.padding.setCurrentIndex(page.padding.findData("valid"))
    table = page.input_tables()[0]
    assert [table.item(0, c).text() for c in range(5)] == ["1", "2", "3", "2", "1"]  # corners: once


def test_several_filters_give_several_maps(qtbot):
    from playground.lessons.lab import convolve

    page = _lab(qtbot)
    page.channels.setValue(2)
    page.filter_count.setValue(3)
    assert page.filters.count() == 6 and len(page.outputs) == 3  # 3 filters × 2 channels; 3 maps
    assert "3 feature maps" in page.output_box.title()
    assert len(page.output_box.findChildren(GridTable)) == 3  # the grids of one filter before are gone
    inputs = page.input_values
    grids = [t.grid() for t in page.filter_tables()]
    for _ in range(16):
        page.step_button.click()
    for number, table in enumerate(page.outputs):
        expected = convolve(inputs, grids[2 * number : 2 * number + 2], 1, "valid").output
        assert [[table.item(r, c).text() for c in range(4)] for r in range(4)] == [
            [str(v) for v in row] for row in expected
        ]
    assert page.outputs[0].item(0, 0).text() != page.outputs[1].item(0, 0).text()  # different filters
    lines = page.sum_label.text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("Map 1 [4, 4]:") and lines[2].startswith("Map 3 [4, 4]:")
    # 3 filters of 2×2×2 + 3 biases = 27, against a dense layer 50 -> 48 outputs
    assert page.compare_label.text().startswith("3 filter(s) here learn 27 parameters")
    assert "50 inputs would learn 2,448" in page.compare_label.text()


def test_pooling_claims_no_parameters_and_the_formula_shows_the_floor(qtbot):
    page = _lab(qtbot)
    page.operation.setCurrentIndex(page.operation.findData("max"))
    page.stride.setValue(2)
    assert page.formula_label.text() == "Output size: ⌊(5 − 2 + 0)/2⌋ + 1 = 2"
    assert "learns no parameters" in page.compare_label.text() and "filter(s)" not in page.compare_label.text()


def test_filters_up_to_7x7_with_padding_3(qtbot):
    page = _lab(qtbot)
    page.kernel.setValue(7)
    page.padding.setCurrentIndex(page.padding.findData(3))
    assert page.kernel.value() == 7 and page.padding.currentData() == 3
    assert page.input_tables()[0].rowCount() == 11 and page.output.rowCount() == 5  # 5 + 2·3 − 7 + 1


# --- exercises --------------------------------------------------------------------------------------


def _exercises(qtbot, lesson, seed=3):
    import random

    from playground.gui.pages.learn.exercises_panel import ExercisesPanel

    panel = ExercisesPanel(rng=random.Random(seed))
    qtbot.addWidget(panel)
    panel.show()
    panel.show_lesson(lesson)
    return panel


def test_fill_in_the_next_cell_hides_it_checks_it_and_keeps_the_progress(qtbot, isolated_settings):
    import json

    panel = _exercises(qtbot, "pooling")
    assert len(panel.slot_buttons) == 5 and panel.score.text() == "Solved 0 of 5"
    panel.open_slot(1)  # max pooling, stride 2
    cell = panel.exercise.cell
    hidden = cell.hidden
    assert panel.puzzle.isVisible() and not panel.puzzle.boxes[1].isVisible()  # pooling has no filter
    assert panel.puzzle.output.item(hidden.row, hidden.col).text() == "?"
    assert panel.puzzle.window_cells() == {(hidden.top + i, hidden.left + j) for i in range(2) for j in range(2)}
    assert panel.question.text().startswith("Max pooling")
    panel.answer.setText("twelve")
    panel.check_button.click()
    assert panel.feedback.text() == "Type a number, e.g. 12." and not panel.hint.isVisible()
    panel.answer.setText(str(hidden.value + 1))
    panel.check_button.click()
    assert panel.feedback.text() == "Not quite — try again."
    assert panel.hint.isVisible() and panel.hint.text().startswith("Hint: Its window starts at row")
    assert not panel.solution.isVisible() and panel.solution_button.isEnabled()
    panel.answer.setText(str(hidden.value + 2))
    panel.check_button.click()  # the second wrong try shows the worked answer, and locks these numbers
    assert panel.solution.isVisible() and hidden.text in panel.solution.text()
    assert not panel.check_button.isEnabled() and not panel.answer.isEnabled()
    panel.answer.setText(str(hidden.value))
    panel.check_answer()  # typing the answer just read is no solve
    assert panel.feedback.text() == "Not quite — try again." and panel.score.text() == "Solved 0 of 5"
    panel.new_numbers.click()  # fresh numbers for the same exercise: it can be solved again, with help
    cell = panel.exercise.cell
    assert panel.check_button.isEnabled() and not panel.solution.isVisible()
    panel.answer.setText(str(cell.hidden.value))
    panel.check_button.click()
    assert panel.feedback.text() == "Right!" and not panel.check_button.isEnabled()
    assert panel.puzzle.output.item(cell.hidden.row, cell.hidden.col).text() == str(cell.hidden.value)
    assert panel.slot_buttons[1].text() == "2 ✓" and panel.score.text() == "Solved 1 of 5"
    assert panel.slot_buttons[1].toolTip() == "Solved with help"
    saved = json.loads((isolated_settings / "exercise-progress.json").read_text())
    assert saved["lessons"]["pooling"] == {"solved": [1], "first_try": [], "revealed": [1], "tried": [1], "tries": 3}
    panel.open_slot(0)  # right at the first check: solved first try
    panel.answer.setText(str(panel.exercise.answer))
    panel.check_button.click()
    assert panel.slot_buttons[0].toolTip() == "Solved at the first try"
    panel.show_solution()  # reading the worked answer after solving changes nothing
    again = _exercises(qtbot, "pooling")  # a restart: the progress is still there
    assert again.slot_buttons[1].text() == "2 ✓" and again.exercise.slot == 2  # opens the first unsolved
    assert again.progress.of("pooling").first_try == {0}


def test_a_convolution_cell_with_padding_shows_the_zeros_and_the_filter(qtbot):
    panel = _exercises(qtbot, "padding")
    panel.open_slot(3)
    cell = panel.exercise.cell
    assert panel.puzzle.boxes[1].isVisible() and panel.puzzle.kernel.rowCount() == len(cell.kernel)
    rows = panel.puzzle.input.rowCount()
    assert (0, 0) in panel.puzzle.padding_cells() and panel.puzzle.input.item(0, 0).text() == "0"
    assert rows == len(cell.trace.padded[0])


def test_new_numbers_and_next_exercise(qtbot):
    panel = _exercises(qtbot, "channels-filters-stride")
    first = panel.question.text()
    panel.new_numbers.click()
    for _ in range(5):
        if panel.question.text() != first:
            break
        panel.new_numbers.click()
    assert panel.question.text() != first and panel.exercise.slot == 0
    panel.answer.setText(str(panel.exercise.answer))
    panel.answer.returnPressed.emit()
    assert panel.next_button.isVisible()
    panel.next_button.click()
    assert panel.exercise.slot == 1 and panel.answer.text() == "" and not panel.feedback.isVisible()


def test_a_multiple_choice_exercise(qtbot):
    panel = _exercises(qtbot, "where-cnns-are-used")
    assert panel.choices_box.isVisible() and not panel.answer.isVisible()
    buttons = panel.choice_group.buttons()
    assert [b.text() for b in buttons] == ["Classification", "Localization", "Object detection", "Segmentation"]
    panel.check_button.click()
    assert panel.feedback.text() == "Pick one of the answers."
    next(b for b in buttons if b.property("choice") == panel.exercise.answer).setChecked(True)
    panel.check_button.click()
    assert panel.feedback.text() == "Right!"


def test_the_lesson_panel_has_an_exercises_tab_with_the_count(window):
    window.show_page(window.pages.indexOf(window.learn_page))
    lessons = window.learn_page.lessons
    lessons.lesson_list.setCurrentRow(3)  # padding
    lessons.show_exercises()
    assert lessons.exercises.lesson_id == "padding" and lessons.views.tabText(1) == "Exercises (0/4)"
    exercises = lessons.exercises
    exercises.answer.setText(str(exercises.exercise.answer))
    exercises.check_button.click()
    assert lessons.views.tabText(1) == "Exercises (1/4)"


# --- the pipeline ------------------------------------------------------------------------------------


def _pipeline(qtbot):
    from playground.gui.pages.learn.pipeline_lab import PipelineLab

    lab = PipelineLab()
    qtbot.addWidget(lab)
    lab.show()
    return lab


def _cells(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_pipeline_steps_from_the_input_to_the_dense_layer(qtbot):
    lab = _pipeline(qtbot)
    assert "Press Step" in lab.text.text() and _cells(lab.map_tables[0])[0] == ["", "", "", ""]
    lab.step_button.click()
    assert lab.text.text() == "Map 1 [1, 1]: 1·1 + 2·0 + 6·0 + 7·1 = 8"
    assert lab.input.item(0, 0).background().color() == WINDOW
    for _ in range(16):  # the 16 convolution cells, then the first pooled cell
        lab.step_button.click()
    assert _cells(lab.map_tables[0])[3] == ["38", "40", "42", "44"]
    assert lab.text.text() == "Pooled 1 [1, 1]: max(8, 10, 18, 20) = 20"
    for _ in range(4):
        lab.step_button.click()
    assert _cells(lab.pool_tables[0]) == [["20", "24"], ["40", "44"]]  # the lecture's slide, nothing retyped
    assert lab.text.text().endswith("20, 24, 40, 44")  # flatten
    lab.step_button.click()
    assert lab.text.text() == "Unit 1: 20·(-1) + 24·1 + 40·(-1) + 44·1 + 0 = 8"
    lab.all_button.click()
    assert _cells(lab.outputs) == [["8"], ["136"]]
    assert (
        lab.formula.text() == "Convolution: (5 − 2 + 0)/1 + 1 = 4. Pooling: (4 − 2 + 0)/2 + 1 = 2. Flatten: 4 numbers."
    )


def test_bias_relu_and_several_filters_feed_the_next_stage(qtbot):
    from playground.lessons.pipeline import run_pipeline

    lab = _pipeline(qtbot)
    lab.filter_count.setValue(2)
    lab.use_bias.setChecked(True)
    lab.use_relu.setChecked(True)
    lab.biases.setItem(0, 1, QTableWidgetItem("-3"))
    assert lab.biases.isVisible() and len(lab.map_tables) == 2 and lab.dense_weights.columnCount() == 8
    lab.dense_weights.setItem(1, 7, QTableWidgetItem("5"))  # a typed weight is kept while it fits
    lab.all_button.click()
    expected = run_pipeline(
        lab.input.grid(),
        [t.grid() for t in lab.filter_tables()],
        biases=[0, -3],
        relu=True,
        dense_weights=lab.dense_weights.grid(),
        dense_biases=[0, 0],
    )
    assert lab.dense_weights.item(1, 7).text() == "5"
    assert [float(v[0]) for v in _cells(lab.outputs)] == expected.outputs
    assert _cells(lab.map_tables[1])[0] == ["0", "0", "0", "0"]  # the edge filter's −4, −3 → ReLU → 0
    lab.reset_button.click()
    lab.step_button.click()
    assert (
        lab.text.text().splitlines()[1]
        == "Map 2 [1, 1]: 1·1 + 2·(-1) + 6·1 + 7·(-1) = -2 ; -2 + (-3) = -5; ReLU(-5) = 0"
    )


def test_a_7x7_filter_with_padding_3_and_a_pool_too_large(qtbot):
    lab = _pipeline(qtbot)
    lab.kernel.setValue(7)
    lab.padding.setCurrentIndex(lab.padding.findData(3))
    assert lab.map_tables[0].rowCount() == 5 and lab.flat.columnCount() == 4
    lab.padding.setCurrentIndex(lab.padding.findData("valid"))
    assert lab.trace is None and "larger than the input" in lab.text.text()  # 5×5 cannot take a 7×7 filter


def test_the_lab_quiz_hides_the_next_cell_until_it_is_typed(qtbot):
    page = _lab(qtbot)
    page.quiz.setChecked(True)
    assert page.quiz_row.isVisible()
    page.step_button.click()
    assert page.output.item(0, 0).text() == "?" and page.highlighted_cells() == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert page.sum_label.text() == "What number goes in output cell [1, 1]? Type it below."
    page.quiz_answer.setText("7")
    page.quiz_check.click()
    assert page.quiz_feedback.text().startswith("Not quite — try again. Hint: Its window starts at row 1, column 1")
    assert page.output.item(0, 0).text() == "?"
    page.quiz_answer.setText("8")
    page.quiz_answer.returnPressed.emit()
    assert page.quiz_feedback.text() == "Right!" and page.output.item(0, 0).text() == "8"
    assert page.sum_label.text() == "Output [1, 1]: 1·1 + 2·0 + 6·0 + 7·1 = 8"
    page.step_button.click()  # the next cell is the next question
    assert page.output.item(0, 1).text() == "?" and page.quiz_feedback.text() == "" and page.quiz_answer.text() == ""
    for wrong in ("1", "2"):  # two wrong tries give the worked answer away
        page.quiz_answer.setText(wrong)
        page.quiz_check.click()
    assert page.output.item(0, 1).text() == "10" and page.sum_label.text().endswith("= 10")


def test_the_lab_quiz_on_pooling_and_several_maps(qtbot):
    page = _lab(qtbot)
    page.quiz.setChecked(True)
    page.operation.setCurrentIndex(page.operation.findData("avg"))
    page.stride.setValue(2)
    page.step_button.click()
    page.quiz_answer.setText("4.00")  # (1 + 2 + 6 + 7)/4
    page.quiz_check.click()
    assert page.quiz_feedback.text() == "Right!"
    page.operation.setCurrentIndex(page.operation.findData("conv"))
    page.filter_count.setValue(2)
    page.step_button.click()
    assert page.sum_label.text() == "What number goes in cell [1, 1] of map 1? Type it below."
    assert [table.item(0, 0).text() for table in page.outputs] == ["?", "?"]


# --- a filter on a real picture ------------------------------------------------------------------------


def _image_lab(qtbot):
    from playground.gui.pages.learn.image_lab import ImageLab

    lab = ImageLab()
    qtbot.addWidget(lab)
    lab.show()
    return lab


def test_a_typed_filter_on_a_drawn_digit(qtbot):
    from playground.gui.pages.learn.image_lab import drawn_digit
    from playground.lessons.lab import IMAGE_FILTERS, feature_map

    lab = _image_lab(qtbot)
    assert lab.preset.currentData() == "vertical_edge" and not lab.output_view.pixmap().isNull()
    assert lab.output == feature_map(drawn_digit(7), IMAGE_FILTERS["vertical_edge"], 1, "same")
    assert "Black is its smallest value (-" in lab.levels.text()
    lab.preset.setCurrentIndex(lab.preset.findData("blur"))
    assert lab.weights.grid() == IMAGE_FILTERS["blur"]
    lab.kernel_size.setValue(5)  # the typed numbers stay, the new cells are zeros
    grid = lab.weights.grid()
    assert len(grid) == 5 and grid[0][:3] == IMAGE_FILTERS["blur"][0] and grid[4] == [0] * 5
    lab.weights.setItem(4, 4, QTableWidgetItem("2"))
    assert lab.output == feature_map(lab.image, lab.weights.grid(), 1, "same")
    lab.digit.setValue(1)
    assert lab.image == drawn_digit(1)


def test_a_picture_of_ones_own(qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    lab = _image_lab(qtbot)
    lab.source.setCurrentIndex(lab.source.findData("file"))
    assert lab.open_button.isEnabled() and not lab.digit.isEnabled()
    photo = QImage(300, 150, QImage.Format.Format_RGB32)
    photo.fill(QColor("red"))
    photo.save(str(tmp_path / "photo.png"))
    assert lab.load_picture(str(tmp_path / "photo.png"))
    assert (len(lab.image), len(lab.image[0])) == (48, 96)  # made small, the shape kept
    (tmp_path / "notes.png").write_text("not a picture")
    assert not lab.load_picture(str(tmp_path / "notes.png")) and "could not be read" in lab.problem.text()


# --- the digit walk-through (issue 16)


def _walkthrough(qtbot):
    from playground.gui.pages.learn.digit_walkthrough import DigitWalkthrough

    panel = DigitWalkthrough()
    qtbot.addWidget(panel)
    panel.resize(1024, 768)
    with qtbot.waitSignal(panel.traced, timeout=60_000):
        panel.show()  # loads torch, the shipped LeNet-5 and the digits on a background task
    return panel


def test_a_digit_goes_through_the_shipped_lenet_and_its_cells_are_explained(qtbot):
    panel = _walkthrough(qtbot)
    assert "LeNet-5" in panel.model_label.text()
    assert [len(panel.layer_maps[i]) for i in range(-1, 8)] == [1, 6, 6, 16, 16, 1, 1, 1, 1]
    assert panel.walk.class_names[int(panel.trace.probabilities.argmax())] == str(panel.labels[0])
    # A click on a conv cell: its 5×5 window is marked on the 6 maps below, the sum written out.
    with qtbot.waitSignal(panel.layer_maps[2][3].cell_clicked):
        qtbot.mouseClick(panel.layer_maps[2][3], Qt.MouseButton.LeftButton, pos=QPoint(1 + 8 * 4 + 3, 1 + 8 * 2 + 3))
    assert panel.chosen == (2, 3, 2, 4)
    assert all(view.window == (2, 4, 5, 5) for view in panel.layer_maps[1])
    cell = panel.walk.conv_cell(panel.trace, 2, 3, 2, 4)
    text = panel.arithmetic.text()
    assert text.count("Channel") == 6 and f"= {shown_number(cell.total)}" in text and "ReLU" in text
    # A pooling cell: its 2×2 window on its own map only.
    panel.explain(1, 0, 3, 3)
    assert panel.layer_maps[0][0].window == (6, 6, 2, 2) and panel.layer_maps[0][1].window is None
    assert panel.arithmetic.text().startswith("Max pooling keeps the largest value of its window: max(")
    # A dense unit after the flatten: its largest inputs, each placed on the 16 pooled maps it came from.
    panel.explain(5, 7, 0, 7)
    largest = panel.walk.dense_cell(panel.trace, 5, 7).terms[0]
    channel, place = divmod(largest.row, 25)
    assert largest.value == float(panel.trace.layers[3].output[channel, place // 5, place % 5])
    first_line = panel.arithmetic.text().splitlines()[0]
    assert first_line.startswith(f"input {largest.row + 1} (map {channel + 1}, row {place // 5 + 1}, column")
    # The output: the class's largest contributions, and its probability.
    panel.explain(7, 0, 0, 0)
    assert "the other 76 inputs together" in panel.arithmetic.text() and "softmax" in panel.arithmetic.text()


def test_a_drawn_digit_goes_through_too_and_a_users_model_can_be_walked(qtbot):
    from playground.ml.inference.walkthrough import shipped_lenet

    panel = _walkthrough(qtbot)
    before = panel.trace
    with qtbot.waitSignal(panel.traced, timeout=10_000):
        qtbot.mousePress(panel.canvas, Qt.MouseButton.LeftButton, pos=QPoint(96, 30))
        for y in range(30, 170, 6):
            panel.canvas.draw_at(QPoint(96, y))
        qtbot.mouseRelease(panel.canvas, Qt.MouseButton.LeftButton, pos=QPoint(96, 170))
    assert panel.trace is not before and panel.canvas.picture is None and panel.canvas.ink[5:28, 16].all()
    answer = int(panel.trace.probabilities.argmax())  # the drawing's answer is explained, not the digit's before
    assert panel.chosen == (len(panel.trace.layers) - 1, answer, 0, answer) and not panel.chosen_by_user
    panel.explain(2, 3, 2, 4)  # a cell the user clicks stays explained for the next digit
    with qtbot.waitSignal(panel.traced, timeout=10_000):
        panel.pick_digit(5)
    assert panel.chosen == (2, 3, 2, 4)
    with qtbot.waitSignal(panel.traced, timeout=10_000):
        panel.set_model(shipped_lenet())  # a user's own checkpoint, as the Train page gives it
    assert "your model" in panel.model_label.text() and panel.shipped_button.isVisible()


def test_the_teachers_guide_is_a_tab_of_the_learn_page_in_its_language(qtbot):
    from playground.gui.pages.learn.page import LearnPage
    from playground.lessons.content import teachers_guide

    page = LearnPage("ko")
    qtbot.addWidget(page)
    page.setCurrentWidget(page.guide)
    text = page.guide.toPlainText()
    assert text.startswith("교사용 안내서") and "19 → 10" in text
    assert page.tabText(page.indexOf(page.guide)) == "Teacher's guide"  # English here: no translator installed
    assert teachers_guide("en").startswith("# Teacher's guide")


def test_print_a_worksheet_export_progress_and_open_the_class_results(qtbot, tmp_path, monkeypatch, isolated_settings):
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

    from playground.gui.pages.learn import worksheet_dialog
    from playground.gui.pages.learn.class_results_dialog import ClassResultsDialog
    from playground.lessons.class_results import read_class

    panel = _exercises(qtbot, "padding")
    panel.answer.setText(str(panel.exercise.answer))
    panel.check_button.click()  # slot 0 solved at the first try
    monkeypatch.setattr(worksheet_dialog.WorksheetDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    targets = iter([tmp_path / "padding-1.pdf", tmp_path / "Ana.cnnprogress"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ana\n", True))
    assert [a.text() for a in panel.class_button.menu().actions()] == [
        "Print worksheet…",
        "Export my progress…",
        "Class results…",
    ]
    panel.print_action.trigger()
    assert (tmp_path / "padding-1.pdf").read_bytes().startswith(b"%PDF")
    panel.export_action.trigger()
    (student,), _ = read_class([tmp_path / "Ana.cnnprogress"])
    assert student.student == "Ana" and student.counts("padding")["first_try"] == 1
    (tmp_path / "Bo.cnnprogress").write_text("{not json")
    dialog = ClassResultsDialog()
    qtbot.addWidget(dialog)
    dialog.load([tmp_path / "Ana.cnnprogress", tmp_path / "Bo.cnnprogress"])
    dialog.show()
    assert dialog.table.rowCount() == 1 and dialog.table.verticalHeaderItem(0).text() == "Ana"
    assert dialog.table.item(0, 3).text() == "1 + 0 / 4"  # lesson 4, padding
    assert dialog.problems.count() == 1 and dialog.problems.item(0).text().startswith("Bo.cnnprogress: damaged")
    assert dialog.save_button.isEnabled() and "Ana,0,0,0,3" in dialog.csv_text()
    dialog.grab().save(str(tmp_path / "class-results.png"))


def test_the_flattening_demo_shows_a_moved_digit_to_a_dense_layer_and_a_convolution(qtbot, tmp_path):
    from playground.gui.pages.learn.page import LearnPage

    page = LearnPage()
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.setCurrentWidget(page.flattening)
    page.show()
    demo = page.flattening
    assert page.tabText(page.indexOf(demo)) == "Flattening"
    demo.digit.setValue(3)
    result = demo.comparison
    assert len(result.changed) > 0.8 * result.inked and result.map_shifted
    assert demo.dense_text.text().startswith(f"{len(result.changed)} of the 256 inputs a Dense layer reads changed")
    assert "moved one pixel too" in demo.conv_text.text()
    assert all(not label.pixmap().isNull() for label in demo.pictures + demo.strips)
    page.grab().save(str(tmp_path / "flattening-en.png"))
