"""Feature maps, Grad-CAM, filters and the confusion matrix of a trained network."""

import numpy as np
import pytest
import torch

from playground.ml.data.prepare import ImageSet, prepare_image_set
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.inference import explain
from playground.ml.inference.predict import ImagenetPredictor, Predictor
from playground.ml.training.engine import fit
from playground.spec.layers import Conv2d, Dense, GlobalAvgPool, MaxPool2d
from playground.spec.project import Project
from playground.spec.settings import DataSettings, TrainingSettings
from playground.spec.shapes import infer_shapes

SIZE = 32
OBJECT = 8  # side of the drawn object


def draw(kind: str, top: int, left: int, rng: np.random.Generator) -> np.ndarray:
    """A grey noisy background and one bright object: a plus or a hollow square (or none)."""
    image = rng.integers(0, 50, (SIZE, SIZE), dtype=np.uint8)
    patch = np.zeros((OBJECT, OBJECT), dtype=bool)
    if kind == "none":
        return image[np.newaxis]
    if kind == "plus":
        patch[OBJECT // 2 - 1 : OBJECT // 2 + 1, :] = True
        patch[:, OBJECT // 2 - 1 : OBJECT // 2 + 1] = True
    else:
        patch[[0, -1], :] = True
        patch[:, [0, -1]] = True
    image[top : top + OBJECT, left : left + OBJECT][patch] = 230
    return image[np.newaxis]


@pytest.fixture(scope="module")
def located(tmp_path_factory):
    """A small CNN trained to tell a plus from a square wherever it is: only the object carries
    the class, so Grad-CAM has one right answer."""
    rng = np.random.default_rng(0)
    images, labels = [], []
    # A third class with no object at all: each shape must then be recognised by what it is,
    # not as "not the other shape" (which gives a class nothing to point at).
    kinds = ("none", "plus", "square")
    for i in range(480):
        top, left = rng.integers(0, SIZE - OBJECT, 2)
        images.append(draw(kinds[i % 3], top, left, rng))
        labels.append(i % 3)
    image_set = ImageSet(torch.from_numpy(np.stack(images)), torch.tensor(labels), kinds)
    project = Project(
        name="where",
        data=DataSettings(source="builtin:digits", image_size=(SIZE, SIZE), channels=1, val_fraction=0.25),
        layers=(
            Conv2d(filters=8, kernel=(3, 3), padding="same", activation="relu"),
            MaxPool2d(),
            Conv2d(filters=16, kernel=(3, 3), padding="same", activation="relu"),
            Conv2d(filters=16, kernel=(3, 3), padding="same", activation="relu"),
            GlobalAvgPool(),
            Dense(units="auto"),
        ),
        training=TrainingSettings(epochs=12, batch_size=32, learning_rate=0.01, seed=0, device="cpu"),
    )
    out = tmp_path_factory.mktemp("located")
    data = prepare_image_set(image_set, 0.25, seed=0)
    for _ in fit(project, data, out_dir=out, num_threads=1):
        pass
    checkpoint = load_checkpoint(out / "best.pt")
    assert checkpoint.best_val_acc >= 0.9
    return Predictor(checkpoint), data


def test_feature_maps_have_each_layers_channels_and_size(located):
    predictor, data = located
    layers = explain.spatial_layers(predictor)
    assert [(layer.kind, layer.index, layer.is_conv) for layer in layers] == [
        ("layer", 0, True),
        ("layer", 1, False),
        ("layer", 2, True),
        ("layer", 3, True),
    ]
    maps = explain.feature_maps(predictor, data.val.images[0], layers)
    shapes = infer_shapes(predictor.checkpoint.project.input_shape, predictor.checkpoint.project.layers, 3)
    assert [tuple(m.shape) for m in maps] == [shapes.layers[i].output_shape for i in (0, 1, 2, 3)]
    assert [tuple(m.shape) for m in maps] == [(8, 32, 32), (8, 16, 16), (16, 16, 16), (16, 16, 16)]
    assert (maps[0] >= 0).all()  # after the layer's ReLU, as the builder shows it


@pytest.mark.parametrize("kind", ["plus", "square"])
@pytest.mark.parametrize(("top", "left"), [(2, 3), (20, 21), (3, 22)])
def test_grad_cam_peaks_where_the_object_is(located, kind, top, left):
    predictor, _ = located
    image = torch.from_numpy(draw(kind, top, left, np.random.default_rng(5)))
    assert predictor.class_names[int(predictor.probabilities(image[None]).argmax())] == kind
    layer = explain.grad_cam_layer(explain.spatial_layers(predictor))
    assert layer.index == 3
    cam = explain.grad_cam(predictor, image, predictor.class_names.index(kind), layer)
    assert cam.shape == (SIZE, SIZE) and float(cam.max()) == pytest.approx(1.0)
    row, col = divmod(int(cam.argmax()), SIZE)
    margin = 2  # bilinear upsampling from 16×16 blurs by a pixel or two
    assert top - margin <= row < top + OBJECT + margin and left - margin <= col < left + OBJECT + margin


def test_first_layer_filters_are_the_trained_weights(located):
    predictor, _ = located
    first = explain.spatial_layers(predictor)[0]
    filters = explain.conv_filters(predictor, first)
    assert filters.shape == (8, 1, 3, 3)
    assert torch.equal(filters, predictor.checkpoint.weights["0.0.weight"].float())


def test_a_confusion_cell_lists_exactly_its_images(located):
    predictor, data = located
    result = explain.confusion(predictor, data.val)
    assert int(result.matrix.sum()) == len(data.val) == 120
    probabilities = predictor.probabilities(data.val.images)
    expected = probabilities.argmax(1)
    for true in range(3):
        for guess in range(3):
            cell = result.cell(true, guess)
            assert len(cell) == int(result.matrix[true, guess])
            assert cell == [i for i in range(120) if data.val.labels[i] == true and expected[i] == guess]
    diagonal = result.matrix.diagonal().tolist()
    per_class = [diagonal[c] / int((data.val.labels == c).sum()) for c in range(3)]
    assert result.per_class_accuracy == pytest.approx(per_class)
    assert result.accuracy == pytest.approx(predictor.checkpoint.best_val_acc)


def test_an_imagenet_network_as_it_is_names_a_palace_and_explains_it(palace_and_mobilenet):
    predictor = ImagenetPredictor("mobilenet_v2")
    [prediction] = predictor.predict_files([palace_and_mobilenet], top_k=3)
    assert len(predictor.class_names) == 1000
    assert prediction.top[0][0] in ("palace", "monastery", "pagoda")
    image = predictor.load_image(palace_and_mobilenet)
    assert image.shape == (3, 224, 224)
    layers = explain.spatial_layers(predictor)
    assert len(layers) == 19 and all(layer.kind == "block" for layer in layers)
    maps = explain.feature_maps(predictor, image, layers[:2])
    assert [tuple(m.shape) for m in maps] == [(32, 112, 112), (16, 112, 112)]
    cam = explain.grad_cam(predictor, image, predictor.class_names.index(prediction.top[0][0]), layers[-1])
    assert cam.shape == (224, 224) and float(cam.max()) == pytest.approx(1.0)


def test_the_cli_predicts_with_an_imagenet_network_as_it_is(palace_and_mobilenet, tmp_path, monkeypatch, capsys):
    from playground.cli import main

    assert main(["predict", "imagenet:mobilenet_v2", str(palace_and_mobilenet), "--top-k", "2"]) == 0
    assert capsys.readouterr().out.split(": ")[1].split(" ")[0] in ("palace", "monastery", "pagoda")
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "empty"))
    assert main(["predict", "imagenet:mobilenet_v2", str(palace_and_mobilenet)]) == 2
    assert "not on this machine" in capsys.readouterr().err


@pytest.mark.parametrize(
    "key",
    ["resnet18", "vgg16", "mobilenet_v3_small", "efficientnet_b0", "inception_resnet_v2", "legacy_xception"],
)
def test_every_block_of_every_imagenet_network_is_explained(key, monkeypatch):
    """base_blocks regroups a network's modules into Sequentials its forward never calls: hooks
    on those caught nothing (ResNet, VGG and timm's networks had maps missing)."""
    from playground.ml.network import pretrained

    if pretrained.network(key).source == "timm":
        pytest.importorskip("timm")
    torch.manual_seed(0)
    monkeypatch.setattr(pretrained, "load_pretrained", lambda k: pretrained.architecture(k).eval())
    size = 96  # small and quick; every network takes it
    monkeypatch.setattr(
        pretrained,
        "imagenet_preprocessing",
        lambda k, m: pretrained.ImagenetPreprocessing(size, size, "bilinear", (0.5,) * 3, (0.25,) * 3),
    )
    predictor = ImagenetPredictor(key)
    layers = explain.spatial_layers(predictor)
    assert len(layers) == pretrained.network(key).blocks
    image = torch.randint(0, 255, (3, size, size), dtype=torch.uint8)
    maps = explain.feature_maps(predictor, image, layers)
    assert len(maps) == len(layers) and all(m.dim() == 3 for m in maps)
    assert maps[-1].shape[0] == pretrained.network(key).channels
    cam = explain.grad_cam(predictor, image, 3, explain.grad_cam_layer(layers))
    assert cam.shape == (size, size)
    assert all(p.grad is None for p in predictor.model.parameters())  # nothing left behind
    assert explain.conv_filters(predictor, layers[0]).shape[1] == 3  # the first block's filters see RGB
