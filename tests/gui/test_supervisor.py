"""The supervisor console against the simulator: roster, stuck view, single and bulk actions, audit trail."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ccdesk.api.client import CCClient
from ccdesk.api.models import AgentState, ApiResult, StatusCode
from ccdesk.app import build_parser, demo_session
from ccdesk.core.audit import AuditRecord, AuditTrail, Who, read_csv
from ccdesk.core.journal import Journal
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import Config, ProfileStore
from ccdesk.core.settings import make_client
from ccdesk.sim.app import Simulator
from ccdesk.sim.state import TenantState
from ccdesk.sim.transport import SimTransport
from ccdesk.ui import supervisor as supervisor_module
from ccdesk.ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    Qt,
    QTableView,
    QTableWidget,
    QTimer,
    QWidget,
)
from ccdesk.ui.session import Session
from ccdesk.ui.supervisor import SupervisorWindow
from ccdesk.ui.supervisor_models import NO_API_STATUS, AuditModel, result_tip

DEMO_AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TENANT = "acmecorp01"


class Clock:
    """ccdesk's clock, moved by hand (the roster's 'in this status' comes from the journal's clock)."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


class Console:
    """Drives the supervisor window by automation names."""

    def __init__(self, window: SupervisorWindow, sim: Simulator, clock: Clock, qtbot: QtBot) -> None:
        self.window, self.sim, self.clock, self.qtbot = window, sim, clock, qtbot

    def find(self, kind: type[QWidget], name: str) -> Any:
        widget = self.window.findChild(kind, name)
        assert widget is not None, f"no {kind.__name__} named {name}"
        return widget

    def click(self, name: str) -> None:
        button: QPushButton = self.find(QPushButton, name)
        assert button.isEnabled(), f"{name} is disabled"
        button.click()

    def wait_idle(self, timeout: int = 15_000) -> None:
        self.qtbot.waitUntil(lambda: self.window.bridge.pending() == 0, timeout=timeout)
        QApplication.processEvents()

    def refresh(self) -> None:
        self.wait_idle()
        self.click("rosterRefreshButton")
        self.wait_idle()

    def rows(self) -> list[dict[str, str]]:
        """The roster as shown (filtered and sorted): header -> text."""
        table: QTableView = self.find(QTableView, "rosterTable")
        model = table.model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        return [
            {headers[c]: model.index(r, c).data() for c in range(model.columnCount())}
            for r in range(model.rowCount())
        ]

    def select(self, *agent_ids: str) -> None:
        table: QTableView = self.find(QTableView, "rosterTable")
        model, selection = table.model(), table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        found = set()
        for row in range(model.rowCount()):
            if model.index(row, 1).data() in agent_ids:
                selection.select(model.index(row, 0), flags)
                found.add(model.index(row, 1).data())
        assert found == set(agent_ids)

    def results(self) -> list[dict[str, str]]:
        table: QTableWidget = self.find(QTableWidget, "bulkResultsTable")
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        return [
            {headers[c]: table.item(r, c).text() for c in range(table.columnCount())}
            for r in range(table.rowCount())
        ]

    def lines(self, agent_id: str) -> list[str | None]:
        agent = next(a for a in self.sim.state.snapshot()["agents"] if a["agent-id"] == agent_id)
        return agent["lines"]

    def call(self, agent_id: str, *, force: bool = False) -> str:
        iid, _ = self.sim.state.place_call(agent_id, "1", "6175551984", "", force_call=force)
        return iid

    def action_requests(self) -> list[tuple[str, str]]:
        return [(r.method, r.path) for r in self.sim.requests if "/agentstatus/" not in r.path]


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every confirmation with yes; the titles asked are kept."""
    asked: list[str] = []

    def answer(_parent: object, title: str, _text: str) -> bool:
        asked.append(title)
        return True

    def answer_bulk(_parent: object, plan: Any) -> bool:
        asked.append(plan.title)
        return True

    monkeypatch.setattr(supervisor_module, "confirm", answer)
    monkeypatch.setattr(supervisor_module, "confirm_bulk", answer_bulk)
    return asked


@pytest.fixture
def open_console(qtbot: QtBot) -> Iterator[Callable[..., Console]]:
    """A supervisor window on its own bridge, against an in-process simulator with a hand-moved clock."""
    opened: list[SupervisorWindow] = []

    def factory(sim: Simulator | None = None, clock: Clock | None = None) -> Console:
        sim = sim or Simulator()
        clock = clock or Clock()
        dirs = app_dirs().ensure()
        base = demo_session(dirs, ProfileStore(dirs.config_file), build_parser().parse_args(["--demo"]))
        session: Session = dataclasses.replace(
            base,
            journal=Journal(":memory:", clock=clock),
            simulator_factory=lambda: sim,
            client_factory=lambda: make_client(
                base.settings, base.store, env={}, transport=SimTransport(sim)
            ),
        )
        window = SupervisorWindow(session)
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        console = Console(window, sim, clock, qtbot)
        qtbot.waitUntil(lambda: window._roster_read, timeout=10_000)
        console.wait_idle()
        return console

    yield factory
    for window in opened:
        window.close()
        assert window.bridge.shutdown(5000)
        window.session.close()
        window.deleteLater()
    QApplication.processEvents()


def test_roster_shows_agents_with_status_in_words(open_console: Callable[..., Console]) -> None:
    console = open_console()
    rows = {r["Agent id"]: r for r in console.rows()}
    assert len(rows) == len(console.sim.state.agents)
    assert rows[DEMO_AGENT]["Name"] == "Ilya Workshard"
    assert rows[DEMO_AGENT]["Status"] == "Available"
    assert rows["ag0XgxWZr7TzqWFhxboBGj1g"]["Status"] == "Logged out"
    assert rows["agjMeI8cFSmj83LDUL4CsJw2"]["Status"] == "On break"
    assert rows[DEMO_AGENT]["In this status"] == "0 s"
    count = console.find(QLabel, "rosterCountLabel").text()
    assert count == f"{len(rows)} of {len(rows)} agents"

    console.find(QLineEdit, "rosterFilterInput").setText("workshard")
    assert [r["Agent id"] for r in console.rows()] == [DEMO_AGENT]
    console.find(QLineEdit, "rosterFilterInput").setText("nobody-like-this")
    assert console.rows() == []
    assert console.find(QLabel, "rosterEmptyLabel").text() == "No agents match the filter."


def test_stuck_view_shows_exactly_the_agent_held_busy(open_console: Callable[..., Console]) -> None:
    clock = Clock()
    sim = Simulator()
    sim.state.force_agent(DEMO_AGENT, AgentState.BUSY)
    console = open_console(sim, clock)  # first seen busy now
    clock.now += 11 * 60
    sim.state.force_agent("agKm51zfFoWbSrHAE56yUhQq", AgentState.POST_PROCESS)  # busy, but only just
    console.refresh()
    rows = {r["Agent id"]: r for r in console.rows()}
    assert rows[DEMO_AGENT]["In this status"] == "11 min"
    assert rows["agKm51zfFoWbSrHAE56yUhQq"]["In this status"] == "0 s"

    combo: QComboBox = console.find(QComboBox, "rosterStatusFilter")
    combo.setCurrentText("Stuck")
    console.find(QSpinBox, "stuckMinutesInput").setValue(10)
    assert [r["Agent id"] for r in console.rows()] == [DEMO_AGENT]
    console.find(QSpinBox, "stuckMinutesInput").setValue(12)
    assert console.rows() == []
    combo.setCurrentText("Wrap-up")
    assert [r["Agent id"] for r in console.rows()] == ["agKm51zfFoWbSrHAE56yUhQq"]


def test_free_line_2_frees_exactly_that_line(open_console: Callable[..., Console], yes: list[str]) -> None:
    console = open_console()
    first = console.call(DEMO_AGENT)
    console.call(DEMO_AGENT, force=True)
    console.select(DEMO_AGENT)
    console.click("freeLine2Button")
    console.wait_idle()

    assert yes == [f"Free line 2 of agent {DEMO_AGENT}"]
    assert console.lines(DEMO_AGENT) == [first, None]
    assert console.action_requests() == [
        ("DELETE", f"/api/v1/tenants/{TENANT}/agents/{DEMO_AGENT}/calls/line/2")
    ]
    assert console.window.statusBar().currentMessage() == "Ilya Workshard: Line 2 freed."
    row = next(r for r in console.rows() if r["Agent id"] == DEMO_AGENT)
    assert row["Last action"] == "Line 2 freed"  # ccdesk's words; 8x8's success text is in the tooltip
    [record] = AuditTrail(console.window.session.journal).records()
    assert (record.source, record.action, record.agent_id, record.line, record.outcome) == (
        "supervisor",
        "free-line",
        DEMO_AGENT,
        2,
        "done",
    )
    assert record.request == f"DELETE /tenants/{TENANT}/agents/{DEMO_AGENT}/calls/line/2"


def _bulk_console(open_console: Callable[..., Console], latency: float = 0.0) -> tuple[Console, list[str]]:
    sim = Simulator(TenantState(extra_agents=30), latency=latency)
    agents = [f"agSim{n:04d}" for n in range(1, 21)]
    for agent_id in agents:
        sim.state.place_call(agent_id, "1", "6175551984", "")
    console = open_console(sim)
    console.select(*agents)
    sim.clear_requests()
    return console, agents


def test_bulk_free_reports_done_and_failed_per_agent(
    open_console: Callable[..., Console], yes: list[str]
) -> None:
    console, agents = _bulk_console(open_console)
    failing = {agents[3]: "Agent is locked by another supervisor", agents[11]: "Simulated refusal"}
    for agent_id, reason in failing.items():
        console.sim.add_fault("status", status=400, reasons=[reason], path_contains=agent_id)
    console.click("bulkFreeButton")
    console.wait_idle()

    results = {r["Agent id"]: r for r in console.results()}
    assert len(results) == 20
    failed = "Free all lines: failed"
    assert sorted(a for a, r in results.items() if r["Result"] == failed) == sorted(failing)
    for agent_id, reason in failing.items():
        assert results[agent_id]["Details"].endswith(f"\n8x8 said: HTTP 400: {reason}")
        assert console.lines(agent_id)[0] is not None
    assert sum(r["Result"] == "Lines freed" for r in results.values()) == 18
    assert console.find(QProgressBar, "bulkProgress").value() == 20
    assert console.find(QLabel, "bulkSummaryLabel").text() == "20 agents: 18 done, 2 failed."
    assert yes == ["Free all lines of 20 agents"]
    records = AuditTrail(console.window.session.journal).records()
    assert len(records) == 20
    assert {r.agent_id for r in records if r.outcome == "failed"} == set(failing)


def test_cancel_stops_sending_new_requests(open_console: Callable[..., Console], yes: list[str]) -> None:
    console, _ = _bulk_console(open_console, latency=0.2)
    console.find(QSpinBox, "concurrencyInput").setValue(1)
    console.click("bulkFreeButton")
    console.qtbot.waitUntil(lambda: len(console.results()) >= 1, timeout=10_000)
    assert console.window.isEnabled()  # the window answers while the run goes on
    console.click("bulkCancelButton")
    console.wait_idle()

    deletes = [r for r in console.action_requests() if r[0] == "DELETE"]
    assert 1 <= len(deletes) <= 3
    outcomes = [r["Result"] for r in console.results()]
    assert len(outcomes) == 20
    assert outcomes.count("Lines freed") == len(deletes)
    assert outcomes.count("Free all lines: not sent (cancelled)") == 20 - len(deletes)
    assert "Cancelled" in console.find(QLabel, "bulkSummaryLabel").text()
    records = AuditTrail(console.window.session.journal).records()
    assert sorted(r.outcome for r in records) == sorted(
        ["done"] * len(deletes) + ["not sent"] * (20 - len(deletes))
    )


def test_a_bulk_run_shows_a_row_per_agent_whatever_happens_inside_a_job(
    open_console: Callable[..., Console], yes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    console, agents = _bulk_console(open_console)
    broken, unwritable = agents[5], agents[9]
    free_lines, record = CCClient.free_lines, AuditTrail.record

    def free_or_break(client: CCClient, agent_id: str) -> ApiResult:
        if agent_id == broken:  # not a ccdesk error: a bug, or IDNA refusing a host name
            raise ValueError("unexpected answer")
        return free_lines(client, agent_id)

    def record_or_disk_full(trail: AuditTrail, who: Who, result: OperationResult) -> AuditRecord:
        if result.operation.agent_id == unwritable:
            raise sqlite3.OperationalError("database or disk is full")
        return record(trail, who, result)

    monkeypatch.setattr(CCClient, "free_lines", free_or_break)
    monkeypatch.setattr(AuditTrail, "record", record_or_disk_full)
    console.click("bulkFreeButton")
    console.wait_idle()

    results = {r["Agent id"]: r for r in console.results()}
    assert sorted(results) == sorted(agents) and len(console.results()) == 20  # one row each
    assert results[broken]["Result"] == "Free all lines: failed"
    assert results[broken]["Details"].startswith("Something failed inside ccdesk. This is a bug")
    assert "ValueError" not in results[broken]["Details"]  # never a class name where a person reads
    assert (
        results[unwritable]["Result"] == "Lines freed"
    )  # shown although its audit record could not be written
    assert sum(r["Result"] == "Lines freed" for r in results.values()) == 19
    summary = console.find(QLabel, "bulkSummaryLabel").text()
    assert summary.startswith("20 agents: ") and "1 result(s) are not in the audit trail" in summary
    assert "the disk is full" in summary
    records = AuditTrail(console.window.session.journal).records()
    assert sorted(r.agent_id for r in records) == sorted(set(agents) - {unwritable})


def test_dry_run_sends_nothing_and_lists_the_requests(
    open_console: Callable[..., Console], yes: list[str]
) -> None:
    console, agents = _bulk_console(open_console)
    console.select(*agents[:3])
    console.find(QCheckBox, "dryRunCheck").setChecked(True)
    console.find(QComboBox, "bulkFreeLineChoice").setCurrentText("Line 1")
    console.click("bulkFreeButton")
    console.wait_idle()

    assert console.action_requests() == []
    expected = [Operation(Action.FREE_LINE, a, line=1).request_line(TENANT) for a in agents[:3]]
    assert console.find(QPlainTextEdit, "dryRunText").toPlainText().splitlines() == expected
    assert expected[0] == f"DELETE /tenants/{TENANT}/agents/agSim0001/calls/line/1"
    assert [r["Result"] for r in console.results()] == ["Free line 1: dry run, not sent"] * 3
    assert yes == []  # nothing is sent, nothing to confirm
    records = AuditTrail(console.window.session.journal).records()
    assert sorted((r.outcome, r.request) for r in records) == [("dry run", line) for line in expected]
    assert all(console.lines(a)[0] is not None for a in agents)


def test_api_switched_off_explains_and_works_from_imported_csv(
    open_console: Callable[..., Console], yes: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sim = Simulator(agent_status_api=False)
    console = open_console(sim)
    banner: QFrame = console.find(QFrame, "rosterBanner")
    assert banner.isVisible()
    text = console.find(QLabel, "rosterBannerText").text()
    assert "Agent Status API is switched off" in text and "403 - Forbidden." in text
    assert console.rows() == []

    roster = tmp_path / "roster.csv"
    roster.write_text(f"agent id,name\n{DEMO_AGENT},Ilya Workshard\nagKm51zfFoWbSrHAE56yUhQq,Ben Okafor\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    console.click("importRosterButton")
    rows = {r["Agent id"]: r for r in console.rows()}
    assert set(rows) == {DEMO_AGENT, "agKm51zfFoWbSrHAE56yUhQq"}
    assert rows[DEMO_AGENT]["Status"] == NO_API_STATUS
    assert console.find(QLabel, "rosterCountLabel").text() == "2 of 2 agents"

    console.call(DEMO_AGENT)
    console.select(DEMO_AGENT)
    console.click("freeAllButton")
    console.wait_idle()
    assert console.lines(DEMO_AGENT) == [None, None]
    assert len(console.rows()) == 2  # the refresh after the action fails again; the imported roster stays
    [record] = AuditTrail(console.window.session.journal).records()
    assert (record.action, record.outcome) == ("free-lines", "done")


def test_hang_up_from_the_interaction_dialog(
    open_console: Callable[..., Console], yes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    console = open_console()
    iid = console.call(DEMO_AGENT)

    def pick(dialog: Any) -> int:
        dialog.findChild(QLineEdit, "interactionIdInput").setText(iid)
        return 1

    monkeypatch.setattr(supervisor_module.InteractionDialog, "exec", pick)
    console.select(DEMO_AGENT)
    console.click("interactionButton")
    console.wait_idle()
    assert console.lines(DEMO_AGENT) == [None, None]
    assert yes == [f"Hang up agent {DEMO_AGENT} on interaction {iid}"]


def test_audit_tab_shows_filters_and_exports_every_action(
    open_console: Callable[..., Console], yes: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = open_console()
    console.call(DEMO_AGENT)
    console.select(DEMO_AGENT)
    console.click("freeLine1Button")
    console.wait_idle()
    console.click("freeLine2Button")  # nothing there: the platform's reason is kept verbatim
    console.wait_idle()
    console.find(QCheckBox, "dryRunCheck").setChecked(True)
    console.click("freeAllButton")
    console.wait_idle()

    records = AuditTrail(console.window.session.journal).records()
    assert [(r.action, r.line, r.outcome) for r in records] == [
        ("free-lines", None, "dry run"),
        ("free-line", 2, "nothing to free"),
        ("free-line", 1, "done"),
    ]
    assert records[1].reasons == (f"Failed to find any interaction on line [2] for agent [{DEMO_AGENT}].",)
    table: QTableView = console.find(QTableView, "auditTable")
    assert table.model().rowCount() == 3
    assert table.model().index(1, AuditModel.REASONS).data() == records[1].reasons[0]

    console.find(QLineEdit, "auditFilterInput").setText("nothing to free")
    console.qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert console.find(QLabel, "auditCountLabel").text() == "1 record(s)"
    console.find(QLineEdit, "auditFilterInput").clear()
    console.qtbot.waitUntil(lambda: table.model().rowCount() == 3)

    target = tmp_path / "audit.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    console.click("auditExportButton")
    assert read_csv(target) == records


def test_opened_from_the_main_window_and_with_supervisor(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """File > Supervisor console shares the window's session; `ccdesk --supervisor` needs no agent."""
    from ccdesk.app import create_supervisor_window
    from ccdesk.ui.qt import QAction

    demo = open_window("--demo")
    demo.window.findChild(QAction, "supervisorAction").trigger()
    console = demo.window.supervisor
    assert console is not None and console.isVisible() and console.session is demo.window.session
    qtbot.waitUntil(lambda: console.findChild(QWidget, "rosterTable").model().rowCount() > 0, timeout=5000)
    standalone = create_supervisor_window(["--demo", "--supervisor"])
    try:
        assert standalone.objectName() == "supervisorWindow"
        qtbot.waitUntil(
            lambda: standalone.findChild(QWidget, "rosterTable").model().rowCount() > 0, timeout=5000
        )
    finally:
        standalone.close()
        standalone.session.close()


def test_bulk_set_status_uses_the_bulk_endpoint_with_a_code_seen_in_the_roster(
    open_console: Callable[..., Console], yes: list[str]
) -> None:
    console = open_console(Simulator(TenantState(extra_agents=3, seed=2)))
    agents = ["agSim0001", "agSim0002", "agSim0003"]
    console.select(*agents)

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "setStatusDialog"
        status = dialog.findChild(QComboBox, "statusChoice")
        status.setCurrentIndex(status.findText("On break"))
        code = dialog.findChild(QComboBox, "statusCodeInput")
        lunch = code.findText(
            "801:1725:Lunch", Qt.MatchFlag.MatchStartsWith
        )  # the profile's, and seen in the roster
        if lunch < 0:
            dialog.reject()  # never leave a modal dialog open: the assertion below says what went wrong
        assert lunch >= 0, [code.itemText(i) for i in range(code.count())]
        code.setCurrentIndex(lunch)
        dialog.accept()

    QTimer.singleShot(0, choose)
    console.click("bulkStatusButton")
    console.wait_idle()
    [bulk] = [r for r in console.sim.requests if r.method == "POST"]  # the OpenAPI file's method first
    assert bulk.path == f"/api/v1/tenants/{TENANT}/agentstatus/agents/bulk"
    assert [a["agent-id"] for a in bulk.json["agents"]] == agents
    assert {a["status-code-item-short-code"] for a in bulk.json["agents"]} == {"Lunch"}
    assert [r["Result"] for r in console.results()] == ["Status set to On break (Lunch)"] * 3
    assert {console.sim.state.agent_record(a)["agent-status"] for a in agents} == {3}


def choose_status(state: str, code: str, *, check: Callable[[Any], None] | None = None) -> dict[str, str]:
    """Answer the next set-status dialog: a status, and a code by its text (offered or typed).

    Returns what the dialog said when it refused the answer ("error"), filled in once it was answered.
    """
    said = {"error": ""}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "setStatusDialog"
        status = dialog.findChild(QComboBox, "statusChoice")
        status.setCurrentIndex(status.findText(state))
        combo = dialog.findChild(QComboBox, "statusCodeInput")
        if check is not None:
            check(combo)
        combo.setEditText(code)
        dialog.accept()
        if dialog.isVisible():  # refused: note why, then leave
            said["error"] = dialog.findChild(QLabel, "statusDialogError").text()
            dialog.reject()

    QTimer.singleShot(0, answer)
    return said


def test_bulk_status_falls_back_to_put_and_the_profile_remembers_it(
    open_console: Callable[..., Console], yes: list[str]
) -> None:
    sim = Simulator(TenantState(extra_agents=2, seed=2), bulk_status_method="PUT")
    console = open_console(sim)
    session = console.window.session
    session.profiles.save(Config(profiles={"demo": session.profile}, default_profile="demo"))
    console.select("agSim0001", "agSim0002")
    sim.clear_requests()
    choose_status("On break", "801:1725:Lunch")
    console.click("bulkStatusButton")
    console.wait_idle()
    bulk = [r for r in sim.requests if r.path.endswith("/agentstatus/agents/bulk")]
    assert [r.method for r in bulk] == ["POST", "PUT"]
    assert [r["Result"] for r in console.results()] == ["Status set to On break (Lunch)"] * 2
    assert session.profile.bulk_status_method == "PUT"
    assert session.profiles.load().profiles["demo"].bulk_status_method == "PUT"
    records = AuditTrail(session.journal).records(text="Lunch")
    assert {r.request.split(" ")[0] for r in records} == {"PUT"}  # the audit trail names what was sent
    sim.clear_requests()
    console.select("agSim0001", "agSim0002")
    choose_status("Available", "(no status code)")
    console.click("bulkStatusButton")
    console.wait_idle()
    assert [r.method for r in sim.requests if r.path.endswith("/bulk")] == ["PUT"]


def test_the_status_dialog_offers_the_profiles_codes_for_the_chosen_status(
    open_console: Callable[..., Console], yes: list[str]
) -> None:
    console = open_console()
    console.window.session.profile.status_codes = [StatusCode(802, 1802, "Admin", "Administration")]
    console.select(DEMO_AGENT)
    offered: dict[str, list[str]] = {}

    def look(combo: QComboBox) -> None:
        offered["break"] = [combo.itemText(i) for i in range(combo.count())]
        status = combo.parent().findChild(QComboBox, "statusChoice")
        status.setCurrentIndex(status.findText("Work offline"))
        offered["offline"] = [combo.itemText(i) for i in range(combo.count())]

    choose_status("On break", "802:1802:Admin  (Administration)", check=look)
    console.click("setStatusButton")
    console.wait_idle()
    assert offered["break"][:3] == ["(no status code)", "802:1802:Admin  (Administration)", "801:1725:Lunch"]
    assert "801:1726:Train" in offered["offline"] and "801:1725:Lunch" not in offered["offline"]
    [put] = [r for r in console.sim.requests if r.method == "PUT"]
    assert put.path == f"/api/v1/tenants/{TENANT}/agentstatus/agents/{DEMO_AGENT}"
    assert put.json == {
        "agent-status": 5,  # the status was switched to Work offline while looking
        "status-code-list-id": 802,
        "status-code-item-id": 1802,
        "status-code-item-short-code": "Admin",
    }


def test_a_status_code_without_its_short_code_is_refused_in_the_dialog(
    open_console: Callable[..., Console], yes: list[str]
) -> None:
    console = open_console()
    console.select(DEMO_AGENT)
    console.sim.clear_requests()
    said = choose_status("On break", "801:1725:")  # the short code left out
    console.click("setStatusButton")
    console.wait_idle()
    assert "LIST:ITEM:SHORT" in said["error"]
    assert [r for r in console.sim.requests if r.method == "PUT"] == []


def test_the_group_field_reads_one_team(open_console: Callable[..., Console]) -> None:
    console = open_console()
    group: QLineEdit = console.find(QLineEdit, "rosterGroupInput")
    assert group.accessibleName()
    console.sim.clear_requests()
    group.setText("300")
    group.editingFinished.emit()
    console.wait_idle()
    expected = sorted(a.id for a in console.sim.state.agents.values() if "300" in a.groups)
    assert sorted(r["Agent id"] for r in console.rows()) == expected and len(expected) == 6
    assert console.sim.requests[-1].query == {"groupId": "300", "pageSize": "500", "pageIndex": "0"}
    console.refresh()  # F5 keeps the group
    assert console.sim.requests[-1].query["groupId"] == "300"
    group.setText("999")
    group.editingFinished.emit()
    console.wait_idle()
    assert console.find(QLabel, "rosterEmptyLabel").text() == "No agents in group 999."
    group.clear()
    group.editingFinished.emit()
    console.wait_idle()
    assert len(console.rows()) == len(console.sim.state.agents)
    assert "groupId" not in console.sim.requests[-1].query


def test_auto_refresh_never_stacks(open_console: Callable[..., Console]) -> None:
    console = open_console()
    console.sim.latency = 0.3
    console.sim.clear_requests()
    console.find(QWidget, "autoRefreshSeconds").setValue(1)
    console.find(QWidget, "autoRefreshCheck").setChecked(True)
    for _ in range(5):  # refreshes asked for while one is in flight are skipped, not queued
        console.window.refresh_roster()
    console.qtbot.wait(1500)
    console.find(QWidget, "autoRefreshCheck").setChecked(False)
    console.wait_idle()
    reads = [r for r in console.sim.requests if r.path.endswith("/agentstatus/agents")]
    # stacked, the five asks alone would make five reads; one read, then at most one per tick of the 1 s timer
    # (a loaded machine may fire it late and then once more) is what skipping looks like
    assert 1 <= len(reads) <= 4


def test_a_group_chosen_while_a_read_is_on_its_way_is_still_read(
    open_console: Callable[..., Console],
) -> None:
    """The read in flight is not doubled, but the group typed meanwhile is read right after it."""
    console = open_console()
    console.sim.latency = 0.3
    console.window.refresh_roster()  # on its way for 0.3 s
    group: QLineEdit = console.find(QLineEdit, "rosterGroupInput")
    group.setText("300")
    group.editingFinished.emit()
    expected = sorted(a.id for a in console.sim.state.agents.values() if "300" in a.groups)
    console.qtbot.waitUntil(lambda: sorted(r["Agent id"] for r in console.rows()) == expected, timeout=5000)
    console.wait_idle()
    assert console.sim.requests[-1].query.get("groupId") == "300"


def test_a_cancelled_agent_s_tooltip_gives_ccdesk_s_reason_never_as_8x8_s_words() -> None:
    cancelled = OperationResult(
        Operation(Action.FREE_LINES, "ag7"), Outcome.NOT_SENT, reasons=("Cancelled before it was sent.",)
    )
    tip = result_tip(cancelled)
    assert "Cancelled before it was sent." in tip.splitlines()
    assert "8x8" not in tip
    done = OperationResult(Operation(Action.FREE_LINES, "ag7"), Outcome.DONE, reasons=("Lines are freed",))
    assert "8x8 said: Lines are freed" in result_tip(done).splitlines()
