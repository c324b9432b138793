"""The Train page's runs: each run as the run list keeps it, the list itself (tick runs to overlay
their curves), and the conversions to and from what a saved project keeps (`spec.saved_runs`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from playground.spec.layers import Dropout
from playground.spec.project import Project
from playground.spec.saved_runs import CHECKPOINT_FILES, SavedRun, SavedRuns


@dataclass
class RunRecord:
    """One training run as the run list keeps it."""

    number: int
    project: Project  # the settings it was trained with
    out_dir: Path
    started_at: datetime = field(default_factory=datetime.now)
    history: list[dict] = field(default_factory=list)
    outcome: str = "running"
    phase_starts: list[int] = field(default_factory=list)  # epochs after which fine-tuning began

    @property
    def epochs_done(self) -> int:
        return max((record["epoch"] for record in self.history), default=0)


def records_to_keep(runs: list[RunRecord], training: RunRecord | None, model_source: tuple[int, str] | None):
    """The runs to keep with the project (all but the one still training), the folder holding each
    one's checkpoints, and which run's checkpoint (best.pt or last.pt) is the model."""
    kept = [run for run in runs if run is not training]
    folders = {
        run.number: run.out_dir for run in kept if any((run.out_dir / name).is_file() for name in CHECKPOINT_FILES)
    }
    saved = tuple(
        SavedRun(
            run.number,
            run.project,
            tuple(run.history),
            run.outcome.replace("running", "stopped"),
            run.started_at,
            run.number in folders,
        )
        for run in kept
    )
    model_run, model_checkpoint = model_source or (None, "best.pt")
    if not any(run.number == model_run and run.has_files for run in saved):
        model_run, model_checkpoint = None, "best.pt"  # (a model loaded from a file of its own is not a run's)
    return SavedRuns(saved, model_run, model_checkpoint), folders


def records_from_saved(saved: SavedRuns, folders: dict[int, Path]) -> list[RunRecord]:
    """A reopened project's runs: curves, settings, outcomes, and the checkpoints' folders."""
    return [
        RunRecord(
            run.number, run.project, folders.get(run.number, Path()), run.started_at, list(run.history), run.outcome
        )
        for run in saved.runs
    ]


class RunsPanel(QWidget):
    """Every run in one line each (newest first), with a tick box to overlay its curves."""

    overlays_changed = Signal(object)  # the run numbers ticked (a set)

    def __init__(self, parent=None):
        super().__init__(parent)
        hint = QLabel(self.tr("Tick runs to overlay their curves on the plots, each in a colour of its own."))
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("run_list")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(lambda _: self.overlays_changed.emit(self.ticked()))

    def show_runs(self, runs: list[RunRecord], mark=lambda run: "") -> None:
        """The list again (a run's line changes as it trains); the ticks stay. `mark(run)` ends a
        run's line (which run is the project's model)."""
        self.list.blockSignals(True)
        checked = self.ticked()
        self.list.clear()
        for run in reversed(runs):
            item = QListWidgetItem(self.describe(run) + mark(run))
            item.setData(Qt.ItemDataRole.UserRole, run.number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if run.number in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def ticked(self) -> set[int]:
        return {
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }

    def set_ticked(self, numbers: set[int]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in numbers else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def optimizer_names(self) -> dict[str, str]:
        return {"sgd": self.tr("SGD"), "momentum": self.tr("SGD with momentum"), "adam": "Adam", "adamw": "AdamW"}

    def run_name(self, run: RunRecord) -> str:
        return self.tr("Run {0}").format(run.number)

    def describe(self, run: RunRecord) -> str:
        """One line of the run list: what was tried and how it went, in the interface's language."""
        t = run.project.training
        outcomes = {
            "running": self.tr("running"),
            "completed": self.tr("completed"),
            "stopped": self.tr("stopped"),
            "early_stopping": self.tr("stopped early"),
            "NaN loss": self.tr("NaN loss"),
            "out of memory": self.tr("out of memory"),
            "failed": self.tr("failed"),
        }
        best = max((r["val_acc"] for r in run.history if r.get("val_acc") is not None), default=None)
        text = self.tr(
            "{name} · {time} · {optimizer}, learning rate {rate}, batch {batch}, augmentation {augmentation},"
            " {dropout} dropout layers · {epochs} epochs, best validation accuracy {best} · {outcome}"
        )
        return text.format(
            name=self.run_name(run),
            time=f"{run.started_at:%H:%M}",
            optimizer=self.optimizer_names().get(t.optimizer, t.optimizer),
            rate=f"{t.learning_rate:g}",
            batch=t.batch_size,
            augmentation=self.tr("on") if run.project.augmentation.enabled else self.tr("off"),
            dropout=sum(isinstance(layer, Dropout) for layer in run.project.layers),
            epochs=len(run.history),
            best=f"{best:.1%}" if best is not None else "–",
            outcome=outcomes.get(run.outcome, run.outcome),
        )
