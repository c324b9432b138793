"""The pretrained base above the head: its blocks, the freeze line, the mode and the counts.

Blocks above the line stay frozen; those below it learn (fine-tuning). Drag the line, or choose
feature extraction (the line at the bottom: the whole base frozen).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from playground.gui.widgets.layer_labels import tr
from playground.spec.project import Project
from playground.spec.shapes import group, shape_text, summarize_project

LINE_MIME = "application/x-cnn-playground-freeze-line"
LINE = "line"


class FreezeList(QListWidget):
    """Base blocks with one draggable line between the frozen and the trainable ones."""

    line_moved = Signal(int)  # blocks above the line after the drop

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("freeze_list")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(True)

    def show_blocks(self, block_params: tuple[int, ...], frozen_blocks: int) -> None:
        self.clear()
        for index, params in enumerate(block_params):
            if index == frozen_blocks:
                self._add_line()
            item = QListWidgetItem(tr("Block {0} · {1} parameters · {2}").format(
                index + 1, group(params), tr("frozen") if index < frozen_blocks else tr("trainable")
            ))  # fmt: skip
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            item.setForeground(QBrush(QColor("#7a7a7a" if index < frozen_blocks else "#1a5e1a")))
            self.addItem(item)
        if frozen_blocks == len(block_params):
            self._add_line()
        self.show_line()

    def show_line(self) -> None:
        """Scroll the freeze line into view (a network of 19 blocks has it below the fold)."""
        if self.count():
            self.scrollToItem(self.item(self.line_row()), QAbstractItemView.ScrollHint.EnsureVisible)

    def showEvent(self, event) -> None:
        # The list's size is known only once shown: the scroll made before it may not have been enough.
        super().showEvent(event)
        self.show_line()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        line = self.visualItemRect(self.item(self.line_row())) if self.count() else None
        view = self.viewport().rect()
        if line is not None and not (view.top() <= line.top() and line.bottom() <= view.bottom()):
            self.show_line()  # the panel got smaller (a splitter moved): keep the line where it can be seen

    def _add_line(self) -> None:
        item = QListWidgetItem(tr("━━━ freeze line: frozen above, trainable below (drag me) ━━━"))
        item.setData(Qt.ItemDataRole.UserRole, LINE)
        item.setForeground(QBrush(QColor("#1f4e9c")))
        self.addItem(item)

    def line_row(self) -> int:
        return next(i for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole) == LINE)

    def mimeTypes(self) -> list[str]:
        return [LINE_MIME]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        data.setData(LINE_MIME, QByteArray(b"line"))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def dragEnterEvent(self, event) -> None:
        event.acceptProposedAction() if event.mimeData().hasFormat(LINE_MIME) else event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(LINE_MIME):
            super().dragMoveEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        if not event.mimeData().hasFormat(LINE_MIME):
            event.ignore()
            return
        point = event.position().toPoint()
        index = self.indexAt(point)
        row = self.count() if not index.isValid() else index.row() + (point.y() > self.visualRect(index).center().y())
        line = self.line_row()
        blocks_above = row - (1 if row > line else 0)  # rows above the drop, not counting the line itself
        self.line_moved.emit(max(0, min(blocks_above, self.count() - 1)))
        event.setDropAction(Qt.DropAction.CopyAction)  # the page redraws the list; Qt must not remove rows
        event.accept()


class BasePanel(QGroupBox):
    settings_changed = Signal(object)  # new PretrainedSettings
    remove_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(tr("Pretrained base"), parent)
        self.setObjectName("base_panel")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.feature_extraction = QRadioButton(tr("Feature extraction (base frozen, train the head)"))
        self.fine_tuning = QRadioButton(tr("Fine-tuning (also train the blocks below the line)"))
        self.feature_extraction.setObjectName("feature_extraction_radio")
        self.fine_tuning.setObjectName("fine_tuning_radio")
        modes = QButtonGroup(self)
        modes.addButton(self.feature_extraction)
        modes.addButton(self.fine_tuning)
        self.factor = QDoubleSpinBox()
        self.factor.setObjectName("base_rate_factor")
        self.factor.setRange(0.0, 1.0)
        self.factor.setSingleStep(0.05)
        self.factor.setToolTip(tr("The unfrozen base blocks learn at this fraction of the learning rate"))
        self.blocks = FreezeList()
        self.counts = QLabel()
        self.counts.setObjectName("freeze_counts")
        self.remove_button = QPushButton(tr("Remove the pretrained base"))
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Base learning rate × ")))
        row.addWidget(self.factor)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.feature_extraction)
        layout.addWidget(self.fine_tuning)
        layout.addWidget(self.blocks, 1)
        layout.addWidget(self.counts)
        layout.addLayout(row)
        self.project: Project | None = None
        self.feature_extraction.toggled.connect(lambda on: on and self._set(mode="feature_extraction"))
        self.fine_tuning.toggled.connect(lambda on: on and self._set(mode="fine_tuning", at_least_one=True))
        self.factor.valueChanged.connect(lambda v: self._set(base_learning_rate_factor=round(v, 3)))
        self.blocks.line_moved.connect(self.move_line)
        self.remove_button.clicked.connect(self.remove_requested)

    def _set(self, at_least_one: bool = False, **changes) -> None:
        if self.project is None or self.project.pretrained is None:
            return
        import dataclasses

        settings = dataclasses.replace(self.project.pretrained, **changes)
        if at_least_one and settings.trainable_blocks == 0:
            settings = dataclasses.replace(settings, trainable_blocks=min(2, self.project.backbone.blocks))
        self.settings_changed.emit(settings)

    def move_line(self, frozen_blocks: int) -> None:
        """The line now has `frozen_blocks` blocks above it."""
        blocks = self.project.backbone.blocks
        trainable = blocks - frozen_blocks
        self._set(mode="fine_tuning" if trainable else "feature_extraction", trainable_blocks=trainable)

    def show_project(self, project: Project, classes: int | None) -> None:
        self.project = project
        backbone, settings = project.backbone, project.pretrained
        self.title.setText(
            tr("<b>{0}</b>, pretrained ({1}): input {2} → feature map {3}; the layers below are the new head.").format(
                backbone.title,
                tr("ImageNet") if backbone.imagenet_top1 else tr("animal silhouettes"),
                shape_text(project.input_shape),
                shape_text(project.layers_input_shape),
            )
        )
        for widget, value in ((self.feature_extraction, settings.mode == "feature_extraction"),
                              (self.fine_tuning, settings.mode == "fine_tuning")):  # fmt: skip
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        self.factor.blockSignals(True)
        self.factor.setValue(settings.base_learning_rate_factor)
        self.factor.setEnabled(settings.mode == "fine_tuning")
        self.factor.blockSignals(False)
        unfrozen = settings.unfrozen_blocks
        self.blocks.show_blocks(backbone.block_params, backbone.blocks - unfrozen)
        trainable, frozen = backbone.split(unfrozen)
        head = summarize_project(project, classes).total_params
        self.counts.setText(
            tr("Trainable: {0} (head {1} + base {2})   ·   Frozen: {3}").format(
                group(head + trainable), group(head), group(trainable), group(frozen)
            )
        )
