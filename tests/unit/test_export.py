import json
import runpy
import subprocess
import sys

import numpy as np
import pytest
import torch

from playground.ml.files.checkpoints import Checkpoint, load_checkpoint, save_checkpoint
from playground.ml.inference.export import NormalizedModel, export_checkpoint, python_code
from playground.ml.inference.predict import model_from_checkpoint
from playground.spec.layers import AvgPool2d, BatchNorm2d, Conv2d, Dense, Dropout, GlobalAvgPool, MaxPool2d, MinPool2d
from playground.spec.project import Project
from playground.spec.settings import DataSettings


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory) -> Checkpoint:
    """A network that uses every kind of module the builder makes, with random weights."""
    project = Project(
        name="every module",
        data=DataSettings(source="builtin:shapes", image_size=(15, 15), channels=3),
        layers=(
            Conv2d(filters=4, kernel=(3, 3), stride=(2, 2), padding="same", activation="leaky_relu"),
            BatchNorm2d(),
            Conv2d(filters=4, kernel=(3, 3), padding=1, activation="gelu"),
            MaxPool2d(size=(2, 2), padding="same"),
            MinPool2d(size=(2, 2), stride=(1, 1), padding=1),
            AvgPool2d(size=(3, 3), stride=(2, 2), padding="same"),
            Dropout(rate=0.1),
            GlobalAvgPool(),
            Dense(units=6, activation="tanh"),
            Dense(units="auto"),
        ),
    )
    from playground.ml.network.build import build_model

    torch.manual_seed(0)
    model = build_model(project.input_shape, project.layers, 5)
    model[1].running_mean.uniform_(-1, 1)  # make batch-norm statistics matter
    state = {k: v.clone() for k, v in model.state_dict().items()}
    path = tmp_path_factory.mktemp("ckpt") / "c.pt"
    save_checkpoint(Checkpoint(project, tuple("abcde"), [0.4, 0.5, 0.6], [0.2, 0.25, 0.3], state), path)
    return load_checkpoint(path)


def _reference(checkpoint, x):
    with torch.no_grad():
        return NormalizedModel(model_from_checkpoint(checkpoint), checkpoint.mean, checkpoint.std).eval()(x)


def test_python_export_defines_the_same_network(checkpoint, tmp_path):
    path = export_checkpoint(checkpoint, "python", tmp_path / "net.py")
    namespace = runpy.run_path(str(path))
    model = namespace["build_model"]().eval()
    model.load_state_dict(checkpoint.weights)
    images = torch.randint(0, 256, (4, 3, 15, 15), dtype=torch.uint8)
    with torch.no_grad():
        ours = model_from_checkpoint(checkpoint)(namespace["preprocess"](images))
        theirs = model(namespace["preprocess"](images))
    assert torch.allclose(ours, theirs)
    assert namespace["CLASS_NAMES"] == list("abcde")


def test_python_export_runs_as_a_script_with_the_checkpoint(checkpoint, tmp_path):
    save_checkpoint(checkpoint, tmp_path / "c.pt")
    export_checkpoint(checkpoint, "python", tmp_path / "net.py")
    result = subprocess.run(
        [sys.executable, str(tmp_path / "net.py"), str(tmp_path / "c.pt")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "output shape: (1, 5)" in result.stdout


def test_code_of_a_project_without_weights_mentions_shapes():
    from playground.spec.project import load_project

    from .helpers import EXAMPLES

    code = python_code(load_project(EXAMPLES / "lenet5-digits.json"), tuple("0123456789"))
    assert "nn.Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))" in code
    assert "# 3: conv2d 5x5 valid -> 16×10×10, 2,416 params" in code
    assert "Parameters: 61,706." in code


def test_onnx_export_gives_the_same_scores(checkpoint, tmp_path):
    onnx = pytest.importorskip("onnx")
    from onnx.reference import ReferenceEvaluator

    path = export_checkpoint(checkpoint, "onnx", tmp_path / "net.onnx")
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    assert {p.key for p in model.metadata_props} >= {"class_names"}
    x = torch.rand(3, 3, 15, 15)
    (scores,) = ReferenceEvaluator(model).run(None, {"image": x.numpy()})
    assert np.allclose(scores, _reference(checkpoint, x).numpy(), atol=1e-4)


def test_torchscript_export_gives_the_same_scores(checkpoint, tmp_path):
    path = export_checkpoint(checkpoint, "torchscript", tmp_path / "net.pt")
    extra = {"class_names.json": ""}
    loaded = torch.jit.load(str(path), _extra_files=extra)
    assert json.loads(extra["class_names.json"]) == list("abcde")
    x = torch.rand(2, 3, 15, 15)
    assert torch.allclose(loaded(x), _reference(checkpoint, x), atol=1e-5)


def test_a_project_name_cannot_inject_code_into_the_export(checkpoint, tmp_path):
    sneaky = checkpoint.project.replace(name='x"""\nprint("INJECTED")\n"""\\')
    code = python_code(sneaky, tuple("abcde"))
    (tmp_path / "net.py").write_text(code)
    result = subprocess.run([sys.executable, str(tmp_path / "net.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "INJECTED" not in result.stdout
