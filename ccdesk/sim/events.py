"""8x8 Event Streaming as the simulator publishes it: the event log, its message ids and envelopes, the readers'
positions and flow control, and the stream faults. No sockets here: stream.py puts this on a WebSocket.

It follows 8x8's Event Streaming pages (connection, message format, event reference, field reference, event
lifecycle) and, where they are silent, Apache Pulsar's WebSocket reader ("[up]": ReaderHandler), never ccdesk's
client. TenantState (state.py) publishes the events; this module decides how they look on the wire.

Choices the documents leave open, made here once (all inferred):
- One log per tenant; a message goes to `event-v1/all`, to `event-v1/{type}` (the Interaction's `event`, or the
  wrapper's key for the others; AgentProvChange also to its `event`) and to `agent-v1/{agentId}` of the agents
  the publisher names. A message carries the same messageId on every topic it reaches (Pulsar gives each topic
  its own ids), so an id read on one topic positions a reader on another.
- Message ids are base64 of Pulsar's MessageIdData {ledgerId, entryId}, as the reader sends them. The ledger is
  picked from the clock when the log starts (so ids of an earlier run sort before this run's, as a real
  broker's ledgers grow) and its bytes, with entry ids from 2**21, make every id 16 characters that start
  "CI+/" and end "==": `+`, `/` and `=` in every id, so a client that does not URL-encode it fails at once.
- Positioning: `latest` (or no value) reads what is published after the upgrade, `earliest` the oldest message
  retained, an id the messages after it (exclusive, as Pulsar's reader: apache/pulsar#2682). A well-formed id
  that is not in the log positions like Pulsar's cursor: before the oldest retained message (an earlier run's,
  or expired) from the oldest, beyond the newest from the next message published. A malformed id (not base64,
  or no ledgerId/entryId: e.g. `+` sent unencoded arrives as a space) is refused at the upgrade with HTTP 500
  "Failed to create reader: ...", as Pulsar's ReaderHandler answers any failure to create the reader.
- The log keeps the newest `retention` messages (20,000 by default); older ones are gone, as after Pulsar's
  retention.
- `msgInfo` is full on AgentStatusChange (both samples) and on every third Interaction event, `{}` on the others
  (most event-reference samples). Booleans follow the field reference's warning, alternating by message: on an
  even sequenceId `isAgentInitiated`/`isOutboundCall` are JSON booleans and `isDirectAccess`/`isExternal`/
  `isQueued` the strings "true"/"false" (its example), on an odd one the other way round.
- The payload is the wrapper object as compact UTF-8 JSON with sorted keys (the samples list keys sorted);
  `properties` is `{}` as in the envelope sample.
- Flow control is Pulsar's ReaderHandler: at most `receiverQueueSize` (default 1000, capped at 1000; 0 means 1)
  frames are unacknowledged; every inbound text frame counts as an acknowledgement (the count may go below
  zero, as Pulsar's does), except `{"type": "isEndOfTopic"}`, which is answered `{"endOfTopic": false}`.
- Faults act on the connections open when they are commanded, each with its own countdown: drop closes the
  socket with no close frame (the client reads EOF) after N more frames; duplicate sends each of the next N
  frames twice, the copy with `redeliveryCount` 1; reorder holds the next frame back until the one after it has
  gone; silence (the wrong region) makes every open connection, and each one opened while it is on, send nothing
  at all for the rest of its life (switching it off serves only new connections).
"""

from __future__ import annotations

import base64
import json
import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from typing import Any

NAMESPACES = ("event-v1", "agent-v1")
ALL_TOPIC = "event-v1/all"
MAX_RECEIVER_QUEUE = 1000
DEFAULT_RETENTION = 20_000
END_OF_TOPIC_COMMAND = "isEndOfTopic"
INSTANCE_ID = "sim01.ccdesk.invalid-sapi-v1"

# [fld]'s example: these two native, the others strings (on even sequence ids; odd ones the other way round).
_NATIVE_ON_EVEN = frozenset({"isAgentInitiated", "isOutboundCall"})
BOOLEAN_FIELDS = frozenset({*_NATIVE_ON_EVEN, "isDirectAccess", "isExternal", "isQueued"})

# Ledger ids whose varint bytes start 8F BF: after the MessageIdData tag 08 they encode as "CI+/".
_LEDGER_LOW = 0x0F | 0x3F << 7
_LEDGERS = 127 * 128
# Entry ids that are four-byte varints: ten bytes in all, so every id ends "==".
FIRST_ENTRY = 1 << 21
_END_ENTRY = 1 << 28


def ledger_for(seed: int) -> int:
    """A ledger id of the "CI+/" family; `seed` (e.g. the clock in seconds) picks one of 16,256."""
    k = seed % _LEDGERS
    return _LEDGER_LOW | (k & 0x7F) << 14 | (1 + (k >> 7)) << 21


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def encode_message_id(ledger: int, entry: int) -> str:
    """Pulsar's messageId as the WebSocket reader sends it: base64 of MessageIdData {ledgerId, entryId}."""
    return base64.b64encode(b"\x08" + _varint(ledger) + b"\x10" + _varint(entry)).decode("ascii")


def _read_varint(raw: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(raw) or shift > 63:
            raise ValueError("truncated varint")
        byte = raw[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def parse_message_id(text: str) -> tuple[int, int]:
    """(ledgerId, entryId) of a base64 MessageIdData; ValueError when it is not one (as Pulsar's reader fails)."""
    raw = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    fields: dict[int, int] = {}
    pos = 0
    while pos < len(raw):
        key, pos = _read_varint(raw, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _read_varint(raw, pos)
            # int64 fields: MessageId.earliest is (-1, -1)
            fields.setdefault(number, value - (1 << 64) if value >= 1 << 63 else value)
        elif wire == 2:
            length, pos = _read_varint(raw, pos)
            pos += length
            if pos > len(raw):
                raise ValueError("truncated field")
        else:
            raise ValueError(f"unexpected wire type {wire}")
    if 1 not in fields or 2 not in fields:
        raise ValueError("a message id needs a ledgerId and an entryId")
    return fields[1], fields[2]


def _publish_time(seconds: float) -> str:
    """ISO 8601 with milliseconds and Z, as the envelope sample: 2025-10-15T09:30:00.000Z."""
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Message:
    """One published event: its position in the log, id, UTF-8 JSON payload and the topics it reached."""

    index: int
    message_id: str
    payload: bytes
    topics: frozenset[str]
    publish_time: float

    @property
    def event(self) -> dict[str, Any]:
        """The decoded payload: a one-key wrapper such as {"Interaction": {...}}."""
        decoded: dict[str, Any] = json.loads(self.payload)
        return decoded

    def envelope(self, redelivery_count: int = 0) -> str:
        """The reader's frame, exactly the documented envelope's fields."""
        return json.dumps(
            {
                "messageId": self.message_id,
                "payload": base64.b64encode(self.payload).decode("ascii"),
                "properties": {},
                "publishTime": _publish_time(self.publish_time),
                "redeliveryCount": redelivery_count,
            }
        )


class EventLog:
    """The tenant's published events in order, with the ids and topics readers position and filter by."""

    def __init__(
        self, now: Callable[[], float], *, ledger: int | None = None, retention: int = DEFAULT_RETENTION
    ) -> None:
        self._now = now
        self._lock = threading.Lock()
        self.ledger = ledger_for(int(now())) if ledger is None else ledger
        self.retention = retention
        self._messages: deque[Message] = deque()
        self._first = 0  # index of the oldest retained message
        self._next = 0  # index the next message gets
        self._listeners: list[Callable[[], None]] = []

    # -- publishing -----------------------------------------------------------------------------------------

    def publish(self, wrapper: str, body: Mapping[str, Any], *, agents: Iterable[str] = ()) -> Message:
        """Append `{wrapper: body}` with its msgInfo and booleans as the wire shows them; wake the readers."""
        with self._lock:
            index = self._next
            entry = FIRST_ENTRY + index
            if entry >= _END_ENTRY:
                raise OverflowError("the event log's ledger is full")
            sequence = index + 1
            now = self._now()
            styled: dict[str, Any] = {
                key: _styled_bool(key, value, sequence) if key in BOOLEAN_FIELDS else value
                for key, value in body.items()
            }
            if wrapper != "Interaction" or sequence % 3 == 0:
                styled["msgInfo"] = {
                    "instanceId": INSTANCE_ID,
                    "sequenceId": sequence,
                    "timestamp": int(now * 1000),
                }
            else:
                styled["msgInfo"] = {}
            topics = {ALL_TOPIC, *(f"agent-v1/{agent}" for agent in agents)}
            if wrapper != "Interaction":
                topics.add(f"event-v1/{wrapper}")
            if isinstance(body.get("event"), str):
                topics.add(f"event-v1/{body['event']}")
            payload = json.dumps(
                {wrapper: styled}, ensure_ascii=False, separators=(",", ":"), sort_keys=True
            ).encode("utf-8")
            message = Message(index, encode_message_id(self.ledger, entry), payload, frozenset(topics), now)
            self._messages.append(message)
            self._next += 1
            while len(self._messages) > self.retention:
                self._messages.popleft()
                self._first += 1
            listeners = list(self._listeners)
        for listener in listeners:
            listener()
        return message

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call `listener` (no arguments, quickly) after every publish, e.g. to wake the stream's readers."""
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[], None]) -> None:
        """Stop calling a listener `subscribe` added (a stream server that stopped)."""
        with self._lock:
            self._listeners.remove(listener)

    # -- reading --------------------------------------------------------------------------------------------

    def messages(self, topic: str | None = None) -> list[Message]:
        """The retained messages (of one topic, e.g. "agent-v1/ag..."), oldest first."""
        with self._lock:
            return [m for m in self._messages if topic is None or topic in m.topics]

    @property
    def end(self) -> int:
        """The index the next published message will get: where a `latest` reader starts."""
        with self._lock:
            return self._next

    def start(self, position: str) -> int:
        """The index a reader starting at `position` reads first; ValueError for a malformed message id."""
        with self._lock:
            if position in ("", "latest"):
                return self._next
            if position == "earliest":
                return self._first
            wanted = parse_message_id(position)
            if wanted < (self.ledger, FIRST_ENTRY + self._first):
                return self._first
            if wanted >= (self.ledger, FIRST_ENTRY + self._next - 1):
                return self._next
            return wanted[1] - FIRST_ENTRY + 1

    def next_for(self, topic: str, cursor: int) -> tuple[Message | None, int]:
        """The first retained message of `topic` at or after index `cursor`, and the cursor after it."""
        with self._lock:
            for offset in range(max(cursor, self._first) - self._first, len(self._messages)):
                message = self._messages[offset]
                if topic in message.topics:
                    return message, message.index + 1
            return None, self._next


def _styled_bool(key: str, value: Any, sequence: int) -> Any:
    if not isinstance(value, bool):
        return value
    native = (key in _NATIVE_ON_EVEN) == (sequence % 2 == 0)
    return value if native else ("true" if value else "false")


@dataclass(eq=False)
class Reader:
    """One reader connection's position, flow control and pending faults; guarded by StreamControl.condition."""

    topic: str
    cursor: int
    max_pending: int = MAX_RECEIVER_QUEUE
    silent: bool = False
    pending: int = 0
    drop_after: int | None = None
    duplicates: int = 0
    reorder: bool = False
    closed: bool = False
    _held: list[str] | None = None
    _ready: deque[str] = field(default_factory=deque)
    _replies: deque[str] = field(default_factory=deque)

    @property
    def must_drop(self) -> bool:
        """A drop fault's countdown has run out: close the socket now, without a close frame."""
        return self.drop_after == 0

    def receive(self, text: str) -> None:
        """An inbound text frame: Pulsar counts it as an acknowledgement, unless it asks for the end of topic."""
        try:
            command = json.loads(text)
        except ValueError:
            command = None
        if isinstance(command, dict) and command.get("type") == END_OF_TOPIC_COMMAND:
            self._replies.append(json.dumps({"endOfTopic": False}))
        else:
            self.pending -= 1

    def next_frame(self, log: EventLog) -> str | None:
        """The next frame to send now, or None while there is nothing (or flow control, silence or a due drop
        says wait)."""
        if self.silent or self.must_drop:
            return None
        if self._replies:
            return self._replies.popleft()
        if self.pending >= self.max_pending:
            return None
        if not self._ready:
            self._fill(log)
        if not self._ready:
            return None
        self.pending += 1
        if self.drop_after is not None:
            self.drop_after -= 1
        return self._ready.popleft()

    def _fill(self, log: EventLog) -> None:
        while not self._ready:
            message, self.cursor = log.next_for(self.topic, self.cursor)
            if message is None:
                return
            frames = [message.envelope()]
            if self.duplicates:
                self.duplicates -= 1
                frames.append(message.envelope(redelivery_count=1))
            if self.reorder:
                if self._held is None:
                    self._held = frames
                    continue
                frames += self._held
                self._held, self.reorder = None, False
            self._ready.extend(frames)


def receiver_queue_size(text: str | None) -> int:
    """Pulsar's reader queue: the parameter capped at 1000 (0 means 1); ValueError when it is not a count."""
    if text is None:
        return MAX_RECEIVER_QUEUE
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"receiverQueueSize must be a whole number, got {text!r}")
    return max(1, min(int(text), MAX_RECEIVER_QUEUE))


class StreamControl:
    """The event stream's keys, the readers connected to it, and the faults tests and the demo command on them.

    Keys map to the topics they may read ("namespace/topic" patterns such as "agent-v1/*"; None: every topic).
    """

    def __init__(self, keys: Mapping[str, Iterable[str] | None]) -> None:
        self.condition = threading.Condition()
        self._keys: dict[str, tuple[str, ...] | None] = {}
        self._readers: set[Reader] = set()
        self._silent = False
        for key, topics in keys.items():
            self.allow(key, topics)

    # -- keys -----------------------------------------------------------------------------------------------

    def allow(self, key: str, topics: Iterable[str] | None = None) -> None:
        """Accept `key`, for these topic patterns only (None: every topic of the tenant)."""
        if not key:
            raise ValueError("a stream key must not be empty")
        patterns = None if topics is None else tuple(topics)
        if patterns is not None and not all(isinstance(p, str) and p for p in patterns):
            raise ValueError("topics must be non-empty strings such as 'agent-v1/*'")
        with self.condition:
            self._keys[key] = patterns

    def revoke(self, key: str) -> None:
        """Stop accepting `key` (a regenerated token); KeyError if it was not accepted."""
        with self.condition:
            del self._keys[key]

    @property
    def keys(self) -> dict[str, tuple[str, ...] | None]:
        """The accepted keys and their topic patterns (None: every topic)."""
        with self.condition:
            return dict(self._keys)

    def denial(self, key: str | None, tenant_ok: bool, topic: str) -> tuple[int, str] | None:
        """Why the upgrade is refused ([up]: 401 "Failed to authenticate", 403 "Not authorized"), or None."""
        with self.condition:
            if key is None or key not in self._keys or not tenant_ok:
                return 401, "Failed to authenticate"
            patterns = self._keys[key]
            if patterns is not None and not any(fnmatchcase(topic, p) for p in patterns):
                return 403, "Not authorized"
            return None

    # -- readers --------------------------------------------------------------------------------------------

    def attach(self, reader: Reader) -> None:
        """A reader connected: it is silent from the start in the wrong-region mode."""
        with self.condition:
            reader.silent = reader.silent or self._silent
            self._readers.add(reader)

    def detach(self, reader: Reader) -> None:
        with self.condition:
            reader.closed = True
            self._readers.discard(reader)
            self.condition.notify_all()

    def wake(self) -> None:
        """Let every reader look again (a message was published, a frame acknowledged, a fault commanded)."""
        with self.condition:
            self.condition.notify_all()

    @property
    def connections(self) -> int:
        """How many reader connections are open."""
        with self.condition:
            return len(self._readers)

    # -- faults ---------------------------------------------------------------------------------------------

    def _command(self, apply: Callable[[Reader], None]) -> int:
        with self.condition:
            for reader in self._readers:
                apply(reader)
            self.condition.notify_all()
            return len(self._readers)

    def drop(self, after: int = 0) -> int:
        """Close every open connection abruptly (no close frame) once it has sent `after` more frames."""
        if type(after) is not int or after < 0:
            raise ValueError("after must be a whole number of frames")
        return self._command(lambda reader: setattr(reader, "drop_after", after))

    def duplicate(self, count: int = 1) -> int:
        """Send each of the next `count` frames of every open connection twice, the copy redelivered."""
        if type(count) is not int or count < 1:
            raise ValueError("count must be a positive whole number")
        return self._command(lambda reader: setattr(reader, "duplicates", reader.duplicates + count))

    def reorder(self) -> int:
        """Swap the next two frames of every open connection."""
        return self._command(lambda reader: setattr(reader, "reorder", True))

    def silence(self, on: bool = True) -> None:
        """The wrong region: upgrades still succeed but nothing is sent on open or new connections while on."""
        if not isinstance(on, bool):
            raise ValueError("on must be a boolean")
        with self.condition:
            self._silent = on
            if on:
                for reader in self._readers:
                    reader.silent = True

    @property
    def silent(self) -> bool:
        """Whether new connections are silent (the wrong-region mode is on)."""
        with self.condition:
            return self._silent
