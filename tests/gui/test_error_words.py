"""What an agent reads when something fails or succeeds (issue 12, point 4): plain words and the next step
first, 8x8's words second and on demand, never cut, never an exception's name, never a sentence twice."""

from __future__ import annotations

import re

import pytest
from gui_driver import Driver

from ccdesk.core.lines import LineState
from ccdesk.ui.qt import QApplication, QLabel, QMessageBox, QToolButton
from ccdesk.ui.status_button import StatusButton

CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(Error|Exception)\b")


def sentences_once(text: str) -> bool:
    said = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return len(said) == len(set(said))


def test_a_busy_agent_reads_the_next_step_first_and_8x8s_words_on_demand(demo: Driver) -> None:
    demo.dial("+1 617 555 0101")
    demo.dial("+1 617 555 0102")  # no Force call: 8x8 refuses
    assert demo.window.lines[2].state is LineState.FAILED
    words = demo.in_panel(2, QLabel, "lineErrorLabel").text()
    assert words.startswith("Nothing was dialled. The agent is on another call: tick Force call")
    assert "HTTP" not in words and "Agent=[" not in words and sentences_once(words)
    details = demo.in_panel(2, QLabel, "lineErrorDetailsLabel")
    button = demo.in_panel(2, QToolButton, "lineErrorDetailsButton")
    assert button.isVisibleTo(demo.window) and not details.isVisibleTo(demo.window)
    button.click()
    assert details.isVisibleTo(demo.window)
    assert (
        details.text().startswith("8x8 said: HTTP 400: Agent=[")
        and "busy phone interaction" in details.text()
    )
    status = demo.window.statusBar()
    message = status.currentMessage()
    assert message == "Line 2: not dialled (line 2 says why)."
    assert status.fontMetrics().horizontalAdvance(message) < status.width()  # whole, not cut


def test_a_refusal_names_the_status_ccdesk_knows(demo: Driver) -> None:
    """On break, 8x8 refuses a call as "not available": ccdesk knows why and says so instead of guessing."""
    demo.find(StatusButton, "agentStatusInput").choose("On break")
    demo.wait_idle()
    demo.dial("+1 617 555 0101")
    words = demo.in_panel(1, QLabel, "lineErrorLabel").text()
    assert demo.window.lines[1].state is LineState.FAILED
    assert "The agent is on break" in words and "or logged out" not in words


def test_a_broken_connection_is_said_without_an_exception_name(open_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    demo = open_window("--demo", "--timeout", "0.5")
    demo.dial("+1 617 555 0101")
    demo.sim.add_fault("drop", method="DELETE", path_contains="/agent/")
    demo.click(1, "hangUpButton")
    demo.wait_idle(timeout=20_000)
    everything = "\n".join(
        [demo.error_text(1), demo.window.statusBar().currentMessage(), demo.error_bar_text()]
        + [
            r.message_label.text() + r.message_label.toolTip()
            for r in map(demo.window.wrap_ups.row, demo.wrap_up_ids())
            if r
        ]
    )
    assert not CLASS_NAME.search(everything), everything


def test_success_is_said_in_ccdesks_words(demo: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    demo.dial("+1 617 555 0101")
    assert demo.window.statusBar().currentMessage() == "Line 1: dialled +1 617-555-0101."
    iid = demo.window.lines[1].interaction_id
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    assert (
        demo.window.statusBar().currentMessage() == "Hung up the call to +1 617-555-0101; it is in wrap-up."
    )
    demo.end_wrap_up(iid)
    message = demo.window.statusBar().currentMessage()
    assert message == "Ended the call to +1 617-555-0101 and its wrap-up."
    assert "interactionGuid" not in message and "successful" not in message


def test_a_failure_that_belongs_to_no_line_is_shown_whole_above_the_content(
    demo: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    demo.sim.add_fault(
        "status", status=500, reasons=["Internal failure [x]"], method="DELETE", path_contains="/calls"
    )
    demo.window.free_all_lines()
    demo.wait_idle(timeout=20_000)
    text = demo.error_bar_text()
    assert text.startswith("Lines not freed: The 8x8 platform had a problem. Try again in a moment.")
    bar = demo.find(QLabel, "errorSummaryLabel")
    assert bar.wordWrap() and "HTTP" not in bar.text()
    demo.find(QToolButton, "errorDetailsButton").click()
    assert demo.find(QLabel, "errorDetailsLabel").text() == "8x8 said: HTTP 500: Internal failure [x]"
    demo.find(QToolButton, "errorCloseButton").click()
    QApplication.processEvents()
    assert demo.error_bar_text() == ""


def test_a_rejected_token_stays_said_while_the_other_api_answers(demo: Driver) -> None:
    """The first release showed "Connected" again as soon as a status read (another API) worked after a 401."""
    demo.sim.add_fault(
        "status", status=401, reasons=["Authentication failed"], method="POST", path_contains="/calls"
    )
    demo.dial("+1 617 555 0101")
    demo.window.refresh_agent_status()
    demo.wait_idle()
    header = demo.find(QLabel, "connectionLabel").text()
    assert "Token rejected (Call API)" in header and "Connected" not in header
    demo.sim.clear_faults()
    demo.dial("+1 617 555 0101")
    assert "Connected" in demo.find(QLabel, "connectionLabel").text()


def test_switching_the_status_api_off_in_the_demo_shows_at_once(demo: Driver) -> None:
    from ccdesk.ui.qt import QAction

    demo.window.findChild(QAction, "demoAgentStatusApi").trigger()
    demo.wait_idle()
    status = demo.find(StatusButton, "agentStatusInput")
    assert not status.isEnabled() and status.text() == "Not available"
    assert demo.find(QLabel, "agentStatusLabel").text() == ""  # no cramped "Status unavailable Status [...]"
