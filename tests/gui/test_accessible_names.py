"""What a screen reader is told about every control: a name that says what it is and a description of what it
does, in the main window (idle and with calls), its dialogs, the tray menu and the supervisor console."""

from __future__ import annotations

from gui_driver import Driver
from pytestqt.qtbot import QtBot

from ccdesk.ui.qt import QAbstractSpinBox, QAccessible, QApplication, QMenu, Qt, QTimer, QWidget


def silent(root: QWidget, checked: list[str] | None = None) -> list[str]:
    """Focusable, shown controls under `root` that a screen reader cannot name or describe (`checked` collects
    every control looked at, so a test can tell it looked)."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(root.window()):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox):  # a spin box's editor speaks for it
            continue
        if widget.objectName() == "qt_tabwidget_tabbar":  # each tab is named by its text
            continue
        if checked is not None:
            checked.append(widget.objectName())
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        description = face.text(QAccessible.Text.Description) if face is not None else ""
        if not name.strip() or not description.strip():
            what = "name" if not name.strip() else "description"
            missing.append(
                f"{widget.objectName() or type(widget).__name__} ({type(widget).__name__}): no {what}"
            )
    return missing


def test_the_main_window_names_and_describes_every_control(demo: Driver) -> None:
    checked: list[str] = []
    assert silent(demo.window, checked) == []
    assert {"numberInput", "dialButton", "agentStatusInput", "callerIdInput", "forceCallCheck"} <= set(
        checked
    )
    demo.dial("+1 617 555 0142")  # the line panels' buttons appear with a call
    demo.dial("+44 20 7946 0958")
    assert silent(demo.window) == []


def test_the_tray_menu_says_what_each_entry_does(demo: Driver) -> None:
    tray = demo.window.ensure_tray()
    menus = [tray.menu, *tray.menu.findChildren(QMenu)]
    assert tray.menu.accessibleName() and tray.menu.accessibleDescription()
    blank = [a.objectName() for menu in menus for a in menu.actions() if not a.isSeparator() and not a.text()]
    assert blank == []


def test_the_dialogs_name_and_describe_every_control(demo: Driver, qtbot: QtBot) -> None:
    found: dict[str, list[str]] = {}

    def inspect_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect_and_close)
            return
        found[dialog.objectName()] = silent(dialog)
        assert dialog.accessibleName() or dialog.windowTitle()
        dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, inspect_and_close)
    demo.window.open_settings()
    demo.dial("+1 617 555 0142")
    QTimer.singleShot(0, inspect_and_close)
    demo.window.pick_codes(demo.window.lines[1].interaction_id)
    assert found == {"settingsDialog": [], "transactionCodesDialog": []}


def test_the_supervisor_console_names_and_describes_every_control(demo: Driver, qtbot: QtBot) -> None:
    console = demo.window.open_supervisor()
    qtbot.waitUntil(lambda: console.roster_model.rowCount() > 0, timeout=10_000)
    checked: list[str] = []
    assert silent(console, checked) == []
    assert {"rosterTable", "rosterFilterInput", "bulkFreeButton"} <= set(checked)
