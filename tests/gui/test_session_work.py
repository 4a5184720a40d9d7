"""A session owns its work: closing the window or switching profile never loses an answer or sends work to the
wrong server, and a journal that fails never loses a call nor leaves a control stuck.

The real window against the simulator over real HTTP, with a journal file on disk (the demo's is in memory).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from gui_driver import AGENT, Driver
from pytestqt.qtbot import QtBot

from ccdesk.core import journal as journal_module
from ccdesk.core.journal import CallState, Journal
from ccdesk.core.lines import LineState
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import Config, Profile, ProfileStore
from ccdesk.sim import Simulator, TenantState
from ccdesk.sim.server import RunningServer, serve_in_thread
from ccdesk.ui.qt import QLabel, QLineEdit, QPushButton
from tests.journal_faults import disk_full_at_the_answer, locked

TOKEN = "s3ssion-T0ken"
OTHER_AGENT = "agAQDqmvKiRbG4ekigNSmbbb"


@pytest.fixture
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCDESK_TOKEN", TOKEN)


@pytest.fixture
def problems(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Anything that reached sys.excepthook (an exception in a slot or a callback): there must be none."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: seen.append(f"{kind.__name__}: {exc}"))
    return seen


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT", 0.2)


@pytest.fixture
def sim() -> Iterator[tuple[Simulator, RunningServer]]:
    simulator = Simulator(token=TOKEN)
    with serve_in_thread(simulator) as server:
        yield simulator, server


@pytest.fixture
def window(open_window: Callable[..., Driver], sim: tuple[Simulator, RunningServer], token: None) -> Driver:
    return open_window("--base-url", sim[1].url, "--tenant", "acmecorp01", "--agent", AGENT)


def posts(simulator: Simulator) -> list[Any]:
    return [r for r in simulator.requests if r.method == "POST"]


def dial_button(driver: Driver) -> QPushButton:
    return driver.find(QPushButton, "dialButton")


def test_closing_the_window_during_a_slow_dial_keeps_the_interaction_id(
    window: Driver, sim: tuple[Simulator, RunningServer], qtbot: QtBot, problems: list[str]
) -> None:
    simulator = sim[0]
    simulator.add_fault("timeout", delay=3.5, apply=True, method="POST")  # 8x8 answers after 3.5 s
    window.dial("+1 617 555 1984", wait=False)
    qtbot.waitUntil(lambda: bool(posts(simulator)), timeout=5000)
    window.window.close()  # while the request is in flight
    [call] = simulator.state.snapshot()["interactions"]
    with contextlib.closing(Journal(app_dirs().journal_file)) as journal:
        [record] = journal.recent(1)
    assert (record.state, record.interaction_id) == (CallState.LIVE, call["id"])
    assert problems == []


def test_switching_profile_with_work_in_flight_sends_nothing_to_the_new_server(
    open_window: Callable[..., Driver], token: None, qtbot: QtBot, problems: list[str]
) -> None:
    # seeded apart: the two platforms never hand out the same interaction id
    day_sim, night_sim = (
        Simulator(TenantState(seed=1), token=TOKEN),
        Simulator(TenantState(seed=2), token=TOKEN),
    )
    with serve_in_thread(day_sim) as day_server, serve_in_thread(night_sim) as night_server:
        day = Profile("day", base_url=day_server.url, tenant="acmecorp01", agent_id=AGENT)
        night = Profile("night", base_url=night_server.url, tenant="acmecorp01", agent_id=OTHER_AGENT)
        ProfileStore(app_dirs().config_file).save(Config({"day": day, "night": night}, "day"))
        driver = open_window("--profile", "day")
        driver.dial("+1 617 555 1984")
        driver.wait_state(1, LineState.LIVE)
        iid = driver.window.lines[1].interaction_id
        day_sim.add_fault("timeout", delay=1.5, apply=True, method="DELETE")  # the hang-up is slow
        driver.click(1, "hangUpButton")
        driver.click(1, "endCallButton")  # queued behind the hang-up on line 1
        night_sim.clear_requests()

        driver.window.apply_session(driver.window.session.reconnect("night"))
        assert "Profile night" in driver.window.where_label.text()
        assert "end" in driver.window.statusBar().currentMessage()  # said: the End was not sent
        driver.dial("+1 617 555 1984")  # the new profile's line 1 is not held up by the old hang-up
        driver.wait_state(1, LineState.LIVE)
        qtbot.waitUntil(
            lambda: any(r.method == "DELETE" for r in day_sim.requests), timeout=5000
        )  # the old hang-up reached the old server
        qtbot.waitUntil(lambda: driver.window.bridge.pending() == 0, timeout=5000)

        night_paths = [(r.method, r.path) for r in night_sim.requests if "/agentstatus/" not in r.path]
        assert night_paths == [("POST", "/api/v1/tenants/acmecorp01/calls")]
        assert not any(r.method == "DELETE" and r.path.endswith(f"/calls/{iid}") for r in day_sim.requests)
        with contextlib.closing(Journal(app_dirs().journal_file)) as journal:
            old = journal.by_interaction(iid)
        assert old is not None and old.state is CallState.WRAP_UP  # the old answer was still written down
        assert driver.window.lines[1].interaction_id != iid  # and never reached the new profile's panels
    assert problems == []


@pytest.mark.usefixtures("short_lock_wait")
def test_a_journal_locked_before_the_dial_sends_nothing_and_the_dial_button_comes_back(
    window: Driver, sim: tuple[Simulator, RunningServer], problems: list[str]
) -> None:
    with locked(app_dirs().journal_file):
        window.dial("+1 617 555 1984")
        assert posts(sim[0]) == []
        assert window.window.lines[1].state is LineState.IDLE
        message = window.error_bar_text()
        assert (
            message.startswith("Not dialled: Nothing was dialled.") and "locked by another program" in message
        )
        assert dial_button(window).isEnabled() and dial_button(window).text() == "Dial"
    window.dial("+1 617 555 1984")  # the lock is gone: dialling works again
    window.wait_state(1, LineState.LIVE)
    assert problems == []


@pytest.mark.usefixtures("short_lock_wait")
def test_a_journal_locked_after_the_answer_still_shows_the_interaction_id(
    window: Driver, sim: tuple[Simulator, RunningServer], qtbot: QtBot, problems: list[str]
) -> None:
    simulator = sim[0]
    simulator.add_fault("timeout", delay=0.8, apply=True, method="POST")
    window.dial("+1 617 555 1984", wait=False)
    qtbot.waitUntil(lambda: bool(posts(simulator)), timeout=5000)  # the dial is journalled and sent...
    with locked(app_dirs().journal_file):  # ...then another program locks the journal before the answer
        window.wait_state(1, LineState.LIVE)
        window.wait_idle()
    [call] = simulator.state.snapshot()["interactions"]
    assert window.window.lines[1].interaction_id == call["id"]
    assert window.in_panel(1, QLabel, "interactionIdLabel").text() == call["id"]
    warning = window.error_text(1)
    assert "Not written to the journal" in warning and "locked" in warning and call["id"] in warning
    assert window.find(QLineEdit, "numberInput").text() == ""  # placed: ready for the next number
    assert dial_button(window).text() == "Dial"
    assert problems == []


def test_a_full_disk_after_the_answer_still_shows_the_interaction_id(
    window: Driver, sim: tuple[Simulator, RunningServer], monkeypatch: pytest.MonkeyPatch, problems: list[str]
) -> None:
    disk_full_at_the_answer(monkeypatch)
    window.dial("+1 617 555 1984")
    window.wait_state(1, LineState.LIVE)
    [call] = sim[0].state.snapshot()["interactions"]
    assert window.window.lines[1].interaction_id == call["id"]
    assert "the disk is full" in window.error_text(1)
    assert problems == []


def test_a_journal_deleted_while_running_is_started_again_with_the_calls_on_screen(
    window: Driver, problems: list[str]
) -> None:
    window.dial("+1 617 555 1984")
    window.wait_state(1, LineState.LIVE)
    first = window.window.lines[1].interaction_id
    path = app_dirs().journal_file
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.remove(companion)
    window.dial("+1 212 555 0100", force=True)
    window.wait_state(2, LineState.LIVE)
    window.wait_idle()
    second = window.window.lines[2].interaction_id
    bar = window.find(QLabel, "fileProblemText")  # said where it stays, not in a passing status message
    assert "deleted or replaced" in bar.text() and str(path) in bar.text() and bar.isVisible()
    with contextlib.closing(Journal(path)) as journal:
        kept = {c.interaction_id for c in journal.open_calls()}
    assert kept == {first, second}  # the call made before the deletion was written to the new journal too
    assert problems == []


def test_a_hang_up_whose_answer_was_lost_is_not_reported_as_failed(
    open_window: Callable[..., Driver], sim: tuple[Simulator, RunningServer], token: None, problems: list[str]
) -> None:
    """8x8 hangs up the leg but the answer times out; the retry finds the leg gone: the agent is off the call."""
    simulator, server = sim
    driver = open_window(
        "--base-url", server.url, "--tenant", "acmecorp01", "--agent", AGENT, "--timeout", "1"
    )
    driver.dial("+1 617 555 1984")
    driver.wait_state(1, LineState.LIVE)
    iid = driver.window.lines[1].interaction_id
    simulator.add_fault(
        "timeout", delay=1.5, apply=True, method="DELETE", path_contains=f"/calls/{iid}/agent/"
    )
    driver.click(1, "hangUpButton")
    driver.wait_idle()
    hang_ups = [r for r in simulator.requests if r.method == "DELETE" and f"/calls/{iid}/agent/" in r.path]
    assert len(hang_ups) == 2  # the first was carried out, its answer lost; the retry found the leg gone
    assert driver.window.lines[1].state is LineState.IDLE and driver.wrap_up_ids() == [iid]
    row = driver.window.wrap_ups.row(iid)
    assert "already down" in row.message_label.text() and "was not found" in row.message_label.toolTip()
    with contextlib.closing(Journal(app_dirs().journal_file)) as journal:
        record = journal.by_interaction(iid)
    assert record is not None and record.state is CallState.WRAP_UP
    assert problems == []
