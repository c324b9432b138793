"""Networks pretrained on ImageNet, found and loaded offline.

Nothing is downloaded: weights are looked for where torchvision would have put them
(`$TORCH_HOME/hub/checkpoints/<basename of the weights URL>`, any version of them) and in the
app's own weights folder, where "Import weights…" copies a file a teacher brought. Every file is
read without unpickling code (`torch.load(weights_only=True)` or safetensors) and must fit the
architecture exactly before it is used or stored.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import torch
from PIL import Image
from torch import nn

from playground.ml.machine.app_data import app_data_dir
from playground.ml.network.load_errors import load_reason
from playground.resources import resource_path
from playground.spec import messages
from playground.spec.backbones import BACKBONES, Backbone
from playground.spec.errors import CheckpointError
from playground.spec.messages import Message
from playground.spec.project import atomic_write_bytes

WEIGHTS_ENV = "CNN_PLAYGROUND_WEIGHTS"  # the app's weights folder (default: in the user's data folder)


# How each network's base splits into blocks (see base_blocks); the rest of what the app knows
# about them (titles, parameters, output shapes) is pure data in playground.spec.backbones.
FAMILIES = {"vgg16": "vgg", "vgg19": "vgg", "resnet18": "resnet", "resnet50": "resnet"}
NETWORKS = BACKBONES
MINI = "playground_mini"  # source "playground": shipped with the app
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
                    nn.Conv2d(channels, width, 3, padding=1),
                    nn.BatchNorm2d(width),
                    nn.ReLU(inplace=True),
                    nn.MaxPool2d(2),
                )
            )
            channels = width
        self.features = nn.Sequential(*stages)
        self.classifier = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, classes))

    def forward(self, images):
        return self.classifier(self.features(images))


def network(key: str) -> Backbone:
    if key not in NETWORKS:
        raise CheckpointError(Message(messages.UNKNOWN_NETWORK, key=repr(key), known=", ".join(NETWORKS)))
    return NETWORKS[key]


def _timm(key: str):
    """timm, for Inception-ResNet-v2 and Xception; a clear message where it is not installed."""
    try:
        import timm
    except ImportError:
        raise CheckpointError(Message(messages.NEEDS_TIMM, network=network(key).title)) from None
    return timm


def _weights_versions(key: str) -> list:
    """torchvision's weight sets for the network, the recommended one first."""
    from torchvision.models import get_model_weights

    enum = get_model_weights(key)
    return [enum.DEFAULT] + [w for w in enum if w is not enum.DEFAULT]


def app_weights_dir() -> Path:
    if os.environ.get(WEIGHTS_ENV):
        return Path(os.environ[WEIGHTS_ENV])
    return app_data_dir() / "weights"


def _hf_cache() -> Path:
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    return Path(os.environ.get("HF_HOME") or Path.home() / ".cache" / "huggingface") / "hub"


def _candidates(key: str) -> list[tuple[Path, object]]:
    """(file, torchvision weight set or None) for every place and version, in order of preference:
    where torchvision or timm would have cached them, then the app's own weights folder."""
    backbone, hub, app = network(key), Path(torch.hub.get_dir()) / "checkpoints", app_weights_dir()
    if backbone.source == "playground":
        return [(MINI_WEIGHTS, None)]
    if backbone.source == "timm":
        config = _timm(key).models.get_pretrained_cfg(key)
        found: list[tuple[Path, object]] = []
        if config.hf_hub_id:  # huggingface_hub's cache: models--timm--NAME/snapshots/REVISION/FILE
            folder = _hf_cache() / f"models--{config.hf_hub_id.replace('/', '--')}" / "snapshots"
            for name in ("model.safetensors", "pytorch_model.bin"):
                found += [(path, None) for path in sorted(folder.glob(f"*/{name}"))]
        if config.url:
            found += [(folder / config.url.rsplit("/", 1)[-1], None) for folder in (hub, app)]
        return [*found, (app / f"{key}.safetensors", None), (app / f"{key}.pth", None)]
    versions = _weights_versions(key)
    found = [(folder / w.url.rsplit("/", 1)[-1], w) for w in versions for folder in (hub, app)]
    return [*found, (app / f"{key}.safetensors", versions[0]), (app / f"{key}.pth", versions[0])]


def _find(key: str) -> tuple[Path, object] | None:
    return next(((path, weights) for path, weights in _candidates(key) if path.is_file()), None)


def find_weights(key: str) -> Path | None:
    found = _find(key)
    return found[0] if found else None


def where_to_get(key: str) -> str:
    backbone = network(key)
    if backbone.source == "timm":
        config = _timm(key).models.get_pretrained_cfg(key)
        return config.url or f"https://huggingface.co/{config.hf_hub_id}"
    if backbone.source == "playground":
        return "the app's own files (reinstall the app)"
    return _weights_versions(key)[0].url


def describe(key: str) -> dict:
    """Parameters, input size, ImageNet accuracy (of the weights found here when torchvision has
    several versions) and where its weights are (or None)."""
    backbone = network(key)
    found = _find(key) if backbone.source != "timm" or _timm_installed() else None
    accuracy = backbone.imagenet_top1
    if found and found[1] is not None:
        accuracy = found[1].meta["_metrics"]["ImageNet-1K"]["acc@1"]
    return {
        "key": key,
        "title": backbone.title,
        "parameters": backbone.total_params,
        "input_size": backbone.input_size,
        "imagenet_top1": accuracy,
        "weights": str(found[0]) if found else None,
        "url": where_to_get(key) if backbone.source != "timm" or _timm_installed() else "pip install timm",
    }


def _timm_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("timm") is not None


def read_state_dict(path: Path) -> dict[str, torch.Tensor]:
    """A state dict from a .pth/.pt/.bin (no code is unpickled) or .safetensors file."""
    try:
        if path.suffix == ".safetensors":
            from safetensors.torch import load_file

            state = load_file(str(path))
        else:
            state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # truncated, not a torch file, or a pickle that asks for code
        raise CheckpointError(Message(messages.NOT_A_WEIGHTS_FILE, path=str(path), reason=load_reason(error))) from None
    if isinstance(state, dict) and "state_dict" in state and isinstance(state["state_dict"], dict):
        state = state["state_dict"]
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise CheckpointError(Message(messages.NO_STATE_DICT, path=str(path)))
    return state


def architecture(key: str) -> nn.Module:
    source = network(key).source
    if source == "playground":
        return PlaygroundMini()
    if source == "timm":
        return _timm(key).create_model(key, pretrained=False)
    from torchvision.models import get_model

    return get_model(key, weights=None)  # torchvision's names are the keys


def fit_weights(model: nn.Module, state: dict[str, torch.Tensor], path: Path, key: str) -> nn.Module:
    """Load `state` into `model`, or say precisely why it does not belong to this network."""
    expected = model.state_dict()
    missing = [k for k in expected if k not in state]
    unexpected = [k for k in state if k not in expected]
    mismatched = [k for k in expected if k in state and state[k].shape != expected[k].shape]
    if missing or unexpected or mismatched:
        # A whole sentence for the first kind of problem there is, with an example key of that kind.
        if missing:
            template, example = messages.WEIGHTS_MISSING_KEYS, missing
        elif unexpected:
            template, example = messages.WEIGHTS_UNEXPECTED_KEYS, unexpected
        else:
            template, example = messages.WEIGHTS_WRONG_SHAPES, mismatched
        raise CheckpointError(
            Message(
                template,
                path=str(path),
                network=network(key).title,
                example=example[0],
                missing=len(missing),
                unexpected=len(unexpected),
                mismatched=len(mismatched),
            )
        )
    model.load_state_dict(state)
    return model


def load_pretrained(key: str) -> nn.Module:
    """The network with its pretrained weights from this machine; a clear error, at once, if absent."""
    found = _find(key)
    if found is None:
        places = sorted({str(path.parent) for path, _ in _candidates(key)})
        names = sorted({path.name for path, _ in _candidates(key)})
        raise CheckpointError(
            Message(
                messages.WEIGHTS_NOT_HERE,
                network=network(key).title,
                names=", ".join(names),
                places=", ".join(places),
                source=where_to_get(key),
                folder=str(Path(torch.hub.get_dir()) / "checkpoints"),
            )
        )
    path = found[0]
    stored = read_state_dict(path)  # the app's own weights are float16 on disk: widen them
    state = {name: t.float() if t.is_floating_point() else t for name, t in stored.items()}
    return fit_weights(architecture(key), state, path, key).eval()


def check_weights_file(source: Path, key: str) -> None:
    """Raise CheckpointError unless `source` is a weights file that loads without running code and
    fits the network exactly (what "Import weights…" and a classroom kit check)."""
    if not source.is_file():
        raise CheckpointError(Message(messages.WEIGHTS_FILE_NOT_FOUND, path=str(source)))

    model, state = architecture(key), read_state_dict(source)
    state = restore_counters(state, model.state_dict())  # a float32 copy of the weights, its counters too
    check_weight_values(state, model.state_dict(), source, network(key).title)  # int16 or NaN: not weights
    fit_weights(model, state, source, key)


def import_weights(source: str | os.PathLike, key: str) -> Path:
    """Check that a file a user brings is safe and fits the network, then keep a copy where the app
    finds it. Nothing is stored when the check fails."""
    source = Path(source)
    check_weights_file(source, key)
    suffix = ".safetensors" if source.suffix == ".safetensors" else ".pth"
    target = app_weights_dir() / f"{key}{suffix}"
    atomic_write_bytes(target, source.read_bytes())
    return target


# ------------------------------------------------------------------------------- blocks

_TIMM_BLOCKS = {  # timm's top-level modules, grouped into the blocks the freeze line moves between
    "inception_resnet_v2": [
        ["conv2d_1a"],
        ["conv2d_2a"],
        ["conv2d_2b"],
        ["maxpool_3a", "conv2d_3b"],
        ["conv2d_4a"],
        ["maxpool_5a", "mixed_5b"],
        ["repeat"],
        ["mixed_6a"],
        ["repeat_1"],
        ["mixed_7a"],
        ["repeat_2"],
        ["block8"],
        ["conv2d_7b"],
    ],
    "legacy_xception": [
        ["conv1", "bn1", "act1", "conv2", "bn2", "act2"],
        *[[f"block{i}"] for i in range(1, 13)],
        ["conv3", "bn3", "act3", "conv4", "bn4", "act4"],
    ],
}


def base_blocks(key: str, model: nn.Module) -> list[nn.Module]:
    """The base (everything before the classifier) as an ordered list of blocks, input side first."""
    network(key)
    if key in _TIMM_BLOCKS:
        return [nn.Sequential(*(getattr(model, name) for name in names)) for names in _TIMM_BLOCKS[key]]
    family = FAMILIES.get(key, "features")
    if family == "resnet":
        return [
            nn.Sequential(model.conv1, model.bn1, model.relu, model.maxpool),
            model.layer1,
            model.layer2,
            model.layer3,
            model.layer4,
        ]
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


@dataclass(frozen=True)
class ImagenetPreprocessing:
    """How a network's ImageNet weights expect an image: shorter side resized, centre cropped."""

    resize: int
    crop: int
    interpolation: str  # "bilinear" or "bicubic"
    mean: tuple[float, ...]
    std: tuple[float, ...]


def imagenet_preprocessing(key: str, model: nn.Module) -> ImagenetPreprocessing:
    """The preprocessing the network's weights were evaluated with (torchvision's or timm's own)."""
    backbone = network(key)
    if backbone.source == "playground":
        raise CheckpointError(Message(messages.NOT_TRAINED_ON_IMAGENET, network=backbone.title))
    if backbone.source == "timm":
        config = _timm(key).data.resolve_data_config({}, model=model)
        crop = config["input_size"][-1]
        return ImagenetPreprocessing(
            math.floor(crop / config["crop_pct"]),
            crop,
            config["interpolation"],
            tuple(config["mean"]),
            tuple(config["std"]),
        )
    found = _find(key)
    transform = (found[1] if found else _weights_versions(key)[0]).transforms()  # its own (V1 ≠ V2)
    return ImagenetPreprocessing(
        transform.resize_size[0],
        transform.crop_size[0],
        transform.interpolation.value,
        tuple(transform.mean),
        tuple(transform.std),
    )


def imagenet_image(image: Image.Image, preprocessing: ImagenetPreprocessing) -> torch.Tensor:
    """An RGB PIL image -> uint8 3×crop×crop, resized and cropped as the weights expect."""
    from torchvision.transforms.v2 import InterpolationMode
    from torchvision.transforms.v2 import functional as F

    tensor = F.pil_to_tensor(image.convert("RGB"))
    mode = InterpolationMode(preprocessing.interpolation)
    tensor = F.resize(tensor, [preprocessing.resize], interpolation=mode, antialias=True)
    return F.center_crop(tensor, [preprocessing.crop, preprocessing.crop])


def imagenet_categories() -> tuple[str, ...]:
    """ImageNet-1k's 1,000 class names in the order every ImageNet classifier uses."""
    return tuple(_weights_versions("resnet18")[0].meta["categories"])


MAX_COUNTER_VALUES = 16  # a counter (BatchNorm's num_batches_tracked) is one number; more is a weight


def restore_counters(state: dict[str, torch.Tensor], expected: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Counters the network keeps as integers (BatchNorm's num_batches_tracked) brought back to their
    type when a dtype-conversion script made them float along with the weights: whole, finite,
    non-negative numbers only. Anything else keeps its type, for check_weight_values to judge."""
    restored = dict(state)
    for name, tensor in state.items():
        want = expected.get(name)
        if want is None or want.is_floating_point() or not tensor.is_floating_point():
            continue
        if tensor.numel() > MAX_COUNTER_VALUES or not bool(torch.isfinite(tensor).all()):
            continue
        if bool((tensor == tensor.round()).all()) and bool((tensor >= 0).all()):
            restored[name] = tensor.to(want.dtype)
    return restored


def check_weight_values(
    state: dict[str, torch.Tensor], expected: dict[str, torch.Tensor], path: str | os.PathLike, network: str
) -> None:
    """Weights a user brings hold numbers of the network's kinds, and real ones: int16 tensors would
    be silently converted into nonsense weights, and NaN ones make every prediction NaN."""
    for name, tensor in state.items():
        want = expected.get(name)
        if want is None:
            continue  # which keys fit is the caller's check; this one is about the values
        if want.is_floating_point() != tensor.is_floating_point():
            found, wanted = (str(t.dtype).removeprefix("torch.") for t in (tensor, want))
            raise CheckpointError(
                Message(
                    messages.WEIGHTS_WRONG_KIND, path=path, name=name, found=found, network=network, expected=wanted
                )
            )
        if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all()):
            raise CheckpointError(Message(messages.WEIGHTS_NOT_FINITE, path=path, name=name))
