"""Recent calls in the real window: Enter or a double-click dials again through the Dial button's questions,
and every row says what the lines say."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import Driver
from pytestqt.qtbot import QtBot

from ccdesk.core.lines import LineState
from ccdesk.ui.qt import QLabel, QListWidget, QMessageBox, Qt


def posts(demo: Driver) -> int:
    return sum(r.method == "POST" and "/calls" in r.path for r in demo.sim.requests)


def test_enter_on_a_recent_call_redials_it_through_the_same_questions_as_dial(
    open_window: Callable[..., Driver], monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = open_window("--demo", "--timeout", "0.5")
    demo.sim.add_fault("drop", method="POST")  # the answer never comes: the call may be live
    demo.dial("+1 617 555 0101")
    assert demo.window.lines[1].state is LineState.UNKNOWN
    asked: list[str] = []
    reply = [QMessageBox.StandardButton.Cancel]

    def question(_parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
        asked.append(title)
        return reply[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    recent = demo.find(QListWidget, "recentCallsList")
    recent.setFocus()
    recent.setCurrentRow(0)
    before = posts(demo)

    demo.qtbot.keyClick(recent, Qt.Key.Key_Return)  # Cancel: nothing is sent
    demo.wait_idle()
    assert asked == ["Dial the same number again?"]
    assert posts(demo) == before
    assert demo.window.dial_panel.dial_button.text() == "Dial"

    reply[0] = QMessageBox.StandardButton.Yes
    demo.qtbot.keyClick(recent, Qt.Key.Key_Return)
    demo.wait_idle()
    assert asked == ["Dial the same number again?"] * 2
    assert posts(demo) == before + 1
    assert demo.last_request().json["number"] == "6175550101"
    held = [c.display for c in demo.window.lines.held()]
    assert held == ["+1 617-555-0101"]  # placed; 8x8's answer showed the first one was not live


def test_a_double_click_dials_a_refused_call_again_at_once(demo: Driver) -> None:
    demo.sim.add_fault("status", status=400, reasons=["Agent=[x] not available"], method="POST")
    demo.dial("+1 617 555 0101")
    assert demo.window.lines[1].state is LineState.FAILED
    recent = demo.find(QListWidget, "recentCallsList")
    centre = recent.visualItemRect(recent.item(0)).center()
    demo.qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    demo.qtbot.mouseDClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    demo.wait_idle()
    assert demo.window.lines[1].state is LineState.LIVE
    assert demo.last_request().json["number"] == "6175550101"


def test_recent_rows_say_what_the_lines_say(demo: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    recent = demo.find(QListWidget, "recentCallsList")
    demo.dial("+1 617 555 0101")
    iid = demo.window.lines[1].interaction_id
    assert "on a call" in recent.item(0).text()
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    assert demo.wrap_up_ids() == [iid] and "in wrap-up" in recent.item(0).text()
    demo.end_wrap_up(iid, end_post_processing=False)  # the call ends; its wrap-up stays open
    assert demo.wrap_up_ids() == [iid] and "in wrap-up" in recent.item(0).text()
    demo.end_wrap_up(iid)
    assert demo.wrap_up_ids() == []
    assert "ended" in recent.item(0).text() and "wrap-up" not in recent.item(0).text()


def test_a_wrap_up_ended_elsewhere_is_ended_in_recent_calls_when_the_lines_show_it(
    open_window: Callable[..., Driver], qtbot: QtBot
) -> None:
    """The event stream ends it before the journal's writer has written it: the row follows the lines."""
    demo = open_window("--demo", stream=True)
    qtbot.waitUntil(lambda: demo.find(QLabel, "streamStateLabel").text() == "Live", timeout=5000)
    recent = demo.find(QListWidget, "recentCallsList")
    demo.dial("+1 617 555 0101")
    iid = demo.window.lines[1].interaction_id
    demo.sim.state.customer_answers(iid)
    demo.sim.state.customer_hangs_up(iid)
    qtbot.waitUntil(lambda: demo.wrap_up_ids() == [iid], timeout=5000)
    assert "in wrap-up" in recent.item(0).text()  # not "on a call" until the journal's writer catches up
    demo.sim.state.end_call(iid, end_post_processing=True)  # Agent Workspace ends the wrap-up
    qtbot.waitUntil(lambda: demo.wrap_up_ids() == [], timeout=5000)
    assert "ended" in recent.item(0).text() and "wrap-up" not in recent.item(0).text()
