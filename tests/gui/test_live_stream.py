"""The window follows 8x8's event stream: the demo's simulator serves it over a real WebSocket on loopback, and what
happens elsewhere (the customer, another client, a supervisor) reaches the panels within a second."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import AGENT, Driver
from pytestqt.qtbot import QtBot

from ccdesk.api.models import AgentState
from ccdesk.core.lines import LineState
from ccdesk.ui.qt import QAction, QLabel

WITHIN = 1000  # ms: "each reflected in the window within one second"


@pytest.fixture
def live(open_window: Callable[..., Driver], qtbot: QtBot) -> Driver:
    driver = open_window("--demo", stream=True)
    label = driver.find(QLabel, "streamStateLabel")
    qtbot.waitUntil(lambda: label.text() == "Live", timeout=5000)
    return driver


def stream_text(driver: Driver) -> str:
    return driver.find(QLabel, "streamStateLabel").text()


def test_the_header_says_live(live: Driver) -> None:
    label = live.find(QLabel, "streamStateLabel")
    assert label.isVisible() and label.text() == "Live"
    assert "agent-v1/" + AGENT in label.toolTip()


def test_the_customer_hanging_up_moves_the_call_to_wrap_up(live: Driver, qtbot: QtBot) -> None:
    live.dial("+1 617 555 0101")
    iid = live.window.lines[1].interaction_id
    live.sim.state.customer_answers(iid)
    live.sim.state.customer_hangs_up(iid)
    qtbot.waitUntil(lambda: live.wrap_up_ids() == [iid], timeout=WITHIN)
    assert live.window.lines[1].state is LineState.IDLE
    assert live.api_requests()[-1][0] != "DELETE"  # nothing was asked of 8x8: the event said it


def test_a_call_not_answered_clears_its_line(live: Driver, qtbot: QtBot) -> None:
    live.dial("+1 617 555 0102")
    iid = live.window.lines[1].interaction_id
    live.sim.state.call_not_answered(iid)
    qtbot.waitUntil(lambda: live.window.lines[1].state is LineState.IDLE, timeout=WITHIN)
    assert live.wrap_up_ids() == []


def test_a_line_freed_by_another_client_clears(live: Driver, qtbot: QtBot) -> None:
    live.dial("+1 617 555 0103")
    iid = live.window.lines[1].interaction_id
    live.sim.state.free_line(AGENT, "1")  # a supervisor's console, Agent Workspace...
    qtbot.waitUntil(lambda: live.window.lines[1].state is LineState.IDLE, timeout=WITHIN)
    assert live.wrap_up_ids() == [iid]


def test_an_inbound_call_appears_as_another_call(live: Driver, qtbot: QtBot) -> None:
    iid = live.sim.state.another_call_arrives(AGENT)
    qtbot.waitUntil(lambda: live.window.lines[1].interaction_id == iid, timeout=WITHIN)
    call = live.window.lines[1]
    assert call.foreign and call.state is LineState.LIVE
    assert live.state_text(1)  # the panel renders it
    # the agent can act on it like any call: hang up, and the platform agrees
    live.click(1, "hangUpButton")
    live.wait_idle()
    assert live.sim.state.snapshot_lines(AGENT) == [None, None]
    assert live.wrap_up_ids() == [iid]


def test_a_status_set_by_a_supervisor_reaches_the_header_and_the_tray(live: Driver, qtbot: QtBot) -> None:
    live.sim.state.set_agent_status(AGENT, {"agent-status": int(AgentState.ON_BREAK)})
    qtbot.waitUntil(
        lambda: (
            live.window.controller.agent is not None
            and live.window.controller.agent.status == AgentState.ON_BREAK
        ),
        timeout=WITHIN,
    )
    assert "On break" in live.window.status_input.toolTip()
    tray = live.window.tray
    assert tray is not None and "On break" in tray.icon.toolTip()
    assert tray.menu.findChild(QAction, f"trayStatus_{int(AgentState.ON_BREAK)}").isChecked()


def test_a_dropped_stream_reconnects_and_misses_nothing(live: Driver, qtbot: QtBot) -> None:
    live.dial("+1 617 555 0104")
    iid = live.window.lines[1].interaction_id
    live.sim.stream.drop()
    live.sim.state.customer_answers(iid)
    live.sim.state.customer_hangs_up(iid)  # while the stream is down
    qtbot.waitUntil(lambda: live.wrap_up_ids() == [iid], timeout=5000)
    qtbot.waitUntil(lambda: stream_text(live) == "Live", timeout=5000)


def test_without_a_stream_the_header_says_nothing(open_window: Callable[..., Driver]) -> None:
    driver = open_window("--demo")
    assert not driver.find(QLabel, "streamStateLabel").isVisible()


def test_the_demo_menu_plays_the_platform(live: Driver, qtbot: QtBot) -> None:
    """Demo > call not answered, another call arrives, drop the event stream: each reaches the window."""

    def trigger(name: str) -> None:
        action = live.window.findChild(QAction, name)
        assert action is not None, name
        action.trigger()

    live.dial("+1 617 555 0105")
    trigger("demoNotAnswered_1")
    qtbot.waitUntil(lambda: live.window.lines[1].state is LineState.IDLE, timeout=WITHIN)
    trigger("demoAnotherCall")
    qtbot.waitUntil(lambda: live.window.lines[1].foreign, timeout=WITHIN)
    trigger("demoDropStream")
    assert "cut (1 connection(s))" in live.window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: stream_text(live) == "Live", timeout=5000)
    trigger("demoCustomerHangsUp_1")
    qtbot.waitUntil(lambda: live.window.lines[1].state is LineState.IDLE, timeout=WITHIN)
    assert live.wrap_up_ids() and live.sim.state.snapshot_lines(AGENT) == [None, None]
