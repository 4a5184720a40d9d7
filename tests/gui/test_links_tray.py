"""Click-to-dial links (hand-off to the running window, file-open events) and the tray icon."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gui_driver import AGENT, Driver

from ccdesk.core.instance import InstanceServer, hand_off, socket_path
from ccdesk.core.lines import LineState
from ccdesk.core.paths import app_dirs
from ccdesk.ui.file_open import FileOpenFilter
from ccdesk.ui.qt import QAction, QApplication, QColor, QFileOpenEvent, QLabel, QLineEdit, QMessageBox, QUrl
from ccdesk.ui.tray import tray_icon

UK = "tel:+44%2020%207946%200958"
UK_PREVIEW = "+44 20 7946 0958, sent as prefix 44, number 2079460958"


def preview(demo: Driver) -> str:
    return demo.find(QLabel, "dialPreviewLabel").text()


def posts(demo: Driver) -> int:
    return sum(r.method == "POST" for r in demo.sim.requests)


def test_a_tel_link_fills_the_dial_field_and_dials_nothing(demo: Driver) -> None:
    demo.window.handle_link(UK)
    assert preview(demo) == UK_PREVIEW
    assert demo.find(QLineEdit, "numberInput").text().replace(" ", "") == "+442079460958"
    assert posts(demo) == 0


def test_a_ccdesk_link_fills_queue_force_and_data(demo: Driver) -> None:
    demo.window.handle_link("ccdesk:dial?number=6175551984&queue=598&force=1&data.Name=Bilbo&ctl.Ref=BB1")
    panel = demo.window.dial_panel
    assert panel.queue_input.currentData() == "598" and panel.force_check.isChecked()
    assert panel.ext_table.rows() == [["Name", "Bilbo"]] and panel.ctl_table.rows() == [["Ref", "BB1"]]
    assert preview(demo).startswith("+1 617-555-1984") and posts(demo) == 0


@pytest.mark.parametrize("link", ["javascript:alert(1)", "tel:+1%0A617", "ccdesk:dial?number=1&queue=../x"])
def test_hostile_links_are_refused_with_a_message(demo: Driver, link: str) -> None:
    demo.window.handle_link("tel:+16175551984")
    demo.window.handle_link(link)
    assert demo.error_bar_text().startswith("Link refused: Nothing was dialled.")
    assert preview(demo).startswith("+1 617-555-1984")  # the field keeps what it had
    assert posts(demo) == 0


def test_dial_links_at_once_when_the_profile_says_so(demo: Driver) -> None:
    demo.window.session.profile.dial_links_at_once = True
    demo.window.handle_link("tel:+16175551984")
    demo.wait_state(1, LineState.LIVE)
    assert posts(demo) == 1


def test_macos_file_open_events_are_links(demo: Driver) -> None:
    app = QApplication.instance()
    spy = FileOpenFilter(demo.window.handle_link, demo.window)
    app.installEventFilter(spy)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(QUrl(UK)))
    finally:
        app.removeEventFilter(spy)
    assert preview(demo) == UK_PREVIEW and posts(demo) == 0


def _launch(*argv: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "ccdesk", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done, time.monotonic() - started


def test_a_second_launch_hands_its_link_to_the_running_window(
    demo: Driver, qtbot, isolated_home: Path
) -> None:  # type: ignore[no-untyped-def]
    data = app_dirs().ensure().data
    assert not hand_off(data, "show")  # nobody is listening yet
    server = InstanceServer(data, demo.window.receive_link)
    try:
        done, seconds = _launch(UK)
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: preview(demo) == UK_PREVIEW, timeout=5000)
        assert seconds < 5, f"the second launch took {seconds:.2f} s"
        print(f"hand-off: second launch exited in {seconds * 1000:.0f} ms")
        hostile, _ = _launch("ccdesk:dial?number=1&queue=../x")
        assert hostile.returncode == 0  # handed over; the running window refuses it
        qtbot.waitUntil(lambda: "Link refused" in demo.error_bar_text(), timeout=5000)
        dialled, _ = _launch("--dial", "+1 617 555 0142")
        assert dialled.returncode == 0
        qtbot.waitUntil(lambda: preview(demo).startswith("+1 617-555-0142"), timeout=5000)
        assert posts(demo) == 0
    finally:
        server.stop()
    assert not hand_off(data, "show")


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
def test_a_jammed_listener_still_takes_the_next_launch(demo: Driver, qtbot, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    data = app_dirs().ensure().data
    server = InstanceServer(data, demo.window.receive_link)
    idle: list[socket.socket] = []
    try:
        for n in range(100):  # garbage, half-open and idle clients, as a hostile neighbour process would send
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(str(socket_path(data)))
            if n % 3 == 0:
                sock.sendall(os.urandom(700))
            if n % 3 == 2:
                idle.append(sock)
            else:
                sock.close()
        done, seconds = _launch(UK)
        assert done.returncode == 0, done.stderr  # handed over: no second window
        qtbot.waitUntil(lambda: preview(demo) == UK_PREVIEW, timeout=5000)
        print(f"jammed hand-off: second launch exited in {seconds * 1000:.0f} ms")
    finally:
        for sock in idle:
            sock.close()
        server.stop()


def _dot_colour(state: str) -> QColor:
    image = tray_icon(state).pixmap(32, 32).toImage()
    return image.pixelColor(26, 26)


def test_the_tray_icon_follows_the_lines(demo: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    tray = demo.window.ensure_tray()
    assert tray.state == "idle"
    demo.dial("+1 617 555 1984")
    assert tray.state == "call"
    demo.click(1, "hangUpButton")
    demo.wait_state(1, LineState.IDLE)
    assert tray.state == "wrap-up"  # the call's wrap-up is open
    demo.sim.add_fault("status", status=500, method="POST")
    demo.dial("+1 617 555 1985", force=True)
    assert tray.state == "error"
    colours = {state: _dot_colour(state).name() for state in ("idle", "call", "wrap-up", "error")}
    assert len(set(colours.values())) == 4, colours


def test_tray_menu_actions_reach_the_api(demo: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    tray = demo.window.ensure_tray()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def trigger(name: str) -> None:
        action = tray.menu.findChild(QAction, name)
        assert action is not None, name
        action.trigger()
        demo.wait_idle()

    demo.dial("+1 617 555 1984")
    demo.sim.clear_requests()
    trigger("trayFreeLine1Action")
    trigger("trayFreeLine2Action")
    trigger("trayFreeAllAction")
    trigger("trayStatus_3")
    api = [(r.method, r.path.rsplit("/tenants/acmecorp01", 1)[1]) for r in demo.sim.requests]
    assert ("DELETE", f"/agents/{AGENT}/calls/line/1") in api
    assert ("DELETE", f"/agents/{AGENT}/calls/line/2") in api
    assert ("DELETE", f"/agents/{AGENT}/calls") in api
    assert ("PUT", f"/agentstatus/agents/{AGENT}") in api
    QApplication.clipboard().setText("tel:+1-617-555-0199")
    trigger("trayDialClipboardAction")
    assert preview(demo).startswith("+1 617-555-0199")
    trigger("trayShowAction")
    assert demo.window.isVisible()


def test_supervisor_launch_opens_the_console_of_the_running_window(
    demo: Driver, qtbot, isolated_home
) -> None:  # type: ignore[no-untyped-def]
    server = InstanceServer(app_dirs().ensure().data, demo.window.receive_link)
    try:
        done, _ = _launch("--supervisor")
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(
            lambda: demo.window.supervisor is not None and demo.window.supervisor.isVisible(), timeout=5000
        )
    finally:
        server.stop()
