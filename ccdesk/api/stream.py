"""The 8x8 Event Streaming reader: Pulsar's WebSocket reader API on one blocking worker thread (no Qt).

What the documents ask of a client, and what this module does about each (reference/streaming/NOTES.md):

- The key goes in the `X-API-Key` header only, never in the URL ("not logged in URLs"), and never in a log line:
  the reader's loggers, and the logger handed to websockets (which logs request headers at DEBUG), carry a
  redacting filter while it runs.
- Every data frame is acknowledged with its messageId after it was handed on, undecodable ones included, or the
  server stops sending after receiverQueueSize unacknowledged frames; control frames are not acknowledged.
- Pings are answered (websockets does it); our own pings find a dead peer: no pong within `idle_timeout` drops
  the connection and the reader connects again.
- Drops, refused connections and server errors are retried with exponential backoff and full jitter, resuming
  after the last message the caller applied (`resume_from`), URL-encoded (ids hold `+`, `/` and `=`). A 401 or
  403 at the upgrade is a configuration problem: reported once as FAILED, never retried.
- Redirects are never followed: websockets would carry the `X-API-Key` header to the new host.
- TLS is always verified. Proxies are taken from the environment like the REST client's httpx (HTTPS_PROXY,
  ALL_PROXY, NO_PROXY); a loopback stream (the simulator) never goes through one.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import random
import select
import socket
import ssl
import threading
import time
import unicodedata
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import Any, cast
from urllib.parse import quote, urlsplit

from websockets.exceptions import (
    ConnectionClosed,
    InvalidHandshake,
    InvalidProxy,
    InvalidStatus,
    ProxyError,
)
from websockets.sync.client import ClientConnection, connect

from ccdesk import __version__
from ccdesk.api.errors import ConfigurationError, InvalidInput
from ccdesk.api.events import StreamFormatError, StreamMessage, ack_frame, parse_frame
from ccdesk.api.paths import segment
from ccdesk.api.platforms import is_loopback_host
from ccdesk.api.redact import RedactingFilter
from ccdesk.api.tls import TRUST_ENV, Trust, tls_context, trust_in_use
from ccdesk.api.words import translate

log = logging.getLogger("ccdesk.api.stream")
#: handed to websockets, which logs the handshake's headers (the key among them) at DEBUG
wire_log = logging.getLogger("ccdesk.api.stream.wire")


class _DeadPeerIsNoError(logging.Filter):
    """websockets logs an ERROR with a traceback when the peer never answered its last ping and the close timed
    out; that is the dead connection the reader reports in plain words and reconnects from, not a bug."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and record.getMessage() == "keepalive ping failed":
            exc = record.exc_info[1] if record.exc_info else None
            if isinstance(exc, ConnectionClosed | TimeoutError):
                record.levelno, record.levelname = logging.DEBUG, "DEBUG"
                record.exc_info, record.exc_text = None, None
        return True


wire_log.addFilter(_DeadPeerIsNoError())

#: 8x8's regional Event Streaming hosts (connection.md)
REGIONS = {
    "uk3": "wss://pulsar-ws-euw2.8x8.com",
    "us1": "wss://pulsar-ws-use1.8x8.com",
    "us2": "wss://pulsar-ws-usw2.8x8.com",
}
#: Pulsar caps receiverQueueSize at 1000 (ReaderHandler)
MAX_RECEIVER_QUEUE = 1000
USER_AGENT = f"ccdesk/{__version__}"
#: how often the reader looks up from a silent socket to see whether it was asked to stop (seconds)
POLL = 0.2
#: statuses at the upgrade that mean "not this position" when the reader asked to start at a message id:
#: Pulsar answers 500 "Failed to create reader" for an id it cannot read
_POSITION_REFUSED = frozenset({400, 404, 410, 500})
_MAX_START = 512
#: what a non-blocking connect answers while the connection is being made (10035: Windows' WSAEWOULDBLOCK)
_CONNECTING = frozenset({0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, errno.EALREADY, 10035})


class StreamConfigError(ConfigurationError):
    """The event stream settings cannot work (URL, region, topic, position): nothing was sent."""

    default_explanation = (
        "Check the event stream settings (region or URL, topic and key) in the profile, the options or the "
        "environment; nothing was sent."
    )


def validate_stream_url(url: str) -> str:
    """An event stream address as scheme://host[:port]: wss to any host, ws only to this computer."""
    if not isinstance(url, str) or not url.strip():
        raise StreamConfigError(translate("Stream", "The event stream URL is empty."))
    text = url.strip()
    shown = repr(text)
    example = "wss://pulsar-ws-use1.8x8.com"
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in text):
        raise StreamConfigError(
            translate("Stream", "The event stream URL {url} contains spaces or control characters.").format(
                url=shown
            )
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise StreamConfigError(
            translate("Stream", "The event stream URL {url} is not valid: {problem}.").format(
                url=shown, problem=exc
            )
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in {"wss", "ws"}:
        raise StreamConfigError(
            translate(
                "Stream",
                "The event stream URL {url} must start with wss:// (for example {example}), or ws:// for this "
                "computer only.",
            ).format(url=shown, example=example)
        )
    if "@" in parts.netloc:
        raise StreamConfigError(
            translate(
                "Stream",
                "The event stream URL must not contain a user name or key; the key is stored separately.",
            )
        )
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise StreamConfigError(
            translate(
                "Stream",
                "The event stream URL {url} must not have a query (?) or fragment (#); the key never goes in the URL.",
            ).format(url=shown)
        )
    if parts.path not in ("", "/"):
        raise StreamConfigError(
            translate(
                "Stream",
                "The event stream URL {url} must be the scheme and host only, such as {example}: ccdesk adds the "
                "reader path, tenant and topic.",
            ).format(url=shown, example=example)
        )
    host = parts.hostname
    if not host:
        raise StreamConfigError(
            translate("Stream", "The event stream URL {url} has no host.").format(url=shown)
        )
    if scheme == "ws" and not is_loopback_host(host):
        raise StreamConfigError(
            translate(
                "Stream",
                "The event stream URL {url} uses plain ws://, which is only allowed to this computer (loopback): use "
                "wss://.",
            ).format(url=shown)
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return f"{scheme}://{netloc}"


def validate_topic(topic: str) -> str:
    """A topic as namespace/topic (`agent-v1/agXXXX`, `event-v1/AgentStatusChange`); returned as given."""
    if not isinstance(topic, str) or not topic.strip():
        raise StreamConfigError(translate("Stream", "The event stream topic is empty."))
    if "://" in topic or topic.startswith("persistent/"):
        raise StreamConfigError(
            translate(
                "Stream",
                "The event stream topic {topic} must be namespace/topic only, such as agent-v1/agXXXX or "
                "event-v1/AgentStatusChange: ccdesk adds persistent/ and the tenant.",
            ).format(topic=repr(topic))
        )
    parts = topic.split("/")
    if len(parts) != 2:
        raise StreamConfigError(
            translate(
                "Stream",
                "The event stream topic {topic} must be namespace/topic, such as agent-v1/agXXXX or "
                "event-v1/AgentStatusChange.",
            ).format(topic=repr(topic))
        )
    for label, part in zip(("topic namespace", "topic name"), parts, strict=True):
        _segment(label, part)
    return topic


def validate_start(start: str) -> str:
    """Where to start reading: "latest", "earliest" or a message id (base64 text, as received)."""
    if start in ("latest", "earliest"):
        return start
    if not isinstance(start, str) or not start:
        raise StreamConfigError(
            translate("Stream", "The start position is empty: use latest, earliest or a message id.")
        )
    if len(start) > _MAX_START or not start.isascii() or not start.isprintable() or " " in start:
        raise StreamConfigError(
            translate(
                "Stream",
                "The start position {start} is not latest, earliest or a message id (base64 text such as CAEQAQ==).",
            ).format(start=repr(start[:40]))
        )
    return start


def _segment(label: str, value: str) -> str:
    try:
        return segment(label, value)
    except InvalidInput as exc:
        raise StreamConfigError(exc.message) from None


@dataclass(frozen=True)
class StreamEndpoint:
    """Where to read: host, tenant and topic, each checked when the endpoint is made."""

    base_url: str
    tenant: str
    topic: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", validate_stream_url(self.base_url))
        _segment("tenant", self.tenant)
        validate_topic(self.topic)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def reader_url(self, start: str, receiver_queue_size: int | None = None) -> str:
        """The reader's URL starting at `start`; every part percent-encoded. The key is never part of it."""
        namespace, name = self.topic.split("/")
        path = "/".join(
            (_segment("tenant", self.tenant), _segment("topic namespace", namespace), _segment("topic", name))
        )
        query = f"messageId={quote(validate_start(start), safe='')}"
        if receiver_queue_size is not None:
            query += f"&receiverQueueSize={receiver_queue_size}"
        return f"{self.base_url}/ws/v2/reader/persistent/{path}?{query}"


def endpoint_for(
    *, tenant: str, topic: str, url: str | None = None, region: str | None = None
) -> StreamEndpoint:
    """The endpoint for an explicit URL, else for a region (uk3, us1, us2)."""
    if url:
        return StreamEndpoint(url, tenant, topic)
    if region:
        host = REGIONS.get(region.strip().lower())
        if host is None:
            raise StreamConfigError(
                translate(
                    "Stream",
                    "Unknown event stream region {region}: use {regions} (8x8's UK3, US1, US2), or give the stream "
                    "URL.",
                ).format(region=repr(region), regions=", ".join(REGIONS))
            )
        return StreamEndpoint(host, tenant, topic)
    raise StreamConfigError(
        translate("Stream", "No event stream URL or region: give one (uk3, us1, us2) or the stream URL.")
    )


class StreamState(StrEnum):
    OFF = "off"
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    FAILED = "failed"


@dataclass(frozen=True)
class StreamStatus:
    """What the reader is doing, in plain words for the window's header and the command line."""

    state: StreamState
    detail: str = ""
    #: seconds until the next attempt, while RECONNECTING
    retry_in: float | None = None
    at: float = field(default_factory=time.time)
    #: the HTTP status that refused the upgrade (401, 403, ...), when one did
    http_status: int | None = None


class _Stopped(Exception):
    """stop() was called while connecting."""


class _Redirected(InvalidHandshake):
    """The upgrade was answered with a redirect, which is not followed (the key would go along)."""

    def __init__(self, status: int, location: str) -> None:
        super().__init__(f"HTTP {status} redirect to {location}")
        self.status = status
        self.location = location


class _Connection(ClientConnection):
    """A client connection that tells the reader it exists (so stop() can abort the upgrade) and refuses redirects.

    websockets follows redirects and strips only Authorization and Cookie on the way: the X-API-Key header
    would be sent to whatever host a redirect names.
    """

    def __init__(self, *args: Any, on_open: Callable[[ClientConnection], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        on_open(self)

    def handshake(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().handshake(*args, **kwargs)
        except InvalidStatus as exc:
            status = exc.response.status_code
            if 300 <= status < 400:
                raise _Redirected(status, _clean(exc.response.headers.get("Location", "") or "?")) from None
            raise


@dataclass
class _Session:
    """What one connection did, for the backoff and the words of the next status."""

    live_since: float | None = None
    delivered: int = 0


class StreamReader:
    """Reads one topic until stopped, handing each data frame to `on_message` and then acknowledging it.

    `run()` blocks (call it on a worker thread); `stop()` may be called from any thread. Callbacks run on the
    reader's thread: `on_message` for each data frame in arrival order, before it is acknowledged;
    `on_status` for each change of state; `resume_from` at every (re)connect, for the last message id the caller
    applied (the reader starts after it), or None for `first_start`.
    """

    def __init__(
        self,
        endpoint: StreamEndpoint,
        key: str,
        *,
        on_message: Callable[[StreamMessage], None],
        on_status: Callable[[StreamStatus], None],
        resume_from: Callable[[], str | None],
        first_start: str = "latest",
        backoff_base: float = 0.5,
        backoff_max: float = 30.0,
        rng: random.Random | None = None,
        open_timeout: float = 10.0,
        idle_timeout: float = 45.0,
        receiver_queue_size: int | None = None,
        ssl_context: ssl.SSLContext | None = None,
        close_timeout: float = 1.0,
    ) -> None:
        self.endpoint = endpoint
        self._key = validate_key(key)
        self._on_message = on_message
        self._on_status = on_status
        self._resume_from = resume_from
        self._first_start = validate_start(first_start)
        for label, seconds in (
            ("backoff base", backoff_base),
            ("backoff maximum", backoff_max),
            ("open timeout", open_timeout),
            ("idle timeout", idle_timeout),
            ("close timeout", close_timeout),
        ):
            if not seconds > 0:
                raise InvalidInput(f"The event stream's {label} must be a positive number of seconds.")
        if receiver_queue_size is not None and not 1 <= receiver_queue_size <= MAX_RECEIVER_QUEUE:
            raise InvalidInput(f"The receiver queue size must be from 1 to {MAX_RECEIVER_QUEUE}.")
        self._backoff_base, self._backoff_max = backoff_base, backoff_max
        self._rng = rng or random.Random()
        self._open_timeout, self._idle_timeout, self._close_timeout = (
            open_timeout,
            idle_timeout,
            close_timeout,
        )
        self._receiver_queue_size = receiver_queue_size
        self._ssl = ssl_context
        self._redacting = RedactingFilter([self._key])
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._running = False
        self._abort: Callable[[], None] | None = None
        self._status = StreamStatus(StreamState.OFF)
        #: a message id the server refused as a start position: the next connects start at latest instead
        self._refused_start: str | None = None

    @property
    def status(self) -> StreamStatus:
        with self._lock:
            return self._status

    # -- control ----------------------------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop reading: run() returns within about a second (a connection being opened is cut at once)."""
        self._stop.set()
        with self._lock:
            abort, running = self._abort, self._running
        if abort is not None:
            with contextlib.suppress(OSError):
                abort()
        if not running:
            self._set_status(StreamStatus(StreamState.OFF, "stopped"))

    def run(self) -> None:
        """Read until stop() (or until the server refuses the key or topic)."""
        with self._lock:
            if self._running:
                raise RuntimeError("this StreamReader is already running")
            self._running = True
        for logger in (log, wire_log):
            logger.addFilter(self._redacting)
        try:
            self._loop()
        finally:
            for logger in (log, wire_log):
                logger.removeFilter(self._redacting)
            with self._lock:
                self._running = False
                self._abort = None
            if self._stop.is_set():
                self._set_status(StreamStatus(StreamState.OFF, "stopped"))

    # -- the loop ---------------------------------------------------------------------------------------------

    def _loop(self) -> None:
        failures = 0
        first = True
        while not self._stop.is_set():
            start, note = self._start()
            session = _Session()
            verb = "connecting to" if first else "connecting again to"
            self._set_status(
                StreamStatus(StreamState.CONNECTING, f"{verb} {self.endpoint.host} (from {_short(start)})")
            )
            first = False
            reason, status = translate("StreamReader", "the stream server closed the connection"), None
            try:
                self._session(start, note, session)
            except _Stopped:
                return
            except Exception as exc:
                if self._stop.is_set():
                    return
                reason, status, fatal = self._explain(exc, start)
                if fatal:
                    log.info("event stream: %s", reason)
                    self._set_status(StreamStatus(StreamState.FAILED, reason, http_status=status))
                    return
            if self._stop.is_set():
                return
            if session.delivered or (
                session.live_since is not None and time.monotonic() - session.live_since >= self._idle_timeout
            ):
                failures = 0
            delay = self._rng.uniform(0, min(self._backoff_max, self._backoff_base * 2**failures))
            failures += 1
            log.info("event stream: %s; connecting again in %.1f s", reason, delay)
            self._set_status(
                StreamStatus(StreamState.RECONNECTING, reason, retry_in=delay, http_status=status)
            )
            if self._stop.wait(delay):
                return

    def _start(self) -> tuple[str, str]:
        """Where this connection starts, and a note when it is not where the caller asked."""
        try:
            wanted = self._resume_from()
        except Exception:  # the caller's bookkeeping failed: read on from the first position rather than die
            log.exception(
                "event stream: the resume position could not be read; starting at %s", self._first_start
            )
            wanted = None
        start = wanted or self._first_start
        if start == self._refused_start:
            return "latest", (
                f"8x8 refused to start at {_short(start)}, so reading starts at the latest event: events sent "
                "meanwhile may be missing"
            )
        return start, ""

    def _session(self, start: str, note: str, session: _Session) -> None:
        url = self.endpoint.reader_url(start, self._receiver_queue_size)
        parts = urlsplit(url)
        host, secure = parts.hostname or "", parts.scheme == "wss"
        port = parts.port or (443 if secure else 80)
        # the same trust as the REST calls (ccdesk.api.tls); decided before any socket, so a bad
        # CCDESK_TLS_TRUST connects nowhere
        context = (self._ssl or tls_context()) if secure else None
        proxy = _proxy_for(host, port, secure)
        sock, spare = (None, None) if proxy else self._open_socket(host, port)
        options: dict[str, Any] = {"sock": sock} if sock is not None else {"proxy": proxy}
        if context is not None:
            options["ssl"] = context
        ping_interval = min(20.0, self._idle_timeout / 2)
        try:
            with connect(
                url,
                additional_headers={"X-API-Key": self._key},
                user_agent_header=USER_AGENT,
                open_timeout=self._open_timeout,
                ping_interval=ping_interval,
                ping_timeout=self._idle_timeout - ping_interval,
                close_timeout=self._close_timeout,
                logger=wire_log,
                create_connection=cast(type[ClientConnection], _connection_factory(self._opened)),
                **options,
            ) as ws:
                with self._lock:
                    self._abort = None
                if self._stop.is_set():
                    return
                session.live_since = time.monotonic()
                words = f"reading {self.endpoint.topic} from {_short(start)}" + (f"; {note}" if note else "")
                log.info("event stream: live on %s (%s)", self.endpoint.host, words)
                self._set_status(StreamStatus(StreamState.LIVE, words))
                self._read(ws, session)
        finally:
            with self._lock:
                self._abort = None
            for handle in (spare, sock):
                if handle is not None:
                    handle.close()

    def _read(self, ws: ClientConnection, session: _Session) -> None:
        while not self._stop.is_set():
            try:
                frame = ws.recv(timeout=POLL)
            except TimeoutError:
                continue
            try:
                message = parse_frame(frame)
            except StreamFormatError as exc:
                log.warning("event stream: a frame that is not an event was skipped: %s", exc)
                continue
            if message is None or self._stop.is_set():
                continue
            try:
                self._on_message(message)
            except Exception:  # one bad event must not stop the stream; it is acknowledged like any other
                log.exception("event stream: handling message %s failed", message.message_id)
            ws.send(ack_frame(message.message_id))
            session.delivered += 1

    # -- connecting -------------------------------------------------------------------------------------------

    def _open_socket(self, host: str, port: int) -> tuple[socket.socket, socket.socket]:
        """A TCP connection that stop() can interrupt, and a spare handle on it for stop() to cut it with.

        The spare (a duplicate of the socket) stays valid when TLS takes the original over, so stop() can shut
        the connection down during the TLS and WebSocket handshakes too. Both are closed after the session.
        """
        deadline = time.monotonic() + self._open_timeout
        error: OSError = OSError(translate("StreamReader", "no address found for {host}").format(host=host))
        for family, kind, proto, _name, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
            sock = socket.socket(family, kind, proto)
            try:
                self._connect(sock, address, deadline)
            except OSError as exc:
                sock.close()
                if isinstance(exc, TimeoutError):
                    raise
                error = exc
                continue
            except BaseException:
                sock.close()
                raise
            spare = sock.dup()
            with self._lock:
                self._abort = partial(_shut, spare)
            if self._stop.is_set():
                sock.close()
                spare.close()
                raise _Stopped
            return sock, spare
        raise error

    def _connect(self, sock: socket.socket, address: Any, deadline: float) -> None:
        sock.setblocking(False)
        code = sock.connect_ex(address)
        if code not in _CONNECTING:
            raise OSError(code, os.strerror(code))
        while code != 0:
            if self._stop.is_set():
                raise _Stopped
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no connection within {_seconds(self._open_timeout)} s")
            _, writable, failed = select.select([], [sock], [sock], min(remaining, POLL))
            if writable or failed:
                code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code:
                    raise OSError(code, os.strerror(code))
                break
        sock.setblocking(True)

    def _opened(self, connection: ClientConnection) -> None:
        """The WebSocket upgrade is under way: stop() can now close it (a proxied connection has no spare)."""
        with self._lock:
            if self._abort is None:
                self._abort = connection.close_socket
        if self._stop.is_set():
            connection.close_socket()

    # -- words ------------------------------------------------------------------------------------------------

    def _explain(self, exc: BaseException, start: str) -> tuple[str, int | None, bool]:
        """(plain words, HTTP status, whether retrying is pointless) for what ended a connection.

        The words reach the window's header and the settings' stream test, so each is one whole sentence in the
        window's language (with and without what 8x8 said, which goes in as it came)."""
        host = self.endpoint.host
        if isinstance(exc, InvalidStatus):
            status = exc.response.status_code
            said = _said(exc.response.body)
            if status == 401:
                words = (
                    translate(
                        "StreamReader",
                        "8x8 refused the stream key (HTTP 401) for tenant {tenant}: {said}. Store the tenant's Data "
                        "Request Token or an Admin Console key (eght_...) as the stream key (ccdesk-cli login "
                        "--stream-key, or CCDESK_STREAM_KEY), and check the tenant name",
                    )
                    if said
                    else translate(
                        "StreamReader",
                        "8x8 refused the stream key (HTTP 401) for tenant {tenant}. Store the tenant's Data Request "
                        "Token or an Admin Console key (eght_...) as the stream key (ccdesk-cli login --stream-key, or "
                        "CCDESK_STREAM_KEY), and check the tenant name",
                    )
                )
                return words.format(tenant=self.endpoint.tenant, said=said), status, True
            if status == 403:
                words = (
                    translate(
                        "StreamReader",
                        "8x8 did not allow this stream key to read {topic} (HTTP 403): {said}. The key may lack the "
                        "'Pulsar Event Stream' product, or may not be allowed this topic",
                    )
                    if said
                    else translate(
                        "StreamReader",
                        "8x8 did not allow this stream key to read {topic} (HTTP 403). The key may lack the 'Pulsar "
                        "Event Stream' product, or may not be allowed this topic",
                    )
                )
                return words.format(topic=self.endpoint.topic, said=said), status, True
            if start not in ("latest", "earliest") and status in _POSITION_REFUSED:
                self._refused_start = start
                words = (
                    translate(
                        "StreamReader",
                        "8x8 refused to start at message {id} (HTTP {status}): {said}; starting at the latest event "
                        "next",
                    )
                    if said
                    else translate(
                        "StreamReader",
                        "8x8 refused to start at message {id} (HTTP {status}); starting at the latest event next",
                    )
                )
                return words.format(id=start, status=status, said=said), status, False
            if status == 407:
                words = translate("StreamReader", "a proxy asks to sign in (HTTP 407) before reaching {host}")
                return words.format(host=host), status, False
            if 200 <= status < 300:
                words = translate(
                    "StreamReader",
                    "something other than the event stream answered at {host} (HTTP {status}): a proxy or sign-in "
                    "page, or the wrong stream URL",
                )
                return words.format(host=host, status=status), status, False
            words = (
                translate(
                    "StreamReader", "the stream server {host} refused the connection (HTTP {status}): {said}"
                )
                if said
                else translate(
                    "StreamReader", "the stream server {host} refused the connection (HTTP {status})"
                )
            )
            return words.format(host=host, status=status, said=said), status, False
        if isinstance(exc, _Redirected):
            words = translate(
                "StreamReader",
                "{host} answered with a redirect ({status}) to {location}; ccdesk does not follow it (the key would "
                "go along): check the stream URL or region",
            )
            return words.format(host=host, status=exc.status, location=exc.location), exc.status, False
        if isinstance(exc, ConnectionClosed):
            return _closed_words(exc, self._idle_timeout), None, False
        if isinstance(exc, ConfigurationError):  # e.g. CCDESK_TLS_TRUST: no retry can fix a setting
            return str(exc).rstrip("."), None, True
        if isinstance(exc, InvalidProxy):
            words = translate(
                "StreamReader", "the proxy setting cannot be used for the event stream: {problem}"
            )
            return words.format(problem=_clean(str(exc))), None, True
        if isinstance(exc, ImportError):
            words = translate(
                "StreamReader",
                "a SOCKS proxy is set (ALL_PROXY or HTTPS_PROXY) but ccdesk cannot use SOCKS for the event stream: "
                "set an http proxy, or NO_PROXY for the stream host",
            )
            return words, None, True
        if isinstance(exc, ProxyError):
            words = translate("StreamReader", "the proxy did not connect to {host}: {problem}")
            return words.format(host=host, problem=_clean(str(exc))), None, False
        if isinstance(exc, ssl.SSLCertVerificationError):
            words = (
                translate(
                    "StreamReader",
                    "the certificate of {host} could not be verified ({problem}); a proxy that inspects traffic "
                    "needs its root certificate installed in the system's trust store",
                )
                if trust_in_use() is Trust.SYSTEM
                else translate(
                    "StreamReader",
                    "the certificate of {host} could not be verified ({problem}); a proxy that inspects traffic "
                    "needs its root certificate installed in the system, and {variable}=system so that ccdesk uses "
                    "the system's trust store",
                )
            )
            problem = _clean(exc.verify_message or str(exc))
            return words.format(host=host, problem=problem, variable=TRUST_ENV), None, False
        if isinstance(exc, ssl.SSLError):
            words = translate("StreamReader", "the secure connection to {host} failed ({problem})")
            return words.format(host=host, problem=_clean(exc.reason or str(exc))), None, False
        if isinstance(exc, socket.gaierror):
            words = translate(
                "StreamReader",
                "the stream host {host} could not be found ({problem}): check the stream URL or region, and the "
                "network",
            )
            return words.format(host=host, problem=_clean(exc.strerror or str(exc))), None, False
        if isinstance(exc, TimeoutError):
            words = translate("StreamReader", "{host} did not answer within {seconds} s")
            return words.format(host=host, seconds=_seconds(self._open_timeout)), None, False
        if isinstance(exc, ConnectionRefusedError):
            return translate("StreamReader", "{host} refused the connection").format(host=host), None, False
        if isinstance(exc, OSError):
            words = translate("StreamReader", "could not connect to {host}: {problem}")
            return words.format(host=host, problem=_clean(exc.strerror or str(exc))), None, False
        if isinstance(exc, InvalidHandshake):
            words = translate("StreamReader", "{host} did not accept the WebSocket upgrade: {problem}")
            return words.format(host=host, problem=_clean(str(exc))), None, False
        log.error("event stream: unexpected failure", exc_info=exc)
        words = translate("StreamReader", "the connection failed: {kind}: {problem}")
        return words.format(kind=type(exc).__name__, problem=_clean(str(exc))), None, False

    def _set_status(self, status: StreamStatus) -> None:
        with self._lock:
            if status.state is StreamState.OFF and self._status.state is StreamState.OFF:
                return
            self._status = status
        try:
            self._on_status(status)
        except Exception:
            log.exception("event stream: the status handler failed")


def probe(
    endpoint: StreamEndpoint, key: str, *, timeout: float = 10.0, ssl_context: ssl.SSLContext | None = None
) -> StreamStatus:
    """Connect once and say how it went: LIVE (key and topic accepted), FAILED (refused), or RECONNECTING
    (the server could not be reached or answered something else; `detail` says what). Blocks up to `timeout`.
    """
    outcome: list[StreamStatus] = []

    def decided(status: StreamStatus) -> None:
        if not outcome and status.state in (StreamState.LIVE, StreamState.FAILED, StreamState.RECONNECTING):
            outcome.append(status)
            reader.stop()

    reader = StreamReader(
        endpoint,
        key,
        on_message=lambda _message: None,
        on_status=decided,
        resume_from=lambda: None,
        open_timeout=timeout,
        ssl_context=ssl_context,
    )
    reader.run()
    return outcome[0] if outcome else reader.status


def validate_key(key: str) -> str:
    """The key trimmed, or ConfigurationError when it cannot be one (it becomes an HTTP header value)."""
    if not isinstance(key, str) or not key.strip():
        raise ConfigurationError(translate("Stream", "The event stream key is empty."))
    key = key.strip()
    if any(unicodedata.category(ch).startswith("C") or ch.isspace() for ch in key) or not key.isascii():
        raise ConfigurationError(
            translate(
                "Stream",
                "The event stream key contains spaces, line breaks or other characters no key has: store it again, "
                "copied whole.",
            )
        )
    return key


def _connection_factory(on_open: Callable[[ClientConnection], None]) -> Callable[..., ClientConnection]:
    def create(*args: Any, **kwargs: Any) -> ClientConnection:
        return _Connection(*args, on_open=on_open, **kwargs)

    return create


def _proxy_for(host: str, port: int, secure: bool) -> str | None:
    """The proxy the REST client (httpx, trust_env) would use for an https URL to this host, if any."""
    if not secure or is_loopback_host(host):
        return None
    if urllib.request.proxy_bypass(f"{host}:{port}") or urllib.request.proxy_bypass(host):
        return None
    proxies = urllib.request.getproxies()
    proxy = proxies.get("https") or proxies.get("all")
    if not proxy:
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _closed_words(exc: ConnectionClosed, idle_timeout: float) -> str:
    if exc.sent is not None and exc.sent.reason == "keepalive ping timeout":
        return translate("Stream", "no answer from the stream server for {seconds} s").format(
            seconds=_seconds(idle_timeout)
        )
    if exc.rcvd is not None:
        if exc.rcvd.reason:
            return translate(
                "Stream", "the stream server closed the connection (code {code}: {reason})"
            ).format(code=exc.rcvd.code, reason=_clean(exc.rcvd.reason))
        return translate("Stream", "the stream server closed the connection (code {code})").format(
            code=exc.rcvd.code
        )
    return translate("Stream", "the connection dropped")


def _said(body: bytes | bytearray | None) -> str:
    """What the server said with a refusal, short and printable; nothing for a web page."""
    text = _clean((body or b"").decode("utf-8", "replace"))
    if not text or text.lstrip().startswith("<"):
        return ""
    return text[:160]


def _clean(text: str) -> str:
    """Server-provided text made safe for one line of a terminal or a label: no control or format characters."""
    kept = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(kept.split())


def _seconds(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:g}"


def _short(start: str) -> str:
    return start if start in ("latest", "earliest") else f"message {start}"
