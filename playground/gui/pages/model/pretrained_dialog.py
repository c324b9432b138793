"""'Start from a pretrained network': the networks, their size and accuracy, and whether their
weights are on this machine (with 'Import weights…' for a file a teacher brought)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from playground.gui.app.messages import error_text, translated
from playground.spec.backbones import BACKBONES
from playground.spec.errors import PlaygroundError


class PretrainedDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pretrained_dialog")
        self.setWindowTitle(self.tr("Start from a pretrained network"))
        self.resize(900, 420)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("pretrained_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Network"), self.tr("Parameters"), self.tr("Input"), self.tr("ImageNet top-1"), self.tr("Weights")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QLabel()
        self.detail.setObjectName("pretrained_detail")
        self.detail.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import weights…"))
        self.import_button.setObjectName("import_weights_button")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.use_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.use_button.setText(self.tr("Use this network"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "A network trained on ImageNet's 1.2 million photos already knows edges, textures and parts of"
                    " objects. Keep its base, put a new head on top and train that on your images."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        self.import_button.clicked.connect(lambda: self.import_weights())
        self.fill()

    def fill(self) -> None:
        from playground.ml.network import pretrained  # torch: loaded in the background by now

        self.rows = []
        self.table.setRowCount(0)
        for key, backbone in BACKBONES.items():
            try:
                where = pretrained.find_weights(key)
            except PlaygroundError:  # a timm network without timm installed
                where = None
            self.rows.append((key, where))
            row = self.table.rowCount()
            self.table.insertRow(row)
            accuracy = f"{backbone.imagenet_top1:.1f}%" if backbone.imagenet_top1 else self.tr("— (animals)")
            weights = self.tr("on this machine") if where else self.tr("missing")
            for column, text in enumerate(
                (
                    backbone.title,
                    f"{backbone.total_params / 1e6:.1f} M",
                    f"{backbone.input_size}×{backbone.input_size}",
                    accuracy,
                    weights,
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.selectRow(0)

    @property
    def key(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def select(self, key: str) -> None:
        self.table.selectRow([k for k, _ in self.rows].index(key))

    def _selected(self) -> None:
        from playground.ml.network import pretrained

        key = self.key
        if key is None:
            return
        backbone = BACKBONES[key]
        where = dict(self.rows)[key]
        if where:
            state = self.tr("Weights: {0}").format(where)
        else:
            try:
                pretrained.load_pretrained(key)
                state = ""
            except PlaygroundError as error:
                state = error_text(error)
        self.detail.setText(f"<b>{backbone.title}</b>: {translated(backbone.description)}<br>{state}")
        self.use_button.setEnabled(where is not None)

    def import_weights(self, path: str | None = None) -> bool:
        from playground.ml.network import pretrained

        key = self.key
        if key is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Weights of {0}").format(BACKBONES[key].title),
                "",
                self.tr("Weights (*.pth *.pt *.safetensors)"),
            )
            if not path:
                return False
        try:
            stored = pretrained.import_weights(path, key)
        except PlaygroundError as error:
            QMessageBox.warning(self, self.tr("Not imported"), error_text(error))
            return False
        self.fill()
        self.select(key)
        self.detail.setText(self.tr("Checked and stored: {0}").format(stored))
        return True
