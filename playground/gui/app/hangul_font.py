"""Whether Korean really renders: "한글" laid out in the app's font (with Qt's fallback fonts, as every
label does), then each glyph checked in the font Qt chose for it. A font name alone proves nothing:
without a Hangul font Qt draws empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication, QTextLayout

SAMPLE = "한글"


def hangul_font(font: QFont | None = None) -> str | None:
    """The font family that draws the sample's glyphs, or None if none does."""
    layout = QTextLayout(SAMPLE, font or QGuiApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families, covered = [], set()
    for run in layout.glyphRuns():
        raw = run.rawFont()
        if not raw.isValid() or 0 in run.glyphIndexes():
            continue
        chars = [char for char in SAMPLE if raw.supportsCharacter(char)]
        if chars:
            covered.update(chars)
            families.append(raw.familyName())
    return ", ".join(dict.fromkeys(families)) if covered >= set(SAMPLE) else None
