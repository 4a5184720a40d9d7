"""Fixtures that build the real main window (ccdesk.app.create_main_window) against the simulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from gui_driver import Driver
from pytestqt.qtbot import QtBot

from ccdesk.app import create_main_window
from ccdesk.ui.main_window import MainWindow
from ccdesk.ui.qt import QApplication


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[..., Driver]]:
    """Open real windows with create_main_window(argv); every one is closed and its threads drained after."""
    opened: list[MainWindow] = []

    def factory(*argv: str, stream: bool = False, **kwargs: Any) -> Driver:
        """`stream=True` follows the demo's event stream; tests of the answers alone run without it."""
        args = list(argv) or ["--demo"]
        if not stream:
            args.append("--no-stream")
        window = create_main_window(args, **kwargs)
        opened.append(window)
        qtbot.waitExposed(window)
        window.activateWindow()  # keys go to the active window (on a real X screen it is not always the new one)
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        driver = Driver(window, qtbot)
        qtbot.waitUntil(lambda: window.status_settled, timeout=10_000)  # the first status read, after paint
        driver.wait_idle()
        return driver

    yield factory
    for window in opened:
        window.close()
        assert window.bridge.shutdown(5000)
        window.deleteLater()
    QApplication.processEvents()


@pytest.fixture
def demo(open_window: Callable[..., Driver]) -> Driver:
    return open_window("--demo")


@pytest.fixture(autouse=True)
def no_unexpected_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A confirmation nobody answers would hang the suite: one a test did not expect fails it instead."""
    from ccdesk.ui.qt import QMessageBox

    def unexpected(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"unexpected question {title!r}: {text}")

    monkeypatch.setattr(QMessageBox, "question", unexpected)
