"""The event stream reader against small WebSocket servers on loopback (tests/stream_server.py).

What a user of the reader can see: what reaches the server (header, URL, acknowledgements), what reaches the
callbacks (messages, statuses in plain words), when it reconnects and from where, and that stop() ends run().
"""

from __future__ import annotations

import json
import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.events import UNDECODABLE, AgentStatusEvent, OtherEvent, StreamMessage
from ccdesk.api.stream import (
    REGIONS,
    StreamConfigError,
    StreamEndpoint,
    StreamReader,
    StreamState,
    StreamStatus,
    _proxy_for,
    endpoint_for,
    probe,
)
from tests.stream_server import (
    KEY,
    TENANT,
    TOPIC,
    SilentServer,
    StreamServer,
    envelope,
    message_id,
    status_event,
)


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.01)


@dataclass
class Run:
    reader: StreamReader
    thread: threading.Thread
    messages: list[StreamMessage] = field(default_factory=list)
    statuses: list[StatusRecord] = field(default_factory=list)
    starts_asked: int = 0

    def states(self) -> list[StreamState]:
        return [s.state for s in self.statuses]

    def last(self, state: StreamState) -> StreamStatus:
        return [s for s in self.statuses if s.state is state][-1]


StatusRecord = StreamStatus


@contextmanager
def reading(
    url: str,
    *,
    key: str = KEY,
    topic: str = TOPIC,
    resume: Callable[[Run], str | None] | None = None,
    on_message: Callable[[Run, StreamMessage], None] | None = None,
    **options: Any,
) -> Iterator[Run]:
    """A reader on its own thread for the block; stopped and joined after it, whatever happened."""
    options = {"backoff_base": 0.01, "close_timeout": 0.5, **options}
    holder: list[Run] = []

    def handle(message: StreamMessage) -> None:
        holder[0].messages.append(message)
        if on_message is not None:
            on_message(holder[0], message)

    def start() -> str | None:
        holder[0].starts_asked += 1
        return resume(holder[0]) if resume else None

    reader = StreamReader(
        endpoint_for(tenant=TENANT, topic=topic, url=url),
        key,
        on_message=handle,
        on_status=lambda s: holder[0].statuses.append(s),
        resume_from=start,
        **options,
    )
    run = Run(reader, threading.Thread(target=reader.run, name="test-stream-reader"))
    holder.append(run)
    run.thread.start()
    try:
        yield run
    finally:
        reader.stop()
        run.thread.join(5)
        assert not run.thread.is_alive(), "run() did not return after stop()"


def live(run: Run) -> bool:
    return StreamState.LIVE in run.states()


def last_applied(run: Run) -> str | None:
    return run.messages[-1].message_id if run.messages else None


# -- where and how it connects ----------------------------------------------------------------------------------


def test_reader_url_percent_encodes_tenant_topic_and_position_and_never_holds_the_key() -> None:
    endpoint = StreamEndpoint(
        "wss://pulsar-ws-use1.8x8.com/", "acme corp".replace(" ", "_"), "agent-v1/agA+b"
    )
    start = message_id(7)
    assert {"+", "/", "="} <= set(start)
    url = endpoint.reader_url(start, receiver_queue_size=200)
    assert url == (
        "wss://pulsar-ws-use1.8x8.com/ws/v2/reader/persistent/acme_corp/agent-v1/agA%2Bb"
        f"?messageId={start.replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')}&receiverQueueSize=200"
    )
    assert endpoint.reader_url("earliest").endswith("?messageId=earliest")


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("wss://pulsar-ws-use1.8x8.com", "wss://pulsar-ws-use1.8x8.com"),
        ("WSS://Pulsar-WS-EUW2.8x8.com/", "wss://pulsar-ws-euw2.8x8.com"),
        ("wss://relay.example.com:8443", "wss://relay.example.com:8443"),
        ("ws://127.0.0.1:9000", "ws://127.0.0.1:9000"),
        ("ws://localhost:9000", "ws://localhost:9000"),
        ("ws://[::1]:9000", "ws://[::1]:9000"),
    ],
)
def test_stream_urls_accepted(url: str, normal: str) -> None:
    assert StreamEndpoint(url, TENANT, TOPIC).base_url == normal


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ws://pulsar-ws-use1.8x8.com", "only allowed to this computer"),
        ("https://pulsar-ws-use1.8x8.com", "must start with wss://"),
        ("pulsar-ws-use1.8x8.com", "must start with wss://"),
        ("wss://pulsar-ws-use1.8x8.com/ws/v2/reader", "scheme and host only"),
        ("wss://pulsar-ws-use1.8x8.com?x-api-key=abc", "must not have a query"),
        ("wss://me:secret@pulsar-ws-use1.8x8.com", "must not contain a user name or key"),
        ("wss://pulsar ws.8x8.com", "spaces or control characters"),
        ("", "empty"),
    ],
)
def test_stream_urls_refused_in_plain_words(url: str, words: str) -> None:
    with pytest.raises(StreamConfigError, match=words) as caught:
        StreamEndpoint(url, TENANT, TOPIC)
    assert isinstance(caught.value, ConfigurationError) and caught.value.exit_code == 2


@pytest.mark.parametrize(
    "topic", ["a/b/c", "agent-v1", "persistent://t/agent-v1/x", "../x", "a b/c", "a/", ""]
)
def test_topics_are_namespace_slash_topic(topic: str) -> None:
    with pytest.raises(StreamConfigError):
        StreamEndpoint("wss://pulsar-ws-use1.8x8.com", TENANT, topic)


def test_regions_pick_8x8_hosts_and_a_url_wins() -> None:
    assert endpoint_for(tenant=TENANT, topic=TOPIC, region="UK3").base_url == "wss://pulsar-ws-euw2.8x8.com"
    assert endpoint_for(tenant=TENANT, topic=TOPIC, region="us1").base_url == REGIONS["us1"]
    explicit = endpoint_for(tenant=TENANT, topic=TOPIC, region="us2", url="ws://127.0.0.1:1")
    assert explicit.base_url == "ws://127.0.0.1:1"
    with pytest.raises(StreamConfigError, match="uk3, us1, us2"):
        endpoint_for(tenant=TENANT, topic=TOPIC, region="eu9")
    with pytest.raises(StreamConfigError, match="No event stream URL or region"):
        endpoint_for(tenant=TENANT, topic=TOPIC)


@pytest.mark.parametrize("start", ["", "two words", "line\nbreak", "x" * 600])
def test_bad_start_positions_are_refused(start: str) -> None:
    with pytest.raises(StreamConfigError):
        StreamEndpoint("wss://h.example", TENANT, TOPIC).reader_url(start)


@pytest.mark.parametrize("key", ["", "   ", "eght_abc\r\nX-Evil: 1", "k\x00ey"])
def test_a_key_that_cannot_be_a_header_is_refused(key: str) -> None:
    with pytest.raises(ConfigurationError):
        StreamReader(
            StreamEndpoint("wss://h.example", TENANT, TOPIC),
            key,
            on_message=print,
            on_status=print,
            resume_from=lambda: None,
        )


def test_the_key_travels_in_the_header_only() -> None:
    with StreamServer() as server, reading(server.url) as run:
        wait_until(lambda: live(run), "the stream to be live")
    seen = server.connections[0]
    assert seen.headers["X-API-Key"] == KEY
    assert KEY not in seen.path and "api-key" not in seen.path.lower()
    assert seen.query == {"messageId": "latest"}
    assert seen.topic == TOPIC


# -- frames -----------------------------------------------------------------------------------------------------


def test_every_data_frame_is_acknowledged_after_it_was_handed_on_and_control_frames_are_not() -> None:
    frames = [
        envelope(1, status_event(1)),
        json.dumps({"type": "isEndOfTopic"}),
        envelope(2, "not json at all"),
        json.dumps({"endOfTopic": "false"}),
        envelope(3, {"AgentProvChange": {"event": "AgentSkillChanged", "msgInfo": {}}}),
    ]
    acked_when_handed: list[list[str]] = []

    def script(connection: Any, n: int) -> None:
        server.send(connection, frames)

    with (
        StreamServer(script=script) as server,
        reading(server.url, on_message=lambda run, m: acked_when_handed.append(list(server.acks))) as run,
    ):
        wait_until(lambda: len(server.acks) == 3, "three acknowledgements")
    ids = [message_id(1), message_id(2), message_id(3)]
    assert server.acks == ids
    assert [m.message_id for m in run.messages] == ids
    assert all(m.message_id not in before for m, before in zip(run.messages, acked_when_handed, strict=True))
    assert isinstance(run.messages[0].body, AgentStatusEvent)
    undecodable = run.messages[1].body
    assert isinstance(undecodable, OtherEvent) and undecodable.kind == UNDECODABLE
    assert isinstance(run.messages[2].body, OtherEvent) and run.messages[2].body.kind == "AgentProvChange"
    assert all(json.loads(text) == {"messageId": i} for text, i in zip(server.received, ids, strict=True))


def test_a_failing_handler_is_logged_and_the_stream_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    def explode(run: Run, message: StreamMessage) -> None:
        if message.message_id == message_id(1):
            raise RuntimeError("handler bug")

    def script(connection: Any, n: int) -> None:
        server.send(connection, [envelope(1, status_event(1)), envelope(2, status_event(2))])

    with (
        caplog.at_level(logging.ERROR, logger="ccdesk.api.stream"),
        StreamServer(script=script) as server,
        reading(server.url, on_message=explode) as run,
    ):
        wait_until(lambda: len(server.acks) == 2, "both acknowledgements")
    assert [m.message_id for m in run.messages] == [message_id(1), message_id(2)]
    assert "handling message" in caplog.text and "handler bug" in caplog.text
    assert run.states().count(StreamState.LIVE) == 1


def test_server_pings_are_answered() -> None:
    answered: list[bool] = []

    def script(connection: Any, n: int) -> None:
        answered.append(connection.ping().wait(5))
        server.collect(connection)

    with StreamServer(script=script) as server, reading(server.url):
        wait_until(lambda: bool(answered), "the ping's answer")
    assert answered == [True]


# -- reconnecting -----------------------------------------------------------------------------------------------


def test_a_drop_reconnects_and_resumes_after_the_last_applied_message_url_encoded() -> None:
    def script(connection: Any, n: int) -> None:
        if n == 0:
            server.send(connection, [envelope(i, status_event(i)) for i in (1, 2, 3)], then="drop")
        else:
            server.send(connection, [envelope(4, status_event(4))])

    with StreamServer(script=script) as server, reading(server.url, resume=last_applied) as run:
        wait_until(lambda: len(server.acks) == 4, "four acknowledgements")
    assert [s.query["messageId"] for s in server.connections] == ["latest", message_id(3)]
    raw = server.connections[1].raw_query
    assert "%2B" in raw and "%2F" in raw and "%3D" in raw and "+" not in raw
    assert run.starts_asked == 2
    assert run.states()[:5] == [
        StreamState.CONNECTING,
        StreamState.LIVE,
        StreamState.RECONNECTING,
        StreamState.CONNECTING,
        StreamState.LIVE,
    ]
    assert run.last(StreamState.RECONNECTING).detail == "the connection dropped"
    assert message_id(3) in run.statuses[4].detail


def test_a_normal_close_by_the_server_reconnects_too() -> None:
    def script(connection: Any, n: int) -> None:
        server.send(connection, [envelope(n, status_event(n))], then="close" if n == 0 else "wait")

    with StreamServer(script=script) as server, reading(server.url, resume=last_applied) as run:
        wait_until(lambda: len(server.acks) == 2, "the second connection's event")
    assert "closed the connection (code 1000: end of test)" in run.last(StreamState.RECONNECTING).detail


class CeilingRng(random.Random):
    """Always the top of the range asked for; keeps the ranges, to show full jitter's bounds."""

    def __init__(self) -> None:
        super().__init__(0)
        self.ranges: list[tuple[float, float]] = []

    def uniform(self, a: float, b: float) -> float:
        self.ranges.append((a, b))
        return b


def test_backoff_doubles_up_to_its_cap_with_full_jitter_and_resets_after_a_delivering_connection() -> None:
    def script(connection: Any, n: int) -> None:
        server.send(connection, [envelope(n, status_event(n))], then="drop" if n == 0 else "wait")

    rng = CeilingRng()
    server = StreamServer(script=script, statuses={0: 503, 1: 502, 2: 503, 3: 503})
    with server, reading(server.url, rng=rng, backoff_base=0.01, backoff_max=0.04) as run:
        wait_until(lambda: len(server.acks) == 2, "two acknowledgements")
    assert rng.ranges == [(0, 0.01), (0, 0.02), (0, 0.04), (0, 0.04), (0, 0.01)]
    delays = [s.retry_in for s in run.statuses if s.state is StreamState.RECONNECTING]
    assert delays == [0.01, 0.02, 0.04, 0.04, 0.01]
    assert "refused the connection (HTTP 503): try later" in run.statuses[1].detail


def test_a_seeded_rng_makes_the_delays_reproducible() -> None:
    def delays(seed: int) -> list[float | None]:
        server = StreamServer(statuses={0: 503, 1: 503, 2: 503})
        with server, reading(server.url, rng=random.Random(seed), backoff_base=0.02) as run:
            wait_until(lambda: live(run), "the fourth attempt")
        return [s.retry_in for s in run.statuses if s.state is StreamState.RECONNECTING]

    first = delays(3)
    assert first == delays(3)
    assert all(d is not None and 0 <= d <= cap for d, cap in zip(first, (0.02, 0.04, 0.08), strict=True))


def test_a_refused_start_position_falls_back_to_latest_once_and_says_so() -> None:
    saved = "CAEQAQ=="

    def script(connection: Any, n: int) -> None:
        if n == 0:
            connection.close_socket()
        else:
            server.collect(connection)

    server = StreamServer(script=script, refused_starts=(saved,))
    with server, reading(server.url, resume=lambda run: saved) as run:
        wait_until(lambda: run.states().count(StreamState.LIVE) == 2, "two live connections")
    assert [s.query["messageId"] for s in server.connections] == [saved, "latest", "latest"]
    refused = run.statuses[1]
    assert refused.state is StreamState.RECONNECTING and refused.http_status == 500
    assert f"8x8 refused to start at message {saved} (HTTP 500): Failed to create reader" in refused.detail
    assert "may be missing" in run.last(StreamState.LIVE).detail


# -- refusals ---------------------------------------------------------------------------------------------------


def test_a_refused_key_fails_once_in_plain_words_without_retrying() -> None:
    with StreamServer(key="another-key") as server, reading(server.url) as run:
        run.thread.join(5)
        assert not run.thread.is_alive(), "run() should return by itself on 401"
    assert len(server.connections) == 1
    assert run.states() == [StreamState.CONNECTING, StreamState.FAILED, StreamState.OFF]
    failed = run.last(StreamState.FAILED)
    assert failed.http_status == 401
    assert "8x8 refused the stream key (HTTP 401) for tenant acmecorp01" in failed.detail
    assert "Data Request Token" in failed.detail and KEY not in failed.detail


def test_a_forbidden_topic_fails_once_in_plain_words_without_retrying() -> None:
    with StreamServer(forbidden=(TOPIC,)) as server, reading(server.url) as run:
        run.thread.join(5)
        assert not run.thread.is_alive()
    assert len(server.connections) == 1
    failed = run.last(StreamState.FAILED)
    assert failed.http_status == 403
    assert f"did not allow this stream key to read {TOPIC} (HTTP 403)" in failed.detail


def test_redirects_are_not_followed_so_the_key_stays_with_the_configured_host() -> None:
    elsewhere = StreamServer()
    server = StreamServer(redirect_to=f"{elsewhere.url}/ws/v2/reader/persistent/{TENANT}/{TOPIC}")
    with elsewhere, server, reading(server.url) as run:
        wait_until(lambda: len(server.connections) >= 2, "a second attempt")
    assert elsewhere.connections == []
    assert "redirect (302)" in run.statuses[1].detail and "does not follow it" in run.statuses[1].detail


def test_a_refused_tcp_connection_is_retried_with_its_reason() -> None:
    spare = socket.create_server(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()
    with reading(f"ws://127.0.0.1:{port}") as run:
        wait_until(lambda: StreamState.RECONNECTING in run.states(), "a retry")
    assert run.last(StreamState.RECONNECTING).detail == "127.0.0.1 refused the connection"


# -- timeouts and stopping --------------------------------------------------------------------------------------


def test_a_peer_that_stops_answering_is_left_and_connected_again() -> None:
    with (
        SilentServer(upgrade=True) as server,
        reading(server.url, idle_timeout=0.4, close_timeout=0.2) as run,
    ):
        wait_until(lambda: server.accepted >= 2, "a second connection")
    assert run.last(StreamState.RECONNECTING).detail == "no answer from the stream server for 0.4 s"


def test_an_upgrade_that_never_comes_times_out_and_is_retried() -> None:
    with SilentServer(upgrade=False) as server, reading(server.url, open_timeout=0.3) as run:
        wait_until(lambda: server.accepted >= 2, "a second connection")
    assert run.last(StreamState.RECONNECTING).detail == "127.0.0.1 did not answer within 0.3 s"


def test_stop_cuts_a_connection_still_waiting_for_its_upgrade() -> None:
    """With a 60 s open timeout, only stop() cutting the socket lets run() return (the join in `reading`)."""
    with SilentServer(upgrade=False) as server, reading(server.url, open_timeout=60) as run:
        wait_until(lambda: server.accepted == 1, "the connection")
        time.sleep(0.1)  # the reader is now blocked waiting for the upgrade's answer
        run.reader.stop()
        run.thread.join(5)
        assert not run.thread.is_alive()
    assert run.states() == [StreamState.CONNECTING, StreamState.OFF]


def test_stop_ends_a_live_stream_with_a_close_and_reports_off_once() -> None:
    with StreamServer() as server, reading(server.url) as run:
        wait_until(lambda: live(run), "the stream to be live")
        run.reader.stop()
        run.reader.stop()
        run.thread.join(5)
        assert not run.thread.is_alive()
    assert run.states() == [StreamState.CONNECTING, StreamState.LIVE, StreamState.OFF]
    assert run.reader.status.state is StreamState.OFF


def test_stop_before_run_makes_run_return_at_once() -> None:
    statuses: list[StreamStatus] = []
    reader = StreamReader(
        StreamEndpoint("ws://127.0.0.1:9", TENANT, TOPIC),
        KEY,
        on_message=print,
        on_status=statuses.append,
        resume_from=lambda: None,
    )
    reader.stop()
    reader.run()
    assert statuses == []
    assert reader.status.state is StreamState.OFF


# -- the key in logs --------------------------------------------------------------------------------------------


def test_the_key_is_masked_in_every_log_line_even_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    def script(connection: Any, n: int) -> None:
        server.send(connection, [envelope(1, status_event(1))])

    with caplog.at_level(logging.DEBUG), StreamServer(script=script) as server, reading(server.url) as run:
        wait_until(lambda: len(server.acks) == 1, "the acknowledgement")
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("ccdesk"))
    assert "X-API-Key: ***" in ours
    assert KEY not in ours
    assert run.messages


# -- probe ------------------------------------------------------------------------------------------------------


def test_probe_says_whether_the_key_and_topic_are_accepted() -> None:
    with StreamServer() as server:
        endpoint = endpoint_for(tenant=TENANT, topic=TOPIC, url=server.url)
        assert probe(endpoint, KEY).state is StreamState.LIVE
        refused = probe(endpoint, "wrong-key")
    assert refused.state is StreamState.FAILED and refused.http_status == 401


def test_a_refused_first_position_falls_back_to_latest_too() -> None:
    server = StreamServer(refused_starts=("zzz",))
    with server, reading(server.url, first_start="zzz") as run:
        wait_until(lambda: live(run), "the stream to be live")
    assert [s.query["messageId"] for s in server.connections] == ["zzz", "latest"]
    assert "refused to start at message zzz" in run.last(StreamState.LIVE).detail


@pytest.mark.parametrize(
    ("env", "host", "secure", "proxy"),
    [
        ({"HTTPS_PROXY": "http://proxy.corp:3128"}, "pulsar-ws-use1.8x8.com", True, "http://proxy.corp:3128"),
        ({"HTTPS_PROXY": "proxy.corp:3128"}, "pulsar-ws-use1.8x8.com", True, "http://proxy.corp:3128"),
        ({"ALL_PROXY": "http://all.corp:8080"}, "pulsar-ws-use1.8x8.com", True, "http://all.corp:8080"),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": ".8x8.com"}, "pulsar-ws-use1.8x8.com", True, None),
        ({"HTTPS_PROXY": "http://p:1"}, "127.0.0.1", True, None),
        ({"HTTP_PROXY": "http://p:1", "HTTPS_PROXY": "http://p:1"}, "localhost", False, None),
        ({}, "pulsar-ws-use1.8x8.com", True, None),
    ],
)
def test_proxies_are_the_environments_as_for_the_rest_client(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], host: str, secure: bool, proxy: str | None
) -> None:
    for name in (
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "https_proxy",
        "http_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _proxy_for(host, 443, secure) == proxy
