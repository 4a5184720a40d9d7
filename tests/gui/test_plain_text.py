"""The platform's words are shown as written: a reason or a name holding HTML is never drawn as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_driver import AGENT, Driver
from PySide6 import QtGui

from ccdesk.core.lines import LineState
from ccdesk.ui.qt import QApplication, QLabel, QListWidget, QMessageBox, Qt, QTableView, QWidget
from ccdesk.ui.status_button import StatusButton

HOSTILE = "<h1 style='color:red'>YOUR TOKEN EXPIRED</h1><a href='http://x'>click</a><img src='/etc/passwd'>"
SHOTS = Path("/tmp/plain")


def shown(text: str) -> str:
    """What Qt draws for a text whose format it guesses (a tooltip, a message box's static functions)."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    document = QtGui.QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def assert_plain(label: QLabel) -> None:
    assert HOSTILE in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def fail_next(demo: Driver, method: str, **filters: str) -> None:
    demo.sim.add_fault("status", status=400, reasons=[HOSTILE], method=method, **filters)


def test_a_refused_dial_shows_the_reason_as_written(demo: Driver) -> None:
    fail_next(demo, "POST")
    demo.dial("+1 617 555 1984")

    assert demo.window.lines[1].state is LineState.FAILED
    assert_plain(demo.in_panel(1, QLabel, "lineErrorDetailsLabel"))  # 8x8's words, under Details
    assert demo.in_panel(1, QLabel, "lineErrorLabel").textFormat() == Qt.TextFormat.PlainText
    recent = demo.find(QListWidget, "recentCallsList").item(0)
    assert HOSTILE in shown(recent.toolTip())
    SHOTS.mkdir(exist_ok=True)
    assert demo.panel(1).grab().save(str(SHOTS / "line_panel_hostile_reason.png"))


def test_a_refused_wrap_up_end_shows_the_reason_as_written(
    demo: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)  # no codes
    demo.dial("+1 617 555 1984")
    iid = demo.window.lines[1].interaction_id
    assert iid
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    assert demo.wrap_up_ids() == [iid]
    fail_next(demo, "DELETE", path_contains=iid)
    demo.end_wrap_up(iid)

    row = demo.find(QWidget, f"wrapUp_{iid}")
    message = demo.find(QLabel, "wrapUpMessageLabel", row)
    assert message.textFormat() == Qt.TextFormat.PlainText and message.text()
    assert HOSTILE in shown(message.toolTip())  # 8x8's words, in the tooltip as written


def test_a_failed_status_read_has_a_plain_tooltip(demo: Driver) -> None:
    demo.sim.add_fault("status", status=400, reasons=[HOSTILE], method="GET", path_contains="/agentstatus/")
    demo.window.refresh_agent_status()
    demo.wait_idle()

    status = demo.find(StatusButton, "agentStatusInput")
    assert status.text() == "Status unknown"
    assert HOSTILE in shown(status.toolTip())


def test_the_supervisor_shows_names_and_reasons_as_written(
    demo: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.sim.state.agents[AGENT].name = HOSTILE
    console = demo.window.open_supervisor()
    demo.qtbot.waitUntil(lambda: console._roster_read, timeout=10_000)
    demo.qtbot.waitUntil(lambda: console.bridge.pending() == 0, timeout=10_000)
    table: QTableView = console.findChild(QTableView, "rosterTable")
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == AGENT)
    assert model.index(row, 0).data() == HOSTILE  # a view draws DisplayRole as plain text

    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    table.selectRow(row)
    fail_next(demo, "DELETE")
    console.findChild(QWidget, "freeLine1Button").click()
    demo.qtbot.waitUntil(lambda: console.bridge.pending() == 0, timeout=10_000)
    QApplication.processEvents()

    [text] = asked
    assert HOSTILE in shown(text)  # the confirmation names the agent as written
    assert HOSTILE in console.statusBar().currentMessage()
    last = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Last action"
    )
    assert HOSTILE in shown(model.index(row, last).data(Qt.ItemDataRole.ToolTipRole))

    audit: QTableView = console.findChild(QTableView, "auditTable")
    cells = [audit.model().index(0, c) for c in range(audit.model().columnCount())]
    assert any(HOSTILE in (cell.data() or "") for cell in cells)
    for cell in cells:
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert shown(tip or "").startswith(cell.data() or "")  # as written (a time adds its full form)
    console.close()
