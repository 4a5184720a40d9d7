"""The supervisor console following 8x8's event stream (the simulator's, over a real loopback WebSocket)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_supervisor import DEMO_AGENT, TENANT, Clock, Console

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.models import AgentState, StatusChange
from ccdesk.api.stream import endpoint_for
from ccdesk.app import build_parser, demo_session
from ccdesk.core.journal import Journal
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import ProfileStore
from ccdesk.core.settings import make_client
from ccdesk.core.stream_settings import StreamSettings
from ccdesk.sim import RunningStream, Simulator, TenantState, serve_stream
from ccdesk.sim.transport import SimTransport
from ccdesk.ui.bridge import Bridge
from ccdesk.ui.qt import QApplication, QComboBox, QLabel, QLineEdit, QSpinBox, Qt, QTableView
from ccdesk.ui.session import Session
from ccdesk.ui.supervisor import SupervisorWindow

EVENT_WAIT_MS = 1000  # a status change must be on screen within a second
STREAM_THREAD = "ccdesk-event-stream"
BEN = "agKm51zfFoWbSrHAE56yUhQq"  # group 100, available


class LiveConsole(Console):
    """The console driver, plus the stream it reads and a second client acting as another supervisor."""

    stream: RunningStream

    def stream_text(self) -> str:
        label: QLabel = self.find(QLabel, "rosterStreamLabel")
        return label.text() if label.isVisible() else ""

    def stream_tip(self) -> str:
        return str(self.find(QLabel, "rosterStreamLabel").toolTip())

    def wait_live(self) -> None:
        self.qtbot.waitUntil(lambda: self.stream_text() == "Live", timeout=5000)
        self.wait_idle()  # the read that follows going live

    def row(self, agent_id: str) -> dict[str, str]:
        return next(r for r in self.rows() if r["Agent id"] == agent_id)

    def since_tip(self, agent_id: str) -> str:
        table: QTableView = self.find(QTableView, "rosterTable")
        model = table.model()
        row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == agent_id)
        return str(model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole))

    def other_supervisor_sets(self, agent_id: str, change: StatusChange) -> None:
        """A status set through the Agent Status API by someone else (another supervisor, Agent Workspace)."""
        session = self.window.session
        with make_client(session.settings, session.store, env={}, transport=SimTransport(self.sim)) as client:
            client.set_agent_status(agent_id, change)


def stream_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == STREAM_THREAD]


@pytest.fixture
def live_console(qtbot: QtBot) -> Iterator[Callable[..., LiveConsole]]:
    """A console whose session has the simulator's stream; windows, bridges, servers all stopped after."""
    opened: list[SupervisorWindow] = []
    servers: list[RunningStream] = []

    def factory(
        sim: Simulator | None = None,
        *,
        key: str | None = None,
        stream_factory: Callable[[], Any] | None = None,
        shared_bridge: bool = False,
    ) -> LiveConsole:
        clock = Clock()
        clock.now = float(int(clock.now)) + 0.5  # ccdesk's first look is never a whole second; events are
        sim = sim or Simulator(TenantState(now=clock))
        running = serve_stream(sim)
        servers.append(running)
        dirs = app_dirs().ensure()
        base = demo_session(dirs, ProfileStore(dirs.config_file), build_parser().parse_args(["--demo"]))
        endpoint = endpoint_for(tenant=TENANT, topic=f"agent-v1/{DEMO_AGENT}", url=running.url)
        settings = StreamSettings(endpoint, key or running.key, endpoint.topic)
        session: Session = dataclasses.replace(
            base,
            journal=Journal(":memory:", clock=clock),
            simulator_factory=lambda: sim,
            client_factory=lambda: make_client(
                base.settings, base.store, env={}, transport=SimTransport(sim)
            ),
            stream_factory=stream_factory or (lambda: settings),
        )
        window = SupervisorWindow(
            session, Bridge() if shared_bridge else None
        )  # shared: from the main window
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        console = LiveConsole(window, sim, clock, qtbot)
        console.stream = running
        qtbot.waitUntil(lambda: window._roster_read, timeout=10_000)
        console.wait_idle()
        return console

    yield factory
    for window in opened:
        window.close()
        assert window.bridge.shutdown(5000)
        window.session.close()
        window.deleteLater()
    for running in servers:
        running.stop()
    QApplication.processEvents()
    assert stream_threads() == []


def test_a_status_set_elsewhere_shows_within_a_second_with_the_events_time(
    live_console: Callable[..., LiveConsole],
) -> None:
    console = live_console()
    console.wait_live()
    first_look = console.clock.now
    assert console.row(DEMO_AGENT)["Status"] == "Available"
    assert "does not say since when" in console.since_tip(DEMO_AGENT)
    console.sim.clear_requests()

    console.clock.now += 30  # 8x8's statusEventTS is whole seconds: the event says first_look + 29.5
    console.other_supervisor_sets(DEMO_AGENT, StatusChange(AgentState.ON_BREAK, 801, 1725, "Lunch"))
    console.qtbot.waitUntil(lambda: console.row(DEMO_AGENT)["Status"] == "On break", timeout=EVENT_WAIT_MS)
    event_time = int(first_look + 30)
    assert console.row(DEMO_AGENT)["Code"] == "Lunch break (Lunch)"  # named from the tenant's status codes
    tip = console.since_tip(DEMO_AGENT)
    assert datetime.fromtimestamp(event_time).strftime("%H:%M:%S") in tip and "8x8's status event" in tip
    assert "does not say since when" not in tip
    reads = [r for r in console.sim.requests if r.method == "GET"]
    assert reads == []  # the stream told the console; it did not read the roster again

    console.clock.now += 11 * 60  # a read much later finds the same status: 'since' stays the event's
    console.refresh()
    assert console.row(DEMO_AGENT)["In this status"] == "11 min"
    [row] = console.window.session.journal.query(
        "SELECT since FROM agent_seen WHERE agent_id=?", [DEMO_AGENT]
    )
    assert row["since"] == event_time


def test_the_stuck_view_counts_from_the_event(live_console: Callable[..., LiveConsole]) -> None:
    console = live_console()
    console.wait_live()
    combo: QComboBox = console.find(QComboBox, "rosterStatusFilter")
    combo.setCurrentText("Stuck")
    console.find(QSpinBox, "stuckMinutesInput").setValue(10)
    assert console.rows() == []

    console.clock.now += 100
    console.sim.state.force_agent(DEMO_AGENT, AgentState.BUSY)  # busy from now by 8x8's clock, and it stays
    console.qtbot.waitUntil(
        lambda: console.window.roster_model.by_agent()[DEMO_AGENT].agent.status == AgentState.BUSY,
        timeout=EVENT_WAIT_MS,
    )
    console.clock.now += 10 * 60 + 30
    console.refresh()  # the read says busy again: not "busy since this read"
    console.window._on_tick()
    assert [r["Agent id"] for r in console.rows()] == [DEMO_AGENT]
    assert console.rows()[0]["In this status"] == "10 min"
    console.find(QSpinBox, "stuckMinutesInput").setValue(11)
    assert console.rows() == []


def test_an_agent_outside_the_group_is_not_added_and_the_console_says_so(
    live_console: Callable[..., LiveConsole],
) -> None:
    console = live_console()
    console.wait_live()
    group: QLineEdit = console.find(QLineEdit, "rosterGroupInput")
    group.setText("200")
    group.editingFinished.emit()
    console.wait_idle()
    listed = sorted(r["Agent id"] for r in console.rows())
    assert DEMO_AGENT not in listed  # group 100 only

    console.other_supervisor_sets(BEN, StatusChange(AgentState.WORK_OFFLINE))  # group 100 too
    console.qtbot.waitUntil(lambda: "1 status change(s)" in console.stream_tip(), timeout=EVENT_WAIT_MS)
    assert sorted(r["Agent id"] for r in console.rows()) == listed
    assert "not added until Refresh lists them" in console.stream_tip()
    group.clear()
    group.editingFinished.emit()
    console.wait_idle()
    assert console.row(BEN)["Status"] == "Work offline"
    assert "8x8's status event" in console.since_tip(BEN)  # remembered while it was not shown
    assert "status change(s)" not in console.stream_tip()


def test_closing_stops_the_reader_and_opening_again_follows_the_stream(
    live_console: Callable[..., LiveConsole],
) -> None:
    console = live_console(shared_bridge=True)
    console.wait_live()
    assert len(stream_threads()) == 1
    console.window.close()
    assert stream_threads() == []

    console.window.show()  # File > Supervisor console again: the same window
    console.wait_live()
    console.other_supervisor_sets(DEMO_AGENT, StatusChange(AgentState.WORK_OFFLINE, 801, 1722, "Meet"))
    console.qtbot.waitUntil(
        lambda: console.row(DEMO_AGENT)["Code"] == "In a meeting (Meet)", timeout=EVENT_WAIT_MS
    )


def test_the_stream_state_shows_a_refused_key_and_a_half_set_up_stream(
    live_console: Callable[..., LiveConsole],
) -> None:
    console = live_console(key="eght_not-this-one")
    console.qtbot.waitUntil(lambda: console.stream_text().startswith("Failed:"), timeout=5000)
    assert "key" in console.stream_tip()
    assert console.row(DEMO_AGENT)["Status"] == "Available"  # the roster still comes from reads

    def half_set_up() -> None:
        raise ConfigurationError("CCDESK_STREAM_KEY is set but no event stream region or URL is.")

    other = live_console(stream_factory=half_set_up)
    other.qtbot.waitUntil(lambda: other.stream_text() == "Live updates: not set up", timeout=5000)
    assert "no event stream region or URL" in other.stream_tip()


def test_without_a_stream_the_console_says_nothing_about_one(
    live_console: Callable[..., LiveConsole],
) -> None:
    console = live_console(stream_factory=lambda: None)
    assert console.stream_text() == "" and stream_threads() == []


def test_the_console_opened_from_the_demo_window_follows_the_demo_stream(open_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """The window and its console each ask the session for the stream (the demo's serves both)."""
    from ccdesk.ui.qt import QAction

    demo = open_window("--demo", stream=True)
    demo.window.findChild(QAction, "supervisorAction").trigger()
    window = demo.window.supervisor
    console = LiveConsole(window, demo.window.session.simulator, Clock(), qtbot)
    console.wait_live()
    console.sim.state.force_agent(BEN, AgentState.BUSY)
    qtbot.waitUntil(lambda: console.row(BEN)["Status"] == "Busy", timeout=EVENT_WAIT_MS)
    assert "8x8's status event" in console.since_tip(BEN)
    window.close()
    assert len(stream_threads()) == 1  # the main window's own reader goes on
