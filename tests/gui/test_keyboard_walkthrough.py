"""An agent who uses only the keyboard (and a screen reader): from start to a whole call with codes and End, then a
supervisor's bulk free, with key presses only. At each step the test checks where the focus is, the order Tab
takes, and what the accessible tree says about the focused control (its name and description, its role).

Nothing here clicks: every action is a key sent to the widget that has the focus, as the keyboard does.
"""

from __future__ import annotations

from collections.abc import Callable

from gui_driver import Driver
from pytestqt.qtbot import QtBot

from ccdesk.core.lines import LineState
from ccdesk.ui.qt import QAccessible, QApplication, Qt, QTimer, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard focus is nowhere"
    return widget


def spoken(widget: QWidget) -> tuple[str, str, object]:
    """What a screen reader is told about `widget`: its name, description and role."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None and face.isValid(), f"{widget.objectName()} has no accessible interface"
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description), face.role()


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifiers)
    QApplication.processEvents()


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot: QtBot, name: str, limit: int = 60) -> list[str]:
    """Press Tab until `name` has the focus; returns the names Tab went through (each must be named)."""
    path: list[str] = []
    for _ in range(limit):
        widget = focused()
        if widget.objectName() == name:
            return path
        label, _description, _role = spoken(widget)
        assert label.strip(), f"Tab reached {widget.objectName() or type(widget).__name__}, which has no name"
        path.append(widget.objectName() or type(widget).__name__)
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"{limit} Tabs never reached {name}: {path}")


def in_modal(qtbot: QtBot, keys: Callable[[QWidget], None], seen: list[str]) -> None:
    """Run `keys` on the next modal dialog once it is up (a dialog's exec() blocks the test until it closes)."""

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, drive)
            return
        seen.append(dialog.objectName())
        try:
            keys(dialog)
        except BaseException as exc:  # a failed check must not leave a modal dialog waiting forever
            seen.append(f"failed: {exc!r}")
            dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, drive)


def test_a_whole_call_and_a_bulk_free_with_the_keyboard_alone(demo: Driver, qtbot: QtBot) -> None:
    window = demo.window
    # 1. Start: the focus is in the number field, which says what it is and what Enter does
    assert focused().objectName() == "numberInput"
    name, description, role = spoken(focused())
    assert name and description and role == QAccessible.Role.EditableText

    # 2. Type the number; Tab then goes through the dial panel in reading order, every stop named, to Dial
    type_text(qtbot, "+1 617 555 0142")
    order = tab_to(qtbot, "dialButton")
    for earlier, later in (
        ("numberInput", "callerIdInput"),
        ("callerIdInput", "queueInput"),
        ("queueInput", "dialPlanInput"),
        ("dialPlanInput", "forceCallCheck"),
        ("forceCallCheck", "extDataTable"),
    ):
        assert order.index(earlier) < order.index(later), order
    name, description, role = spoken(focused())
    assert name and description and role == QAccessible.Role.Button

    # 3. Space on Dial places the call on line 1, and the panel says so in words
    press(qtbot, Qt.Key.Key_Space)
    demo.wait_idle()
    qtbot.waitUntil(lambda: bool(window.lines[1].interaction_id), timeout=10_000)
    iid = window.lines[1].interaction_id
    panel_name, _, _ = spoken(demo.panel(1))
    assert "+1 617-555-0142" in panel_name, panel_name

    # 4. Ctrl+T: the transaction codes of line 1; search, toggle the only match, move into the list, Enter
    seen: list[str] = []

    def choose_codes(dialog: QWidget) -> None:
        search = dialog.focusWidget()  # the dialog's focus (offscreen, Qt may not make the dialog active)
        assert search is not None and search.objectName() == "codeSearchInput"
        assert all(spoken(search)[:2])
        qtbot.keyClicks(search, "Sale closed")
        qtbot.keyClick(search, Qt.Key.Key_Return)  # one match: Enter ticks it
        qtbot.keyClick(search, Qt.Key.Key_Down)  # into the list
        tree = dialog.focusWidget()
        assert tree is not None and tree.objectName() == "codeTree" and all(spoken(tree)[:2])
        qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter in the list sets the codes

    in_modal(qtbot, choose_codes, seen)
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    demo.wait_idle()
    assert seen == ["transactionCodesDialog"]
    window.activateWindow()  # the window manager's part when a dialog closes (offscreen has none)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    code_sets = [r for r in demo.sim.requests if r.method == "PUT" and iid in r.path]
    assert len(code_sets) == 1 and b"234" in code_sets[0].body  # "Sale closed" is item 234 of list 12

    # 5. Ctrl+E ends the call from wherever the focus is; line 1 goes to wrap-up and says so
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    demo.wait_idle()
    assert [r.path for r in demo.sim.requests if r.method == "DELETE"] == [
        f"/api/v1/tenants/acmecorp01/calls/{iid}"
    ]
    qtbot.waitUntil(lambda: window.lines[1].state is not LineState.LIVE, timeout=5000)

    # 6. The supervisor console (Ctrl+Shift+O): select every agent shown, Tab to Free lines, Space; the
    #    question that summarises comes up with Cancel as the default, so Tab to "Free" and Space
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    console = window.supervisor
    assert console is not None
    qtbot.waitUntil(console.isVisible, timeout=5000)
    console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console, timeout=5000)
    qtbot.waitUntil(lambda: console.roster_model.rowCount() > 0, timeout=10_000)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: the agent filter
    assert focused().objectName() == "rosterFilterInput" and all(spoken(focused())[:2])
    to_table = tab_to(qtbot, "rosterTable")
    table_name, table_description, table_role = spoken(focused())
    assert table_name and table_description and table_role == QAccessible.Role.Table
    assert "rosterFilterInput" in to_table
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    selected = len(console.selected_entries())
    assert selected == console.roster_model.rowCount() > 1
    tab_to(qtbot, "bulkFreeButton")
    assert all(spoken(focused())[:2])
    before = len([r for r in demo.sim.requests if r.method == "DELETE"])
    asked: list[str] = []

    def go(dialog: QWidget) -> None:
        first = dialog.focusWidget()
        assert first is not None and first.objectName() != "bulkConfirmButton"  # the safe default is Cancel
        for _ in range(10):
            widget = dialog.focusWidget()
            if widget is not None and widget.objectName() == "bulkConfirmButton":
                assert all(spoken(widget)[:2])
                qtbot.keyClick(widget, Qt.Key.Key_Space)
                return
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
        raise AssertionError("Tab never reached the bulk question's Free button")

    in_modal(qtbot, go, asked)
    press(qtbot, Qt.Key.Key_Space)
    assert asked == ["bulkConfirmDialog"]
    qtbot.waitUntil(
        lambda: len([r for r in demo.sim.requests if r.method == "DELETE"]) - before >= selected,
        timeout=15_000,
    )
