"""8x8 Event Streaming's reader endpoint on a real loopback WebSocket, served from the simulator's state.

`serve_stream(simulator)` serves `/ws/v2/reader/persistent/{tenant}/{namespace}/{topic}` (the Apache Pulsar
WebSocket reader 8x8 runs) on its own port, beside the REST server of server.py, from the same TenantState: what
a REST call or a control changes is published to `state.events` and read here. events.py says how the stream
behaves (ids, positions, flow control, faults); this module only does the I/O, on websockets' threaded server:

- The upgrade is answered before any frame: 404 for another path, 401 "Failed to authenticate" without a
  known key (the `X-API-Key` header, any case, else the `x-api-key` query parameter, exactly that case) or for
  another tenant, 403 "Not authorized" for a topic the key may not read, 500 "Failed to create reader: ..."
  for a malformed messageId or receiverQueueSize, or a namespace other than event-v1 and agent-v1 (Pulsar's
  ReaderHandler answers 500 to every failure to create its reader).
- Each connection's handler thread reads the acknowledgements; a sender thread of its own, joined by the
  handler, sends frames as the log grows. websockets sends pings every 20 s.
- A tick thread evaluates the state's lazy expiries every 0.2 s, so a wrap-up or a ring that times out is
  published without waiting for a REST request.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, unquote

from websockets.exceptions import ConnectionClosed
from websockets.frames import CloseCode
from websockets.http11 import Request, Response
from websockets.sync.server import ServerConnection, serve

from ccdesk.sim.app import Simulator
from ccdesk.sim.events import NAMESPACES, Reader, receiver_queue_size
from ccdesk.sim.state import TenantState

READER_PATH = re.compile(r"/ws/v2/reader/persistent/([^/]+)/([^/]+)/([^/]+)")
TICK_SECONDS = 0.2
CLOSE_TIMEOUT = 2.0


class RunningStream:
    """The event stream of a simulator on a background thread; `stop()` (or leaving `with`) ends it.

    `url` is the scheme and host ("ws://127.0.0.1:PORT"), what ccdesk's stream URL setting takes; `key` the
    simulator's stream key.
    """

    def __init__(self, simulator: Simulator, host: str, port: int) -> None:
        self.simulator = simulator
        self.key = simulator.stream_key
        self._followed = simulator.state
        self._control = simulator.stream
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        # Each connection lives on one handler thread (websockets starts it); what it holds, by that thread:
        self._threads: list[threading.Thread] = []
        self._connections: dict[threading.Thread, ServerConnection] = {}
        self._readers: dict[threading.Thread, Reader] = {}
        track = self._track

        class Connection(ServerConnection):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                track(self)

        self._server = serve(
            self._serve_reader,
            host,
            port,
            process_request=self._upgrade,
            create_connection=Connection,
            close_timeout=CLOSE_TIMEOUT,
        )
        accept = self._server.handler

        def handler(sock: Any, address: Any) -> None:
            thread = threading.current_thread()
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                self._threads.append(thread)
            try:
                accept(sock, address)
            finally:
                self._release(thread)

        self._server.handler = handler
        address = self._server.socket.getsockname()
        self.host, self.port = str(address[0]), int(address[1])
        self.url = f"ws://{f'[{self.host}]' if ':' in self.host else self.host}:{self.port}"
        self._followed.events.subscribe(self._control.wake)
        self._serve_thread = threading.Thread(target=self._server.serve_forever, name="ccdesk-sim-stream")
        self._tick_thread = threading.Thread(target=self._tick, name="ccdesk-sim-stream-tick")
        self._serve_thread.start()
        self._tick_thread.start()

    def _track(self, connection: ServerConnection) -> None:
        with self._lock:
            self._connections[threading.current_thread()] = connection

    def _release(self, thread: threading.Thread) -> None:
        """The connection of a handler thread is over: forget its reader, let its websockets threads end."""
        with self._lock:
            reader = self._readers.pop(thread, None)
            connection = self._connections.pop(thread, None)
        if reader is not None:
            self._control.detach(reader)
        if connection is not None:
            connection.recv_events_thread.join()
            if connection.keepalive_thread is not None:
                connection.keepalive_thread.join()

    @property
    def _state(self) -> TenantState:
        """The simulator's state now: a test may swap it for a fresh platform, as the REST face allows."""
        return self.simulator.state

    def _tick(self) -> None:
        while not self._stopping.wait(TICK_SECONDS):
            self.follow_state()
            self._state.tick()

    def follow_state(self) -> None:
        """After the simulator's state was swapped for a fresh platform: listen to the new event log and drop the
        readers positioned in the old one (they reconnect, positioned in the new log). The tick calls it; a
        test that swaps the state calls it at once, so no reader of the new log is dropped by a late tick."""
        with self._lock:
            state = self.simulator.state
            if state is self._followed:
                return
            self._followed.events.unsubscribe(self._control.wake)
            state.events.subscribe(self._control.wake)
            self._followed = state
        self._control.drop()

    def _upgrade(self, connection: ServerConnection, request: Request) -> Response | None:
        """Answer the upgrade with Pulsar's refusals, or position a reader and let the handshake go on."""
        path, _, query = request.path.partition("?")
        match = READER_PATH.fullmatch(path)
        if match is None:
            return connection.respond(404, "Not Found\n")
        tenant, namespace, name = (unquote(part) for part in match.groups())
        params: dict[str, str] = {}
        for param, value in parse_qsl(query, keep_blank_values=True):
            params.setdefault(param, value)
        keys = request.headers.get_all("X-API-Key")
        key = keys[0] if keys else params.get("x-api-key")
        topic = f"{namespace}/{name}"
        denial = self._control.denial(key, tenant == self._state.tenant, topic)
        if denial is not None:
            return connection.respond(denial[0], f"{denial[1]}\n")
        try:
            if namespace not in NAMESPACES:
                raise ValueError(f"Namespace {tenant}/{namespace} does not exist")
            queue_size = receiver_queue_size(params.get("receiverQueueSize"))
            start = self._state.events.start(params.get("messageId", "latest"))
        except ValueError as error:
            return connection.respond(500, f"Failed to create reader: {error}\n")
        # Attached before the handshake answers, so a fault commanded once the client is connected reaches it.
        reader = Reader(topic, start, queue_size)
        self._control.attach(reader)
        with self._lock:
            self._readers[threading.current_thread()] = reader
        return None

    def _serve_reader(self, connection: ServerConnection) -> None:
        """Count the acknowledgements while a sender thread sends the frames, until the connection ends."""
        with self._lock:
            reader = self._readers[threading.current_thread()]
        sender = threading.Thread(target=self._send, args=(connection, reader), name="ccdesk-sim-stream-send")
        sender.start()
        try:
            for message in connection:
                if isinstance(message, str):  # Pulsar's reader ignores binary frames
                    with self._control.condition:
                        reader.receive(message)
                        self._control.condition.notify_all()
        except ConnectionClosed:
            pass
        finally:
            self._control.detach(reader)
            sender.join()

    def _send(self, connection: ServerConnection, reader: Reader) -> None:
        """Send the reader's frames as they come, until it closes, a drop fault fires or the stream stops."""
        condition = self._control.condition
        while True:
            frame: str | None = None
            with condition:
                while not (reader.closed or self._stopping.is_set() or reader.must_drop):
                    frame = reader.next_frame(self._state.events)
                    if frame is not None:
                        break
                    condition.wait()
                drop = reader.must_drop and frame is None
            if drop:  # EOF without a close frame: the client's "unexpected EOF"
                with contextlib.suppress(OSError):
                    connection.socket.shutdown(socket.SHUT_RDWR)
                return
            if frame is None:
                if self._stopping.is_set():
                    connection.close(CloseCode.GOING_AWAY)
                return
            try:
                connection.send(frame)
            except ConnectionClosed:
                return

    def stop(self) -> None:
        """Close every connection, stop the server and the tick, and join every thread they started."""
        self._stopping.set()
        self._control.wake()
        self._server.shutdown()
        self._serve_thread.join()
        self._tick_thread.join()
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join()
        self._followed.events.unsubscribe(self._control.wake)

    def __enter__(self) -> RunningStream:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def serve_stream(simulator: Simulator, host: str = "127.0.0.1", port: int = 0) -> RunningStream:
    """Serve `simulator`'s event stream on host:port (0 picks a free port) until the result is stopped."""
    return RunningStream(simulator, host, port)
