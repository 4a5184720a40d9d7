"""The bridge: work on worker threads, answers on the GUI thread, one lane at a time, every error delivered."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ccdesk.ui.bridge import Bridge, TaskResult
from ccdesk.ui.qt import QApplication


class FakeClient:
    """Stands in for CCClient: the bridge only passes it to the work functions."""


@pytest.fixture
def bridge(qtbot: QtBot):  # type: ignore[no-untyped-def]
    b = Bridge(FakeClient(), threads=4)  # type: ignore[arg-type]
    yield b
    assert b.shutdown(5000)


def wait_for(qtbot: QtBot, results: list[Any], n: int) -> None:
    qtbot.waitUntil(lambda: len(results) >= n, timeout=5000)


def test_work_runs_off_the_gui_thread_and_answers_on_it(bridge: Bridge, qtbot: QtBot) -> None:
    gui = threading.current_thread()
    seen: list[tuple[bool, bool]] = []

    def work(client: Any) -> str:
        return "worker" if threading.current_thread() is not gui else "gui"

    bridge.submit(
        "a", "probe", work, lambda r: seen.append((r.value == "worker", threading.current_thread() is gui))
    )
    wait_for(qtbot, seen, 1)
    assert seen == [(True, True)]


def test_exceptions_are_delivered_as_results(bridge: Bridge, qtbot: QtBot) -> None:
    results: list[TaskResult[Any]] = []

    def boom(client: Any) -> None:
        raise ValueError("bad")

    bridge.submit("a", "boom", boom, results.append)
    wait_for(qtbot, results, 1)
    assert not results[0].ok and isinstance(results[0].error, ValueError)


def test_one_lane_runs_in_order_and_lanes_run_together(bridge: Bridge, qtbot: QtBot) -> None:
    order: list[str] = []
    lock = threading.Lock()

    def step(name: str, pause: float):  # type: ignore[no-untyped-def]
        def run(client: Any) -> str:
            with lock:
                order.append(f"start {name}")
            time.sleep(pause)
            with lock:
                order.append(f"end {name}")
            return name

        return run

    done: list[str] = []
    bridge.submit("line:1", "codes", step("codes", 0.2), lambda r: done.append(r.value))
    bridge.submit("line:1", "end", step("end", 0.0), lambda r: done.append(r.value))
    bridge.submit("line:2", "other", step("other", 0.0), lambda r: done.append(r.value))
    wait_for(qtbot, done, 3)
    assert order.index("end codes") < order.index("start end")  # same lane: strictly one after the other
    assert order.index("end other") < order.index("end codes")  # other lane did not wait
    assert done[-1] == "end"


def test_a_callback_may_submit_on_its_own_lane(bridge: Bridge, qtbot: QtBot) -> None:
    """Regression: the next task must start exactly once (a refresh submitted from a callback)."""
    results: list[Any] = []

    def first(result: TaskResult[Any]) -> None:
        results.append(result.value)
        bridge.submit("status", "again", lambda c: "second", lambda r: results.append(r.value))

    bridge.submit("status", "first", lambda c: "first", first)
    wait_for(qtbot, results, 2)
    QApplication.processEvents()
    assert results == ["first", "second"] and bridge.pending() == 0


def test_busy_lanes_are_reported(bridge: Bridge, qtbot: QtBot) -> None:
    events: list[tuple[str, bool]] = []
    bridge.lane_busy.connect(lambda lane, busy: events.append((lane, busy)))
    results: list[Any] = []
    bridge.submit("dial", "x", lambda c: 1, results.append)
    assert bridge.is_busy("dial")
    wait_for(qtbot, results, 1)
    assert events == [("dial", True), ("dial", False)] and not bridge.is_busy("dial")


def test_shutdown_drops_queued_work_and_refuses_more(qtbot: QtBot) -> None:
    bridge = Bridge(FakeClient(), threads=1)  # type: ignore[arg-type]
    ran: list[int] = []
    bridge.submit("a", "slow", lambda c: (time.sleep(0.2), ran.append(1)))
    bridge.submit("a", "queued", lambda c: ran.append(2))
    assert bridge.shutdown(5000)
    assert ran == [1]
    with pytest.raises(RuntimeError):
        bridge.submit("a", "late", lambda c: None)


def test_a_client_that_cannot_be_made_fails_the_task_not_the_lane(qtbot: QtBot) -> None:
    from ccdesk.api.errors import ConfigurationError

    def no_client() -> FakeClient:
        raise ConfigurationError("No token")

    bridge = Bridge(no_client)  # type: ignore[arg-type]
    results: list[TaskResult[Any]] = []
    bridge.submit("a", "first", lambda c: 1, results.append)
    bridge.submit("a", "second", lambda c: 2, results.append)
    wait_for(qtbot, results, 2)
    assert [isinstance(r.error, ConfigurationError) for r in results] == [True, True]
    assert not bridge.is_busy("a")
    assert bridge.shutdown(1000)
