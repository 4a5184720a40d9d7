"""The simulator's event stream over a real loopback WebSocket, read with the websockets sync client."""

from __future__ import annotations

import base64
import json
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK, InvalidStatus
from websockets.frames import CloseCode
from websockets.sync.client import ClientConnection, connect

from ccdesk.sim import AgentStatus, RunningStream, Simulator, TenantState, serve_in_thread, serve_stream

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
WAIT = 5.0  # seconds a frame that must come may take (it comes in milliseconds)


class Clock:
    """The simulator's time, moved by the test."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sim(clock: Clock) -> Simulator:
    return Simulator(TenantState(now=clock, seed=3), seed=3)


@pytest.fixture
def stream(sim: Simulator) -> Iterator[RunningStream]:
    with serve_stream(sim) as running:
        yield running


def url(stream: RunningStream, topic: str = f"agent-v1/{AGENT}", tenant: str = TENANT, **query: str) -> str:
    suffix = f"?{urlencode(query)}" if query else ""
    return f"{stream.url}/ws/v2/reader/persistent/{tenant}/{topic}{suffix}"


def reader(stream: RunningStream, topic: str = f"agent-v1/{AGENT}", **query: str) -> ClientConnection:
    return connect(url(stream, topic, **query), additional_headers={"X-API-Key": stream.key})


def frame(ws: ClientConnection) -> dict[str, Any]:
    return json.loads(ws.recv(timeout=WAIT))


def event(envelope: dict[str, Any]) -> dict[str, Any]:
    wrapper: dict[str, Any] = json.loads(base64.b64decode(envelope["payload"]).decode("utf-8"))
    return wrapper


def name(envelope: dict[str, Any]) -> str:
    [(wrapper, inner)] = event(envelope).items()
    return f"Status {inner['newState']}" if wrapper == "AgentStatusChange" else inner["event"]


def statuses(sim: Simulator, *values: int) -> None:
    """Publish one AgentStatusChange per value (a supervisor's forced status)."""
    for value in values:
        sim.state.force_agent(AGENT, value)


def refused(address: str, **options: Any) -> tuple[int, str]:
    with pytest.raises(InvalidStatus) as info:
        connect(address, **options)
    return info.value.response.status_code, bytes(info.value.response.body or b"").decode()


# -- the upgrade ---------------------------------------------------------------------------------------------


def test_keys_by_header_any_case_or_by_query_exactly_so(stream: RunningStream) -> None:
    for header in ("X-API-Key", "x-api-key", "X-API-KEY"):
        with connect(url(stream), additional_headers={header: stream.key}):
            pass
    with connect(url(stream, **{"x-api-key": stream.key})):
        pass
    assert refused(url(stream, **{"X-API-Key": stream.key})) == (401, "Failed to authenticate\n")
    assert refused(url(stream))[0] == 401
    assert refused(url(stream), additional_headers={"X-API-Key": "eght_wrong"})[0] == 401
    assert refused(url(stream, **{"x-api-key": "eght_wrong"}))[0] == 401
    assert refused(url(stream), additional_headers={"API-Key": stream.key})[0] == 401
    assert refused(url(stream, tenant="someoneelse"), additional_headers={"X-API-Key": stream.key})[0] == 401


def test_a_key_reads_only_its_topics(sim: Simulator, stream: RunningStream) -> None:
    sim.stream.allow("eght_agent-only", ["agent-v1/*"])
    header = {"X-API-Key": "eght_agent-only"}
    with connect(url(stream), additional_headers=header):
        pass
    assert refused(url(stream, "event-v1/all"), additional_headers=header) == (403, "Not authorized\n")
    assert refused(url(stream, "event-v1/all", **{"x-api-key": "eght_agent-only"}))[0] == 403


def test_other_paths_and_bad_parameters_are_refused_at_the_upgrade(stream: RunningStream) -> None:
    header = {"X-API-Key": stream.key}
    consumer = f"{stream.url}/ws/v2/consumer/persistent/{TENANT}/event-v1/all/sub"
    assert refused(consumer, additional_headers=header)[0] == 404
    assert refused(url(stream, "other-v1/all"), additional_headers=header)[0] == 500
    status, text = refused(url(stream, receiverQueueSize="many"), additional_headers=header)
    assert status == 500 and text.startswith("Failed to create reader:")


# -- positioning ---------------------------------------------------------------------------------------------


def test_earliest_latest_and_after_a_message_id(sim: Simulator, stream: RunningStream) -> None:
    statuses(sim, 3, 5, 4)
    with reader(stream, messageId="earliest") as ws:
        old = [frame(ws) for _ in range(3)]
    assert [event(f)["AgentStatusChange"]["newState"] for f in old] == [3, 5, 4]
    assert all({"+", "/", "="} <= set(f["messageId"]) for f in old)
    with reader(stream, messageId=old[0]["messageId"]) as ws:  # URL-encoded: exclusive of that id
        assert [frame(ws)["messageId"] for _ in range(2)] == [f["messageId"] for f in old[1:]]
    with reader(stream) as latest, reader(stream, messageId="latest") as explicit:
        statuses(sim, 1)
        new = frame(latest)
        assert event(new)["AgentStatusChange"]["newState"] == 1 and frame(explicit) == new
    raw = url(stream, **{"x-api-key": stream.key}) + f"&messageId={old[0]['messageId']}"  # not encoded
    status, text = refused(raw)
    assert status == 500 and text.startswith("Failed to create reader:")


# -- flow control --------------------------------------------------------------------------------------------


def test_flow_control_waits_for_acknowledgements(sim: Simulator, stream: RunningStream) -> None:
    statuses(sim, 3, 5, 4, 3, 5)
    with reader(stream, messageId="earliest", receiverQueueSize="2") as ws:
        first = [frame(ws) for _ in range(2)]
        # With both unacknowledged, the server sends nothing more: the answer to a question asked now comes
        # first (were it not waiting, the third frame would already be on its way).
        ws.send(json.dumps({"type": "isEndOfTopic"}))
        assert frame(ws) == {"endOfTopic": False}
        ws.send(json.dumps({"messageId": first[0]["messageId"]}))
        third = frame(ws)
        assert event(third)["AgentStatusChange"]["newState"] == 4
        ws.send(json.dumps({"messageId": first[1]["messageId"]}))
        ws.send(json.dumps({"messageId": third["messageId"]}))
        assert [event(frame(ws))["AgentStatusChange"]["newState"] for _ in range(2)] == [3, 5]


# -- faults --------------------------------------------------------------------------------------------------


def test_drop_in_the_middle_of_a_burst_then_resume_exactly_once(
    sim: Simulator, stream: RunningStream
) -> None:
    seen: list[dict[str, Any]] = []
    with reader(stream) as ws:
        assert sim.stream.drop(after=2) == 1
        statuses(sim, 3, 5, 4, 3, 5)
        seen += [frame(ws), frame(ws)]
        with pytest.raises(ConnectionClosedError) as closed:
            ws.recv(timeout=WAIT)
        assert closed.value.rcvd is None  # no close frame: an abrupt EOF
    with reader(stream, messageId=seen[-1]["messageId"]) as ws:
        seen += [frame(ws) for _ in range(3)]
    assert [event(f)["AgentStatusChange"]["newState"] for f in seen] == [3, 5, 4, 3, 5]
    assert len({f["messageId"] for f in seen}) == 5


def test_duplicate_and_reorder(sim: Simulator, stream: RunningStream) -> None:
    with reader(stream) as ws:
        sim.stream.duplicate(1)
        statuses(sim, 3)
        original, copy = frame(ws), frame(ws)
        assert (copy["messageId"], copy["payload"]) == (original["messageId"], original["payload"])
        assert (original["redeliveryCount"], copy["redeliveryCount"]) == (0, 1)
        sim.stream.reorder()
        statuses(sim, 5, 4)
        assert [event(frame(ws))["AgentStatusChange"]["newState"] for _ in range(2)] == [4, 5]


def test_silence_is_the_wrong_region(sim: Simulator, stream: RunningStream) -> None:
    sim.stream.silence()
    with reader(stream) as silent:  # the upgrade succeeds
        sim.stream.silence(False)
        with reader(stream) as heard:
            statuses(sim, 3)
            assert name(frame(heard)) == "Status 3"
        with pytest.raises(TimeoutError):
            silent.recv(timeout=0.3)  # nothing, ever: a short look is enough once the other reader had it


def test_unknown_event_types_reach_the_agent_topic(sim: Simulator, stream: RunningStream) -> None:
    with reader(stream) as ws:
        sim.state.publish_unknown_event(AGENT)
        sim.state.publish_unknown_event(AGENT, name="InteractionTeleported")
        assert event(frame(ws))["AgentProvChange"]["event"] == "AgentSkillChanged"
        assert name(frame(ws)) == "InteractionTeleported"


# -- the documented sequences, from REST and controls --------------------------------------------------------


def test_one_placed_call_read_from_the_agent_topic(sim: Simulator, stream: RunningStream) -> None:
    with serve_in_thread(sim) as rest, reader(stream) as ws:
        http = httpx.Client(base_url=f"{rest.url}/tenants/{TENANT}", auth=(TENANT, sim.token))
        body = {"agentId": AGENT, "prefix": "1", "number": "6175551984", "callerId": "12015551212"}
        iid = http.post("/calls", json=body).json()["interactionGuid"]
        httpx.post(f"{rest.root_url}/_sim/interactions/{iid}/answer")
        http.delete(f"/calls/{iid}/agent/{AGENT}")
        http.delete(f"/calls/{iid}", params={"endPostProcessing": "true"})
        http.close()
        frames = [frame(ws) for _ in range(10)]
    assert [name(f) for f in frames] == [
        "InteractionCreated",
        "InteractionAssigned",
        f"Status {AgentStatus.DIRECT_CALL}",
        "InteractionCustomerAccepted",
        "InteractionPostProcess",
        f"Status {AgentStatus.POST_PROCESS}",
        "InteractionEndPostProcess",
        "InteractionDeassigned",
        "InteractionDeleted",
        f"Status {AgentStatus.WAIT_TRANSACT}",
    ]
    calls = [event(f)["Interaction"] for f in frames if "Interaction" in event(f)]
    assert {c["interactionGUID"] for c in calls} == {iid}
    assert calls[-1]["hangupInitiator"] == "AGENT" and "agentId" not in calls[-1]


def test_expiries_are_published_without_a_request(
    sim: Simulator, stream: RunningStream, clock: Clock
) -> None:
    iid, _ = sim.state.place_call(AGENT, "1", "6175551984", "", queue_id="601")
    with reader(stream) as ws:
        clock.now += 5  # it rings 5 s, then the customer answers
        assert name(frame(ws)) == "InteractionCustomerAccepted"
        sim.state.customer_hangs_up(iid)
        assert [name(frame(ws)) for _ in range(2)] == ["InteractionPostProcess", "Status 8"]
        clock.now += 20  # the queue's post-processing time: the stream's tick publishes its end
        ended = [frame(ws) for _ in range(4)]
    assert [name(f) for f in ended] == [
        "InteractionEndPostProcess",
        "InteractionDeassigned",
        "InteractionDeleted",
        "Status 4",
    ]
    assert event(ended[2])["Interaction"]["hangupInitiator"] == "CUSTOMER"


def test_no_answer_and_another_call_on_the_per_type_topics(sim: Simulator, stream: RunningStream) -> None:
    with (
        reader(stream, "event-v1/InteractionDeleted") as deleted,
        reader(stream, "event-v1/all") as everything,
    ):
        iid, _ = sim.state.place_call(AGENT, "1", "6175551984", "")
        sim.state.call_not_answered(iid)
        gone = event(frame(deleted))["Interaction"]
        assert (gone["interactionGUID"], gone["hangupInitiator"], gone["callHangupReason"]) == (
            iid,
            "SYSTEM",
            "CEC_DISCONNECT_NOANSWER",
        )
        inbound = sim.state.another_call_arrives(AGENT)
        names = [name(frame(everything)) for _ in range(10)]
    assert names == [
        "InteractionCreated",
        "InteractionAssigned",
        "Status 10",
        "InteractionDeleted",
        "Status 4",
        "InteractionCreated",
        "InteractionQueued",
        "InteractionAssigned",
        "InteractionAccepted",
        "Status 9",
    ]
    assert sim.state.snapshot_lines(AGENT) == [inbound, None]


# -- the server's life ---------------------------------------------------------------------------------------


def test_stop_closes_connections_and_joins_every_thread(sim: Simulator) -> None:
    before = set(threading.enumerate())
    running = serve_stream(sim)
    with connect(url(running), additional_headers={"X-API-Key": running.key}, ping_interval=None) as ws:
        running.stop()
        assert set(threading.enumerate()) - before <= {ws.recv_events_thread}  # the client's own, ending too
        with pytest.raises(ConnectionClosedOK) as closed:
            ws.recv(timeout=WAIT)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == CloseCode.GOING_AWAY


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ccdesk_sim_prints_the_stream_url_and_key_and_serves_it() -> None:
    command = [sys.executable, "-m", "ccdesk.sim.server", "--port", "0", "--stream-key", "eght_s3cret"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            lines = [process.stdout.readline() for _ in range(3)]
            rest = re.fullmatch(r"ccdesk-sim listening on (http://127\.0\.0\.1:\d+/api/v1)\n", lines[0])
            stream = re.fullmatch(r"event stream on (ws://127\.0\.0\.1:\d+), key eght_s3cret\n", lines[2])
            assert rest and stream, lines
            topic = f"{stream[1]}/ws/v2/reader/persistent/{TENANT}/agent-v1/{AGENT}"
            with connect(topic, additional_headers={"X-API-Key": "eght_s3cret"}) as ws:
                body = {"agentId": AGENT, "prefix": "1", "number": "6175551984", "callerId": ""}
                httpx.post(f"{rest[1]}/tenants/{TENANT}/calls", json=body, auth=(TENANT, "demo-token"))
                assert name(frame(ws)) == "InteractionCreated"
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=10) == 0
        finally:
            if process.poll() is None:
                process.kill()
