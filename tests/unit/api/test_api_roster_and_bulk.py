"""Where the Agent Status documents allow two readings: roster pages and groups, the bulk endpoint's method."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from ccdesk.api.errors import InvalidInput, NotFoundError, ServerError
from ccdesk.api.models import AgentState, BulkStatusRequest, StatusChange

ROSTER = "/api/v1/tenants/acmecorp01/agentstatus/agents"
BULK = "/api/v1/tenants/acmecorp01/agentstatus/agents/bulk"


def agents(first: int, count: int) -> list[dict[str, Any]]:
    return [
        {"agent-id": f"ag{n:04d}", "agent-status": 4, "name": f"Agent {n}"}
        for n in range(first, first + count)
    ]


def page(index: int, total: int, size: int = 500) -> dict[str, Any]:
    count = max(0, min(size, total - index * size))
    pages = -(-total // size)
    return {
        "data": agents(index * size, count),
        "page": {"pageSize": size, "totalElements": total, "totalPages": pages, "pageIndex": index},
    }


def queries(harness: Any) -> list[str]:
    return [r.url.query.decode() for r in harness.recorder.requests]


# -- roster pages --------------------------------------------------------------------------------------------


def test_every_page_is_read_so_a_large_tenant_is_never_cut_short(harness: Any) -> None:
    r = harness.reply
    client = harness.client(r(200, page(0, 1201)), r(200, page(1, 1201)), r(200, page(2, 1201)))
    roster = client.list_agents()
    assert [a.agent_id for a in roster] == [f"ag{n:04d}" for n in range(1201)]
    assert queries(harness) == [
        "pageSize=500&pageIndex=0",
        "pageSize=500&pageIndex=1",
        "pageSize=500&pageIndex=2",
    ]
    assert {r.url.raw_path.decode().split("?")[0] for r in harness.recorder.requests} == {ROSTER}


def test_pages_are_counted_from_total_elements_when_total_pages_is_missing(harness: Any) -> None:
    first, second = page(0, 700), page(1, 700)
    for body in (first, second):
        del body["page"]["totalPages"]
    client = harness.client(harness.reply(200, first), harness.reply(200, second))
    assert len(client.list_agents()) == 700
    assert len(harness.recorder.requests) == 2


def test_an_answer_without_page_is_the_whole_roster(harness: Any) -> None:
    """The OpenAPI file: "Pagination is currently not available": then one answer holds every agent."""
    client = harness.client(harness.reply(200, {"data": agents(0, 800)}))
    assert len(client.list_agents()) == 800
    assert queries(harness) == ["pageSize=500&pageIndex=0"]


def test_a_server_that_ignores_page_index_is_not_read_forever(harness: Any) -> None:
    same = {
        "data": agents(0, 3),
        "page": {"pageSize": 3, "totalElements": 9, "totalPages": 3, "pageIndex": 0},
    }
    client = harness.client(harness.reply(200, same))
    assert [a.agent_id for a in client.list_agents()] == ["ag0000", "ag0001", "ag0002"]
    assert len(harness.recorder.requests) == 2  # the second page brought nobody new: stop


def test_a_server_announcing_endless_pages_is_bounded(harness: Any) -> None:
    served = iter(range(10**6))

    def endless(request: Any) -> Any:
        request.read()
        harness.recorder.requests.append(request)
        n = next(served)
        body = {"data": agents(n, 1), "page": {"pageSize": 1, "totalPages": 10**9, "pageIndex": n}}
        return harness.reply(200, body)

    client = harness.client(transport=httpx.MockTransport(endless))
    assert len(client.list_agents()) == 500
    assert len(harness.recorder.requests) == 500


def test_a_failing_page_fails_the_read(harness: Any) -> None:
    client = harness.client(harness.reply(200, page(0, 900)), harness.reply(500, {"reasons": ["boom"]}))
    with pytest.raises(ServerError):
        client.list_agents()


def test_the_group_filter_is_sent_with_every_page(harness: Any) -> None:
    r = harness.reply
    client = harness.client(r(200, page(0, 600)), r(200, page(1, 600)))
    assert len(client.list_agents(group_id="100")) == 600
    assert queries(harness) == [
        "groupId=100&pageSize=500&pageIndex=0",
        "groupId=100&pageSize=500&pageIndex=1",
    ]


@pytest.mark.parametrize("bad", ["", "1 00", "a?b", "100#x", "a/b", "x" * 300])
def test_a_bad_group_id_is_refused_unsent(harness: Any, bad: str) -> None:
    client = harness.client()
    with pytest.raises(InvalidInput, match="group id"):
        client.list_agents(group_id=bad)
    assert harness.recorder.requests == []


def test_a_group_id_is_encoded_as_one_query_value(harness: Any) -> None:
    client = harness.client(harness.reply(200, {"data": []}))
    client.list_agents(group_id="Sales+EMEA=1")
    assert queries(harness) == ["groupId=Sales%2BEMEA%3D1&pageSize=500&pageIndex=0"]


# -- the bulk endpoint's method ------------------------------------------------------------------------------

OK_207 = {"data": [{"agent-id": "ag1", "reason": "OK", "change-status": 200, "message": "ok"}]}
ENTRY = BulkStatusRequest("ag1", StatusChange(AgentState.ON_BREAK, 801, 1725, "Lunch"))
BODY = {
    "agents": [
        {
            "agent-id": "ag1",
            "agent-status": 3,
            "status-code-list-id": 801,
            "status-code-item-id": 1725,
            "status-code-item-short-code": "Lunch",
        }
    ]
}


def sent(harness: Any) -> list[tuple[str, str, Any]]:
    return [(r.method, r.url.raw_path.decode(), json.loads(r.content)) for r in harness.recorder.requests]


def test_post_is_sent_first(harness: Any) -> None:
    client = harness.client(harness.reply(207, OK_207))
    assert client.bulk_status_method == "POST"
    assert [r.ok for r in client.set_agent_statuses([ENTRY])] == [True]
    assert sent(harness) == [("POST", BULK, BODY)]


@pytest.mark.parametrize("refusal", [404, 405])
def test_a_refused_method_falls_back_to_the_other_and_is_remembered(harness: Any, refusal: int) -> None:
    r = harness.reply
    client = harness.client(r(refusal, {"reasons": ["Method Not Allowed"]}), r(207, OK_207), r(207, OK_207))
    assert [x.ok for x in client.set_agent_statuses([ENTRY])] == [True]
    assert client.bulk_status_method == "PUT"
    client.set_agent_statuses([ENTRY])
    assert sent(harness) == [("POST", BULK, BODY), ("PUT", BULK, BODY), ("PUT", BULK, BODY)]
    assert harness.recorder.requests[1].headers["Content-Type"] == "application/json"


def test_a_remembered_method_is_sent_first_and_falls_back_too(harness: Any) -> None:
    client = harness.client(harness.reply(405), harness.reply(207, OK_207), bulk_status_method="PUT")
    assert client.bulk_status_method == "PUT"
    client.set_agent_statuses([ENTRY])
    assert [m for m, _, _ in sent(harness)] == ["PUT", "POST"]
    assert client.bulk_status_method == "POST"


@pytest.mark.parametrize("status", [400, 401, 403, 410, 500])
def test_other_refusals_do_not_try_the_other_method(harness: Any, status: int) -> None:
    client = harness.client(harness.reply(status, {"reasons": ["no"]}), harness.reply(207, OK_207))
    with pytest.raises(Exception):  # noqa: B017 (each status has its own error class)
        client.set_agent_statuses([ENTRY])
    assert [m for m, _, _ in sent(harness)] == ["POST"]
    assert client.bulk_status_method == "POST"


def test_both_methods_refused_reports_the_second_refusal(harness: Any) -> None:
    client = harness.client(harness.reply(405), harness.reply(404, {"reasons": ["No resource"]}))
    with pytest.raises(NotFoundError) as caught:
        client.set_agent_statuses([ENTRY])
    assert caught.value.method == "PUT" and caught.value.reasons == ("No resource",)
    assert client.bulk_status_method == "POST"


@pytest.mark.parametrize("bad", ["GET", "PATCH", "delete"])
def test_only_post_or_put_can_be_chosen(harness: Any, bad: str) -> None:
    client = harness.client()
    with pytest.raises(InvalidInput):
        client.bulk_status_method = bad
