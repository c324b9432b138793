"""Exports of a trained network: a standalone PyTorch script, ONNX and TorchScript.

The Python export prints the very modules `build.build_model` makes, so `build_model()` in the
script has the same layers and state-dict keys and loads the checkpoint's weights as they are.
"""

from __future__ import annotations

import inspect
import io
import json
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from playground.ml.files.checkpoints import Checkpoint
from playground.ml.inference.predict import model_from_checkpoint
from playground.ml.network.build import build_model
from playground.ml.network.modules import CUSTOM_MODULES, MinPool2d, PaddedAvgPool2d
from playground.ml.network.network_memory import check_network_fits
from playground.spec import messages
from playground.spec.errors import PlaygroundError
from playground.spec.messages import Message
from playground.spec.project import Project, atomic_write_bytes
from playground.spec.shapes import infer_shapes, shape_text

EXPORT_FORMATS = ("python", "onnx", "torchscript")


def _pair(value) -> str:
    value = tuple(value) if isinstance(value, tuple | list) else (value, value)
    return f"({value[0]}, {value[1]})"


def module_code(module: nn.Module) -> str:
    """Python source that builds `module` (for the module types `build` uses)."""
    if isinstance(module, nn.Sequential):
        return "nn.Sequential(" + ", ".join(module_code(child) for child in module) + ")"
    if isinstance(module, nn.Conv2d):
        padding = "" if tuple(module.padding) == (0, 0) else f", padding={_pair(module.padding)}"
        return (
            f"nn.Conv2d({module.in_channels}, {module.out_channels}, kernel_size={_pair(module.kernel_size)},"
            f" stride={_pair(module.stride)}{padding})"
        )
    if isinstance(module, nn.ZeroPad2d):
        return f"nn.ZeroPad2d({tuple(module.padding)})"
    if isinstance(module, nn.ConstantPad2d):
        return f"nn.ConstantPad2d({tuple(module.padding)}, float({str(module.value)!r}))"
    if isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        return f"nn.{type(module).__name__}({_pair(module.kernel_size)}, {_pair(module.stride)})"
    if isinstance(module, MinPool2d | PaddedAvgPool2d):
        return f"{type(module).__name__}({module.kernel_size}, {module.stride}, {module.padding})"
    if isinstance(module, nn.BatchNorm2d):
        return f"nn.BatchNorm2d({module.num_features})"
    if isinstance(module, nn.LeakyReLU):
        return f"nn.LeakyReLU({module.negative_slope})"
    if isinstance(module, nn.ReLU | nn.Sigmoid | nn.Tanh | nn.GELU | nn.Flatten):
        return f"nn.{type(module).__name__}()"
    if isinstance(module, nn.Dropout):
        return f"nn.Dropout({module.p})"
    if isinstance(module, nn.Linear):
        return f"nn.Linear({module.in_features}, {module.out_features})"
    if isinstance(module, nn.AdaptiveAvgPool2d):
        return f"nn.AdaptiveAvgPool2d({module.output_size})"
    raise TypeError(f"no code for {type(module).__name__}")


def _uses(model: nn.Module, kind: type) -> bool:
    return any(isinstance(m, kind) for m in model.modules())


def _layer_note(number: int, layer, shape: str, params: int) -> str:
    return f"{number}: {layer.describe()} -> {shape}, {params:,} params"


@dataclass(frozen=True)
class CodeNotes:
    """The generated script's comments and docstrings: English unless the caller (the window, in the
    interface's language) gives its own. The code itself is Python, the same in every language."""

    layer: Callable[..., str] = _layer_note  # (number, layer, output shape text, parameters) -> one line
    # {title}, {input} and {params} are filled in; {{this file}} becomes {this file}.
    header: str = (
        "{title} — a network exported from CNN Playground.\n\n"
        "Input: {input} images (channels × height × width), pixels scaled to 0..1 and\n"
        "normalised with MEAN and STD. Output: one score per class (softmax gives probabilities).\n"
        "Parameters: {params}.\n\n"
        "Run `python {{this file}} [CHECKPOINT]` to print the network (and load the weights of a\n"
        "CNN Playground checkpoint or a plain state dict)."
    )
    checkpoint: str = "a CNN Playground checkpoint"
    preprocess: str = "uint8 N×C×H×W images -> the normalised float input of the network."


def _docstring_safe(text: str) -> str:
    """Text that cannot end a docstring or escape from it (a project's name, a translation)."""
    return text.replace("\\", "/").replace('"""', "'''")


def python_code(
    project: Project, class_names: tuple[str, ...], mean=None, std=None, notes: CodeNotes | None = None
) -> str:
    """A standalone script defining the project's network as `build_model()`."""
    notes = notes or CodeNotes()
    if project.pretrained is not None:
        raise PlaygroundError(Message(messages.PYTHON_EXPORT_PRETRAINED))
    check_network_fits(project, len(class_names), 1, training=False)  # written out by building it
    model = build_model(project.input_shape, project.layers, len(class_names))
    summary = infer_shapes(project.input_shape, project.layers, len(class_names))
    helpers = "".join("\n\n" + inspect.getsource(cls) for cls in CUSTOM_MODULES if _uses(model, cls))
    lines = []
    for child, info in zip(model, summary.layers, strict=False):
        note = notes.layer(info.index + 1, info.layer, shape_text(info.output_shape), info.params)
        comment = "# " + " ".join(note.split())  # one line, whatever the words
        lines.append(f"        {comment}\n        {module_code(child)},")
    channels = project.data.channels
    mean = list(mean) if mean is not None else [0.5] * channels
    std = list(std) if std is not None else [0.5] * channels
    # The name goes into a docstring: fold anything that could end it or escape from it.
    title = " ".join(project.name.replace("\\", "/").replace('"', "'").split())
    header = notes.header.format(title=title, input=shape_text(project.input_shape), params=f"{summary.total_params:,}")
    return f'''"""{_docstring_safe(header)}
"""

import sys

import torch
import torch.nn.functional as F
from torch import nn
{helpers}

CLASS_NAMES = {json.dumps(list(class_names), ensure_ascii=False)}
INPUT_SHAPE = {tuple(project.input_shape)}
MEAN = {mean}
STD = {std}


def build_model() -> nn.Module:
    return nn.Sequential(
{chr(10).join(lines)}
    )


def load_weights(model: nn.Module, path: str) -> nn.Module:
    state = torch.load(path, map_location="cpu", weights_only=True)
    if isinstance(state, dict) and "model" in state:  # {" ".join(notes.checkpoint.split())}
        state = state.get("best_model") or state["model"]
    model.load_state_dict(state)
    return model


def preprocess(images: torch.Tensor) -> torch.Tensor:
    """{_docstring_safe(notes.preprocess)}"""
    mean = torch.tensor(MEAN).view(1, -1, 1, 1)
    std = torch.tensor(STD).view(1, -1, 1, 1)
    return (images.float() / 255.0 - mean) / std


if __name__ == "__main__":
    model = build_model()
    if len(sys.argv) > 1:
        load_weights(model, sys.argv[1])
    print(model)
    print(f"{{sum(p.numel() for p in model.parameters()):,}} parameters")
    with torch.no_grad():
        print("output shape:", tuple(model(torch.zeros(1, *INPUT_SHAPE)).shape))
'''


class NormalizedModel(nn.Module):
    """The network with its normalisation built in: input pixels in 0..1, output class scores."""

    def __init__(self, model: nn.Module, mean: list[float], std: list[float]):
        super().__init__()
        self.model = model
        self.register_buffer("mean", torch.tensor(mean).view(1, -1, 1, 1))
        self.register_buffer("std", torch.tensor(std).view(1, -1, 1, 1))

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.model((images - self.mean) / self.std)


def export_checkpoint(checkpoint: Checkpoint, fmt: str, output: str | os.PathLike) -> Path:
    output = Path(output)
    if fmt == "python":
        code = python_code(checkpoint.project, checkpoint.class_names, checkpoint.mean, checkpoint.std)
        atomic_write_bytes(output, code.encode("utf-8"))
        return output
    wrapped = NormalizedModel(model_from_checkpoint(checkpoint), checkpoint.mean, checkpoint.std).eval()
    example = torch.rand(1, *checkpoint.project.input_shape)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the deprecation notes of the TorchScript-based paths
        if fmt == "onnx":
            torch.onnx.export(
                wrapped,
                (example,),
                buffer,
                dynamo=False,
                input_names=["image"],
                output_names=["scores"],
                dynamic_axes={"image": {0: "batch"}, "scores": {0: "batch"}},
            )
            payload = _with_onnx_metadata(buffer.getvalue(), checkpoint)
        elif fmt == "torchscript":
            traced = torch.jit.trace(wrapped, example)
            torch.jit.save(traced, buffer, _extra_files={"class_names.json": json.dumps(list(checkpoint.class_names))})
            payload = buffer.getvalue()
        else:
            raise PlaygroundError(
                Message(messages.EXPORT_UNKNOWN_FORMAT, found=repr(fmt), choices=", ".join(EXPORT_FORMATS))
            )
    atomic_write_bytes(output, payload)
    return output


def _with_onnx_metadata(model_bytes: bytes, checkpoint: Checkpoint) -> bytes:
    """Class names and the input convention, for whoever loads the file elsewhere."""
    try:
        import onnx
    except ImportError:  # onnx is optional: the model is valid without the metadata
        return model_bytes
    model = onnx.load_from_string(model_bytes)
    for key, value in (
        ("class_names", json.dumps(list(checkpoint.class_names), ensure_ascii=False)),
        ("input", "float N×C×H×W, pixels scaled to 0..1 (normalisation is inside the model)"),
    ):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    return model.SerializeToString()
