"""A pretrained base with the learner's head on top: the model a project with `pretrained` trains.

The base's blocks above the freeze line learn at a lower rate than the head; those below it are
frozen, and their BatchNorm layers keep ImageNet's statistics even while the model trains.
"""

from __future__ import annotations

from torch import nn

from playground.ml.network import pretrained as registry
from playground.ml.network.build import build_model, checked_summary
from playground.spec.errors import ShapeError
from playground.spec.project import Project


class TransferModel(nn.Module):
    def __init__(self, base: nn.Sequential, head: nn.Module, trainable_blocks: int):
        super().__init__()
        self.base, self.head = base, head
        self.trainable_blocks = trainable_blocks
        for index, block in enumerate(base):
            learn = index >= len(base) - trainable_blocks
            block.requires_grad_(learn)

    @property
    def frozen_blocks(self) -> list[nn.Module]:
        return list(self.base)[: len(self.base) - self.trainable_blocks]

    def train(self, mode: bool = True) -> TransferModel:
        super().train(mode)
        if mode:
            for block in self.frozen_blocks:
                block.eval()  # frozen BatchNorm keeps its statistics; frozen dropout stays off
        return self

    def parameter_groups(self, learning_rate: float, base_factor: float) -> list[dict]:
        """The head at the learning rate, the unfrozen base blocks at a fraction of it."""
        groups = [{"params": [p for p in self.head.parameters() if p.requires_grad], "lr": learning_rate}]
        base = [p for p in self.base.parameters() if p.requires_grad]
        if base:
            groups.append({"params": base, "lr": learning_rate * base_factor})
        return groups

    def forward(self, images):
        return self.head(self.base(images))


def build_network(project: Project, num_classes: int, *, pretrained_weights: bool = True) -> nn.Module:
    """The project's network: its layers alone, or a pretrained base (with its ImageNet weights,
    unless a checkpoint is about to bring its own) and the layers as the head."""
    if project.pretrained is None:
        return build_model(project.input_shape, project.layers, num_classes)
    if project.pretrained_problem:
        raise ShapeError(project.pretrained_problem, layer_index=0)
    checked_summary(project.layers_input_shape, project.layers, num_classes)
    key = project.pretrained.network
    full = registry.load_pretrained(key) if pretrained_weights else registry.architecture(key)
    head = build_model(project.layers_input_shape, project.layers, num_classes)
    return TransferModel(registry.base(key, full), head, project.pretrained.unfrozen_blocks)
