"""`ccdesk --self-test`: drive the real window through a whole call against the embedded simulator.

The smoke test for every packaged build: it proves Qt, the worker threads, the HTTP client and the simulator all
load and work together in the bundle. Prints each step; returns 0 when all passed, 1 otherwise.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from ccdesk.api.models import TransactionCode
from ccdesk.core.credentials import keyring_report
from ccdesk.core.lines import LineState
from ccdesk.ui.main_window import MainWindow
from ccdesk.ui.qt import QApplication

STEP_TIMEOUT = 15.0


def _wait(condition: Callable[[], bool], timeout: float = STEP_TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def run_self_test(window: MainWindow) -> int:
    """Dial, set codes, hang up, end with post-processing, dial again, free the line, end its wrap-up; with the
    event stream (the default), also: the stream is live, and a customer's hang-up reaches the window by it."""
    out = sys.stdout
    calls = window.lines
    controller = window.controller
    assert controller is not None
    failures = 0
    placed: list[str] = []

    def problem() -> str:
        shown = [calls[1], *calls.wrap_ups]
        return "; ".join(f"{c.error} [{c.details}]" if c.details else c.error for c in shown if c.error)

    def step(name: str, act: Callable[[], None], done: Callable[[], bool]) -> bool:
        nonlocal failures
        started = time.monotonic()
        act()
        ok = _wait(lambda: done() or bool(problem())) and not problem()
        elapsed = (time.monotonic() - started) * 1000
        detail = f" ({problem()})" if problem() else ""
        print(
            f"self-test: {'ok  ' if ok else 'FAIL'} {name} [{elapsed:.0f} ms]{detail}", file=out, flush=True
        )
        failures += not ok
        return ok

    def dial() -> None:
        window.dial_panel.set_number("+1 617 555 1984")
        window.dial_panel.dial_button.click()

    def dialled() -> bool:
        if calls[1].state is LineState.LIVE:
            placed.append(calls[1].interaction_id)
            return True
        return False

    def in_wrap_up() -> bool:
        return (
            any(c.interaction_id == placed[-1] for c in calls.wrap_ups) and calls[1].state is LineState.IDLE
        )

    streaming = window.session.stream_factory is not None
    ok = not streaming or step(
        "event stream live (the simulator's, read over a WebSocket)",
        lambda: None,
        lambda: controller.stream is not None and controller.stream.status.state == "live",
    )
    ok = ok and step("dial +1 617-555-1984 on line 1", dial, dialled)
    codes = [TransactionCode(12, 234), TransactionCode(3050, 9101)]  # both of the sample's mandatory lists
    ok = ok and step(
        "set codes 12:234 and 3050:9101",
        lambda: window.set_codes(placed[-1], codes),
        lambda: bool(calls[1].codes),
    )
    ok = ok and step(
        "hang up the agent's leg: the call goes to wrap-up", lambda: window.hang_up(1), in_wrap_up
    )
    ok = ok and step(
        "end the call and its wrap-up",
        lambda: window.end_call(placed[-1], True),
        lambda: calls.find(placed[-1]) is None,
    )
    ok = ok and step("dial again", dial, dialled)
    ok = ok and step("free line 1: the call goes to wrap-up", lambda: controller.free_line(1), in_wrap_up)
    ok = ok and step(
        "end its wrap-up",
        lambda: controller.end_call(placed[-1], True),
        lambda: calls.find(placed[-1]) is None,
    )
    if streaming:
        ok = ok and step("dial again", dial, dialled)
        ok = ok and step(
            "the customer hangs up: the event stream moves the call to wrap-up",
            lambda: window.session.simulator.state.customer_hangs_up(placed[-1]),
            in_wrap_up,
        )
        ok = ok and step(
            "end its wrap-up",
            lambda: controller.end_call(placed[-1], True),
            lambda: calls.find(placed[-1]) is None,
        )
    window.close()
    print(f"self-test: Qt platform plugin {QApplication.platformName()}", file=out, flush=True)
    keyring = keyring_report()
    print(
        f"self-test: keyring {keyring['expected']} bundled={keyring['bundled']} usable={keyring['usable']}"
        + (f" ({keyring['detail']})" if keyring["detail"] else ""),
        file=out,
        flush=True,
    )
    if not keyring["bundled"]:
        failures += 1
    if not ok and not failures:
        failures = 1
    print(f"self-test: {'passed' if not failures else 'FAILED'}", file=out, flush=True)
    return 0 if not failures else 1
