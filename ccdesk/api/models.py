"""Typed requests and results of the 8x8 Call and Agent Status APIs.

Requests know how to turn themselves into the exact JSON the document shows; results are parsed defensively
from whatever the server sent, so a missing or oddly typed field never crashes a caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, overload

from ccdesk.api import ids
from ccdesk.api.errors import InvalidInput
from ccdesk.api.words import translate

MAX_TRANSACTION_CODES = 6
MAX_BULK_AGENTS = 100
#: The largest roster page the Agent Status API serves (its OpenAPI file: PageResult.pageSize maximum 500).
MAX_PAGE_SIZE = 500
#: The bulk status endpoint's methods, in the order tried: the OpenAPI file (and the API Reference built from
#: it) says POST, the guide says PUT. The client falls back to the other on 404 or 405.
BULK_STATUS_METHODS = ("POST", "PUT")


class AgentState(IntEnum):
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

    @property
    def label(self) -> str:
        """Words an agent or supervisor reads."""
        return _STATE_LABELS[self]


_STATE_LABELS = {
    AgentState.UNKNOWN: "Unknown (never logged in)",
    AgentState.LOGGED_OUT: "Logged out",
    AgentState.LOGGED_IN: "Logged in",
    AgentState.ON_BREAK: "On break",
    AgentState.WAIT_TRANSACT: "Available",
    AgentState.WORK_OFFLINE: "Work offline",
    AgentState.TRANSACT_OFFERED: "Offered",
    AgentState.PROCESS_TRANSACT: "Processing",
    AgentState.POST_PROCESS: "Wrap-up",  # 8x8's post-processing, in the one vocabulary
    AgentState.BUSY: "Busy",
    AgentState.DIRECT_CALL: "Direct call",
    AgentState.ON_EMAIL: "On email",
}

#: The statuses the Agent Status API can set.
SETTABLE_STATES = frozenset(
    {AgentState.LOGGED_OUT, AgentState.ON_BREAK, AgentState.WAIT_TRANSACT, AgentState.WORK_OFFLINE}
)


def state_label(code: int) -> str:
    """Label for any status code, including ones newer than this client."""
    try:
        return AgentState(code).label
    except ValueError:
        return f"Status {code}"


@dataclass(frozen=True)
class NameValue:
    """One element of extTransactionData or ctlUserData: both sent as strings."""

    name: str
    value: str

    def __post_init__(self) -> None:
        ids.data_name(self.name)
        ids.data_value(self.value)

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value}


def _digits_field(
    label: str, value: str, refused: Callable[[], str], *, allow_empty: bool = False, extra: str = ""
) -> str:
    """`value` when it is digits (and the `extra` characters) only; `refused()` says otherwise, with {value}."""
    if not isinstance(value, str):  # only code passes other types: a programmer's error, said in English
        raise InvalidInput(f"{label} must be text, not {type(value).__name__}.")
    if value == "" and allow_empty:
        return value
    if not value or not all(ch in "0123456789" + extra for ch in value):
        raise InvalidInput(refused().format(value=repr(value)))
    return value


#: The longest number and prefix sent: the link parser's bound too (E.164 allows 15 digits; extensions,
#: `*` and `#` codes need a little more).
MAX_NUMBER = 32
MAX_PREFIX = 8


@dataclass(frozen=True)
class PlaceCallRequest:
    """Body of "Place Call For Agent".

    `prefix` may be empty (the document says it must be passed but can be ""). `caller_id` empty asks the
    platform to present the agent's configured caller id, as the document describes; it is always sent
    because the document marks it required. Unset optional fields are omitted, never sent as null.
    """

    agent_id: str
    prefix: str
    number: str
    caller_id: str = ""
    queue_id: str | None = None
    dialplan_id: str | None = None
    force_call: bool = False
    ext_transaction_data: tuple[NameValue, ...] = ()
    ctl_user_data: tuple[NameValue, ...] = ()

    def __post_init__(self) -> None:
        if self.agent_id is None:
            raise InvalidInput(translate("PlaceCallRequest", "Agent id is required."))
        ids.agent_id(self.agent_id)
        _digits_field(
            "Prefix",
            self.prefix,
            lambda: translate("PlaceCallRequest", "Prefix must be digits only, got {value}."),
            allow_empty=True,
        )
        _digits_field(
            "Number",
            self.number,
            lambda: translate("PlaceCallRequest", "Number must be digits and * # only, got {value}."),
            extra="*#",
        )
        if len(self.prefix) > MAX_PREFIX or len(self.number) > MAX_NUMBER:
            raise InvalidInput(
                translate(
                    "PlaceCallRequest",
                    "The number is too long to dial (prefix at most {prefix} digits, number at most {number}).",
                ).format(prefix=MAX_PREFIX, number=MAX_NUMBER)
            )
        ids.caller_id(self.caller_id)
        if self.queue_id is not None:
            ids.queue_id(self.queue_id)
        if self.dialplan_id is not None:
            ids.dialplan_id(self.dialplan_id)
        if not isinstance(self.force_call, bool):
            raise InvalidInput("forceCall must be true or false.")
        object.__setattr__(self, "ext_transaction_data", tuple(self.ext_transaction_data))
        object.__setattr__(self, "ctl_user_data", tuple(self.ctl_user_data))

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "agentId": self.agent_id,
            "prefix": self.prefix,
            "number": self.number,
            "callerId": self.caller_id,
        }
        if self.queue_id is not None:
            body["queueId"] = self.queue_id
        if self.force_call:
            body["forceCall"] = True
        if self.dialplan_id is not None:
            body["dialplanId"] = self.dialplan_id
        if self.ext_transaction_data:
            body["extTransactionData"] = [item.to_json() for item in self.ext_transaction_data]
        if self.ctl_user_data:
            body["ctlUserData"] = [item.to_json() for item in self.ctl_user_data]
        return body


@dataclass(frozen=True, order=True)
class TransactionCode:
    """One transaction code: a list id and an item id, both integers on the wire."""

    list_id: int
    item_id: int

    def __post_init__(self) -> None:
        ids.code_id("transaction code list id", self.list_id)
        ids.code_id("transaction code item id", self.item_id)

    @classmethod
    def parse(cls, text: str) -> TransactionCode:
        """Parse `LIST:ITEM` as typed by a person (spaces around the colon allowed)."""
        parts = text.split(":")
        if len(parts) != 2:
            raise InvalidInput(
                translate(
                    "TransactionCode", "A transaction code is LIST:ITEM with two whole numbers, got {value}."
                ).format(value=ids.shown(text))
            )
        return cls(
            ids.code_id("transaction code list id", parts[0]),
            ids.code_id("transaction code item id", parts[1]),
        )

    def __str__(self) -> str:
        return f"{self.list_id}:{self.item_id}"


def transaction_codes_body(codes: Iterable[TransactionCode]) -> dict[str, Any]:
    """Group codes into one selection per list, refusing what the platform would refuse anyway."""
    codes = list(codes)
    if not codes:
        raise InvalidInput(translate("Models", "Choose at least one transaction code."))
    if len(set(codes)) != len(codes):
        raise InvalidInput(translate("Models", "The same transaction code is listed twice."))
    if len(codes) > MAX_TRANSACTION_CODES:  # more than six: "were given" is always plural
        raise InvalidInput(
            translate(
                "Models", "At most {most} transaction codes can be set on a call; {given} were given."
            ).format(most=MAX_TRANSACTION_CODES, given=len(codes))
        )
    grouped: dict[int, list[int]] = {}
    for code in codes:
        grouped.setdefault(code.list_id, []).append(code.item_id)
    return {
        "selections": [
            {"id": list_id, "codes": [{"id": item} for item in items]} for list_id, items in grouped.items()
        ]
    }


@dataclass(frozen=True)
class ApiResult:
    """A successful Call API answer: the platform's reasons verbatim and its message."""

    reasons: tuple[str, ...] = ()
    message: str = ""
    status: int = 200

    @property
    def summary(self) -> str:
        return "; ".join(self.reasons) or self.message or f"HTTP {self.status}"


@dataclass(frozen=True)
class PlaceCallResult(ApiResult):
    """A placed call. `interaction_id` comes from `interactionGuid` (document) or `id` (OpenAPI)."""

    interaction_id: str = ""

    @property
    def agent_was_busy(self) -> bool:
        """True when forceCall put the call through although the agent had other interactions."""
        return any("handling other interactions" in r for r in self.reasons)


@dataclass(frozen=True)
class AgentStatus:
    """One agent as the Agent Status API reports it."""

    agent_id: str
    name: str = ""
    status: int = 0
    status_code_list_id: int | None = None
    status_code_item_id: int | None = None
    status_code_short_code: str | None = None
    sub_status: str | None = None

    @property
    def label(self) -> str:
        return state_label(self.status)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AgentStatus:
        return cls(
            agent_id=str(data.get("agent-id", "")),
            name=str(data.get("name") or ""),
            status=_as_int(data.get("agent-status"), 0),
            status_code_list_id=_as_int(data.get("status-code-list-id"), None),
            status_code_item_id=_as_int(data.get("status-code-item-id"), None),
            status_code_short_code=_as_str(data.get("status-code-item-short-code")),
            sub_status=_as_str(data.get("agent-sub-status")),
        )


@dataclass(frozen=True)
class StatusChange:
    """A status to set, with or without a status code (the reason beside it).

    The guide marks `status-code-list-id`, `status-code-item-id` and `status-code-item-short-code` required;
    the OpenAPI file requires only `agent-status`. So a status code is sent whole, all three fields, or not
    at all: never a list and item without the short code the guide asks for.
    """

    status: int
    list_id: int | None = None
    item_id: int | None = None
    short_code: str | None = None

    def __post_init__(self) -> None:
        if self.status not in SETTABLE_STATES:
            allowed = ", ".join(f"{s.value} {s.label}" for s in sorted(SETTABLE_STATES))
            raise InvalidInput(f"Status {self.status} cannot be set through the API; use one of {allowed}.")
        for label, value in (("status code list id", self.list_id), ("status code item id", self.item_id)):
            if value is not None:
                ids.code_id(label, value)
        if self.short_code is not None and not isinstance(self.short_code, str):
            raise InvalidInput(f"The status code's short code must be text, got {self.short_code!r}.")
        if (self.short_code or "").strip():
            ids.short_code(self.short_code)
        given = (self.list_id is not None, self.item_id is not None, bool((self.short_code or "").strip()))
        if any(given) and not all(given):
            raise InvalidInput(
                translate(
                    "StatusChange",
                    "A status code needs its list id, item id and short code together (LIST:ITEM:SHORT, e.g. "
                    "801:1725:Lunch); got {list}:{item}:{short}.",
                ).format(list=self.list_id, item=self.item_id, short=self.short_code or "")
            )

    @classmethod
    def parse_code(cls, status: int, text: str) -> StatusChange:
        """Build from `LIST:ITEM:SHORT` as typed on the command line."""
        parts = text.split(":", 2)
        if len(parts) != 3:
            raise InvalidInput(
                translate(
                    "StatusChange", "A status code is LIST:ITEM:SHORT, e.g. 801:1725:Lunch; got {value}."
                ).format(value=ids.shown(text))
            )
        list_id = ids.code_id("status code list id", parts[0])
        item_id = ids.code_id("status code item id", parts[1])
        return cls(status, list_id, item_id, parts[2].strip())  # __post_init__ checks the short code

    @property
    def code(self) -> StatusCode | None:
        """The status code sent with the status, if any."""
        if self.list_id is None or self.item_id is None or not self.short_code:
            return None
        return StatusCode(self.list_id, self.item_id, self.short_code)

    def to_json(self) -> dict[str, Any]:
        """The guide's body: `agent-status`, and the three status-code fields when a code is chosen."""
        body: dict[str, Any] = {"agent-status": int(self.status)}
        if self.code is not None:
            body["status-code-list-id"] = self.list_id
            body["status-code-item-id"] = self.item_id
            body["status-code-item-short-code"] = self.short_code
        return body


@dataclass(frozen=True)
class StatusCode:
    """One of the tenant's status codes: a list id, an item id, the short code 8x8 shows, and a name for people.

    There is no API that lists them: they come from the profile (typed from Configuration Manager > Status
    Codes) and from the roster (an agent's current code, as the guide suggests).
    """

    list_id: int
    item_id: int
    short_code: str
    name: str = ""

    def __post_init__(self) -> None:
        if not _whole(self.list_id):
            raise InvalidInput(
                translate(
                    "StatusCode", "A status code's list id must be a whole number, got {value}."
                ).format(value=repr(self.list_id))
            )
        if not _whole(self.item_id):
            raise InvalidInput(
                translate(
                    "StatusCode", "A status code's item id must be a whole number, got {value}."
                ).format(value=repr(self.item_id))
            )
        if not isinstance(self.short_code, str) or not self.short_code.strip():
            raise InvalidInput(
                translate(
                    "StatusCode", "A status code needs its short code (Configuration Manager > Status Codes)."
                )
            )
        if not isinstance(self.name, str):
            raise InvalidInput(
                translate("StatusCode", "A status code's name must be text, got {value}.").format(
                    value=repr(self.name)
                )
            )

    @property
    def key(self) -> tuple[int, int]:
        """What identifies the code on the platform: its list and item."""
        return (self.list_id, self.item_id)

    @property
    def label(self) -> str:
        """`Lunch — Lunch break (801:1725)`, for pickers."""
        name = f" — {self.name}" if self.name and self.name != self.short_code else ""
        return f"{self.short_code}{name} ({self.list_id}:{self.item_id})"

    def change(self, status: int) -> StatusChange:
        """A change to `status` with this code."""
        return StatusChange(status, self.list_id, self.item_id, self.short_code)


@dataclass(frozen=True)
class StatusChangeResult:
    """The outcome for one agent: `change_status` is an HTTP-like code (200 done)."""

    agent_id: str
    change_status: int
    reason: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.change_status < 300

    @classmethod
    def from_json(cls, data: Mapping[str, Any], agent_id: str = "") -> StatusChangeResult:
        return cls(
            agent_id=str(data.get("agent-id") or agent_id),
            change_status=_as_int(data.get("change-status"), 0) or 0,
            reason=str(data.get("reason") or ""),
            message=str(data.get("message") or ""),
        )


@dataclass(frozen=True)
class BulkStatusRequest:
    """One agent's entry in a bulk status change."""

    agent_id: str
    change: StatusChange = field(default_factory=lambda: StatusChange(AgentState.WAIT_TRANSACT))

    def __post_init__(self) -> None:
        if self.agent_id is None:
            raise InvalidInput(translate("BulkStatusRequest", "Agent id is required."))
        ids.agent_id(self.agent_id)
        if not isinstance(self.change, StatusChange):
            raise InvalidInput("A bulk status entry needs a StatusChange.")

    def to_json(self) -> dict[str, Any]:
        return {"agent-id": self.agent_id, **self.change.to_json()}


def _whole(value: Any) -> bool:
    """An int that is not a bool: what a list or item id is."""
    return isinstance(value, int) and not isinstance(value, bool)


@overload
def _as_int(value: Any, default: int) -> int: ...
@overload
def _as_int(value: Any, default: None) -> int | None: ...
def _as_int(value: Any, default: int | None) -> int | None:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return default


def _as_str(value: Any) -> str | None:
    return None if value is None else str(value)
