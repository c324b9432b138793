"""Bounded, seeded fuzzing of what users hand the app: image files and project files. Whatever the
bytes, the only exception that may come out is the app's own (BadImage for an image: the file is
reported and skipped; a PlaygroundError for a project): never a crash of another type."""

from __future__ import annotations

import io
import json
import random

import numpy as np
import pytest
from PIL import Image

from playground.ml.data.images import BadImage, decode_image
from playground.spec.errors import PlaygroundError
from playground.spec.project import load_project

from .helpers import EXAMPLES

IMAGE_MUTANTS = 300  # per format: 6 formats, 1,800 decodes in a few seconds on 2 cores
PROJECT_MUTANTS = 1500


def _seed_images() -> dict[str, bytes]:
    """Small valid files of every format the app opens, in several modes, to mutate."""
    rng = np.random.default_rng(0)
    rgb = Image.fromarray(rng.integers(0, 255, (24, 32, 3), dtype=np.uint8))
    seeds = {}
    for name, image, options in (
        ("png", rgb.convert("RGBA"), {}),
        ("jpeg", rgb, {"quality": 80}),
        ("gif", rgb.convert("P"), {}),
        ("bmp", rgb, {}),
        ("tiff", rgb, {"compression": "tiff_lzw"}),
        ("webp", rgb, {}),
    ):
        buffer = io.BytesIO()
        image.save(buffer, format=name.upper(), **options)
        seeds[name] = buffer.getvalue()
    return seeds


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """One of the classic mutations: flipped bytes, interesting values, cuts, repeats, splices."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(5)
        at = rng.randrange(len(data)) if data else 0
        if kind == 0 and data:
            data[at] ^= 1 << rng.randrange(8)
        elif kind == 1 and data:
            data[at] = rng.choice((0, 1, 0x7F, 0x80, 0xFF))
        elif kind == 2:
            data = data[: rng.randrange(len(data) + 1)]
        elif kind == 3 and data:
            piece = data[at : at + rng.randint(1, 16)]
            data[at:at] = piece * rng.randint(1, 8)
        elif kind == 4 and len(data) >= 4:  # a 16/32-bit field set to an extreme (sizes, offsets, counts)
            width = rng.choice((2, 4))
            data[at : at + width] = rng.choice((b"\xff", b"\x00", b"\x7f")) * width
    return bytes(data)


@pytest.mark.parametrize("fmt", ["png", "jpeg", "gif", "bmp", "tiff", "webp"])
def test_fuzzed_images_are_decoded_or_skipped(tmp_path, fmt):
    seed = _seed_images()[fmt]
    rng = random.Random(f"image-{fmt}")
    path = tmp_path / f"fuzzed.{fmt}"
    outcomes = {"decoded": 0, "skipped": 0}
    for _ in range(IMAGE_MUTANTS):
        path.write_bytes(_mutate(seed, rng))
        try:
            array = decode_image(path, (16, 16), rng.choice((1, 3)))
        except BadImage as bad:
            assert str(bad), "a skipped file says why"
            outcomes["skipped"] += 1
        else:
            assert array.dtype == np.uint8 and array.shape[1:] == (16, 16)
            outcomes["decoded"] += 1
    assert outcomes["skipped"] > 0  # the mutations do reach the decoders' error paths


def _seed_projects() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.json"))]


def _mutate_json(text: str, rng: random.Random) -> str:
    """Text mutations, and structural ones that keep it JSON (the readers' paths, not only the parser's)."""
    if rng.random() < 0.5:
        return _mutate(text.encode("utf-8"), rng).decode("utf-8", "surrogateescape")
    data = json.loads(text)
    containers = [data]
    stack = [data]
    while stack:
        value = stack.pop()
        children = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else []
        for child in children:
            if isinstance(child, dict | list):
                containers.append(child)
                stack.append(child)
    for _ in range(rng.randint(1, 4)):
        target = rng.choice(containers)
        weird = rng.choice(
            (None, True, -1, 0, 2**63, 10**30, 1e308, -0.0, "", "\x00", "\udc80", "١", [], {}, [[[]]], "x" * 1000)
        )
        if isinstance(target, dict) and target:
            key = rng.choice(list(target))
            if rng.random() < 0.2:
                target.pop(key)
            else:
                target[key] = weird
        elif isinstance(target, list) and target:
            target[rng.randrange(len(target))] = weird
    return json.dumps(data, ensure_ascii=rng.random() < 0.5)


def test_fuzzed_project_files_load_or_are_refused(tmp_path):
    seeds = _seed_projects()
    rng = random.Random("projects")
    path = tmp_path / "p.json"
    refused = 0
    for _ in range(PROJECT_MUTANTS):
        text = _mutate_json(rng.choice(seeds), rng)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            load_project(path)
        except PlaygroundError as error:
            assert str(error) and "\n" not in str(error)
            refused += 1
    assert refused > PROJECT_MUTANTS // 4
