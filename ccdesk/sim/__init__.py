"""A simulator of the 8x8 Contact Center Call and Agent Status APIs, written from the documents alone.

It must not import ccdesk.api or ccdesk.core: tests of the client against it prove something only because the
two were written separately.
"""

from ccdesk.sim.app import DEMO_TOKEN, Fault, LoggedRequest, SimRequest, SimResponse, Simulator
from ccdesk.sim.server import RunningServer, serve_in_thread
from ccdesk.sim.state import AgentStatus, SimError, TenantState, load_scenario
from ccdesk.sim.transport import SimTransport

__all__ = [
    "DEMO_TOKEN",
    "AgentStatus",
    "Fault",
    "LoggedRequest",
    "RunningServer",
    "SimError",
    "SimRequest",
    "SimResponse",
    "SimTransport",
    "Simulator",
    "TenantState",
    "load_scenario",
    "serve_in_thread",
]
