"""Stage the demo window in one state for README's screenshots: run under ../shared/tools/screenshot.

python docs/screenshots/stage.py idle|calls|picker|error|dark|unknown|unknown-dark|live|live-dark|stream-failed
(add "-compact" for the compact layout, 360 px wide: calls-compact, calls-compact-dark; supervisor; audit; settings;
add "-fr" for the window in French: calls-fr, calls-compact-fr, picker-fr, settings-fr, supervisor-fr)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from ccdesk.api.models import TransactionCode
from ccdesk.app import create_main_window
from ccdesk.core.lines import LineState
from ccdesk.ui.i18n import install
from ccdesk.ui.qt import QApplication, QTimer


def settle(condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    scene = sys.argv[1] if len(sys.argv) > 1 else "idle"
    app = QApplication(sys.argv[:1])
    if "-fr" in scene:  # as `ccdesk --lang fr` does, before any widget is made
        install("fr", Path(tempfile.mkdtemp(prefix="ccdesk-i18n-")))
        scene = scene.replace("-fr", "")
    argv = ["--demo"] + (["--theme", "dark"] if scene.endswith("dark") else ["--theme", "light"])
    window = create_main_window(argv)
    window.move(0, 0)
    compact = "-compact" in scene
    scene = scene.replace("-compact", "")
    if scene == "calls-dark":
        scene = "dark"
    window.set_compact(compact)  # whatever the last run remembered
    if compact:
        window.resize(window.compact_width(), 1000)
    else:
        window.resize(1180, 780)
    panel = window.dial_panel
    if scene in ("calls", "picker", "dark"):
        # a call in wrap-up (its leg is down: it holds no line), then a call on each line
        panel.queue_input.setCurrentIndex(panel.queue_input.findData("598"))
        panel.set_number("+1 (212) 555-0147")
        panel.dial_button.click()
        settle(lambda: window.lines[1].state is LineState.LIVE)
        first = window.lines[1].interaction_id
        window.set_codes(first, [TransactionCode(12, 235)])
        window.hang_up(1)
        settle(lambda: bool(window.lines.wrap_ups))
        panel.queue_input.setCurrentIndex(panel.queue_input.findData("598"))
        panel.set_number("+1 617 555 1984")
        panel.dial_button.click()
        settle(lambda: window.lines[1].state is LineState.LIVE)
        window.set_codes(
            window.lines[1].interaction_id, [TransactionCode(12, 234), TransactionCode(2281, 7361)]
        )
        panel.force_check.setChecked(True)
        panel.set_number("+44 20 7946 0958")
        panel.dial_button.click()
        settle(lambda: window.lines[2].state is LineState.LIVE)
        panel.set_number("+1 (212) 555-0199")
    if scene == "error":
        panel.set_number("+1 617 555 1984")
        panel.dial_button.click()
        settle(lambda: window.lines[1].state is LineState.LIVE)
        panel.set_number("+1 617 555 2020")
        panel.dial_button.click()  # no force: the platform refuses, the panel explains
        settle(lambda: window.lines[2].state is LineState.FAILED)
        panel.set_number("+1 617 555 2020")
    if scene.startswith("unknown"):
        # 8x8 takes longer than the read timeout to answer: the call may be live, and the line says so; the
        # journal's file problem bar shows above (staged: the demo keeps its journal in memory)
        from ccdesk.core.journal import JournalError

        window.session.simulator.add_fault("timeout", delay=8, method="POST")
        panel.set_number("+1 617 555 1984")
        panel.dial_button.click()
        settle(lambda: window.lines[1].state is LineState.UNKNOWN, timeout=15)
        window.show_file_problem(JournalError.locked(window.session.dirs.journal_file))
    if scene.startswith("live") or scene == "stream-failed":
        # what happened elsewhere, read from the demo's event stream: a customer hung up (wrap-up), the agent's
        # call was answered, and another (inbound) call arrived on line 2
        settle(
            lambda: window.controller.stream is not None and window.controller.stream.status.state == "live"
        )
        state = window.session.simulator.state
        panel.set_number("+1 (212) 555-0147")
        panel.dial_button.click()
        settle(lambda: window.lines[1].state is LineState.LIVE)
        gone = window.lines[1].interaction_id
        state.customer_answers(gone)
        state.customer_hangs_up(gone)
        settle(lambda: bool(window.lines.wrap_ups))
        panel.set_number("+1 617 555 1984")
        panel.dial_button.click()
        settle(lambda: window.lines[1].state is LineState.LIVE)
        state.customer_answers(window.lines[1].interaction_id)
        inbound = state.another_call_arrives(window.session.agent_id)
        settle(lambda: window.lines[2].interaction_id == inbound)
        if scene == "stream-failed":
            sim = window.session.simulator
            sim.stream.revoke(sim.stream_key)
            sim.stream.drop()
            settle(lambda: window.controller.stream.status.state == "failed")
    if scene in ("supervisor", "audit"):
        # a bad morning: the Stuck view of the demo tenant, those agents selected, their lines freed in bulk
        # (one refused by 8x8), the results below
        import ccdesk.ui.supervisor as supervisor_module
        from ccdesk.ui.supervisor_models import StatusFilter

        sim = window.session.simulator
        console = window.open_supervisor()
        console.move(0, 0)
        console.resize(1180, 760)
        last = sim.state.events.messages("event-v1/AgentStatusChange")[-1].message_id
        settle(lambda: console._roster_read and console.bridge.pending() == 0)
        settle(lambda: console._stream_position == last, timeout=5)
        console.status_filter.setCurrentIndex(console.status_filter.findData(StatusFilter.STUCK))
        console.select_stuck()
        sim.add_fault(
            "status",
            status=400,
            reasons=["Agent is locked by another supervisor"],
            method="DELETE",
            path_contains="agF6sLbNq1ZxCe8uMw4TjH0r",
        )
        supervisor_module.confirm_bulk = lambda *_a: True  # type: ignore[assignment]
        console.bulk_free()
        settle(lambda: console.bridge.pending() == 0)
        if scene == "audit":  # the same morning, as the audit trail keeps it
            from ccdesk.ui.qt import QTabWidget

            tabs = console.findChild(QTabWidget, "supervisorTabs")
            tabs.setCurrentIndex(tabs.count() - 1)
        window.hide()
    if scene == "picker":
        QTimer.singleShot(300, lambda: window.panels[1].codes_button.click())
    if scene == "settings":
        QTimer.singleShot(300, window.open_settings)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
