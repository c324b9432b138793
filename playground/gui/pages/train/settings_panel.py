"""The Train page's settings: the form made from TrainingSettings' own readers (bounds, choices),
with the words and which settings apply when, and the device to train on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QVBoxLayout

from playground.gui.background.training_process import ALL_GPUS
from playground.gui.widgets.rate_spin_box import RateSpinBox
from playground.gui.widgets.settings_form import FieldView, SettingsForm
from playground.spec.settings import TrainingSettings


class TrainingSettingsPanel(QGroupBox):
    edited = Signal(str, object)  # a training setting's key and its new value

    def __init__(self, optimizer_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Training settings"))
        self.gpu_count = 0
        self.cuda_available = False  # mixed precision is offered only then
        self.all_gpus = False  # "All N GPUs" chosen: the project says cuda, torchrun runs one process per GPU
        schedules = {
            "none": self.tr("constant"),
            "step": self.tr("step decay"),
            "cosine": self.tr("cosine"),
            "one_cycle": self.tr("one-cycle"),
        }
        views = [
            FieldView(
                "epochs", self.tr("Epochs"), self.tr("How many times training goes through every training image.")
            ),
            FieldView(
                "batch_size",
                self.tr("Batch size"),
                self.tr("Images per step: larger is faster per image but needs more memory."),
            ),
            FieldView(
                "optimizer",
                self.tr("Optimizer"),
                self.tr("How the weights follow the gradient."),
                options=optimizer_names,
            ),
            FieldView(
                "learning_rate",
                self.tr("Learning rate"),
                self.tr("How far each step moves the weights; the arrows multiply or divide by about 2."),
                editor=RateSpinBox,
            ),
            FieldView(
                "momentum",
                self.tr("Momentum"),
                self.tr("The share of the previous step that each step keeps (SGD with momentum)."),
                decimals=3,
                shown=lambda t: t.optimizer == "momentum",
            ),
            FieldView(
                "lr_schedule",
                self.tr("Learning-rate schedule"),
                self.tr(
                    "How the learning rate changes from epoch to epoch; one-cycle climbs for the first"
                    " quarter of the steps, then falls, batch by batch."
                ),
                options=schedules,
            ),
            FieldView(
                "step_size",
                self.tr("Step size (epochs)"),
                self.tr("Step decay: the learning rate is multiplied by gamma every this many epochs."),
                shown=lambda t: t.lr_schedule == "step",
            ),
            FieldView(
                "gamma",
                self.tr("Gamma"),
                self.tr("Step decay: what the learning rate is multiplied by."),
                decimals=3,
                shown=lambda t: t.lr_schedule == "step",
            ),
            FieldView(
                "label_smoothing",
                self.tr("Label smoothing"),
                self.tr("Trains towards a little less than 100% for the true class: a brake on overconfidence."),
                decimals=2,
            ),
            FieldView(
                "weight_decay",
                self.tr("Weight decay"),
                self.tr("Pulls the weights towards zero a little every step: a brake on overfitting."),
                decimals=5,
            ),
            FieldView(
                "early_stopping_patience",
                self.tr("Early stopping patience (epochs)"),
                self.tr("Stop when the validation accuracy has not improved for this many epochs; off at 0."),
                special_text=self.tr("off"),
            ),
            FieldView(
                "seed", self.tr("Seed"), self.tr("The same seed gives the same split, shuffle and starting weights.")
            ),
            FieldView(
                "mixed_precision",
                self.tr("Mixed precision"),
                self.tr("On a CUDA GPU: compute in 16-bit floats where it is safe, for speed and memory."),
                shown=lambda t: self.cuda_available and t.device not in ("cpu", "mps"),
            ),
        ]
        self.form = SettingsForm(TrainingSettings, views)
        self.form.edited.connect(self.edited)
        self.learning_rate = self.form.widgets["learning_rate"]
        self.device = QComboBox()
        self.device.setObjectName("device")
        self.device.addItem(self.tr("automatic"), "auto")
        self.device.addItem(self.tr("CPU"), "cpu")
        self.device.setToolTip(
            self.tr(
                "Where training runs: automatic takes a GPU if there is one, else the CPU."
                " Training runs in its own process, on every core."
            )
        )
        # A GPU's long name must not widen the form: the list drops down as wide as it needs.
        self.device.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device.setMinimumContentsLength(12)
        self.device.activated.connect(lambda _: self._choose_device())
        self.form.layout_.addRow(self.tr("Device"), self.device)
        QVBoxLayout(self).addWidget(self.form)

    def set_devices(self, devices: list[tuple[str, str]]) -> None:
        """Called once torch is loaded: every device this machine has, and with several GPUs, all of
        them at once (the training process then runs under torchrun, one process per GPU)."""
        for name, description in devices:
            if self.device.findData(name) < 0:
                self.device.addItem(description if name == "cpu" else f"{description} ({name})", name)
        self.gpu_count = sum(name.startswith("cuda:") for name, _ in devices)
        self.cuda_available = self.gpu_count > 0
        if self.gpu_count > 1 and self.device.findData(ALL_GPUS) < 0:
            self.device.addItem(self.tr("All {0} GPUs (one process each)").format(self.gpu_count), ALL_GPUS)

    def _choose_device(self) -> None:
        choice = self.device.currentData()
        self.all_gpus = choice == ALL_GPUS
        self.edited.emit("device", "cuda" if self.all_gpus else choice)  # the project file names one device

    def render(self, settings: TrainingSettings) -> None:
        self.form.render(settings)
        if self.device.findData(settings.device) < 0:
            self.device.addItem(settings.device, settings.device)
        device = ALL_GPUS if self.all_gpus and settings.device == "cuda" else settings.device
        self.device.blockSignals(True)
        self.device.setCurrentIndex(self.device.findData(device))
        self.device.blockSignals(False)
