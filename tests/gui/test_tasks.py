"""The window's one background facility (`playground.gui.background.tasks.Task`) and its races.

Each race is made to happen with events the test holds (never with sleeps): the function waits
where the race would be, the test does what the window would do meanwhile, then lets it go on.
"""

import os
import threading
from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QObject, QThread

from playground.gui.app import translation
from playground.gui.background.tasks import THREAD_PREFIX, Task
from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message

WAIT = 10.0  # seconds: only ever reached if the code under test is broken


@pytest.fixture
def owner():
    owner = QObject()
    yield owner
    Task.stop_all()


@pytest.fixture
def task(owner):
    return Task(owner, "test")


def _held(started: threading.Event, go_on: threading.Event, result="done"):
    """A function that says it started, then waits to be let go on."""

    def run(context):
        started.set()
        assert go_on.wait(WAIT)
        return result

    return run


def test_progress_and_parts_arrive_in_order_then_the_result(qtbot, task):
    seen = []
    task.progress.connect(lambda done, total: seen.append(("progress", done, total)))
    task.part_ready.connect(lambda part: seen.append(("part", part)))

    def run(context):
        for row in range(3):
            context.send(f"row {row}")
            context.progress(row + 1, 3)
        return "table"

    with qtbot.waitSignal(task.finished, timeout=10_000) as blocker:
        task.start(run)
        assert task.busy
    assert blocker.args == ["table"] and not task.busy
    assert seen == [
        ("part", "row 0"),
        ("progress", 1, 3),
        ("part", "row 1"),
        ("progress", 2, 3),
        ("part", "row 2"),
        ("progress", 3, 3),
    ]


def test_signals_arrive_on_the_windows_thread(qtbot, task):
    threads = []
    for signal in (task.progress, task.part_ready, task.finished):
        signal.connect(lambda *_: threads.append(QThread.currentThread()))

    def run(context):
        context.progress(1, 1)
        context.send("part")
        return "result"

    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start(run)
    assert threads == [task.thread()] * 3


def test_a_users_error_arrives_in_the_interfaces_language(qtbot, task):
    def run(context):
        raise DataError(Message(messages.NO_IMAGES_GIVEN))

    assert translation.install_translators("ko")
    try:
        with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
            task.start(run)
    finally:
        translation.install_translators("en")
    assert blocker.args == ["분류할 이미지가 없습니다"]


def test_a_bug_arrives_as_one_line_with_the_traceback_on_stderr(qtbot, task, capfd):
    def run(context):
        raise ValueError("boom")

    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        task.start(run)
    assert blocker.args == ["ValueError: boom"]
    assert 'raise ValueError("boom")' in capfd.readouterr().err


def test_a_superseded_function_returns_before_its_successor_starts(qtbot, task):
    first_started, first_may_end, second_started = threading.Event(), threading.Event(), threading.Event()
    first_running = threading.Event()
    overlapped = []

    def first(context):
        first_running.set()
        first_started.set()
        assert first_may_end.wait(WAIT)  # a function that cannot stop midway (a pass through a network)
        first_running.clear()
        return "old"

    def second(context):
        overlapped.append(first_running.is_set())
        second_started.set()
        return "new"

    results = []
    task.finished.connect(results.append)
    task.start(first)
    assert first_started.wait(WAIT)
    task.start(second)
    # The old code started the successor at once, beside the first: it would be seen within this bounded wait.
    assert not second_started.wait(0.5)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        first_may_end.set()
    assert second_started.is_set() and overlapped == [False]
    assert results == ["new"]  # the superseded run's result is dropped


def test_of_many_quick_starts_only_the_running_one_and_the_last_run(qtbot, task):
    started, go_on = threading.Event(), threading.Event()
    ran = []
    task.start(_held(started, go_on))
    assert started.wait(WAIT)
    for n in range(5):
        task.start(lambda context, n=n: ran.append(n) or n)  # typing: one start per key
    with qtbot.waitSignal(task.finished, timeout=10_000) as blocker:
        go_on.set()
    assert ran == [4] and blocker.args == [4]


def test_cancel_wins_over_a_result_already_on_its_way(qtbot, task):
    outcomes = []
    task.finished.connect(lambda result: outcomes.append("finished"))
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    task.start(lambda context: "result")
    assert task.wait(WAIT)  # the function has returned; its result waits in the event queue
    task.cancel()  # the user presses Cancel before the window has seen the result
    qtbot.waitUntil(lambda: not task.busy, timeout=10_000)
    assert outcomes == ["cancelled"]


def test_cancel_wins_over_an_error_already_on_its_way(qtbot, task):
    outcomes = []
    task.failed.connect(lambda text: outcomes.append("failed"))
    task.cancelled.connect(lambda: outcomes.append("cancelled"))

    def run(context):
        raise DataError(Message(messages.NO_IMAGES_GIVEN))

    task.start(run)
    assert task.wait(WAIT)
    task.cancel()
    qtbot.waitUntil(lambda: not task.busy, timeout=10_000)
    assert outcomes == ["cancelled"]


def test_an_error_raised_because_of_a_cancel_is_a_cancel(qtbot, task):
    started = threading.Event()

    def run(context):
        started.set()
        assert context._cancel.wait(WAIT)
        raise DataError(Message(messages.NO_IMAGES_GIVEN))  # what a half-read folder may raise on its way out

    failed = []
    task.failed.connect(failed.append)
    task.start(run)
    assert started.wait(WAIT)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.cancel()
    assert not failed


def test_after_cancel_no_more_progress_arrives(qtbot, task):
    started, go_on = threading.Event(), threading.Event()
    progress = []
    task.progress.connect(lambda done, total: progress.append(done))

    def run(context):
        context.progress(1, 2)
        started.set()
        assert go_on.wait(WAIT)
        context.progress(2, 2)  # reported after the cancel: not shown
        return "result"

    task.start(run)
    assert started.wait(WAIT)
    qtbot.waitUntil(lambda: progress == [1], timeout=10_000)
    task.cancel()
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        go_on.set()
    assert progress == [1]


def test_a_forgotten_run_delivers_nothing(qtbot, task):
    started, go_on = threading.Event(), threading.Event()
    delivered = []
    for signal in (task.finished, task.failed, task.cancelled):
        signal.connect(lambda *args: delivered.append(args))
    task.start(_held(started, go_on))
    assert started.wait(WAIT)
    task.forget()
    assert not task.busy
    go_on.set()
    assert task.wait(WAIT)
    qtbot.wait(50)  # let the event loop deliver what it would
    assert delivered == []


def test_a_task_whose_owner_is_gone_drops_the_reports_of_its_running_function(qtbot):
    owner = QObject()
    task = Task(owner, "orphan")
    started, go_on = threading.Event(), threading.Event()

    def run(context):
        started.set()
        assert go_on.wait(WAIT)
        context.progress(1, 1)
        context.send("part")
        return "result"

    task.start(run)
    assert started.wait(WAIT)
    # What the thread reports on lives on: it is neither the task nor anything its owner takes down.
    relay = task._relay
    assert relay.parent() is None and relay.thread() is QThread.currentThread()
    import shiboken6

    shiboken6.delete(owner)  # the page closes while its function runs; the task goes with it
    assert not shiboken6.isValid(task)
    go_on.set()
    for thread in threading.enumerate():
        if thread.name == f"{THREAD_PREFIX}-orphan":
            thread.join(WAIT)
    qtbot.wait(50)  # the late reports reach the relay, which finds no task to give them to
    assert shiboken6.isValid(relay)


def test_stop_all_cancels_and_joins_every_thread(task, owner):
    started = threading.Event()
    saw_cancel = []

    def run(context):
        started.set()
        saw_cancel.append(context._cancel.wait(WAIT))

    other = Task(owner, "other")
    task.start(run)
    other.start(lambda context: context._cancel.wait(WAIT))
    assert started.wait(WAIT)
    Task.stop_all(timeout=WAIT)
    assert saw_cancel == [True]
    assert not [t for t in threading.enumerate() if t.name in (f"{THREAD_PREFIX}-test", f"{THREAD_PREFIX}-other")]


# ---------------------------------------------------------------- torch's threads on a task's thread

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
