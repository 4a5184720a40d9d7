"""The simulator's HTTP face as a pure function: `Simulator.handle(SimRequest) -> SimResponse`.

It owns what the model does not: routing, Basic auth, JSON shapes, the request log, latency and injected
faults. It never sleeps or touches a socket; a `SimResponse` says how long to wait (`delay`) and whether the
connection must fail instead of answering (`network`), and the transport (transport.py) or the server
(server.py) acts it out, so both faces fail the same way.

Control endpoints, outside /api/v1, without auth, never logged, delayed or faulted::

    GET    /_sim/requests            the request log (list of {method, path, query, headers, json, body})
    DELETE /_sim/requests            clear it
    GET    /_sim/faults              the pending faults
    POST   /_sim/faults              add a fault (JSON below)
    DELETE /_sim/faults              clear them
    POST   /_sim/latency             {"seconds": 0.5}
    POST   /_sim/agent-status-api    {"enabled": false}
    POST   /_sim/bulk-status-method  {"method": "PUT"}   the only method the bulk endpoint accepts (null: both)
    GET    /_sim/state               agents, lines, wrap-ups, interactions
    POST   /_sim/agents/{id}         {"status": 3, "status-code-list-id": 801, "status-code-item-id": 1725,
                                      "agent-sub-status": "none"}   force any status, unchecked
    POST   /_sim/clock               {"advance": 30}   move the simulated clock
    POST   /_sim/interactions/{iid}/customer-hangup      the customer hangs up (the call goes to wrap-up)
    POST   /_sim/interactions/{iid}/answer               the customer answers a placed call that rings
    POST   /_sim/interactions/{iid}/no-answer            a placed call that rings is not answered (line freed)
    POST   /_sim/agents/{id}/inbound-call   {"prefix": "1", "number": "5515557212", "name": "...",
                                             "queueId": "591"}   (all optional) another call arrives:
                                             answers {"interaction": iid, "line": n}

The event stream (stream.py serves it; events.py says how it behaves)::

    GET    /_sim/stream              {"connections": n, "silent": bool, "messages": retained, "keys": n}
    GET    /_sim/events              the retained events: their envelopes with "topics" and the decoded "event"
    POST   /_sim/stream/drop         {"after": 0}      close every connection (no close frame) after N frames
    POST   /_sim/stream/duplicate    {"count": 1}      send the next N frames twice (redeliveryCount 1)
    POST   /_sim/stream/reorder      {}                swap the next two frames
    POST   /_sim/stream/silence      {"on": true}      the wrong region: connections succeed, nothing is sent
    POST   /_sim/stream/unknown-event {"agentId": "ag...", "name": "InteractionSomethingNew"}
                                     publish an unhandled event (without name: the documented AgentProvChange)
    POST   /_sim/stream/keys         {"key": "eght_...", "topics": ["agent-v1/*"]}   accept a key for these
                                     topics (null: all)
    DELETE /_sim/stream/keys/{key}   stop accepting a key

A fault (`Fault.from_dict`)::

    {"kind": "status" | "drop" | "refuse" | "timeout" | "malformed",
     "status": 503,            # the answer's status (malformed: 200; timeout without apply: 504)
     "body": "json" | "problem" | "xml" | "html" | "text" | "empty",
     "reasons": ["..."],       # for the json and problem bodies
     "retry_after": 5,         # seconds (or an HTTP date string) for a Retry-After header
     "count": 1,               # the next N matching requests (the default without rate) ...
     "rate": 0.25,             # ... or each matching request with this probability (seeded RNG)
     "method": "POST", "path_contains": "/calls",   # optional filters
     "delay": 10,              # timeout: seconds before the answer comes (a client timing out first fails);
                               # the answer is the real one when applied, else a status answer as above
     "apply": false}           # carry the request out before failing it (default true for timeout only)

Faults apply after the request is logged, except "refuse", which never reaches the server.

The roster (GET .../agentstatus/agents) follows the Agent Status OpenAPI file: `groupId` filters it, and with
`pageSize` (1 to 500) or `pageIndex` (0-based; alone it pages by 100, the parameter's example) it is cut into
pages and the answer carries `page` {pageSize, totalElements, totalPages, pageIndex}. Without them the whole
roster comes in one answer, without `page`.

The bulk status endpoint takes PUT (the guide) and POST (the OpenAPI file); `bulk_status_method` (an option,
the scenario's key, or the control endpoint) makes it accept only one and answer 405 to the other.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote

from ccdesk.sim.events import StreamControl
from ccdesk.sim.state import BULK_STATUS_METHODS, MAX_BULK_AGENTS, SimError, TenantState

DEMO_TOKEN = "demo-token"
#: the event stream's key in the demo ("eght_" like an Admin Console key), allowed every topic
DEMO_STREAM_KEY = "eght_demo-stream-key"
API_PREFIX = ("", "api", "v1", "tenants")
FAULT_KINDS = ("status", "drop", "refuse", "timeout", "malformed")
BODY_KINDS = ("json", "problem", "xml", "html", "text", "empty")
NetworkFault = Literal["drop", "refuse"]
_XML_FORBIDDEN = b"<API><Error>403 - Forbidden.</Error></API>"
_JSON = "application/json"
_BULK = ("agentstatus", "agents", "bulk")
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100


@dataclass(frozen=True)
class SimRequest:
    """One HTTP request as the simulator sees it: the raw (still percent-encoded) path and query."""

    method: str
    path: str
    query: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """A header by case-insensitive name."""
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)


@dataclass
class SimResponse:
    """What to answer, after `delay` seconds; or, with `network` set, how the connection fails instead."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    network: NetworkFault | None = None

    def json(self) -> Any:
        """The body parsed as JSON, for tests."""
        return json.loads(self.body)


@dataclass(frozen=True)
class LoggedRequest:
    """A request that reached the simulated server (header names lower-cased, query values last-wins)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    body: bytes

    def as_json(self) -> dict[str, Any]:
        """JSON-ready form for GET /_sim/requests."""
        return {**asdict(self), "body": self.body.decode("utf-8", "replace")}


@dataclass
class Fault:
    """One injected failure; `count` counts down the matching requests it still applies to."""

    kind: str
    status: int = 503
    body: str = "json"
    reasons: list[str] = field(default_factory=list)
    retry_after: float | str | None = None
    count: int | None = None
    rate: float | None = None
    method: str | None = None
    path_contains: str | None = None
    delay: float = 10.0
    apply: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fault:
        """Build and check a fault from its JSON form; ValueError names what is wrong."""
        unknown = set(data) - {f for f in cls.__dataclass_fields__}
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        kind = data.get("kind")
        if kind not in FAULT_KINDS:
            raise ValueError(f"kind must be one of {FAULT_KINDS}")
        default_status = {"malformed": 200, "timeout": 504}.get(kind, 503)
        values = {"status": default_status, "apply": kind == "timeout", **data}
        fault = cls(**values)
        if type(fault.status) is not int or not 100 <= fault.status <= 599:
            raise ValueError("status must be an HTTP status code")
        if fault.body not in BODY_KINDS:
            raise ValueError(f"body must be one of {BODY_KINDS}")
        if fault.count is not None and (type(fault.count) is not int or fault.count < 1):
            raise ValueError("count must be a positive integer")
        if fault.rate is not None and not (isinstance(fault.rate, int | float) and 0 <= fault.rate <= 1):
            raise ValueError("rate must be between 0 and 1")
        if not isinstance(fault.reasons, list) or not all(isinstance(r, str) for r in fault.reasons):
            raise ValueError("reasons must be a list of strings")
        if not isinstance(fault.delay, int | float) or fault.delay < 0:
            raise ValueError("delay must be a non-negative number of seconds")
        if fault.retry_after is not None and not isinstance(fault.retry_after, int | float | str):
            raise ValueError("retry_after must be seconds or an HTTP date")
        if fault.count is None and fault.rate is None:
            fault.count = 1
        return fault

    def matches(self, request: SimRequest) -> bool:
        """Whether the method and path filters select this request."""
        return (self.method is None or self.method.upper() == request.method.upper()) and (
            self.path_contains is None or self.path_contains in request.path
        )


def _json(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> SimResponse:
    return SimResponse(status, {"Content-Type": _JSON, **(headers or {})}, json.dumps(payload).encode())


def _fault_json(status: int, *reasons: str, headers: Mapping[str, str] | None = None) -> SimResponse:
    """The Call API's fault shape: {"reasons": [...], "message": <status phrase>}."""
    return _json(status, {"reasons": list(reasons), "message": HTTPStatus(status).phrase}, headers)


def _problem(status: int, detail: str) -> SimResponse:
    """The Agent Status API's Problem shape (its OpenAPI default response)."""
    phrase = HTTPStatus(status).phrase
    body = {"type": "about:blank", "title": phrase, "status": status, "detail": detail}
    return SimResponse(status, {"Content-Type": "application/problem+json"}, json.dumps(body).encode())


def _change(status: int, reason: str) -> dict[str, Any]:
    message = "Agent status change successful" if status == 200 else "Agent status change failed"
    return {"reason": reason, "change-status": status, "message": message}


def _body_json(request: SimRequest) -> Any:
    """The JSON body of a POST/PUT, or SimError 400 the way a JSON API rejects a body it cannot read."""
    if not request.body:
        raise SimError(400, "Request body is missing")
    try:
        return json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise SimError(400, "Malformed JSON request body") from None


def _whole(query: Mapping[str, str], name: str, default: int, least: int, most: int | None) -> int:
    """A whole-number query parameter within bounds, or SimError 400 naming it."""
    text = query.get(name)
    if text is None:
        return default
    if (
        not (text.isascii() and text.isdigit())
        or int(text) < least
        or (most is not None and int(text) > most)
    ):
        upto = f" to {most}" if most is not None else " or more"
        raise SimError(400, f"{name} must be a whole number from {least}{upto}, got {text!r}")
    return int(text)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _check_name_values(body: Mapping[str, Any], key: str, problems: list[str]) -> None:
    value = body.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(
        isinstance(e, dict) and _is_str(e.get("name")) and _is_str(e.get("value")) for e in value
    ):
        problems.append(f"{key} must be an array of objects with string name and value")


def _place_call_problems(body: Any) -> list[str]:
    """Every reason the place-call body is malformed, each naming its field."""
    if not isinstance(body, dict):
        return ["Request body must be a JSON object"]
    problems = []
    for key in ("agentId", "prefix", "number", "callerId"):
        if key not in body:
            problems.append(f"{key} is required")
        elif not _is_str(body[key]):
            problems.append(f"{key} must be a string")
    if _is_str(body.get("agentId")) and not body["agentId"]:
        problems.append("agentId must not be empty")
    for key, allow_empty in (("prefix", True), ("number", False), ("callerId", True)):
        value = body.get(key)
        if isinstance(value, str) and not (
            (value.isdigit() and value.isascii()) or (allow_empty and value == "")
        ):
            problems.append(f"{key} must contain digits only")
    for key in ("queueId", "dialplanId"):
        if key in body and not _is_str(body[key]):
            problems.append(f"{key} must be a string")
    if "forceCall" in body and not isinstance(body["forceCall"], bool):
        problems.append("forceCall must be a boolean")
    _check_name_values(body, "extTransactionData", problems)
    _check_name_values(body, "ctlUserData", problems)
    return problems


def _selections(body: Any) -> list[tuple[int, list[int]]]:
    """The (list id, item ids) pairs of a transaction-codes body; ids must be JSON integers."""

    def is_int(value: Any) -> bool:
        return type(value) is int

    if not isinstance(body, dict) or not isinstance(body.get("selections"), list):
        raise SimError(400, "selections is required and must be an array")
    pairs = []
    for n, selection in enumerate(body["selections"]):
        if not isinstance(selection, dict) or not is_int(selection.get("id")):
            raise SimError(400, f"selections[{n}].id must be an integer")
        codes = selection.get("codes")
        if not isinstance(codes, list):
            raise SimError(400, f"selections[{n}].codes must be an array")
        for m, code in enumerate(codes):
            if not isinstance(code, dict) or not is_int(code.get("id")):
                raise SimError(400, f"selections[{n}].codes[{m}].id must be an integer")
        pairs.append((selection["id"], [code["id"] for code in codes]))
    return pairs


Handler = Callable[[SimRequest, dict[str, str], list[str]], SimResponse]


class Simulator:
    """One simulated tenant behind the 8x8 Call and Agent Status APIs, plus the knobs tests and demos turn."""

    def __init__(
        self,
        state: TenantState | None = None,
        *,
        username: str | None = None,
        token: str = DEMO_TOKEN,
        latency: float = 0.0,
        agent_status_api: bool = True,
        seed: int = 0,
        bulk_status_method: str | None = None,
        stream_key: str = DEMO_STREAM_KEY,
        history: bool = False,
    ) -> None:
        """`history` (when no `state` is given): the demo tenant a working day in, its past played (state.py)."""
        self.state = state or TenantState(seed=seed, history=history)
        #: the stream key the demo and `ccdesk-sim` print (it reads every topic)
        self.stream_key = stream_key
        #: the event stream's keys, connections and faults (Python API of the /_sim/stream routes)
        self.stream = StreamControl({stream_key: None})
        if bulk_status_method is not None:
            self.bulk_status_method = bulk_status_method
        self.username = username or self.state.username
        self.token = token
        self.latency = latency
        self.agent_status_api = agent_status_api
        self._lock = threading.Lock()
        self._requests: list[LoggedRequest] = []
        self._faults: list[Fault] = []
        self._armed: tuple[str, Fault] | None = None
        self._fault_random = random.Random(seed)
        self._routes: list[tuple[tuple[str, ...], dict[str, Handler]]] = [
            (("calls",), {"POST": self._place_call}),
            (("calls", "*", "agent", "*", "transaction-codes"), {"PUT": self._set_codes}),
            (("calls", "*"), {"DELETE": self._end_call}),
            (("calls", "*", "agent", "*"), {"DELETE": self._hang_up}),
            (("agents", "*", "calls"), {"DELETE": self._free_lines}),
            (("agents", "*", "calls", "line", "*"), {"DELETE": self._free_line}),
            (("agentstatus", "agents"), {"GET": self._roster}),
            (("agentstatus", "agents", "bulk"), {"PUT": self._bulk, "POST": self._bulk}),
            (("agentstatus", "agents", "*"), {"GET": self._get_agent, "PUT": self._put_agent}),
        ]

    # -- the Python knobs -----------------------------------------------------------------------------------

    @property
    def bulk_status_method(self) -> str | None:
        """The only method the bulk status endpoint accepts ("POST" or "PUT"); None: both."""
        return self.state.bulk_status_method

    @bulk_status_method.setter
    def bulk_status_method(self, method: str | None) -> None:
        if method is not None and method not in BULK_STATUS_METHODS:
            raise ValueError(f"method must be one of {BULK_STATUS_METHODS} or null")
        self.state.bulk_status_method = method

    @property
    def requests(self) -> list[LoggedRequest]:
        """A copy of the request log."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> int:
        """Empty the request log; answer how many entries it had."""
        with self._lock:
            count = len(self._requests)
            self._requests.clear()
            return count

    def add_fault(self, kind: str, **options: Any) -> Fault:
        """Queue a fault, e.g. ``add_fault("status", status=503, retry_after=2)``; options as in the JSON."""
        fault = Fault.from_dict({"kind": kind, **options})
        with self._lock:
            self._faults.append(fault)
        return fault

    def arm_fault(self, name: str, kind: str, **options: Any) -> Fault:
        """Queue a fault in place of the one armed before, if that one is still pending: one pick at a time, as
        the demo's menu offers them (`name` says which pick it was). Faults added otherwise stay."""
        fault = Fault.from_dict({"kind": kind, **options})
        with self._lock:
            self._disarm()
            self._faults.append(fault)
            self._armed = (name, fault)
        return fault

    def disarm_fault(self) -> None:
        """Drop the armed fault if it is still pending."""
        with self._lock:
            self._disarm()

    @property
    def armed_fault(self) -> str | None:
        """The name of the armed fault while it is pending; None once it fired (or none was armed)."""
        with self._lock:
            if self._armed is None or not any(f is self._armed[1] for f in self._faults):
                return None
            return self._armed[0]

    def _disarm(self) -> None:
        if self._armed is not None:
            self._faults[:] = [f for f in self._faults if f is not self._armed[1]]
            self._armed = None

    @property
    def faults(self) -> list[Fault]:
        """A copy of the pending faults."""
        with self._lock:
            return list(self._faults)

    def clear_faults(self) -> None:
        """Drop every pending fault."""
        with self._lock:
            self._faults.clear()
            self._armed = None

    # -- the HTTP face --------------------------------------------------------------------------------------

    def handle(self, request: SimRequest) -> SimResponse:
        """Answer one request: control endpoints directly, API requests logged, faulted and delayed."""
        if request.path.startswith("/_sim/"):
            return self._control(request)
        fault = self._take_fault(request)
        if fault is not None and fault.kind == "refuse":
            return SimResponse(0, network="refuse")
        self._log(request)
        response = self._api(request) if fault is None or fault.apply else SimResponse(0)
        if fault is not None:
            response = self._faulted(fault, response)
        response.delay = self.latency + (
            fault.delay if fault is not None and fault.kind == "timeout" else 0.0
        )
        return response

    def _take_fault(self, request: SimRequest) -> Fault | None:
        """The first pending fault that fires for this request, counted down and dropped when spent."""
        with self._lock:
            for fault in self._faults:
                if not fault.matches(request):
                    continue
                if fault.rate is not None and self._fault_random.random() >= fault.rate:
                    continue
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
                return fault
            return None

    def _log(self, request: SimRequest) -> None:
        try:
            parsed = json.loads(request.body) if request.body else None
        except (ValueError, UnicodeDecodeError):
            parsed = None
        entry = LoggedRequest(
            request.method,
            request.path,
            dict(parse_qsl(request.query, keep_blank_values=True)),
            {k.lower(): v for k, v in request.headers.items()},
            parsed,
            request.body,
        )
        with self._lock:
            self._requests.append(entry)

    @staticmethod
    def _faulted(fault: Fault, real: SimResponse) -> SimResponse:
        """The answer a fault gives instead of (or, for a timeout, after) the real one."""
        if fault.kind == "drop":
            return SimResponse(0, network="drop")
        if fault.kind == "timeout" and fault.apply:
            return real
        if fault.kind == "malformed":
            return SimResponse(fault.status, {"Content-Type": _JSON}, b'{"reasons": ["Call successfully ini')
        phrase = HTTPStatus(fault.status).phrase
        reasons = fault.reasons or [f"Simulated fault: {fault.status} {phrase}"]
        headers: dict[str, str]
        if fault.body == "json":
            headers, body = {"Content-Type": _JSON}, json.dumps({"reasons": reasons, "message": phrase})
        elif fault.body == "problem":
            headers = {"Content-Type": "application/problem+json"}
            body = json.dumps(
                {"type": "about:blank", "title": phrase, "status": fault.status, "detail": "; ".join(reasons)}
            )
        elif fault.body == "xml":
            headers, body = (
                {"Content-Type": "application/xml"},
                f"<API><Error>{fault.status} - {phrase}.</Error></API>",
            )
        elif fault.body == "html":
            headers = {"Content-Type": "text/html"}
            body = (
                f"<html><head><title>{fault.status} {phrase}</title></head><body><center><h1>{fault.status} "
                f"{phrase}</h1></center><hr><center>nginx</center></body></html>"
            )
        elif fault.body == "text":
            headers, body = {"Content-Type": "text/plain"}, f"{fault.status} {phrase}"
        else:
            headers, body = {}, ""
        if fault.retry_after is not None:
            retry = fault.retry_after
            headers["Retry-After"] = (
                str(int(retry)) if isinstance(retry, float) and retry.is_integer() else str(retry)
            )
        return SimResponse(fault.status, headers, body.encode())

    def _api(self, request: SimRequest) -> SimResponse:
        """Route an /api/v1 request, check auth and tenant, run the operation."""
        segments = [unquote(s) for s in request.path.split("/")]
        if tuple(segments[:4]) != API_PREFIX or len(segments) < 6 or not segments[4]:
            return _fault_json(404, f"No resource at {request.path}")
        tenant, rest = segments[4], segments[5:]
        matched = [
            (pattern, self._methods(pattern, methods))
            for pattern, methods in self._routes
            if len(pattern) == len(rest)
            and all(p == s or (p == "*" and s) for p, s in zip(pattern, rest, strict=True))
        ]
        if not matched:
            return _fault_json(404, f"No resource at {request.path}")
        fewest = min(pattern.count("*") for pattern, _ in matched)  # a literal segment beats a wildcard
        matched = [(pattern, methods) for pattern, methods in matched if pattern.count("*") == fewest]
        method = request.method.upper()
        found = next(((p, m[method]) for p, m in matched if method in m), None)
        if found is None:
            allowed = ", ".join(sorted({m for _, methods in matched for m in methods}))
            return _fault_json(
                405, f"Method {method} is not allowed on {request.path}", headers={"Allow": allowed}
            )
        pattern, operation = found
        denied = self._authorize(request, tenant)
        if denied is not None:
            return denied
        if pattern[0] == "agentstatus" and not self.agent_status_api:
            return SimResponse(403, {"Content-Type": "application/xml"}, _XML_FORBIDDEN)
        if method in ("POST", "PUT"):
            content_type = (request.header("Content-Type") or "").split(";")[0].strip().lower()
            if content_type != _JSON:
                return _fault_json(415, "Content-Type must be application/json")
        params = [s for p, s in zip(pattern, rest, strict=True) if p == "*"]
        query = dict(parse_qsl(request.query, keep_blank_values=True))
        try:
            return operation(request, query, params)
        except SimError as error:
            if pattern[0] == "agentstatus":
                return _problem(error.status, error.reason)
            return _fault_json(error.status, error.reason)

    def _methods(self, pattern: tuple[str, ...], methods: dict[str, Handler]) -> dict[str, Handler]:
        """A route's methods, without the bulk status method the tenant is set not to accept."""
        if pattern != _BULK or self.bulk_status_method is None:
            return methods
        return {m: h for m, h in methods.items() if m == self.bulk_status_method}

    def _authorize(self, request: SimRequest, tenant: str) -> SimResponse | None:
        """401 without valid Basic credentials, 403 for another tenant's path."""
        scheme, _, encoded = (request.header("Authorization") or "").partition(" ")
        try:
            username, _, token = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            username = token = ""
        if scheme.lower() != "basic" or (username, token) != (self.username, self.token):
            return _fault_json(
                401,
                "Authentication or authorization failed for this request.",
                headers={"WWW-Authenticate": 'Basic realm="8x8 Contact Center"'},
            )
        if tenant != self.state.tenant:
            return _fault_json(403, "You are not authorized to access this tenant.")
        return None

    # -- Call API -------------------------------------------------------------------------------------------

    def _place_call(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        body = _body_json(request)
        problems = _place_call_problems(body)
        if problems:
            return _fault_json(400, *problems)
        iid, reasons = self.state.place_call(
            body["agentId"],
            body["prefix"],
            body["number"],
            body["callerId"],
            queue_id=body.get("queueId"),
            dial_plan_id=body.get("dialplanId"),
            force_call=body.get("forceCall", False),
            ext_transaction_data=body.get("extTransactionData") or (),
            ctl_user_data=body.get("ctlUserData") or (),
        )
        return _json(200, {"reasons": reasons, "message": "OK", "interactionGuid": iid})

    def _set_codes(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        selections = _selections(_body_json(request))
        self.state.set_transaction_codes(params[0], params[1], selections)
        return _json(200, {"reasons": ["Transaction codes successfully set"], "message": "OK"})

    def _end_call(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        end_post_processing = query.get("endPostProcessing", "").lower() == "true"
        reason = self.state.end_call(params[0], end_post_processing=end_post_processing)
        return _json(200, {"reasons": [reason], "message": "OK"})

    def _hang_up(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        return _json(200, {"reasons": [self.state.hang_up(params[0], params[1])], "message": "OK"})

    def _free_lines(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        return _json(200, {"reasons": [self.state.free_lines(params[0])], "message": "OK"})

    def _free_line(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        return _json(200, {"reasons": [self.state.free_line(params[0], params[1])], "message": "OK"})

    # -- Agent Status API -----------------------------------------------------------------------------------

    def _roster(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        group = query.get("groupId")
        agents = self.state.roster(group if group else None)
        if "pageSize" not in query and "pageIndex" not in query:
            return _json(200, {"data": agents})
        size = _whole(query, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        index = _whole(query, "pageIndex", 0, 0, None)
        page = {
            "pageSize": size,
            "totalElements": len(agents),
            "totalPages": -(-len(agents) // size),
            "pageIndex": index,
        }
        return _json(200, {"data": agents[index * size : (index + 1) * size], "page": page})

    def _get_agent(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        return _json(200, self.state.agent_record(params[0]))

    def _put_agent(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        body = _body_json(request)
        if not isinstance(body, dict):
            raise SimError(400, "Request body must be a JSON object")
        try:
            self.state.set_agent_status(params[0], body)
        except SimError as error:
            return _json(error.status, _change(error.status, error.reason))
        return _json(200, _change(200, "OK"))

    def _bulk(self, request: SimRequest, query: dict[str, str], params: list[str]) -> SimResponse:
        body = _body_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("agents"), list):
            raise SimError(400, "agents is required and must be an array")
        if len(body["agents"]) > MAX_BULK_AGENTS:
            raise SimError(400, f"At most {MAX_BULK_AGENTS} agents can be changed in one request")
        results = []
        for change in body["agents"]:
            agent_id = change.get("agent-id") if isinstance(change, dict) else None
            if not isinstance(agent_id, str):
                results.append({"agent-id": agent_id, **_change(400, "The agent id is missing.")})
                continue
            try:
                self.state.set_agent_status(agent_id, change)
            except SimError as error:
                results.append({"agent-id": agent_id, **_change(error.status, error.reason)})
            else:
                results.append({"agent-id": agent_id, **_change(200, "OK")})
        return _json(207, {"data": results})

    # -- control endpoints ----------------------------------------------------------------------------------

    def _control(self, request: SimRequest) -> SimResponse:
        """The /_sim/ endpoints; their errors answer {"error": "..."}."""
        route = (request.method.upper(), *[unquote(s) for s in request.path.split("/")[2:]])
        try:
            body = json.loads(request.body) if request.body else {}
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            return self._control_route(route, body)
        except (ValueError, TypeError, KeyError) as error:
            return _json(400, {"error": str(error)})
        except SimError as error:
            return _json(error.status, {"error": error.reason})

    def _control_route(self, route: tuple[str, ...], body: dict[str, Any]) -> SimResponse:
        match route:
            case ("GET", "requests"):
                return _json(200, [entry.as_json() for entry in self.requests])
            case ("DELETE", "requests"):
                return _json(200, {"cleared": self.clear_requests()})
            case ("GET", "faults"):
                return _json(200, [asdict(fault) for fault in self.faults])
            case ("POST", "faults"):
                return _json(200, asdict(self.add_fault(**body)))
            case ("DELETE", "faults"):
                self.clear_faults()
                return _json(200, {"cleared": True})
            case ("POST", "latency"):
                seconds = body["seconds"]
                if not isinstance(seconds, int | float) or seconds < 0:
                    raise ValueError("seconds must be a non-negative number")
                self.latency = float(seconds)
                return _json(200, {"seconds": self.latency})
            case ("POST", "agent-status-api"):
                if not isinstance(body.get("enabled"), bool):
                    raise ValueError("enabled must be a boolean")
                self.agent_status_api = body["enabled"]
                return _json(200, {"enabled": self.agent_status_api})
            case ("POST", "bulk-status-method"):
                self.bulk_status_method = body.get("method")
                return _json(200, {"method": self.bulk_status_method})
            case ("GET", "state"):
                return _json(200, self.state.snapshot())
            case ("POST", "agents", agent_id):
                self.state.force_agent(
                    agent_id,
                    body["status"],
                    status_code_list_id=body.get("status-code-list-id"),
                    status_code_item_id=body.get("status-code-item-id"),
                    sub_status=body.get("agent-sub-status"),
                )
                return _json(200, self.state.agent_record(agent_id))
            case ("POST", "interactions", iid, "customer-hangup"):
                self.state.customer_hangs_up(iid)
                return _json(200, {"interaction": iid, "ended": True})
            case ("POST", "interactions", iid, "answer"):
                self.state.customer_answers(iid)
                return _json(200, {"interaction": iid, "answered": True})
            case ("POST", "interactions", iid, "no-answer"):
                self.state.call_not_answered(iid)
                return _json(200, {"interaction": iid, "ended": True})
            case ("POST", "agents", agent_id, "inbound-call"):
                options = {"prefix": "prefix", "number": "number", "name": "name", "queueId": "queue_id"}
                unknown = set(body) - set(options)
                if unknown or not all(isinstance(v, str) for v in body.values()):
                    raise ValueError(f"the body takes string fields among {sorted(options)}")
                iid = self.state.another_call_arrives(agent_id, **{options[k]: v for k, v in body.items()})
                return _json(200, {"interaction": iid, "line": self.state.interactions[iid].line})
            case ("GET", "stream"):
                return _json(
                    200,
                    {
                        "connections": self.stream.connections,
                        "silent": self.stream.silent,
                        "messages": len(self.state.events.messages()),
                        "keys": len(self.stream.keys),
                    },
                )
            case ("GET", "events"):
                return _json(
                    200,
                    [
                        {**json.loads(m.envelope()), "topics": sorted(m.topics), "event": m.event}
                        for m in self.state.events.messages()
                    ],
                )
            case ("POST", "stream", "drop"):
                return _json(200, {"connections": self.stream.drop(body.get("after", 0))})
            case ("POST", "stream", "duplicate"):
                return _json(200, {"connections": self.stream.duplicate(body.get("count", 1))})
            case ("POST", "stream", "reorder"):
                return _json(200, {"connections": self.stream.reorder()})
            case ("POST", "stream", "silence"):
                self.stream.silence(body.get("on", True))
                return _json(200, {"silent": self.stream.silent})
            case ("POST", "stream", "unknown-event"):
                name = body.get("name")
                if name is not None and not (isinstance(name, str) and name):
                    raise ValueError("name must be a non-empty string")
                message = self.state.publish_unknown_event(body["agentId"], name=name)
                return _json(200, {"messageId": message.message_id, "event": message.event})
            case ("POST", "stream", "keys"):
                key, topics = body["key"], body.get("topics")
                if not isinstance(key, str) or (topics is not None and not isinstance(topics, list)):
                    raise ValueError("key must be a string and topics a list of strings or null")
                self.stream.allow(key, topics)
                return _json(200, {"key": key, "topics": topics})
            case ("DELETE", "stream", "keys", key):
                if key not in self.stream.keys:
                    raise SimError(404, "no such stream key")
                self.stream.revoke(key)
                return _json(200, {"key": key, "revoked": True})
            case ("POST", "clock"):
                seconds = body["advance"]
                if not isinstance(seconds, int | float) or seconds < 0:
                    raise ValueError("advance must be a non-negative number")
                return _json(200, {"now": self.state.advance(seconds)})
        return _json(404, {"error": f"no control endpoint {' '.join(route)}"})
