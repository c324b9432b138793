"""The Learn page: the course's lessons (with their exercises), the convolution lab and the lab's
pipeline (convolution → pooling → flatten → dense), a filter on a real picture, a digit followed
through a trained LeNet-5 and the teacher's guide, side by side as tabs. A lesson's "Try it" sets
the lab up here; the builder, the other pages and example projects are the window's to open
(`open_requested`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from playground.gui.pages.learn.digit_walkthrough import DigitWalkthrough
from playground.gui.pages.learn.flattening_demo import FlatteningDemo
from playground.gui.pages.learn.image_lab import ImageLab
from playground.gui.pages.learn.lab import ConvolutionLab
from playground.gui.pages.learn.lessons_panel import LessonsPanel
from playground.gui.pages.learn.pipeline_lab import PipelineLab
from playground.gui.pages.learn.teachers_guide import TeachersGuide


class LearnPage(QTabWidget):
    open_requested = Signal(dict)  # a "Try it" for the builder or another page

    def __init__(self, language: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("learn_page")
        self.lessons = LessonsPanel(language)
        self.lab = ConvolutionLab()
        self.addTab(self.lessons, self.tr("Lessons"))
        self.addTab(self.lab, self.tr("Convolution lab"))
        self.pipeline = PipelineLab()
        self.addTab(self.pipeline, self.tr("Pipeline lab"))
        self.image_lab = ImageLab()
        self.addTab(self.image_lab, self.tr("Image lab"))
        self.flattening = FlatteningDemo()
        self.addTab(self.flattening, self.tr("Flattening"))
        self.walkthrough = DigitWalkthrough()
        self.addTab(self.walkthrough, self.tr("Digit walk-through"))
        self.guide = TeachersGuide(language)
        self.addTab(self.guide, self.tr("Teacher's guide"))
        self.lessons.try_requested.connect(self.try_it)

    def set_model(self, checkpoint) -> None:
        """The user's trained model (a Checkpoint) for the digit walk-through; None: the shipped LeNet-5."""
        self.walkthrough.set_model(checkpoint)

    def try_it(self, setup: dict) -> None:
        if setup["open"] == "lab":
            self.lab.set_up(setup)
            self.setCurrentWidget(self.lab)
        else:
            self.open_requested.emit(setup)


if __name__ == "__main__":
    from playground.gui.pages.standalone import run_alone

    run_alone(lambda document, classes, loader: LearnPage())
