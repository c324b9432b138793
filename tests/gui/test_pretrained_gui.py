"""The pretrained picker and the freeze line, through the real widgets."""

import pytest
import torch
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from playground.gui.pages.model.pretrained_dialog import PretrainedDialog
from playground.ml.network import pretrained
from playground.spec.backbones import BACKBONES


@pytest.fixture(autouse=True)
def empty_weight_caches(tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setenv(pretrained.WEIGHTS_ENV, str(tmp_path / "weights"))


def _row(dialog, key):
    return [k for k, _ in dialog.rows].index(key)


def test_the_picker_shows_every_network_and_which_weights_are_here(qtbot, tmp_path):
    dialog = PretrainedDialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(BACKBONES)  # Inception-ResNet-v2 and Xception from timm too
    dialog.select("legacy_xception")
    assert "xception-43020ad28.pth" in dialog.detail.text() and not dialog.use_button.isEnabled()
    mini = _row(dialog, "playground_mini")
    assert dialog.table.item(mini, 4).text() == "on this machine"
    resnet = _row(dialog, "resnet18")
    assert dialog.table.item(resnet, 4).text() == "missing" and dialog.table.item(resnet, 3).text() == "69.8%"
    dialog.select("resnet18")
    assert not dialog.use_button.isEnabled()
    assert "not on this machine" in dialog.detail.text() and "resnet18-f37072fd.pth" in dialog.detail.text()
    weights = tmp_path / "resnet18_from_a_colleague.pth"
    torch.save(pretrained.architecture("resnet18").state_dict(), weights)
    assert dialog.import_weights(str(weights))
    assert dialog.table.item(_row(dialog, "resnet18"), 4).text() == "on this machine" and dialog.use_button.isEnabled()


def test_a_broken_weights_file_is_refused_in_the_picker(qtbot, tmp_path, dialogs):
    dialog = PretrainedDialog()
    qtbot.addWidget(dialog)
    dialog.select("resnet18")
    (tmp_path / "broken.pth").write_bytes(b"not weights at all")
    warned = dialogs("warning")
    assert not dialog.import_weights(str(tmp_path / "broken.pth"))
    assert "is not a valid weights file" in warned[0]
    assert dialog.table.item(_row(dialog, "resnet18"), 4).text() == "missing"


def test_starting_from_a_pretrained_base_puts_a_head_on_it(window):
    page = window.model_page
    assert not page.base_panel.isVisible()
    assert page.choose_pretrained("playground_mini")
    project = window.document.project
    assert project.pretrained.network == "playground_mini" and project.input_shape == (3, 32, 32)
    assert [layer.type for layer in project.layers] == ["global_avgpool", "dropout", "dense"]
    assert page.base_panel.isVisible() and "128×1×1" in page.base_panel.title.text()
    assert "→ 128" in page.network.item(0).text()
    assert page.base_panel.counts.text() == "Trainable: 1,290 (head 1,290 + base 0)   ·   Frozen: 190,368"
    assert "base 190,368 + head 1,290" in page.totals.text()
    window.undo_action.trigger()
    assert window.document.project.pretrained is None and not page.base_panel.isVisible()


def _drag_line(freeze_list, row, lower_half=True):
    rect = freeze_list.visualItemRect(freeze_list.item(row))
    point = QPoint(rect.center().x(), rect.bottom() - 2 if lower_half else rect.top() + 2)
    mime = freeze_list.mimeData([freeze_list.item(freeze_list.line_row())])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(freeze_list.viewport(), kind(point, actions, mime, buttons, keys))
    drop = QDropEvent(QPointF(point), actions, mime, buttons, keys)
    QApplication.sendEvent(freeze_list.viewport(), drop)
    return drop.isAccepted()


def test_dragging_the_freeze_line_unfreezes_blocks_and_updates_the_counts(window):
    page = window.model_page
    page.choose_pretrained("playground_mini")
    freeze_list = page.base_panel.blocks
    assert freeze_list.line_row() == 5  # below the five blocks: all frozen
    assert _drag_line(freeze_list, 2, lower_half=True)  # below block 3: blocks 4 and 5 learn
    settings = window.document.project.pretrained
    assert settings.mode == "fine_tuning" and settings.trainable_blocks == 2
    assert freeze_list.line_row() == 3
    assert "base 166,560" in page.base_panel.counts.text()  # 55,584 + 110,976
    assert page.base_panel.fine_tuning.isChecked() and page.base_panel.factor.isEnabled()
    page.base_panel.feature_extraction.setChecked(True)
    assert window.document.project.pretrained.unfrozen_blocks == 0 and freeze_list.line_row() == 5
    window.undo_action.trigger()
    assert window.document.project.pretrained.trainable_blocks == 2


def test_fine_tuning_starts_with_two_blocks_unfrozen(window):
    page = window.model_page
    page.choose_pretrained("playground_mini")
    page.base_panel.fine_tuning.setChecked(True)
    assert window.document.project.pretrained.trainable_blocks == 2
    page.base_panel.factor.setValue(0.25)
    assert window.document.project.pretrained.base_learning_rate_factor == 0.25


def test_show_code_of_a_pretrained_network_explains(window, dialogs):
    window.model_page.choose_pretrained("playground_mini")
    shown = dialogs("information")
    assert window.model_page.show_code() is None
    assert "export it as TorchScript or ONNX" in shown[0]


def test_training_a_pretrained_project_from_the_window(window, qtbot):
    window.model_page.choose_pretrained("playground_mini")
    training = window.document.project.training.__class__(epochs=1, batch_size=64, device="cpu")
    window.document.change(window.document.project.replace(training=training), "one epoch")
    page = window.train_page
    with qtbot.waitSignal(page.training.stopped, timeout=120_000):
        assert page.start()
    assert page.run.outcome == "completed" and page.checkpoint is not None
    assert "base.0.0.weight" in page.checkpoint.model_state
    # Phase two, as the lesson teaches it: the trained head kept, the top block unfrozen, the same curve.
    assert page.fine_tune_button.isEnabled() and window.document.project.pretrained.mode == "feature_extraction"
    with qtbot.waitSignal(page.training.stopped, timeout=120_000):
        assert page.fine_tune()
    assert window.document.project.pretrained.mode == "fine_tuning"
    assert window.document.project.pretrained.unfrozen_blocks >= 1
    assert [r["epoch"] for r in page.run.history] == [1, 2] and page.run.phase_starts == [1]
    assert len(page.runs) == 1 and page.run.outcome == "completed" and page.checkpoint.epoch == 2
    assert len(page.plots.phase_lines) == 2  # a marker on both plots where fine-tuning began
    assert not page.fine_tune_button.isEnabled()  # the base is no longer frozen
