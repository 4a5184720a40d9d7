"""The client against respx routes: the mocking library most httpx projects use, so these read as a recipe."""

from __future__ import annotations

import httpx
import pytest
import respx

from ccdesk.api.client import CCClient
from ccdesk.api.errors import OutcomeUnknownError, ServerError
from ccdesk.api.models import PlaceCallRequest
from ccdesk.api.retry import RetryPolicy

BASE = "https://vcc-na12.8x8.com/api/v1"
IID = "int-184a0c5493f-nempJR9b0nXcZbChiZmtZkLCE-phone-00-acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"


@pytest.fixture
def client():  # type: ignore[no-untyped-def]
    sleeps: list[float] = []
    with CCClient(
        base_url=BASE,
        tenant="acmecorp01",
        username="acmecorp01",
        token="tok",
        retry=RetryPolicy(),
        sleep=sleeps.append,
    ) as c:
        c.sleeps = sleeps  # type: ignore[attr-defined]
        yield c


def _call() -> PlaceCallRequest:
    return PlaceCallRequest(agent_id=AGENT, prefix="1", number="6175551984", caller_id="12015551212")


@respx.mock
def test_connect_error_before_sending_is_retried_for_place_call(client: CCClient) -> None:
    route = respx.post(f"{BASE}/tenants/acmecorp01/calls").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json={"interactionGuid": IID})]
    )
    assert client.place_call(_call()).interaction_id == IID
    assert route.call_count == 2


@respx.mock
def test_503_on_place_call_is_not_retried(client: CCClient) -> None:
    route = respx.post(f"{BASE}/tenants/acmecorp01/calls").mock(return_value=httpx.Response(503))
    with pytest.raises(ServerError):
        client.place_call(_call())
    assert route.call_count == 1


@respx.mock
def test_read_timeout_after_sending_is_an_unknown_outcome(client: CCClient) -> None:
    route = respx.post(f"{BASE}/tenants/acmecorp01/calls").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(OutcomeUnknownError) as caught:
        client.place_call(_call())
    assert caught.value.exit_code == 6 and route.call_count == 1


@respx.mock
def test_delete_is_retried_after_503_honouring_retry_after(client: CCClient) -> None:
    route = respx.delete(f"{BASE}/tenants/acmecorp01/calls/{IID}").mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "2"}),
            httpx.Response(200, json={"reasons": ["ok"]}),
        ]
    )
    assert client.end_call(IID).reasons == ("ok",)
    assert route.call_count == 2
    assert client.sleeps == [2.0]  # type: ignore[attr-defined]
    assert route.calls.last.request.url.query == b""
