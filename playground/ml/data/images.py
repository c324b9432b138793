"""Decoding one image file safely into a uint8 array of a fixed size and channel count.

Every Pillow mode is converted explicitly (16-bit, palette, alpha, CMYK, EXIF rotation), the
pixel count is capped, and only common formats are opened. Used for image folders and for
prediction, so a dropped photo is prepared exactly as the training images were.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from playground.spec import messages
from playground.spec.messages import Message

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm")
ALLOWED_FORMATS = ("PNG", "JPEG", "BMP", "GIF", "TIFF", "WEBP", "PPM")
ORIENTATION = 0x0112  # the EXIF tag cameras use to say "this photo is turned"
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is fine; more is almost surely a decompression bomb


class BadImage(Exception):
    """A file that cannot be used as an image; the message is the reason shown to the user."""


def is_image_file(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES and not Path(path).name.startswith(".")


def _to_8bit(image: Image.Image) -> Image.Image:
    """16- and 32-bit grayscale and float images scaled to 0..255 by their value range."""
    array = np.asarray(image, dtype=np.float64)
    if array.size == 0:
        return Image.new("L", image.size)
    low, high = float(array.min()), float(array.max())
    if image.mode.startswith("I;16") or (image.mode == "I" and low >= 0 and high <= 65535):
        array = array / 257.0
    else:  # F or signed I: stretch the actual range
        array = (array - low) * (255.0 / (high - low)) if high > low else np.zeros_like(array)
    return Image.fromarray(np.clip(np.rint(array), 0, 255).astype(np.uint8), mode="L")


def _flatten_alpha(image: Image.Image) -> Image.Image:
    """Transparent pixels become white, as the image looks on a page."""
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def to_mode(image: Image.Image, channels: int) -> Image.Image:
    """Convert any Pillow mode to 'L' (channels=1) or 'RGB' (channels=3)."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        image = _to_8bit(image)
    elif image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (image.mode == "P" and "transparency" in image.info):
        image = _flatten_alpha(image)
    elif image.mode == "1":
        image = image.convert("L")
    target = "L" if channels == 1 else "RGB"
    return image if image.mode == target else image.convert(target)


def read_image(path: str | os.PathLike, channels: int, draft_side: int | None = None) -> Image.Image:
    """The image at `path`, decoded and converted to 'L' or 'RGB'. A JPEG may come smaller, but at
    least `draft_side` pixels a side. Raises BadImage with the reason for anything unreadable."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device named x.png: opening it would block or never end
            raise BadImage(Message(messages.IMAGE_NOT_A_FILE))
        if info.st_size == 0:
            raise BadImage(Message(messages.IMAGE_EMPTY))
        with Image.open(path, formats=ALLOWED_FORMATS) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise BadImage(Message(messages.IMAGE_TOO_LARGE, width=width, height=height, limit=f"{MAX_PIXELS:,}"))
            if image.format == "JPEG" and draft_side:
                # Let the JPEG decoder scale down by 1/2, 1/4 or 1/8 (DCT scaling), no visible loss.
                image.draft(None, (draft_side, draft_side))
            if image.getexif().get(ORIENTATION, 1) != 1:  # only then: transposing costs a full decode
                image = ImageOps.exif_transpose(image)
            image = to_mode(image, channels)
            image.load()  # decode now, while the file is open (to_mode may have had nothing to convert)
    except BadImage:
        raise
    except UnidentifiedImageError:
        raise BadImage(Message(messages.IMAGE_UNKNOWN)) from None
    except Image.DecompressionBombError:
        raise BadImage(Message(messages.IMAGE_BOMB)) from None
    except MemoryError:
        raise BadImage(Message(messages.IMAGE_BOMB)) from None
    except Exception as error:
        # Truncated and corrupt files surface as OSError ('image file is truncated') or ValueError,
        # but fuzzed ones reach decoders' other paths too (TypeError, struct.error, IndexError,
        # ZeroDivisionError ...): whatever a decoder raises, this file is damaged, not the run.
        raise BadImage(Message(messages.IMAGE_DAMAGED, error=_reason(error))) from None
    return image


def _reason(error: Exception) -> str:
    """A decoder's complaint, short and on one line (some embed bytes of the file)."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def decode_image(path: str | os.PathLike, size: tuple[int, int], channels: int) -> np.ndarray:
    """The image at `path` as a uint8 array (channels, height, width), squashed to `size` (H, W)."""
    # A JPEG decoded at twice the target size at least: about 2x faster for photos.
    image = read_image(path, channels, draft_side=2 * max(size))
    try:
        image = image.resize((size[1], size[0]), Image.Resampling.BILINEAR, reducing_gap=3.0)
        array = np.array(image, dtype=np.uint8)  # a writable copy, owned by us
    except Exception as error:  # decoded lazily by some plugins: a damaged file can fail only here
        raise BadImage(Message(messages.IMAGE_DAMAGED, error=_reason(error))) from None
    return array[np.newaxis] if array.ndim == 2 else array.transpose(2, 0, 1).copy()
