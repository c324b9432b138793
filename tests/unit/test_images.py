"""Every Pillow mode is converted explicitly, and bad files give a reason instead of an exception."""

import io

import numpy as np
import pytest
from PIL import Image

from playground.ml.data.images import BadImage, decode_image


def test_16_bit_grayscale_is_scaled_to_8_bit(tmp_path):
    values = np.array([[0, 65535], [32896, 257]], dtype=np.uint16)
    Image.fromarray(values).save(tmp_path / "deep.png")
    assert Image.open(tmp_path / "deep.png").mode in ("I;16", "I")
    array = decode_image(tmp_path / "deep.png", (2, 2), 1)
    assert array.shape == (1, 2, 2)
    assert array[0].tolist() == [[0, 255], [128, 1]]


def test_transparent_pixels_become_white(tmp_path):
    rgba = np.zeros((4, 4, 4), dtype=np.uint8)
    rgba[..., 0] = 255  # red ...
    rgba[:2, :, 3] = 255  # ... opaque in the top half only
    Image.fromarray(rgba, "RGBA").save(tmp_path / "a.png")
    array = decode_image(tmp_path / "a.png", (4, 4), 3)
    assert array[:, 0, 0].tolist() == [255, 0, 0]
    assert array[:, 3, 0].tolist() == [255, 255, 255]


def test_palette_cmyk_and_bilevel_images_convert(tmp_path):
    Image.new("P", (5, 5), 3).save(tmp_path / "p.gif")
    Image.new("CMYK", (5, 5), (0, 255, 255, 0)).save(tmp_path / "c.jpg")
    Image.new("1", (5, 5), 1).save(tmp_path / "b.bmp")
    assert decode_image(tmp_path / "p.gif", (3, 3), 3).shape == (3, 3, 3)
    red = decode_image(tmp_path / "c.jpg", (3, 3), 3)[:, 1, 1]
    assert red[0] > 200 and red[1] < 60 and red[2] < 60
    assert decode_image(tmp_path / "b.bmp", (3, 3), 1).max() == 255


def test_rgb_to_grayscale_uses_luma(tmp_path):
    Image.new("RGB", (4, 4), (0, 255, 0)).save(tmp_path / "g.png")
    assert decode_image(tmp_path / "g.png", (2, 2), 1)[0, 0, 0] == 150  # 0.587 · 255


def test_exif_rotation_is_applied(tmp_path):
    stored = np.zeros((40, 80), dtype=np.uint8)  # stored wide, bright on its left half ...
    stored[:, :40] = 255
    exif = Image.Exif()
    exif[0x0112] = 6  # ... and the camera says "turn it 90° clockwise to view"
    Image.fromarray(stored).save(tmp_path / "r.jpg", exif=exif, quality=95)
    upright = decode_image(tmp_path / "r.jpg", (80, 40), 1)[0]  # viewed: tall, bright on top
    assert upright[:30].mean() > 200 and upright[50:].mean() < 50
    plain = np.zeros((40, 80), dtype=np.uint8)
    plain[:, :40] = 255
    Image.fromarray(plain).save(tmp_path / "p.jpg", quality=95)  # no EXIF: left stays left
    assert decode_image(tmp_path / "p.jpg", (40, 80), 1)[0][:, :30].mean() > 200


def test_float_images_are_stretched_over_their_own_range(tmp_path):
    values = np.linspace(1000, 1010, 11, dtype=np.float32).reshape(1, 11)
    Image.fromarray(values, mode="F").save(tmp_path / "f.tif")
    assert decode_image(tmp_path / "f.tif", (1, 11), 1)[0, 0].tolist() == [round(i * 25.5) for i in range(11)]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b""), "empty file"),
        (lambda p: p.write_text("hello, I am not a picture"), "not an image"),
        (lambda p: p.write_bytes(_png_bytes()[:60]), "damaged or unreadable"),
        (lambda p: p.write_bytes(_huge_png()), "too large"),
    ],
    ids=["zero-bytes", "text", "truncated", "decompression-bomb"],
)
def test_bad_files_give_a_reason(tmp_path, make, reason):
    path = tmp_path / "bad.png"
    make(path)
    with pytest.raises(BadImage, match=reason):
        decode_image(path, (8, 8), 3)


def test_formats_outside_the_list_are_refused(tmp_path):
    Image.new("RGB", (4, 4)).save(tmp_path / "x.pdf")  # Pillow writes PDFs but we never read them
    (tmp_path / "x.png").write_bytes((tmp_path / "x.pdf").read_bytes())
    with pytest.raises(BadImage, match="not an image"):
        decode_image(tmp_path / "x.png", (4, 4), 3)


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 64, 3), dtype=np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()


def _huge_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, "PNG")  # 81 megapixels, a few KB on disk
    return buffer.getvalue()
