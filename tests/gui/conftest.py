import pytest

from playground.gui.app.config import CONFIG_ENV
from playground.resources import example_projects
from playground.spec.project import load_project


@pytest.fixture(autouse=True)
def no_threads_left_behind():
    """Every test ends with its loaders and trainings finished: a thread still inside torch when
    pytest's interpreter exits aborts the whole run after the last test has passed."""
    yield
    import threading

    from playground.gui.background.tasks import THREAD_PREFIX, Task
    from playground.gui.background.training_process import TrainingProcess

    left_running = [client for client in TrainingProcess._live if client.child_alive]
    TrainingProcess.stop_all()
    assert not left_running, "a training process was still running after the test"
    Task.stop_all()
    for thread in threading.enumerate():
        if thread.name.startswith(THREAD_PREFIX):
            thread.join(60)
            assert not thread.is_alive(), f"{thread.name} thread still running after the test"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Settings, recent files and autosaves go to a temporary folder, never the user's."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


@pytest.fixture
def lenet():
    return load_project(example_projects()["lenet5-digits"])


@pytest.fixture
def window(qtbot, lenet):
    from playground.gui.window.main_window import MainWindow

    window = MainWindow(lenet)
    # Closing at teardown must not ask about unsaved changes.
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal message box would wait forever offscreen: any the test did not ask for fails it."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(name):
        def show(parent, title, text, *args, **kwargs):
            raise AssertionError(f"unexpected QMessageBox.{name}: {title}: {text}")

        return staticmethod(show)

    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected(name))


@pytest.fixture
def dialogs(monkeypatch):
    """Let message boxes of one kind appear: answer them with `button`, return what they said."""
    from PySide6.QtWidgets import QMessageBox

    def allow(name="question", button=None):
        shown = []

        def show(parent, title, text, *args, **kwargs):
            shown.append(text)
            return button

        monkeypatch.setattr(QMessageBox, name, staticmethod(show))
        return shown

    return allow
