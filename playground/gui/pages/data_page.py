"""The Data page: which images the network learns from, at what size and colour depth.

The input shape chosen here flows into the model builder.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.document import ProjectDocument
from playground.ml.builtin import BUILTIN_DATASETS
from playground.spec.project import Project


class DataPage(QWidget):
    def __init__(self, document: ProjectDocument, class_names, parent=None):
        super().__init__(parent)
        self.setObjectName("data_page")
        self.document = document
        self.class_names = class_names

        self.source = QComboBox()
        self.source.setObjectName("source_combo")
        for dataset in BUILTIN_DATASETS.values():
            installed = dataset.is_installed()
            label = dataset.title if installed else self.tr("{0} (not installed)").format(dataset.title)
            self.source.addItem(label, f"builtin:{dataset.name}")
            index = self.source.count() - 1
            self.source.setItemData(index, dataset.description if installed else dataset.how_to_install, 3)  # tooltip
        self.folder_button = QPushButton(self.tr("Use a folder of images…"))
        self.folder_button.setObjectName("folder_button")
        self.height = QSpinBox()
        self.width = QSpinBox()
        for spin, name in ((self.height, "image_height"), (self.width, "image_width")):
            spin.setRange(4, 1024)
            spin.setObjectName(name)
        self.channels = QComboBox()
        self.channels.setObjectName("channels_combo")
        self.channels.addItem(self.tr("Grayscale (1 channel)"), 1)
        self.channels.addItem(self.tr("Colour RGB (3 channels)"), 3)
        self.val_fraction = QDoubleSpinBox()
        self.val_fraction.setObjectName("val_fraction")
        self.val_fraction.setRange(0.0, 0.9)
        self.val_fraction.setSingleStep(0.05)
        self.classes_label = QLabel()
        self.classes_label.setObjectName("classes_label")
        self.classes_label.setWordWrap(True)

        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.folder_button)
        size_row = QHBoxLayout()
        size_row.addWidget(self.height)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.width)
        size_row.addStretch(1)
        box = QGroupBox(self.tr("Images"))
        form = QFormLayout(box)
        form.addRow(self.tr("Dataset"), source_row)
        form.addRow(self.tr("Image size (height × width)"), size_row)
        form.addRow(self.tr("Channels"), self.channels)
        form.addRow(self.tr("Validation fraction"), self.val_fraction)
        form.addRow(self.tr("Classes"), self.classes_label)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)

        self.source.activated.connect(lambda _: self._edit(source=self.source.currentData()))
        self.folder_button.clicked.connect(self.choose_folder)
        self.height.valueChanged.connect(lambda v: self._edit("size", image_size=(v, self.width.value())))
        self.width.valueChanged.connect(lambda v: self._edit("size", image_size=(self.height.value(), v)))
        self.channels.activated.connect(lambda _: self._edit(channels=self.channels.currentData()))
        self.val_fraction.valueChanged.connect(lambda v: self._edit("val", val_fraction=round(v, 3)))
        document.project_changed.connect(self.render)
        self.render(document.project)

    def _edit(self, merge: str | None = None, **changes) -> None:
        data = dataclasses.replace(self.document.project.data, **changes)
        self.document.change(
            self.document.project.replace(data=data), self.tr("Change data"), merge and f"data:{merge}"
        )

    def choose_folder(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("A folder with one subfolder per class"))
        if folder:
            self._edit(source=str(Path(folder)))

    def render(self, project: Project) -> None:
        data = project.data
        widgets = (self.source, self.height, self.width, self.channels, self.val_fraction)
        for widget in widgets:
            widget.blockSignals(True)
        index = self.source.findData(data.source)
        if index < 0:  # a folder: show it as its own entry
            self.source.addItem(self.tr("Folder: {0}").format(data.source), data.source)
            index = self.source.count() - 1
        self.source.setCurrentIndex(index)
        self.height.setValue(data.image_size[0])
        self.width.setValue(data.image_size[1])
        self.channels.setCurrentIndex(self.channels.findData(data.channels))
        self.val_fraction.setValue(data.val_fraction)
        for widget in widgets:
            widget.blockSignals(False)
        names = self.class_names()
        if names:
            self.classes_label.setText(self.tr("{0} classes: {1}").format(len(names), ", ".join(names)))
        else:
            self.classes_label.setText(self.tr("Unknown: {0}").format(self.class_names.error()))
