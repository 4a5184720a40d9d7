"""The recent-calls list on its own: rows in (from a real journal and model of the lines), redial and copy out."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ccdesk.core.journal import CallRecord, Journal
from ccdesk.core.lines import AgentCalls
from ccdesk.core.recent import recent_rows
from ccdesk.ui.qt import QApplication, QListWidget, QPushButton, Qt
from ccdesk.ui.recent_calls import EMPTY_TEXT, RecentCalls

TENANT, AGENT = "acmecorp01", "ag1"
T0 = 1_700_000_000.0


class Desk:
    """A journal with a clock, the model of the lines, and the widget showing both."""

    def __init__(self, qtbot: QtBot) -> None:
        self.now = T0
        self.journal = Journal(":memory:", clock=lambda: self.now)
        self.calls = AgentCalls()
        self.widget = RecentCalls()
        qtbot.addWidget(self.widget)
        self.widget.show()
        qtbot.waitExposed(self.widget)
        self.list: QListWidget = self.widget.findChild(QListWidget, "recentCallsList")
        self.redial: QPushButton = self.widget.findChild(QPushButton, "redialButton")
        self.copy: QPushButton = self.widget.findChild(QPushButton, "copyRecentButton")

    def dial(self, number: str = "6175551984", *, error: str = "", iid: str = "") -> int:
        row = self.journal.begin_dial(
            profile="p",
            tenant=TENANT,
            agent_id=AGENT,
            display=f"+1 {number[:3]}-{number[3:6]}-{number[6:]}",
            prefix="1",
            number=number,
            line=1,
        )
        if error:
            self.journal.dial_failed(row, error)
        if iid:
            self.journal.placed(row, iid, 1)
            self.calls.dialing(1, "")
            self.calls.placed(1, iid, row, others_busy=False)
        return row

    def refresh(self) -> None:
        rows = recent_rows(self.journal.recent(30), self.calls, tenant=TENANT, agent_id=AGENT)
        self.widget.show_rows(rows, self.now)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def select(self, index: int) -> None:
        self.list.setFocus()
        self.list.setCurrentRow(index)


def double_click(qtbot: QtBot, view: QListWidget, row: int) -> None:
    """What a mouse sends for a double-click on a row: a click, then the double-click."""
    centre = view.visualItemRect(view.item(row)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


@pytest.fixture
def desk(qtbot: QtBot) -> Desk:
    return Desk(qtbot)


def test_an_empty_list_says_how_it_fills_and_nothing_can_be_redialled(desk: Desk, qtbot: QtBot) -> None:
    desk.refresh()
    assert desk.texts() == [EMPTY_TEXT]
    assert not desk.redial.isEnabled() and not desk.copy.isEnabled()
    desk.list.setFocus()
    with qtbot.assertNotEmitted(desk.widget.redial_requested):
        qtbot.keyClick(desk.list, Qt.Key.Key_Return)
        double_click(qtbot, desk.list, 0)


def test_enter_double_click_and_redial_ask_to_dial_the_selected_call(desk: Desk, qtbot: QtBot) -> None:
    desk.dial("6175550101", error="HTTP 400: busy")
    newest = desk.dial("6175550202", error="HTTP 400: busy")
    desk.refresh()
    desk.select(1)
    assert desk.redial.isEnabled() and desk.copy.isEnabled()

    with qtbot.waitSignal(desk.widget.redial_requested) as by_enter:
        qtbot.keyClick(desk.list, Qt.Key.Key_Return)
    assert isinstance(by_enter.args[0], CallRecord) and by_enter.args[0].number == "6175550101"

    with qtbot.waitSignal(desk.widget.redial_requested) as by_keypad:
        qtbot.keyClick(desk.list, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert by_keypad.args[0].number == "6175550101"

    with qtbot.waitSignal(desk.widget.redial_requested) as by_double_click:
        double_click(qtbot, desk.list, 0)
    assert by_double_click.args[0].id == newest

    with qtbot.waitSignal(desk.widget.redial_requested) as by_button:
        qtbot.mouseClick(desk.redial, Qt.MouseButton.LeftButton)
    assert by_button.args[0].id == newest


def test_copy_puts_the_number_and_interaction_id_on_the_clipboard(desk: Desk, qtbot: QtBot) -> None:
    desk.dial(iid="int-77")
    desk.refresh()
    desk.select(0)
    with qtbot.waitSignal(desk.widget.copied) as copied:
        qtbot.mouseClick(desk.copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "+1 617-555-1984\tint-77" == copied.args[0]
    QApplication.clipboard().clear()
    qtbot.keyClick(desk.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "+1 617-555-1984\tint-77"


def test_the_selection_stays_on_the_same_call_when_rows_arrive_and_states_change(
    desk: Desk, qtbot: QtBot
) -> None:
    desk.dial("6175550101", iid="int-1")
    desk.now += 30
    desk.dial("6175550202", error="HTTP 400: busy")
    desk.refresh()
    desk.select(1)  # the call on line 1
    assert "on a call" in desk.texts()[1]

    desk.now += 10
    desk.dial("6175550303", error="HTTP 400: busy")  # a new call on top
    desk.journal.hung_up("int-1")
    desk.calls.leg_down("int-1")
    desk.refresh()
    assert desk.list.currentRow() == 2 and "in wrap-up" in desk.texts()[2]
    with qtbot.waitSignal(desk.widget.redial_requested) as asked:
        qtbot.keyClick(desk.list, Qt.Key.Key_Return)
    assert asked.args[0].interaction_id == "int-1"

    desk.calls.gone("int-1")  # the model shows it over; the journal still says wrap-up
    desk.refresh()
    assert desk.list.currentRow() == 2
    assert "ended" in desk.texts()[2] and "wrap-up" not in desk.texts()[2]


def test_a_selected_run_of_failures_stays_selected_as_it_grows(desk: Desk) -> None:
    for _ in range(2):
        desk.dial("6175550199", error="HTTP 400: Agent=[ag1] not available")
        desk.now += 5
    desk.refresh()
    assert len(desk.texts()) == 1 and desk.texts()[0].endswith("failed \u00d72")
    desk.select(0)
    desk.dial("6175550199", error="HTTP 400: Agent=[ag1] not available")
    desk.refresh()
    assert desk.texts()[0].endswith("failed \u00d73")
    assert desk.list.currentRow() == 0 and desk.redial.isEnabled()
    assert "Failed 3 times in a row" in desk.list.item(0).toolTip()


def test_a_call_that_left_the_list_leaves_nothing_selected(desk: Desk) -> None:
    desk.dial(error="HTTP 400: busy")
    desk.refresh()
    desk.select(0)
    desk.widget.show_rows([], desk.now)  # another profile, or the journal started again
    assert desk.texts() == [EMPTY_TEXT]
    assert desk.widget.selected_row() is None and not desk.redial.isEnabled()


def test_running_durations_tick_and_finished_ones_do_not(desk: Desk) -> None:
    desk.dial("6175550101", iid="int-1")
    desk.now += 100
    desk.journal.hung_up("int-1")
    desk.calls.leg_down("int-1")
    desk.dial("6175550202", iid="int-2")  # on a call since T0 + 100
    desk.refresh()
    assert desk.texts()[0].endswith("on a call  ·  00:00")
    assert desk.texts()[1].endswith("in wrap-up  ·  01:40")

    desk.widget.tick(T0 + 100 + 65)
    assert desk.texts()[0].endswith("on a call  ·  01:05")
    assert desk.texts()[1].endswith("in wrap-up  ·  01:40")


def test_the_platforms_reason_is_in_the_tooltip_as_written(desk: Desk) -> None:
    reason = "HTTP 400: <h1>Agent=[ag1]</h1> not available"
    desk.dial(error=reason)
    desk.refresh()
    tip = desk.list.item(0).toolTip()
    assert "&lt;h1&gt;Agent=[ag1]&lt;/h1&gt;" in tip and "<h1>" not in tip
