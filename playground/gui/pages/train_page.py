"""The Train page: the training settings of the project."""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.document import ProjectDocument
from playground.spec.project import Project
from playground.spec.settings import OPTIMIZERS


class RateSpinBox(QDoubleSpinBox):
    """A learning rate from 1e-8 to 10, written as a person writes it (0.001, 3e-05); the arrows
    multiply or divide by about 2 (1, 2, 5, 10 …), since rates are tuned by factors, not steps."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDecimals(10)
        self.setRange(1e-8, 10.0)

    def textFromValue(self, value: float) -> str:
        return f"{value:.3g}"

    def valueFromText(self, text: str) -> float:
        return float(text)

    def validate(self, text: str, position: int):
        from PySide6.QtGui import QValidator

        try:
            value = float(text)
        except ValueError:
            return QValidator.State.Intermediate, text, position
        ok = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, position

    def stepBy(self, steps: int) -> None:
        value = self.value()
        for _ in range(abs(steps)):
            mantissa = value / 10 ** math.floor(math.log10(value))
            up = {1: 2, 2: 5, 5: 10}
            down = {1: 0.5, 2: 1, 5: 2, 10: 5}
            nearest = min(up if steps > 0 else down, key=lambda m: abs(m - mantissa))
            factor = (up[nearest] if steps > 0 else down[nearest]) / nearest
            value = value * factor
        self.setValue(float(f"{value:.3g}"))


class TrainPage(QWidget):
    def __init__(self, document: ProjectDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("train_page")
        self.document = document
        self.epochs = self._spin("epochs", 1, 100_000)
        self.batch_size = self._spin("batch_size", 1, 65_536)
        self.learning_rate = RateSpinBox()
        self.learning_rate.setObjectName("learning_rate")
        self.weight_decay = QDoubleSpinBox()
        self.weight_decay.setObjectName("weight_decay")
        self.weight_decay.setDecimals(5)
        self.weight_decay.setRange(0.0, 1.0)
        self.weight_decay.setSingleStep(0.0001)
        self.optimizer = self._combo("optimizer", [(o, self._optimizer_name(o)) for o in OPTIMIZERS])
        self.schedule = self._combo(
            "lr_schedule",
            [("none", self.tr("constant")), ("step", self.tr("step decay")), ("cosine", self.tr("cosine"))],
        )
        self.patience = self._spin("early_stopping_patience", 0, 100_000)
        self.patience.setSpecialValueText(self.tr("off"))
        self.seed = self._spin("seed", 0, 2**31 - 1)

        box = QGroupBox(self.tr("Training settings"))
        form = QFormLayout(box)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Batch size"), self.batch_size)
        form.addRow(self.tr("Optimizer"), self.optimizer)
        form.addRow(self.tr("Learning rate"), self.learning_rate)
        form.addRow(self.tr("Learning-rate schedule"), self.schedule)
        form.addRow(self.tr("Weight decay"), self.weight_decay)
        form.addRow(self.tr("Early stopping patience (epochs)"), self.patience)
        form.addRow(self.tr("Seed"), self.seed)
        hint = QLabel(self.tr("Train this project from a terminal with: cnn-playground train PROJECT.json"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(hint)
        layout.addStretch(1)

        self.epochs.valueChanged.connect(lambda v: self._edit("epochs", v))
        self.batch_size.valueChanged.connect(lambda v: self._edit("batch_size", v))
        self.learning_rate.valueChanged.connect(lambda v: self._edit("learning_rate", v))
        self.weight_decay.valueChanged.connect(lambda v: self._edit("weight_decay", v))
        self.optimizer.activated.connect(lambda _: self._edit("optimizer", self.optimizer.currentData()))
        self.schedule.activated.connect(lambda _: self._edit("lr_schedule", self.schedule.currentData()))
        self.patience.valueChanged.connect(lambda v: self._edit("early_stopping_patience", v))
        self.seed.valueChanged.connect(lambda v: self._edit("seed", v))
        document.project_changed.connect(self.render)
        self.render(document.project)

    def _optimizer_name(self, key: str) -> str:
        return {
            "sgd": self.tr("SGD"),
            "momentum": self.tr("SGD with momentum"),
            "adam": "Adam",
            "adamw": "AdamW",
        }[key]

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        return spin

    def _combo(self, name: str, options) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value, text in options:
            combo.addItem(text, value)
        return combo

    def _edit(self, key: str, value) -> None:
        training = dataclasses.replace(self.document.project.training, **{key: value})
        self.document.change(
            self.document.project.replace(training=training), self.tr("Change training"), f"train:{key}"
        )

    def render(self, project: Project) -> None:
        t = project.training
        pairs = (
            (self.epochs, t.epochs),
            (self.batch_size, t.batch_size),
            (self.learning_rate, t.learning_rate),
            (self.weight_decay, t.weight_decay),
            (self.patience, t.early_stopping_patience),
            (self.seed, t.seed),
        )
        for widget, value in pairs:
            widget.blockSignals(True)
            widget.setValue(value)
            widget.blockSignals(False)
        for combo, value in ((self.optimizer, t.optimizer), (self.schedule, t.lr_schedule)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)


if __name__ == "__main__":
    from playground.gui.standalone import run_alone

    run_alone(lambda document, classes, loader: TrainPage(document))
