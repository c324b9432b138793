"""How layers read in the window: titles, one-line settings and one-sentence explanations.

Every string goes through Qt's translation (the empty context, as lupdate files free `tr()` calls)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from playground.spec.layers import (
    Activation,
    Conv2d,
    Dense,
    Dropout,
    Layer,
    _Pool2d,
)

# The presets' names and descriptions (playground.spec.presets knows no Qt), marked here for the
# translators; tests/gui/test_korean.py checks that they match the presets word for word.
PRESET_TEXTS = (
    QT_TRANSLATE_NOOP("", "LeNet-5"),
    QT_TRANSLATE_NOOP("", "LeCun's digit reader: two conv + pool stages, then three dense layers (32×32 grayscale)."),
    QT_TRANSLATE_NOOP("", "Tiny VGG"),
    QT_TRANSLATE_NOOP("", "The network of CNN Explainer: two blocks of two 3×3 convs and a max pool (64×64 RGB)."),
    QT_TRANSLATE_NOOP("", "VGG-style"),
    QT_TRANSLATE_NOOP(
        "", "Pairs of 3×3 'same' convs, doubling the filters after each pool, then a small head (32×32 RGB)."
    ),
    QT_TRANSLATE_NOOP("", "Dense only"),
    QT_TRANSLATE_NOOP("", "No convolution at all: the image is flattened into one long vector (32×32 RGB)."),
)
# The built-in datasets' names and descriptions (playground.ml.data.builtin), likewise.
DATASET_TEXTS = (
    QT_TRANSLATE_NOOP("", "Shapes"),
    QT_TRANSLATE_NOOP("", "Coloured circles, squares, triangles, stars and crosses on varied backgrounds."),
    QT_TRANSLATE_NOOP("", "Digits"),
    QT_TRANSLATE_NOOP("", "scikit-learn's 8x8 handwritten digits (UCI)."),
    QT_TRANSLATE_NOOP("", "Animal shapes"),
    QT_TRANSLATE_NOOP("", "28x28 animal silhouettes, 10 classes (animal-shape-mnist, MIT)."),
    QT_TRANSLATE_NOOP("", "Fashion-MNIST"),
    QT_TRANSLATE_NOOP("", "Zalando's 28x28 grayscale photos of clothes, 10 classes."),
    QT_TRANSLATE_NOOP("", "Fashion-MNIST, 100 per class"),
    QT_TRANSLATE_NOOP("", "The first 100 photos of each class of Fashion-MNIST: few images, for transfer learning."),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


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
