"""Presentation mode: fonts, the builder's icons, table and grid cells and plots grow together, the
choice is remembered, and the window stays the size of the projector's screen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from playground.gui.app.presentation import PRESENTATION, STEPS, presentation

from .layout_checks import layout_problems
from .screens import fill_screen


@pytest.fixture(autouse=True)
def back_to_normal():
    yield
    presentation.set_factor(1.0, remember=False)  # the application's font is shared by every test


def _action(window, name):
    return window.findChild(type(window.menuBar().actions()[0]), name)


def test_presentation_mode_scales_the_window_together(window, qtbot):
    from playground.gui.window.main_window import MainWindow

    size = fill_screen(window, qtbot, (1024, 768))  # a projector's screen
    window.show_page(window.pages.indexOf(window.model_page))
    QApplication.processEvents()
    font = QApplication.font().pointSizeF()
    icons = window.model_page.network.iconSize().width()
    lab_grid = window.learn_page.lab.findChildren(type(window.predict_page.confusion.matrix))[0]
    cells = lab_grid.horizontalHeader().defaultSectionSize()
    sidebar = window.sidebar.font().pointSizeF()  # a font of its own: scaled too
    sidebar_width = window.sidebar.width()

    _action(window, "action_presentation").trigger()
    for _ in range(5):  # the layouts settle in a few rounds
        QApplication.processEvents()
    assert presentation.factor == PRESENTATION and _action(window, "action_presentation").isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(font * PRESENTATION)
    assert window.model_page.network.iconSize().width() == round(icons * PRESENTATION)
    assert lab_grid.horizontalHeader().defaultSectionSize() == round(cells * PRESENTATION)
    assert window.sidebar.font().pointSizeF() == pytest.approx(sidebar * PRESENTATION)
    widest = max(window.sidebar.visualItemRect(window.sidebar.item(i)).width() for i in range(window.sidebar.count()))
    assert sidebar_width < window.sidebar.width() and widest <= window.sidebar.viewport().width()  # grows with its text
    assert window.size().toTuple() == size
    assert not layout_problems(window, "model page, presentation mode")
    second = MainWindow()  # another window opened meanwhile is as large
    qtbot.addWidget(second, before_close_func=lambda w: w.document.undo_stack.setClean())
    # as large as the factor now in force. On a 1024x768 real display a new window steps the factor down
    # to fit the screen (the first window then follows it): a known limit, noted in the closing note;
    # the factor is put back for the rest of this test.
    assert second.model_page.network.iconSize().width() == round(icons * presentation.factor)
    if presentation.factor != PRESENTATION:
        presentation.set_factor(PRESENTATION, remember=False)

    _action(window, "action_presentation").trigger()  # and back, to exactly where it was
    assert QApplication.font().pointSizeF() == pytest.approx(font)
    assert window.model_page.network.iconSize().width() == icons
    assert lab_grid.horizontalHeader().defaultSectionSize() == cells
    assert window.sidebar.width() == sidebar_width


def _press(window, qtbot, key, modifier=Qt.KeyboardModifier.ControlModifier):
    """A key pressed on the window, as a teacher would (not the action triggered from the test)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    QTest.keyClick(window, key, modifier)
    for _ in range(3):
        QApplication.processEvents()


def test_zooming_from_the_keyboard_steps_both_ways_and_is_remembered(window, qtbot):
    from playground.gui.window.main_window import MainWindow

    for name in ("action_zoom_in", "action_zoom_out", "action_presentation"):
        shortcuts = [sequence.toString() for sequence in _action(window, name).shortcuts()]
        assert len(shortcuts) == len(set(shortcuts)), f"{name}: a key twice is an ambiguous shortcut: {shortcuts}"
    _press(window, qtbot, Qt.Key.Key_Equal)
    assert presentation.factor == STEPS[1]
    _press(window, qtbot, Qt.Key.Key_Plus)  # Ctrl++ (the platform's own Zoom in) as well as Ctrl+=
    assert presentation.factor == STEPS[2] and _action(window, "action_presentation").isChecked()
    _press(window, qtbot, Qt.Key.Key_Minus)
    assert presentation.factor == STEPS[1]
    _press(window, qtbot, Qt.Key.Key_Minus)
    assert presentation.factor == 1.0 and not _action(window, "action_presentation").isChecked()
    _press(window, qtbot, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    assert presentation.factor == PRESENTATION
    presentation.set_factor(1.0, remember=False)  # as a fresh start would have it, before reading the settings
    again = MainWindow()
    qtbot.addWidget(again)
    assert presentation.factor == PRESENTATION and _action(again, "action_presentation").isChecked()


def test_zooming_in_stops_where_the_window_would_be_larger_than_the_screen(window, qtbot, monkeypatch):
    from PySide6.QtCore import QRect

    from playground.gui.app import screen_fit

    monkeypatch.setattr(screen_fit, "free_area", lambda _window: QRect(0, 0, 1024, 768))  # a projector
    window.resize(1000, 700)
    for _ in range(len(STEPS)):
        _press(window, qtbot, Qt.Key.Key_Equal)
    assert 1.0 < presentation.factor < STEPS[-1]  # 2.0 makes the window wider than 1024 px
    assert screen_fit.fits_screen(window)
    reached = presentation.factor
    _press(window, qtbot, Qt.Key.Key_Minus)
    assert presentation.factor < reached  # and back down, a step at a time


def test_plots_get_larger_text_and_thicker_lines(qtbot):
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    curve = plot.plot([0, 1, 2], [1, 0, 2], pen=pg.mkPen("#0072b2", width=1))
    presentation.set_factor(PRESENTATION, remember=False)
    assert curve.opts["pen"].widthF() == pytest.approx(PRESENTATION)
    assert plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSizeF() == pytest.approx(
        QApplication.font().pointSizeF()
    )
    presentation.set_factor(1.0, remember=False)
    assert curve.opts["pen"].widthF() == pytest.approx(1.0)


def test_the_lecture_s_example_is_whole_and_its_computed_cell_stays_in_view(window, qtbot):
    """The conv lab's 5×5 example on a projector: at 1.0× all of it with no scrolling; in presentation
    mode every grid whole, and while it plays the page scrolls along with the output cell."""
    fill_screen(window, qtbot, (1024, 768))
    window.show_page(window.pages.indexOf(window.learn_page))
    lab = window.learn_page.lab
    window.learn_page.setCurrentWidget(lab)
    for _ in range(5):
        QApplication.processEvents()
    assert not lab.scroll.verticalScrollBar().isVisible()
    for table in [*lab.input_tables(), *lab.filter_tables(), lab.output]:
        assert table.size() == table.sizeHint() and not table.verticalScrollBar().isVisible(), table.objectName()
    presentation.set_factor(PRESENTATION, remember=False)
    for _ in range(5):
        QApplication.processEvents()
    lab.reset()
    viewport = lab.scroll.viewport()
    for _ in range(len(lab.trace.steps)):
        lab.advance()
        QApplication.processEvents()
        step = lab.trace.steps[lab.step]
        cell = lab.output.visualItemRect(lab.output.item(step.row, step.col))
        top_left = lab.output.viewport().mapTo(viewport, cell.topLeft())
        assert viewport.rect().contains(cell.translated(top_left - cell.topLeft())), (lab.step, top_left)
    for table in [*lab.input_tables(), lab.output]:
        assert table.size() == table.sizeHint(), table.objectName()  # whole at 1.5× too
