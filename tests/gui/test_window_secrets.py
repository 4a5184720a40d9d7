"""The window never writes the token: not in its log file (at debug level), config, journal or settings."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from gui_driver import AGENT

from ccdesk.core.lines import LineState
from ccdesk.sim import Simulator
from ccdesk.sim.server import serve_in_thread

TOKEN = "w1ndow-s3cret-Token-77"


def test_a_whole_window_session_leaves_the_token_nowhere(open_window, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    basic = base64.b64encode(f"acmecorp01:{TOKEN}".encode()).decode()
    with serve_in_thread(Simulator(token=TOKEN)) as server:
        os.environ["CCDESK_TOKEN"] = TOKEN
        try:
            driver = open_window("--base-url", server.url, "--tenant", "acmecorp01", "--agent", AGENT, "-v")
            driver.dial("+1 617 555 1984")
            driver.wait_state(1, LineState.LIVE)
            driver.click(1, "hangUpButton")
            driver.wait_idle()
            driver.window.close()
            driver.window.bridge.shutdown(5000)
        finally:
            del os.environ["CCDESK_TOKEN"]
    files = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert any(p.name == "ccdesk.log" for p in files), "the window should have written its log"
    log = next(p for p in files if p.name == "ccdesk.log").read_text()
    assert "POST /tenants/acmecorp01/calls" in log  # requests are logged...
    for path in files:
        data = path.read_bytes()
        assert TOKEN.encode() not in data and basic.encode() not in data, path  # ...the token never is


def test_switching_profile_reconnects_the_window(open_window, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    """After Settings, the window moves to the chosen profile: header, client and journal follow."""
    from ccdesk.core.paths import app_dirs
    from ccdesk.core.profiles import Config, Profile, ProfileStore

    with serve_in_thread(Simulator(token=TOKEN)) as server:
        day = Profile("day", base_url=server.url, tenant="acmecorp01", agent_id=AGENT)
        night = Profile(
            "night", base_url=server.url, tenant="acmecorp01", agent_id="agAQDqmvKiRbG4ekigNSmbbb"
        )
        ProfileStore(app_dirs().config_file).save(Config({"day": day, "night": night}, "day"))
        os.environ["CCDESK_TOKEN"] = TOKEN
        try:
            driver = open_window("--profile", "day")
            assert "Profile day" in driver.window.where_label.text()
            driver.window.apply_session(driver.window.session.reconnect("night"))
            assert "Profile night" in driver.window.where_label.text()
            driver.dial("+1 617 555 1984")
            driver.wait_state(1, LineState.LIVE)
            [post] = [r for r in server.simulator.requests if r.method == "POST"]
            assert post.json["agentId"] == "agAQDqmvKiRbG4ekigNSmbbb"  # the new profile's agent
        finally:
            del os.environ["CCDESK_TOKEN"]


STREAM_KEY = "eght_str3am-Key-Secret-88"


def test_the_stream_key_reaches_no_file_and_no_url(open_window, isolated_home: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The event stream's key travels in the X-API-Key header only: never in a log line (at debug), a file or
    the reader's URL; it is stored in the keyring, and here given by CCDESK_STREAM_KEY."""
    from ccdesk.core.credentials import MemoryStore
    from ccdesk.sim.stream import serve_stream

    simulator = Simulator(token=TOKEN, stream_key=STREAM_KEY)
    with serve_in_thread(simulator) as server, serve_stream(simulator) as stream:
        os.environ["CCDESK_TOKEN"] = TOKEN
        store = MemoryStore({"stream:acmecorp01": STREAM_KEY})
        try:
            argv = ["--base-url", server.url, "--tenant", "acmecorp01", "--agent", AGENT, "-v"]
            driver = open_window(*argv, "--stream-url", stream.url, stream=True, store=store)
            qtbot.waitUntil(lambda: driver.window.controller.stream.status.state == "live", timeout=5000)
            driver.dial("+1 617 555 1984")
            driver.wait_state(1, LineState.LIVE)
            reader = driver.window.controller.stream
            assert STREAM_KEY not in reader.endpoint.reader_url("latest")
            simulator.stream.drop()  # a reconnect, logged with the log file surely in place
            log_file = next(isolated_home.rglob("ccdesk.log"))
            qtbot.waitUntil(lambda: "event stream: live" in log_file.read_text(), timeout=5000)
            driver.window.close()
            driver.window.bridge.shutdown(5000)
        finally:
            del os.environ["CCDESK_TOKEN"]
    files = [p for p in isolated_home.rglob("*") if p.is_file()]
    log = next(p for p in files if p.name == "ccdesk.log").read_text()
    assert "event stream: live" in log  # the stream is logged...
    for path in files:
        assert STREAM_KEY.encode() not in path.read_bytes(), path  # ...its key never is
