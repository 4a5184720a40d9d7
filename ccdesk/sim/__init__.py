"""A simulator of the 8x8 Contact Center Call and Agent Status APIs and Event Streaming, from the documents alone.

It must not import ccdesk.api or ccdesk.core: tests of the client against it prove something only because the
two were written separately.

Names are loaded on first use, so `ccdesk --demo` does not import the HTTP server (or httpx), nor the event
stream's WebSocket server (websockets), to start.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "DEMO_STREAM_KEY": "app",
    "DEMO_TOKEN": "app",
    "Fault": "app",
    "LoggedRequest": "app",
    "SimRequest": "app",
    "SimResponse": "app",
    "Simulator": "app",
    "EventLog": "events",
    "Message": "events",
    "StreamControl": "events",
    "RunningServer": "server",
    "serve_in_thread": "server",
    "RunningStream": "stream",
    "serve_stream": "stream",
    "AgentStatus": "state",
    "SimError": "state",
    "TenantState": "state",
    "load_scenario": "state",
    "SimTransport": "transport",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'ccdesk.sim' has no attribute {name!r}")
    return getattr(import_module(f"ccdesk.sim.{home}"), name)
