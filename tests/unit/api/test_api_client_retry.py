"""Retries, give-ups and the error each failure becomes; a place call that may have left is never re-sent."""

from __future__ import annotations

import random
from typing import Any

import httpx
import pytest

from ccdesk.api.errors import (
    AgentStatusApiOffError,
    ApiError,
    AuthenticationError,
    ConnectionFailedError,
    GoneError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitedError,
    RejectedError,
    RequestTimeoutError,
    ServerError,
)
from ccdesk.api.models import BulkStatusRequest, PlaceCallRequest, StatusChange, TransactionCode
from ccdesk.api.retry import RetryNotice, RetryPolicy

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
PLACED = {"reasons": ["Call successfully initiated"], "message": "OK", "interactionGuid": "int-1"}
OK = {"reasons": ["ok"], "message": "OK"}


def place(client: Any) -> Any:
    return client.place_call(PlaceCallRequest(agent_id=AGENT, prefix="1", number="6175551984"))


def test_503_on_delete_is_retried_then_succeeds(harness: Any) -> None:
    r = harness.reply
    client = harness.client(r(503, "busy"), r(200, OK))
    assert client.free_lines(AGENT).reasons == ("ok",)
    assert len(harness.recorder.requests) == 2
    assert len(harness.sleeps) == 1
    assert 0 <= harness.sleeps[0] <= 0.5  # full jitter below base_delay on the first retry
    assert harness.notices == [
        RetryNotice(
            attempt=1,
            delay=harness.sleeps[0],
            reason="HTTP 503",
            method="DELETE",
            path="/tenants/acmecorp01/agents/ag0VYyLh0YTsymdbtYIaaaa/calls",
        )
    ]


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_idempotent_requests_retry_on_transient_statuses(harness: Any, status: int) -> None:
    client = harness.client(harness.reply(status), harness.reply(200, {"data": []}))
    assert client.list_agents() == []
    assert len(harness.recorder.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 500])
def test_other_faults_are_not_retried(harness: Any, status: int) -> None:
    client = harness.client(harness.reply(status))
    with pytest.raises(ApiError):
        client.end_call("int-1")
    assert len(harness.recorder.requests) == 1
    assert harness.sleeps == []


def test_503_on_place_call_is_sent_exactly_once(harness: Any) -> None:
    client = harness.client(harness.reply(503, {"reasons": ["down"]}), harness.reply(200, PLACED))
    with pytest.raises(ServerError) as caught:
        place(client)
    assert len(harness.recorder.requests) == 1
    assert caught.value.status == 503
    assert caught.value.reasons == ("down",)
    assert harness.sleeps == []


@pytest.mark.parametrize("status", [502, 504])
def test_gateway_fault_on_place_call_is_an_unknown_outcome(harness: Any, status: int) -> None:
    client = harness.client(harness.reply(status, "<html><title>Bad Gateway</title></html>"))
    with pytest.raises(OutcomeUnknownError) as caught:
        place(client)
    assert len(harness.recorder.requests) == 1
    assert caught.value.exit_code == 6
    assert caught.value.status == status


def test_500_on_place_call_is_an_unknown_outcome_with_the_platforms_reasons(harness: Any) -> None:
    """The OpenAPI file's place-call 500 is only "There was a server error": the call may have been placed."""
    client = harness.client(harness.reply(500, {"reasons": ["Internal error"]}), harness.reply(200, PLACED))
    with pytest.raises(OutcomeUnknownError) as caught:
        place(client)
    assert len(harness.recorder.requests) == 1  # never re-sent
    assert (caught.value.status, caught.value.reasons, caught.value.exit_code) == (
        500,
        ("Internal error",),
        6,
    )
    assert "may have been placed" in caught.value.message
    assert "Check the agent's lines" in caught.value.explanation


def test_429_on_place_call_is_not_retried(harness: Any) -> None:
    client = harness.client(harness.reply(429, headers={"Retry-After": "1"}), harness.reply(200, PLACED))
    with pytest.raises(RateLimitedError):
        place(client)
    assert len(harness.recorder.requests) == 1


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow connect")])
def test_place_call_is_retried_when_the_connection_failed_before_sending(
    harness: Any, failure: Exception
) -> None:
    client = harness.client(failure, harness.reply(200, PLACED))
    assert place(client).interaction_id == "int-1"
    assert len(harness.recorder.requests) == 2
    assert harness.notices[0].reason == type(failure).__name__
    assert harness.notices[0].method == "POST"


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("no answer"),
        httpx.RemoteProtocolError("server disconnected"),
        httpx.ReadError("reset"),
        httpx.WriteTimeout("stuck"),
        httpx.WriteError("broken pipe"),
    ],
)
def test_place_call_failure_after_sending_is_an_unknown_outcome(harness: Any, failure: Exception) -> None:
    client = harness.client(failure, harness.reply(200, PLACED))
    with pytest.raises(OutcomeUnknownError) as caught:
        place(client)
    assert len(harness.recorder.requests) == 1
    assert caught.value.exit_code == 6
    assert caught.value.method == "POST"
    assert isinstance(caught.value.__cause__, type(failure))
    assert harness.sleeps == []


def test_place_call_gives_up_after_max_attempts_of_connect_errors(harness: Any) -> None:
    client = harness.client(httpx.ConnectError("refused"))
    with pytest.raises(ConnectionFailedError) as caught:
        place(client)
    assert len(harness.recorder.requests) == 4
    assert len(harness.sleeps) == 3
    assert caught.value.exit_code == 5


def test_place_call_success_without_interaction_id_is_an_unknown_outcome(harness: Any) -> None:
    client = harness.client(harness.reply(200, {"reasons": ["Call successfully initiated"]}))
    with pytest.raises(OutcomeUnknownError) as caught:
        place(client)
    assert "may have been placed" in caught.value.message
    assert caught.value.reasons == ("Call successfully initiated",)
    assert len(harness.recorder.requests) == 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"id": "int-2"}, "int-2"),
        ({"interactionGuid": " int-3 ", "id": "x"}, "int-3"),
        ({"id": "", "x": 1}, None),
    ],
)
def test_place_call_accepts_either_id_name(harness: Any, body: dict[str, Any], expected: str | None) -> None:
    client = harness.client(harness.reply(200, body))
    if expected is None:
        with pytest.raises(OutcomeUnknownError):
            place(client)
    else:
        assert place(client).interaction_id == expected


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.ConnectError("refused"), ConnectionFailedError),
        (httpx.ConnectTimeout("slow"), ConnectionFailedError),
        (httpx.ReadTimeout("slow"), RequestTimeoutError),
        (httpx.RemoteProtocolError("closed"), ConnectionFailedError),
        (httpx.ReadError("reset"), ConnectionFailedError),
    ],
)
def test_idempotent_transport_failures_are_retried_then_reported(
    harness: Any, failure: Exception, error: type[ApiError]
) -> None:
    client = harness.client(failure)
    with pytest.raises(error) as caught:
        client.hang_up("int-1", AGENT)
    assert len(harness.recorder.requests) == 4
    assert caught.value.exit_code == 5
    assert [n.attempt for n in harness.notices] == [1, 2, 3]


def test_transport_failure_then_success_on_get(harness: Any) -> None:
    client = harness.client(
        httpx.ReadTimeout("slow"), harness.reply(200, {"agent-id": AGENT, "agent-status": 4})
    )
    assert client.get_agent(AGENT).status == 4
    assert len(harness.recorder.requests) == 2


def test_retry_after_within_the_cap_is_honoured_exactly(harness: Any) -> None:
    client = harness.client(harness.reply(429, headers={"Retry-After": "2"}), harness.reply(200, OK))
    client.end_call("int-1")
    assert harness.sleeps == [2.0]
    assert harness.notices[0].delay == 2.0
    assert harness.notices[0].reason == "HTTP 429"


def test_retry_after_beyond_the_cap_gives_up_at_once(harness: Any) -> None:
    client = harness.client(harness.reply(429, {"reasons": ["slow down"]}, headers={"Retry-After": "120"}))
    with pytest.raises(RateLimitedError) as caught:
        client.end_call("int-1")
    assert caught.value.retry_after == 120
    assert caught.value.reasons == ("slow down",)
    assert len(harness.recorder.requests) == 1
    assert harness.sleeps == []


@pytest.mark.parametrize("attempts", [1, 2, 5])
def test_max_attempts_is_respected(harness: Any, attempts: int) -> None:
    policy = RetryPolicy(max_attempts=attempts, rng=random.Random(1))
    client = harness.client(harness.reply(503), retry=policy)
    with pytest.raises(ServerError):
        client.free_line(AGENT, 1)
    assert len(harness.recorder.requests) == attempts
    assert len(harness.sleeps) == attempts - 1


def test_backoff_grows_but_stays_under_the_ceiling(harness: Any) -> None:
    policy = RetryPolicy(max_attempts=8, base_delay=0.5, max_delay=2.0, rng=random.Random(3))
    client = harness.client(harness.reply(502), retry=policy)
    with pytest.raises(ServerError):
        client.free_lines(AGENT)
    ceilings = [0.5, 1.0, 2.0, 2.0, 2.0, 2.0, 2.0]
    assert len(harness.sleeps) == len(ceilings)
    assert all(0 <= slept <= ceiling for slept, ceiling in zip(harness.sleeps, ceilings, strict=True))


XML_403 = "<API><Error>403 - Forbidden.</Error></API>"


@pytest.mark.parametrize(
    ("status", "body", "headers", "error", "reasons", "exit_code"),
    [
        (
            401,
            {"reasons": ["Unauthorized"], "message": "Unauthorized"},
            {},
            AuthenticationError,
            ("Unauthorized",),
            3,
        ),
        (403, XML_403, {"Content-Type": "application/xml"}, AgentStatusApiOffError, ("403 - Forbidden.",), 3),
        (
            404,
            {"reasons": ["Interaction [int-9] for agent [ag1] was not found"], "message": "Not Found"},
            {},
            NotFoundError,
            ("Interaction [int-9] for agent [ag1] was not found",),
            4,
        ),
        (
            410,
            {"reasons": ["Interaction [int-9] was not found."], "message": "Gone"},
            {},
            GoneError,
            ("Interaction [int-9] was not found.",),
            4,
        ),
        (
            429,
            {"reasons": ["Too many requests"]},
            {"Retry-After": "99"},
            RateLimitedError,
            ("Too many requests",),
            4,
        ),
        (
            400,
            {"reasons": ["Invalid transaction code, listId=[12] itemId=[999]"], "message": "Bad Request"},
            {},
            RejectedError,
            ("Invalid transaction code, listId=[12] itemId=[999]",),
            4,
        ),
        (500, {"reasons": ["Internal error"], "message": "Error"}, {}, ServerError, ("Internal error",), 5),
    ],
)
def test_each_status_becomes_its_error_with_reasons_verbatim(
    harness: Any,
    status: int,
    body: Any,
    headers: dict[str, str],
    error: type[ApiError],
    reasons: tuple[str, ...],
    exit_code: int,
) -> None:
    client = harness.client(harness.reply(status, body, headers))
    with pytest.raises(error) as caught:
        client.set_agent_status(AGENT, StatusChange(4))
    assert type(caught.value) is error
    assert caught.value.status == status
    assert caught.value.reasons == reasons
    assert caught.value.exit_code == exit_code
    assert caught.value.method == "PUT"
    assert caught.value.path == f"/tenants/acmecorp01/agentstatus/agents/{AGENT}"
    assert str(caught.value).startswith(f"HTTP {status}: ")


def test_empty_fault_body_falls_back_to_the_explanation(harness: Any) -> None:
    client = harness.client(harness.reply(401))
    with pytest.raises(AuthenticationError) as caught:
        client.list_agents()
    assert caught.value.reasons == ()
    assert "token" in str(caught.value)


@pytest.mark.parametrize("body", [b"", b"not json", b"\xff\xfe", b"[1, 2]", b'"OK"'])
def test_unreadable_success_bodies_still_succeed_for_puts_and_deletes(harness: Any, body: bytes) -> None:
    client = harness.client(harness.reply(200, body))
    assert client.end_call("int-1").status == 200
    assert client.set_transaction_codes("int-1", AGENT, [TransactionCode(1, 2)]).reasons == ()
    result = client.set_agent_status(AGENT, StatusChange(4))
    assert (result.agent_id, result.change_status, result.ok) == (AGENT, 200, True)


@pytest.mark.parametrize("body", [b"", b"not json", b'{"data": 3}', b'"x"'])
def test_unreadable_success_bodies_fail_for_reads(harness: Any, body: bytes) -> None:
    client = harness.client(harness.reply(200, body))
    with pytest.raises(ServerError, match="could not be read"):
        client.list_agents()


def test_reasons_may_be_a_single_string_and_message_may_be_missing(harness: Any) -> None:
    client = harness.client(harness.reply(200, {"reasons": "Hangup was successful", "message": 5}))
    result = client.hang_up("int-1", AGENT)
    assert result.reasons == ("Hangup was successful",)
    assert result.message == ""


def test_agent_list_is_read_defensively(harness: Any) -> None:
    body = {
        "data": [
            {"agent-id": "a1", "agent-status": 1, "name": "Ilya Workshard"},
            {
                "agent-id": "a2",
                "agent-status": "5",
                "status-code-list-id": 801,
                "status-code-item-short-code": "Train",
            },
            "junk",
            {"agent-id": "a3", "agent-status": None},
        ]
    }
    client = harness.client(harness.reply(200, body))
    agents = client.list_agents()
    assert [(a.agent_id, a.status) for a in agents] == [("a1", 1), ("a2", 5), ("a3", 0)]
    assert agents[1].status_code_short_code == "Train"


def test_get_agent_fills_a_missing_id_and_unwraps_data(harness: Any) -> None:
    client = harness.client(harness.reply(200, {"data": [{"agent-status": 3}]}))
    agent = client.get_agent(AGENT)
    assert (agent.agent_id, agent.status) == (AGENT, 3)


def test_bulk_results_are_matched_to_entries_and_200_is_accepted(harness: Any) -> None:
    body = {
        "data": [
            {"agent-id": "ag2", "change-status": 400, "reason": "The status code list id is invalid."},
            {"change-status": 200},
        ]
    }
    client = harness.client(harness.reply(200, body))
    results = client.set_agent_statuses([BulkStatusRequest("ag1"), BulkStatusRequest("ag2")])
    assert [(r.agent_id, r.change_status, r.reason) for r in results] == [
        ("ag1", 0, ""),
        ("ag2", 400, "The status code list id is invalid."),
    ]
    assert "did not report" in results[0].message


def test_fault_on_bulk_raises(harness: Any) -> None:
    client = harness.client(harness.reply(403, XML_403))
    with pytest.raises(PermissionDeniedError):
        client.set_agent_statuses([BulkStatusRequest("ag1")])
