"""`ccdesk-cli watch` and `ccdesk-cli login --stream-key` against a WebSocket server on loopback.

The server (tests/stream_server.py) speaks Pulsar's reader protocol; the simulator's own stream has its tests
beside the simulator. In-process runs check output and exit codes; real processes check SIGTERM, Ctrl-C and a
closed pipe.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed

from ccdesk import cli
from ccdesk.core.credentials import MemoryStore, stream_account_name
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import ProfileStore
from tests.stream_server import AGENT, KEY, TENANT, TOPIC, StreamServer, envelope, message_id, status_event

BASE = ("--platform", "na12", "--tenant", TENANT, "--agent", AGENT)
POSIX_SIGNALS = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]


def watch(
    server_url: str, *args: str, key: str | None = KEY, store: MemoryStore | None = None, stdin: str = ""
) -> Run:
    out, err = io.StringIO(), io.StringIO()
    env = {"CCDESK_STREAM_KEY": key} if key else {}
    code = cli.main(
        [*args, *BASE, "--stream-url", server_url] if server_url else [*args, *BASE],
        env={**env, "CCDESK_HOME": os.environ["CCDESK_HOME"]},
        store=store or MemoryStore(),
        stdin=io.StringIO(stdin),
        stdout=out,
        stderr=err,
    )
    return Run(code, out.getvalue(), err.getvalue())


HOSTILE = "Ann\x1b[2J\x1b]0;pwned\x07\nSecond line\r\u2028\x9b31m\u202eevil"


def test_events_print_as_one_escaped_json_line_each() -> None:
    frames = [
        envelope(1, status_event(1), properties={"k": "v\nw"}),
        envelope(2, {"Interaction": {"event": "InteractionCreated", "callingName": HOSTILE}}, redelivery=1),
        envelope(3, "not json"),
    ]

    def script(connection: Any, n: int) -> None:
        server.send(connection, frames)

    with StreamServer(script=script) as server:
        run = watch(server.url, "watch", "--count", "3")
    assert run.code == 0, run.err
    raw = run.out.splitlines()
    assert len(raw) == 3
    assert all(line.isascii() and line.isprintable() for line in raw)
    first, second, third = run.lines
    assert first == {
        "messageId": message_id(1),
        "publishTime": "2026-07-23T09:30:01.000Z",
        "redeliveryCount": 0,
        "properties": {"k": "v\nw"},
        "payload": status_event(1),
    }
    assert second["payload"]["Interaction"]["callingName"] == HOSTILE
    assert second["redeliveryCount"] == 1
    assert third["payload"] is None and "not JSON" in third["problem"]
    assert "live, reading agent-v1/ag0VYyLh0YTsymdbtYIaaaa from latest" in run.err
    assert "3 event(s) printed" in run.err
    assert server.acks == [message_id(1), message_id(2), message_id(3)]


def test_from_and_topic_choose_what_is_read_and_a_drop_resumes_after_the_last_printed() -> None:
    def script(connection: Any, n: int) -> None:
        frames = [envelope(1, status_event(1)), envelope(2, status_event(2))] if n == 0 else [envelope(3, {})]
        server.send(connection, frames, then="drop" if n == 0 else "wait")

    with StreamServer(script=script) as server:
        run = watch(
            server.url, "watch", "--topic", "event-v1/AgentStatusChange", "--from", "earliest", "--count", "3"
        )
    assert run.code == 0, run.err
    assert [s.topic for s in server.connections] == ["event-v1/AgentStatusChange"] * 2
    assert [s.query["messageId"] for s in server.connections] == ["earliest", message_id(2)]
    assert "the connection dropped; trying again in" in run.err
    assert [line["messageId"] for line in run.lines] == [message_id(1), message_id(2), message_id(3)]


def test_from_a_message_id_is_url_encoded() -> None:
    with StreamServer() as server:
        run = watch(server.url, "watch", "--from", message_id(9), "--timeout", "0.3")
    assert run.code == 0, run.err
    assert server.connections[0].query["messageId"] == message_id(9)
    assert "%2B" in server.connections[0].raw_query
    assert "no event for 0.3 s" in run.err and "0 event(s) printed" in run.err


def test_a_refused_key_exits_3_in_plain_words_without_retrying() -> None:
    with StreamServer(key="the-right-key") as server:
        run = watch(server.url, "watch")
    assert run.code == 3
    assert run.out == ""
    assert "8x8 refused the stream key for tenant acmecorp01" in run.err
    assert "Data Request Token" in run.err
    assert len(server.connections) == 1


def test_a_forbidden_topic_exits_3_in_plain_words() -> None:
    with StreamServer(forbidden=(TOPIC,)) as server:
        run = watch(server.url, "watch")
    assert run.code == 3
    assert f"did not allow this stream key to read {TOPIC}" in run.err


def test_a_stream_that_never_came_live_exits_5_after_the_timeout() -> None:
    spare = socket.create_server(("127.0.0.1", 0))
    url = f"ws://127.0.0.1:{spare.getsockname()[1]}"
    spare.close()
    run = watch(url, "watch", "--timeout", "0.5")
    assert run.code == 5
    assert "never came live: 127.0.0.1 refused the connection" in run.err


def test_without_a_stream_watch_says_how_to_set_one_up() -> None:
    run = watch("", "watch", key=None)
    assert run.code == 2
    assert "No event stream is set up" in run.err and "--stream-region" in run.err


def test_bad_options_are_refused_before_connecting() -> None:
    with StreamServer() as server:
        assert watch(server.url, "watch", "--from", "two words").code == 2
        assert watch(server.url, "watch", "--count", "0").code == 2
        assert watch(server.url, "watch", "--topic", "a/b/c").code == 2
        assert watch("ws://example.com", "watch").code == 2
    assert server.connections == []


def test_the_key_from_the_keyring_is_masked_in_the_verbose_log() -> None:
    def script(connection: Any, n: int) -> None:
        server.send(connection, [envelope(1, status_event(1))])

    store = MemoryStore({stream_account_name(TENANT): KEY})
    with StreamServer(script=script) as server:
        run = watch(server.url, "watch", "--count", "1", "-v", key=None, store=store)
    assert run.code == 0, run.err
    assert "X-API-Key: ***" in run.err
    assert KEY not in run.err and KEY not in run.out


# -- login --stream-key -----------------------------------------------------------------------------------------


def test_login_stores_an_accepted_stream_key_and_saves_the_stream_url() -> None:
    store = MemoryStore()
    with StreamServer() as server:
        run = watch(server.url, "login", "--stream-key", key=None, store=store, stdin=KEY + "\n")
    assert run.code == 0, run.err
    assert store.tokens == {"stream:acmecorp01": KEY}
    assert f"accepted by 127.0.0.1 for {TOPIC}" in run.err
    assert server.connections[0].headers["X-API-Key"] == KEY
    profile = ProfileStore(app_dirs(os.environ["CCDESK_HOME"]).config_file).load().profiles["default"]
    assert profile.stream_url == server.url and profile.stream_region == ""
    assert KEY not in app_dirs(os.environ["CCDESK_HOME"]).config_file.read_text()


def test_login_does_not_store_a_refused_stream_key() -> None:
    store = MemoryStore()
    with StreamServer(key="the-right-key") as server:
        run = watch(server.url, "login", "--stream-key", key=None, store=store, stdin="wrong\n")
    assert run.code == 3
    assert store.tokens == {}
    assert "refused the stream key" in run.err


def test_login_without_a_stream_address_stores_the_key_unchecked() -> None:
    store = MemoryStore()
    run = watch("", "login", "--stream-key", key=None, store=store, stdin=KEY + "\n")
    assert run.code == 0, run.err
    assert store.tokens == {"stream:acmecorp01": KEY}
    assert "not checked: no event stream region or URL is set" in run.err


def test_login_refuses_an_empty_key_and_a_bad_region() -> None:
    store = MemoryStore()
    assert watch("", "login", "--stream-key", key=None, store=store, stdin="\n").code == 2
    run = watch(
        "", "login", "--stream-key", "--stream-region", "eu9", key=None, store=store, stdin=KEY + "\n"
    )
    assert run.code == 2 and "Unknown event stream region 'eu9'" in run.err
    assert store.tokens == {}


# -- real processes ---------------------------------------------------------------------------------------------


def _process(url: str, *args: str) -> subprocess.Popen[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")},
        "CCDESK_HOME": os.environ["CCDESK_HOME"],
        "CCDESK_STREAM_KEY": KEY,
        "PYTHONPATH": str(Path(cli.__file__).resolve().parents[1]),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "ccdesk.cli", "watch", *BASE, "--stream-url", url, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_live(process: subprocess.Popen[str]) -> list[str]:
    assert process.stderr is not None
    seen: list[str] = []
    for line in process.stderr:
        seen.append(line)
        if "watch: live" in line:
            return seen
    pytest.fail(f"watch never came live: {''.join(seen)}")


@POSIX_SIGNALS
@pytest.mark.parametrize(("sig", "why"), [(signal.SIGTERM, "terminated"), (signal.SIGINT, "interrupted")])
def test_sigterm_and_ctrl_c_stop_watch_cleanly_with_exit_0(sig: signal.Signals, why: str) -> None:
    with StreamServer() as server:
        process = _process(server.url)
        try:
            _wait_live(process)
            process.send_signal(sig)
            out, err = process.communicate(timeout=20)
        finally:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert f"watch: stopped ({why}); 0 event(s) printed" in err
    assert "Traceback" not in err and out == ""


@POSIX_SIGNALS
def test_a_reader_that_goes_away_ends_watch_quietly() -> None:
    closed = threading.Event()

    def script(connection: Any, n: int) -> None:
        connection.send(envelope(1, status_event(1)))
        closed.wait(10)
        with contextlib.suppress(ConnectionClosed):  # watch leaves once it finds its output gone
            for i in range(2, 30):
                connection.send(envelope(i, status_event(i)))
                time.sleep(0.01)
            server.collect(connection)

    with StreamServer(script=script) as server:
        process = _process(server.url)
        try:
            _wait_live(process)
            assert process.stdout is not None
            assert json.loads(process.stdout.readline())["messageId"] == message_id(1)
            process.stdout.close()
            closed.set()
            process.wait(timeout=20)
            assert process.stderr is not None
            with process.stderr:
                err = process.stderr.read()
        finally:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "output closed" in err and "Traceback" not in err and "Exception ignored" not in err


@POSIX_SIGNALS
def test_sigterm_while_still_connecting_is_a_clean_stop_too() -> None:
    spare = socket.create_server(("127.0.0.1", 0))
    url = f"ws://127.0.0.1:{spare.getsockname()[1]}"
    spare.close()
    process = _process(url)
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "trying again" in line:
                break
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 0, err
    assert "watch: stopped (terminated); 0 event(s) printed" in err
