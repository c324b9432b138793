"""Conv versus dense, for the network on screen: why convolution needs so few parameters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.gui.widgets.layer_labels import tr
from playground.spec.compare import DenseComparison, compare_with_dense
from playground.spec.shapes import group


def comparison_html(comparison: DenseComparison) -> str:
    # The strings are translated outside the f-strings: lupdate does not look inside them.
    if comparison.dense_only_params is None:
        fix = tr("Fix the network to compare it with a dense-only one.")
        rows = [f"<tr><td><i>{fix}</i></td></tr>"]
    else:
        this, dense_only = tr("This network"), tr("Dense only, same hidden widths")
        widths = " → ".join(str(w) for w in comparison.dense_only_widths) or tr("no hidden layer")
        rows = [
            f"<tr><td>{this}</td><td align='right'><b>{group(comparison.cnn_params)}</b></td></tr>",
            f"<tr><td>{dense_only} ({widths})</td>"
            f"<td align='right'><b>{group(comparison.dense_only_params)}</b></td></tr>",
        ]
    title = tr("Parameters: convolution vs dense")
    html = f"<p><b>{title}</b></p><table width='100%'>{''.join(rows)}</table>"
    if comparison.per_layer:
        layer = tr("Layer {0}")
        lines = "".join(
            f"<tr><td>{layer.format(c.layer_number)}</td><td align='right'>{group(c.conv_params)}</td>"
            f"<td align='right'>{group(c.dense_params)}</td></tr>"
            for c in comparison.per_layer
        )
        intro = tr("Each conv layer against a dense layer with the same inputs and outputs:")
        conv, dense = tr("conv"), tr("dense")
        shared = tr("A filter is shared by every position of the image, so its weights are learned once.")
        html += (
            f"<p>{intro}</p><table width='100%'><tr><th></th><th align='right'>{conv}</th>"
            f"<th align='right'>{dense}</th></tr>{lines}</table><p><i>{shared}</i></p>"
        )
    return html


class ComparePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("compare_panel")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def show_network(self, input_shape, layers, num_classes) -> DenseComparison:
        comparison = compare_with_dense(input_shape, layers, num_classes)
        self.label.setText(comparison_html(comparison))
        return comparison
