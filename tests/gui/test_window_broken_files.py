"""The window starts whatever state its own files are in, says what is wrong in a bar at the top, and offers the
way out; nothing the user made is overwritten, and nothing is dialled unrecorded.

The real window against the simulator over real HTTP, with CCDESK_HOME in a temp folder.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_driver import AGENT, Driver
from pytestqt.qtbot import QtBot

from ccdesk.core.journal import Journal
from ccdesk.core.lines import LineState
from ccdesk.core.paths import app_dirs
from ccdesk.sim import Simulator
from ccdesk.sim.server import RunningServer, serve_in_thread
from ccdesk.ui.qt import QLabel, QPushButton
from tests.journal_faults import locked

TOKEN = "br0ken-files-T0ken"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningServer]:
    monkeypatch.setenv("CCDESK_TOKEN", TOKEN)
    with serve_in_thread(Simulator(token=TOKEN)) as running:
        yield running


@pytest.fixture
def start(open_window: Callable[..., Driver], server: RunningServer) -> Callable[[], Driver]:
    return lambda: open_window("--base-url", server.url, "--tenant", "acmecorp01", "--agent", AGENT)


def bar_texts(driver: Driver) -> list[str]:
    return [
        label.text()
        for label in driver.window.findChildren(QLabel, "fileProblemText")
        if label.isVisibleTo(driver.window)
    ]


def posts(server: RunningServer) -> int:
    return sum(r.method == "POST" for r in server.simulator.requests)


def _garbage(path: Path) -> None:
    path.write_bytes(b"definitely not sqlite " * 100)


def _other_program(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    db.commit()
    db.close()


def _newer(path: Path) -> None:
    Journal(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=99")
    db.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_garbage, "damaged"),
        (lambda p: p.mkdir(), "folder"),
        (_other_program, "not a ccdesk journal"),
        (_newer, "newer version of ccdesk"),
    ],
    ids=["garbage", "folder", "another-program", "newer"],
)
def test_a_broken_journal_is_said_nothing_is_dialled_and_it_can_be_moved_aside(
    start: Callable[[], Driver], server: RunningServer, make: Callable[[Path], None], words: str
) -> None:
    journal = app_dirs().journal_file
    journal.parent.mkdir(parents=True, exist_ok=True)
    make(journal)
    driver = start()
    [text] = bar_texts(driver)
    assert str(journal) in text and words in text
    driver.dial("+1 617 555 1984")
    assert posts(server) == 0 and driver.window.lines[1].state is LineState.IDLE
    assert "Nothing was dialled" in driver.error_bar_text()
    assert driver.find(QPushButton, "dialButton").isEnabled()

    [move] = [b for b in driver.window.findChildren(QPushButton, "moveAsideButton") if b.isVisible()]
    move.click()
    [backup] = [p for p in journal.parent.iterdir() if p.name.startswith("journal.sqlite3.broken-")]
    assert backup.exists()  # kept whole, beside the new one
    assert "moved aside" in bar_texts(driver)[0]
    driver.dial("+1 617 555 1984")
    driver.wait_state(1, LineState.LIVE)
    assert posts(server) == 1


def test_a_catalog_that_cannot_be_read_is_said_and_codes_show_by_number(
    open_window: Callable[..., Driver], server: RunningServer
) -> None:
    catalog = app_dirs().config / "catalogs" / "work.json"
    catalog.parent.mkdir(parents=True, exist_ok=True)
    catalog.write_text('{"lists": [{"id": "twelve"}]}')
    config = app_dirs().config_file
    profile = {
        "base_url": server.url,
        "tenant": "acmecorp01",
        "agent_id": AGENT,
        "catalog_file": str(catalog),
    }
    config.write_text(json.dumps({"default_profile": "work", "profiles": {"work": profile}}))
    driver = open_window("--profile", "work")
    assert any(str(catalog) in t for t in bar_texts(driver)), bar_texts(driver)
    assert driver.window.session.catalog.lists == ()


def test_a_log_folder_that_cannot_be_written_is_said(start: Callable[[], Driver], qtbot: QtBot) -> None:
    logs = app_dirs().logs
    logs.parent.mkdir(parents=True, exist_ok=True)
    logs.write_text("a file where the log folder should be")
    driver = start()
    qtbot.waitUntil(lambda: any("nothing is logged" in t for t in bar_texts(driver)), timeout=5000)
    driver.dial("+1 617 555 1984")  # calls still work
    driver.wait_state(1, LineState.LIVE)


def test_a_data_folder_that_cannot_be_made_is_said_and_nothing_is_dialled(
    start: Callable[[], Driver], server: RunningServer
) -> None:
    data = app_dirs().data
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text("a file where ccdesk's data folder should be")
    driver = start()
    texts = bar_texts(driver)
    assert any(str(data) in t for t in texts), texts
    driver.dial("+1 617 555 1984")
    assert posts(server) == 0
    assert "Nothing was dialled" in driver.error_bar_text()
    assert data.read_text() == "a file where ccdesk's data folder should be"


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe not utf-8 \x80", b"{ not json", b'{"profiles": []}', b"[1, 2, 3]"],
    ids=["not-utf8", "not-json", "profiles-a-list", "a-list"],
)
def test_a_broken_settings_file_with_the_connection_on_the_command_line(
    start: Callable[[], Driver], content: bytes
) -> None:
    config = app_dirs().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(content)
    driver = start()
    assert driver.window.lines[1].state is LineState.IDLE  # the window works
    texts = bar_texts(driver)
    assert any(str(config) in t for t in texts), texts
    assert config.read_bytes() == content  # never overwritten


def test_a_settings_file_with_a_wrong_field_still_works_and_says_what_was_skipped(
    open_window: Callable[..., Driver], server: RunningServer
) -> None:
    config = app_dirs().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    profile = {"base_url": server.url, "tenant": "acmecorp01", "agent_id": AGENT, "queues": 5}
    config.write_text(json.dumps({"default_profile": "work", "profiles": {"work": profile}}))
    driver = open_window("--profile", "work")
    assert "Profile work" in driver.window.where_label.text()
    texts = bar_texts(driver)
    assert any("queues" in t for t in texts), texts
    driver.dial("+1 617 555 1984")
    driver.wait_state(1, LineState.LIVE)


def test_a_damaged_window_state_file_is_said_and_the_window_opens(start: Callable[[], Driver]) -> None:
    state = app_dirs().config / "window.ini"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.mkdir()  # a folder where the window state file should be
    driver = start()
    texts = bar_texts(driver)
    assert any("window.ini" in t for t in texts), texts
    driver.window.close()  # closing tries to save the window state: no exception
    assert state.is_dir()


def test_a_locked_journal_at_start_opens_and_says_so_on_the_first_dial(
    start: Callable[[], Driver], server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ccdesk.core import journal as journal_module

    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT", 0.2)
    path = app_dirs().journal_file
    Journal(path).close()
    with locked(path):
        driver = start()
        driver.dial("+1 617 555 1984")
        assert posts(server) == 0
        assert any("locked by another program" in t for t in bar_texts(driver))
    driver.dial("+1 617 555 1984")
    driver.wait_state(1, LineState.LIVE)
