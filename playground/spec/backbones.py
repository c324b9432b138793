"""Pretrained networks as the builder sees them: pure data, no torch (tests check it against torch).

The base of each network (everything before its own pooling and classifier) is a list of blocks;
the freeze line sits between two blocks. Its output is a C×H×W feature map whose size follows
from the input size by its reductions: halvings (VGG's pools round down, padded strided convs
round up) and, in the Inception and Xception stems, unpadded 3×3 convs. The head the learner
builds goes on top of that map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from playground.spec import messages
from playground.spec.messages import Message

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


@dataclass(frozen=True)
class Backbone:
    key: str
    title: str
    channels: int  # of the base's output feature map
    block_params: tuple[int, ...]  # parameters of each base block, input side first
    total_params: int  # with its ImageNet classifier
    input_size: int  # what it was trained at
    imagenet_top1: float | None  # %, torchvision's recommended weights (timm's published results for timm's)
    reductions: tuple[str, ...]  # "floor"/"ceil": halve; "v3s2": unpadded 3×3 stride 2; "v3": unpadded 3×3
    description: Message  # the picker shows it in the interface's language
    mean: tuple[float, float, float] = IMAGENET_MEAN  # the normalisation its weights were trained with
    std: tuple[float, float, float] = IMAGENET_STD
    min_input: int = 32
    source: str = "torchvision"  # or "timm", or "playground" (shipped with the app)

    @property
    def blocks(self) -> int:
        return len(self.block_params)

    @property
    def base_params(self) -> int:
        return sum(self.block_params)

    def output_shape(self, size: tuple[int, int]) -> tuple[int, int, int]:
        steps = {
            "floor": lambda n: n // 2,
            "ceil": lambda n: math.ceil(n / 2),
            "v3s2": lambda n: (n - 3) // 2 + 1,
            "v3": lambda n: n - 2,
        }
        height, width = size
        for step in self.reductions:
            height, width = steps[step](height), steps[step](width)
        return (self.channels, height, width)

    def split(self, trainable_blocks: int) -> tuple[int, int]:
        """(trainable, frozen) parameters of the base with its last `trainable_blocks` unfrozen."""
        trainable = sum(self.block_params[self.blocks - trainable_blocks :]) if trainable_blocks else 0
        return trainable, self.base_params - trainable


FLOOR, CEIL = ("floor",) * 5, ("ceil",) * 5
HALF = (0.5, 0.5, 0.5)  # the TensorFlow ports' normalisation

BACKBONES: dict[str, Backbone] = {
    b.key: b
    for b in (
        Backbone("playground_mini", "Playground Mini", 128, (480, 4704, 18624, 55584, 110976), 191658, 32, None,
                 FLOOR, Message(messages.ABOUT_PLAYGROUND_MINI), source="playground"),
        Backbone("vgg16", "VGG16", 512, (38720, 221440, 1475328, 5899776, 7079424), 138357544, 224, 71.592, FLOOR,
                 Message(messages.ABOUT_VGG16)),
        Backbone("vgg19", "VGG19", 512, (38720, 221440, 2065408, 8259584, 9439232), 143667240, 224, 72.376, FLOOR,
                 Message(messages.ABOUT_VGG19)),
        Backbone("resnet18", "ResNet18", 512, (9536, 147968, 525568, 2099712, 8393728), 11689512, 224, 69.758, CEIL,
                 Message(messages.ABOUT_RESNET18)),
        Backbone("resnet50", "ResNet50", 2048, (9536, 215808, 1219584, 7098368, 14964736), 25557032, 224, 80.858,
                 CEIL, Message(messages.ABOUT_RESNET50)),
        Backbone("mobilenet_v2", "MobileNetV2", 1280,
                 (928, 896, 5136, 8832, 10000, 14848, 14848, 21056, 54272, 54272, 54272, 66624, 118272, 118272,
                  155264, 320000, 320000, 473920, 412160), 3504872, 224, 72.154, CEIL,
                 Message(messages.ABOUT_MOBILENET_V2)),
        Backbone("mobilenet_v3_small", "MobileNetV3 Small", 576,
                 (464, 744, 3864, 5416, 13736, 57264, 57264, 21968, 29800, 91848, 294096, 294096, 56448),
                 2542856, 224, 67.668, CEIL, Message(messages.ABOUT_MOBILENET_V3_SMALL)),
        Backbone("mobilenet_v3_large", "MobileNetV3 Large", 960,
                 (464, 464, 3440, 4440, 10328, 20992, 20992, 32080, 34760, 31992, 31992, 214424, 386120, 429224,
                  797360, 797360, 155520), 5483032, 224, 75.274, CEIL, Message(messages.ABOUT_MOBILENET_V3_LARGE)),
        Backbone("efficientnet_b0", "EfficientNet-B0", 1280,
                 (928, 1448, 16714, 46640, 242930, 543148, 2026348, 717232, 412160), 5288548, 224, 77.692, CEIL,
                 Message(messages.ABOUT_EFFICIENTNET_B0)),
        Backbone("inception_resnet_v2", "Inception-ResNet-v2", 1536,
                 (928, 9280, 18560, 5280, 138624, 268320, 1231680, 2664960, 22535680, 3880960, 18318816, 2035424,
                  3197952), 55843464, 299, 80.46, ("v3s2", "v3", "v3s2", "v3", "v3s2", "v3s2", "v3s2"),
                 Message(messages.ABOUT_INCEPTION_RESNET_V2), HALF, HALF, 75, "timm"),
        Backbone("legacy_xception", "Xception", 2048,
                 (19488, 35264, 136064, 915944, 1613976, 1613976, 1613976, 1613976, 1613976, 1613976, 1613976,
                  1613976, 2039584, 4748800), 22855952, 299, 79.04, ("v3s2", "v3", "ceil", "ceil", "ceil", "ceil"),
                 Message(messages.ABOUT_XCEPTION), HALF, HALF, 32, "timm"),
    )
}  # fmt: skip
