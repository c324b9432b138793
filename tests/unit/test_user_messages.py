"""What the user reads is ours (issue 21): torch's advice paragraphs and allocator internals never
reach them, each reason is a translatable Message naming the file; a full disk while unpacking
names the file; `summary` blames the data, not "dense auto"; names are escaped on every printed
line and JSON line; a float32 copy of Playground Mini's weights imports."""

import collections
import io
import json
import os
import pickle
import subprocess
import sys
import textwrap

import pytest
import torch

from playground.cli import main
from playground.ml.files.bundle import make_bundle
from playground.ml.files.checkpoints import load_checkpoint
from playground.ml.network import pretrained
from playground.ml.training import protocol
from playground.ml.training.events import Refused
from playground.spec.errors import CheckpointError
from playground.spec.messages import Message
from playground.spec.project import save_project
from playground.spec.text import json_text, printable

from .helpers import REPO, tiny_project, write_class_folder

TORCH_WORDS = (
    "PyTorch 2.6",
    "weights_only",
    "Weights only",
    "torch.load",
    "file an issue",
    "WeightsUnpickler",
    "alloc_cpu",
    "enforce fail",
    "safe_globals",
    "trust",
    "miniz",
    "\x1b",
)


def _zip_with_numpy() -> bytes:
    import numpy as np

    buffer = io.BytesIO()
    torch.save({"a": np.zeros(3)}, buffer)
    return buffer.getvalue()


def _torch_file() -> bytes:
    buffer = io.BytesIO()
    torch.save({"a": collections.OrderedDict()}, buffer)
    return buffer.getvalue()


BAD_FILES = {
    "a set (an opcode torch refuses)": pickle.dumps({1, 2}),
    "numpy inside torch's zip": _zip_with_numpy(),
    "truncated": _torch_file()[:300],
    "garbage": b"\x95garbage" * 10,
    "a tiny pickle": b"\x80\x02}q\x00.",
    "text": b"hello, this is not a checkpoint\n",
    "empty": b"",
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_torchs_texts_never_reach_the_user(tmp_path, capsys, monkeypatch, name):
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))
    path = tmp_path / "model.pt"
    path.write_bytes(BAD_FILES[name])
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(path)
    message = caught.value.args[0]
    assert isinstance(message, Message) and str(path) in message  # translatable, naming the file
    assert all(isinstance(v, Message) for k, v in message.values.items() if k == "reason")
    for command in (
        ["export", str(path), "--format", "onnx", "--output", str(tmp_path / "o")],
        ["weights", "import", str(path), "--network", "resnet18"],
        ["predict", str(path), str(path)],
    ):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1 and str(path) in err, err
        assert not any(word in err for word in TORCH_WORDS), err


def test_allocator_text_never_reaches_the_user(tmp_path, monkeypatch):
    path = tmp_path / "big.pt"
    path.write_bytes(_torch_file())

    def out_of_memory(*args, **kwargs):
        raise RuntimeError(
            "[enforce fail at alloc_cpu.cpp:127] data. DefaultCPUAllocator: not enough memory: you"
            " tried to allocate 4400000000 bytes."
        )

    monkeypatch.setattr(torch, "load", out_of_memory)
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(path)
    text = str(caught.value)
    assert "not enough free memory" in text and str(path) in text
    assert not any(word in text for word in TORCH_WORDS)


def test_a_full_disk_while_unpacking_names_the_file_and_leaves_nothing(tmp_path):
    write_class_folder(tmp_path / "photos", {"red": 3, "green": 3}, size=64)
    save_project(tiny_project(source="photos"), tmp_path / "p.json")
    bundle = make_bundle(tmp_path / "p.json", tmp_path / "p.cnnpg")
    # A file-size limit makes writes fail as a full disk does (EFBIG where ENOSPC would be).
    code = f"""
        import resource, signal, sys
        from playground.ml.files.bundle import open_bundle
        from playground.spec.errors import PlaygroundError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            open_bundle({str(bundle)!r}, {str(tmp_path / "out")!r})
        except PlaygroundError as error:
            print(error)
    """
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    ran = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=environment, timeout=120
    )
    assert "could not be written" in ran.stdout and str(tmp_path / "out" / "project_images") in ran.stdout, ran.stderr
    assert "Nothing of the bundle was kept" in ran.stdout and not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------------ summary


@pytest.mark.parametrize("problem", ["missing folder", "empty class"])
def test_summary_blames_the_data_not_dense_auto(tmp_path, capsys, problem):
    if problem == "empty class":
        write_class_folder(tmp_path / "photos", {"red": 2, "green": 0})
    save_project(tiny_project(source="photos"), tmp_path / "p.json")
    assert main(["summary", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err
    assert "dense auto" not in err and err.count("\n") == 1
    assert ("photos" in err) and (problem == "missing folder" or "green" in err), err
    assert main(["summary", str(tmp_path / "p.json"), "--json"]) == 2
    assert "dense auto" not in json.loads(capsys.readouterr().out)["error"]


# ------------------------------------------------------------------------------------ weights import


def _playground_mini_state() -> dict:
    return pretrained.read_state_dict(REPO / "playground" / "resources" / "weights" / "playground_mini.safetensors")


def test_a_float32_copy_of_playground_minis_weights_imports(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))
    state = _playground_mini_state()
    assert any(not t.is_floating_point() for t in pretrained.architecture("playground_mini").state_dict().values())
    converted = {name: tensor.float() for name, tensor in state.items()}  # what a dtype-conversion script does
    torch.save(converted, tmp_path / "mini32.pth")
    assert main(["weights", "import", str(tmp_path / "mini32.pth"), "--network", "playground_mini"]) == 0
    assert isinstance(pretrained.load_pretrained("playground_mini"), torch.nn.Module)


@pytest.mark.parametrize("change", ["fractional counter", "weights as int16", "counter as a weight's size"])
def test_genuinely_wrong_dtypes_are_still_refused(tmp_path, monkeypatch, capsys, change):
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))
    state = {name: tensor.float() for name, tensor in _playground_mini_state().items()}
    expected = pretrained.architecture("playground_mini").state_dict()
    counter = next(name for name, tensor in expected.items() if not tensor.is_floating_point())
    weight = next(name for name, tensor in expected.items() if tensor.is_floating_point())
    if change == "fractional counter":
        state[counter] = torch.tensor(2.5)
    elif change == "weights as int16":
        state[weight] = state[weight].to(torch.int16)
    else:
        state[counter] = torch.zeros(100)
    torch.save(state, tmp_path / "bad.pth")
    assert main(["weights", "import", str(tmp_path / "bad.pth"), "--network", "playground_mini"]) == 2
    assert "error: " in capsys.readouterr().err
    assert not (tmp_path / "weights").exists() or not any((tmp_path / "weights").iterdir())


# ------------------------------------------------------------------------------------ names on a line


HOSTILE = "x\x1b]0;pwned\x07\nerror: fake\u2028y\u0085z\u202e\udcb0"


def test_printable_and_json_text_keep_every_name_on_its_line():
    line = printable(HOSTILE)
    assert len(line.splitlines()) == 1 and "\x1b" not in line and "\u202e" not in line and "\\xb0" in line
    record = json_text({"name": HOSTILE})
    assert len(record.splitlines()) == 1 and json.loads(record)["name"] == HOSTILE  # the same name back
    record.encode("utf-8")  # valid UTF-8 despite the byte that was not
    assert len(protocol.encode(Refused(message=Message("{name}", name=HOSTILE))).splitlines()) == 1


def test_trains_first_line_and_json_lines_are_escaped(tmp_path, capsys):
    folder = tmp_path / "a\u2028b\u0085c"
    folder.mkdir()
    save_project(tiny_project(epochs=1).replace(name="evil\x1b]0;t\x07\nerror: fake"), folder / "p.json")
    assert main(["train", str(folder / "p.json"), "--out", str(tmp_path / "run")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\nerror: fake" not in out and "evil\\x1b]0;t\\x07\\x0aerror: fake: " in out
    assert main(["train", str(folder / "p.json"), "--out", str(tmp_path / "run2"), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()  # splitlines splits on U+2028 and U+0085 too
    records = [json.loads(line) for line in lines]
    assert records[-1]["event"] == "attached" and "a\u2028b\u0085c" in records[-1]["folder"]
