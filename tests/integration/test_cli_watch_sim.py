"""`ccdesk-cli watch` against the simulator's event stream: one placed call prints the documented sequence.

The documents' outbound call (event-lifecycle.mdx): InteractionCreated, InteractionAssigned,
InteractionCustomerAccepted when the customer answers, InteractionPostProcess when the call ends and wrap-up begins,
then InteractionEndPostProcess, InteractionDeassigned and InteractionDeleted. The call is placed, answered and ended
(with its wrap-up) through the command line and the simulator's controls, over loopback, while `watch` runs as a
real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from ccdesk.sim import Simulator
from ccdesk.sim.server import serve_in_thread
from ccdesk.sim.stream import serve_stream

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
DOCUMENTED = [
    "InteractionCreated",
    "InteractionAssigned",
    "InteractionCustomerAccepted",
    "InteractionPostProcess",
    "InteractionEndPostProcess",
    "InteractionDeassigned",
    "InteractionDeleted",
]


def test_watch_prints_the_documented_sequence_for_one_placed_call(isolated_home: Path) -> None:
    simulator = Simulator(token="t0k")
    simulator.state.ring_seconds = None  # the customer answers when told to
    with serve_in_thread(simulator) as rest, serve_stream(simulator) as stream:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")}
        env.update(
            CCDESK_HOME=str(isolated_home),
            CCDESK_BASE_URL=rest.url,
            CCDESK_TENANT="acmecorp01",
            CCDESK_AGENT=AGENT,
            CCDESK_TOKEN="t0k",
            CCDESK_STREAM_URL=stream.url,
            CCDESK_STREAM_KEY=stream.key,
        )
        cli = [sys.executable, "-m", "ccdesk.cli"]
        watcher = subprocess.Popen(
            [*cli, "watch", "--timeout", "1.5"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 10
            while simulator.stream.connections == 0 and time.monotonic() < deadline:
                time.sleep(0.02)
            placed = subprocess.run(
                [*cli, "call", "+1 617 555 1984"], env=env, capture_output=True, text=True, timeout=30
            )
            assert placed.returncode == 0, placed.stderr
            iid = placed.stdout.strip()
            simulator.state.customer_answers(iid)
            ended = subprocess.run(
                [*cli, "end", iid, "--end-post-processing"],
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert ended.returncode == 0, ended.stderr
            out, err = watcher.communicate(timeout=30)
        finally:
            if watcher.poll() is None:
                watcher.kill()
                watcher.communicate()
    assert watcher.returncode == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    events = [
        line["payload"]["Interaction"]["event"]
        for line in lines
        if "Interaction" in line["payload"] and line["payload"]["Interaction"].get("interactionGUID") == iid
    ]
    assert events == DOCUMENTED
    statuses = [
        line["payload"]["AgentStatusChange"]["newState"]
        for line in lines
        if "AgentStatusChange" in line["payload"]
    ]
    assert statuses and statuses[-1] == 4  # back to Available (WAIT_TRANSACT) once the wrap-up ended
