"""Presentation mode: everything larger for a projector at the back of a classroom.

One factor scales the interface's fonts, the icons of lists (the builder's blocks), the cells of
tables and grids (the lab, the confusion matrix) and the text and lines of plots together. It is
kept in the settings, so the next start looks the same. Widgets made later (a page's rows rebuilt,
a new plot line) pick the factor up the next time it is applied: on every page change.

Widgets that draw with sizes of their own can ask `scaled()` directly.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QStackedWidget, QTableView, QWidget

from playground.gui.app.config import app_settings
from playground.gui.app.screen_fit import fits_screen

STEPS = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
PRESENTATION = 1.5  # what View → Presentation mode switches to
SETTING = "view/scale"
# Where each widget's own size at factor 1 is kept, so that scaling twice never compounds.
_BASE_FONT, _BASE_ICON, _BASE_SECTION, _BASE_PEN = "_base_font", "_base_icon", "_base_section", "_base_pen"
_BASE_SIZE = "_base_size"
QWIDGETSIZE_MAX = (1 << 24) - 1


class Presentation(QObject):
    scale_changed = Signal(float)
    mode_changed = Signal(bool)  # on (larger than normal) or off

    def __init__(self):
        super().__init__()
        self.factor = 1.0
        self.base_font: QFont | None = None

    # ---------------------------------------------------------------- the factor

    def restore(self) -> None:
        """The factor the user chose last time (1 on a first start)."""
        try:
            factor = float(app_settings().value(SETTING, 1.0))
        except (TypeError, ValueError):
            factor = 1.0
        factor = min(STEPS, key=lambda step: abs(step - factor))
        if factor != self.factor or self.on:  # a second window opened in presentation mode is scaled too
            self.set_factor(factor, remember=False)

    def set_factor(self, factor: float, remember: bool = True) -> None:
        app = QApplication.instance()
        if self.base_font is None:
            self.base_font = QFont(app.font())
        self.factor = factor
        font = QFont(self.base_font)
        font.setPointSizeF(self.base_font.pointSizeF() * factor)
        app.setFont(font)
        for window in app.topLevelWidgets():
            apply_to(window)
        if remember:
            app_settings().setValue(SETTING, factor)
        self.scale_changed.emit(factor)
        self.mode_changed.emit(self.on)

    def toggle(self) -> None:
        self.set_factor(1.0 if self.factor > 1.0 else PRESENTATION)

    def zoom_in(self) -> None:
        self.set_factor(next((step for step in STEPS if step > self.factor), STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_factor(next((step for step in reversed(STEPS) if step < self.factor), STEPS[0]))

    @property
    def on(self) -> bool:
        return self.factor > 1.0


presentation = Presentation()


def scaled(size: float) -> int:
    """A size in pixels at the current factor."""
    return round(size * presentation.factor)


# -------------------------------------------------------------------- applying it to widgets


def _remembered(widget: QObject, name: str, current):
    """The value `widget` had at factor 1: the current one the first time it is asked for."""
    base = getattr(widget, name, None)
    if base is None:
        base = current
        setattr(widget, name, base)
    return base


def _scale_own_font(widget: QWidget) -> None:
    # A widget with a font of its own (a larger title) does not follow the application's font.
    if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
        size = _remembered(widget, _BASE_FONT, widget.font().pointSizeF())
        if size > 0:
            font = widget.font()
            font.setPointSizeF(size * presentation.factor)
            widget.setFont(font)


def _scale_fixed_size(widget: QWidget) -> None:
    # A widget made exactly so wide (the sidebar) would cut its larger text off: it grows as far as its
    # text needs. One of a fixed size (an enlarged feature map) grows in both directions. A fixed height
    # alone follows its own content.
    base = getattr(widget, _BASE_SIZE, None)
    if base is None:
        fixed_width = widget.minimumWidth() == widget.maximumWidth() < QWIDGETSIZE_MAX
        if not fixed_width or widget.maximumWidth() == 0:
            return
        fixed_height = widget.minimumHeight() == widget.maximumHeight() < QWIDGETSIZE_MAX
        height = widget.maximumHeight() if fixed_height else None
        base = _remembered(widget, _BASE_SIZE, (widget.maximumWidth(), height))
    width, height = base
    if isinstance(widget, QAbstractItemView):  # a list as wide as its longest row needs, no wider
        needed = widget.sizeHintForColumn(0) + 2 * widget.frameWidth() + 8
        widget.setFixedWidth(max(width, min(needed, scaled(width))))
    else:
        widget.setFixedWidth(scaled(width))
    if height is not None:
        widget.setFixedHeight(scaled(height))


def _scale_view(view: QAbstractItemView) -> None:
    icon = _remembered(view, _BASE_ICON, QSize(view.iconSize()))
    if icon.isValid() and not icon.isEmpty():
        view.setIconSize(icon * presentation.factor)
    if isinstance(view, QTableView):
        for header in (view.horizontalHeader(), view.verticalHeader()):
            section = _remembered(header, _BASE_SECTION, header.defaultSectionSize())
            header.setDefaultSectionSize(scaled(section))


def _scale_plots(window: QWidget) -> None:
    if "pyqtgraph" not in sys.modules:  # no plot made yet; never import it just for this
        return
    import pyqtgraph as pg

    font = QFont(QApplication.font())
    for widget in [window, *window.findChildren(pg.PlotWidget)]:
        if not isinstance(widget, pg.PlotWidget):
            continue
        item = widget.getPlotItem()
        for axis in item.axes.values():
            axis["item"].setStyle(tickFont=font)
            axis["item"].label.setFont(font)
        item.titleLabel.item.setFont(font)
        for curve in item.listDataItems():
            pen = curve.opts.get("pen")
            if isinstance(pen, QPen):
                width = _remembered(curve, _BASE_PEN, pen.widthF() or 1.0)
                pen = QPen(pen)
                pen.setWidthF(width * presentation.factor)
                curve.setPen(pen)


def apply_to(window: QWidget) -> None:
    """Scale what the application font does not: own fonts, fixed sizes, icons, table cells, plots."""
    for widget in [window, *window.findChildren(QWidget)]:
        _scale_own_font(widget)
        if isinstance(widget, QAbstractItemView):
            _scale_view(widget)
        _scale_fixed_size(widget)  # last: a list's width follows its rows' larger font and icons
    _scale_plots(window)


def _unique(sequences: list[QKeySequence]) -> list[QKeySequence]:
    """Each key sequence once: one registered twice on an action is an "ambiguous shortcut" that Qt
    ignores (Ctrl+- is also the platform's standard Zoom out)."""
    kept: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in kept:
            kept.append(sequence)
    return kept


def step_within_screen(window: QWidget, step) -> bool:
    """Zoom one step (`presentation.zoom_in` or `zoom_out`), but never so far that the window no longer
    fits its screen: then the factor stays where it was. True when it changed."""
    before = presentation.factor
    step()
    if presentation.factor > before and not fits_screen(window):
        presentation.set_factor(before)
    return presentation.factor != before


def fit_factor_to_screen(window: QWidget) -> None:
    """A factor remembered from a larger screen (2.0 on a full-HD monitor) stepped down until the
    window fits this one."""
    while presentation.factor > STEPS[0] and not fits_screen(window):
        presentation.zoom_out()


def add_view_actions(menu: QMenu, window: QWidget, pages: QStackedWidget) -> QAction:
    """View → Presentation mode (F5), Zoom in (Ctrl+=, Ctrl++) and Zoom out (Ctrl+−); returns the first."""

    mode = QAction(QCoreApplication.translate("Presentation", "&Presentation mode"), window)
    mode.setObjectName("action_presentation")
    mode.setCheckable(True)
    mode.setShortcut(QKeySequence("F5"))
    mode.triggered.connect(lambda: step_within_screen(window, presentation.toggle))
    zoom_in = QAction(QCoreApplication.translate("Presentation", "Zoom &in"), window)
    zoom_in.setObjectName("action_zoom_in")
    zoom_in.setShortcuts(
        _unique(
            [QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)]
        )
    )
    zoom_in.triggered.connect(lambda: step_within_screen(window, presentation.zoom_in))
    zoom_out = QAction(QCoreApplication.translate("Presentation", "Zoom &out"), window)
    zoom_out.setObjectName("action_zoom_out")
    zoom_out.setShortcuts(
        _unique([QKeySequence("Ctrl+-"), *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut)])
    )
    zoom_out.triggered.connect(lambda: step_within_screen(window, presentation.zoom_out))
    for action in (mode, zoom_in, zoom_out):
        menu.addAction(action)
    presentation.mode_changed.connect(mode.setChecked)  # a bound slot: let go when the window closes
    # Rows and plots made since the factor changed (a page's list rebuilt) are scaled when shown.
    pages.currentChanged.connect(lambda _: apply_to(window) if presentation.on else None)
    mode.setChecked(presentation.on)
    return mode
