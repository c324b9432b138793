"""Networks pretrained on ImageNet, found and loaded offline.

Nothing is downloaded: weights are looked for where torchvision would have put them
(`$TORCH_HOME/hub/checkpoints/<basename of the weights URL>`, any version of them) and in the
app's own weights folder, where "Import weights…" copies a file a teacher brought. Every file is
read without unpickling code (`torch.load(weights_only=True)` or safetensors) and must fit the
architecture exactly before it is used or stored.
"""

from __future__ import annotations

import os
from pathlib import Path

import torch
from torch import nn

from playground.resources import resource_path
from playground.spec.backbones import BACKBONES, Backbone
from playground.spec.errors import CheckpointError
from playground.spec.project import atomic_write_bytes

WEIGHTS_ENV = "CNN_PLAYGROUND_WEIGHTS"  # the app's weights folder (default: in the user's data folder)


# How each network's base splits into blocks (see base_blocks); the rest of what the app knows
# about them (titles, parameters, output shapes) is pure data in playground.spec.backbones.
FAMILIES = {"vgg16": "vgg", "vgg19": "vgg", "resnet18": "resnet", "resnet50": "resnet"}
NETWORKS = BACKBONES
MINI = "playground_mini"
MINI_WEIGHTS = resource_path("weights", "playground_mini.safetensors")
MINI_CHANNELS = (16, 32, 64, 96, 128)


class PlaygroundMini(nn.Module):
    """The app's own small backbone: five stages of 3×3 conv, batch norm, ReLU and 2×2 max pool,
    pretrained by tools/train_mini_backbone.py on builtin:animals (32×32 RGB), shipped with the app
    so that feature extraction and fine-tuning work with nothing downloaded."""

    def __init__(self, classes: int = 10):
        super().__init__()
        stages, channels = [], 3
        for width in MINI_CHANNELS:
            stages.append(
                nn.Sequential(
                    nn.Conv2d(channels, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(inplace=True),
                    nn.MaxPool2d(2),
                )
            )  # fmt: skip
            channels = width
        self.features = nn.Sequential(*stages)
        self.classifier = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, classes))

    def forward(self, images):
        return self.classifier(self.features(images))


_FROM_TIMM = "comes from timm (pip install timm), its weights from the Hugging Face cache"
NOT_IN_TORCHVISION = {"inception_resnet_v2": f"Inception-ResNet-v2 {_FROM_TIMM}", "xception": f"Xception {_FROM_TIMM}"}


def network(key: str) -> Backbone:
    if key in NOT_IN_TORCHVISION:
        raise CheckpointError(f"{key} is not available: {NOT_IN_TORCHVISION[key]}")
    if key not in NETWORKS:
        raise CheckpointError(f"unknown pretrained network {key!r} (known: {', '.join(NETWORKS)})")
    return NETWORKS[key]


def _weights_versions(key: str) -> list:
    """torchvision's weight sets for the network, the recommended one first."""
    from torchvision.models import get_model_weights

    enum = get_model_weights(key)
    return [enum.DEFAULT] + [w for w in enum if w is not enum.DEFAULT]


def describe(key: str) -> dict:
    """Parameters, input size, ImageNet accuracy (of the weights found here, else of the
    recommended ones) and where its weights are (or None)."""
    if key == MINI:
        backbone = network(key)
        return {"key": key, "title": backbone.title, "parameters": backbone.total_params,
                "input_size": backbone.input_size, "imagenet_top1": None, "weights": str(MINI_WEIGHTS),
                "url": None}  # fmt: skip
    found = _find(key)
    weights = found[1] if found else _weights_versions(key)[0]
    return {
        "key": key,
        "title": network(key).title,
        "parameters": weights.meta["num_params"],
        "input_size": weights.transforms().crop_size[0],
        "imagenet_top1": weights.meta["_metrics"]["ImageNet-1K"]["acc@1"],
        "weights": str(found[0]) if found else None,
        "url": weights.url,
    }


def app_weights_dir() -> Path:
    if os.environ.get(WEIGHTS_ENV):
        return Path(os.environ[WEIGHTS_ENV])
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "cnn-playground" / "weights"


def _candidates(key: str) -> list[tuple[Path, object]]:
    """(file, torchvision weight set) for every place and version, in order of preference."""
    hub = Path(torch.hub.get_dir()) / "checkpoints"
    versions = _weights_versions(key)
    found = [(folder / w.url.rsplit("/", 1)[-1], w) for w in versions for folder in (hub, app_weights_dir())]
    return [*found, (app_weights_dir() / f"{key}.safetensors", versions[0])]


def _find(key: str) -> tuple[Path, object] | None:
    if key == MINI:
        return (MINI_WEIGHTS, None) if MINI_WEIGHTS.is_file() else None
    return next(((path, weights) for path, weights in _candidates(key) if path.is_file()), None)


def find_weights(key: str) -> Path | None:
    found = _find(key)
    return found[0] if found else None


def read_state_dict(path: Path) -> dict[str, torch.Tensor]:
    """A state dict from a .pth/.pt (no code is unpickled) or .safetensors file."""
    try:
        if path.suffix == ".safetensors":
            from safetensors.torch import load_file

            state = load_file(str(path))
        else:
            state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # truncated, not a torch file, or a pickle that asks for code
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0][:160]
        raise CheckpointError(f"{path} is not a valid weights file ({reason})") from None
    if isinstance(state, dict) and "state_dict" in state and isinstance(state["state_dict"], dict):
        state = state["state_dict"]
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise CheckpointError(f"{path} is not a valid weights file (no state dict of tensors in it)")
    return state


def architecture(key: str) -> nn.Module:
    if network(key).key == MINI:
        return PlaygroundMini()
    from torchvision.models import get_model

    return get_model(key, weights=None)  # torchvision's names are the keys


def fit_weights(model: nn.Module, state: dict[str, torch.Tensor], path: Path, key: str) -> nn.Module:
    """Load `state` into `model`, or say precisely why it does not belong to this network."""
    expected = model.state_dict()
    missing = [k for k in expected if k not in state]
    unexpected = [k for k in state if k not in expected]
    mismatched = [k for k in expected if k in state and state[k].shape != expected[k].shape]
    if missing or unexpected or mismatched:
        problems = []
        for label, keys in (("missing", missing), ("unexpected", unexpected), ("wrong shape", mismatched)):
            if keys:
                problems.append(f"{len(keys)} {label} (e.g. {keys[0]})")
        raise CheckpointError(f"{path} does not fit {network(key).title}: " + ", ".join(problems))
    model.load_state_dict(state)
    return model


def load_pretrained(key: str) -> nn.Module:
    """The network with its ImageNet weights from this machine; a clear error, at once, if absent."""
    if key == MINI:
        stored = read_state_dict(MINI_WEIGHTS)  # float16 on disk: half the size, no loss that matters here
        state = {name: tensor.float() if tensor.is_floating_point() else tensor for name, tensor in stored.items()}
        return fit_weights(architecture(key), state, MINI_WEIGHTS, key).eval()
    path = find_weights(key)
    if path is None:
        url = _weights_versions(key)[0].url
        names = ", ".join(sorted({p.name for p, _ in _candidates(key)}))
        raise CheckpointError(
            f"the ImageNet weights of {network(key).title} are not on this machine (looked for"
            f" {names} in {Path(torch.hub.get_dir()) / 'checkpoints'}"
            f" and {app_weights_dir()}). Download {url} on a machine with internet and use Import weights,"
            f" or copy it into {Path(torch.hub.get_dir()) / 'checkpoints'}"
        )
    return fit_weights(architecture(key), read_state_dict(path), path, key).eval()


def import_weights(source: str | os.PathLike, key: str) -> Path:
    """Check that a file a user brings is safe and fits the network, then keep a copy where the app
    finds it. Nothing is stored when the check fails."""
    source = Path(source)
    if not source.is_file():
        raise CheckpointError(f"weights file not found: {source}")
    fit_weights(architecture(key), read_state_dict(source), source, key)
    suffix = ".safetensors" if source.suffix == ".safetensors" else ".pth"
    target = app_weights_dir() / (
        f"{key}.safetensors" if suffix == ".safetensors" else _weights_versions(key)[0].url.rsplit("/", 1)[-1]
    )
    atomic_write_bytes(target, source.read_bytes())
    return target


# ------------------------------------------------------------------------------- freezing


def base_blocks(key: str, model: nn.Module) -> list[nn.Module]:
    """The base (everything before the classifier) as an ordered list of blocks, input side first."""
    network(key)
    family = FAMILIES.get(key, "features")
    if family == "resnet":
        return [nn.Sequential(model.conv1, model.bn1, model.relu, model.maxpool), model.layer1, model.layer2,
                model.layer3, model.layer4]  # fmt: skip
    if family == "vgg":  # a stage: its 3×3 convs and the max pool that closes it
        stages, current = [], []
        for layer in model.features.children():
            current.append(layer)
            if isinstance(layer, nn.MaxPool2d):
                stages.append(nn.Sequential(*current))
                current = []
        return stages
    return list(model.features.children())


def base(key: str, model: nn.Module) -> nn.Sequential:
    """Everything before the network's own pooling and classifier, block by block."""
    return nn.Sequential(*base_blocks(key, model))


def freeze(key: str, model: nn.Module, trainable_blocks: int) -> tuple[int, int]:
    """Freeze the base but its last `trainable_blocks` blocks (0: feature extraction). Returns
    (trainable, frozen) parameter counts of the base. Frozen blocks keep BatchNorm in eval mode
    (see `keep_frozen_batchnorm_in_eval`)."""
    blocks = base_blocks(key, model)
    if not 0 <= trainable_blocks <= len(blocks):
        raise CheckpointError(f"{network(key).title} has {len(blocks)} blocks; cannot unfreeze {trainable_blocks}")
    trainable = frozen = 0
    for index, block in enumerate(blocks):
        learn = index >= len(blocks) - trainable_blocks
        for parameter in block.parameters():
            parameter.requires_grad = learn
            if learn:
                trainable += parameter.numel()
            else:
                frozen += parameter.numel()
        block.playground_frozen = not learn
    return trainable, frozen


def keep_frozen_batchnorm_in_eval(model: nn.Module) -> None:
    """After model.train(): BatchNorm in frozen blocks keeps its ImageNet statistics."""
    for module in model.modules():
        if getattr(module, "playground_frozen", False):
            for child in module.modules():
                if isinstance(child, nn.modules.batchnorm._BatchNorm):
                    child.eval()


def imagenet_top(model: nn.Module, key: str, image, k: int = 5) -> list[tuple[str, float]]:
    """Classify a PIL image into ImageNet's 1,000 classes with the network's own preprocessing."""
    found = _find(key)
    weights = found[1] if found else _weights_versions(key)[0]  # its own preprocessing (V1 ≠ V2)
    batch = weights.transforms()(image.convert("RGB")).unsqueeze(0)
    with torch.inference_mode():
        probabilities = torch.softmax(model.eval()(batch), dim=1)[0]
    values, indices = probabilities.topk(k)
    categories = weights.meta["categories"]
    return [(categories[i], float(p)) for p, i in zip(values.tolist(), indices.tolist(), strict=True)]
