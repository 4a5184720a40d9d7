"""Drive the real main window by its automation names (shared by the GUI tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ccdesk.core.lines import LineState
from ccdesk.ui.main_window import MainWindow
from ccdesk.ui.qt import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, Qt, QWidget

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"


@contextmanager
def loopback_platform(simulator: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[str], Any]]:
    """`simulator` served on loopback, REST and event stream: the window's arguments to use both (the token and
    the stream key in the environment, as a user would set them) and the running stream server."""
    from ccdesk.sim.server import serve_in_thread
    from ccdesk.sim.stream import serve_stream

    with serve_in_thread(simulator) as rest, serve_stream(simulator) as stream:
        monkeypatch.setenv("CCDESK_TOKEN", simulator.token)
        monkeypatch.setenv("CCDESK_STREAM_KEY", stream.key)
        argv = [
            "--base-url",
            rest.url,
            "--tenant",
            "acmecorp01",
            "--agent",
            AGENT,
            "--stream-url",
            stream.url,
        ]
        yield argv, stream


class Driver:
    """Drives the window by automation names, as a person or an accessibility tool would."""

    def __init__(self, window: MainWindow, qtbot: QtBot) -> None:
        self.window = window
        self.qtbot = qtbot

    @property
    def sim(self) -> Any:
        return self.window.session.simulator

    def find(self, kind: type[QWidget], name: str, parent: QWidget | None = None) -> Any:
        widget = (parent or self.window).findChild(kind, name)
        assert widget is not None, f"no {kind.__name__} named {name}"
        return widget

    def panel(self, line: int) -> QWidget:
        return self.find(QWidget, f"linePanel_{line}")

    def in_panel(self, line: int, kind: type[QWidget], name: str) -> Any:
        return self.find(kind, name, self.panel(line))

    def state_text(self, line: int) -> str:
        return self.in_panel(line, QLabel, "lineStateLabel").text()

    def error_text(self, line: int) -> str:
        """The line's message: plain words first, then 8x8's own words (shown under Details)."""
        said = self.in_panel(line, QLabel, "lineErrorDetailsLabel").text()
        return "\n".join(t for t in (self.in_panel(line, QLabel, "lineErrorLabel").text(), said) if t)

    def error_bar_text(self) -> str:
        """The failure shown above the content (one that belongs to no line), summary and details."""
        bar = self.find(QWidget, "errorBar")
        if bar.isHidden():
            return ""
        said = self.find(QLabel, "errorDetailsLabel").text()
        return "\n".join(t for t in (self.find(QLabel, "errorSummaryLabel").text(), said) if t)

    def type_number(self, text: str) -> None:
        field = self.find(QLineEdit, "numberInput")
        field.clear()
        self.qtbot.keyClicks(field, text)

    def set_combo(self, name: str, text: str) -> None:
        combo: QComboBox = self.find(QComboBox, name)
        combo.setEditText(text)

    def dial(self, number: str, *, force: bool = False, wait: bool = True) -> None:
        self.type_number(number)
        self.find(QCheckBox, "forceCallCheck").setChecked(force)
        self.find(QPushButton, "dialButton").click()
        if wait:
            self.wait_idle()

    def click(self, line: int, name: str) -> None:
        button: QPushButton = self.in_panel(line, QPushButton, name)
        assert button.isEnabled(), f"{name} on line {line} is disabled"
        button.click()

    def wrap_up_ids(self) -> list[str]:
        """The interaction ids the wrap-up list shows, top to bottom."""
        shown = self.find(QWidget, "wrapUpList")
        rows = shown.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return [
            w.objectName().removeprefix("wrapUp_")
            for w in rows
            if w.objectName().startswith("wrapUp_") and w.isVisibleTo(self.window)
        ]

    def click_wrap_up(self, interaction_id: str, name: str) -> None:
        """Click a button (wrapUpCodesButton, wrapUpEndButton) in the wrap-up row of this call."""
        row = self.find(QWidget, f"wrapUp_{interaction_id}")
        button: QPushButton = self.find(QPushButton, name, row)
        assert button.isEnabled(), f"{name} for {interaction_id} is disabled"
        button.click()

    def end_wrap_up(self, interaction_id: str, *, end_post_processing: bool = True) -> None:
        row = self.find(QWidget, f"wrapUp_{interaction_id}")
        self.find(QCheckBox, "wrapUpEndPostProcessingCheck", row).setChecked(end_post_processing)
        self.click_wrap_up(interaction_id, "wrapUpEndButton")
        self.wait_idle()

    def wait_idle(self, timeout: int = 10_000) -> None:
        """Until no request is in flight and the last answers have been shown."""
        self.qtbot.waitUntil(lambda: self.window.bridge.pending() == 0, timeout=timeout)
        QApplication.processEvents()

    def wait_layout(self) -> None:
        """Until the window's content has its final size: the scroll area shows or hides its bar, and resizes
        the content to the width left, a few events after a change (compact mode, a resize, a new font)."""
        scroll = self.window.window_scroll
        content, viewport, bar = scroll.widget(), scroll.viewport(), scroll.verticalScrollBar()
        assert content is not None

        def settled() -> bool:
            QApplication.processEvents()
            height = content.heightForWidth(content.width())
            return content.height() == max(viewport.height(), height) and bar.isVisible() == (
                height > viewport.height()
            )

        self.qtbot.waitUntil(settled)

    def wait_state(self, line: int, state: LineState, timeout: int = 10_000) -> None:
        self.qtbot.waitUntil(lambda: self.window.lines[line].state is state, timeout=timeout)

    def api_requests(self) -> list[tuple[str, str]]:
        """What the simulator saw, agent-status reads left out (the window refreshes them on its own)."""
        return [(r.method, r.path) for r in self.sim.requests if "/agentstatus/" not in r.path]

    def last_request(self) -> Any:
        """The simulator's last Call API request (agent-status reads skipped)."""
        return [r for r in self.sim.requests if "/agentstatus/" not in r.path][-1]
