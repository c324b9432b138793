"""Presentation mode: fonts, the builder's icons, table and grid cells and plots grow together, the
choice is remembered, and the window stays the size of the projector's screen."""

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTabWidget

from playground.gui.window.presentation import PRESENTATION, presentation

from .layout_checks import layout_problems


@pytest.fixture(autouse=True)
def back_to_normal():
    yield
    presentation.set_factor(1.0, remember=False)  # the application's font is shared by every test


def _action(window, name):
    return window.findChild(type(window.menuBar().actions()[0]), name)


def test_presentation_mode_scales_the_window_together(window, qtbot):
    from playground.gui.window.main_window import MainWindow

    window.resize(1024, 768)
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
    assert (window.width(), window.height()) == (1024, 768)
    assert not layout_problems(window, "model page, presentation mode")
    second = MainWindow()  # another window opened meanwhile is as large
    qtbot.addWidget(second, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert second.model_page.network.iconSize().width() == round(icons * PRESENTATION)

    _action(window, "action_presentation").trigger()  # and back, to exactly where it was
    assert QApplication.font().pointSizeF() == pytest.approx(font)
    assert window.model_page.network.iconSize().width() == icons
    assert lab_grid.horizontalHeader().defaultSectionSize() == cells
    assert window.sidebar.width() == sidebar_width


def test_zooming_steps_and_is_remembered(window, qtbot):
    from playground.gui.window.main_window import MainWindow

    zoom_in, zoom_out = _action(window, "action_zoom_in"), _action(window, "action_zoom_out")
    assert QKeySequence("Ctrl+=") in zoom_in.shortcuts() and QKeySequence("Ctrl+-") in zoom_out.shortcuts()
    zoom_in.trigger()
    zoom_in.trigger()
    larger = presentation.factor
    assert larger > 1.0 and _action(window, "action_presentation").isChecked()
    zoom_out.trigger()
    assert 1.0 < presentation.factor < larger
    zoom_in.trigger()
    presentation.set_factor(1.0, remember=False)  # as a fresh start would have it, before reading the settings
    again = MainWindow()
    qtbot.addWidget(again)
    assert presentation.factor == larger and _action(again, "action_presentation").isChecked()


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


# Pages of other developers that do not fit yet, and why (measured at 1.5×).


@pytest.mark.parametrize(
    "page_name",
    [
        "data_page",
        "augment_page",
        "model_page",
        "predict_page",
        "train_page",
        "learn_page",
    ],
)
def test_every_page_fits_1024x768_in_presentation_mode(window, page_name):
    window.resize(1024, 768)
    presentation.set_factor(PRESENTATION, remember=False)
    page = getattr(window, page_name)
    window.show_page(window.pages.indexOf(page))
    problems = []
    for tabs in [None, *page.findChildren(QTabWidget)]:
        for index in range(tabs.count()) if tabs is not None and tabs.isVisible() else [None]:
            if index is not None:
                tabs.setCurrentIndex(index)
            for _ in range(5):
                QApplication.processEvents()
            problems += layout_problems(window, f"{page_name} {index}")
            assert window.size().toTuple() == (1024, 768), f"the window grew to {window.size().toTuple()}"
    assert not problems, "\n".join(problems)
