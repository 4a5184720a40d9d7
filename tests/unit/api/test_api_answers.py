"""Only 8x8's answers count: bodies decoded one way, web pages and redirects refused, each 403 told apart.

Success bodies are read like fault bodies (a UTF-8 byte-order mark, the charset the Content-Type declares); a
redirect (never followed) or a web page where 8x8 answers JSON is a proxy or sign-in page, never a success; a
403 is "the Agent Status API is switched off" only when the Agent Status API says so.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from ccdesk.api.errors import (
    AgentStatusApiOffError,
    OutcomeUnknownError,
    PermissionDeniedError,
    ProxyAnswerError,
)
from ccdesk.api.models import PlaceCallRequest, StatusChange, TransactionCode
from ccdesk.core.explain import explain

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
IID = "int-184a0c5493f-nempJR9b0nXcZbChiZmtZkLCE-phone-00-acmecorp01"
PLACED = {"reasons": ["Call successfully initiated"], "message": "OK", "interactionGuid": IID}
SIGN_IN_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Sign in to Acme Web Gateway</title></head>"
    "<body><form action='/login'>...</form></body></html>"
)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def place(client: Any) -> Any:
    return client.place_call(PlaceCallRequest(agent_id=AGENT, prefix="1", number="6175551984"))


# -- decoding ------------------------------------------------------------------------------------------------


def test_a_success_body_with_a_utf8_byte_order_mark_is_read(harness: Any) -> None:
    body = b"\xef\xbb\xbf" + json.dumps(PLACED).encode()
    client = harness.client(harness.reply(200, body, {"Content-Type": "application/json"}))
    assert place(client).interaction_id == IID


def test_a_success_body_in_its_declared_charset_is_read(harness: Any) -> None:
    body = {"data": [{"agent-id": "ag1", "agent-status": 4, "name": "José Müller"}]}
    encoded = json.dumps(body, ensure_ascii=False).encode("iso-8859-1")
    client = harness.client(
        harness.reply(200, encoded, {"Content-Type": "application/json; charset=ISO-8859-1"}),
        harness.reply(
            200, json.dumps(body).encode(), {"Content-Type": "application/json; charset=x-klingon"}
        ),
    )
    assert [a.name for a in client.list_agents()] == ["José Müller"]
    assert [a.name for a in client.list_agents()] == ["José Müller"]  # a charset nobody knows: read as UTF-8


def test_set_codes_reasons_are_decoded_like_fault_reasons(harness: Any) -> None:
    body = '{"reasons": ["Transaction codes successfully set: café"], "message": "OK"}'
    client = harness.client(
        harness.reply(200, b"\xef\xbb\xbf" + body.encode("utf-8"), {"Content-Type": "application/json"})
    )
    result = client.set_transaction_codes(IID, AGENT, [TransactionCode(12, 234)])
    assert result.reasons == ("Transaction codes successfully set: café",)


# -- web pages and redirects ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "operation",
    [
        lambda c: c.end_call(IID),
        lambda c: c.hang_up(IID, AGENT),
        lambda c: c.free_line(AGENT, 1),
        lambda c: c.set_transaction_codes(IID, AGENT, [TransactionCode(12, 234)]),
        lambda c: c.set_agent_status(AGENT, StatusChange(4)),
        lambda c: c.list_agents(),
    ],
)
def test_a_web_page_answering_200_is_a_proxy_never_a_success(harness: Any, operation: Any) -> None:
    client = harness.client(harness.reply(200, SIGN_IN_PAGE, HTML))
    with pytest.raises(ProxyAnswerError) as caught:
        operation(client)
    assert caught.value.exit_code == 5
    assert "Sign in to Acme Web Gateway" in caught.value.message
    assert "proxy or sign-in page answered instead of 8x8" in explain(caught.value)
    assert len(harness.recorder.requests) == 1  # a sign-in page does not go away by asking again


def test_a_web_page_without_a_content_type_is_recognised_and_xml_is_not_one(harness: Any) -> None:
    client = harness.client(
        harness.reply(200, "\n  <html><body>Access denied by policy</body></html>"),
        harness.reply(200, '<?xml version="1.0"?><ok/>', {"Content-Type": "application/xml"}),
    )
    with pytest.raises(ProxyAnswerError):
        client.free_lines(AGENT)
    assert client.free_lines(AGENT).status == 200


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_not_followed_and_names_where_it_points(harness: Any, status: int) -> None:
    client = harness.client(
        harness.reply(status, "", {"Location": "https://login.acme-proxy.example/auth?next=%2Fapi"})
    )
    with pytest.raises(ProxyAnswerError) as caught:
        client.free_lines(AGENT)
    assert len(harness.recorder.requests) == 1
    assert "redirect to login.acme-proxy.example" in caught.value.message
    assert "auth?next" not in caught.value.message  # only the host: a sign-in URL may carry a ticket
    assert caught.value.status == status


def test_a_proxy_asking_to_sign_in_is_a_proxy_answer(harness: Any) -> None:
    client = harness.client(harness.reply(407, "", {"Proxy-Authenticate": 'Basic realm="proxy"'}))
    with pytest.raises(ProxyAnswerError, match="a proxy asking to sign in"):
        client.end_call(IID)


@pytest.mark.parametrize(
    "answer",
    [
        (200, SIGN_IN_PAGE, HTML),
        (302, "", {"Location": "https://login.acme-proxy.example/"}),
        (407, "", {}),
    ],
)
def test_a_proxy_answering_place_call_is_an_unknown_outcome(harness: Any, answer: tuple[Any, ...]) -> None:
    """Whether the proxy passed the call request on cannot be known: check before redialling (exit 6)."""
    client = harness.client(harness.reply(*answer), harness.reply(200, PLACED))
    with pytest.raises(OutcomeUnknownError) as caught:
        place(client)
    assert len(harness.recorder.requests) == 1
    assert caught.value.exit_code == 6
    assert "instead of 8x8" in caught.value.message
    assert "Check the agent's lines before dialling again" in explain(caught.value)


# -- 403: the Call API's and the Agent Status API's --------------------------------------------------------

XML_403 = "<API><Error>403 - Forbidden.</Error></API>"
TENANT_403 = {"reasons": ["You are not authorized to access this tenant."], "message": "Forbidden"}


@pytest.mark.parametrize(
    "operation",
    [
        place,
        lambda c: c.end_call(IID),
        lambda c: c.hang_up(IID, AGENT),
        lambda c: c.free_lines(AGENT),
        lambda c: c.set_transaction_codes(IID, AGENT, [TransactionCode(12, 234)]),
    ],
)
@pytest.mark.parametrize(
    ("body", "headers"), [(TENANT_403, {}), (XML_403, {"Content-Type": "application/xml"}), ("", {})]
)
def test_a_call_api_403_never_blames_the_agent_status_api(
    harness: Any, operation: Any, body: Any, headers: dict[str, str]
) -> None:
    client = harness.client(harness.reply(403, body, headers))
    with pytest.raises(PermissionDeniedError) as caught:
        operation(client)
    assert not isinstance(caught.value, AgentStatusApiOffError)
    assert "Agent Status" not in explain(caught.value)
    assert "tenant" in explain(caught.value)
    assert caught.value.exit_code == 3


@pytest.mark.parametrize(
    "operation",
    [
        lambda c: c.list_agents(),
        lambda c: c.get_agent(AGENT),
        lambda c: c.set_agent_status(AGENT, StatusChange(3)),
    ],
)
def test_the_agent_status_apis_xml_403_says_it_is_switched_off(harness: Any, operation: Any) -> None:
    client = harness.client(harness.reply(403, XML_403, {"Content-Type": "application/xml"}))
    with pytest.raises(AgentStatusApiOffError) as caught:
        operation(client)
    assert caught.value.reasons == ("403 - Forbidden.",)
    assert "Agent Status API is not enabled" in explain(caught.value)
    assert "Calls still work" in explain(caught.value)


def test_an_agent_status_403_naming_the_tenant_is_not_the_api_switched_off(harness: Any) -> None:
    client = harness.client(harness.reply(403, TENANT_403))
    with pytest.raises(PermissionDeniedError) as caught:
        client.list_agents()
    assert not isinstance(caught.value, AgentStatusApiOffError)
    assert caught.value.reasons == ("You are not authorized to access this tenant.",)
