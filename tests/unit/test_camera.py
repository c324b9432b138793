"""Cameras, video files and image folders as sources of frames; recording them into a class; the
command line's `capture` and `predict --camera`. There is no camera here: a video file and an image
folder drive the same code path, and a camera's faults are played through the driver interface."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from playground.cli import main
from playground.ml.data import camera
from playground.ml.data.camera import CameraError, CameraSource, crop_to_aspect, network_input, open_source
from playground.ml.data.capture import FrameLook, FrameRecorder, RateGate, capture
from playground.ml.data.folders import new_dataset_folder
from playground.ml.files.checkpoints import Checkpoint, load_checkpoint, save_checkpoint
from playground.ml.inference.predict import Predictor
from playground.spec import messages

from .helpers import tiny_project

sys.path.insert(0, str(Path(__file__).parents[1]))
from sample_videos import write_video

FRAMES = 30  # one second at 30 frames/s


@pytest.fixture
def video(tmp_path) -> Path:
    return write_video(tmp_path / "clip.avi")


@pytest.fixture
def image_folder(tmp_path) -> Path:
    folder = tmp_path / "sequence"
    folder.mkdir()
    for i in range(5):
        Image.new("RGB", (40, 30), (50 * i, 0, 0)).save(folder / f"{i:03}.png")
    (folder / "003b.png").write_bytes(b"not a png")  # skipped, not fatal
    return folder


# ------------------------------------------------------------------------------------------ sources


def test_a_video_file_plays_as_a_camera_in_order_with_its_own_clock(video):
    source = open_source(str(video))
    got = list(camera.frames(source))
    assert len(got) == FRAMES
    assert [f.number for f in got] == list(range(FRAMES))
    assert got[0].image.shape == (96, 128, 3) and got[0].image.dtype == np.uint8
    reds = [int(f.image[:, :, 0].mean()) for f in got]
    assert all(abs(red - 8 * i) <= 4 for i, red in enumerate(reds))  # RGB, not OpenCV's BGR
    assert got[-1].time == pytest.approx((FRAMES - 1) / 30, abs=1e-6)


def test_an_image_folder_plays_in_name_order_and_skips_a_bad_file(image_folder):
    source = open_source(str(image_folder))
    got = list(camera.frames(source))
    assert [int(f.image[0, 0, 0]) for f in got] == [0, 50, 100, 150, 200]
    assert len(source.skipped) == 1 and "003b.png" in source.skipped[0]


@pytest.mark.parametrize(
    ("make", "template"),
    [
        (lambda tmp: tmp / "missing.mp4", messages.SOURCE_NOT_FOUND),
        (
            lambda tmp: _write(tmp / "broken.mp4", b"\x00\x00\x00\x18ftypmp42 this is not a video"),
            messages.VIDEO_UNREADABLE,
        ),
        (lambda tmp: _write(tmp / "empty.avi", b""), messages.VIDEO_UNREADABLE),
        (lambda tmp: _mkdir(tmp / "nothing"), messages.FOLDER_WITHOUT_IMAGES),
        (lambda tmp: _photo(tmp / "one.png"), messages.SOURCE_IS_ONE_IMAGE),
    ],
)
def test_an_unreadable_source_is_one_clear_message(tmp_path, make, template):
    with pytest.raises(CameraError) as raised:
        open_source(str(make(tmp_path)))
    assert raised.value.args[0].template == template


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _photo(path: Path) -> Path:
    Image.new("RGB", (8, 8)).save(path)
    return path


class FakeDriver:
    """A camera driver as OpenCV's VideoCapture is seen: opens or not, then gives pictures until it
    is unplugged or gives none at all (busy, or permission denied)."""

    def __init__(self, opens: bool = True, pictures: int = 1000, size=(48, 64)):
        self.opens, self.pictures, self.size = opens, pictures, size
        self.given = 0
        self.released = False

    def isOpened(self) -> bool:
        return self.opens

    def read(self):
        if self.given >= self.pictures:
            return False, None
        self.given += 1
        return True, np.full((*self.size, 3), self.given % 256, np.uint8)

    def release(self) -> None:
        self.released = True


def test_a_camera_that_does_not_open_says_busy_or_not_allowed_and_how_to_allow_it():
    driver = FakeDriver(opens=False)
    with pytest.raises(CameraError) as raised:
        open_source("camera:1", capture_factory=lambda index: driver)
    message = raised.value.args[0]
    assert message.template == messages.CAMERA_NOT_OPENED and message.values["number"] == 1
    assert "privacy" in message and message.values["hint"]
    assert driver.released


def test_a_camera_that_sends_no_picture_is_busy_or_denied():
    with pytest.raises(CameraError) as raised:
        CameraSource(0, lambda index: FakeDriver(pictures=0)).read()
    assert raised.value.args[0].template == messages.CAMERA_NO_PICTURE


def test_a_camera_unplugged_mid_capture_keeps_what_was_saved(tmp_path):
    source = CameraSource(0, lambda index: FakeDriver(pictures=7))
    recorder = FrameRecorder(tmp_path / "cats")
    saved = []
    with pytest.raises(CameraError) as raised:
        for _frame, path in capture(source, recorder, count=100):
            saved.append(path)
    assert raised.value.args[0].template == messages.CAMERA_STOPPED
    assert len(saved) == 7 and all(p.is_file() for p in saved)
    assert sorted(tmp_path.joinpath("cats").iterdir()) == sorted(saved)  # no half-written temp file left


def test_no_camera_on_this_computer(monkeypatch):
    monkeypatch.setattr(camera, "list_cameras", lambda probe=None: [])
    with pytest.raises(CameraError) as raised:
        open_source("camera:0")
    assert raised.value.args[0].template == messages.NO_CAMERA


def test_cameras_are_listed_from_the_system_or_by_trying_indices():
    assert [c.source for c in camera.list_cameras(probe=lambda i: i in (0, 2))] == ["camera:0", "camera:2"]


# --------------------------------------------------------------------- the frame as the network sees it


def test_crop_keeps_the_network_inputs_aspect_from_the_centre():
    image = np.zeros((480, 640, 3), np.uint8)
    image[:, 80:560] = 255
    square = crop_to_aspect(image, (64, 64))
    assert square.shape == (480, 480, 3) and square.min() == 255  # the centre, not the sides
    assert crop_to_aspect(image, (32, 96)).shape == (213, 640, 3)


def test_a_frame_is_prepared_as_a_saved_image_file_of_it_is(tmp_path):
    from playground.ml.data.images import decode_image

    rng = np.random.default_rng(0)
    image = rng.integers(0, 256, (30, 40, 3), dtype=np.uint8)
    Image.fromarray(image).save(tmp_path / "frame.png")
    for channels in (1, 3):
        expected = decode_image(tmp_path / "frame.png", (12, 16), channels)
        assert np.array_equal(network_input(image, (12, 16), channels), expected)


# ---------------------------------------------------------------------------------------- recording


def test_the_rate_gate_keeps_a_steady_rate_on_the_sources_clock():
    gate = RateGate(5)
    kept = [i for i in range(60) if gate.due(i / 30)]  # two seconds of a 30 frames/s camera
    assert kept == list(range(0, 60, 6))


def test_recording_saves_mirrored_cropped_frames_and_undo_removes_the_last_burst(video, tmp_path):
    dataset = new_dataset_folder(tmp_path, "mine", ("cats", "dogs"))
    (dataset / "cats" / "mine.png").write_bytes(b"a user's file")
    recorder = FrameRecorder(dataset / "cats", FrameLook(mirror=True, aspect=(32, 32)))
    first = [path for _frame, path in capture(open_source(str(video)), recorder, count=4, every=0.1)]
    second = [path for _frame, path in capture(open_source(str(video)), recorder, count=3)]
    assert len(first) == 4 and len(second) == 3 and recorder.saved == 7
    saved = np.asarray(Image.open(first[0]))
    assert saved.shape == (96, 96, 3)  # cropped to the square input from the 96×128 frame
    assert saved[:, -10:, 1].mean() > 150 and saved[:, :10, 1].mean() < 50  # mirrored: green now on the right
    assert recorder.undo_burst() == 3
    assert not any(p.exists() for p in second) and all(p.exists() for p in first)
    assert recorder.undo_burst() == 4 and recorder.undo_burst() == 0
    assert [p.name for p in (dataset / "cats").iterdir()] == ["mine.png"]  # never a file it did not write


def test_capture_every_seconds_follows_the_videos_clock(video, tmp_path):
    got = [f.number for f, _ in capture(open_source(str(video)), FrameRecorder(tmp_path / "c"), count=5, every=0.2)]
    assert got == [0, 6, 12, 18, 24]


def test_a_frame_that_cannot_be_written_names_the_folder(video, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the class folder should be")
    with pytest.raises(Exception) as raised:
        list(capture(open_source(str(video)), FrameRecorder(blocked), count=1))
    assert raised.value.args[0].template == messages.FRAME_NOT_SAVED


# ------------------------------------------------------------------------------------- command line


def test_cli_capture_from_a_video_and_an_image_folder(video, image_folder, tmp_path, capsys):
    dataset = new_dataset_folder(tmp_path, "data", ("a", "b"))
    assert main(["capture", str(video), str(dataset / "a"), "--count", "6", "--every", "0.1", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["frame"] for r in rows] == [0, 3, 6, 9, 12, 15]
    assert all(Path(r["path"]).parent == dataset / "a" and Path(r["path"]).is_file() for r in rows)
    assert main(["capture", str(image_folder), str(dataset / "new-class"), "--count", "3", "--aspect", "1x1"]) == 0
    files = sorted((dataset / "new-class").iterdir())
    assert len(files) == 3 and Image.open(files[0]).size == (30, 30)


def test_cli_capture_refuses_with_one_line(video, tmp_path, capsys):
    assert main(["capture", str(tmp_path / "nope.mp4"), str(tmp_path / "c"), "--count", "1"]) == 2
    assert capsys.readouterr().err.strip().startswith("error: ") and not list(tmp_path.glob("c/*"))
    assert main(["capture", str(video), str(tmp_path / "no" / "such" / "c"), "--count", "1"]) == 2
    assert "DATASET/CLASS" in capsys.readouterr().err
    assert main(["capture", str(video), str(tmp_path / "c"), "--count", "0"]) == 2


@pytest.fixture(scope="module")
def checkpoint_path(tmp_path_factory) -> Path:
    import torch

    from playground.ml.network.build import build_model

    project = tiny_project()
    torch.manual_seed(0)
    model = build_model(project.input_shape, project.layers, 3)
    path = tmp_path_factory.mktemp("ckpt") / "tiny.pt"
    save_checkpoint(Checkpoint(project, ("red", "green", "blue"), [0.5], [0.25], model.state_dict()), path)
    return path


def test_cli_predict_camera_prints_the_file_record_with_the_frame_number(checkpoint_path, video, capsys):
    assert (
        main(["predict", str(checkpoint_path), "--camera", str(video), "--frames", "4", "--json", "--top-k", "2"]) == 0
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["frame"] for r in rows] == [0, 1, 2, 3]
    assert set(rows[0]) == {"frame", "path", "top", "error"} and len(rows[0]["top"]) == 2
    # The same numbers as the frame saved to a file and classified as a file.
    predictor = Predictor(load_checkpoint(checkpoint_path))
    first = next(camera.frames(open_source(str(video))))
    from playground.ml.inference.live import classify_frame

    expected = classify_frame(predictor, first, top_k=2)
    assert [(t["class"], pytest.approx(t["probability"], abs=1e-6)) for t in rows[0]["top"]] == expected.top


def test_cli_predict_camera_one_line_per_frame_and_faults(checkpoint_path, image_folder, tmp_path, capsys):
    assert main(["predict", str(checkpoint_path), "--camera", str(image_folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and lines[0].startswith("frame 0: ")
    assert main(["predict", str(checkpoint_path), "--camera", str(tmp_path / "gone.mp4")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
