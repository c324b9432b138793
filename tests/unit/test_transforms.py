import pytest
import torch
from torchvision.transforms import v2

from playground.ml.data.transforms import BatchAugmentation, affine_grid, build_augmentation, inverse_affine_matrices
from playground.spec.settings import AugmentationSettings


def _batch(channels=3, size=16, n=8):
    torch.manual_seed(0)
    return torch.randint(0, 256, (n, channels, size, size), dtype=torch.uint8)


def test_no_augmentation_means_no_transform():
    assert build_augmentation(AugmentationSettings()) is None
    assert build_augmentation(AugmentationSettings(horizontal_flip=False, fill_mode="wrap")) is None


@pytest.mark.parametrize(
    ("angle", "translate", "scale", "shear"),
    [(30.0, (0, 0), 1.0, 0.0), (-12.0, (3, -2), 1.0, 0.0), (0.0, (0, 0), 0.8, 0.0), (20.0, (1, 4), 1.15, 12.0)],
)
def test_geometry_matches_torchvision_v2_affine(angle, translate, scale, shear):
    image = _batch(n=1, size=20)[0].float()
    expected = v2.functional.affine(
        image,
        angle=angle,
        translate=list(translate),
        scale=scale,
        shear=[shear, 0.0],
        interpolation=v2.InterpolationMode.BILINEAR,
    )
    matrix = inverse_affine_matrices(
        torch.tensor([angle]),
        torch.tensor([translate], dtype=torch.float),
        torch.tensor([scale]),
        torch.tensor([shear]),
    )
    grid = affine_grid(matrix, 20, 20)
    ours = torch.nn.functional.grid_sample(
        image[None], grid, mode="bilinear", padding_mode="zeros", align_corners=False
    )[0]
    assert torch.allclose(ours, expected, atol=1e-3)


@pytest.mark.parametrize(
    "settings",
    [
        AugmentationSettings(rotation=30),
        AugmentationSettings(shift=(0.2, 0.2)),
        AugmentationSettings(zoom=0.3),
        AugmentationSettings(shear=20),
        AugmentationSettings(brightness=0.5),
        AugmentationSettings(contrast=0.5),
        AugmentationSettings(horizontal_flip=True),
        AugmentationSettings(vertical_flip=True),
        AugmentationSettings(rotation=30, fill_mode="constant", fill_value=255),
        AugmentationSettings(rotation=30, fill_mode="reflect"),
        AugmentationSettings(rotation=30, fill_mode="wrap"),
    ],
    ids=lambda s: ",".join(f"{k}={v}" for k, v in s.to_dict().items() if v != getattr(AugmentationSettings(), k)),
)
@pytest.mark.parametrize("channels", [1, 3])
def test_each_setting_changes_images_and_keeps_their_form(settings, channels):
    augment = build_augmentation(settings)
    batch = _batch(channels)[:1].expand(8, -1, -1, -1)  # eight copies of one image
    torch.manual_seed(1)
    out = augment(batch)
    assert out.shape == batch.shape and out.dtype == torch.uint8
    assert not torch.equal(out, batch)
    assert not all(torch.equal(out[0], out[i]) for i in range(1, 8))  # each image gets its own draw


def test_flips_flip_about_half_the_images():
    batch = _batch(n=200)
    torch.manual_seed(0)
    out = build_augmentation(AugmentationSettings(horizontal_flip=True))(batch)
    flipped = sum(torch.equal(o, b.flip(-1)) for o, b in zip(out, batch, strict=True))
    kept = sum(torch.equal(o, b) for o, b in zip(out, batch, strict=True))
    assert flipped + kept == 200 and 70 < flipped < 130


def test_fill_modes():
    white = torch.full((4, 3, 16, 16), 255, dtype=torch.uint8)
    torch.manual_seed(0)
    assert build_augmentation(AugmentationSettings(rotation=45, fill_mode="nearest"))(white).min() == 255
    assert build_augmentation(AugmentationSettings(rotation=45, fill_mode="constant", fill_value=0))(white).min() == 0
    grey = build_augmentation(AugmentationSettings(zoom=0.5, fill_mode="constant", fill_value=100))
    torch.manual_seed(3)
    assert 100 in grey(white).unique().tolist()


def test_wrap_moves_pixels_around_the_edge():
    column = torch.zeros(1, 1, 8, 8, dtype=torch.uint8)
    column[..., 0] = 255  # a white left edge
    wrap = BatchAugmentation(AugmentationSettings(shift=(0.25, 0.0), fill_mode="wrap"))
    results = set()
    for seed in range(20):
        torch.manual_seed(seed)
        moved = wrap(column)
        assert int(moved.sum()) == 255 * 8  # nothing lost, nothing added: pixels only move
        results.add(int(moved[0, 0, 0].argmax()))
    assert len(results) > 2


def test_the_sequence_is_reproducible_from_the_seed():
    augment = build_augmentation(AugmentationSettings(rotation=20, zoom=0.2, horizontal_flip=True, brightness=0.3))
    batch = _batch()
    torch.manual_seed(5)
    first = augment(batch)
    assert not torch.equal(first, augment(batch))
    torch.manual_seed(5)
    assert torch.equal(first, augment(batch))
