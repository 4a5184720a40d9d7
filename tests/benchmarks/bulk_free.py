"""Benchmark: free the lines of 200 agents through a real CCClient over loopback HTTP, at concurrency 1 and 8.

Each request takes the simulator's 100 ms latency, so the ideal time is 200 x 100 ms / concurrency; the gap to it
is ccdesk's own overhead (HTTP, JSON, the bulk runner). Run: python tests/benchmarks/bulk_free.py
"""

from __future__ import annotations

import time

from ccdesk.api.client import CCClient
from ccdesk.core.bulk import BulkRun
from ccdesk.core.operations import Action, Operation, Outcome
from ccdesk.sim.app import DEMO_TOKEN, Simulator
from ccdesk.sim.server import serve_in_thread
from ccdesk.sim.state import TenantState

AGENTS = 200
LATENCY = 0.1
CONCURRENCIES = (1, 8)


def place_calls(sim: Simulator, agent_ids: list[str]) -> None:
    """A call on line 1 of every agent, straight into the simulated tenant (not timed)."""
    for agent_id in agent_ids:
        sim.state.place_call(agent_id, "1", "6175551984", "")


def main() -> int:
    sim = Simulator(TenantState(extra_agents=AGENTS), latency=LATENCY)
    agent_ids = [f"agSim{n:04d}" for n in range(1, AGENTS + 1)]
    with serve_in_thread(sim) as server:
        client = CCClient(
            base_url=server.url, tenant=sim.state.tenant, username=sim.username, token=DEMO_TOKEN
        )
        with client:
            print(f"Free all lines of {AGENTS} agents, simulator latency {LATENCY * 1000:.0f} ms per request")
            for concurrency in CONCURRENCIES:
                place_calls(sim, agent_ids)
                operations = [Operation(Action.FREE_LINES, agent_id) for agent_id in agent_ids]
                started = time.perf_counter()
                results = BulkRun(client, operations, concurrency=concurrency).run()
                elapsed = time.perf_counter() - started
                done = sum(r.outcome is Outcome.DONE for r in results)
                ideal = AGENTS * LATENCY / concurrency
                print(
                    f"concurrency {concurrency:>2}: {elapsed:6.2f} s  (ideal {ideal:5.2f} s, "
                    f"overhead {(elapsed - ideal) / AGENTS * 1000:5.1f} ms/request, {done}/{AGENTS} done)"
                )
                if done != AGENTS:
                    print("  not every agent was freed: the figures above are not comparable")
                    return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
