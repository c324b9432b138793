"""Help → Check this computer…: every check listed with its mark, in Korean on a Korean screen,
the Hangul check done for real with the app's font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from playground.gui.app import translation
from playground.gui.app.hangul_font import hangul_font
from playground.gui.window.doctor_dialog import DoctorDialog
from playground.kit import doctor


def test_the_help_menu_opens_the_check(window, monkeypatch):
    shown = []
    monkeypatch.setattr(DoctorDialog, "exec", lambda self: shown.append(self) or 0)
    action = next(a for a in window.menuBar().actions() if "Help" in a.text()).menu()
    check = next(a for a in action.actions() if a.objectName() == "action_check_computer")
    check.trigger()
    assert len(shown) == 1
    items = [shown[0].list.item(i) for i in range(shown[0].list.count())]
    assert len(items) >= 12
    texts = [item.text() for item in items]
    assert any(text.startswith("Python ") for text in texts)
    assert any("data folder" in text and "writable" in text for text in texts)
    assert {item.data(Qt.ItemDataRole.UserRole) for item in items} <= {doctor.OK, doctor.WARNING, doctor.NEEDED}
    assert "ready for the lessons" in shown[0].verdict.text()


def test_the_check_reads_korean_and_copies_its_report(qtbot):
    assert translation.install_translators("ko")
    try:
        dialog = DoctorDialog()
        qtbot.addWidget(dialog)
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert any("데이터 폴더" in text for text in texts)
        assert any("데이터셋 손글씨 숫자" in text for text in texts)
        assert "수업 준비" in dialog.verdict.text()
        assert dialog.windowTitle() == "이 컴퓨터 점검"
        dialog.copy_report()
        report = QApplication.clipboard().text()
        assert report.splitlines()[0].endswith("이 컴퓨터 점검") and len(report.splitlines()) == len(texts) + 2
    finally:
        translation.install_translators("en")


def test_the_hangul_check_needs_a_font_that_has_the_glyphs():
    """Noto Sans CJK is installed here (CI installs fonts-noto-cjk): the glyphs are found in it."""
    family = hangul_font(QFont())
    if family is None:
        pytest.skip("no font with Hangul on this machine")
    assert "CJK" in family or "Gothic" in family or "Nanum" in family or "Malgun" in family
