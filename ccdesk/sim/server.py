"""`ccdesk-sim`: the simulator on a real loopback HTTP/1.1 socket, for integration tests and manual trials.

`serve_in_thread` runs it beside a test and stops it without leaving a thread behind; `main` is the command,
which also serves the event stream (stream.py) on a port of its own.
A dropped-connection fault really closes the socket without answering. A refused connection cannot be faked
per request once TCP has accepted it, so over a socket "refuse" closes the connection unanswered like "drop"
(but unlogged); the in-process SimTransport raises a true ConnectError.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import signal
import socket
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType, TracebackType
from typing import Any, TextIO

from ccdesk.sim.app import DEMO_STREAM_KEY, DEMO_TOKEN, SimRequest, Simulator
from ccdesk.sim.state import TenantState, load_scenario
from ccdesk.sim.stream import serve_stream


class _Server(ThreadingHTTPServer):
    """A threaded server that knows its simulator and can wake and close every connection to stop cleanly."""

    daemon_threads = False  # joined by server_close(), so no handler thread outlives stop()

    def __init__(
        self,
        address: tuple[str, int],
        simulator: Simulator,
        access_log: TextIO | None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.simulator = simulator
        self.access_log = access_log
        self.tls = tls
        self.stopping = threading.Event()
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def finish_request(self, request: Any, client_address: Any) -> None:
        """HTTPS when serving with a TLS context: the handshake runs on the connection's own thread."""
        if self.tls is not None:
            try:
                request = self.tls.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):  # the client refused our certificate or left: its business
                return
        super().finish_request(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Reads one request at a time off a keep-alive connection and acts out the simulator's answer."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without TCP_NODELAY, Nagle + delayed ACK add ~40 ms to every
    # answer on loopback, which would make latency figures (and benchmarks) lie.
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)
            if self.server.stopping.is_set():  # accepted just as stop() ran: do not wait for a request
                self.connection.shutdown(socket.SHUT_RDWR)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def _serve(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.send_error(411, "Send a Content-Length; chunked request bodies are not supported")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        headers = {name: ", ".join(self.headers.get_all(name, [])) for name in self.headers}
        answer = self.server.simulator.handle(SimRequest(self.command, path, query, headers, body))
        if answer.delay and self.server.stopping.wait(answer.delay):
            answer.network = "drop"
        if answer.network is not None:
            self.close_connection = True
            return
        try:
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)
        except OSError:  # the client gave up waiting (a timeout fault) and closed its end
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

    def log_message(self, format: str, *args: object) -> None:
        if self.server.access_log is not None:
            print(f"{self.address_string()} {format % args}", file=self.server.access_log, flush=True)


class RunningServer:
    """A simulator served on a background thread; `stop()` (or leaving the `with` block) ends it."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self.simulator = server.simulator
        address = server.server_address
        self.host, self.port = str(address[0]), int(address[1])  # type: ignore[misc]  # (host, port[, ...])
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.root_url = f"{'https' if server.tls else 'http'}://{host}:{self.port}"
        self.url = f"{self.root_url}/api/v1"
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="ccdesk-sim", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting, wake delayed answers, close open connections and join every thread."""
        self._server.stopping.set()
        self._server.shutdown()
        with self._server.connections_lock:
            for connection in self._server.connections:
                with contextlib.suppress(OSError):  # already closed by the client
                    connection.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def serve_in_thread(
    simulator: Simulator,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    access_log: TextIO | None = None,
    tls: ssl.SSLContext | None = None,
) -> RunningServer:
    """Serve `simulator` on host:port (0 picks a free port) until the returned server is stopped; over HTTPS
    with `tls` (a server-side context with its certificate loaded), as 8x8 serves it."""
    return RunningServer(_Server((host, port), simulator, access_log, tls))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ccdesk-sim",
        description="A local simulator of the 8x8 Contact Center Call and Agent Status APIs.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback only by default)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one")
    parser.add_argument("--tenant", help="tenant name (default: the scenario's)")
    parser.add_argument("--username", help="Basic-auth username (default: the scenario's, or the tenant)")
    parser.add_argument(
        "--token", default=DEMO_TOKEN, help=f"Action Request Token to accept (default {DEMO_TOKEN})"
    )
    parser.add_argument("--scenario", help="tenant JSON file replacing the built-in demo tenant")
    parser.add_argument("--extra-agents", type=int, default=0, metavar="N", help="add N agents agSim0001...")
    parser.add_argument("--latency", type=float, default=0.0, metavar="SECONDS", help="delay every answer")
    parser.add_argument(
        "--agent-status-api", choices=("on", "off"), default="on", help="whether it is enabled"
    )
    parser.add_argument(
        "--seed", type=int, help="seed for interaction ids and fault rates (reproducible runs)"
    )
    parser.add_argument(
        "--stream-port", type=int, default=0, help="event stream (WebSocket) port; 0 picks a free one"
    )
    parser.add_argument(
        "--stream-key",
        default=DEMO_STREAM_KEY,
        help=f"event stream key to accept (default {DEMO_STREAM_KEY})",
    )
    parser.add_argument(
        "--stream-silent",
        action="store_true",
        help="start the event stream as the wrong region does: connections succeed, no event is sent",
    )
    parser.add_argument(
        "--ring-seconds",
        type=float,
        metavar="SECONDS",
        help="how long a placed call rings before the customer answers (default: the scenario's, or 5)",
    )
    parser.add_argument("--allow-remote", action="store_true", help="allow a non-loopback --host")
    parser.add_argument("--access-log", action="store_true", help="log each request on stderr")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ccdesk-sim until Ctrl-C or SIGTERM, printing its URL and credentials first for scripts to read."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not _is_loopback(args.host) and not args.allow_remote:
        parser.error(
            f"--host {args.host} is not a loopback address; add --allow-remote to expose the simulator"
        )
    try:
        scenario = load_scenario(args.scenario)
        state = TenantState(scenario, tenant=args.tenant, extra_agents=args.extra_agents, seed=args.seed)
    except (OSError, ValueError, KeyError, TypeError) as error:
        parser.error(f"cannot load scenario: {error!r}")
    if args.ring_seconds is not None:
        state.ring_seconds = args.ring_seconds
    simulator = Simulator(
        state,
        username=args.username,
        token=args.token,
        latency=args.latency,
        agent_status_api=args.agent_status_api == "on",
        seed=args.seed or 0,
        stream_key=args.stream_key,
    )
    simulator.stream.silence(args.stream_silent)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        server = serve_in_thread(
            simulator, args.host, args.port, access_log=sys.stderr if args.access_log else None
        )
    except OSError as error:
        print(f"ccdesk-sim: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    with server:
        try:
            stream = serve_stream(simulator, args.host, args.stream_port)
        except OSError as error:
            print(f"ccdesk-sim: cannot listen on {args.host}:{args.stream_port}: {error}", file=sys.stderr)
            return 1
        with stream:
            print(f"ccdesk-sim listening on {server.url}", flush=True)
            print(
                f"tenant {state.tenant}, username {simulator.username}, token {simulator.token}", flush=True
            )
            print(f"event stream on {stream.url}, key {stream.key}", flush=True)
            print(f"control endpoints under {server.root_url}/_sim/ ; stop with Ctrl-C", flush=True)
            while not stop.wait(0.5):
                pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
