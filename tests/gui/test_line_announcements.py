"""A screen reader hears what happens on a line: each change of state is said in words, in the order it happens.

The real window in --demo, driven by automation names. What the panels send to assistive technology is read by
standing in for QAccessible.updateAccessibility (PySide6 has no installUpdateHandler): every announcement (or, on
a Qt without announcements, the name change) a line panel sends is kept, with its words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import Driver
from pytestqt.qtbot import QtBot

from ccdesk.core.lines import Call, LineState
from ccdesk.ui import qt
from ccdesk.ui.line_panel import LinePanel
from ccdesk.ui.qt import QAccessible, QLabel, QMessageBox, QWidget
from ccdesk.ui.status_button import StatusButton

Heard = list[tuple[str, str]]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Callable[[QWidget], Heard]:
    """`heard(widget)`: what that widget has told assistive technology so far, as (kind, words)."""
    sent: list[tuple[object, str, str]] = []

    def record(event: object) -> None:
        words = event.message() if hasattr(event, "message") else ""  # type: ignore[attr-defined]
        kind = "announcement" if hasattr(event, "message") else event.type().name  # type: ignore[attr-defined]
        sent.append((event.object(), kind, words))  # type: ignore[attr-defined]

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return lambda widget: [(kind, words) for owner, kind, words in sent if owner is widget]


@pytest.fixture
def yes_to_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Free line asks first when the line holds a call: the agent says Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def said(events: Heard) -> list[str]:
    assert {kind for kind, _ in events} <= {"announcement"}, events
    return [words for _, words in events]


def test_a_call_is_announced_from_dialling_to_wrap_up_to_a_freed_line(
    demo: Driver, heard: Callable[[QWidget], Heard], yes_to_questions: None
) -> None:
    panel = demo.panel(1)
    demo.dial("+1 617 555 0142")
    first = demo.window.lines[1]
    assert first.state is LineState.LIVE and first.display == "+1 617-555-0142"
    assert said(heard(panel)) == [
        "Line 1: dialling +1 617-555-0142",
        "Line 1: on a call with +1 617-555-0142",
    ]
    assert panel.accessibleName() == "Line 1: on a call with +1 617-555-0142"

    demo.click(1, "endCallButton")  # without "Also end wrap-up": the call ends, its wrap-up stays open
    demo.wait_idle()
    assert demo.wrap_up_ids() == [first.interaction_id]
    assert said(heard(panel))[2:] == [
        "Line 1 is free: the call with +1 617-555-0142 was ended; its wrap-up is open"
    ]
    assert panel.accessibleName() == "Line 1: Idle"
    assert panel.accessibleDescription() == said(heard(panel))[-1]

    demo.dial("+1 617 555 0199")
    demo.click(1, "freeLineButton")
    demo.wait_idle()
    assert demo.window.lines[1].state is LineState.IDLE
    assert said(heard(panel))[3:] == [
        "Line 1: dialling +1 617-555-0199",
        "Line 1: on a call with +1 617-555-0199",
        "Line 1 freed: the call with +1 617-555-0199 is in wrap-up",
    ]
    assert heard(demo.panel(2)) == []  # the other line said nothing: nothing happened there


def test_hanging_up_says_the_call_went_to_wrap_up(demo: Driver, heard: Callable[[QWidget], Heard]) -> None:
    demo.dial("+1 617 555 0142")
    demo.click(1, "hangUpButton")
    demo.wait_idle()
    assert said(heard(demo.panel(1)))[-1] == (
        "Line 1 is free: the call with +1 617-555-0142 was hung up and is in wrap-up"
    )


def test_a_refused_dial_is_announced_with_its_reason(demo: Driver, heard: Callable[[QWidget], Heard]) -> None:
    demo.find(StatusButton, "agentStatusInput").choose("On break")  # 8x8 refuses calls on break
    demo.wait_idle()
    demo.dial("+1 617 555 0142")
    assert demo.window.lines[1].state is LineState.FAILED
    last = said(heard(demo.panel(1)))[-1]
    assert (
        last.startswith("Line 1: the call to +1 617-555-0142 failed: ") and demo.window.lines[1].error in last
    )


def test_without_announcements_the_panel_says_its_new_name(
    qtbot: QtBot, heard: Callable[[QWidget], Heard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before Qt 6.8 there is no announcement event: the name changes, and assistive technology is told so."""
    monkeypatch.setattr(qt, "QAccessibleAnnouncementEvent", None)
    panel = LinePanel(2)
    qtbot.addWidget(panel)
    panel.show_call(Call(2, LineState.LIVE, display="+44 20 7946 0958", interaction_id="int-1"), _catalog())
    assert heard(panel) == [("NameChanged", "")]
    assert panel.accessibleName() == "Line 2: on a call with +44 20 7946 0958"


def test_every_state_has_its_words_on_the_badge(qtbot: QtBot) -> None:
    """Colour is never the only sign of a line's state: each state's badge says it in text."""
    panel = LinePanel(1)
    qtbot.addWidget(panel)
    shown = {}
    for state in LineState:
        panel.show_call(Call(1, state, display="+1 617-555-0142", interaction_id="int-1"), _catalog())
        shown[state] = panel.findChild(QLabel, "lineStateLabel").text()
    assert all(shown.values()) and len(set(shown.values())) == len(LineState), shown


def _catalog() -> object:
    from ccdesk.core.codes import Catalog

    return Catalog()
