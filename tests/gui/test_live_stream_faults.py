"""The event stream under a real network's faults, against the simulator over loopback: a drop in the middle of a
burst, a restart of the window, duplicates, reordering, unknown event types, a refused key (401), a forbidden
topic (403) and a silent stream. Every event is applied exactly once: checked on the model and in the journal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_driver import AGENT, Driver, loopback_platform
from pytestqt.qtbot import QtBot

from ccdesk.core.journal import Journal
from ccdesk.core.lines import LineState
from ccdesk.sim import Simulator
from ccdesk.ui.qt import QLabel

TOPIC = f"agent-v1/{AGENT}"


def header(driver: Driver) -> str:
    return driver.find(QLabel, "streamStateLabel").text()


def shown(driver: Driver) -> tuple[list[str | None], list[str]]:
    return [driver.window.lines[n].interaction_id or None for n in (1, 2)], sorted(driver.wrap_up_ids())


def platform(sim: Simulator) -> tuple[list[str | None], list[str]]:
    return sim.state.snapshot_lines(AGENT), sorted(sim.state.open_wrap_ups(AGENT))


def burst(sim: Simulator, calls: int) -> None:
    """Inbound calls that arrive, are freed by another client, and whose wrap-up ends: ~8 events each."""
    for _ in range(calls):
        iid = sim.state.another_call_arrives(AGENT)
        sim.state.free_line(AGENT, "1")
        sim.state.end_call(iid, end_post_processing=True)


def applied_ids(journal_path: Path) -> list[str]:
    journal = Journal(journal_path)
    try:
        return [r["message_id"] for r in journal.query("SELECT message_id FROM stream_applied")]
    finally:
        journal.close()


@pytest.fixture
def platform_sim(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Simulator, list[str]]]:
    """A simulator on loopback (REST and stream) and the window's arguments to use it, stream included."""
    simulator = Simulator(token="t0k")
    with loopback_platform(simulator, monkeypatch) as (argv, _stream):
        yield simulator, argv


def open_live(open_window: Callable[..., Driver], qtbot: QtBot, argv: list[str]) -> Driver:
    driver = open_window(*argv, stream=True)
    qtbot.waitUntil(lambda: header(driver) == "Live", timeout=5000)
    return driver


def test_a_drop_in_the_middle_of_a_burst_loses_and_repeats_nothing(
    platform_sim: tuple[Simulator, list[str]],
    open_window: Callable[..., Driver],
    qtbot: QtBot,
    isolated_home: Path,
) -> None:
    sim, argv = platform_sim
    driver = open_live(open_window, qtbot, argv)
    first = sim.state.events.end
    sim.stream.drop(after=25)
    burst(sim, 12)
    published = [m.message_id for m in sim.state.events.messages(TOPIC) if m.index >= first]
    assert len(published) > 60
    live = driver.window.controller.live
    qtbot.waitUntil(lambda: live.resume_from() == published[-1], timeout=10_000)
    qtbot.waitUntil(lambda: header(driver) == "Live", timeout=5000)
    assert shown(driver) == platform(sim) == ([None, None], [])
    assert live.total.applied + live.total.ignored == len(published)
    live.flush()  # the journal is written on a thread of its own
    assert sorted(applied_ids(driver.window.session.journal.path)) == sorted(published)


def test_after_a_restart_the_window_resumes_after_the_last_applied_event(
    platform_sim: tuple[Simulator, list[str]], open_window: Callable[..., Driver], qtbot: QtBot
) -> None:
    sim, argv = platform_sim
    driver = open_live(open_window, qtbot, argv)
    iid = sim.state.another_call_arrives(AGENT)
    qtbot.waitUntil(lambda: driver.window.lines[1].interaction_id == iid, timeout=2000)
    journal_path = driver.window.session.journal.path
    driver.window.close()  # the window is gone while the platform moves on
    sim.state.free_line(AGENT, "1")
    later = sim.state.another_call_arrives(AGENT)
    again = open_live(open_window, qtbot, argv)
    qtbot.waitUntil(lambda: shown(again) == ([later, None], [iid]), timeout=5000)
    assert shown(again) == platform(sim)
    published = [m.message_id for m in sim.state.events.messages(TOPIC)]
    live = again.window.controller.live
    qtbot.waitUntil(lambda: live.resume_from() == published[-1], timeout=5000)
    live.flush()  # the journal is written on a thread of its own
    ids = applied_ids(journal_path)
    assert len(ids) == len(set(ids)) and set(ids) <= set(published)
    assert published[-1] in ids  # the events of the time it was closed were read on restart


def test_duplicates_and_reordering_change_nothing(
    platform_sim: tuple[Simulator, list[str]], open_window: Callable[..., Driver], qtbot: QtBot
) -> None:
    sim, argv = platform_sim
    driver = open_live(open_window, qtbot, argv)
    live = driver.window.controller.live
    sim.stream.duplicate(count=6)
    sim.stream.reorder()
    iid = sim.state.another_call_arrives(AGENT)
    sim.state.free_line(AGENT, "1")
    qtbot.waitUntil(lambda: shown(driver) == ([None, None], [iid]), timeout=2000)
    qtbot.waitUntil(lambda: live.total.duplicates >= 6, timeout=2000)
    assert shown(driver) == platform(sim)


def test_unknown_event_types_are_skipped(
    platform_sim: tuple[Simulator, list[str]], open_window: Callable[..., Driver], qtbot: QtBot
) -> None:
    sim, argv = platform_sim
    driver = open_live(open_window, qtbot, argv)
    live = driver.window.controller.live
    sim.state.publish_unknown_event(AGENT, name="InteractionSomethingNew")
    sim.state.publish_unknown_event(AGENT)
    last = sim.state.events.messages(TOPIC)[-1].message_id
    qtbot.waitUntil(lambda: live.resume_from() == last, timeout=2000)
    assert live.total.ignored == 2 and shown(driver) == ([None, None], [])
    assert header(driver) == "Live"


def test_a_refused_key_is_a_configuration_error_not_a_retry_loop(
    platform_sim: tuple[Simulator, list[str]], open_window: Callable[..., Driver], qtbot: QtBot
) -> None:
    sim, argv = platform_sim
    sim.stream.revoke(sim.stream_key)
    driver = open_window(*argv, stream=True)
    qtbot.waitUntil(lambda: header(driver).startswith("Failed"), timeout=5000)
    assert "401" in driver.find(QLabel, "streamStateLabel").toolTip()
    stream = driver.window.controller.stream
    qtbot.waitUntil(lambda: not stream.running, timeout=2000)  # it gave up: no retry loop
    assert header(driver).startswith("Failed")
    # the calls still work from 8x8's answers
    driver.dial("+1 617 555 0110")
    assert driver.window.lines[1].state is LineState.LIVE


def test_a_forbidden_topic_is_said_in_plain_words(
    platform_sim: tuple[Simulator, list[str]], open_window: Callable[..., Driver], qtbot: QtBot
) -> None:
    sim, argv = platform_sim
    sim.stream.allow(sim.stream_key, ["event-v1/*"])
    driver = open_window(*argv, stream=True)
    qtbot.waitUntil(lambda: header(driver).startswith("Failed"), timeout=5000)
    assert "403" in driver.find(QLabel, "streamStateLabel").toolTip()


def test_a_silent_stream_is_flagged(
    platform_sim: tuple[Simulator, list[str]],
    open_window: Callable[..., Driver],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("ccdesk.core.live.SILENCE_AFTER", 0.3)
    monkeypatch.setattr("ccdesk.ui.controller.SILENCE_CHECK_MS", 100)
    sim, argv = platform_sim
    sim.stream.silence(True)  # connects, then never sends: a stream of another region
    driver = open_live(open_window, qtbot, argv)
    driver.dial("+1 617 555 0111")
    qtbot.waitUntil(lambda: header(driver) == "Live · no events", timeout=3000)
    assert "check the stream's region" in driver.find(QLabel, "streamStateLabel").toolTip()
