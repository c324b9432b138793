"""The "Overfit on purpose" example: it loads, its network is valid, and it is built to overfit (a
dense head far larger than its training split, nothing against overfitting switched on)."""

from __future__ import annotations

from playground.lessons.content import lessons
from playground.resources import example_projects
from playground.spec.layers import Dense, Dropout
from playground.spec.project import load_project
from playground.spec.shapes import infer_shapes


def test_the_overfit_example_loads_with_a_valid_network_much_larger_than_its_data():
    project = load_project(example_projects()["overfit-shapes"])
    summary = infer_shapes(project.input_shape, project.layers, 5)
    assert not summary.error
    assert summary.layers[-1].output_shape == (5,)
    training_images = round(2000 * (1 - project.data.val_fraction))  # builtin:shapes has 2,000
    dense = sum(info.params for info in summary.layers if isinstance(info.layer, Dense))
    assert dense > 500 * training_images  # a million weights for a thousand images
    assert project.augmentation.rotation == 0 and not project.augmentation.horizontal_flip
    assert not any(isinstance(layer, Dropout) for layer in project.layers)


def test_the_overfitting_lesson_opens_it():
    for language in ("en", "ko"):
        (lesson,) = [lesson for lesson in lessons(language) if lesson.id == "overfitting-and-augmentation"]
        assert lesson.try_it == {"open": "example", "example": "overfit-shapes"}
        assert "54.1%" in lesson.markdown and "54.6%" in lesson.markdown  # the measured runs
