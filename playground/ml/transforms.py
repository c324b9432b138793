"""Augmentation settings (Keras ImageDataGenerator's set) as torchvision.transforms.v2.

`build_augmentation` is the one place that turns settings into transforms: training uses it on
every batch and the augmentation preview uses the very same object.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torchvision.transforms import v2

from playground.spec.settings import AugmentationSettings

_PAD_MODES = {"nearest": "replicate", "reflect": "reflect", "wrap": "circular"}


class FillByPadding(torch.nn.Module):
    """Keras fill modes for v2.RandomAffine (which only fills a constant): pad the image with the
    chosen rule, transform, crop the centre back. The affine's translate is given relative to the
    unpadded image and rescaled here."""

    def __init__(self, affine: v2.RandomAffine, mode: str, size: tuple[int, int]):
        super().__init__()
        self.affine, self.mode = affine, _PAD_MODES[mode]
        self.pad_h, self.pad_w = size[0] // 2, size[1] // 2
        if affine.translate is not None:
            tx, ty = affine.translate
            affine.translate = (tx * size[1] / (size[1] + 2 * self.pad_w), ty * size[0] / (size[0] + 2 * self.pad_h))

    def forward(self, image: torch.Tensor) -> torch.Tensor:
        height, width = image.shape[-2:]
        padded = F.pad(image.unsqueeze(0).float(), (self.pad_w, self.pad_w, self.pad_h, self.pad_h), mode=self.mode)
        moved = self.affine(padded[0])
        crop = moved[..., self.pad_h : self.pad_h + height, self.pad_w : self.pad_w + width]
        return crop.round_().clamp_(0, 255).to(torch.uint8)


def build_augmentation(settings: AugmentationSettings, image_size: tuple[int, int]) -> v2.Compose | None:
    """A transform of one uint8 C×H×W image, or None when augmentation is off."""
    if not settings.enabled:
        return None
    steps: list[torch.nn.Module] = []
    if settings.rotation or any(settings.shift) or settings.zoom or settings.shear:
        affine = v2.RandomAffine(
            degrees=settings.rotation,
            translate=settings.shift if any(settings.shift) else None,
            scale=(1 - settings.zoom, 1 + settings.zoom) if settings.zoom else None,
            shear=settings.shear or None,
            interpolation=v2.InterpolationMode.BILINEAR,
            fill=settings.fill_value,
        )
        steps.append(affine if settings.fill_mode == "constant" else FillByPadding(affine, settings.fill_mode, image_size))
    if settings.horizontal_flip:
        steps.append(v2.RandomHorizontalFlip())
    if settings.vertical_flip:
        steps.append(v2.RandomVerticalFlip())
    if settings.brightness or settings.contrast:
        steps.append(v2.ColorJitter(brightness=settings.brightness or None, contrast=settings.contrast or None))
    return v2.Compose(steps)


def batch_augmenter(settings: AugmentationSettings, image_size: tuple[int, int]):
    """A function of a uint8 N×C×H×W batch giving each image its own random transform, or None."""
    transform = build_augmentation(settings, image_size)
    if transform is None:
        return None

    def augment(batch: torch.Tensor) -> torch.Tensor:
        return torch.stack([transform(image) for image in batch])

    return augment
