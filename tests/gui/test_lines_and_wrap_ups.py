"""The lines on screen are the platform's lines: what used to drift, and how 8x8's answers correct the model.

The real window in --demo (the simulator in process), driven by automation names. `asked` answers every
confirmation and keeps its words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import AGENT, Driver
from pytestqt.qtbot import QtBot

from ccdesk.api.models import TransactionCode
from ccdesk.core.lines import LineState
from ccdesk.ui.qt import (
    QAction,
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    Qt,
    QWidget,
)
from ccdesk.ui.status_button import StatusButton


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation (title and text), answered Yes."""
    questions: list[str] = []

    def yes(_parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
        questions.append(f"{title}\n{text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    return questions


def platform_lines(demo: Driver) -> list[str | None]:
    return demo.sim.state.snapshot_lines(AGENT)


def shown_lines(demo: Driver) -> list[str | None]:
    return [demo.window.lines[n].interaction_id or None for n in (1, 2)]


def test_the_first_releases_story_now_shows_the_platforms_lines(
    demo: Driver, qtbot: QtBot, asked: list[str]
) -> None:
    """The four steps of the report, in --demo."""
    # 1. dial A on line 1, Ctrl+H: line 1 is free, A is in the wrap-up list
    demo.dial("+1 617 555 0101")
    a = demo.window.lines[1].interaction_id
    qtbot.keyClick(demo.window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    demo.wait_idle()
    assert demo.window.lines[1].state is LineState.IDLE and demo.wrap_up_ids() == [a]
    # 2. Force call, dial B: B is where the simulator put it (line 1: hanging up freed it)
    demo.dial("+1 617 555 0102", force=True)
    b = demo.window.lines[1].interaction_id
    assert shown_lines(demo) == platform_lines(demo) == [b, None]
    # 3. Free line 2 (shown idle): at once, no question; Free line 1: asks, naming B; A's wrap-up stays
    demo.click(2, "freeLineButton")
    demo.wait_idle()
    assert asked == [] and shown_lines(demo) == [b, None]
    demo.click(1, "freeLineButton")
    demo.wait_idle()
    assert len(asked) == 1 and "+1 617-555-0102" in asked[0] and b in asked[0]
    assert demo.wrap_up_ids() == [a, b] and platform_lines(demo) == [None, None]
    row = demo.find(QWidget, f"wrapUp_{a}")
    assert demo.find(QPushButton, "wrapUpCodesButton", row).isEnabled()
    assert demo.find(QPushButton, "wrapUpEndButton", row).isEnabled()
    # 4. Tray > Free line 1 asks first too, naming the call it cuts; the call goes to wrap-up, codes still settable
    demo.dial("+1 617 555 0103")
    c = demo.window.lines[1].interaction_id
    tray = demo.window.ensure_tray()
    tray.menu.findChild(QAction, "trayFreeLine1Action").trigger()
    demo.wait_idle()
    assert len(asked) == 2 and c in asked[1]
    assert c in demo.wrap_up_ids() and demo.window.lines[1].state is LineState.IDLE
    demo.window.set_codes(c, [])
    demo.wait_idle()
    assert c in demo.wrap_up_ids()


def test_two_wrap_ups_are_both_shown(demo: Driver) -> None:
    """Found by the property test: a second row added to the list already on screen stayed hidden."""
    demo.dial("+1 617 555 0101")
    first = demo.window.lines[1].interaction_id
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    demo.dial("+1 617 555 0102")
    second = demo.window.lines[1].interaction_id
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    assert demo.wrap_up_ids() == [first, second]
    assert all(demo.find(QWidget, f"wrapUp_{iid}").isVisible() for iid in (first, second))


def test_free_all_names_every_call_it_cuts(demo: Driver, asked: list[str]) -> None:
    demo.dial("+1 617 555 0101")
    demo.dial("+44 20 7946 0958", force=True)
    one, two = (demo.window.lines[n].interaction_id for n in (1, 2))
    demo.find(QPushButton, "freeAllLinesButton").click()
    demo.wait_idle()
    [question] = asked
    assert (
        "+1 617-555-0101" in question
        and one in question
        and "+44 20 7946 0958" in question
        and two in question
    )
    assert demo.wrap_up_ids() == [one, two]


def test_a_customer_who_hung_up_is_revealed_by_the_next_dial(demo: Driver) -> None:
    """8x8 tells nobody; its answer to the next call says whether the other line was taken."""
    demo.dial("+1 617 555 0101")
    first = demo.window.lines[1].interaction_id
    demo.sim.state.customer_hangs_up(first)
    assert shown_lines(demo) == [first, None]  # nothing said yet: the panel cannot know
    demo.dial("+1 617 555 0102", force=True)
    second = demo.window.lines[1].interaction_id
    # no "Agent is handling other interactions": the first call's leg was down; the new one took line 1
    assert shown_lines(demo) == platform_lines(demo) == [second, None]
    assert demo.wrap_up_ids() == [first]


def test_hanging_up_a_call_the_customer_ended_puts_it_in_wrap_up(demo: Driver) -> None:
    demo.dial("+1 617 555 0101")
    iid = demo.window.lines[1].interaction_id
    demo.sim.state.customer_hangs_up(iid)
    demo.click(1, "hangUpButton")  # 410: the call is over; its wrap-up is open
    demo.wait_idle()
    assert demo.window.lines[1].state is LineState.IDLE and demo.wrap_up_ids() == [iid]
    assert "call ended" in demo.find(QLabel, "wrapUpNumberLabel", demo.find(QWidget, f"wrapUp_{iid}")).text()


def test_nothing_on_the_line_clears_a_stale_panel(demo: Driver, asked: list[str]) -> None:
    demo.dial("+1 617 555 0101")
    iid = demo.window.lines[1].interaction_id
    demo.sim.state.customer_hangs_up(iid)
    demo.click(1, "freeLineButton")  # "Failed to find any interaction on line [1]"
    demo.wait_idle()
    assert demo.window.lines[1].state is LineState.IDLE and demo.wrap_up_ids() == [iid]
    assert "already free" in demo.window.statusBar().currentMessage()


def test_the_free_line_answer_names_the_call_that_was_on_the_line(demo: Driver, asked: list[str]) -> None:
    """A call placed elsewhere (Agent Workspace) on line 2: 8x8's answer names it; it goes to wrap-up."""
    elsewhere, _ = demo.sim.state.place_call(AGENT, "1", "2125550147", "", queue_id="598")
    demo.window.refresh_agent_status()
    demo.wait_idle()
    label = demo.find(QLabel, "agentStatusLabel")
    assert "did not place" in label.text()  # 8x8 says busy; ccdesk knows of no call
    demo.click(1, "freeLineButton")
    demo.wait_idle()
    assert demo.wrap_up_ids() == [elsewhere]
    row = demo.find(QWidget, f"wrapUp_{elsewhere}")
    assert "did not place" in demo.find(QLabel, "wrapUpNumberLabel", row).text()


def test_a_status_that_is_neither_busy_nor_post_processing_closes_the_wrap_ups(demo: Driver) -> None:
    demo.dial("+1 617 555 0101")
    iid = demo.window.lines[1].interaction_id
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    assert demo.wrap_up_ids() == [iid]
    demo.sim.state.end_call(iid, end_post_processing=True)  # ended elsewhere (Agent Workspace)
    demo.window.refresh_agent_status()
    demo.wait_idle()
    assert demo.wrap_up_ids() == []


@pytest.mark.parametrize(
    "fault",
    [
        {"kind": "timeout", "delay": 2, "apply": False},
        {"kind": "drop"},
        {"kind": "status", "status": 500},
        {"kind": "status", "status": 502},
        {"kind": "status", "status": 504},
    ],
    ids=["timeout", "drop", "500", "502", "504"],
)
def test_an_unknown_outcome_is_a_state_with_check_free_and_dismiss(
    open_window: Callable[..., Driver], fault: dict[str, object], asked: list[str]
) -> None:
    demo = open_window("--demo", "--timeout", "0.5")
    demo.sim.add_fault(method="POST", **fault)
    demo.dial("+1 617 555 0101")
    assert demo.window.lines[1].state is LineState.UNKNOWN
    assert demo.state_text(1) == "Unknown: may be live"
    for name in ("checkCallButton", "freeLineButton", "dismissCallButton"):
        assert demo.in_panel(1, QPushButton, name).isEnabled(), name
    demo.click(1, "checkCallButton")
    demo.wait_idle()
    checked = demo.error_text(1)
    assert "8x8 reports the agent as" in checked
    assert "not on a call" in checked  # nothing was placed: the simulator failed before it acted
    # dialling the same number again asks first; No sends nothing
    asked_before = len(asked)
    demo.window.dial_panel.set_number("+1 617 555 0101")
    demo.window.dial_panel.request_dial()
    assert len(asked) == asked_before + 1 and "may be live" in asked[-1]
    demo.click(1, "dismissCallButton")
    assert demo.window.lines[1].state is LineState.IDLE


def test_check_on_an_unknown_call_that_was_placed_says_the_agent_is_on_a_call(
    open_window: Callable[..., Driver],
) -> None:
    demo = open_window("--demo", "--timeout", "0.5")
    demo.sim.add_fault("timeout", delay=2, apply=True, method="POST")  # placed, but the answer never came
    demo.dial("+1 617 555 0101")
    assert demo.window.lines[1].state is LineState.UNKNOWN
    demo.click(1, "checkCallButton")
    demo.wait_idle()
    assert "on a call: this one may be live" in demo.error_text(1)


def test_declining_the_same_number_question_sends_nothing(
    open_window: Callable[..., Driver], monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = open_window("--demo", "--timeout", "0.5")
    demo.sim.add_fault("drop", method="POST")
    demo.dial("+1 617 555 0101")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    posts = sum(r.method == "POST" for r in demo.sim.requests)
    demo.window.dial_panel.set_number("+1 617 555 0101")
    demo.window.dial_panel.request_dial()
    demo.wait_idle()
    assert sum(r.method == "POST" for r in demo.sim.requests) == posts
    assert demo.find(QPushButton, "dialButton").text() == "Dial"


def test_after_a_call_is_placed_the_field_empties_and_force_call_goes_off(demo: Driver) -> None:
    number = demo.find(QLineEdit, "numberInput")
    demo.dial("+1 617 555 0101", force=True)
    assert number.text() == "" and not demo.find(QCheckBox, "forceCallCheck").isChecked()
    assert not demo.find(QPushButton, "dialButton").isEnabled()  # Enter cannot redial the same customer
    # pinned: Force call stays ticked
    demo.find(QAction, "keepForceCallAction").setChecked(True)
    demo.dial("+1 617 555 0102", force=True)
    assert demo.find(QCheckBox, "forceCallCheck").isChecked()


def test_also_end_wrap_up_goes_off_after_each_end_unless_kept(demo: Driver, asked: list[str]) -> None:
    demo.dial("+1 617 555 0101")
    check = demo.in_panel(1, QCheckBox, "endPostProcessingCheck")
    check.setChecked(True)
    demo.click(1, "endCallButton")
    demo.wait_idle()
    assert not check.isChecked()
    demo.find(QAction, "keepEndWrapUpAction").setChecked(True)
    demo.dial("+1 617 555 0102")
    check.setChecked(True)
    demo.click(1, "endCallButton")
    demo.wait_idle()
    assert check.isChecked()


def test_codes_amend_list_by_list_and_the_panel_shows_what_the_call_holds(demo: Driver) -> None:
    """8x8 amends: a second request naming one list keeps the other list's codes (core.codes.amend)."""
    demo.dial("+1 617 555 0101")
    iid = demo.window.lines[1].interaction_id
    demo.window.set_codes(iid, [TransactionCode(12, 234), TransactionCode(2281, 7361)])
    demo.wait_idle()
    demo.window.set_codes(iid, [TransactionCode(12, 235)])
    demo.wait_idle()
    assert demo.last_request().json == {"selections": [{"id": 12, "codes": [{"id": 235}]}]}
    held = (TransactionCode(12, 235), TransactionCode(2281, 7361))
    assert demo.window.lines[1].codes == held
    assert demo.sim.state.interactions[iid].codes == {12: [235], 2281: [7361]}  # the platform agrees
    record = demo.window.session.journal.by_interaction(iid)
    assert record is not None and record.codes == ("12:235", "2281:7361")


def test_the_code_picker_says_a_list_left_out_is_kept(qtbot: QtBot) -> None:
    from ccdesk.app import sample_catalog
    from ccdesk.ui.codes_picker import CodesDialog

    held = [TransactionCode(12, 234), TransactionCode(2281, 7361)]
    dialog = CodesDialog(sample_catalog(), held)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "codesKeptNote")
    assert note.isHidden()
    dialog._choose(TransactionCode(2281, 7361), False)  # untick the whole list
    dialog._refresh()
    assert not note.isHidden() and "Products Discussed" in note.text() and "as they are" in note.text()


def test_the_status_picker_offers_status_codes_and_sends_them_whole(demo: Driver) -> None:
    status = demo.find(StatusButton, "agentStatusInput")
    labels = status.entry_texts()
    lunch = next(text for text in labels if text.startswith("On break — Lunch"))
    assert not any(text.startswith("Available — ") for text in labels)  # a code says why the agent is away
    status.choose(lunch)
    demo.wait_idle()
    [put] = [r for r in demo.sim.requests if r.method == "PUT" and "/agentstatus/" in r.path]
    assert put.json == {
        "agent-status": 3,
        "status-code-list-id": 801,
        "status-code-item-id": 1725,
        "status-code-item-short-code": "Lunch",
    }
    assert demo.sim.state.agent_record(AGENT)["status-code-item-short-code"] == "Lunch"


def test_a_call_api_403_is_not_taken_for_the_agent_status_api_being_off(demo: Driver) -> None:
    demo.sim.add_fault("status", status=403, body="xml", method="POST", path_contains="/calls")
    demo.dial("+1 617 555 0101")
    assert "not allowed" in demo.error_text(1).lower() or "tenant" in demo.error_text(1).lower()
    assert demo.find(StatusButton, "agentStatusInput").isEnabled()
    assert demo.find(QLabel, "agentStatusLabel").text() != "Status unavailable"


def test_setting_the_status_ends_the_wrap_ups_while_a_call_is_on_the_other_line(demo: Driver) -> None:
    """Found by the property test: with a call on a line the status read says 'on a call', which does not tell
    whether wrap-ups are open; a status set through the Agent Status API ends them (as the simulator does)."""
    demo.dial("+1 617 555 0101")
    demo.dial("+1 617 555 0102", force=True)
    first = demo.window.lines[1].interaction_id
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    assert demo.wrap_up_ids() == [first]
    demo.find(StatusButton, "agentStatusInput").choose("On break")
    demo.wait_idle()
    assert demo.sim.state.open_wrap_ups(AGENT) == [] and demo.wrap_up_ids() == []
    assert demo.window.lines[2].state is LineState.LIVE
