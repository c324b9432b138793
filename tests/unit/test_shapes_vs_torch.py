"""The pure-Python arithmetic must agree with the nn.Module that ml builds, for every valid spec."""

import random

import pytest
import torch

from playground.ml.network.build import build_model
from playground.spec.errors import ShapeError
from playground.spec.layers import (
    Activation,
    AvgPool2d,
    BatchNorm2d,
    Conv2d,
    Dense,
    Dropout,
    Flatten,
    GlobalAvgPool,
    MaxPool2d,
    MinPool2d,
)
from playground.spec.shapes import infer_shapes


def _padding(rng: random.Random, kernel: int):
    return rng.choice(["valid", "same", rng.randint(0, kernel - 1), (rng.randint(0, kernel - 1), rng.randint(0, 1))])


def random_spatial_layer(rng: random.Random):
    kind = rng.choice(["conv", "conv", "max", "avg", "min", "bn", "act", "drop"])
    if kind == "conv":
        kernel = (rng.randint(1, 5), rng.randint(1, 5))
        return Conv2d(
            filters=rng.randint(1, 6),
            kernel=kernel,
            stride=(rng.randint(1, 3), rng.randint(1, 3)),
            padding=_padding(rng, min(kernel)),
            activation=rng.choice(["none", "relu", "gelu", "tanh"]),
        )
    if kind in ("max", "avg", "min"):
        size = (rng.randint(1, 3), rng.randint(1, 3))
        cls = {"max": MaxPool2d, "avg": AvgPool2d, "min": MinPool2d}[kind]
        stride = rng.choice([None, (rng.randint(1, 3), rng.randint(1, 3))])
        return cls(size=size, stride=stride, padding=rng.choice(["valid", "same", rng.randint(0, min(size) - 1)]))
    if kind == "bn":
        return BatchNorm2d()
    if kind == "act":
        return Activation(function=rng.choice(["relu", "leaky_relu", "sigmoid"]))
    return Dropout(rate=0.1)


def random_network(rng: random.Random):
    layers = [random_spatial_layer(rng) for _ in range(rng.randint(0, 5))]
    ending = rng.choice(["flatten", "gap", "implicit"])
    if ending == "flatten":
        layers.append(Flatten())
    elif ending == "gap":
        layers.append(GlobalAvgPool())
    if rng.random() < 0.5:
        layers.append(Dense(units=rng.randint(1, 12), activation="relu"))
    layers.append(Dense(units="auto"))
    return layers


@pytest.mark.parametrize("seed", range(6))
def test_random_specs_agree_with_torch(seed):
    rng = random.Random(seed)
    checked_valid = checked_invalid = 0
    for _ in range(60):
        input_shape = (rng.choice([1, 3]), rng.randint(3, 20), rng.randint(3, 20))
        layers = random_network(rng)
        classes = rng.randint(2, 5)
        summary = infer_shapes(input_shape, layers, classes)
        if not summary.ok:
            with pytest.raises(ShapeError):
                build_model(input_shape, layers, classes)
            checked_invalid += 1
            continue
        model = build_model(input_shape, layers, classes).eval()
        assert sum(p.numel() for p in model.parameters()) == summary.total_params
        x = torch.randn(2, *input_shape)
        for child, info in zip(model, summary.layers, strict=True):
            x = child(x)
            assert tuple(x.shape[1:]) == info.output_shape, (layers, info)
        assert torch.isfinite(x).all()  # padding never leaks -inf into the output
        checked_valid += 1
    assert checked_valid >= 20 and checked_invalid >= 3


def test_min_pool_takes_the_minimum():
    model = build_model((1, 4, 4), [MinPool2d(size=(2, 2)), Flatten(), Dense(units="auto")], 4)
    x = torch.arange(16.0).view(1, 1, 4, 4)
    assert model[0](x).flatten().tolist() == [0.0, 2.0, 8.0, 10.0]


def test_same_average_pool_averages_only_real_pixels():
    model = build_model((1, 3, 3), [AvgPool2d(size=(2, 2), padding="same"), Flatten(), Dense(units="auto")], 2)
    out = model[0](torch.ones(1, 1, 3, 3))
    assert out.shape[-2:] == (2, 2)
    assert torch.allclose(out, torch.ones_like(out))  # Keras: padding does not dilute the mean
