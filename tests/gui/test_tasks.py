"""The window's background tasks: torch work on them runs with the process's thread count."""

import os
from pathlib import Path

import pytest
import torch

from playground.gui.tasks import Task

TASKS = Path("/proc/self/task")  # one entry per OS thread of this process (Linux)


@pytest.mark.skipif(not TASKS.is_dir() or (os.cpu_count() or 1) < 2, reason="needs Linux and 2 cores")
def test_torch_on_a_tasks_thread_starts_no_threads_beyond_the_processes_setting(qtbot):
    before = torch.get_num_threads()
    torch.set_num_threads(1)  # the window's setting; a fresh thread would otherwise start a team of every core
    images, conv = torch.rand(64, 3, 64, 64), torch.nn.Conv2d(3, 8, 3)

    def forward(context):
        threads = len(list(TASKS.iterdir()))
        with torch.no_grad():
            conv(images).sum()
        return len(list(TASKS.iterdir())) - threads

    try:
        task = Task(None, "threads")
        with qtbot.waitSignal(task.finished, timeout=10_000) as outcome:
            task.start(forward)
        assert outcome.args == [0]  # starting that team cost a grey LeNet's answer 10 ms on the Predict page
    finally:
        torch.set_num_threads(before)
