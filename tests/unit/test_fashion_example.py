"""The shipped Fashion-MNIST example: its file loads, its network builds and answers for 10 classes.
(That it reaches 0.935 in 5 minutes is measured by tests/benchmarks/bench_time_to_accuracy.py.)"""

import torch

from playground.ml.network.transfer import build_network
from playground.spec.layers import BatchNorm2d
from playground.spec.project import load_project
from playground.spec.shapes import summarize_project

from .helpers import EXAMPLES


def test_the_fashion_example_loads_and_builds_its_network():
    (path,) = EXAMPLES.glob("*fashion*.json")
    project = load_project(path)
    assert project.data.source == "builtin:fashion-mnist" and project.input_shape == (1, 28, 28)
    summary = summarize_project(project, 10)
    assert summary.ok, summary
    model = build_network(project, 10)
    assert model(torch.zeros(3, 1, 28, 28)).shape == (3, 10)
    assert any(isinstance(layer, BatchNorm2d) for layer in project.layers)
    training = project.training
    assert training.lr_schedule == "one_cycle" and 0 < training.label_smoothing < 0.5 and training.epochs >= 5
    assert project.augmentation.horizontal_flip  # clothes mirrored are the same clothes
