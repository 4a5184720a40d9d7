"""Decoding event stream frames: the documents' own samples, then properties over generated frames."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccdesk.api.events import (
    UNDECODABLE,
    AgentStatusEvent,
    InteractionEvent,
    OtherEvent,
    StreamFormatError,
    StreamMessage,
    ack_frame,
    parse_frame,
)


def frame(payload: Any, *, message_id: str = "CAEQAQ==", **envelope: Any) -> str:
    """An envelope as Pulsar sends it; a dict or list payload is JSON-encoded, bytes and text base64-encoded."""
    if isinstance(payload, dict | list):
        payload = json.dumps(payload).encode()
    if isinstance(payload, str):
        payload = payload.encode()
    body = {
        "messageId": message_id,
        "payload": base64.b64encode(payload).decode(),
        "properties": {},
        "publishTime": "2025-10-15T09:30:00.000Z",
        "redeliveryCount": 0,
        **envelope,
    }
    return json.dumps(body)


def decoded(payload: Any) -> Any:
    message = parse_frame(frame(payload))
    assert message is not None
    return message.body


# -- the documents' samples, verbatim ---------------------------------------------------------------------------

#: message-format.mdx, "Message Structure" (its payload is the placeholder shape, not a real event)
ENVELOPE_SAMPLE = """{
  "messageId": "CAEQAQ==",
  "payload": "eyJldmVudElkIjogImV2dF8xMjM0NTYiLCAiZXZlbnRUeXBlIjogImFnZW50LmxvZ2luIn0=",
  "properties": {},
  "publishTime": "2025-10-15T09:30:00.000Z",
  "redeliveryCount": 0
}"""

#: message-format.mdx, "Agent Status Change"
AGENT_STATUS_SAMPLE = """{
  "AgentStatusChange": {
    "agentId": "ag64oyEUb_Sk6bxVB9P5yaaa",
    "msgInfo": {
      "instanceId": "us1tomcat04.us1.whitepj.net-sapi-v1",
      "sequenceId": 215,
      "timestamp": 1669235544917
    },
    "newReasonCodeUser": "801=1722",
    "newState": 5,
    "newSubState": "none",
    "newSubStateReason": "none",
    "statusEventTS": 1669235544
  }
}"""

#: event-reference.md, "InteractionDeleted"
DELETED_SAMPLE = """{
  "Interaction": {
    "attachedData": {
      "attachedDatum": [
        {"attachedDataKey": "callingName", "attachedDataValue": "Andrew Cunningh"},
        {"attachedDataKey": "phoneNum", "attachedDataValue": 5515557212}
      ]
    },
    "callHangupReason": "CEC_DISCONNECT_NORMAL",
    "callState": "CS_DISCONNECTED",
    "dispositionCode": 1000,
    "event": "InteractionDeleted",
    "hangupInitiator": "CUSTOMER",
    "interactionGUID": "int-184a63564dc-ohWfVIbHJz2Hr2JFhAfdlb4Fa-phone-00-acmecorp01",
    "msgInfo": {
      "instanceId": "example.8x8.com",
      "sequenceId": 235,
      "timestamp": 1669236000000
    }
  }
}"""

#: event-reference.md, "InteractionAssigned"
ASSIGNED_SAMPLE = """{
  "Interaction": {
    "agentGUID": "tenant01-agAglVJkg0TU28dok9y9UQKg-e46672cd-660c-46f5-b8f0-856eaf18f65c",
    "agentId": "agAglVJkg0TU28dok9y9UQKg",
    "agentPhone": 40375,
    "agentRscWaitTime": 30,
    "agentTreatedPhone": "40375-tenant",
    "attachedData": {
      "attachedDatum": [
        {"attachedDataKey": "@pri", "attachedDataValue": 50},
        {"attachedDataKey": "phoneNum", "attachedDataValue": 6298994259},
        {"attachedDataKey": "tenantSkillName", "attachedDataValue": "Sales Queue"}
      ]
    },
    "callState": "CS_INPROGRESS",
    "direction": "out",
    "event": "InteractionAssigned",
    "eventTS": 1744819092,
    "interactionGUID": "int-1963f527a2a-9wjz0hrkcolMxIqiOhxEsKFe9-phone-01-tenant01",
    "isAgentInitiated": false,
    "isDirectAccess": false,
    "isExternal": true,
    "isOutboundCall": true,
    "mediaType": "phone",
    "msgInfo": {},
    "outboundCampaignid": 4926,
    "participatingAgents": "agAglVJkg0TU28dok9y9UQKg",
    "promptingTimeout": 30,
    "queueId": 1092,
    "queueList": 1092,
    "queueTime": 1744819092,
    "recordingMode": "no",
    "resourceType": 0,
    "transactionNum": 279563
  }
}"""

#: message-format.mdx, "Interaction Created (Incoming Call)" (abridged attachedData: the two number keys)
CREATED_SAMPLE_NUMBERS = {
    "Interaction": {
        "attachedData": {
            "attachedDatum": [
                {"attachedDataKey": "phoneNum", "attachedDataValue": 5515557212},
                {"attachedDataKey": "remotePhoneNum", "attachedDataValue": "+15515557212"},
            ]
        },
        "event": "InteractionCreated",
        "interactionEventTS": 1669235827,
        "interactionGUID": "int-184a63564dc-ohWfVIbHJz2Hr2JFhAfdlb4Fa-phone-00-acmecorp01",
        "msgInfo": {},
    }
}

#: event-reference.md, "AgentProvChange / AgentSkillChanged"
PROV_SAMPLE = """{
  "AgentProvChange": {
    "agentId": "agUeZBQ3RnQTaL0qZZukNOaw",
    "enabled": "yes",
    "event": "AgentSkillChanged",
    "msgInfo": {},
    "skillId": "tenant01-agUeZBQ3RnQTaL0qZZukNOaw-phone-529-f01e6bdb-75a2-4639-825c-91c0f5168258",
    "tenantSkillId": "tenant01-phone-529-b1e3e2f2-b01a-4a03-ba3d-f30859414d97"
  }
}"""


def test_the_documented_envelope_decodes_and_its_placeholder_payload_is_not_an_event() -> None:
    message = parse_frame(ENVELOPE_SAMPLE)
    assert message is not None
    assert message.message_id == "CAEQAQ=="
    assert message.publish_time == "2025-10-15T09:30:00.000Z"
    assert message.redelivery_count == 0
    assert message.properties == {}
    assert message.payload == {"eventId": "evt_123456", "eventType": "agent.login"}
    assert isinstance(message.body, OtherEvent)
    assert message.body.kind == UNDECODABLE
    assert "not a one-key wrapper" in message.body.problem


def test_the_documented_agent_status_change() -> None:
    body = decoded(AGENT_STATUS_SAMPLE.encode())
    assert body == AgentStatusEvent(
        agent_id="ag64oyEUb_Sk6bxVB9P5yaaa",
        state=5,
        sub_state="none",
        reason_code_user="801=1722",
        at=1669235544.0,
        sequence_id=215,
        instance_id="us1tomcat04.us1.whitepj.net-sapi-v1",
        raw=json.loads(AGENT_STATUS_SAMPLE)["AgentStatusChange"],
    )


def test_the_documented_interaction_deleted_has_no_agent() -> None:
    body = decoded(DELETED_SAMPLE.encode())
    assert isinstance(body, InteractionEvent)
    assert body.event == "InteractionDeleted"
    assert body.interaction_id == "int-184a63564dc-ohWfVIbHJz2Hr2JFhAfdlb4Fa-phone-00-acmecorp01"
    assert body.agent_id is None and body.participating_agents == ()
    assert (body.call_state, body.hangup_initiator, body.hangup_reason) == (
        "CS_DISCONNECTED",
        "CUSTOMER",
        "CEC_DISCONNECT_NORMAL",
    )
    assert body.number == "5515557212"
    assert (body.sequence_id, body.instance_id, body.timestamp_ms) == (235, "example.8x8.com", 1669236000000)
    assert body.outbound is None and body.direction is None
    assert not body.involves("agAglVJkg0TU28dok9y9UQKg")


def test_the_documented_interaction_assigned() -> None:
    body = decoded(ASSIGNED_SAMPLE.encode())
    assert isinstance(body, InteractionEvent)
    assert body.event == "InteractionAssigned"
    assert body.agent_id == "agAglVJkg0TU28dok9y9UQKg"
    assert body.participating_agents == ("agAglVJkg0TU28dok9y9UQKg",)
    assert body.outbound is True and body.direction == "out" and body.call_state == "CS_INPROGRESS"
    assert body.number == "6298994259"
    assert body.sequence_id is None and body.instance_id is None  # msgInfo is {}
    assert body.timestamp_ms == 1744819092000  # eventTS, in seconds
    assert body.involves("agAglVJkg0TU28dok9y9UQKg") and not body.involves("agOther")


def test_the_number_with_its_country_code_is_preferred() -> None:
    body = decoded(CREATED_SAMPLE_NUMBERS)
    assert isinstance(body, InteractionEvent)
    assert body.number == "+15515557212"
    assert body.timestamp_ms == 1669235827000  # interactionEventTS


def test_an_event_ccdesk_does_not_act_on_keeps_its_kind_and_event() -> None:
    body = decoded(PROV_SAMPLE.encode())
    assert isinstance(body, OtherEvent)
    assert (body.kind, body.event, body.problem) == ("AgentProvChange", "AgentSkillChanged", "")
    assert body.raw["enabled"] == "yes"


# -- details the documents warn about ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("false", False),
        ("TRUE", True),
        (" False ", False),
        ("yes", True),
        ("maybe", None),
        (None, None),
        (2, None),
        ([], None),
    ],
)
def test_booleans_as_strings_or_native(value: Any, expected: bool | None) -> None:
    body = decoded({"Interaction": {"event": "InteractionAssigned", "isOutboundCall": value}})
    assert isinstance(body, InteractionEvent) and body.outbound is expected


@pytest.mark.parametrize(
    ("info", "sequence", "instance"),
    [
        ({}, None, None),
        ({"sequenceId": 7, "instanceId": "x"}, 7, "x"),
        ({"sequenceId": "8"}, 8, None),
        ({"sequenceId": 9.0}, 9, None),
        ({"sequenceId": "nine"}, None, None),
        ({"sequenceId": True}, None, None),
        ("not an object", None, None),
    ],
)
def test_msg_info_empty_full_or_odd(info: Any, sequence: int | None, instance: str | None) -> None:
    body = decoded({"AgentStatusChange": {"agentId": "ag1", "msgInfo": info, "newState": "4"}})
    assert isinstance(body, AgentStatusEvent)
    assert (body.sequence_id, body.instance_id, body.state) == (sequence, instance, 4)


def test_participants_split_on_commas_and_semicolons_and_found_in_their_internal_form() -> None:
    body = decoded(
        {
            "Interaction": {
                "event": "InteractionParticipantChange",
                "participatingAgents": "tenant01-agAglVJkg0TU28dok9y9UQKg-guid1;tenant01-agBbcDef123-guid2, agC,,",
            }
        }
    )
    assert isinstance(body, InteractionEvent)
    assert body.participating_agents == (
        "tenant01-agAglVJkg0TU28dok9y9UQKg-guid1",
        "tenant01-agBbcDef123-guid2",
        "agC",
    )
    assert body.involves("agAglVJkg0TU28dok9y9UQKg") and body.involves("agBbcDef123") and body.involves("agC")
    assert not body.involves("agBbc") and not body.involves("")


def test_a_single_attached_datum_and_odd_numbers() -> None:
    single = {"attachedDatum": {"attachedDataKey": "phoneNum", "attachedDataValue": "(617) 555-1984"}}
    body = decoded({"Interaction": {"event": "InteractionCreated", "attachedData": single}})
    assert isinstance(body, InteractionEvent) and body.number == "6175551984"
    nothing = {"attachedDatum": [{"attachedDataKey": "phoneNum", "attachedDataValue": "anonymous"}]}
    body = decoded({"Interaction": {"event": "InteractionCreated", "attachedData": nothing}})
    assert isinstance(body, InteractionEvent) and body.number is None


def test_the_envelope_is_read_leniently() -> None:
    message = parse_frame(
        frame({"Interaction": {}}, redeliveryCount="2", properties={"a": "b", "n": 3}, publishTime=None)
    )
    assert message is not None
    assert message.redelivery_count == 2
    assert message.properties == {"a": "b", "n": "3"}
    assert message.publish_time == ""


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        ("!!not base64!!", "not base64"),
        (base64.b64encode(b"\xff\xfe\x00").decode(), "not UTF-8"),
        (base64.b64encode(b"{nope").decode(), "not JSON"),
        (base64.b64encode(b'{"Interaction": NaN}').decode(), "not JSON"),
        (base64.b64encode(b"[1, 2]").decode(), "JSON a list, not an object"),
        (base64.b64encode(b'{"Interaction": [1]}').decode(), "holds JSON a list"),
        (base64.b64encode(b'{"A": {}, "B": {}}').decode(), "not a one-key wrapper"),
        (None, "no payload"),
    ],
)
def test_undecodable_payloads_still_make_a_message_to_acknowledge(payload: Any, problem: str) -> None:
    text = json.dumps({"messageId": "CAEQAQ==", "payload": payload})
    message = parse_frame(text)
    assert message is not None and message.message_id == "CAEQAQ=="
    assert isinstance(message.body, OtherEvent) and message.body.kind == UNDECODABLE
    assert problem in message.body.problem


@pytest.mark.parametrize(
    "text", ['{"type": "isEndOfTopic"}', '{"endOfTopic": "false"}', '{"endOfTopic": true}', b'{"type": "x"}']
)
def test_control_frames_are_not_messages(text: str | bytes) -> None:
    assert parse_frame(text) is None


@pytest.mark.parametrize(
    "text", ["", "[]", '"text"', "{not json", '{"payload": "e30="}', '{"messageId": ""}', b"\xff{}"]
)
def test_frames_that_are_not_envelopes_raise(text: str | bytes) -> None:
    with pytest.raises(StreamFormatError):
        parse_frame(text)


def test_the_acknowledgement_names_the_id_exactly() -> None:
    assert json.loads(ack_frame("CPv/AAP+vw==")) == {"messageId": "CPv/AAP+vw=="}


# -- properties -------------------------------------------------------------------------------------------------

message_ids = st.binary(min_size=1, max_size=24).map(lambda b: base64.b64encode(b).decode())
booleans = st.sampled_from([True, False, "true", "false", "True", "FALSE"])
json_leaves = st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.text(max_size=20)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
msg_infos = st.just({}) | st.fixed_dictionaries(
    {
        "instanceId": st.text(max_size=10),
        "sequenceId": st.integers(0, 2**40),
        "timestamp": st.integers(0, 2**45),
    }
)


@given(message_ids, booleans, msg_infos, st.integers(0, 50))
def test_any_interaction_round_trips_its_id_and_fields(
    mid: str, outbound: bool | str, info: dict[str, Any], redelivery: int
) -> None:
    inner = {
        "event": "InteractionAccepted",
        "interactionGUID": "int-1",
        "isOutboundCall": outbound,
        "msgInfo": info,
    }
    message = parse_frame(frame({"Interaction": inner}, message_id=mid, redeliveryCount=redelivery))
    assert message is not None
    assert message.message_id == mid
    assert message.redelivery_count == redelivery
    assert json.loads(ack_frame(message.message_id)) == {"messageId": mid}
    body = message.body
    assert isinstance(body, InteractionEvent)
    assert body.outbound is (str(outbound).lower() == "true")
    assert body.sequence_id == info.get("sequenceId")
    assert body.instance_id == info.get("instanceId")
    assert body.timestamp_ms == info.get("timestamp")


@given(
    message_ids,
    st.text(min_size=1, max_size=20).filter(lambda k: k not in ("Interaction", "AgentStatusChange")),
)
def test_unknown_event_types_are_other_events(mid: str, kind: str) -> None:
    message = parse_frame(frame({kind: {"event": "Something", "msgInfo": {}}}, message_id=mid))
    assert message is not None and message.message_id == mid
    assert message.body == OtherEvent(kind=kind, event="Something", raw={"event": "Something", "msgInfo": {}})


@given(message_ids, st.binary(max_size=64))
def test_any_payload_bytes_decode_or_are_marked_undecodable(mid: str, payload: bytes) -> None:
    message = parse_frame(frame(payload, message_id=mid))
    assert isinstance(message, StreamMessage) and message.message_id == mid
    body = message.body
    if isinstance(body, OtherEvent) and body.kind == UNDECODABLE:
        assert body.problem
    else:
        assert message.payload is not None


@given(json_values)
def test_any_inner_object_decodes_without_raising(value: Any) -> None:
    for kind in ("Interaction", "AgentStatusChange"):
        inner = value if isinstance(value, dict) else {"x": value}
        for key in ("participatingAgents", "attachedData", "msgInfo", "agentId", "newState", "statusEventTS"):
            inner = {**inner, key: value}
        body = decoded({kind: inner})
        assert isinstance(body, InteractionEvent | AgentStatusEvent)


@given(st.text(max_size=200) | st.binary(max_size=200))
def test_any_frame_text_is_a_message_a_control_frame_or_a_format_error(text: str | bytes) -> None:
    try:
        result = parse_frame(text)
    except StreamFormatError:
        return
    assert result is None or isinstance(result, StreamMessage)
