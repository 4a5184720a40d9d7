"""The pure model of one simulated 8x8 Contact Center tenant, with no HTTP in it.

It follows the "CC Manage Phone Calls" and "CC Managing Agent Status" documents, not ccdesk's client, so tests
of the client against it prove something. The HTTP face (app.py) turns requests into calls on `TenantState`
and its `SimError` into fault responses.

Choices the documents leave open, made here once:
- An agent's reported status is derived: BUSY (9) while a queue call is on one of its lines, DIRECT_CALL (10)
  while a call placed without a queue is (the guide: "If a direct call is also marking the agent Busy then the
  status will be 9 BUSY"), POST_PROCESS (8) while any wrap-up is open, otherwise the status last set (the "base"
  status).
- Hanging up the agent's leg, ending the call and freeing a line all free the line and open a wrap-up for the
  queue's post-processing time (the tenant default without a queue). A wrap-up closes when its time is up and
  every mandatory code list of the call's queue has a code, or at once with ``endPostProcessing=true``.
- After the call is ended without ``endPostProcessing``, codes may still be set and the call may be ended
  again with ``endPostProcessing=true`` while its wrap-up is open, so an agent is never stranded; other
  requests, and anything after the wrap-up closed, answer 410.
- Setting an agent's status through the Agent Status API closes its open wrap-ups: the supervisor's word wins.
- Transaction codes amend list by list (the OpenAPI file: "Ammends the transaction codes"): a list the request
  does not name keeps its codes, a named list holds exactly the codes sent for it, and the six-code limit
  ("Up to six transaction codes can be assigned to a transaction") counts every code held after the amend.
- A status code is set whole (list id, item id and short code, all marked required by the guide) or not at
  all; the OpenAPI file requires only `agent-status`, so a change without any code is accepted.
- Agents belong to agent groups (the scenario's `groups`); the roster filters by `groupId`.
- The customer hanging up (a simulator control, `customer_hangs_up`) ends the call and frees the agent's line, and
  the agent goes to post-processing as after a hang-up; no REST answer says so, only Event Streaming does.
- Expiries are evaluated lazily, on every public call, against the injectable clock (and by `tick`, which the
  event stream's server calls every 0.2 s so events flow without a request).

Event Streaming (events.py has the wire's choices). Every change publishes the documented events to `events`,
one-key wrappers with the documented fields; what the documents leave open, inferred here:
- A placed call rings (`ring_seconds`, the scenario's key, 5 s by default; None: until a control answers it) on
  the agent's line: REST answers as before. Created (CS_IDLE) and Assigned (CS_INPROGRESS, as [ref], [life] and
  [fld] say; [fmt] says CS_IDLE) at once; InteractionCustomerAccepted (CS_CONNECTED) when the customer answers.
  [fmt]'s InteractionAccepted (CS_INPROGRESS, "ringing at destination") after Assigned only with
  `outbound_accepted_event` (the scenario's key): [life] draws the outbound flows without it, and its no-answer
  flow is Created, Assigned, Deleted.
- "Call not answered" (a control, while the call rings) frees the line with no wrap-up: InteractionDeleted with
  hangupInitiator SYSTEM and callHangupReason CEC_DISCONNECT_NOANSWER; REST then finds the call terminated.
- The agent's leg going down (hang-up, end, free line, the customer hanging up) publishes InteractionPostProcess
  (the wrap-up opens); the wrap-up closing (time up with mandatory codes set, endPostProcessing, a status set)
  publishes InteractionEndPostProcess, InteractionDeassigned and InteractionDeleted ([life]'s order), the last
  with hangupInitiator AGENT or CUSTOMER (whoever took the leg down) and CEC_DISCONNECT_NORMAL, or
  CEC_DISCONNECT_CANCELLED (the agent) / CEC_DISCONNECT_REJECTED (the customer) while it still rang.
- InteractionCreated and InteractionDeleted carry no agentId (as every sample); the others carry agentId,
  agentGUID (the REST answers' "tenant-agentId-uuid" leg) and participatingAgents. attachedData holds phoneNum
  (the dialled or calling number without its prefix, a JSON number unless it starts with 0), remotePhoneNum,
  callingName for inbound calls, the queue's channelName/queueDirection/tenantSkillName, and tclSelectedItems
  ("list|item,...") once codes are set. No field says which line a call is on, as in the documents.
- "Another call arrives" (a control) offers an inbound call on the agent's first free line: Created
  (CS_QUEUED, as the samples), Queued, Assigned, Accepted (CS_CONNECTED); it then behaves like a placed call
  that was answered. Its queue is the scenario's `inbound_queue_id` unless one is given.
- AgentStatusChange whenever the reported status, status code or sub-status changes (derived BUSY,
  DIRECT_CALL, POST_PROCESS and back, after the call's events) and on every status set through the Agent Status
  API or `force_agent`, even to the same value: `newState` in the REST codes (NOTES.md: the sample's 5 with
  801=1722 is WORK_OFFLINE), `newReasonCodeUser` "list=item" while a status code is set (absent otherwise),
  `newSubState` the sub-status or "none", `statusEventTS` in seconds.
- Topics: every event reaches agent-v1/{agentId} of the agent the call is (or was) on, and the agent's status
  changes reach its own.

History (`history=True`, as `ccdesk --demo` starts): the scenario's past, so a tenant can start a working day in.
An agent's `since_minutes` publishes its status at that time; its `call` puts a call on its first line that was
answered `started_minutes_ago` (busy since then) and, with `ended_minutes_ago`, that the customer hung up then
(the wrap-up open since then, held by the queue's mandatory code lists while no code is set). Every event carries
its own past time (statusEventTS, eventTS, the envelope's publishTime), in time order, so a reader from `earliest`
learns since when each agent is in its status, as from 8x8. Without history the tenant starts bare (every line
free, no event), so a test sees only what it does.
"""

from __future__ import annotations

import json
import math
import random
import string
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from ccdesk.sim.events import EventLog, Message

MAX_CODES = 6
MAX_BULK_AGENTS = 100
BULK_STATUS_METHODS = ("POST", "PUT")
_ALNUM = string.ascii_letters + string.digits
_FIRST_NAMES = ("Alex", "Bianca", "Chidi", "Dana", "Emil", "Fatima", "Gus", "Hiro", "Ines", "Jonas")
_LAST_NAMES = ("Keller", "Lopez", "Moreau", "Nguyen", "Ortiz", "Patel", "Quinn", "Rahman", "Sato", "Torres")
DEFAULT_RING_SECONDS = 5.0
FIRST_TRANSACTION_NUMBER = 19727  # the Interaction Queued sample's transactionNum


class AgentStatus(IntEnum):
    """Agent status values of the Agent Status API."""

    UNKNOWN = 0
    LOGGED_OUT = 1
    LOGGED_IN = 2
    ON_BREAK = 3
    WAIT_TRANSACT = 4
    WORK_OFFLINE = 5
    TRANSACT_OFFERED = 6
    PROCESS_TRANSACT = 7
    POST_PROCESS = 8
    BUSY = 9
    DIRECT_CALL = 10
    ON_EMAIL = 11


SETTABLE_STATUSES = frozenset(
    {AgentStatus.LOGGED_OUT, AgentStatus.ON_BREAK, AgentStatus.WAIT_TRANSACT, AgentStatus.WORK_OFFLINE}
)
# Statuses in which a call is rejected even with forceCall (the document: "on break, or logged out").
_UNREACHABLE = frozenset({AgentStatus.UNKNOWN, AgentStatus.LOGGED_OUT, AgentStatus.ON_BREAK})


class SimError(Exception):
    """A request the platform rejects: the HTTP status and the reason the API would give."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def load_scenario(path: str | Path | None = None) -> dict[str, Any]:
    """Read a tenant scenario: the built-in demo tenant, or the JSON file at `path` in the same format.

    Format: one JSON object; queue, dial plan and caller ids are strings, list and item ids integers::

        {"tenant": "acmecorp01", "username": "acmecorp01",
         "post_processing_seconds": 15,              # wrap-up time of calls without a queue
         "default_caller_id": "12015551212",         # agents without their own caller id present this one
         "default_dial_plan_id": "12",
         "caller_ids": [{"number": "12015551212", "name": "Acme Main Line"}],
         "dial_plans": [{"id": "12", "name": "North America"}],
         "queues": [{"id": "598", "name": "Sales Outbound", "post_processing_seconds": 30,
                     "transaction_code_lists": [12, 2281]}],   # mandatory ones among them must be coded
         "transaction_code_lists": [{"id": 12, "name": "Call Outcome", "mandatory": true,
                                     "multiple_choice": false, "items": [{"id": 234, "name": "Sale"}]}],
         "status_code_lists": [{"id": 801, "name": "Away", "items": [{"id": 1722, "short_code": "Meet",
                                                                       "name": "In a meeting"}]}],
         "agents": [{"id": "ag0VYyLh0YTsymdbtYIaaaa", "name": "Ilya Workshard", "status": 4,
                     "status_code_list_id": 801, "status_code_item_id": 1722,   # optional
                     "sub_status": "none", "caller_id": "12015551212", "dial_plan_id": "12",  # optional
                     "groups": ["100"],                      # optional: agent group ids (groupId filter)
                     "since_minutes": 190,                   # optional, history: in its status this long
                     "call": {"queue_id": "601", "prefix": "1", "number": "6175550147",   # optional, history
                              "direction": "out", "name": "",     # "in": an inbound call from `name`
                              "started_minutes_ago": 25, "ended_minutes_ago": 20}}],  # ended: in wrap-up
         "bulk_status_method": "POST",     # optional: the only method the bulk status endpoint accepts
                                           # ("POST" or "PUT"; without it, both, as the two documents say)
         "ring_seconds": 5,                # optional: how long a placed call rings before the customer
                                           # answers (null: until a control answers it)
         "inbound_queue_id": "591",        # optional: the queue of "another call arrives"
         "outbound_accepted_event": false}  # optional: publish [fmt]'s InteractionAccepted while ringing
    """
    if path is None:
        text = resources.files("ccdesk.sim").joinpath("data", "demo_tenant.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    scenario = json.loads(text)
    if not isinstance(scenario, dict):
        raise ValueError("a scenario must be a JSON object")
    return scenario


@dataclass(frozen=True)
class CodeList:
    """A transaction-code list: its items are id -> name."""

    id: int
    name: str
    mandatory: bool
    multiple_choice: bool
    items: Mapping[int, str]


@dataclass(frozen=True)
class StatusCodeList:
    """A status-code list: its items are id -> (short code, name)."""

    id: int
    name: str
    items: Mapping[int, tuple[str, str]]


@dataclass(frozen=True)
class Queue:
    """An outbound queue with its post-processing time and the code lists applied with it."""

    id: str
    name: str
    post_processing_seconds: float
    code_lists: tuple[int, ...]


@dataclass
class Agent:
    """One agent: base status and status code, two lines, open wrap-ups (interaction id -> end time)."""

    id: str
    name: str
    status: int
    leg_id: str
    caller_id: str
    dial_plan_id: str
    status_code_list_id: int | None = None
    status_code_item_id: int | None = None
    sub_status: str | None = None
    groups: tuple[str, ...] = ()
    lines: list[str | None] = field(default_factory=lambda: [None, None])
    wrap_ups: dict[str, float] = field(default_factory=dict)


@dataclass
class Interaction:
    """A placed phone call with its attached data and transaction codes (list id -> item ids)."""

    id: str
    agent_id: str
    line: int
    prefix: str
    number: str
    caller_id: str
    presented_caller_id: str
    queue_id: str | None
    dial_plan_id: str
    force_call: bool
    ext_transaction_data: list[dict[str, str]]
    ctl_user_data: list[dict[str, str]]
    started: float
    codes: dict[int, list[int]] = field(default_factory=dict)
    ended: bool = False
    direction: str = "out"
    calling_name: str = ""
    transaction_num: int = 0
    rings_until: float | None = None  # while a placed call rings: when the customer answers (inf: never)
    hangup: tuple[str, str] = ("AGENT", "CEC_DISCONNECT_NORMAL")  # InteractionDeleted's initiator and reason


class TenantState:
    """One tenant's agents, lines, calls and codes behind one lock, so a threaded server cannot corrupt it."""

    def __init__(
        self,
        scenario: Mapping[str, Any] | None = None,
        *,
        tenant: str | None = None,
        extra_agents: int = 0,
        now: Callable[[], float] = time.time,
        seed: int | None = None,
        history: bool = False,
    ) -> None:
        data = load_scenario() if scenario is None else scenario
        self._lock = threading.RLock()
        self._now = now
        self._offset = 0.0
        self._event_at: float | None = None  # while history is played: the time its events carry
        self._random = random.Random(seed)
        self.tenant: str = tenant or data["tenant"]
        self.username: str = data.get("username", self.tenant) if tenant is None else tenant
        self.post_processing_seconds = float(data.get("post_processing_seconds", 15))
        self.caller_ids: dict[str, str] = {c["number"]: c["name"] for c in data.get("caller_ids", [])}
        self.dial_plans: dict[str, str] = {d["id"]: d["name"] for d in data.get("dial_plans", [])}
        self.default_caller_id: str = data.get("default_caller_id", next(iter(self.caller_ids), ""))
        self.default_dial_plan_id: str = data.get("default_dial_plan_id", next(iter(self.dial_plans), ""))
        self.queues = {
            q["id"]: Queue(
                q["id"],
                q["name"],
                float(q["post_processing_seconds"]),
                tuple(q.get("transaction_code_lists", ())),
            )
            for q in data.get("queues", [])
        }
        self.code_lists = {
            c["id"]: CodeList(
                c["id"],
                c["name"],
                bool(c.get("mandatory")),
                bool(c.get("multiple_choice")),
                {i["id"]: i["name"] for i in c["items"]},
            )
            for c in data.get("transaction_code_lists", [])
        }
        self.status_code_lists = {
            s["id"]: StatusCodeList(
                s["id"], s["name"], {i["id"]: (i["short_code"], i.get("name", "")) for i in s["items"]}
            )
            for s in data.get("status_code_lists", [])
        }
        method = data.get("bulk_status_method")
        if method is not None and method not in BULK_STATUS_METHODS:
            raise ValueError(f"bulk_status_method must be one of {BULK_STATUS_METHODS}")
        #: the one method the bulk status endpoint accepts; None: both
        self.bulk_status_method: str | None = method
        self.agents: dict[str, Agent] = {}
        for spec in data.get("agents", []):
            self._add_agent(spec)
        for n in range(1, extra_agents + 1):
            first = _FIRST_NAMES[n % len(_FIRST_NAMES)]
            last = _LAST_NAMES[n // len(_FIRST_NAMES) % len(_LAST_NAMES)]
            name = f"{first} {last}"
            self._add_agent({"id": f"agSim{n:04d}", "name": name, "status": AgentStatus.WAIT_TRANSACT})
        self.interactions: dict[str, Interaction] = {}
        ring = data.get("ring_seconds", DEFAULT_RING_SECONDS)
        #: how long a placed call rings before the customer answers; None: until `customer_answers`
        self.ring_seconds: float | None = None if ring is None else float(ring)
        self.inbound_queue_id: str | None = data.get("inbound_queue_id")
        self.outbound_accepted_event = bool(data.get("outbound_accepted_event", False))
        #: the event log the stream serves (events.py)
        self.events = EventLog(self._event_now)
        self._transaction_num = FIRST_TRANSACTION_NUMBER
        self._published = {agent.id: self._status_key(agent) for agent in self.agents.values()}
        if history:
            self._play_history(data.get("agents", []))

    def _add_agent(self, spec: Mapping[str, Any]) -> None:
        agent_id = spec["id"]
        self.agents[agent_id] = Agent(
            id=agent_id,
            name=spec["name"],
            status=int(spec.get("status", AgentStatus.WAIT_TRANSACT)),
            leg_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.tenant}/{agent_id}")),
            caller_id=spec.get("caller_id", self.default_caller_id),
            dial_plan_id=spec.get("dial_plan_id", self.default_dial_plan_id),
            status_code_list_id=spec.get("status_code_list_id"),
            status_code_item_id=spec.get("status_code_item_id"),
            sub_status=spec.get("sub_status"),
            groups=tuple(str(group) for group in spec.get("groups", ())),
        )

    # -- time -----------------------------------------------------------------------------------------------

    def now(self) -> float:
        """The simulated time: the injected clock plus whatever `advance` added."""
        return self._now() + self._offset

    def _event_now(self) -> float:
        """The time an event carries: now, or the past moment history is being played at."""
        return self.now() if self._event_at is None else self._event_at

    def advance(self, seconds: float) -> float:
        """Move simulated time forward, so wrap-up expiry can be tested without sleeping."""
        with self._lock:
            self._offset += seconds
            return self.now()

    def tick(self) -> None:
        """Evaluate the lazy expiries now, so their events are published without waiting for a request."""
        with self._lock:
            self._expire()

    def _expire(self) -> None:
        """Let ringing calls be answered when their time is up, close every wrap-up whose time is up and whose
        mandatory codes are set, and publish the status changes that follow."""
        now = self.now()
        for agent in self.agents.values():
            for iid in agent.lines:
                interaction = self.interactions[iid] if iid else None
                if interaction and interaction.rings_until is not None and now >= interaction.rings_until:
                    self._answer(interaction)
            for iid, until in list(agent.wrap_ups.items()):
                if now >= until and not self._missing_mandatory(self.interactions[iid]):
                    self._close_wrap_up(agent, iid)
        self._settle()

    def _missing_mandatory(self, interaction: Interaction) -> list[int]:
        queue = self.queues.get(interaction.queue_id or "")
        if queue is None:
            return []
        return [
            lid
            for lid in queue.code_lists
            if lid in self.code_lists and self.code_lists[lid].mandatory and not interaction.codes.get(lid)
        ]

    # -- lookups --------------------------------------------------------------------------------------------

    def _leg(self, agent: Agent) -> str:
        return f"{self.tenant}-{agent.id}-{agent.leg_id}"

    def _status_of(self, agent: Agent) -> int:
        on_queue_call = any(iid and self.interactions[iid].queue_id for iid in agent.lines)
        if on_queue_call:
            return AgentStatus.BUSY
        if any(agent.lines):  # a call placed without a queue: the guide's DIRECT_CALL
            return AgentStatus.DIRECT_CALL
        if agent.wrap_ups:
            return AgentStatus.POST_PROCESS
        return agent.status

    def _interaction(self, iid: str) -> Interaction:
        interaction = self.interactions.get(iid)
        if interaction is None:
            raise SimError(400, f"Interaction [{iid}] was not found.")
        return interaction

    def _phase(self, interaction: Interaction) -> tuple[bool, bool]:
        """Whether the interaction is on its agent's line, and whether its wrap-up is open."""
        agent = self.agents[interaction.agent_id]
        return interaction.id in agent.lines, interaction.id in agent.wrap_ups

    def _release(self, agent: Agent, line_index: int, initiator: str = "AGENT") -> Interaction:
        """Free one line and open the wrap-up of the call it held (the agent's leg went down)."""
        interaction = self.interactions[agent.lines[line_index] or ""]
        agent.lines[line_index] = None
        queue = self.queues.get(interaction.queue_id or "")
        seconds = queue.post_processing_seconds if queue else self.post_processing_seconds
        agent.wrap_ups[interaction.id] = self._event_now() + seconds
        if interaction.rings_until is not None:
            reason = "CEC_DISCONNECT_CANCELLED" if initiator == "AGENT" else "CEC_DISCONNECT_REJECTED"
            interaction.rings_until = None
        else:
            reason = "CEC_DISCONNECT_NORMAL"
        interaction.hangup = (initiator, reason)
        self._emit(interaction, "InteractionPostProcess", "CS_DISCONNECTED")
        return interaction

    def _close_wrap_up(self, agent: Agent, iid: str) -> None:
        """End the call's post-processing: [life]'s last three events."""
        del agent.wrap_ups[iid]
        interaction = self.interactions[iid]
        self._emit(interaction, "InteractionEndPostProcess", "CS_DISCONNECTED")
        self._emit(interaction, "InteractionDeassigned", "CS_DISCONNECTED")
        self._emit_deleted(interaction)

    def _answer(self, interaction: Interaction) -> None:
        interaction.rings_until = None
        self._emit(interaction, "InteractionCustomerAccepted", "CS_CONNECTED")

    def _new_interaction_id(self) -> str:
        return (
            f"int-{int(self._event_now() * 1000):011x}-{''.join(self._random.choices(_ALNUM, k=25))}"
            f"-phone-00-{self.tenant}"
        )

    def _next_transaction_num(self) -> int:
        self._transaction_num += 1
        return self._transaction_num

    # -- events ---------------------------------------------------------------------------------------------

    def _attached(self, interaction: Interaction) -> list[dict[str, Any]]:
        number = interaction.number
        datum: list[tuple[str, Any]] = [
            ("phoneNum", int(number) if number.isdigit() and not number.startswith("0") else number),
            ("remotePhoneNum", f"+{interaction.prefix}{number}" if interaction.prefix else number),
        ]
        if interaction.calling_name:
            datum.append(("callingName", interaction.calling_name))
        queue = self.queues.get(interaction.queue_id or "")
        if queue is not None:
            datum += [
                ("channelName", queue.name),
                ("queueDirection", interaction.direction),
                ("tenantSkillName", queue.name),
            ]
        if interaction.codes:
            selected = ",".join(f"{lid}|{item}" for lid, items in interaction.codes.items() for item in items)
            datum.append(("tclSelectedItems", selected))
        return [{"attachedDataKey": key, "attachedDataValue": value} for key, value in datum]

    def _emit(self, interaction: Interaction, event: str, call_state: str, **extra: Any) -> Message:
        """Publish one Interaction event about the call, to the topics of the agent it is on."""
        agent = self.agents[interaction.agent_id]
        now = int(self._event_now())
        body: dict[str, Any] = {
            "event": event,
            "interactionGUID": interaction.id,
            "callState": call_state,
            "mediaType": "phone",
            "resourceType": 0,
            "direction": interaction.direction,
            "interactionEventTS": now,
            "eventTS": now,
            "isOutboundCall": interaction.direction == "out",
            "transactionNum": interaction.transaction_num,
            "attachedData": {"attachedDatum": self._attached(interaction)},
        }
        if interaction.queue_id is not None:
            queue_id = int(interaction.queue_id) if interaction.queue_id.isdigit() else interaction.queue_id
            body |= {"queueId": queue_id, "queueList": queue_id}
        if event not in ("InteractionCreated", "InteractionDeleted"):
            body |= {"agentId": agent.id, "agentGUID": self._leg(agent), "participatingAgents": agent.id}
        body.update(extra)
        return self.events.publish("Interaction", body, agents=(agent.id,))

    def _emit_deleted(self, interaction: Interaction) -> None:
        initiator, reason = interaction.hangup
        self._emit(
            interaction,
            "InteractionDeleted",
            "CS_DISCONNECTED",
            hangupInitiator=initiator,
            callHangupReason=reason,
            isAgentInitiated=interaction.direction == "out",
            isDirectAccess=interaction.queue_id is None,
            isQueued=False,
            recordingMode="no",
            rejectReason=0,
        )

    def _emit_assigned(self, interaction: Interaction) -> None:
        self._emit(
            interaction,
            "InteractionAssigned",
            "CS_INPROGRESS",
            isAgentInitiated=interaction.direction == "out",
            isDirectAccess=interaction.queue_id is None,
            isExternal=True,
            recordingMode="no",
        )

    def _status_key(self, agent: Agent) -> tuple[int, int | None, int | None, str | None]:
        return (
            self._status_of(agent),
            agent.status_code_list_id,
            agent.status_code_item_id,
            agent.sub_status,
        )

    def _publish_status(self, agent: Agent) -> None:
        status, list_id, item_id, sub_status = self._published[agent.id] = self._status_key(agent)
        body: dict[str, Any] = {
            "agentId": agent.id,
            "newState": status,
            "newSubState": sub_status or "none",
            "newSubStateReason": "none",
            "statusEventTS": int(self._event_now()),
        }
        if list_id is not None:
            body["newReasonCodeUser"] = f"{list_id}={item_id}"
        self.events.publish("AgentStatusChange", body, agents=(agent.id,))

    def _settle(self) -> None:
        """Publish an AgentStatusChange for every agent whose reported status changed since the last one."""
        for agent in self.agents.values():
            if self._status_key(agent) != self._published[agent.id]:
                self._publish_status(agent)

    # -- history --------------------------------------------------------------------------------------------

    def _play_history(self, specs: Iterable[Mapping[str, Any]]) -> None:
        """Carry out the scenario's past in time order, each step's events at its own time (module docstring)."""
        now = self.now()
        steps: list[tuple[float, int, Callable[[], None]]] = []
        for order, spec in enumerate(specs):
            agent = self.agents[spec["id"]]
            since = spec.get("since_minutes")
            call = spec.get("call")
            started = None if call is None else now - 60 * float(call["started_minutes_ago"])
            if since is not None:
                at = now - 60 * float(since)
                if started is not None and at > started:
                    raise ValueError(f"agent {agent.id}: since_minutes must go back before its call started")
                steps.append((at, order, partial(self._publish_status, agent)))
            if call is None or started is None:
                continue
            holder: dict[str, Interaction] = {}
            steps.append((started, order, partial(self._history_call, agent, call, started, holder)))
            if call.get("ended_minutes_ago") is not None:
                ended = now - 60 * float(call["ended_minutes_ago"])
                if ended < started:
                    raise ValueError(f"agent {agent.id}: a call cannot end before it started")
                steps.append((ended, order, partial(self._history_call_ends, agent, ended, holder)))
        for at, _, step in sorted(steps, key=lambda s: (s[0], s[1])):
            self._event_at = at
            try:
                step()
            finally:
                self._event_at = None

    def _history_call(
        self, agent: Agent, call: Mapping[str, Any], at: float, holder: dict[str, Interaction]
    ) -> None:
        """A call answered at `at` on the agent's first free line, with the events of [life]'s flows."""
        queue_id = call.get("queue_id")
        if queue_id is not None and queue_id not in self.queues:
            raise ValueError(f"agent {agent.id}: no queue {queue_id}")
        if None not in agent.lines:
            raise ValueError(f"agent {agent.id}: both lines are taken")
        index = agent.lines.index(None)
        direction = call.get("direction", "out")
        interaction = Interaction(
            id=self._new_interaction_id(),
            agent_id=agent.id,
            line=index + 1,
            prefix=str(call.get("prefix", "1")),
            number=str(call["number"]),
            caller_id=self.default_caller_id,
            presented_caller_id=agent.caller_id,
            queue_id=queue_id,
            dial_plan_id=agent.dial_plan_id,
            force_call=False,
            ext_transaction_data=[],
            ctl_user_data=[],
            started=at,
            direction=direction,
            calling_name=str(call.get("name", "")) if direction == "in" else "",
            transaction_num=self._next_transaction_num(),
        )
        self.interactions[interaction.id] = holder["call"] = interaction
        agent.lines[index] = interaction.id
        if direction == "in":
            self._emit(interaction, "InteractionCreated", "CS_QUEUED", inboundChannelid="N/A")
            if queue_id is not None:
                self._emit(
                    interaction, "InteractionQueued", "CS_QUEUED", isAgentInitiated=False, queueTime=int(at)
                )
            self._emit_assigned(interaction)
            self._emit(interaction, "InteractionAccepted", "CS_CONNECTED")
        else:
            self._emit(interaction, "InteractionCreated", "CS_IDLE", inboundChannelid="N/A")
            self._emit_assigned(interaction)
            self._answer(interaction)
        self._settle()

    def _history_call_ends(self, agent: Agent, at: float, holder: dict[str, Interaction]) -> None:
        """The customer hangs up at `at`: the line frees and the wrap-up opens (as `customer_hangs_up`)."""
        interaction = holder["call"]
        self._release(agent, agent.lines.index(interaction.id), initiator="CUSTOMER")
        interaction.ended = True
        self._settle()

    # -- Call API -------------------------------------------------------------------------------------------

    def place_call(
        self,
        agent_id: str,
        prefix: str,
        number: str,
        caller_id: str,
        *,
        queue_id: str | None = None,
        dial_plan_id: str | None = None,
        force_call: bool = False,
        ext_transaction_data: Iterable[Mapping[str, str]] = (),
        ctl_user_data: Iterable[Mapping[str, str]] = (),
    ) -> tuple[str, list[str]]:
        """Place a call on the agent's first free line; answer the interaction id and the success reasons."""
        with self._lock:
            self._expire()
            if queue_id is not None and queue_id not in self.queues:
                raise SimError(400, f"Invalid queueId=[{queue_id}]: no such queue")
            if dial_plan_id is not None and dial_plan_id not in self.dial_plans:
                raise SimError(400, f"Invalid dialplanId=[{dial_plan_id}]: no such dial plan")
            agent = self.agents.get(agent_id)
            if agent is None:
                raise SimError(400, f"Agent [{agent_id}] was not found")
            free = [i for i, iid in enumerate(agent.lines) if iid is None]
            if agent.status in _UNREACHABLE or not free:
                raise SimError(400, f"Agent=[{agent_id}] not available to handle interaction")
            busy = len(free) < len(agent.lines)
            if busy and not force_call:
                raise SimError(
                    400,
                    f"Agent=[{agent_id}] not available to handle interaction, "
                    "already on busy phone interaction",
                )
            now = self.now()
            iid = self._new_interaction_id()
            interaction = self.interactions[iid] = Interaction(
                id=iid,
                agent_id=agent_id,
                line=free[0] + 1,
                prefix=prefix,
                number=number,
                caller_id=caller_id,
                presented_caller_id=caller_id if caller_id in self.caller_ids else agent.caller_id,
                queue_id=queue_id,
                dial_plan_id=dial_plan_id or agent.dial_plan_id,
                force_call=force_call,
                ext_transaction_data=[dict(d) for d in ext_transaction_data],
                ctl_user_data=[dict(d) for d in ctl_user_data],
                started=now,
                transaction_num=self._next_transaction_num(),
                rings_until=now + self.ring_seconds if self.ring_seconds is not None else math.inf,
            )
            agent.lines[free[0]] = iid
            self._emit(interaction, "InteractionCreated", "CS_IDLE", inboundChannelid="N/A")
            self._emit_assigned(interaction)
            if self.outbound_accepted_event:
                self._emit(interaction, "InteractionAccepted", "CS_INPROGRESS")
            self._expire()
            reasons = ["Call successfully initiated"]
            if busy:
                reasons.append("Agent is handling other interactions")
            return iid, reasons

    def set_transaction_codes(
        self, iid: str, agent_id: str, selections: Iterable[tuple[int, Iterable[int]]]
    ) -> None:
        """Amend the interaction's codes: each given list's selection replaces that list's previous one."""
        with self._lock:
            self._expire()
            interaction = self._interaction(iid)
            live, wrapping = self._phase(interaction)
            if not live and not wrapping:
                raise SimError(410, f"Interaction is already terminated {iid}")
            if agent_id != interaction.agent_id:
                raise SimError(400, f"Interaction [{iid}] for agent [{agent_id}] was not found")
            chosen: dict[int, list[int]] = {}
            for list_id, items in selections:
                picked = chosen.setdefault(list_id, [])
                picked.extend(i for i in items if i not in picked)
            for list_id, items in chosen.items():
                code_list = self.code_lists.get(list_id)
                if code_list is None and not items:
                    raise SimError(400, f"Invalid transaction code list, listId=[{list_id}]")
                for item in items:
                    if code_list is None or item not in code_list.items:
                        raise SimError(400, f"Invalid transaction code, listId=[{list_id}] itemId=[{item}]")
            single = [
                lid
                for lid, items in chosen.items()
                if len(items) > 1 and not self.code_lists[lid].multiple_choice
            ]
            if single:
                raise SimError(
                    400,
                    f"Invalid transaction codes, lists=[{', '.join(map(str, single))}] "
                    "are not supporting multiple choice",
                )
            merged = {**interaction.codes, **chosen}
            if sum(len(items) for items in merged.values()) > MAX_CODES:
                raise SimError(
                    400, f"Invalid transaction codes, a maximum of {MAX_CODES} codes can be assigned"
                )
            interaction.codes = {lid: items for lid, items in merged.items() if items}
            self._expire()

    def hang_up(self, iid: str, agent_id: str) -> str:
        """Hang up the agent's leg of the call; the agent goes to post-processing."""
        with self._lock:
            self._expire()
            interaction = self._interaction(iid)
            live, wrapping = self._phase(interaction)
            if interaction.ended or not (live or wrapping):
                raise SimError(410, f"Interaction is already terminated {iid}")
            if agent_id != interaction.agent_id or not live:
                raise SimError(400, f"Interaction [{iid}] for agent [{agent_id}] was not found")
            agent = self.agents[agent_id]
            self._release(agent, agent.lines.index(iid))
            self._expire()
            return f"Hangup for agent [{self._leg(agent)}] leg in interaction [{iid}] was successful"

    def end_call(self, iid: str, *, end_post_processing: bool = False) -> str:
        """End the call; with `end_post_processing` its wrap-up closes at once, mandatory codes or not."""
        with self._lock:
            self._expire()
            interaction = self._interaction(iid)
            live, wrapping = self._phase(interaction)
            if not (live or wrapping) or (interaction.ended and not (end_post_processing and wrapping)):
                raise SimError(410, f"Interaction is already terminated {iid}")
            agent = self.agents[interaction.agent_id]
            if live:
                self._release(agent, agent.lines.index(iid))
            interaction.ended = True
            if end_post_processing:
                self._close_wrap_up(agent, iid)
            self._expire()
            return f"Ending call with interactionGuid=[{iid}] was successful"

    def snapshot_lines(self, agent_id: str) -> list[str | None]:
        """The interaction on each of the agent's lines (None: free), for tests and the demo."""
        with self._lock:
            self._expire()
            return list(self._phone_agent(agent_id).lines)

    def open_wrap_ups(self, agent_id: str) -> list[str]:
        """The interactions whose wrap-up is open for the agent, for tests and the demo."""
        with self._lock:
            self._expire()
            return list(self._phone_agent(agent_id).wrap_ups)

    def customer_hangs_up(self, iid: str) -> None:
        """The other party hangs up: the call ends, the agent's line is freed and its wrap-up opens."""
        with self._lock:
            self._expire()
            interaction = self._interaction(iid)
            live, _ = self._phase(interaction)
            if interaction.ended or not live:
                raise SimError(410, f"Interaction is already terminated {iid}")
            agent = self.agents[interaction.agent_id]
            self._release(agent, agent.lines.index(iid), initiator="CUSTOMER")
            interaction.ended = True
            self._expire()

    def _ringing(self, iid: str) -> Interaction:
        interaction = self._interaction(iid)
        live, _ = self._phase(interaction)
        if interaction.ended or not live:
            raise SimError(410, f"Interaction is already terminated {iid}")
        if interaction.rings_until is None:
            raise SimError(409, f"Interaction [{iid}] is not ringing: the customer has answered")
        return interaction

    def customer_answers(self, iid: str) -> None:
        """The customer answers a placed call that is still ringing (InteractionCustomerAccepted)."""
        with self._lock:
            self._expire()
            self._answer(self._ringing(iid))
            self._expire()

    def call_not_answered(self, iid: str) -> None:
        """A placed call still ringing is not answered: the line frees with no wrap-up, the call is over."""
        with self._lock:
            self._expire()
            interaction = self._ringing(iid)
            agent = self.agents[interaction.agent_id]
            agent.lines[agent.lines.index(iid)] = None
            interaction.rings_until = None
            interaction.ended = True
            interaction.hangup = ("SYSTEM", "CEC_DISCONNECT_NOANSWER")
            self._emit_deleted(interaction)
            self._expire()

    def another_call_arrives(
        self,
        agent_id: str,
        *,
        prefix: str = "1",
        number: str = "5515557212",
        name: str = "Andrew Cunningh",
        queue_id: str | None = None,
    ) -> str:
        """An inbound call (the documents' sample caller by default) is offered to the agent, who accepts it on
        the first free line; answer its interaction id. Hang-up, end and free line work on it as on any call.
        409 when the agent has no free line or is logged out, on break or unknown; 404 for no such agent."""
        with self._lock:
            self._expire()
            agent = self.agents.get(agent_id)
            if agent is None:
                raise SimError(404, "The agent does not exist.")
            queue_id = queue_id if queue_id is not None else self.inbound_queue_id
            if queue_id is not None and queue_id not in self.queues:
                raise SimError(400, f"Invalid queueId=[{queue_id}]: no such queue")
            free = [i for i, iid in enumerate(agent.lines) if iid is None]
            if agent.status in _UNREACHABLE or not free:
                raise SimError(409, f"Agent=[{agent_id}] not available to handle interaction")
            now = self.now()
            iid = self._new_interaction_id()
            interaction = self.interactions[iid] = Interaction(
                id=iid,
                agent_id=agent_id,
                line=free[0] + 1,
                prefix=prefix,
                number=number,
                caller_id=self.default_caller_id,
                presented_caller_id=self.default_caller_id,
                queue_id=queue_id,
                dial_plan_id=agent.dial_plan_id,
                force_call=False,
                ext_transaction_data=[],
                ctl_user_data=[],
                started=now,
                direction="in",
                calling_name=name,
                transaction_num=self._next_transaction_num(),
            )
            channel = self.default_caller_id
            self._emit(
                interaction,
                "InteractionCreated",
                "CS_QUEUED",
                inboundChannelid=int(channel) if channel.isdigit() else channel,
            )
            if queue_id is not None:
                self._emit(
                    interaction, "InteractionQueued", "CS_QUEUED", isAgentInitiated=False, queueTime=int(now)
                )
            agent.lines[free[0]] = iid
            self._emit_assigned(interaction)
            self._emit(interaction, "InteractionAccepted", "CS_CONNECTED")
            self._expire()
            return iid

    def publish_unknown_event(self, agent_id: str, *, name: str | None = None) -> Message:
        """Publish an event ccdesk does not handle, for the agent: the documented AgentProvChange sample
        (AgentSkillChanged), or with `name` a made-up Interaction event type ("new event types may be added")."""
        with self._lock:
            agent = self._phone_agent(agent_id)
            body: dict[str, Any]
            if name is None:
                body = {
                    "agentId": agent.id,
                    "enabled": "yes",
                    "event": "AgentSkillChanged",
                    "skillId": f"{self.tenant}-{agent.id}-phone-529-{agent.leg_id}",
                    "tenantSkillId": f"{self.tenant}-phone-529-{agent.leg_id}",
                }
                return self.events.publish("AgentProvChange", body, agents=(agent.id,))
            live = next((iid for iid in agent.lines if iid), None)
            body = {
                "event": name,
                "interactionGUID": live or self._new_interaction_id(),
                "agentId": agent.id,
                "participatingAgents": agent.id,
                "interactionEventTS": int(self.now()),
                "resourceType": 0,
            }
            return self.events.publish("Interaction", body, agents=(agent.id,))

    def _phone_agent(self, agent_id: str) -> Agent:
        agent = self.agents.get(agent_id)
        if agent is None:
            raise SimError(400, f"Agent [{agent_id}] was not found")
        return agent

    def free_lines(self, agent_id: str) -> str:
        """End the agent's part in the calls on both lines; each goes to post-processing like a hang-up."""
        with self._lock:
            self._expire()
            agent = self._phone_agent(agent_id)
            held = [i for i, iid in enumerate(agent.lines) if iid is not None]
            if not held:
                raise SimError(400, f"Agent [{agent_id}] has no phone interactions in progress.")
            for index in held:
                self._release(agent, index)
            self._expire()
            return f"Hangup all calls for agent [{self._leg(agent)}] was successful."

    def free_line(self, agent_id: str, line: str) -> str:
        """Free line 1 or 2 of the agent; the call on it goes to post-processing like a hang-up."""
        with self._lock:
            self._expire()
            if line not in ("1", "2"):
                raise SimError(400, f"Invalid line number [{line}]: an agent has lines 1 and 2.")
            agent = self._phone_agent(agent_id)
            index = int(line) - 1
            if agent.lines[index] is None:
                raise SimError(
                    400, f"Failed to find any interaction on line [{line}] for agent [{agent_id}]."
                )
            interaction = self._release(agent, index)
            self._expire()
            return (
                f"Hangup for agent [{self._leg(agent)}] leg on line [{line}] assigned to interaction "
                f"[{interaction.id}] was successful."
            )

    # -- Agent Status API -----------------------------------------------------------------------------------

    def _record(self, agent: Agent) -> dict[str, Any]:
        record: dict[str, Any] = {"agent-id": agent.id, "agent-status": self._status_of(agent)}
        if agent.status_code_list_id is not None:
            record["status-code-list-id"] = agent.status_code_list_id
            record["status-code-item-id"] = agent.status_code_item_id
            status_list = self.status_code_lists.get(agent.status_code_list_id)
            item_id = agent.status_code_item_id
            if status_list and item_id is not None and item_id in status_list.items:
                record["status-code-item-short-code"] = status_list.items[item_id][0]
        record["name"] = agent.name
        if agent.sub_status is not None:
            record["agent-sub-status"] = agent.sub_status
        return record

    def roster(self, group_id: str | None = None) -> list[dict[str, Any]]:
        """Every agent (of one agent group, when given) in the document's "data" shape."""
        with self._lock:
            self._expire()
            return [
                self._record(agent)
                for agent in self.agents.values()
                if group_id is None or group_id in agent.groups
            ]

    def agent_record(self, agent_id: str) -> dict[str, Any]:
        """One agent in the document's shape; 404 when unknown."""
        with self._lock:
            self._expire()
            agent = self.agents.get(agent_id)
            if agent is None:
                raise SimError(404, "The agent does not exist.")
            return self._record(agent)

    def set_agent_status(self, agent_id: str, change: Mapping[str, Any]) -> None:
        """Apply one Agent Status API change (the JSON object of the request) or raise its per-agent error."""
        with self._lock:
            self._expire()
            agent = self.agents.get(agent_id)
            if agent is None:
                raise SimError(404, "The agent does not exist.")
            status = change.get("agent-status")
            if type(status) is not int or status not in SETTABLE_STATUSES:
                raise SimError(400, "The agent status is invalid.")
            list_id, item_id = change.get("status-code-list-id"), change.get("status-code-item-id")
            short_code = change.get("status-code-item-short-code")
            if list_id is not None or item_id is not None or short_code is not None:
                status_list = self.status_code_lists.get(list_id) if type(list_id) is int else None
                if status_list is None:
                    raise SimError(400, "The status code list id is invalid.")
                if type(item_id) is not int or item_id not in status_list.items:
                    raise SimError(400, "The status code item id is invalid.")
                if short_code is None:
                    raise SimError(400, "The status code item short code is required.")
                if short_code != status_list.items[item_id][0]:
                    raise SimError(400, "The status code item short code is invalid.")
            for iid in list(agent.wrap_ups):
                self._close_wrap_up(agent, iid)
            agent.status = status
            agent.status_code_list_id, agent.status_code_item_id = list_id, item_id
            self._publish_status(agent)
            self._expire()

    # -- simulator control ----------------------------------------------------------------------------------

    def force_agent(
        self,
        agent_id: str,
        status: int,
        *,
        status_code_list_id: int | None = None,
        status_code_item_id: int | None = None,
        sub_status: str | None = None,
    ) -> None:
        """Put an agent in any status (0-11), unchecked, for tests; wrap-ups and lines stay as they are."""
        with self._lock:
            agent = self.agents.get(agent_id)
            if agent is None:
                raise SimError(404, "The agent does not exist.")
            agent.status = AgentStatus(status)
            agent.status_code_list_id, agent.status_code_item_id = status_code_list_id, status_code_item_id
            agent.sub_status = sub_status
            self._publish_status(agent)

    def snapshot(self) -> dict[str, Any]:
        """Agents, lines, wrap-ups and interactions with names, JSON-ready for state dumps and tests."""
        with self._lock:
            self._expire()
            now = self.now()
            agents = [
                {
                    **self._record(agent),
                    "groups": list(agent.groups),
                    "base-status": agent.status,
                    "lines": list(agent.lines),
                    "post-processing": {iid: max(0.0, until - now) for iid, until in agent.wrap_ups.items()},
                }
                for agent in self.agents.values()
            ]
            interactions = []
            for interaction in self.interactions.values():
                live, wrapping = self._phase(interaction)
                queue = self.queues.get(interaction.queue_id or "")
                interactions.append(
                    {
                        "id": interaction.id,
                        "agentId": interaction.agent_id,
                        "line": interaction.line,
                        "state": "live" if live else "post-processing" if wrapping else "terminated",
                        "direction": interaction.direction,
                        "ringing": interaction.rings_until is not None,
                        "ended": interaction.ended,
                        "prefix": interaction.prefix,
                        "number": interaction.number,
                        "callerId": interaction.caller_id,
                        "presentedCallerId": interaction.presented_caller_id,
                        "queueId": interaction.queue_id,
                        "queueName": queue.name if queue else None,
                        "dialplanId": interaction.dial_plan_id,
                        "dialplanName": self.dial_plans.get(interaction.dial_plan_id),
                        "forceCall": interaction.force_call,
                        "extTransactionData": interaction.ext_transaction_data,
                        "ctlUserData": interaction.ctl_user_data,
                        "started": interaction.started,
                        "codes": [
                            {
                                "id": lid,
                                "name": self.code_lists[lid].name,
                                "codes": [{"id": i, "name": self.code_lists[lid].items[i]} for i in items],
                            }
                            for lid, items in interaction.codes.items()
                        ],
                        "missingMandatoryLists": self._missing_mandatory(interaction),
                    }
                )
            return {"tenant": self.tenant, "now": now, "agents": agents, "interactions": interactions}
