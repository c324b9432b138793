"""A spin box for learning rates."""

from __future__ import annotations

import math

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox


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
            value *= (up[nearest] if steps > 0 else down[nearest]) / nearest
        self.setValue(float(f"{value:.3g}"))
