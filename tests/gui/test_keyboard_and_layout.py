"""An agent's day at the keyboard: where the focus starts, what keys do from every input, and a window that fits
beside a CRM (issue 12, points 1 to 3). Run on Xvfb too: a real X screen routes keys differently."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import Driver
from pytestqt.qtbot import QtBot

from ccdesk.ui.qt import (
    QAction,
    QApplication,
    QComboBox,
    QKeySequence,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    Qt,
    QTableWidget,
    QWidget,
)
from ccdesk.ui.status_button import StatusButton


def status_requests(demo: Driver) -> list[object]:
    return [r for r in demo.sim.requests if r.method == "PUT" and "/agentstatus/" in r.path]


def test_focus_starts_in_the_number_field_and_typing_never_changes_the_status(
    demo: Driver, qtbot: QtBot
) -> None:
    """The first release's status box had the focus: one "l" set Logged out, a space or an arrow changed it."""
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "numberInput"
    status = demo.find(StatusButton, "agentStatusInput")
    status.setFocus()
    for key in (
        Qt.Key.Key_L,
        Qt.Key.Key_O,
        Qt.Key.Key_Down,
        Qt.Key.Key_Up,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_End,
    ):
        qtbot.keyClick(status, key)
    demo.wait_idle()
    assert status_requests(demo) == [] and status.text() == "Available"


def test_logging_out_asks_first_and_cancel_sends_nothing(
    demo: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(_parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
            asked.append(f"{title} {text}")
            return reply

        return question

    status = demo.find(StatusButton, "agentStatusInput")
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    status.choose("Logged out")
    demo.wait_idle()
    assert len(asked) == 1 and "Log the agent out" in asked[0]
    assert status_requests(demo) == [] and status.text() == "Available"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    status.choose("Logged out")
    demo.wait_idle()
    assert len(status_requests(demo)) == 1 and status.text() == "Logged out"
    status.choose("Available")  # logging back in is not a loss: no question
    demo.wait_idle()
    assert len(asked) == 2 and status.text() == "Available"


def _inputs(demo: Driver) -> dict[str, QWidget]:
    """Every input an agent can put the focus in on the main window."""
    dial = demo.window.dial_panel
    inputs: dict[str, QWidget] = {
        "numberInput": dial.number_input,
        "agentStatusInput": demo.find(StatusButton, "agentStatusInput"),
        "recentCallsList": demo.find(QListWidget, "recentCallsList"),
        "forceCallCheck": dial.force_check,
        "freeAllLinesButton": demo.find(QPushButton, "freeAllLinesButton"),
        "extDataTable": demo.find(QTableWidget, "extDataTable"),
    }
    for name in ("callerIdInput", "queueInput", "dialPlanInput"):
        combo = demo.find(QComboBox, name)
        inputs[name] = combo.lineEdit() if combo.isEditable() and combo.lineEdit() else combo
    return inputs


def test_every_shortcut_works_from_every_input(demo: Driver, qtbot: QtBot) -> None:
    """design.md: every window shortcut works whatever has the focus. Each action's slot is replaced by a
    counter, so the keys reach the action without dialling, quitting or opening dialogs."""
    fired: list[str] = []
    actions = [a for a in demo.window.actions() if a.shortcuts() and a.isEnabled()]
    assert len(actions) >= 15
    for action in actions:
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False, a=action: fired.append(a.text()))
    missed: list[str] = []
    for where, widget in _inputs(demo).items():
        for action in actions:
            keys = action.shortcuts()[0]
            combo = keys[0]
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus, timeout=2000)
            fired.clear()
            qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())
            if fired != [action.text()]:
                missed.append(f"{keys.toString()} ({action.text()}) from {where}: {fired}")
    assert missed == []


def test_ctrl_e_ends_the_call_from_the_number_field(demo: Driver, qtbot: QtBot) -> None:
    """The issue's own case: with the cursor in the number field, Ctrl+E ended nothing."""
    demo.dial("+1 617 555 0101")
    iid = demo.window.lines[1].interaction_id
    number = demo.find(QLineEdit, "numberInput")
    number.setFocus()
    qtbot.keyClicks(number, "+44")
    qtbot.keyClick(number, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    demo.wait_idle()
    assert [r.path for r in demo.sim.requests if r.method == "DELETE"] == [
        f"/api/v1/tenants/acmecorp01/calls/{iid}"
    ]
    assert number.text().strip() == "+44"


def _clipped(container: QWidget) -> list[str]:
    """Visible buttons, check boxes and labels that stick out of the window's content (cut on screen)."""
    window = container.window()
    right = window.findChild(QWidget, "windowScroll").viewport().width()
    cut = []
    for widget in container.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        if not isinstance(widget, QPushButton | QLineEdit | QComboBox) and widget.objectName() not in (
            "endPostProcessingCheck",
            "lineStateLabel",
            "forceCallCheck",
        ):
            continue
        edge = widget.mapTo(
            window.findChild(QWidget, "windowScroll").viewport(), widget.rect().topRight()
        ).x()
        if edge > right:
            cut.append(f"{widget.objectName() or type(widget).__name__} ends at {edge} > {right}")
    return cut


def test_compact_layout_fits_360_px_and_is_remembered(
    open_window: Callable[..., Driver], qtbot: QtBot
) -> None:
    first = open_window("--demo")
    window = first.window
    first.dial("+1 617 555 0101")
    first.dial("+44 20 7946 0958", force=True)
    window.findChild(QAction, "compactLayoutAction").trigger()
    window.resize(360, 900)
    qtbot.waitUntil(lambda: window.width() <= 360, timeout=2000)
    QApplication.processEvents()
    scroll = window.findChild(QWidget, "windowScroll")
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()  # no sideways scrolling
    lines, dial = first.panel(1), window.findChild(QWidget, "dialSide")
    assert lines.mapTo(window, lines.rect().topLeft()).y() < dial.mapTo(window, dial.rect().topLeft()).y()
    assert _clipped(window) == []
    window.close()
    again = open_window("--demo")
    assert again.window.compact and again.window.findChild(QAction, "compactLayoutAction").isChecked()
    again.window.findChild(QAction, "compactLayoutAction").trigger()  # back to the wide layout
    assert not again.window.compact


def test_a_wide_screen_does_not_stretch_the_controls(demo: Driver, qtbot: QtBot) -> None:
    window = demo.window
    window.setMaximumSize(16777215, 16777215)
    window.resize(2560, 1400)
    QApplication.processEvents()
    assert window.dial_panel.dial_button.width() < 700
    content = window.findChild(QWidget, "windowContent")
    assert content.width() <= 1480


def test_compact_toggle_has_a_key(demo: Driver) -> None:
    action = demo.window.findChild(QAction, "compactLayoutAction")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+M")
