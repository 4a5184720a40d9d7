"""8x8 Event Streaming frames decoded into events (pure: no I/O, no Qt).

A data frame is Pulsar's JSON envelope (`messageId`, base64 `payload`, `properties`, `publishTime`,
`redeliveryCount`); the payload is base64 of UTF-8 JSON, a one-key wrapper such as `{"Interaction": {...}}` or
`{"AgentStatusChange": {...}}`. The documents disagree on types (booleans as strings or native, `msgInfo` often
`{}`, numbers where text is described), so every field is read leniently and a field that cannot be read is None,
never an exception. A data frame whose payload cannot be decoded still yields a message (kind "undecodable"), so
the reader acknowledges it and moves on; only a frame that is not an envelope at all raises StreamFormatError.
Control frames (`{"type": ...}`, `{"endOfTopic": ...}`) are neither events nor acknowledged.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: the wrapper keys decoded into their own classes; every other key is an OtherEvent
INTERACTION = "Interaction"
AGENT_STATUS = "AgentStatusChange"
UNDECODABLE = "undecodable"

#: attachedData keys that carry the customer's number, best first (remotePhoneNum has the country code)
_NUMBER_KEYS = ("remotePhoneNum", "phoneNum", "pho")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})


class StreamFormatError(ValueError):
    """A frame that is not a JSON object, or a data frame without a messageId: nothing to decode or acknowledge."""


@dataclass(frozen=True)
class InteractionEvent:
    """One `Interaction` payload: `event` names what happened to the interaction."""

    event: str
    interaction_id: str
    agent_id: str | None
    call_state: str | None
    direction: str | None
    outbound: bool | None
    hangup_initiator: str | None
    hangup_reason: str | None
    #: `participatingAgents` split on commas (and semicolons, which the field reference also shows)
    participating_agents: tuple[str, ...]
    number: str | None
    sequence_id: int | None
    instance_id: str | None
    timestamp_ms: int | None
    raw: Mapping[str, Any] = field(repr=False)

    def involves(self, agent_id: str) -> bool:
        """Whether the event names `agent_id` as its agent or among the participating agents.

        The field reference shows participants also in their internal form `tenant-agXXXX-guid`, so an entry
        that holds the id between hyphens counts too.
        """
        if not agent_id:
            return False
        if self.agent_id == agent_id:
            return True
        inner = f"-{agent_id}-"
        return any(entry == agent_id or inner in entry for entry in self.participating_agents)


@dataclass(frozen=True)
class AgentStatusEvent:
    """One `AgentStatusChange` payload; `state` uses the Agent Status API's codes (NOTES.md section 4)."""

    agent_id: str
    state: int | None
    sub_state: str | None
    reason_code_user: str | None
    #: seconds since the epoch: `statusEventTS`, else msgInfo.timestamp / 1000
    at: float | None
    sequence_id: int | None
    instance_id: str | None
    raw: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True)
class OtherEvent:
    """A payload ccdesk does not act on (kind = its wrapper key), or one it could not decode (kind "undecodable")."""

    kind: str
    event: str | None
    raw: Mapping[str, Any] = field(repr=False)
    problem: str = ""


StreamEventBody = InteractionEvent | AgentStatusEvent | OtherEvent


@dataclass(frozen=True)
class StreamMessage:
    """One data frame: its envelope and its decoded body."""

    #: the envelope's base64 messageId exactly as received: acknowledged and resumed from as it is
    message_id: str
    publish_time: str
    redelivery_count: int
    properties: Mapping[str, str]
    body: StreamEventBody
    #: the payload as decoded JSON (any JSON value), None when it could not be decoded; `ccdesk-cli watch` prints it
    payload: Any = field(default=None, repr=False)


def parse_frame(text: str | bytes) -> StreamMessage | None:
    """Decode one text frame: a StreamMessage, or None for a control frame.

    Raises StreamFormatError when the frame is not a JSON object, or has no usable messageId.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StreamFormatError(f"the frame is not UTF-8 text ({exc.reason})") from None
    try:
        frame = _loads(text)
    except ValueError as exc:
        raise StreamFormatError(f"the frame is not JSON ({exc})") from None
    if not isinstance(frame, dict):
        raise StreamFormatError(f"the frame is JSON {_kind(frame)}, not an object")
    if "messageId" not in frame and ("type" in frame or "endOfTopic" in frame):
        return None
    message_id = frame.get("messageId")
    if not isinstance(message_id, str) or not message_id:
        raise StreamFormatError("the frame has no messageId, so it is neither an event nor a control frame")
    payload, body = _decode_payload(frame.get("payload"))
    return StreamMessage(
        message_id=message_id,
        publish_time=_text(frame.get("publishTime")) or "",
        redelivery_count=max(_integer(frame.get("redeliveryCount")) or 0, 0),
        properties=_properties(frame.get("properties")),
        body=body,
        payload=payload,
    )


def ack_frame(message_id: str) -> str:
    """The acknowledgement the reader sends for a data frame."""
    return json.dumps({"messageId": message_id})


def decode_body(payload: Any) -> StreamEventBody:
    """The event in a decoded payload (a one-key wrapper); anything else is an undecodable OtherEvent."""
    if not isinstance(payload, dict):
        return _undecodable(f"the payload is JSON {_kind(payload)}, not an object")
    if len(payload) != 1:
        keys = ", ".join(sorted(str(k) for k in payload)[:5]) or "none"
        return _undecodable(
            f'the payload is not a one-key wrapper such as {{"Interaction": ...}} (keys: {keys})', payload
        )
    kind, inner = next(iter(payload.items()))
    if not isinstance(inner, dict):
        return _undecodable(f"the payload's {kind!r} holds JSON {_kind(inner)}, not an object", payload)
    if kind == INTERACTION:
        return _interaction(inner)
    if kind == AGENT_STATUS:
        return _agent_status(inner)
    return OtherEvent(kind=str(kind), event=_text(inner.get("event")), raw=inner)


def _decode_payload(value: Any) -> tuple[Any, StreamEventBody]:
    if not isinstance(value, str):
        return None, _undecodable("the frame has no payload text")
    try:
        data = base64.b64decode(value + "=" * (-len(value) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None, _undecodable("the payload is not base64")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, _undecodable("the payload is not UTF-8 text")
    try:
        payload = _loads(text.removeprefix("\ufeff"))
    except ValueError as exc:
        return None, _undecodable(f"the payload is not JSON ({exc})")
    return payload, decode_body(payload)


def _interaction(inner: Mapping[str, Any]) -> InteractionEvent:
    info = _msg_info(inner)
    timestamp = _integer(info.get("timestamp"))
    if timestamp is None:
        seconds = _number(inner.get("interactionEventTS"))
        seconds = _number(inner.get("eventTS")) if seconds is None else seconds
        timestamp = round(seconds * 1000) if seconds is not None else None
    return InteractionEvent(
        event=_text(inner.get("event")) or "",
        interaction_id=_text(inner.get("interactionGUID")) or _text(inner.get("interactionGuid")) or "",
        agent_id=_text(inner.get("agentId")),
        call_state=_text(inner.get("callState")),
        direction=_text(inner.get("direction")),
        outbound=_boolean(inner.get("isOutboundCall")),
        hangup_initiator=_text(inner.get("hangupInitiator")),
        hangup_reason=_text(inner.get("callHangupReason")),
        participating_agents=_agents(inner.get("participatingAgents")),
        number=_number_of(inner),
        sequence_id=_integer(info.get("sequenceId")),
        instance_id=_text(info.get("instanceId")),
        timestamp_ms=timestamp,
        raw=inner,
    )


def _agent_status(inner: Mapping[str, Any]) -> AgentStatusEvent:
    info = _msg_info(inner)
    at = _number(inner.get("statusEventTS"))
    if at is None:
        millis = _number(info.get("timestamp"))
        at = millis / 1000 if millis is not None else None
    return AgentStatusEvent(
        agent_id=_text(inner.get("agentId")) or "",
        state=_integer(inner.get("newState")),
        sub_state=_text(inner.get("newSubState")),
        reason_code_user=_text(inner.get("newReasonCodeUser")),
        at=at,
        sequence_id=_integer(info.get("sequenceId")),
        instance_id=_text(info.get("instanceId")),
        raw=inner,
    )


def _undecodable(problem: str, raw: Mapping[str, Any] | None = None) -> OtherEvent:
    return OtherEvent(kind=UNDECODABLE, event=None, raw=raw or {}, problem=problem)


def _loads(text: str) -> Any:
    """JSON as the standard defines it: NaN and Infinity (which Python would accept) are refused."""

    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return "a number"
    return "an object"


def _msg_info(inner: Mapping[str, Any]) -> Mapping[str, Any]:
    info = inner.get("msgInfo")
    return info if isinstance(info, dict) else {}


def _text(value: Any) -> str | None:
    """Text as text; a whole number as its digits (ids and numbers often arrive as JSON numbers); else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return None


def _integer(value: Any) -> int | None:
    """A whole number from a JSON number or its digits as text; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        digits = text.removeprefix("-")
        if digits.isascii() and digits.isdigit() and len(digits) <= 20:
            return int(text)
    return None


def _number(value: Any) -> float | None:
    """A finite number from a JSON number or text; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and value.strip().isascii():
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _boolean(value: Any) -> bool | None:
    """A native boolean, or "true"/"false" as text (field-reference: "be prepared to handle both")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return None


def _agents(value: Any) -> tuple[str, ...]:
    items: list[Any] = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        text = _text(item)
        if text:
            found.extend(part.strip() for part in text.replace(";", ",").split(","))
    return tuple(dict.fromkeys(part for part in found if part))


def _number_of(inner: Mapping[str, Any]) -> str | None:
    """The customer's number from attachedData, as '+' and digits only (it arrives as text or as a number)."""
    attached = inner.get("attachedData")
    datums = attached.get("attachedDatum") if isinstance(attached, dict) else None
    if isinstance(datums, dict):  # one datum, as an XML-to-JSON conversion writes it
        datums = [datums]
    if not isinstance(datums, list):
        return None
    values = {
        datum.get("attachedDataKey"): datum.get("attachedDataValue")
        for datum in datums
        if isinstance(datum, dict) and isinstance(datum.get("attachedDataKey"), str)
    }
    for key in _NUMBER_KEYS:
        text = _text(values.get(key))
        if text is None:
            continue
        digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
        if digits:
            return ("+" if text.strip().startswith("+") else "") + digits
    return None


def _properties(value: Any) -> Mapping[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(key): item if isinstance(item, str) else json.dumps(item) for key, item in value.items()}
