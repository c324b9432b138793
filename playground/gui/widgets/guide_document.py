"""The teacher's guide as a PDF to print (a classroom kit carries it): its Markdown laid out by Qt
on A4 pages, in the app's font (Korean needs a font with Hangul on the machine that builds it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def write_guide_pdf(markdown: str, language: str, path: Path) -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_guide_pdf needs a QGuiApplication")
    writer = QPdfWriter(str(path))
    writer.setTitle("CNN Playground — Teacher's guide" if language == "en" else "CNN Playground — 교사용 안내서")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setMarkdown(markdown)
    document.print_(writer)  # with no page size of its own, the document is laid out on the writer's pages
