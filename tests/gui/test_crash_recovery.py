"""A crash during a live call loses nothing: the journal brings the call back to its line after a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from gui_driver import AGENT

from ccdesk.sim import Simulator
from ccdesk.sim.server import serve_in_thread
from ccdesk.ui.qt import QWidget


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")}
    env.update({"CCDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra})
    return env


CHILD = textwrap.dedent(
    """
    import sys, time
    from ccdesk.ui.qt import QApplication
    from ccdesk.app import create_main_window
    from ccdesk.core.lines import LineState
    app = QApplication([])
    window = create_main_window(sys.argv[1:])
    window.dial_panel.set_number("+1 617 555 1984")
    window.dial_panel.dial_button.click()
    while window.lines[1].state is not LineState.LIVE:
        app.processEvents()
        time.sleep(0.01)
    print(window.lines[1].interaction_id, flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_window_gets_its_live_call_back(isolated_home: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    """Kill the process during a live call (the simulator keeps the call); after restart it is back and can end."""
    simulator = Simulator(token="t0k")
    with serve_in_thread(simulator) as server:
        argv = ["--base-url", server.url, "--tenant", "acmecorp01", "--agent", AGENT]
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, *argv],
            env=_env(isolated_home, CCDESK_TOKEN="t0k"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            iid = child.stdout.readline().strip()
            assert iid.startswith("int-"), child.stderr.read() if child.stderr else ""
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
            for stream in (child.stdout, child.stderr):
                if stream is not None:
                    stream.close()
        assert child.returncode == -signal.SIGKILL
        live = [i for i in simulator.state.snapshot()["interactions"] if i["id"] == iid]
        assert live and live[0]["state"] == "live"

        os.environ["CCDESK_TOKEN"] = "t0k"
        try:
            driver = open_window(*argv)
            assert driver.window.lines[1].interaction_id == iid
            assert driver.state_text(1) == "On a call"
            driver.in_panel(1, QWidget, "endPostProcessingCheck").setChecked(True)
            driver.click(1, "endCallButton")
            driver.wait_idle()
        finally:
            del os.environ["CCDESK_TOKEN"]
        assert driver.window.lines[1].interaction_id == ""
        ends = [r for r in simulator.requests if r.method == "DELETE" and r.path.endswith(f"/calls/{iid}")]
        assert len(ends) == 1 and ends[0].query == {"endPostProcessing": "true"}
        assert [i["state"] for i in simulator.state.snapshot()["interactions"] if i["id"] == iid] == [
            "terminated"
        ]


DIAL_AND_WAIT = textwrap.dedent(
    """
    import sys, time
    from ccdesk.ui.qt import QApplication
    from ccdesk.app import create_main_window
    app = QApplication([])
    window = create_main_window(sys.argv[1:])
    window.dial_panel.set_number("+1 617 555 1984")
    window.dial_panel.dial_button.click()
    while True:  # the platform is slow to answer: the process is killed before it does
        app.processEvents()
        time.sleep(0.02)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_during_a_dial_the_call_comes_back_as_unknown(
    isolated_home: Path, open_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """kill -9 after the call request went out, before 8x8 answered: after restart the call may be live, and the
    line says so with its number, instead of showing Idle and dialling over it."""
    from ccdesk.core.journal import CallState, Journal
    from ccdesk.core.lines import LineState
    from ccdesk.core.paths import app_dirs
    from ccdesk.ui.qt import QLabel, QMessageBox, QPushButton

    simulator = Simulator(token="t0k")
    simulator.add_fault("timeout", delay=30, apply=True, method="POST")
    with serve_in_thread(simulator) as server:
        argv = ["--base-url", server.url, "--tenant", "acmecorp01", "--agent", AGENT]
        child = subprocess.Popen(
            [sys.executable, "-c", DIAL_AND_WAIT, *argv],
            env=_env(isolated_home, CCDESK_TOKEN="t0k"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 20
            while not any(r.method == "POST" for r in simulator.requests) and time.monotonic() < deadline:
                time.sleep(0.02)
            assert any(r.method == "POST" for r in simulator.requests), "the call request never went out"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.communicate(timeout=30)
        simulator.clear_faults()

        os.environ["CCDESK_TOKEN"] = "t0k"
        try:
            driver = open_window(*argv)
            line = driver.window.lines[1]
            assert line.state is LineState.UNKNOWN and line.display == "+1 617-555-1984"
            assert driver.state_text(1) == "Unknown: may be live"
            assert driver.in_panel(1, QLabel, "lineNumberLabel").text() == "+1 617-555-1984"
            dismiss = driver.in_panel(1, QPushButton, "dismissCallButton")
            assert dismiss.isVisible() and dismiss.isEnabled()
            assert driver.in_panel(1, QPushButton, "checkCallButton").isEnabled()
            assert driver.in_panel(1, QPushButton, "freeLineButton").isEnabled()
            assert driver.window.lines.free_line() == 2  # the next dial does not take its line silently
            asked: list[str] = []
            monkeypatch.setattr(
                QMessageBox,
                "question",
                lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes,
            )
            driver.click(1, "freeLineButton")  # ends whatever is on the platform's line 1, after asking
            assert asked and "+1 617-555-1984" in asked[0]
            driver.wait_idle()
            assert driver.window.lines[1].state is LineState.IDLE
            # 8x8 named the call it cut: the dial was placed after all, and its wrap-up is open
            [wrap] = driver.window.lines.wrap_ups
            assert wrap.display == "+1 617-555-1984" and wrap.interaction_id
        finally:
            del os.environ["CCDESK_TOKEN"]
    assert any(r.method == "DELETE" and r.path.endswith("/calls/line/1") for r in simulator.requests)
    journal = Journal(app_dirs().journal_file)
    try:
        [settled] = journal.recent(1)  # settled by freeing its line: the id 8x8 named, in wrap-up
        assert settled.state is CallState.WRAP_UP and settled.interaction_id == wrap.interaction_id
    finally:
        journal.close()
