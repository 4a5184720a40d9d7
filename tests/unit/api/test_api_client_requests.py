"""Each operation sends exactly the request the 8x8 documents describe; bad input is refused unsent."""

from __future__ import annotations

import inspect
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from ccdesk.api.client import USER_AGENT, CCClient
from ccdesk.api.errors import ConfigurationError, InvalidInput
from ccdesk.api.models import (
    AgentState,
    BulkStatusRequest,
    NameValue,
    PlaceCallRequest,
    StatusChange,
    TransactionCode,
)
from tests.doc_examples import DOC_PLACE_CALL_BODY

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
IID = "int-184a0c5493f-nempJR9b0nXcZbChiZmtZkLCE-phone-00-acmecorp01"

DOC_PLACE_CALL_RESPONSE = {
    "reasons": ["Call successfully initiated"],
    "message": "OK",
    "interactionGuid": IID,
}
DOC_CODES_BODY = {"selections": [{"id": 12, "codes": [{"id": 234}]}, {"id": 2281, "codes": [{"id": 7361}]}]}
DOC_STATUS_BODY = {
    "agent-status": 5,
    "status-code-list-id": 801,
    "status-code-item-id": 1722,
    "status-code-item-short-code": "Meet",
}
DOC_BULK_BODY = {
    "agents": [
        {
            "agent-id": "ag64oyEUb_Sk6bxVB9P5yaaa",
            "agent-status": 3,
            "status-code-list-id": 801,
            "status-code-item-id": 1725,
            "status-code-item-short-code": "Lunch",
        },
        {
            "agent-id": "agAQDqmvKiRbG4ekigNSmbbb",
            "agent-status": 3,
            "status-code-list-id": 801,
            "status-code-item-id": 1725,
            "status-code-item-short-code": "Lunch",
        },
    ]
}
DOC_BULK_RESPONSE = {
    "data": [
        {
            "agent-id": "ag64oyEUb_Sk6bxVB9P5yaaa",
            "reason": "OK",
            "change-status": 200,
            "message": "Agent status change successful",
        },
        {
            "agent-id": "agAQDqmvKiRbG4ekigNSmbbb",
            "reason": "OK",
            "change-status": 200,
            "message": "Agent status change successful",
        },
    ]
}
OK_BODY = {"reasons": ["done"], "message": "OK"}


def doc_place_call() -> PlaceCallRequest:
    return PlaceCallRequest(
        agent_id=AGENT,
        prefix="1",
        number="6175551984",
        caller_id="12015551212",
        queue_id="598",
        force_call=True,
        dialplan_id="12",
        ext_transaction_data=(NameValue("Name", "Bilbo Baggins"), NameValue("Loyalty Level", "Gold")),
        ctl_user_data=(NameValue("AccountRef", "BB123987"), NameValue("DueDate", "2022-12-25")),
    )


def lunch(agent_id: str) -> BulkStatusRequest:
    return BulkStatusRequest(agent_id, StatusChange(AgentState.ON_BREAK, 801, 1725, "Lunch"))


T = "/api/v1/tenants/acmecorp01"
# (operation, method, raw path, raw query, JSON body sent or None, canned response body)
OPERATIONS: list[tuple[Callable[[CCClient], Any], str, str, bytes, Any, Any]] = [
    (
        lambda c: c.place_call(doc_place_call()),
        "POST",
        f"{T}/calls",
        b"",
        DOC_PLACE_CALL_BODY,
        DOC_PLACE_CALL_RESPONSE,
    ),
    (
        lambda c: c.set_transaction_codes(
            IID, AGENT, [TransactionCode(12, 234), TransactionCode(2281, 7361)]
        ),
        "PUT",
        f"{T}/calls/{IID}/agent/{AGENT}/transaction-codes",
        b"",
        DOC_CODES_BODY,
        OK_BODY,
    ),
    (lambda c: c.end_call(IID), "DELETE", f"{T}/calls/{IID}", b"", None, OK_BODY),
    (
        lambda c: c.end_call(IID, end_post_processing=True),
        "DELETE",
        f"{T}/calls/{IID}",
        b"endPostProcessing=true",
        None,
        OK_BODY,
    ),
    (lambda c: c.hang_up(IID, AGENT), "DELETE", f"{T}/calls/{IID}/agent/{AGENT}", b"", None, OK_BODY),
    (lambda c: c.free_lines(AGENT), "DELETE", f"{T}/agents/{AGENT}/calls", b"", None, OK_BODY),
    (lambda c: c.free_line(AGENT, 2), "DELETE", f"{T}/agents/{AGENT}/calls/line/2", b"", None, OK_BODY),
    (lambda c: c.free_line(AGENT, "1"), "DELETE", f"{T}/agents/{AGENT}/calls/line/1", b"", None, OK_BODY),
    (
        lambda c: c.list_agents(),
        "GET",
        f"{T}/agentstatus/agents",
        b"pageSize=500&pageIndex=0",
        None,
        {"data": []},
    ),
    (
        lambda c: c.list_agents(group_id="100"),
        "GET",
        f"{T}/agentstatus/agents",
        b"groupId=100&pageSize=500&pageIndex=0",
        None,
        {"data": []},
    ),
    (lambda c: c.get_agent(AGENT), "GET", f"{T}/agentstatus/agents/{AGENT}", b"", None, {"agent-id": AGENT}),
    (
        lambda c: c.set_agent_status(AGENT, StatusChange(AgentState.WORK_OFFLINE, 801, 1722, "Meet")),
        "PUT",
        f"{T}/agentstatus/agents/{AGENT}",
        b"",
        DOC_STATUS_BODY,
        {"reason": "OK", "change-status": 200, "message": "Agent status change successful"},
    ),
    (
        lambda c: c.set_agent_statuses(
            [lunch("ag64oyEUb_Sk6bxVB9P5yaaa"), lunch("agAQDqmvKiRbG4ekigNSmbbb")]
        ),
        "POST",  # the OpenAPI file's method, tried first (the guide's PUT is the fallback)
        f"{T}/agentstatus/agents/bulk",
        b"",
        DOC_BULK_BODY,
        DOC_BULK_RESPONSE,
    ),
]


@pytest.mark.parametrize(("operation", "method", "raw_path", "query", "body", "response"), OPERATIONS)
def test_operation_sends_exactly_the_documented_request(
    harness: Any, operation: Any, method: str, raw_path: str, query: bytes, body: Any, response: Any
) -> None:
    client = harness.client(harness.reply(207 if raw_path.endswith("bulk") else 200, response))
    operation(client)
    assert len(harness.recorder.requests) == 1
    sent = harness.recorder.last
    assert sent.method == method
    assert str(sent.url).startswith("https://vcc-na12.8x8.com/")
    assert sent.url.raw_path == (raw_path + ("?" + query.decode() if query else "")).encode()
    assert sent.url.query == query
    assert sent.headers["Authorization"] == harness.BASIC
    assert sent.headers["Accept"] == "application/json"
    assert sent.headers["User-Agent"] == USER_AGENT
    if body is None:
        assert "Content-Type" not in sent.headers
        assert sent.content == b""
    else:
        assert sent.headers["Content-Type"] == "application/json"
        assert json.loads(sent.content) == body


def test_optional_place_call_fields_are_omitted_not_null(harness: Any) -> None:
    client = harness.client(harness.reply(200, DOC_PLACE_CALL_RESPONSE))
    client.place_call(PlaceCallRequest(agent_id=AGENT, prefix="", number="6175551984"))
    assert harness.recorder.last_json() == {
        "agentId": AGENT,
        "prefix": "",
        "number": "6175551984",
        "callerId": "",
    }


def test_status_change_without_code_sends_only_the_status(harness: Any) -> None:
    client = harness.client(harness.reply(200, {"change-status": 200}))
    client.set_agent_status(AGENT, StatusChange(AgentState.WAIT_TRANSACT))
    assert harness.recorder.last_json() == {"agent-status": 4}


def test_results_are_parsed_from_the_documented_answers(harness: Any) -> None:
    client = harness.client(harness.reply(200, DOC_PLACE_CALL_RESPONSE))
    placed = client.place_call(doc_place_call())
    assert placed.interaction_id == IID
    assert placed.reasons == ("Call successfully initiated",)
    assert placed.message == "OK"

    client = harness.client(harness.reply(207, DOC_BULK_RESPONSE))
    results = client.set_agent_statuses(
        [lunch("ag64oyEUb_Sk6bxVB9P5yaaa"), lunch("agAQDqmvKiRbG4ekigNSmbbb")]
    )
    assert [(r.agent_id, r.change_status, r.ok) for r in results] == [
        ("ag64oyEUb_Sk6bxVB9P5yaaa", 200, True),
        ("agAQDqmvKiRbG4ekigNSmbbb", 200, True),
    ]


# --- hostile input never reaches the wire -----------------------------------------------------------------

HOSTILE_IDS = ["../x", "a/b", "a?b", "a#b", " x", "", "..", ".", "a\\b", "a%2Fb", "a b", "x\n", "a" * 257]


@pytest.mark.parametrize("bad", HOSTILE_IDS)
@pytest.mark.parametrize(
    "operation",
    [
        lambda c, bad: c.set_transaction_codes(bad, AGENT, [TransactionCode(1, 2)]),
        lambda c, bad: c.set_transaction_codes(IID, bad, [TransactionCode(1, 2)]),
        lambda c, bad: c.end_call(bad),
        lambda c, bad: c.hang_up(bad, AGENT),
        lambda c, bad: c.hang_up(IID, bad),
        lambda c, bad: c.free_lines(bad),
        lambda c, bad: c.free_line(bad, 1),
        lambda c, bad: c.get_agent(bad),
        lambda c, bad: c.set_agent_status(bad, StatusChange(AgentState.ON_BREAK)),
        lambda c, bad: c.set_agent_statuses([BulkStatusRequest(AGENT), BulkStatusRequest(bad)]),
    ],
)
def test_hostile_ids_are_refused_before_sending(harness: Any, operation: Any, bad: str) -> None:
    client = harness.client()
    with pytest.raises(InvalidInput):
        operation(client, bad)
    assert harness.recorder.requests == []


@pytest.mark.parametrize("bad", HOSTILE_IDS)
def test_hostile_tenant_is_refused_at_construction(harness: Any, bad: str) -> None:
    with pytest.raises(InvalidInput, match="tenant"):
        harness.client(tenant=bad)


@pytest.mark.parametrize("line", [0, 3, "x", "01", True, 1.0, None])
def test_bad_line_numbers_are_refused(harness: Any, line: Any) -> None:
    client = harness.client()
    with pytest.raises(InvalidInput, match="line"):
        client.free_line(AGENT, line)
    assert harness.recorder.requests == []


@pytest.mark.parametrize(
    "codes",
    [
        [TransactionCode(1, item) for item in range(7)],
        [TransactionCode(12, 234), TransactionCode(12, 234)],
        [],
        ["12:234"],
    ],
    ids=["seven", "duplicate", "none", "not-a-code"],
)
def test_bad_transaction_codes_are_refused(harness: Any, codes: list[Any]) -> None:
    client = harness.client()
    with pytest.raises(InvalidInput):
        client.set_transaction_codes(IID, AGENT, codes)
    assert harness.recorder.requests == []


@pytest.mark.parametrize(
    "entries",
    [
        [],
        [BulkStatusRequest(f"ag{i}") for i in range(101)],
        [BulkStatusRequest("ag1"), BulkStatusRequest("ag1")],
    ],
    ids=["empty", "over-100", "duplicate-agent"],
)
def test_bad_bulk_requests_are_refused(harness: Any, entries: list[BulkStatusRequest]) -> None:
    client = harness.client()
    with pytest.raises(InvalidInput):
        client.set_agent_statuses(entries)
    assert harness.recorder.requests == []


def test_a_hundred_agents_is_one_request(harness: Any) -> None:
    client = harness.client(harness.reply(207, {"data": []}))
    results = client.set_agent_statuses([BulkStatusRequest(f"ag{i}") for i in range(100)])
    assert len(harness.recorder.requests) == 1
    assert len(harness.recorder.last_json()["agents"]) == 100
    assert len(results) == 100
    assert not any(result.ok for result in results)  # nothing reported: outcome unknown, not success


def test_place_call_with_hostile_agent_id_is_refused(harness: Any) -> None:
    client = harness.client()
    with pytest.raises(InvalidInput):
        client.place_call(PlaceCallRequest(agent_id="a/b", prefix="1", number="6175551984"))
    assert harness.recorder.requests == []


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"base_url": "http://vcc-na12.8x8.com/api/v1"}, InvalidInput),
        ({"base_url": "https://user:pw@vcc-na12.8x8.com/api/v1"}, InvalidInput),
        ({"token": ""}, ConfigurationError),
        ({"token": "abc\n"}, ConfigurationError),
        ({"username": ""}, ConfigurationError),
        ({"username": "a:b"}, ConfigurationError),
        ({"read_timeout": 0}, InvalidInput),
    ],
)
def test_unusable_settings_are_refused(harness: Any, options: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        harness.client(**options)
    assert harness.recorder.requests == []


def test_loopback_http_is_allowed_and_properties_are_kept(harness: Any) -> None:
    with harness.client(base_url="http://127.0.0.1:8080/api/v1/") as client:
        assert client.base_url == "http://127.0.0.1:8080/api/v1"
        assert client.tenant == "acmecorp01"
        assert client.username == "myclientId"
        client.free_lines(AGENT)
    assert str(harness.recorder.last.url) == f"http://127.0.0.1:8080{T}/agents/{AGENT}/calls"


def test_encoded_segments_arrive_as_sent(harness: Any) -> None:
    client = harness.client()
    client.hang_up("int;1é", "ag~x'y")
    assert harness.recorder.last.url.raw_path == f"{T}/calls/int%3B1%C3%A9/agent/ag~x%27y".encode()


class _Capture(BaseHTTPRequestHandler):
    """Keeps the request line exactly as it arrived on the socket."""

    seen: list[tuple[str, str, dict[str, str], bytes]] = []  # noqa: RUF012 - shared on purpose

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.seen.append((self.command, self.path, dict(self.headers), body))
        payload = json.dumps({"reasons": ["ok"], "message": "OK", "interactionGuid": "int-1"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = _handle

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log."""


@pytest.fixture
def loopback_server() -> Iterator[str]:
    _Capture.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Capture)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()


def test_bytes_on_the_wire_over_real_loopback_http(loopback_server: str) -> None:
    with CCClient(base_url=loopback_server, tenant="acme01", username="u", token="t") as client:
        client.hang_up("int;1é", "ag~x'y")
        client.end_call("i-1", end_post_processing=True)
        client.place_call(PlaceCallRequest(agent_id=AGENT, prefix="1", number="6175551984"))
    (m1, p1, h1, b1), (m2, p2, _, _), (m3, p3, h3, b3) = _Capture.seen
    assert (m1, p1, b1) == ("DELETE", "/api/v1/tenants/acme01/calls/int%3B1%C3%A9/agent/ag~x%27y", b"")
    assert "Content-Type" not in h1
    assert h1["Authorization"] == "Basic dTp0"
    assert (m2, p2) == ("DELETE", "/api/v1/tenants/acme01/calls/i-1?endPostProcessing=true")
    assert (m3, p3, h3["Content-Type"]) == ("POST", "/api/v1/tenants/acme01/calls", "application/json")
    assert json.loads(b3)["number"] == "6175551984"


def test_httpx_url_keeps_encoded_slash() -> None:
    """The guarantee the client relies on: httpx does not decode %2F back into a path separator."""
    assert httpx.URL("https://h/api/v1/tenants/a%2Fb/calls").raw_path == b"/api/v1/tenants/a%2Fb/calls"


def test_timeouts_are_explicit_on_every_request(harness: Any) -> None:
    client = harness.client(connect_timeout=2.0, read_timeout=9.0)
    client.free_lines(AGENT)
    assert harness.recorder.last.extensions["timeout"] == {
        "connect": 2.0,
        "read": 9.0,
        "write": 9.0,
        "pool": 2.0,
    }


def test_certificate_checks_cannot_be_turned_off() -> None:
    assert "verify" not in inspect.signature(CCClient).parameters


def test_one_client_serves_many_threads(harness: Any) -> None:
    client = harness.client(harness.reply(200, OK_BODY))
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for line in (1, 2) * 10:
                client.free_line(f"ag{n}", line)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(harness.recorder.requests) == 160
    assert {r.url.raw_path for r in harness.recorder.requests} == {
        f"{T}/agents/ag{n}/calls/line/{line}".encode() for n in range(8) for line in (1, 2)
    }
