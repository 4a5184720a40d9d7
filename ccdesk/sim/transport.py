"""An httpx transport that serves a `Simulator` in-process, for `ccdesk --demo` and fast tests.

Faults surface exactly as httpx reports a real network's: a dropped connection is
`httpx.RemoteProtocolError`, a refused one `httpx.ConnectError`, and an answer slower than the request's read
timeout `httpx.ReadTimeout` after waiting that long. Latency sleeps in the calling thread, as a real request
would block it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from ccdesk.sim.app import SimRequest, Simulator


class SimTransport(httpx.BaseTransport):
    """Route every request of an `httpx.Client` to one `Simulator`; `sleep` is injectable for tests."""

    def __init__(self, simulator: Simulator, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.simulator = simulator
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer as the simulated server would, or raise the network error its fault stands for."""
        path, _, query = request.url.raw_path.decode("ascii").partition("?")
        headers = {name: ", ".join(request.headers.get_list(name)) for name in request.headers}
        answer = self.simulator.handle(SimRequest(request.method, path, query, headers, request.read()))
        if answer.network == "refuse":
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        read_timeout = request.extensions.get("timeout", {}).get("read")
        if read_timeout is not None and answer.delay > read_timeout:
            self._sleep(read_timeout)
            raise httpx.ReadTimeout("timed out", request=request)
        if answer.delay:
            self._sleep(answer.delay)
        if answer.network == "drop":
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body, request=request)
