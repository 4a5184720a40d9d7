"""The bridge: work on worker threads, answers on the GUI thread, one lane at a time, every error delivered,
and each task tied to the session (owner) that submitted it."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ccdesk.ui.bridge import Bridge, ClientOwner, TaskResult, to_gui
from ccdesk.ui.qt import QApplication


class FakeClient:
    """Stands in for CCClient: the bridge only passes it to the work functions."""

    def __init__(self, name: str = "client") -> None:
        self.name = name
        self.closed = False

    def close(self) -> None:
        self.closed = True


class FakeOwner:
    """A session as the bridge sees it: a client, and the count of its work running."""

    def __init__(self, client: Any = None, make_client: Any = None) -> None:
        self.retired = False
        self.running = 0
        self.finished = 0
        self._client = client or FakeClient()
        self._make_client = make_client

    @property
    def client(self) -> Any:
        return self._make_client() if self._make_client is not None else self._client

    def work_started(self) -> None:
        self.running += 1

    def work_finished(self) -> None:
        self.running -= 1
        self.finished += 1


@pytest.fixture
def owner() -> FakeOwner:
    return FakeOwner()


@pytest.fixture
def bridge(qtbot: QtBot):  # type: ignore[no-untyped-def]
    b = Bridge(threads=4)
    yield b
    assert b.shutdown(5000)


def wait_for(qtbot: QtBot, results: list[Any], n: int) -> None:
    qtbot.waitUntil(lambda: len(results) >= n, timeout=5000)


def test_work_runs_off_the_gui_thread_and_answers_on_it(
    bridge: Bridge, owner: FakeOwner, qtbot: QtBot
) -> None:
    gui = threading.current_thread()
    seen: list[tuple[bool, bool]] = []

    def work(client: Any) -> str:
        return "worker" if threading.current_thread() is not gui else "gui"

    def done(r: TaskResult[str]) -> None:
        seen.append((r.value == "worker", threading.current_thread() is gui))

    bridge.submit("a", "probe", work, done, owner=owner)
    wait_for(qtbot, seen, 1)
    assert seen == [(True, True)]


def test_each_task_runs_with_its_owners_client(bridge: Bridge, qtbot: QtBot) -> None:
    one, two = FakeOwner(FakeClient("one")), FakeOwner(FakeClient("two"))
    results: list[str] = []
    bridge.submit("line:1", "x", lambda c: c.name, lambda r: results.append(r.value), owner=one)
    bridge.submit("line:1", "y", lambda c: c.name, lambda r: results.append(r.value), owner=two)
    wait_for(qtbot, results, 2)
    assert sorted(results) == ["one", "two"]


def test_exceptions_are_delivered_as_results(bridge: Bridge, owner: FakeOwner, qtbot: QtBot) -> None:
    results: list[TaskResult[Any]] = []

    def boom(client: Any) -> None:
        raise ValueError("bad")

    bridge.submit("a", "boom", boom, results.append, owner=owner)
    wait_for(qtbot, results, 1)
    assert not results[0].ok and isinstance(results[0].error, ValueError)


def test_one_lane_runs_in_order_and_lanes_run_together(
    bridge: Bridge, owner: FakeOwner, qtbot: QtBot
) -> None:
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
    bridge.submit("line:1", "codes", step("codes", 0.2), lambda r: done.append(r.value), owner=owner)
    bridge.submit("line:1", "end", step("end", 0.0), lambda r: done.append(r.value), owner=owner)
    bridge.submit("line:2", "other", step("other", 0.0), lambda r: done.append(r.value), owner=owner)
    wait_for(qtbot, done, 3)
    assert order.index("end codes") < order.index("start end")  # same lane: strictly one after the other
    assert order.index("end other") < order.index("end codes")  # other lane did not wait
    assert done[-1] == "end"


def test_the_same_lane_of_another_owner_does_not_wait(bridge: Bridge, qtbot: QtBot) -> None:
    """A slow hang-up of the profile switched away from never holds up the new profile's line."""
    old, new = FakeOwner(), FakeOwner()
    release = threading.Event()
    done: list[str] = []
    bridge.submit("line:1", "slow", lambda c: release.wait(5), lambda r: done.append("old"), owner=old)
    bridge.submit("line:1", "fast", lambda c: None, lambda r: done.append("new"), owner=new)
    wait_for(qtbot, done, 1)
    assert done == ["new"] and bridge.is_busy("line:1", old) and not bridge.is_busy("line:1", new)
    release.set()
    wait_for(qtbot, done, 2)


def test_a_callback_may_submit_on_its_own_lane(bridge: Bridge, owner: FakeOwner, qtbot: QtBot) -> None:
    """Regression: the next task must start exactly once (a refresh submitted from a callback)."""
    results: list[Any] = []

    def first(result: TaskResult[Any]) -> None:
        results.append(result.value)
        bridge.submit("status", "again", lambda c: "second", lambda r: results.append(r.value), owner=owner)

    bridge.submit("status", "first", lambda c: "first", first, owner=owner)
    wait_for(qtbot, results, 2)
    QApplication.processEvents()
    assert results == ["first", "second"] and bridge.pending() == 0


def test_a_failing_callback_does_not_stop_the_answers_behind_it(
    bridge: Bridge, owner: FakeOwner, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append(exc))
    results: list[Any] = []

    def broken(result: TaskResult[Any]) -> None:
        raise RuntimeError("a bug in a callback")

    bridge.submit("a", "first", lambda c: 1, broken, owner=owner)
    bridge.submit("a", "second", lambda c: 2, lambda r: results.append(r.value), owner=owner)
    wait_for(qtbot, results, 1)
    assert results == [2] and [str(e) for e in hooked] == ["a bug in a callback"]
    assert owner.running == 0 and owner.finished == 2


def test_owners_hear_when_their_work_starts_and_ends(bridge: Bridge, owner: FakeOwner, qtbot: QtBot) -> None:
    results: list[Any] = []
    bridge.submit("a", "x", lambda c: 1, results.append, owner=owner)
    bridge.submit("a", "y", lambda c: 2, results.append, owner=owner)
    assert owner.running == 1  # the second waits on the lane
    wait_for(qtbot, results, 2)
    assert (owner.running, owner.finished) == (0, 2)


def test_a_retired_owner_gets_no_callbacks_and_its_queued_work_is_not_sent(
    bridge: Bridge, qtbot: QtBot
) -> None:
    owner = FakeOwner()
    release = threading.Event()
    ran: list[str] = []
    called: list[str] = []

    def running(client: Any) -> None:
        release.wait(5)
        ran.append("hang up")  # the answer still arrives and is recorded by the work itself

    bridge.submit("line:1", "hang up", running, lambda r: called.append("hang up"), owner=owner)
    bridge.submit("line:1", "end", lambda c: ran.append("end"), lambda r: called.append("end"), owner=owner)
    assert bridge.retire(owner) == ["end"]
    release.set()
    assert bridge.wait(5000, owner)
    assert ran == ["hang up"] and called == [] and owner.running == 0 and bridge.pending(owner) == 0


def test_wait_processes_answers_without_an_event_loop(bridge: Bridge, owner: FakeOwner) -> None:
    results: list[Any] = []
    bridge.submit(
        "a", "x", lambda c: (time.sleep(0.1), "done")[1], lambda r: results.append(r.value), owner=owner
    )
    assert bridge.wait(5000, owner)
    assert results == ["done"] and owner.running == 0


def test_wait_gives_up_after_its_timeout(bridge: Bridge, owner: FakeOwner) -> None:
    release = threading.Event()
    bridge.submit("a", "x", lambda c: release.wait(5), owner=owner)
    assert not bridge.wait(100, owner)
    release.set()
    assert bridge.wait(5000, owner)


def test_shutdown_drops_queued_work_and_refuses_more(owner: FakeOwner, qtbot: QtBot) -> None:
    bridge = Bridge(threads=1)
    ran: list[int] = []
    bridge.submit("a", "slow", lambda c: (time.sleep(0.2), ran.append(1)), owner=owner)
    bridge.submit("a", "queued", lambda c: ran.append(2), owner=owner)
    assert bridge.shutdown(5000)
    assert ran == [1] and owner.running == 0
    with pytest.raises(RuntimeError):
        bridge.submit("a", "late", lambda c: None, owner=owner)


def test_a_client_that_cannot_be_made_fails_the_task_not_the_lane(qtbot: QtBot) -> None:
    from ccdesk.api.errors import ConfigurationError

    def no_client() -> FakeClient:
        raise ConfigurationError("No token")

    owner = FakeOwner(make_client=no_client)
    bridge = Bridge()
    results: list[TaskResult[Any]] = []
    bridge.submit("a", "first", lambda c: 1, results.append, owner=owner)
    bridge.submit("a", "second", lambda c: 2, results.append, owner=owner)
    wait_for(qtbot, results, 2)
    assert [isinstance(r.error, ConfigurationError) for r in results] == [True, True]
    assert not bridge.is_busy("a")
    assert bridge.shutdown(1000)


def test_a_client_owner_closes_its_client_when_the_work_is_done(bridge: Bridge, qtbot: QtBot) -> None:
    client = FakeClient()
    results: list[Any] = []
    bridge.submit("settings", "test", lambda c: c.name, results.append, owner=ClientOwner(client))  # type: ignore[arg-type]
    wait_for(qtbot, results, 1)
    assert client.closed


def test_to_gui_runs_jobs_from_any_thread_on_the_gui_thread_in_order(qtbot: QtBot) -> None:
    gui = threading.current_thread()
    seen: list[tuple[int, bool]] = []

    def post() -> None:
        for n in range(5):
            to_gui(lambda n=n: seen.append((n, threading.current_thread() is gui)))

    worker = threading.Thread(target=post)
    worker.start()
    worker.join()
    wait_for(qtbot, seen, 5)
    assert seen == [(n, True) for n in range(5)]


class Payload:
    """Stands for what a task's closure holds (a request body, a journal row): it must not outlive the answer."""


@pytest.mark.parametrize("fails", [False, True], ids=["answered", "raised"])
def test_finished_work_keeps_nothing_alive(owner: FakeOwner, qtbot: QtBot, fails: bool) -> None:
    """A shift submits thousands of tasks; each one's closure is released once answered, the ones that waited in
    the pool's queue behind a busy thread and the ones that raised too. (tests/benchmarks/soak.py found status
    reads' runnables kept by PySide's pool wrapper, which this does not reproduce; the runnable lets go of its task
    when it starts, so such a wrapper holds nothing.)"""
    import gc
    import weakref

    busy = Bridge(threads=1)
    held: list[weakref.ref[Payload]] = []
    answers: list[TaskResult[Any]] = []

    def submit(n: int) -> None:
        payload = Payload()
        held.append(weakref.ref(payload))

        def work(_client: Any, payload: Payload = payload) -> Payload:
            time.sleep(0.002)
            if fails:
                raise RuntimeError("timed out")
            return payload

        busy.submit(f"lane {n}", "agent status", work, answers.append, owner=owner)

    for n in range(12):  # one thread: eleven wait in the pool's queue
        submit(n)
    qtbot.waitUntil(lambda: len(answers) == 12, timeout=5000)
    answers.clear()
    assert busy.shutdown(2000)
    gc.collect()
    assert [ref for ref in held if ref() is not None] == []
