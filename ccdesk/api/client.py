"""CCClient: one method per operation of the 8x8 Call and Agent Status APIs.

Everything a request needs is validated before anything is sent, so a refused input never reaches the
platform. PUT, DELETE and GET are idempotent and retried on connection failures, 429 and 502/503/504 (so is the
bulk status change, whichever method carries it: setting a status twice sets it once). Place call is a POST
without an idempotency key: it is retried only when the connection failed before the request left this
computer; once it may have reached the platform, a missing answer, a 500/502/504 or a page that is not 8x8's is
reported as an unknown outcome, never re-sent, because sending it twice dials the customer twice.

Only 8x8's own answers count as answers: a redirect (never followed) or a web page where JSON belongs is a
proxy or sign-in page, never a success.
"""

from __future__ import annotations

import json
import logging
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import TracebackType
from typing import Any, Self

import httpx

from ccdesk import __version__
from ccdesk.api import ids
from ccdesk.api.errors import (
    AgentStatusApiOffError,
    ApiError,
    ConfigurationError,
    ConnectionFailedError,
    InvalidInput,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    ProxyAnswerError,
    RejectedError,
    RequestTimeoutError,
    ServerError,
    error_for_status,
)
from ccdesk.api.faults import clean_text, decode_text, is_html, parse_fault
from ccdesk.api.models import (
    BULK_STATUS_METHODS,
    MAX_BULK_AGENTS,
    MAX_PAGE_SIZE,
    AgentStatus,
    ApiResult,
    BulkStatusRequest,
    PlaceCallRequest,
    PlaceCallResult,
    StatusChange,
    StatusChangeResult,
    TransactionCode,
    transaction_codes_body,
)
from ccdesk.api.paths import line_number, segment
from ccdesk.api.platforms import validate_base_url
from ccdesk.api.retry import RetryNotice, RetryPolicy, parse_retry_after
from ccdesk.api.tls import TRUST_ENV, Trust, tls_context, trust_in_use
from ccdesk.api.words import translate

log = logging.getLogger("ccdesk.api")

USER_AGENT = f"ccdesk/{__version__}"
RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Answers to place call after which the call may have been placed: the OpenAPI file says only "There was a
#: server error" for 500 (unlike the bulk status's 500, "your request was not accepted"), and a gateway's
#: 502/504 comes after it passed the request on. 503 says the service did not take the request.
UNKNOWN_AFTER_POST = frozenset({500, 502, 504})
#: Pages read at most from the roster: 500 pages of 500 agents, far beyond any tenant, bound a server that
#: keeps announcing more pages.
MAX_ROSTER_PAGES = 500
#: Answers larger than this are cut off: no real answer comes close; a broken proxy must not exhaust memory.
MAX_RESPONSE_BYTES = 8 * 1024 * 1024

# Failures that happen before the request leaves this computer: safe to retry even for place call.
_BEFORE_SEND = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Failures worth retrying for idempotent requests.
_TRANSIENT = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)


@dataclass(frozen=True)
class _Answer:
    """A response read in full (up to MAX_RESPONSE_BYTES)."""

    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def text(self) -> str:
        """The body decoded as fault bodies are (UTF-8 BOM, declared charset, then UTF-8)."""
        return decode_text(self.headers, self.body)


def _credential(value: str, missing: Callable[[], str], unusable: Callable[[], str]) -> str:
    """`value` when it can go into a Basic authentication header; `missing()` or `unusable()` says why not."""
    if not isinstance(value, str) or not value:
        raise ConfigurationError(missing())
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in value):
        raise ConfigurationError(unusable())
    return value


def _json(answer: _Answer) -> Any:
    """The parsed body, or None when it is not JSON."""
    try:
        return json.loads(answer.text)
    except (ValueError, RecursionError):
        return None


def _reasons(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(clean_text(item) for item in items if isinstance(item, str) and item.strip())


def _more_pages(page: Any, index: int) -> bool:
    """Whether the roster's `page` object (OpenAPI PageResult) says pages follow page `index` (0-based)."""
    if not isinstance(page, dict):
        return False

    def number(key: str) -> float | None:
        value = page.get(key)
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

    total_pages, size, total = number("totalPages"), number("pageSize"), number("totalElements")
    if total_pages is not None:
        return index + 1 < total_pages
    if size and total is not None:
        return (index + 1) * size < total
    return False


def _api_result(answer: _Answer) -> ApiResult:
    data = _json(answer)
    if not isinstance(data, dict):
        return ApiResult(status=answer.status)
    message = data.get("message")
    return ApiResult(
        reasons=_reasons(data.get("reasons")),
        message=clean_text(message) if isinstance(message, str) else "",
        status=answer.status,
    )


class CCClient:
    """A client for one tenant; safe to share between threads (one pooled httpx.Client inside)."""

    def __init__(
        self,
        *,
        base_url: str,
        tenant: str,
        username: str,
        token: str,
        transport: httpx.BaseTransport | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 15.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        on_retry: Callable[[RetryNotice], None] | None = None,
        bulk_status_method: str = "",
    ) -> None:
        self._base_url = validate_base_url(base_url)
        self._tenant_segment = segment("tenant", tenant)
        self._tenant = tenant
        self._username = _credential(
            username,
            lambda: translate("CCClient", "The user name is missing."),
            lambda: translate(
                "CCClient", "The user name contains spaces, line breaks or control characters."
            ),
        )
        if ":" in username:
            raise ConfigurationError(
                translate("CCClient", "The user name cannot contain ':' (Basic authentication forbids it).")
            )
        for label, seconds in (("connect timeout", connect_timeout), ("read timeout", read_timeout)):
            if not seconds > 0:
                raise InvalidInput(f"The {label} must be a positive number of seconds, got {seconds!r}.")
        self._retry = retry or RetryPolicy()
        self._connect_timeout, self._read_timeout = connect_timeout, read_timeout
        self._sleep = sleep
        self._on_retry = on_retry
        self.bulk_status_method = bulk_status_method
        self._http = httpx.Client(
            auth=httpx.BasicAuth(
                self._username,
                _credential(
                    token,
                    lambda: translate("CCClient", "The Action Request Token is missing."),
                    lambda: translate(
                        "CCClient",
                        "The Action Request Token contains spaces, line breaks or control characters.",
                    ),
                ),
            ),
            headers={"Accept": "application/json", "User-Agent": USER_AGENT},
            timeout=httpx.Timeout(
                connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout
            ),
            verify=tls_context(),  # certifi or the OS's trust store (ccdesk.api.tls); always verified
            follow_redirects=False,
            transport=transport,
        )

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def tenant(self) -> str:
        return self._tenant

    @property
    def username(self) -> str:
        return self._username

    @property
    def longest_dial(self) -> float:
        """Seconds `place_call` can take at most: connection retries with their back-off, one send, its answer.

        The journal keeps it with each dial, so a later run can tell a dial whose process died from one whose
        answer may still come.
        """
        policy = self._retry
        connecting = policy.max_attempts * (self._connect_timeout + policy.max_delay)
        return connecting + 2 * self._read_timeout

    @property
    def bulk_status_method(self) -> str:
        """The method the bulk status endpoint is sent with first: the one it last accepted, else the one set.

        A caller that remembers it per profile (ProfileStore) sets it on a new client and saves it again when
        a bulk change found the other one was needed.
        """
        return self._bulk_status_method

    @bulk_status_method.setter
    def bulk_status_method(self, method: str) -> None:
        chosen = (method or BULK_STATUS_METHODS[0]).upper()
        if chosen not in BULK_STATUS_METHODS:
            raise InvalidInput(f"The bulk status method is POST or PUT, got {method!r}.")
        self._bulk_status_method = chosen

    def set_retry_listener(self, listener: Callable[[RetryNotice], None] | None) -> None:
        """Who hears about back-offs (the window's status bar); called on the requesting thread."""
        self._on_retry = listener

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # Call API

    def place_call(self, request: PlaceCallRequest) -> PlaceCallResult:
        """Dial for an agent; the result's interaction id addresses the call afterwards."""
        if not isinstance(request, PlaceCallRequest):
            raise InvalidInput("place_call needs a PlaceCallRequest.")
        segment("agent id", ids.agent_id(request.agent_id))
        path = f"/tenants/{self._tenant_segment}/calls"
        answer = self._request("POST", path, body=request.to_json(), idempotent=False)
        result = _api_result(answer)
        data = _json(answer)
        interaction_id = ""
        if isinstance(data, dict):
            for key in ("interactionGuid", "id"):
                value = data.get(key)
                if isinstance(value, str) and value.strip():
                    interaction_id = value.strip()
                    break
        if not interaction_id:
            log.warning("POST %s -> %d without an interaction id", path, answer.status)
            raise OutcomeUnknownError(
                translate(
                    "CCClient",
                    "The platform answered HTTP {status} but named no interaction id; the call may have been placed.",
                ).format(status=answer.status),
                status=answer.status,
                reasons=result.reasons,
                method="POST",
                path=path,
            )
        return PlaceCallResult(
            reasons=result.reasons,
            message=result.message,
            status=result.status,
            interaction_id=interaction_id,
        )

    def set_transaction_codes(
        self, interaction_id: str, agent_id: str, codes: Iterable[TransactionCode]
    ) -> ApiResult:
        """Assign up to six transaction codes to the agent's part of a call."""
        path = (
            f"/tenants/{self._tenant_segment}/calls/{segment('interaction id', ids.interaction_id(interaction_id))}"
            f"/agent/{segment('agent id', ids.agent_id(agent_id))}/transaction-codes"
        )
        codes = list(codes)
        if not all(isinstance(code, TransactionCode) for code in codes):
            raise InvalidInput("Transaction codes must be TransactionCode values.")
        return _api_result(self._request("PUT", path, body=transaction_codes_body(codes)))

    def end_call(self, interaction_id: str, *, end_post_processing: bool = False) -> ApiResult:
        """End the whole call; `end_post_processing` also ends wrap-up, even with a mandatory code missing."""
        path = f"/tenants/{self._tenant_segment}/calls/{segment('interaction id', ids.interaction_id(interaction_id))}"
        query = "endPostProcessing=true" if end_post_processing else ""
        return _api_result(self._request("DELETE", path, query=query))

    def hang_up(self, interaction_id: str, agent_id: str) -> ApiResult:
        """Take the agent out of the call; other participants stay connected."""
        path = (
            f"/tenants/{self._tenant_segment}/calls/{segment('interaction id', ids.interaction_id(interaction_id))}"
            f"/agent/{segment('agent id', ids.agent_id(agent_id))}"
        )
        return _api_result(self._request("DELETE", path))

    def free_lines(self, agent_id: str) -> ApiResult:
        """End the agent's part in all their calls."""
        path = f"/tenants/{self._tenant_segment}/agents/{segment('agent id', ids.agent_id(agent_id))}/calls"
        return _api_result(self._request("DELETE", path))

    def free_line(self, agent_id: str, line: int) -> ApiResult:
        """End the agent's part in the call on line 1 or 2."""
        number = line_number(line)
        agent = segment("agent id", ids.agent_id(agent_id))
        path = f"/tenants/{self._tenant_segment}/agents/{agent}/calls/line/{number}"
        return _api_result(self._request("DELETE", path))

    # Agent Status API

    def list_agents(self, group_id: str | None = None) -> list[AgentStatus]:
        """Every agent of the tenant (or of one agent group) with their status: the supervisor roster.

        Pages of MAX_PAGE_SIZE are asked for (`pageSize`, `pageIndex`, 0-based) and followed while the answer's
        `page` says there are more, so a large tenant is never cut short; an answer without `page` (the OpenAPI
        file: "Pagination is currently not available") is the whole roster. Also a harmless login test.
        """
        path = f"/tenants/{self._tenant_segment}/agentstatus/agents"
        group = f"groupId={segment('group id', ids.group_id(group_id))}&" if group_id is not None else ""
        agents: dict[str, AgentStatus] = {}
        for index in range(MAX_ROSTER_PAGES):
            answer = self._request("GET", path, query=f"{group}pageSize={MAX_PAGE_SIZE}&pageIndex={index}")
            data = _json(answer)
            items = data.get("data") if isinstance(data, dict) else data
            if not isinstance(items, list):
                raise self._unreadable(answer, "GET", path)
            before = len(agents)
            for item in items:
                if isinstance(item, dict):
                    agent = AgentStatus.from_json(item)
                    agents.setdefault(agent.agent_id or f"#{len(agents)}", agent)
            page = data.get("page") if isinstance(data, dict) else None
            if not _more_pages(page, index) or len(agents) == before:
                break  # the last page, or a server that ignores pageIndex and sends the same page again
        return list(agents.values())

    def get_agent(self, agent_id: str) -> AgentStatus:
        """One agent's status."""
        path = f"/tenants/{self._tenant_segment}/agentstatus/agents/{segment('agent id', ids.agent_id(agent_id))}"
        answer = self._request("GET", path)
        data = _json(answer)
        if isinstance(data, dict) and "agent-id" not in data and "data" in data:
            data = data["data"]
            if isinstance(data, list) and len(data) == 1:
                data = data[0]
        if not isinstance(data, dict):
            raise self._unreadable(answer, "GET", path)
        agent = AgentStatus.from_json(data)
        return agent if agent.agent_id else replace(agent, agent_id=agent_id)

    def set_agent_status(self, agent_id: str, change: StatusChange) -> StatusChangeResult:
        """Set one agent's status; the result's `change_status` says whether the platform made the change."""
        path = f"/tenants/{self._tenant_segment}/agentstatus/agents/{segment('agent id', ids.agent_id(agent_id))}"
        if not isinstance(change, StatusChange):
            raise InvalidInput("set_agent_status needs a StatusChange.")
        answer = self._request("PUT", path, body=change.to_json())
        data = _json(answer)
        if isinstance(data, dict):
            result = StatusChangeResult.from_json(data, agent_id)
            return result if result.change_status else replace(result, change_status=answer.status)
        return StatusChangeResult(agent_id=agent_id, change_status=answer.status)

    def set_agent_statuses(self, entries: Sequence[BulkStatusRequest]) -> list[StatusChangeResult]:
        """Set several agents' statuses in one request (at most 100); one result per entry, in entry order.

        Each agent succeeds or fails on its own (HTTP 207). An entry the platform did not report on gets
        `change_status` 0, which is not `ok`: its outcome is unknown.
        """
        entries = list(entries)
        if not entries:
            raise InvalidInput(translate("CCClient", "Choose at least one agent."))
        if len(entries) > MAX_BULK_AGENTS:  # more than a hundred: "were given" is always plural
            raise InvalidInput(
                translate(
                    "CCClient", "At most {most} agents can be changed at once; {given} were given."
                ).format(most=MAX_BULK_AGENTS, given=len(entries))
            )
        if not all(isinstance(entry, BulkStatusRequest) for entry in entries):
            raise InvalidInput("Bulk status entries must be BulkStatusRequest values.")
        agent_ids = [entry.agent_id for entry in entries]
        for agent_id in agent_ids:
            segment("agent id", ids.agent_id(agent_id))
        if len(set(agent_ids)) != len(agent_ids):
            raise InvalidInput(
                translate("CCClient", "The same agent is listed twice in one bulk status change.")
            )
        path = f"/tenants/{self._tenant_segment}/agentstatus/agents/bulk"
        answer = self._send_bulk(path, {"agents": [entry.to_json() for entry in entries]})
        data = _json(answer)
        items = data.get("data") if isinstance(data, dict) else data
        reported: dict[str, StatusChangeResult] = {}
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    fallback = agent_ids[index] if index < len(agent_ids) else ""
                    result = StatusChangeResult.from_json(item, fallback)
                    reported.setdefault(result.agent_id, result)
        unreported = translate("CCClient", "The platform did not report this agent's outcome.")
        return [
            reported.get(agent_id) or StatusChangeResult(agent_id, 0, message=unreported)
            for agent_id in agent_ids
        ]

    def _send_bulk(self, path: str, body: Any) -> _Answer:
        """The bulk status request with the method the endpoint accepts, learnt on the way.

        The documents disagree (the guide: PUT; the OpenAPI file: POST). A 404 or 405 to the first method
        means the platform has no such route for it, so nothing was changed: the other method is sent, and
        the one that worked is kept in `bulk_status_method`.
        """
        first = self._bulk_status_method
        other = next(m for m in BULK_STATUS_METHODS if m != first)
        try:
            answer = self._request(first, path, body=body)
        except (NotFoundError, RejectedError) as exc:
            if exc.status not in (404, 405):
                raise
            log.info("%s %s answered %d; trying %s", first, path, exc.status, other)
            answer = self._request(other, path, body=body)
            self._bulk_status_method = other
        return answer

    # Transport

    def _request(
        self, method: str, path: str, *, body: Any = None, query: str = "", idempotent: bool = True
    ) -> _Answer:
        """Send one operation, retrying as the policy allows; returns a 2xx answer or raises an ApiError."""
        url = httpx.URL(self._base_url + path + (f"?{query}" if query else ""))
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = None if content is None else {"Content-Type": "application/json"}
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            try:
                answer = self._send(method, url, content, headers)
            except httpx.TransportError as exc:
                before_send = isinstance(exc, _BEFORE_SEND)
                retryable = before_send or (idempotent and isinstance(exc, _TRANSIENT))
                delay = self._retry.delay_for(attempt) if retryable else None
                if delay is None:
                    self._log_outcome(method, path, type(exc).__name__, started, attempt)
                    raise self._transport_failure(exc, method, path, idempotent, before_send) from exc
                self._back_off(attempt, delay, type(exc).__name__, method, path)
                continue
            if 200 <= answer.status < 300 and not is_html(answer.headers, answer.text):
                self._log_outcome(method, path, str(answer.status), started, attempt)
                return answer
            retry_after = answer.headers.get("Retry-After")
            if idempotent and answer.status in RETRY_STATUSES:
                delay = self._retry.delay_for(attempt, retry_after)
                if delay is not None:
                    self._back_off(attempt, delay, f"HTTP {answer.status}", method, path)
                    continue
            self._log_outcome(method, path, str(answer.status), started, attempt)
            raise self._fault(answer, method, path, idempotent, parse_retry_after(retry_after))

    def _send(
        self, method: str, url: httpx.URL, content: bytes | None, headers: dict[str, str] | None
    ) -> _Answer:
        request = self._http.build_request(method, url, content=content, headers=headers)
        response = self._http.send(request, stream=True)
        try:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size >= MAX_RESPONSE_BYTES:
                    break
            return _Answer(response.status_code, response.headers, b"".join(chunks)[:MAX_RESPONSE_BYTES])
        finally:
            response.close()

    def _back_off(self, attempt: int, delay: float, reason: str, method: str, path: str) -> None:
        log.debug("%s %s: %s on attempt %d; retrying in %.1f s", method, path, reason, attempt, delay)
        if self._on_retry is not None:
            self._on_retry(RetryNotice(attempt=attempt, delay=delay, reason=reason, method=method, path=path))
        self._sleep(delay)

    @staticmethod
    def _log_outcome(method: str, path: str, outcome: str, started: float, attempt: int) -> None:
        elapsed_ms = (time.monotonic() - started) * 1000
        log.info("%s %s -> %s in %.0f ms, retries=%d", method, path, outcome, elapsed_ms, attempt - 1)

    @staticmethod
    def _fault(
        answer: _Answer, method: str, path: str, idempotent: bool, retry_after: float | None
    ) -> ApiError:
        """The error an answer that is not a success stands for; the one place statuses get their meaning."""
        reasons, message = parse_fault(answer.status, answer.headers, answer.body)
        status = answer.status
        if status < 400 or status == 407:  # a 2xx gets here only as a web page
            return CCClient._not_8x8(answer, message, idempotent, method, path)
        where: dict[str, Any] = {"method": method, "path": path, "retry_after": retry_after}
        if not idempotent and status in UNKNOWN_AFTER_POST:
            said = "; ".join(reasons) or message
            words = (
                translate(
                    "CCClient",
                    "The platform answered HTTP {status} after the call request was sent: {said}; the call may have "
                    "been placed.",
                )
                if said
                else translate(
                    "CCClient",
                    "The platform answered HTTP {status} after the call request was sent; the call may have been "
                    "placed.",
                )
            )
            return OutcomeUnknownError(
                words.format(status=status, said=said),
                status=status,
                reasons=reasons,
                **where,
            )
        if status == 403 and "/agentstatus/" in path:
            off = not reasons or any("403 - Forbidden" in reason for reason in reasons)
            kind: type[ApiError] = AgentStatusApiOffError if off else PermissionDeniedError
            return kind(message, status=status, reasons=reasons, **where)
        return error_for_status(status)(message, status=status, reasons=reasons, **where)

    @staticmethod
    def _not_8x8(answer: _Answer, title: str, idempotent: bool, method: str, path: str) -> ApiError:
        """A redirect, a proxy's 407 or a web page where 8x8 answers JSON: something else answered."""
        host = httpx.URL(answer.headers.get("Location", "")).host if 300 <= answer.status < 400 else ""
        message = _not_8x8_words(answer.status, host, title, idempotent).format(
            status=answer.status, host=host, title=title
        )
        if idempotent:
            return ProxyAnswerError(message, status=answer.status, method=method, path=path)
        return OutcomeUnknownError(
            message,
            status=answer.status,
            method=method,
            path=path,
            explanation=translate(
                "CCClient",
                "A proxy or sign-in page answered instead of 8x8, so ccdesk cannot tell whether the call was placed. "
                "Check the agent's lines before dialling again, and sign in to the network or proxy if it asks.",
            ),
        )

    @staticmethod
    def _transport_failure(
        exc: httpx.TransportError, method: str, path: str, idempotent: bool, before_send: bool
    ) -> ApiError:
        log.info("%s %s: transport failure %s: %s", method, path, type(exc).__name__, exc)
        cause = _cause(exc)
        if not idempotent and not before_send:
            words = _SENT_NO_ANSWER.get(cause, _SENT_NO_ANSWER["failed"])()
            return OutcomeUnknownError(words, method=method, path=path)
        if isinstance(exc, httpx.TimeoutException) and not before_send:
            words = _NO_ANSWER_IN_TIME.get(cause, _NO_ANSWER_IN_TIME["slow"])()
            return RequestTimeoutError(words, method=method, path=path)
        words = _NOT_REACHED.get(cause, _NOT_REACHED["failed"])()
        return ConnectionFailedError(words, method=method, path=path)

    @staticmethod
    def _unreadable(answer: _Answer, method: str, path: str) -> ServerError:
        return ServerError(
            translate(
                "CCClient", "The platform answered HTTP {status} with a body that could not be read."
            ).format(status=answer.status),
            status=answer.status,
            method=method,
            path=path,
        )


def _not_8x8_words(status: int, host: str, title: str, idempotent: bool) -> str:
    """What answered instead of 8x8 ({status}, {host}, {title} to fill in), and for a place call (not idempotent)
    that it may or may not have reached the platform: each a whole sentence."""
    if 300 <= status < 400:
        if host:
            return (
                translate("Client", "HTTP {status}: a redirect to {host} answered instead of 8x8.")
                if idempotent
                else translate(
                    "Client",
                    "HTTP {status}: a redirect to {host} answered instead of 8x8; the call request may or may not "
                    "have reached the platform.",
                )
            )
        return (
            translate("Client", "HTTP {status}: a redirect answered instead of 8x8.")
            if idempotent
            else translate(
                "Client",
                "HTTP {status}: a redirect answered instead of 8x8; the call request may or may not have reached "
                "the platform.",
            )
        )
    if status == 407:
        return (
            translate("Client", "HTTP {status}: a proxy asking to sign in answered instead of 8x8.")
            if idempotent
            else translate(
                "Client",
                "HTTP {status}: a proxy asking to sign in answered instead of 8x8; the call request may or may not "
                "have reached the platform.",
            )
        )
    if title:
        return (
            translate("Client", "HTTP {status}: a web page ({title}) answered instead of 8x8.")
            if idempotent
            else translate(
                "Client",
                "HTTP {status}: a web page ({title}) answered instead of 8x8; the call request may or may not have "
                "reached the platform.",
            )
        )
    return (
        translate("Client", "HTTP {status}: a web page answered instead of 8x8.")
        if idempotent
        else translate(
            "Client",
            "HTTP {status}: a web page answered instead of 8x8; the call request may or may not have reached the "
            "platform.",
        )
    )


def _cause(exc: httpx.TransportError) -> str:
    """What went wrong on the wire, as a key of the sentences below (the exception's class goes to the log only)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out"
    if isinstance(exc, httpx.TimeoutException):
        return "slow"
    if isinstance(exc, httpx.ProxyError):
        return "proxy"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "certificate" in text or "ssl" in text:
            return "certificate, system trust" if trust_in_use() is Trust.SYSTEM else "certificate, certifi"
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text or "resolve" in text:
            return "host unknown"
        return "refused"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "closed"
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.NetworkError):
        return "broke"
    return "failed"


# One whole sentence per cause, in words a person can act on, for each way a failure is reported. Only the causes
# that can happen there are listed: a place call that may have been sent failed after connecting (no connect
# failure), and "no answer in time" is a read or write timeout.
_SENT_NO_ANSWER: Mapping[str, Callable[[], str]] = {
    "slow": lambda: translate(
        "Client", "No answer came back after the call request was sent: the platform took too long to answer."
    ),
    "proxy": lambda: translate(
        "Client", "No answer came back after the call request was sent: the proxy refused the connection."
    ),
    "closed": lambda: translate(
        "Client",
        "No answer came back after the call request was sent: the server closed the connection without answering.",
    ),
    "broke": lambda: translate(
        "Client", "No answer came back after the call request was sent: the connection broke."
    ),
    "failed": lambda: translate(
        "Client", "No answer came back after the call request was sent: the connection failed."
    ),
}
_NO_ANSWER_IN_TIME: Mapping[str, Callable[[], str]] = {
    "slow": lambda: translate("Client", "No answer in time: the platform took too long to answer."),
}
_NOT_REACHED: Mapping[str, Callable[[], str]] = {
    "timed out": lambda: translate("Client", "Could not reach the platform: the connection timed out."),
    "slow": lambda: translate(
        "Client", "Could not reach the platform: the platform took too long to answer."
    ),
    "proxy": lambda: translate("Client", "Could not reach the platform: the proxy refused the connection."),
    "certificate, system trust": lambda: translate(
        "Client",
        "Could not reach the platform: the platform's certificate could not be verified (a proxy that inspects "
        "traffic needs its root certificate installed in the system's trust store).",
    ),
    "certificate, certifi": lambda: translate(
        "Client",
        "Could not reach the platform: the platform's certificate could not be verified (a proxy that inspects "
        "traffic needs its root certificate installed in the system, and {variable}=system so that ccdesk uses "
        "the system's trust store).",
    ).format(variable=TRUST_ENV),
    "host unknown": lambda: translate(
        "Client", "Could not reach the platform: the host name could not be found."
    ),
    "refused": lambda: translate(
        "Client", "Could not reach the platform: the connection was refused or the network is down."
    ),
    "closed": lambda: translate(
        "Client", "Could not reach the platform: the server closed the connection without answering."
    ),
    "broke": lambda: translate("Client", "Could not reach the platform: the connection broke."),
    "failed": lambda: translate("Client", "Could not reach the platform: the connection failed."),
}
