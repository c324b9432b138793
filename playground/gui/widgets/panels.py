"""Side panels that fit a small screen: they scroll up and down instead of pushing the window wider,
and the splitters that hold them remember where the user left them."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QSplitter, QStackedWidget, QStyle, QWidget

from playground.gui.app.config import app_settings


class VerticalScrollPanel(QScrollArea):
    """A widget that gets the area's whole width (forms wrap or shrink, never need a horizontal
    scroll bar) and scrolls up and down when it is taller than the space it is given."""

    def __init__(self, widget: QWidget, name: str = ""):
        super().__init__()
        if name:
            self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(widget)

    def eventFilter(self, watched, event) -> bool:
        # The panel's minimum follows its content (a larger font, a wider form): tell the splitter.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        # Never narrower than the panel's own minimum: with no horizontal scroll bar, anything
        # narrower would cut the panel's right edge off.
        inner = self.widget().minimumSizeHint().width() if self.widget() else 0
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(inner + scroll_bar + 2 * self.frameWidth(), super().minimumSizeHint().height())


def scroll_panel(widget: QWidget, name: str = "") -> VerticalScrollPanel:
    return VerticalScrollPanel(widget, name)


class _FittedScrollPanel(VerticalScrollPanel):
    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.Resize:
            self.setMaximumHeight(self.widget().height() + 2 * self.frameWidth())
        return super().eventFilter(watched, event)


def fitted_scroll_panel(widget: QWidget, name: str = "") -> VerticalScrollPanel:
    """A scroll panel never taller than `widget` (a chart of five classes takes five rows of room),
    scrolling once the widget grows taller than the page can give (a hundred classes)."""
    return _FittedScrollPanel(widget, name)  # QScrollArea filters its widget's events


def size_by_current_page(stack: QStackedWidget) -> None:
    """The stack (and so the window) as small as the page on screen allows, not as its largest page:
    a page the user is not looking at never makes the window larger."""

    def current_only(index: int) -> None:
        for page in range(stack.count()):
            policy = QSizePolicy.Policy.Preferred if page == index else QSizePolicy.Policy.Ignored
            stack.widget(page).setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(current_only)
    current_only(stack.currentIndex())


class RememberedSplitter(QSplitter):
    """A splitter whose sizes are kept in the settings under `splitters/NAME` once the user drags it.

    Its panels may be collapsed by dragging the handle to the edge (drag it back to open them), so a
    small screen can give the middle of a page all the room it needs."""

    def __init__(self, name: str, orientation: Qt.Orientation, parent: QWidget | None = None):
        super().__init__(orientation, parent)
        self.setObjectName(f"splitter_{name}")
        self.key = f"splitters/{name}"
        self.setChildrenCollapsible(True)
        self.splitterMoved.connect(lambda *_: app_settings().setValue(self.key, self.saveState()))

    def set_default_sizes(self, sizes: list[int]) -> None:
        """Sizes for a first start; what the user chose last time wins (call after adding the panels)."""
        self.setSizes(sizes)
        state = app_settings().value(self.key)
        if isinstance(state, QByteArray):
            self.restoreState(state)
