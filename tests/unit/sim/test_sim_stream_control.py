"""A reader's flow control and faults, the stream's keys, and the /_sim/ routes that command them (no sockets)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ccdesk.sim import DEMO_STREAM_KEY, SimRequest, SimResponse, Simulator
from ccdesk.sim.events import EventLog, Reader, StreamControl, receiver_queue_size

T0 = 1_700_000_000.0
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TOPIC = f"agent-v1/{AGENT}"


def publish(log: EventLog, count: int) -> list[str]:
    return [
        log.publish("AgentStatusChange", {"agentId": AGENT, "newState": n}, agents=[AGENT]).message_id
        for n in range(count)
    ]


def drain(reader: Reader, log: EventLog) -> list[dict[str, Any]]:
    """Every frame the reader would send now, decoded."""
    frames = []
    while (frame := reader.next_frame(log)) is not None:
        frames.append(json.loads(frame))
    return frames


@pytest.fixture
def log() -> EventLog:
    return EventLog(lambda: T0)


def test_flow_control_stops_at_the_queue_size_and_any_text_frame_resumes_it(log: EventLog) -> None:
    ids = publish(log, 5)
    reader = Reader(TOPIC, log.start("earliest"), max_pending=2)
    assert [f["messageId"] for f in drain(reader, log)] == ids[:2]
    reader.receive(json.dumps({"messageId": ids[0]}))
    assert [f["messageId"] for f in drain(reader, log)] == [ids[2]]
    reader.receive("anything at all")  # Pulsar's reader counts every text frame
    reader.receive("")
    assert [f["messageId"] for f in drain(reader, log)] == ids[3:]


def test_the_end_of_topic_question_is_answered_and_is_no_acknowledgement(log: EventLog) -> None:
    publish(log, 2)
    reader = Reader(TOPIC, log.start("earliest"), max_pending=1)
    assert len(drain(reader, log)) == 1
    reader.receive('{"type": "isEndOfTopic"}')
    assert drain(reader, log) == [{"endOfTopic": False}]


@pytest.mark.parametrize(("text", "size"), [(None, 1000), ("5", 5), ("0", 1), ("5000", 1000)])
def test_receiver_queue_size_is_pulsars(text: str | None, size: int) -> None:
    assert receiver_queue_size(text) == size


@pytest.mark.parametrize("text", ["-1", "ten", "", "1.5"])
def test_a_receiver_queue_size_that_is_no_count_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        receiver_queue_size(text)


def test_duplicate_reorder_and_drop_act_on_the_connections_open_now(log: EventLog) -> None:
    control = StreamControl({"k": None})
    reader = Reader(TOPIC, log.end)
    control.attach(reader)
    assert control.duplicate(1) == 1 and control.reorder() == 1
    a, b, c = publish(log, 3)
    frames = drain(reader, log)
    assert [(f["messageId"], f["redeliveryCount"]) for f in frames] == [(b, 0), (a, 0), (a, 1), (c, 0)]
    assert control.drop(after=2) == 1
    late = Reader(TOPIC, log.end)
    control.attach(late)  # connected after the command: untouched
    publish(log, 3)
    assert len(drain(reader, log)) == 2 and reader.must_drop
    assert len(drain(late, log)) == 3 and not late.must_drop
    control.detach(reader)
    assert reader.closed and control.connections == 1


def test_silence_mutes_open_connections_and_those_opened_while_on(log: EventLog) -> None:
    control = StreamControl({"k": None})
    before = Reader(TOPIC, log.end)
    control.attach(before)
    control.silence()
    during = Reader(TOPIC, log.end)
    control.attach(during)
    control.silence(False)
    after = Reader(TOPIC, log.end)
    control.attach(after)
    publish(log, 1)
    during.receive('{"type": "isEndOfTopic"}')
    assert drain(before, log) == drain(during, log) == [] and len(drain(after, log)) == 1


def test_keys_and_topics() -> None:
    control = StreamControl({"eght_all": None, "eght_agent": ["agent-v1/*", "event-v1/AgentStatusChange"]})
    assert control.denial("eght_all", True, "event-v1/all") is None
    assert control.denial("eght_agent", True, TOPIC) is None
    assert control.denial("eght_agent", True, "event-v1/all") == (403, "Not authorized")
    assert control.denial("eght_all", False, "event-v1/all") == (401, "Failed to authenticate")  # tenant
    assert control.denial(None, True, "event-v1/all") == (401, "Failed to authenticate")
    assert control.denial("EGHT_ALL", True, "event-v1/all") == (401, "Failed to authenticate")
    control.revoke("eght_all")  # a regenerated token
    assert control.denial("eght_all", True, "event-v1/all") == (401, "Failed to authenticate")
    for bad in ("", None):
        with pytest.raises(ValueError):
            control.allow(bad or "", None if bad is None else [bad])
    for fault, value in ((control.drop, -1), (control.duplicate, 0), (control.silence, "yes")):
        with pytest.raises(ValueError):
            fault(value)


# -- the control routes --------------------------------------------------------------------------------------


def control(sim: Simulator, method: str, path: str, body: Any = None) -> SimResponse:
    data = b"" if body is None else json.dumps(body).encode()
    return sim.handle(SimRequest(method, f"/_sim/{path}", "", {}, data))


def test_call_controls(sim: Simulator) -> None:
    iid, _ = sim.state.place_call(AGENT, "1", "6175551984", "")
    assert control(sim, "POST", f"interactions/{iid}/no-answer").json() == {"interaction": iid, "ended": True}
    assert control(sim, "POST", f"interactions/{iid}/no-answer").status == 410
    iid, _ = sim.state.place_call(AGENT, "1", "6175551984", "")
    assert control(sim, "POST", f"interactions/{iid}/answer").json() == {"interaction": iid, "answered": True}
    assert control(sim, "POST", f"interactions/{iid}/answer").status == 409
    arrived = control(sim, "POST", f"agents/{AGENT}/inbound-call", {"number": "4155550123", "name": "Zoë"})
    other = arrived.json()["interaction"]
    assert arrived.json()["line"] == 2 and sim.state.snapshot_lines(AGENT) == [iid, other]
    assert control(sim, "POST", f"agents/{AGENT}/inbound-call").status == 409  # no free line
    assert control(sim, "POST", f"agents/{AGENT}/inbound-call", {"colour": "red"}).status == 400
    assert control(sim, "POST", "agents/agNobody/inbound-call").status == 404


def test_stream_controls(sim: Simulator) -> None:
    reader = Reader(TOPIC, 0)
    sim.stream.attach(reader)
    assert control(sim, "POST", "stream/drop", {"after": 3}).json() == {"connections": 1}
    assert reader.drop_after == 3
    assert control(sim, "POST", "stream/duplicate", {"count": 2}).json() == {"connections": 1}
    assert reader.duplicates == 2
    assert control(sim, "POST", "stream/reorder").json() == {"connections": 1} and reader.reorder
    assert control(sim, "POST", "stream/silence", {"on": True}).json() == {"silent": True}
    assert control(sim, "POST", "stream/drop", {"after": -1}).status == 400
    made_up = control(sim, "POST", "stream/unknown-event", {"agentId": AGENT, "name": "SomethingNew"}).json()
    assert made_up["event"]["Interaction"]["event"] == "SomethingNew" and "+" in made_up["messageId"]
    documented = control(sim, "POST", "stream/unknown-event", {"agentId": AGENT}).json()
    assert "AgentProvChange" in documented["event"]
    assert control(sim, "POST", "stream/unknown-event", {"agentId": "agNobody"}).status == 400
    assert control(sim, "POST", "stream/keys", {"key": "eght_x", "topics": ["agent-v1/*"]}).status == 200
    assert sim.stream.keys == {DEMO_STREAM_KEY: None, "eght_x": ("agent-v1/*",)}
    assert control(sim, "DELETE", "stream/keys/eght_x").status == 200
    assert control(sim, "DELETE", "stream/keys/eght_x").status == 404
    assert control(sim, "GET", "stream").json() == {
        "connections": 1,
        "silent": True,
        "messages": 2,
        "keys": 1,
    }
    [made_up_frame, documented_frame] = control(sim, "GET", "events").json()
    assert (
        made_up_frame["messageId"] == made_up["messageId"]
        and documented_frame["event"] == documented["event"]
    )
    assert (
        "event-v1/AgentProvChange" in documented_frame["topics"] and documented_frame["redeliveryCount"] == 0
    )
