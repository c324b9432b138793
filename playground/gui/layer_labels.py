"""How layers read in the window: titles, one-line settings and one-sentence explanations.

Every string goes through Qt's translation (context "layers")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.spec.layers import (
    Activation,
    Conv2d,
    Dense,
    Dropout,
    Layer,
    _Pool2d,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("layers", text)


def block_title(kind: str) -> str:
    return {
        "conv2d": tr("Conv"),
        "maxpool2d": tr("Max pool"),
        "avgpool2d": tr("Average pool"),
        "minpool2d": tr("Min pool"),
        "batchnorm2d": tr("Batch norm"),
        "activation": tr("Activation"),
        "dropout": tr("Dropout"),
        "flatten": tr("Flatten"),
        "global_avgpool": tr("Global average pool"),
        "dense": tr("Dense"),
    }[kind]


def block_explanation(kind: str) -> str:
    return {
        "conv2d": tr("Slides small learned filters over the image; each filter makes one feature map."),
        "maxpool2d": tr("Keeps the largest value of each window, so feature maps get smaller."),
        "avgpool2d": tr("Keeps the average of each window, so feature maps get smaller and smoother."),
        "minpool2d": tr("Keeps the smallest value of each window."),
        "batchnorm2d": tr("Re-centres and rescales every channel, which makes training faster and steadier."),
        "activation": tr("Applies a non-linear function such as ReLU to every value."),
        "dropout": tr("Switches off a random fraction of values while training, against overfitting."),
        "flatten": tr("Turns the channels × height × width feature maps into one long vector."),
        "global_avgpool": tr("Averages each feature map to one number: one value per channel."),
        "dense": tr("Fully connected: every output is connected to every input, each connection with its own weight."),
    }[kind]


def activation_name(name: str) -> str:
    return {
        "none": tr("none"),
        "relu": "ReLU",
        "leaky_relu": "Leaky ReLU",
        "sigmoid": "Sigmoid",
        "tanh": "Tanh",
        "gelu": "GELU",
    }[name]


def _pair(value) -> str:
    return f"{value[0]}×{value[1]}"


def _padding(padding) -> str:
    if padding == "valid":
        return tr("valid")
    if padding == "same":
        return tr("same")
    return tr("pad {0}").format(padding[0] if padding[0] == padding[1] else _pair(padding))


def layer_settings(layer: Layer) -> str:
    """The settings that matter, in one line: '5×5 · 6 filters · valid · ReLU'."""
    parts: list[str] = []
    if isinstance(layer, Conv2d):
        parts = [_pair(layer.kernel), tr("{0} filters").format(layer.filters)]
        if layer.stride != (1, 1):
            parts.append(
                tr("stride {0}").format(layer.stride[0] if layer.stride[0] == layer.stride[1] else _pair(layer.stride))
            )
        parts.append(_padding(layer.padding))
        if layer.activation != "none":
            parts.append(activation_name(layer.activation))
    elif isinstance(layer, _Pool2d):
        parts = [_pair(layer.size)]
        if layer.stride is not None and layer.stride != layer.size:
            parts.append(tr("stride {0}").format(_pair(layer.stride)))
        if layer.padding != "valid":
            parts.append(_padding(layer.padding))
    elif isinstance(layer, Activation):
        parts = [activation_name(layer.function)]
    elif isinstance(layer, Dropout):
        parts = [f"{layer.rate:.0%}"]
    elif isinstance(layer, Dense):
        parts = [tr("{0} units").format(layer.units) if layer.units != "auto" else tr("units = classes")]
        if layer.activation != "none":
            parts.append(activation_name(layer.activation))
    return " · ".join(parts)
