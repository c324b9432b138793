"""The architecture figure's geometry (playground.spec.figure): sizes follow C×H×W on compressed
scales, every layer has its box, red from the first invalid layer, a pretrained base collapsed."""

import dataclasses
import itertools

import pytest

from playground.resources import example_projects
from playground.spec import figure as fig
from playground.spec.figure import figure_of, figure_to_fit
from playground.spec.layers import Conv2d, Dense, Flatten, GlobalAvgPool, MaxPool2d
from playground.spec.project import load_project
from playground.spec.settings import PretrainedSettings


@pytest.fixture
def lenet():
    return load_project(example_projects()["lenet5-digits"])


def test_every_side_grows_with_its_size_on_a_compressed_clamped_scale():
    for side, sizes, (low, high) in (
        (fig.spatial_extent, range(1, 400), fig.SPATIAL_RANGE),
        (fig.thickness, range(1, 5000), fig.THICKNESS_RANGE),
        (fig.bar_length, range(1, 5000), fig.BAR_RANGE),
    ):
        values = [side(n) for n in sizes]
        assert values == sorted(values), side.__name__
        assert low <= min(values) and max(values) <= high, side.__name__
    assert fig.spatial_extent(28) > fig.spatial_extent(14) > fig.spatial_extent(5)
    assert fig.thickness(16) > fig.thickness(6) > fig.thickness(1)
    assert fig.bar_length(120) > fig.bar_length(84) > fig.bar_length(10)
    # Compressed: 4 times the pixels is twice the height, 4 times the channels far less than 4 times as thick.
    assert fig.spatial_extent(28) == pytest.approx(2 * fig.spatial_extent(7))
    assert fig.thickness(64) < 2 * fig.thickness(16)


def test_lenet5_has_the_input_and_a_box_per_layer_sized_by_its_shape(lenet):
    figure = figure_of(lenet, 10)
    assert [box.kind for box in figure.boxes] == ["input", *(layer.type for layer in lenet.layers)]
    assert [box.index for box in figure.boxes] == [None, *range(len(lenet.layers))]
    assert [box.shape for box in figure.boxes] == [
        (1, 32, 32),
        (6, 28, 28),
        (6, 14, 14),
        (16, 10, 10),
        (16, 5, 5),
        (400,),
        (120,),
        (84,),
        (10,),
    ]
    boxes = figure.boxes
    assert boxes[1].front.height > boxes[2].front.height  # 28 > 14 high
    assert boxes[1].slant > boxes[2].slant  # and deep
    assert boxes[3].front.width > boxes[2].front.width  # 16 > 6 channels
    assert [box.flat for box in boxes] == [False] * 5 + [True] * 4
    assert boxes[5].front.height > boxes[6].front.height > boxes[8].front.height  # 400 > 120 > 10
    assert not figure.error and not any(box.invalid for box in boxes)


def test_boxes_and_labels_stay_in_their_slots_and_inside_the_figure(lenet):
    figure = figure_of(lenet, 10)
    for left, right in itertools.pairwise(figure.boxes):
        assert left.right < right.front.x
        assert right.centre_x - left.centre_x >= fig.MIN_SLOT
    for box in figure.boxes:
        assert box.front.x >= 0 and box.right <= figure.width
        assert box.front.y - box.slant >= 0 and box.front.y + box.front.height <= box.label_y
        assert box.label_y + fig.LABEL_LINES * fig.LINE_HEIGHT <= figure.height


def test_kernels_and_pool_windows_sit_on_the_box_before_with_a_line_to_the_next(lenet):
    boxes = figure_of(lenet, 10).boxes
    windowed = [box.kind for box in boxes if box.window is not None]
    assert windowed == ["conv2d", "maxpool2d", "conv2d", "maxpool2d"]
    conv1, before = boxes[1], boxes[0]
    xs = [x for x, _ in conv1.window.corners]
    ys = [y for _, y in conv1.window.corners]
    side_left = before.front.x + before.front.width
    assert side_left <= min(xs) and max(xs) <= side_left + before.slant
    assert before.front.y - before.slant <= min(ys) and max(ys) <= before.front.y + before.front.height
    # A 5×5 kernel on 32×32 covers 5/32 of the face's height; a 2×2 pool on 28×28 covers 2/28 of its.
    (_, top), (_, bottom) = conv1.window.corners[0], conv1.window.corners[3]
    assert bottom - top == pytest.approx(before.front.height * 5 / 32)
    (_, top), (_, bottom) = boxes[2].window.corners[0], boxes[2].window.corners[3]
    assert bottom - top == pytest.approx(conv1.front.height * 2 / 28)
    target_x, _ = conv1.window.target
    assert conv1.front.x <= target_x <= conv1.right


def test_red_from_the_first_invalid_layer_on(lenet):
    layers = list(lenet.layers)
    layers[2] = Conv2d(filters=16, kernel=(17, 17))  # on a 14×14 map
    figure = figure_of(lenet.replace(layers=tuple(layers)), 10)
    assert [box.invalid for box in figure.boxes] == [False, False, False] + [True] * 6
    assert "17x17" in figure.error
    assert figure.boxes[3].shape is None
    # The 17×17 kernel overhangs the 14×14 map it cannot fit; the layers after it have no window.
    before, ys = figure.boxes[2], [y for _, y in figure.boxes[3].window.corners]
    assert min(ys) < before.front.y - before.slant and max(ys) > before.front.y + before.front.height
    assert figure.boxes[5].window is None
    assert figure.boxes[-1].flat  # an unknown dense output is still drawn as a bar


def test_a_pretrained_base_is_collapsed_into_one_stack_before_the_head(lenet):
    head = (GlobalAvgPool(), Dense(units="auto"))
    for key, shape, stack in (("vgg16", (512, 7, 7), 5), ("mobilenet_v2", (1280, 7, 7), fig.MAX_STACK)):
        rgb = dataclasses.replace(lenet.data, channels=3, image_size=(224, 224))
        project = lenet.replace(pretrained=PretrainedSettings(network=key), layers=head, data=rgb)
        figure = figure_of(project, 10)
        assert [box.kind for box in figure.boxes] == ["input", "base", "global_avgpool", "dense"]
        base = figure.boxes[1]
        assert base.shape == shape and base.stack == stack and not base.invalid
        assert figure.backbone == key and figure.boxes[2].index == 0
    grey = project.replace(data=dataclasses.replace(project.data, channels=1))
    assert figure_of(grey, 10).boxes[1].invalid  # the base needs RGB


def test_a_narrow_area_gets_rows_a_wide_one_a_single_row(lenet):
    wide = figure_to_fit(lenet, 10, 2000, 400, 2.0)
    narrow = figure_to_fit(lenet, 10, 300, 500, 2.0)
    rows = lambda figure: len({box.label_y for box in figure.boxes})  # noqa: E731
    assert rows(wide) == 1 and rows(narrow) > 1
    assert narrow.width < wide.width and len(narrow.boxes) == len(wide.boxes)
    for before, box in itertools.pairwise(narrow.boxes):
        if box.window is not None:  # no line across the figure to the start of the next row
            assert (box.window.target is None) == (box.label_y != before.label_y)


def test_a_network_with_only_a_flatten_and_a_pool_has_no_window_on_a_bar(lenet):
    project = lenet.replace(layers=(Flatten(), MaxPool2d(size=2)))
    figure = figure_of(project, 10)
    assert figure.boxes[2].invalid and figure.boxes[2].window is None


def test_a_sample_gives_every_box_its_picture_with_the_weights_it_says(lenet):
    import torch

    from playground.ml.inference.layer_outputs import sample_outputs
    from playground.ml.inference.walkthrough import digit_set, shipped_lenet

    digit = torch.as_tensor(digit_set()[0][0])[None]  # 1×8×8: brought to the network's 1×32×32
    fresh = sample_outputs(lenet, 10, digit, None)
    boxes = figure_of(lenet, 10).boxes
    assert not fresh.trained and len(fresh.pictures) == len(boxes)
    for box, picture in zip(boxes, fresh.pictures, strict=True):
        assert picture.shape == (box.shape[1:] if len(box.shape) == 3 else box.shape)
        assert picture.min() >= 0 and picture.max() <= 1
    trained = sample_outputs(lenet, 10, digit, shipped_lenet())
    assert trained.trained and not (trained.pictures[1] == fresh.pictures[1]).all()
    changed = lenet.replace(layers=(*lenet.layers[:-1], Dense(units=10, activation="relu")))
    assert not sample_outputs(changed, 10, digit, shipped_lenet()).trained  # not the network it was trained on
