"""The command line speaks the system's language: a Korean locale gets Korean messages from the same
catalogue as the window, without Qt; --help and an unknown language stay English."""

from __future__ import annotations

import pytest

from playground.cli import main
from playground.cli.language import catalogue, system_language, translated
from playground.spec import messages
from playground.spec.messages import TEMPLATES, Message


@pytest.mark.parametrize(
    ("env", "language"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "ko_KR", "LANG": "C"}, "ko"),
        ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"LANG": "ko_KR", "CNN_PLAYGROUND_LANGUAGE": "en"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_is_the_locales(monkeypatch, env, language):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "CNN_PLAYGROUND_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert system_language() == language


def test_every_message_template_has_its_korean_in_the_catalogue():
    korean = catalogue("ko")
    missing = [template for template in TEMPLATES if template not in korean]
    assert not missing, missing[:5]


def test_a_message_and_the_messages_inside_it_are_translated():
    inner = Message(messages.LAB_OUTPUT_SIZE, formula="(5 − 2 + 0)/1 + 1 = 4")
    outer = Message(messages.CLI_ERROR, message=inner)
    assert translated(outer, "ko") == "오류: 출력 크기: (5 − 2 + 0)/1 + 1 = 4"
    assert translated(outer, "en") == "error: output size: (5 − 2 + 0)/1 + 1 = 4"
    assert translated("plain text", "ko") == "plain text"


def test_an_error_on_a_korean_terminal_is_korean(monkeypatch, capsys):
    monkeypatch.setenv("CNN_PLAYGROUND_LANGUAGE", "ko")
    assert main(["lab", "conv", "--input", "1,2;3"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("오류: --input:") and "행 길이가 서로 다릅니다" in err
    assert main(["lab", "pool"]) == 0
    assert "출력 크기: (4 − 2 + 0)/2 + 1 = 2" in capsys.readouterr().out
    monkeypatch.setenv("CNN_PLAYGROUND_LANGUAGE", "en")
    assert main(["lab", "conv", "--input", "1,2;3"]) == 2
    assert capsys.readouterr().err.startswith("error: --input: rows of different lengths")


def test_a_training_run_reports_in_the_systems_language(monkeypatch):
    from playground.cli.train import finished_text as _finished_text
    from playground.cli.train import format_epoch as _format_epoch
    from playground.ml.training.events import EpochFinished, Finished

    epoch = EpochFinished(
        epoch=3,
        epochs=10,
        train_loss=0.5,
        train_acc=0.8,
        val_loss=0.6,
        val_acc=0.75,
        seconds=2.5,
        images_per_second=640.0,
        learning_rate=0.001,
        is_best=True,
    )
    finished = Finished(
        reason="early_stopping", epochs_done=5, best_epoch=3, best_val_acc=0.75, checkpoint="runs/x/best.pt"
    )
    monkeypatch.setenv("CNN_PLAYGROUND_LANGUAGE", "ko")
    line = _format_epoch(epoch)
    assert (
        line.startswith("에포크   3/10  훈련 손실 0.5000 정확도  80.0%  검증 손실 0.6000 정확도  75.0%")
        and "*최고" in line
    )
    assert _finished_text(finished, True) == "조기 종료: 최고 검증 정확도 75.0% (에포크 3), 체크포인트 runs/x/best.pt"
    monkeypatch.setenv("CNN_PLAYGROUND_LANGUAGE", "en")
    assert _format_epoch(epoch).startswith("epoch   3/10  train loss 0.5000 acc  80.0%  val loss 0.6000 acc  75.0%")
    assert _finished_text(finished, False).startswith("early stopping: best training accuracy 75.0% (epoch 3; no")
