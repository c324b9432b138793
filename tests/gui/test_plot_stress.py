"""Thousands of plot redraws fed by thousands of signals from a thread, as training does.

PySide6 6.12.0 on Python 3.11 aborts the process here (`Fatal Python error: none_dealloc`) after
a few hundred redraws; pyproject.toml pins PySide6-Essentials < 6.12 on Python < 3.12 for that.
This file imports no torch, so it also runs in a bare venv with another PySide6 to check a pin.
"""

import threading

from playground.gui.background.training_process import TrainingProcess
from playground.gui.widgets.training_plots import TrainingPlots
from playground.ml.training.events import BatchFinished, EpochFinished


def test_plots_survive_thousands_of_redraws_and_relayed_signals(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(900, 400)
    plots.show()
    worker = TrainingProcess()  # its signals, emitted from another thread, many times
    received = []

    def on_batch(event):
        received.append(event)
        plots.add_batch(event.batch / 100, event.loss, event.accuracy)

    worker.batch_finished.connect(on_batch)
    worker.epoch_finished.connect(lambda e: plots.add_epoch(e.epoch, e.train_loss, e.train_acc, e.val_loss, e.val_acc))

    def emit_many():
        for i in range(3000):
            worker.batch_finished.emit(
                BatchFinished(
                    epoch=1, batch=i + 1, batches=3000, loss=1.0 / (i + 1), accuracy=i / 3000, images_per_second=100.0
                )
            )
            if i % 3 == 0:
                worker.epoch_finished.emit(
                    EpochFinished(
                        epoch=i,
                        epochs=3000,
                        train_loss=1.0,
                        train_acc=0.5,
                        val_loss=1.1,
                        val_acc=0.4,
                        seconds=0.1,
                        images_per_second=100.0,
                        learning_rate=0.001,
                        is_best=False,
                    )
                )

    sender = threading.Thread(target=emit_many)
    sender.start()
    while sender.is_alive() or len(received) < 3000:
        qtbot.wait(1)
        plots._dirty = True
        plots.redraw()
        plots.repaint()
    sender.join()
    for i in range(1000):
        plots.add_epoch(i, 1.0, 0.5, 1.1, 0.4)
        plots.redraw()
        plots.repaint()
    assert len(received) == 3000 and plots.redraws >= 1000
    assert plots.drawn_count("loss", "batch") == plots.point_count("loss", "batch") == 3000
