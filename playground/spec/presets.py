"""Ready-made networks for the builder, each with the input it was designed for."""

from __future__ import annotations

from dataclasses import dataclass

from playground.spec.layers import Conv2d, Dense, Dropout, Flatten, Layer, MaxPool2d


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    description: str
    image_size: tuple[int, int]
    channels: int
    layers: tuple[Layer, ...]


def _relu_conv(filters: int, kernel: int = 3, padding: str = "valid") -> Conv2d:
    return Conv2d(filters=filters, kernel=kernel, padding=padding, activation="relu")


PRESETS: dict[str, Preset] = {
    preset.key: preset
    for preset in (
        Preset(
            "lenet5",
            "LeNet-5",
            "LeCun's digit reader: two conv + pool stages, then three dense layers (32×32 grayscale).",
            (32, 32),
            1,
            (
                _relu_conv(6, 5),
                MaxPool2d(size=2),
                _relu_conv(16, 5),
                MaxPool2d(size=2),
                Flatten(),
                Dense(units=120, activation="relu"),
                Dense(units=84, activation="relu"),
                Dense(units="auto"),
            ),
        ),
        Preset(
            "tiny_vgg",
            "Tiny VGG",
            "The network of CNN Explainer: two blocks of two 3×3 convs and a max pool (64×64 RGB).",
            (64, 64),
            3,
            (
                _relu_conv(10),
                _relu_conv(10),
                MaxPool2d(size=2),
                _relu_conv(10),
                _relu_conv(10),
                MaxPool2d(size=2),
                Flatten(),
                Dense(units="auto"),
            ),
        ),
        Preset(
            "vgg_style",
            "VGG-style",
            "Pairs of 3×3 'same' convs, doubling the filters after each pool, then a small head (32×32 RGB).",
            (32, 32),
            3,
            (
                _relu_conv(16, padding="same"),
                _relu_conv(16, padding="same"),
                MaxPool2d(size=2),
                _relu_conv(32, padding="same"),
                _relu_conv(32, padding="same"),
                MaxPool2d(size=2),
                Flatten(),
                Dense(units=64, activation="relu"),
                Dropout(rate=0.3),
                Dense(units="auto"),
            ),
        ),
        Preset(
            "dense_only",
            "Dense only",
            "No convolution at all: the image is flattened into one long vector (32×32 RGB).",
            (32, 32),
            3,
            (Flatten(), Dense(units=128, activation="relu"), Dense(units=64, activation="relu"), Dense(units="auto")),
        ),
    )
}
