""" "This is really…": putting a copy of a predicted image into the right class of the training
data, so the next training learns from the mistake (a live frame, a dropped image, a row of the
table, an image of a confusion-matrix cell).

The copy goes into the project's dataset folder. A folder the app made holds copies already; a
folder of the user's own is only written to after asking. A built-in dataset cannot take images.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from playground.gui.app.messages import error_text, translated
from playground.ml.data import folders


def dataset_folder(document) -> Path | None:
    """The project's image folder, or None for a built-in dataset (or no project)."""
    if document is None:
        return None
    source = document.project.data.source
    if source.startswith("builtin:"):
        return None
    return folders.resolve_source_folder(source, document.base_dir)


class Corrector(QObject):
    images_added = Signal(str, int)  # class name, how many copies

    def __init__(self, document, parent: QWidget):
        super().__init__(parent)
        self.document, self.widget = document, parent

    def classes(self) -> list[str]:
        folder = dataset_folder(self.document)
        return [name for name, _count in folders.folder_classes(folder)] if folder is not None else []

    def copy_into(self, paths: list[str | Path], class_name: str) -> int:
        """Copy `paths` into the class; how many were copied (0 when refused or declined)."""
        folder = dataset_folder(self.document)
        if folder is None or not folder.is_dir():
            QMessageBox.information(
                self.widget,
                QCoreApplication.translate("Correction", "This is really…"),
                QCoreApplication.translate(
                    "Correction",
                    "The project's images are a built-in dataset, which cannot take new images. On the Data page,"
                    " press “New dataset from my images” to make classes of your own.",
                ),
            )
            return 0
        if not folders.is_app_dataset(folder):
            answer = QMessageBox.question(
                self.widget,
                QCoreApplication.translate("Correction", "This is really…"),
                QCoreApplication.translate(
                    "Correction", "{0} is a folder of yours, not one the app made. Copy the image into its class “{1}”?"
                ).format(folder, class_name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        try:
            copied, refused = folders.add_images(folder, class_name, [Path(p) for p in paths])
        except OSError as error:
            QMessageBox.warning(
                self.widget, QCoreApplication.translate("Correction", "This is really…"), error_text(error)
            )
            return 0
        if refused:
            QMessageBox.warning(
                self.widget,
                QCoreApplication.translate("Correction", "This is really…"),
                QCoreApplication.translate("Correction", "Not added:\n{0}").format(
                    "\n".join(translated(reason) for reason in refused)
                ),
            )
        if copied:
            self.images_added.emit(class_name, len(copied))
            if self.document is not None:
                self.document.images_added.emit(class_name, len(copied))  # the Data and Train pages
        return len(copied)


class CorrectionButton(QToolButton):
    """ "This is really…" with the classes as a menu; `paths` gives the image files it is about."""

    copied = Signal(str, int)  # class name, how many

    def __init__(self, corrector: Corrector, paths, parent=None):
        super().__init__(parent)
        self.setObjectName("correction_button")
        self.corrector, self.paths = corrector, paths
        self.setText(QCoreApplication.translate("Correction", "This is really…"))
        self.setToolTip(
            QCoreApplication.translate(
                "Correction", "Put a copy of this image into the right class of the training data"
            )
        )
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill)

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        names = self.corrector.classes()
        for name in names:
            menu.addAction(name, lambda n=name: self.correct(n))
        if not names:
            menu.addAction(
                QCoreApplication.translate("Correction", "(the project's images are not a folder of classes)")
            ).setEnabled(False)

    def correct(self, class_name: str) -> int:
        paths = [p for p in self.paths() if p]
        if not paths:
            QMessageBox.information(
                self,
                QCoreApplication.translate("Correction", "This is really…"),
                QCoreApplication.translate("Correction", "Choose an image first."),
            )
            return 0
        count = self.corrector.copy_into(paths, class_name)
        if count:
            self.copied.emit(class_name, count)
        return count


def added_since_text(document, started_at) -> str:
    """'5 images added to the training data since the last run started…' for the run list, or ''."""
    folder = dataset_folder(document)
    if folder is None or started_at is None:
        return ""
    count = folders.images_added_since(folder, started_at.timestamp())
    if not count:
        return ""
    text = QCoreApplication.translate(
        "Correction",
        "Images added to the training data since the last run started: {0}. The next run learns from them.",
    )
    return text.format(count)
