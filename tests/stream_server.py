"""Small event-stream servers on loopback for the reader's and `ccdesk-cli watch`'s tests.

Written here from Pulsar's reader protocol as NOTES.md describes it (not the ccdesk simulator, which is written
apart): `X-API-Key` checked at the upgrade (401), forbidden topics (403), JSON envelopes with base64 ids and
payloads, acknowledgements collected. `SilentServer` is a peer that accepts TCP and then says nothing more (or
only the upgrade), for the timeouts and for stop() during a handshake.
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import ServerConnection, serve

KEY = "eght_k3y+Secret/Value=="
TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TOPIC = f"agent-v1/{AGENT}"


def message_id(n: int) -> str:
    """A message id like Pulsar's (base64 of a small protobuf), holding '+', '/' and '='."""
    return base64.b64encode(b"\x08\xfb\xff" + n.to_bytes(2, "big") + b"\xfe\xbf").decode()


def payload_text(payload: Any) -> str:
    """base64 of the payload: JSON for a dict or list, the bytes or text as they are otherwise."""
    if isinstance(payload, dict | list):
        payload = json.dumps(payload)
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    return base64.b64encode(payload).decode()


def envelope(n: int, payload: Any, *, redelivery: int = 0, properties: dict[str, str] | None = None) -> str:
    """A data frame exactly as Pulsar's reader sends one."""
    return json.dumps(
        {
            "messageId": message_id(n),
            "payload": payload_text(payload),
            "properties": properties or {},
            "publishTime": f"2026-07-23T09:30:{n % 60:02d}.000Z",
            "redeliveryCount": redelivery,
        }
    )


def status_event(n: int, state: int = 4) -> dict[str, Any]:
    return {
        "AgentStatusChange": {
            "agentId": AGENT,
            "msgInfo": {"instanceId": "test", "sequenceId": n, "timestamp": 1669235544917 + n},
            "newState": state,
            "statusEventTS": 1669235544 + n,
        }
    }


@dataclass
class Seen:
    """One upgrade request as the server received it."""

    path: str
    headers: Headers

    @property
    def raw_query(self) -> str:
        return urlsplit(self.path).query

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.raw_query).items()}

    @property
    def topic(self) -> str:
        parts = unquote(urlsplit(self.path).path).split("/")
        return "/".join(parts[-2:])


Script = Callable[[ServerConnection, int], None]


@dataclass
class StreamServer:
    """A Pulsar-like reader endpoint. `script(connection, n)` runs each accepted connection (n counts from 0)."""

    script: Script | None = None
    key: str = KEY
    forbidden: tuple[str, ...] = ()
    #: status to answer the upgrade with, per connection number (e.g. {0: 503}); a start id listed in
    #: `refused_starts` is answered 500 like Pulsar's "Failed to create reader"
    statuses: dict[int, int] = field(default_factory=dict)
    refused_starts: tuple[str, ...] = ()
    redirect_to: str = ""
    connections: list[Seen] = field(default_factory=list)
    acks: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._server = serve(self._handle, "127.0.0.1", 0, process_request=self._check, ping_interval=None)
        self.port = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="test-stream-server")
        self._accepted = 0
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def __enter__(self) -> StreamServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._thread.join(5)

    # -- the server's side ------------------------------------------------------------------------------------

    def _check(self, connection: ServerConnection, request: Request) -> Response | None:
        seen = Seen(request.path, request.headers)
        with self._lock:
            number = len(self.connections)
            self.connections.append(seen)
        if self.redirect_to:
            response = connection.respond(302, "moved\n")
            response.headers["Location"] = self.redirect_to
            return response
        if request.headers.get("X-API-Key") != self.key:
            return connection.respond(401, "Failed to authenticate\n")
        if seen.topic in self.forbidden:
            return connection.respond(403, "Not authorized\n")
        if seen.query.get("messageId") in self.refused_starts:
            return connection.respond(500, "Failed to create reader: Illegal base64 character\n")
        if number in self.statuses:
            return connection.respond(self.statuses[number], "try later\n")
        return None

    def _handle(self, connection: ServerConnection) -> None:
        with self._lock:
            number = self._accepted
            self._accepted += 1
        if self.script is not None:
            self.script(connection, number)
        else:
            self.collect(connection)

    def collect(
        self, connection: ServerConnection, until_acks: int | None = None, timeout: float = 5.0
    ) -> None:
        """Read what the client sends (acknowledgements) until it closes, or until `until_acks` more came."""
        target = None if until_acks is None else len(self.acks) + until_acks
        deadline = time.monotonic() + timeout
        while target is None or len(self.acks) < target:
            try:
                text = connection.recv(
                    timeout=0.1 if target is None else max(deadline - time.monotonic(), 0.01)
                )
            except TimeoutError:
                if target is not None:
                    return
                continue
            except ConnectionClosed:
                return
            self.received.append(str(text))
            try:
                ack = json.loads(text)["messageId"]
            except (ValueError, KeyError, TypeError):
                continue
            self.acks.append(ack)

    def send(self, connection: ServerConnection, frames: list[str], then: str = "wait") -> None:
        """Send `frames`; then "wait" (collect until the client closes), "drop" (cut TCP once the data frames
        were acknowledged) or "close" (a normal close frame once acknowledged)."""
        data = sum(1 for f in frames if "messageId" in json.loads(f))
        for frame in frames:
            connection.send(frame)
        if then == "wait":
            self.collect(connection)
            return
        self.collect(connection, until_acks=data)
        if then == "drop":
            connection.close_socket()
        else:
            connection.close(1000, "end of test")


class SilentServer:
    """Accepts TCP, optionally completes the WebSocket upgrade, then never reads or answers again."""

    def __init__(self, *, upgrade: bool) -> None:
        self.upgrade = upgrade
        self.accepted = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="test-silent-server")

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        for sock in self._held:
            sock.close()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            self._held.append(sock)
            if self.upgrade:
                sock.settimeout(5)
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = sock.recv(4096)
                    if not chunk:
                        break
                    request += chunk
                key = next(
                    (
                        line.split(b":", 1)[1].strip()
                        for line in request.split(b"\r\n")
                        if line.lower().startswith(b"sec-websocket-key:")
                    ),
                    None,
                )
                if key is None:  # the client went away before its handshake was whole (a reader giving up)
                    continue
                accept = base64.b64encode(
                    hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest()
                ).decode()
                sock.sendall(
                    (
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
                    ).encode()
                )
