"""A small horizontal bar chart: how many images each class has (class balance at a glance), or
how probable each of an image's top classes is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

ROW = 20  # pixels per bar at the usual font; more for a larger one (presentation mode)


class BarChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: list[tuple[str, float]] = []
        self.value_text = "{:,}".format  # how a bar's number reads: counts by default
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: list[tuple[str, float]], value_text=None) -> None:
        self.values = list(values)
        if value_text is not None:
            self.value_text = value_text
        self._fit_height()
        self.update()

    def row_height(self) -> int:
        return max(ROW, self.fontMetrics().height() + 6)

    def _fit_height(self) -> None:
        self.setFixedHeight(self.row_height() * max(1, len(self.values)) + 4)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
        super().changeEvent(event)

    def row_at(self, y: float) -> int | None:
        row = int((y - 2) // self.row_height())
        return row if 0 <= row < len(self.values) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            row = self.row_at(event.pos().y())  # a QHelpEvent
            if row is None:
                QToolTip.hideText()
            else:
                name, value = self.values[row]
                QToolTip.showText(event.globalPos(), f"{name}: {self.value_text(value)}", self)
            return True
        return super().event(event)

    def sizeHint(self) -> QSize:
        return QSize(300, self.row_height() * max(1, len(self.values)) + 4)

    def paintEvent(self, event) -> None:
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        row_height = self.row_height()
        label_width = min(max(metrics.horizontalAdvance(name) for name, _ in self.values) + 8, self.width() // 3)
        count_width = metrics.horizontalAdvance("000000")
        largest = max((count for _, count in self.values), default=0) or 1
        bar_space = max(10, self.width() - label_width - count_width - 8)
        for row, (name, count) in enumerate(self.values):
            top = 2 + row * row_height
            painter.setPen(self.palette().windowText().color())
            # Shortened in the middle: long names that differ only at the end stay apart (tooltip: whole).
            text = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, label_width - 6)
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            painter.drawText(QRectF(0, top, label_width - 6, row_height), align, text)
            width = bar_space * count / largest
            painter.fillRect(
                QRectF(label_width, top + 3, width, row_height - 6), QColor("#3b7dd8") if count else QColor("#b00020")
            )
            painter.drawText(
                QRectF(label_width + width + 4, top, count_width, row_height),
                Qt.AlignmentFlag.AlignVCenter,
                self.value_text(count),
            )
        painter.end()
