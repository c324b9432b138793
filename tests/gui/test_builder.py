"""The model builder, driven through its real widgets."""

import dataclasses

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from playground.spec.layers import Conv2d, Dense, MaxPool2d
from playground.spec.presets import PRESETS
from playground.spec.shapes import infer_shapes


def _drop(view, mime, row: int, lower_half: bool):
    """Drag `mime` over the card at `row` (its upper or lower half) and drop it, as the mouse would."""
    rect = view.visualItemRect(view.item(row))
    point = QPoint(rect.center().x(), rect.bottom() - 3 if lower_half else rect.top() + 3)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = kind(point, Qt.DropAction.CopyAction, mime, buttons, keys)
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    # As a drag started by the views offers: copy or move (Qt proposes move inside one view).
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    drop = QDropEvent(QPointF(point), actions, mime, buttons, keys)
    QApplication.sendEvent(view.viewport(), drop)
    assert drop.isAccepted()
    return drop.dropAction()  # the action the view settled on (not the event: Qt owns it now)


def _palette_item(page, kind):
    palette = page.palette_list
    return next(
        palette.item(i) for i in range(palette.count()) if palette.item(i).data(Qt.ItemDataRole.UserRole) == kind
    )


def test_dragging_a_block_from_the_palette_inserts_it_at_the_drop_position(window):
    page = window.model_page
    mime = page.palette_list.mimeData([_palette_item(page, "dropout")])
    _drop(page.network, mime, 5, lower_half=True)  # below "6 Dense 120"
    layers = window.document.project.layers
    assert len(layers) == 9 and layers[6].type == "dropout"
    assert page.network.count() == 9 and "Dropout" in page.network.item(6).text()
    assert page.network.currentRow() == 6
    _drop(page.network, page.palette_list.mimeData([_palette_item(page, "batchnorm2d")]), 1, lower_half=False)
    assert window.document.project.layers[1].type == "batchnorm2d"  # above "2 Max pool"


def test_dragging_a_layer_reorders(window):
    page = window.model_page
    before = window.document.project.layers
    _drop(page.network, page.network.mimeData([page.network.item(1)]), 2, lower_half=True)  # pool below conv 2
    after = window.document.project.layers
    assert after[:3] == (before[0], before[2], before[1]) and after[3:] == before[3:]
    assert page.network.count() == len(before)


def test_a_drop_inside_the_network_is_a_copy_so_qt_never_deletes_the_dragged_card(window):
    """After a Move drop, QAbstractItemView removes the source row itself; the project already did."""
    page = window.model_page
    action = _drop(page.network, page.network.mimeData([page.network.item(0)]), 3, lower_half=True)
    assert action == Qt.DropAction.CopyAction


def test_undo_and_redo_restore_exactly(window, qtbot):
    page = window.model_page
    original = window.document.project
    page.insert_block("dropout", 5)
    page.move_layer(0, 2)
    page.select(0)
    page.delete_selected()
    edited = window.document.project
    assert window.isWindowModified()
    for _ in range(3):
        window.undo_action.trigger()
    assert window.document.project == original
    assert not window.isWindowModified()
    assert page.network.count() == len(original.layers)
    for _ in range(3):
        window.redo_action.trigger()
    assert window.document.project == edited


def test_a_property_edit_updates_every_shape_after_it(window):
    page = window.model_page
    page.select(0)
    spin = page.properties.form.widgets["filters"]
    spin.setValue(8)
    project = window.document.project
    assert project.layers[0].filters == 8
    assert "8×28×28" in page.network.item(0).text() and "8×14×14" in page.network.item(1).text()
    assert "3,216 params" in page.network.item(2).text()  # 5·5·8·16 + 16
    assert "62,558" in page.totals.text()  # 61,706 + (208 − 156) + (3,216 − 2,416)
    spin.setValue(9)
    spin.setValue(10)
    window.undo_action.trigger()  # typing in one field is one undo step
    assert window.document.project.layers[0].filters == 6
    spin.setValue(7)
    spin.setValue(6)  # and back: nothing changed, nothing to undo
    assert not window.document.is_modified and not window.undo_action.isEnabled()


def test_a_kernel_too_large_turns_that_layer_and_the_rest_red(window):
    page = window.model_page
    page.select(2)
    kernel = page.properties.form.widgets["kernel"]  # height × width
    kernel.height.setValue(15)
    kernel.width.setValue(15)
    assert [page.network.is_invalid(row) for row in range(8)] == [False, False] + [True] * 6
    assert "layer 3, conv2d 15x15 valid: input 14x14 is smaller than the kernel 15x15" in page.network.item(2).toolTip()
    assert "follows invalid layer 3" in page.network.item(5).text()
    assert "cannot be built" in page.totals.text()


def test_an_edit_that_breaks_a_later_layer_is_allowed_and_shown(window):
    page = window.model_page
    page.select(0)
    stride = page.properties.form.widgets["stride"]
    stride.height.setValue(3)
    stride.width.setValue(3)  # 32 → 10 → 5 → conv 5x5 → 1 → pool 2x2 on 1x1
    assert window.document.project.layers[0].stride == (3, 3)
    assert [page.network.is_invalid(row) for row in range(8)] == [False, False, False] + [True] * 5
    assert "input 1x1 is smaller than the pool 2x2" in page.network.item(3).text()


def test_pooling_padding_and_stride_controls(window):
    page = window.model_page
    page.select(1)
    stride = page.properties.form.widgets["stride"]
    stride.follow.setChecked(False)
    stride.inner.height.setValue(1)
    stride.inner.width.setValue(1)
    assert window.document.project.layers[1] == MaxPool2d(size=(2, 2), stride=(1, 1))
    assert "6×27×27" in page.network.item(1).text()
    padding = page.properties.form.widgets["padding"]
    padding.mode.setCurrentIndex(padding.mode.findData("same"))
    assert window.document.project.layers[1].padding == "same"


def test_dense_units_can_follow_the_classes(window):
    page = window.model_page
    page.select(7)
    units = page.properties.form.widgets["units"]
    units.word_box.setChecked(True)
    assert window.document.project.layers[7] == Dense(units="auto")
    assert "units = classes" in page.network.item(7).text()


def test_presets_load_with_the_right_totals(window):
    page = window.model_page
    page.load_preset("lenet5")
    assert "Parameters: 61,706" in page.totals.text()
    for key, preset in PRESETS.items():
        page.load_preset(key)
        project = window.document.project
        assert project.layers == preset.layers and project.input_shape == (preset.channels, *preset.image_size)
        expected = infer_shapes(project.input_shape, preset.layers, 10).total_params
        assert f"Parameters: {expected:,}" in page.totals.text()
    page.load_preset("tiny_vgg")
    assert "Parameters: 19,920" in page.totals.text()  # CNN Explainer's Tiny VGG, with 10 classes


def test_data_settings_flow_into_the_builder(window):
    page = window.model_page
    data = window.data_page
    data.channels.setCurrentIndex(data.channels.findData(3))
    data.channels.activated.emit(data.channels.currentIndex())
    assert window.document.project.input_shape == (3, 32, 32)
    assert "Input: 3×32×32" in page.input_label.text()
    assert "456 params" in page.network.item(0).text()  # 5·5·3·6 + 6
    data.height.setValue(28)
    data.width.setValue(28)
    assert "6×24×24" in page.network.item(0).text()


def test_the_comparison_panel_counts_dense_equivalents(window):
    text = window.model_page.compare.label.text()
    assert "61,706" in text and "134,014" in text  # flatten(1024) → 120 → 84 → 10
    assert "4,821,600" in text  # conv 1 as a dense layer: 1024 inputs → 4,704 outputs


def test_show_code_shows_copies_and_saves_the_network(window, tmp_path):
    dialog = window.model_page.show_code()
    assert "nn.Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))" in dialog.code
    dialog.copy()
    assert QApplication.clipboard().text() == dialog.code
    saved = dialog.save(str(tmp_path / "lenet.py"))
    assert saved.read_text() == dialog.code
    dialog.close()


def test_show_code_of_an_invalid_network_explains_instead(window, dialogs):
    shown = dialogs("information")
    layers = list(window.document.project.layers)
    layers[2] = dataclasses.replace(layers[2], kernel=(20, 20))
    window.document.change(window.document.project.replace(layers=tuple(layers)), "break")
    assert window.model_page.show_code() is None
    assert "smaller than the kernel 20x20" in shown[0]


def test_delete_duplicate_and_move_buttons(window):
    page = window.model_page
    page.select(0)
    page.duplicate_button.click()
    assert window.document.project.layers[1] == Conv2d(filters=6, kernel=(5, 5), activation="relu")
    page.down_button.click()
    assert page.network.currentRow() == 2
    page.delete_button.click()
    assert len(window.document.project.layers) == 8
    page.select(0)
    assert not page.up_button.isEnabled()
