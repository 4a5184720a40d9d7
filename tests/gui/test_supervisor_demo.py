"""The supervisor console against the demo scenario a working day in (issue 12, point 9): agents stuck on calls
and in wrap-up since 8x8's times, status codes by name, "Select stuck", a bulk question that summarises, Cancel at
0.5 s of latency over real HTTP, results and audit that are never cut, and the Demo menu's armed fault."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_supervisor import DEMO_AGENT, TENANT, Clock
from test_supervisor_live import LiveConsole, stream_threads

from ccdesk.api.models import AgentState, AgentStatus
from ccdesk.api.stream import endpoint_for
from ccdesk.app import build_parser, demo_session
from ccdesk.core.journal import Journal
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import ProfileStore
from ccdesk.core.roster import RosterEntry
from ccdesk.core.settings import make_client
from ccdesk.core.stream_settings import StreamSettings
from ccdesk.sim import RunningServer, RunningStream, Simulator, TenantState, serve_in_thread, serve_stream
from ccdesk.sim.transport import SimTransport
from ccdesk.ui import supervisor as supervisor_module
from ccdesk.ui.qt import (
    QAction,
    QApplication,
    QComboBox,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QRect,
    QSpinBox,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTimer,
    QToolButton,
)
from ccdesk.ui.session import Session
from ccdesk.ui.supervisor import SupervisorWindow
from ccdesk.ui.supervisor_confirm import BulkPlan, summary

OWEN, SOFIA = "agN7rQeXc2TfuWbk3LmPq9sA", "agV4mYtLw8KpZs1dHq6RnE2c"  # busy 25 and 27 min
WEI, GRACE = "agP2hJcXo5WnGv9eRt3YkB7d", "agF6sLbNq1ZxCe8uMw4TjH0r"  # in wrap-up 40 and 44 min
LIAM = "agR3tKpW9cYb2NhLs7VmQx5f"  # busy 3 min: not stuck
STUCK = {OWEN, SOFIA, WEI, GRACE}
DMITRI, FARAH, BEN = "agjMeI8cFSmj83LDUL4CsJw2", "agHsGQeZ52G6SIowp6asvorc", "agKm51zfFoWbSrHAE56yUhQq"


@pytest.fixture
def demo_console(qtbot: QtBot) -> Iterator[Callable[..., LiveConsole]]:
    """The console on the demo tenant a working day in, following its event stream like `ccdesk --demo`;
    `http=True` sends its requests over real loopback HTTP instead of the in-process transport."""
    opened: list[SupervisorWindow] = []
    servers: list[RunningStream | RunningServer] = []

    def factory(sim: Simulator | None = None, *, http: bool = False) -> LiveConsole:
        sim = sim or Simulator(history=True)
        clock = Clock()  # after the simulator: ccdesk looks a moment after the history was played
        stream = serve_stream(sim)
        servers.append(stream)
        dirs = app_dirs().ensure()
        base = demo_session(dirs, ProfileStore(dirs.config_file), build_parser().parse_args(["--demo"]))
        settings = base.settings
        transport: Any = SimTransport(sim)
        if http:
            rest = serve_in_thread(sim)
            servers.append(rest)
            settings = dataclasses.replace(settings, base_url=rest.url)
            transport = None
        endpoint = endpoint_for(tenant=TENANT, topic="event-v1/AgentStatusChange", url=stream.url)
        session: Session = dataclasses.replace(
            base,
            settings=settings,
            journal=Journal(":memory:", clock=clock),
            simulator_factory=lambda: sim,
            client_factory=lambda: make_client(settings, base.store, env={}, transport=transport),
            stream_factory=lambda: StreamSettings(endpoint, stream.key, endpoint.topic),
        )
        window = SupervisorWindow(session)
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        console = LiveConsole(window, sim, clock, qtbot)
        console.stream = stream
        console.wait_live()
        held = sim.state.events.messages("event-v1/AgentStatusChange")
        if held:  # the changes 8x8 holds are read on opening: wait until the last one is applied
            last = held[-1].message_id
            qtbot.waitUntil(lambda: window._stream_position == last, timeout=10_000)
            console.wait_idle()
        return console

    yield factory
    for window in opened:
        window.close()
        assert window.bridge.shutdown(5000)
        window.session.close()
        window.deleteLater()
    for server in servers:
        server.stop()
    QApplication.processEvents()
    assert stream_threads() == []


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer yes to every single-agent question (the bulk question is answered by each test)."""
    titles: list[str] = []

    def yes(_parent: object, title: str, _text: str) -> bool:
        titles.append(title)
        return True

    monkeypatch.setattr(supervisor_module, "confirm", yes)
    return titles


def answer_bulk_question(*, go: bool, details: bool = False) -> dict[str, Any]:
    """Answer the next bulk question by its controls; returns what it showed."""
    seen: dict[str, Any] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "bulkConfirmDialog"
        seen["title"] = dialog.windowTitle()
        seen["summary"] = dialog.findChild(QLabel, "bulkConfirmSummary").text()
        table: QTableWidget = dialog.findChild(QTableWidget, "bulkConfirmDetails")
        seen["details_hidden"] = not table.isVisible()
        if details:
            dialog.findChild(QToolButton, "bulkConfirmDetailsButton").click()
            seen["details"] = [
                [table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())
            ]
            seen["details_cut"] = cut_cells(table)
        seen["default"] = next(b.text() for b in dialog.findChildren(QPushButton) if b.isDefault())
        dialog.findChild(QPushButton, "bulkConfirmButton").click() if go else dialog.reject()

    QTimer.singleShot(0, answer)
    return seen


def cut_cells(view: QTableView) -> list[str]:
    """Every header and cell whose text does not fit as the view shows it: wider than its column (Qt cuts it
    with "…") or, wrapped, taller than its row. A grid paints cells 1 px narrower than the column."""
    model, header = view.model(), view.horizontalHeader()
    grid = 1 if view.showGrid() else 0
    cut = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        if header.sectionSizeHint(column) > header.sectionSize(column):
            cut.append(f"header {model.headerData(column, header.orientation())!r}")
        for row in range(model.rowCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = QRect(0, 0, view.columnWidth(column) - grid, view.rowHeight(row) - grid)
            hint = view.itemDelegateForIndex(index).sizeHint(option, index)
            if hint.width() > option.rect.width() or hint.height() > option.rect.height():
                cut.append(f"row {row} column {column}: {index.data()!r}")
    return cut


def selected_ids(console: LiveConsole) -> set[str]:
    return {e.agent_id for e in console.window.selected_entries()}


# -- the Stuck view ------------------------------------------------------------------------------------------


def test_the_stuck_view_lists_the_stuck_agents_since_8x8s_time(
    demo_console: Callable[..., LiveConsole],
) -> None:
    console = demo_console()
    combo: QComboBox = console.find(QComboBox, "rosterStatusFilter")
    combo.setCurrentText("Stuck")
    assert console.find(QSpinBox, "stuckMinutesInput").value() == 10
    rows = {r["Agent id"]: r for r in console.rows()}
    assert set(rows) == STUCK  # Liam, busy 3 min, is not stuck
    assert {a: (r["Status"], r["In this status"]) for a, r in rows.items()} == {
        OWEN: ("Busy", "25 min"),
        SOFIA: ("Busy", "27 min"),
        WEI: ("Wrap-up", "40 min"),
        GRACE: ("Wrap-up", "44 min"),
    }
    assert all("8x8's status event" in console.since_tip(a) for a in STUCK)
    assert "Wrap-up" in [combo.itemText(i) for i in range(combo.count())]  # the filter says wrap-up too


def test_codes_are_named_from_the_tenants_status_code_lists(demo_console: Callable[..., LiveConsole]) -> None:
    console = demo_console()
    assert console.row(DMITRI)["Code"] == "Lunch break (Lunch)"
    assert console.row(FARAH)["Code"] == "Answering email (Email)"
    assert console.row(OWEN)["Code"] == ""
    console.sim.state.force_agent(BEN, AgentState.ON_BREAK, status_code_list_id=801, status_code_item_id=9999)
    console.refresh()
    assert console.row(BEN)["Code"] == "801:9999"  # nothing names it: its numbers, as a last resort


# -- Select stuck and the bulk question -----------------------------------------------------------------------


def test_select_stuck_selects_only_the_agents_the_stuck_view_flags(
    demo_console: Callable[..., LiveConsole],
) -> None:
    console = demo_console()
    console.click("selectStuckButton")  # from the whole roster, not only the Stuck view
    assert selected_ids(console) == STUCK
    console.find(QSpinBox, "stuckMinutesInput").setValue(30)
    console.click("selectStuckButton")
    assert selected_ids(console) == {WEI, GRACE}
    console.find(QSpinBox, "stuckMinutesInput").setValue(120)
    console.click("selectStuckButton")
    assert selected_ids(console) == set()
    assert (
        "No agent shown is busy or in wrap-up for more than 120 min"
        in console.window.statusBar().currentMessage()
    )


def test_the_bulk_question_summarises_and_lists_details_on_demand(
    demo_console: Callable[..., LiveConsole],
) -> None:
    console = demo_console()
    console.click("selectStuckButton")
    console.sim.clear_requests()
    seen = answer_bulk_question(go=False, details=True)
    console.click("bulkFreeButton")
    console.wait_idle()
    assert seen["title"] == "Free all lines of 4 agents"
    assert seen["summary"].splitlines() == [
        "4 agents: 2 Busy, 2 Wrap-up.",
        "2 of them have calls on their lines. Callers on these lines will be disconnected.",
        "ccdesk sends 4 requests, 4 at a time; Cancel stops sending new ones. This cannot be undone.",
    ]
    assert seen["details_hidden"] and seen["default"] == "Cancel"
    details = {row[1]: row for row in seen["details"]}
    assert set(details) == STUCK and seen["details_cut"] == []
    assert details[OWEN] == [
        "Owen Brady",
        OWEN,
        "Busy (on a call)",
        "25 min",
        f"DELETE /tenants/{TENANT}/agents/{OWEN}/calls",
    ]
    assert console.action_requests() == []  # cancelled: nothing sent

    console.click("selectAllShownButton")  # everyone: the question says who is only Available
    seen = answer_bulk_question(go=False)
    console.click("bulkFreeButton")
    console.wait_idle()
    assert "are Available: probably nothing to free there." in seen["summary"]
    assert seen["summary"].startswith("33 agents: 17 Available, 5 Work offline, 3 Busy, 3 On break, ")


def test_a_status_change_question_says_who_is_on_a_call_but_not_that_callers_are_cut(
    demo_console: Callable[..., LiveConsole],
) -> None:
    console = demo_console()
    console.select(OWEN, BEN)

    seen: dict[str, Any] = {}

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        status = dialog.findChild(QComboBox, "statusChoice")
        status.setCurrentIndex(status.findText("On break"))
        seen.update(question=answer_bulk_question(go=False))  # the bulk question comes next
        dialog.accept()

    QTimer.singleShot(0, choose)
    console.click("bulkStatusButton")
    console.wait_idle()
    seen = seen["question"]
    assert seen["title"] == "Set 2 agents to On break"
    assert "1 of them is on a call now." in seen["summary"] and "disconnected" not in seen["summary"]


# -- Cancel, progress, results --------------------------------------------------------------------------------


def test_cancel_at_half_a_second_of_latency_stops_new_requests_over_http(
    demo_console: Callable[..., LiveConsole],
) -> None:
    """Latency from the Demo menu slows the bulk run over real HTTP; the progress shows, Cancel stops it."""
    sim = Simulator(TenantState(extra_agents=24, history=True))
    extra = [f"agSim{n:04d}" for n in range(1, 25)]
    for agent_id in extra:
        sim.state.place_call(agent_id, "1", "6175551984", "")
    console = demo_console(sim, http=True)
    menu: QMenu = console.find(QMenu, "supervisorDemoMenu")
    menu.aboutToShow.emit()
    console.find(QAction, "demoLatency_500").trigger()
    menu.aboutToShow.emit()
    assert console.find(QAction, "demoLatency_500").isChecked()
    assert not console.find(QAction, "demoLatency_0").isChecked()
    assert "0.5 s" in menu.findChild(QMenu, "demoLatencyMenu").title()
    assert console.find(QLabel, "demoLatencyLabel").text() == "Demo: the simulator answers after 0.5 s"
    console.find(QLineEdit, "rosterFilterInput").setText("agSim")
    console.click("selectAllShownButton")
    assert selected_ids(console) == set(extra)
    sim.clear_requests()
    answer_bulk_question(go=True)
    console.click("bulkFreeButton")
    progress: QProgressBar = console.find(QProgressBar, "bulkProgress")
    console.qtbot.waitUntil(lambda: progress.value() >= 1, timeout=10_000)
    assert progress.isVisible() and progress.text() == f"{progress.value()} of 24 answered"
    assert progress.value() < 24 and console.find(QPushButton, "bulkCancelButton").isEnabled()
    console.click("bulkCancelButton")
    console.wait_idle()

    deletes = [r for r in sim.requests if r.method == "DELETE"]
    assert 4 <= len(deletes) <= 12  # the first four, and those sent before Cancel; never all 24
    results = console.results()
    assert len(results) == 24 and progress.value() == 24
    assert sum(r["Result"] == "Lines freed" for r in results) == len(deletes)
    assert sum(r["Result"] == "Free all lines: not sent (cancelled)" for r in results) == 24 - len(deletes)
    assert "Cancelled: nothing more was sent after that." in console.find(QLabel, "bulkSummaryLabel").text()
    assert sum(line is not None for a in extra for line in console.lines(a)[:1]) == 24 - len(deletes)


def test_results_and_audit_show_every_row_whole_and_the_selection_stays(
    demo_console: Callable[..., LiveConsole],
) -> None:
    console = demo_console()
    console.window.resize(*supervisor_module.DEFAULT_SIZE)  # the size it opens with
    long_reason = (
        f"Agent=[{GRACE}] is locked by another supervisor (acmecorp01-supervisor-7) until the current "
        "evaluation session ends; ask them to release the agent, then try again"
    )
    console.sim.add_fault("status", status=400, reasons=[long_reason], path_contains=GRACE)
    table: QTableView = console.find(QTableView, "rosterTable")
    table.sortByColumn(2, table.horizontalHeader().sortIndicatorOrder())  # by status: rows move after the run
    console.click("selectStuckButton")
    model = table.model()
    wei = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 1).data() == WEI)
    table.selectionModel().setCurrentIndex(wei, QItemSelectionModel.SelectionFlag.NoUpdate)
    answer_bulk_question(go=True)
    console.click("bulkFreeButton")
    console.wait_idle()

    assert selected_ids(console) == STUCK  # the same agents, wherever their rows went
    current = table.currentIndex()
    assert current.isValid() and model.index(current.row(), 1).data() == WEI  # the keyboard goes on from Wei
    results = {r["Agent id"]: r for r in console.results()}
    assert set(results) == STUCK
    assert results[OWEN]["Result"] == "Lines freed" and results[SOFIA]["Result"] == "Lines freed"
    assert results[WEI]["Result"] == "Free all lines: nothing to free"
    assert results[GRACE]["Result"] == "Free all lines: failed"
    assert results[GRACE]["Details"] == (
        f"The platform refused the request; its reasons say why.\n8x8 said: HTTP 400: {long_reason}"
    )
    assert "Status" not in results[GRACE]  # no bare HTTP code as a column
    panel: QTableWidget = console.find(QTableWidget, "bulkResultsTable")
    assert cut_cells(panel) == []
    assert (
        panel.viewport().height() >= 5 * panel.verticalHeader().defaultSectionSize()
    )  # rows, not one and a half
    assert cut_cells(table) == []
    console.window.tabs.setCurrentIndex(1)
    audit: QTableView = console.find(QTableView, "auditTable")
    assert audit.model().rowCount() == 4 and cut_cells(audit) == []
    when = audit.model().index(0, 0).data()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", when)
    names = {audit.model().index(r, 2).data() for r in range(4)}
    assert names == {"Owen Brady", "Sofia Marchetti", "Wei Zhang", "Grace Mensah"}  # named from the roster


def test_a_failed_roster_read_is_worded_by_the_one_presentation(
    demo_console: Callable[..., LiveConsole],
) -> None:
    console = demo_console()
    console.sim.add_fault(
        "status", status=500, reasons=["Database unavailable"], path_contains="/agentstatus/"
    )
    console.refresh()
    text = console.find(QLabel, "rosterBannerText").text()
    assert text.startswith(
        "The roster could not be read. The 8x8 platform had a problem. Try again in a moment."
    )
    assert text.endswith("8x8 said: HTTP 500: Database unavailable")
    assert "Error" not in text  # never an exception's name


# -- the Demo menu --------------------------------------------------------------------------------------------


def test_a_demo_fault_picked_replaces_the_one_armed_before_and_shows(open_window) -> None:  # type: ignore[no-untyped-def]
    """The issue: 'the next dial still fails with the previous pick'. Now the last pick is armed, alone."""
    demo = open_window("--demo")
    menu: QMenu = demo.window.findChild(QMenu, "demoFaultsMenu")
    demo.window.demo_menu.aboutToShow.emit()
    demo.window.findChild(QAction, "demoFault_agentBusy").trigger()
    demo.window.findChild(QAction, "demoFault_http500").trigger()
    demo.window.demo_menu.aboutToShow.emit()
    assert [a.objectName() for a in menu.actions() if a.isChecked()] == ["demoFault_http500"]
    assert menu.title() == "Next request &fails with: 500 server error"
    assert [f.status for f in demo.sim.faults] == [500]  # replaced, not queued behind the first pick
    demo.dial("+1 617 555 0142")
    demo.wait_idle()
    assert demo.sim.faults == []
    demo.window.demo_menu.aboutToShow.emit()
    assert [a for a in menu.actions() if a.isChecked()] == [] and menu.title() == "Next request &fails with"
    demo.window.findChild(QAction, "demoFault_http410").trigger()
    demo.window.findChild(QAction, "demoFault_http410").trigger()  # unchecked again: disarmed
    assert demo.sim.faults == []


def test_a_single_action_says_its_result_in_words_and_8x8s_in_the_tooltip(
    demo_console: Callable[..., LiveConsole], asked: list[str]
) -> None:
    console = demo_console()
    console.select(DEMO_AGENT)
    console.click("freeLine2Button")  # nothing there
    console.wait_idle()
    note: QLabel = console.find(QLabel, "singleActionNote")
    assert note.isVisible()
    assert note.text() == "Ilya Workshard: Nothing to free on that line: it is already free."
    assert f"8x8 said: HTTP 400: Failed to find any interaction on line [2] for agent [{DEMO_AGENT}]." in (
        note.toolTip()
    )
    console.select(OWEN)
    console.click("freeAllButton")
    console.wait_idle()
    assert note.text() == "Owen Brady: Lines freed."
    assert asked[-1] == f"Free all lines of agent {OWEN}"


def test_the_question_cannot_tell_who_is_on_a_call_from_an_imported_roster() -> None:
    entries = [RosterEntry(AgentStatus("ag1", name="Ann"), None, from_file=True)]
    plan = BulkPlan("Free all lines of 1 agent", "Free lines", entries, [], True, 4, TENANT, 0.0)
    assert summary(plan).splitlines()[:2] == [
        "1 agent: 1 status unknown.",
        "ccdesk cannot tell whether they are on calls. Callers on these lines will be disconnected.",
    ]
