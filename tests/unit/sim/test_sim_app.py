"""The HTTP face: routing, auth, body validation, Agent Status API, request log and control endpoints."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from ccdesk.sim import AgentStatus, SimRequest, SimResponse, Simulator, TenantState, load_scenario

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
BASE = f"/api/v1/tenants/{TENANT}"
GOOD_AUTH = "Basic " + base64.b64encode(b"acmecorp01:demo-token").decode()


def request(sim: Simulator, method: str, path: str, body: Any = None, **headers: str) -> SimResponse:
    """One request through Simulator.handle, authenticated unless an Authorization header is given."""
    raw_path, _, query = path.partition("?")
    all_headers = {"Authorization": GOOD_AUTH, "Content-Type": "application/json", **headers}
    data = body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
    return sim.handle(SimRequest(method, raw_path, query, all_headers, data))


@pytest.mark.parametrize(
    "authorization",
    ["", "Basic " + base64.b64encode(b"acmecorp01:wrong").decode(), "Bearer demo-token", "Basic !!notbase64"],
)
def test_missing_or_bad_credentials_answer_401(sim: Simulator, authorization: str) -> None:
    response = request(sim, "GET", f"{BASE}/agentstatus/agents", Authorization=authorization)
    assert response.status == 401
    assert response.headers["WWW-Authenticate"] == 'Basic realm="8x8 Contact Center"'
    assert response.json()["message"] == "Unauthorized" and response.json()["reasons"]


def test_another_tenant_answers_403(sim: Simulator) -> None:
    response = request(sim, "DELETE", "/api/v1/tenants/supertenantcsm01/agents/x/calls")
    assert response.status == 403
    assert response.json() == {
        "reasons": ["You are not authorized to access this tenant."],
        "message": "Forbidden",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/tenants",
        f"{BASE}",
        f"{BASE}/nothing",
        f"{BASE}/calls/x/agent",
        "/api/v2/tenants/a/calls",
        "/",
    ],
)
def test_unknown_paths_answer_404_json(sim: Simulator, path: str) -> None:
    response = request(sim, "GET", path)
    assert response.status == 404 and response.json()["message"] == "Not Found"


def test_wrong_method_answers_405_with_allow(sim: Simulator) -> None:
    response = request(sim, "GET", f"{BASE}/calls")
    assert response.status == 405 and response.headers["Allow"] == "POST"
    # the literal path beats the agents/{agentId} route beside it, as a router matches
    assert request(sim, "DELETE", f"{BASE}/agentstatus/agents/bulk").headers["Allow"] == "POST, PUT"
    assert request(sim, "DELETE", f"{BASE}/agentstatus/agents/{AGENT}").headers["Allow"] == "GET, PUT"


def test_path_segments_are_decoded_one_by_one(client: httpx.Client) -> None:
    response = client.delete("/agents/a%2Fb%20c/calls")
    assert (response.status_code, response.json()["reasons"]) == (400, ["Agent [a/b c] was not found"])


def test_bodies_need_json_content_type_and_valid_json(sim: Simulator) -> None:
    assert request(sim, "POST", f"{BASE}/calls", {}, **{"Content-Type": "text/plain"}).status == 415
    response = request(sim, "POST", f"{BASE}/calls", b"{not json")
    assert (response.status, response.json()["reasons"]) == (400, ["Malformed JSON request body"])
    assert request(sim, "POST", f"{BASE}/calls", b"").json()["reasons"] == ["Request body is missing"]


def test_place_call_over_http(client: httpx.Client, sim: Simulator) -> None:
    response = client.post(
        "/calls",
        json={"agentId": AGENT, "prefix": "", "number": "6175551984", "callerId": "", "queueId": "598"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["reasons"] == ["Call successfully initiated"] and body["message"] == "OK"
    assert body["interactionGuid"].endswith("-phone-00-acmecorp01")
    assert sim.state.agent_record(AGENT)["agent-status"] == AgentStatus.BUSY


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"agentId": None}, "agentId is required"),
        ({"prefix": None}, "prefix is required"),
        ({"number": None}, "number is required"),
        ({"callerId": None}, "callerId is required"),
        ({"prefix": 1}, "prefix must be a string"),
        ({"number": 6175551984}, "number must be a string"),
        ({"callerId": 12015551212}, "callerId must be a string"),
        ({"number": ""}, "number must contain digits only"),
        ({"number": "+16175551984"}, "number must contain digits only"),
        ({"prefix": "1a"}, "prefix must contain digits only"),
        ({"agentId": ""}, "agentId must not be empty"),
        ({"queueId": 598}, "queueId must be a string"),
        ({"dialplanId": 12}, "dialplanId must be a string"),
        ({"forceCall": "true"}, "forceCall must be a boolean"),
        ({"extTransactionData": [{"name": "a"}]}, "extTransactionData must be an array of objects"),
        ({"ctlUserData": {"name": "a", "value": "b"}}, "ctlUserData must be an array of objects"),
        ({"ctlUserData": [{"name": "a", "value": 5}]}, "ctlUserData must be an array of objects"),
    ],
)
def test_place_call_body_validation_names_the_field(place: Any, fields: dict, reason: str) -> None:
    response = place(**fields)
    assert response.status_code == 400
    assert any(r.startswith(reason) for r in response.json()["reasons"]), response.json()


def test_place_call_body_must_be_an_object(client: httpx.Client) -> None:
    response = client.post("/calls", json=["agentId"])
    assert response.json()["reasons"] == ["Request body must be a JSON object"]


def test_place_call_fault_reasons_over_http(place: Any) -> None:
    place()
    response = place()
    assert response.status_code == 400
    assert response.json() == {
        "reasons": [
            f"Agent=[{AGENT}] not available to handle interaction, already on busy phone interaction"
        ],
        "message": "Bad Request",
    }
    assert place(forceCall=True).json()["reasons"] == [
        "Call successfully initiated",
        "Agent is handling other interactions",
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({}, "selections is required and must be an array"),
        ({"selections": [{"id": "12", "codes": [{"id": 234}]}]}, "selections[0].id must be an integer"),
        ({"selections": [{"id": 12.0, "codes": [{"id": 234}]}]}, "selections[0].id must be an integer"),
        (
            {"selections": [{"id": 12, "codes": [{"id": "234"}]}]},
            "selections[0].codes[0].id must be an integer",
        ),
        (
            {"selections": [{"id": 12, "codes": [{"id": True}]}]},
            "selections[0].codes[0].id must be an integer",
        ),
        ({"selections": [{"id": 12}]}, "selections[0].codes must be an array"),
    ],
)
def test_transaction_code_ids_must_be_json_integers(
    place: Any, client: httpx.Client, body: dict, reason: str
) -> None:
    iid = place().json()["interactionGuid"]
    response = client.put(f"/calls/{iid}/agent/{AGENT}/transaction-codes", json=body)
    assert (response.status_code, response.json()["reasons"]) == (400, [reason])


@pytest.mark.parametrize(
    ("value", "ends"), [("true", True), ("TRUE", True), ("false", False), ("1", False), ("", False)]
)
def test_end_post_processing_only_for_true(place: Any, client: httpx.Client, value: str, ends: bool) -> None:
    iid = place(queueId="601").json()["interactionGuid"]
    response = client.delete(f"/calls/{iid}", params={"endPostProcessing": value})
    assert response.json() == {
        "reasons": [f"Ending call with interactionGuid=[{iid}] was successful"],
        "message": "OK",
    }
    status = client.get(f"/agentstatus/agents/{AGENT}").json()["agent-status"]
    assert status == (AgentStatus.WAIT_TRANSACT if ends else AgentStatus.POST_PROCESS)


def test_terminated_interaction_answers_410(place: Any, client: httpx.Client) -> None:
    iid = place().json()["interactionGuid"]
    client.delete(f"/calls/{iid}?endPostProcessing=true")
    response = client.delete(f"/calls/{iid}")
    assert response.status_code == 410
    assert response.json() == {"reasons": [f"Interaction is already terminated {iid}"], "message": "Gone"}


def test_agent_status_single_and_unknown(client: httpx.Client) -> None:
    assert client.get(f"/agentstatus/agents/{AGENT}").json() == {
        "agent-id": AGENT,
        "agent-status": 4,
        "name": "Ilya Workshard",
    }
    response = client.get("/agentstatus/agents/agNobody")
    assert response.status_code == 404 and response.json()["detail"] == "The agent does not exist."
    response = client.put("/agentstatus/agents/agNobody", json={"agent-status": 4})
    assert response.status_code == 404 and response.json()["change-status"] == 404


def test_set_agent_status_answers_like_the_document(client: httpx.Client) -> None:
    change = {
        "agent-status": 5,
        "status-code-list-id": 801,
        "status-code-item-id": 1722,
        "status-code-item-short-code": "Meet",
    }
    response = client.put(f"/agentstatus/agents/{AGENT}", json=change)
    assert response.status_code == 200
    assert response.json() == {
        "reason": "OK",
        "change-status": 200,
        "message": "Agent status change successful",
    }
    response = client.put(f"/agentstatus/agents/{AGENT}", json={"agent-status": 8})
    assert response.status_code == 400
    assert response.json() == {
        "reason": "The agent status is invalid.",
        "change-status": 400,
        "message": "Agent status change failed",
    }


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_bulk_status_answers_207_per_agent(client: httpx.Client, method: str) -> None:
    agents = [
        {
            "agent-id": "ag64oyEUb_Sk6bxVB9P5yaaa",
            "agent-status": 3,
            "status-code-list-id": 801,
            "status-code-item-id": 1725,
            "status-code-item-short-code": "Lunch",
        },
        {"agent-id": "agNobody", "agent-status": 3},
        {"agent-id": AGENT, "agent-status": 3, "status-code-list-id": 802, "status-code-item-id": 1725},
        {"agent-status": 4},
        {
            "agent-id": "agAQDqmvKiRbG4ekigNSmbbb",
            "agent-status": 3,
            "status-code-list-id": 801,
            "status-code-item-id": 1725,
        },
    ]
    response = client.request(method, "/agentstatus/agents/bulk", json={"agents": agents})
    assert response.status_code == 207
    assert [(r["agent-id"], r["change-status"], r["reason"]) for r in response.json()["data"]] == [
        ("ag64oyEUb_Sk6bxVB9P5yaaa", 200, "OK"),
        ("agNobody", 404, "The agent does not exist."),
        (AGENT, 400, "The status code item id is invalid."),
        (None, 400, "The agent id is missing."),
        ("agAQDqmvKiRbG4ekigNSmbbb", 400, "The status code item short code is required."),
    ]
    assert (
        client.get("/agentstatus/agents/ag64oyEUb_Sk6bxVB9P5yaaa").json()["status-code-item-short-code"]
        == "Lunch"
    )


def test_bulk_accepts_100_agents_and_refuses_101(client: httpx.Client) -> None:
    agents = [{"agent-id": AGENT, "agent-status": 4}] * 100
    assert client.put("/agentstatus/agents/bulk", json={"agents": agents}).status_code == 207
    response = client.put("/agentstatus/agents/bulk", json={"agents": [*agents, agents[0]]})
    assert response.status_code == 400


@pytest.mark.parametrize(("accepted", "refused"), [("PUT", "POST"), ("POST", "PUT")])
def test_a_tenant_set_to_one_bulk_method_answers_405_to_the_other(
    client: httpx.Client, sim: Simulator, accepted: str, refused: str
) -> None:
    sim.bulk_status_method = accepted
    body = {"agents": [{"agent-id": AGENT, "agent-status": 5}]}
    response = client.request(refused, "/agentstatus/agents/bulk", json=body)
    assert (response.status_code, response.headers["Allow"]) == (405, accepted)
    assert response.json()["reasons"] == [
        f"Method {refused} is not allowed on {BASE}/agentstatus/agents/bulk"
    ]
    assert sim.state.agent_record(AGENT)["agent-status"] == 4  # nothing was changed
    assert client.request(accepted, "/agentstatus/agents/bulk", json=body).status_code == 207
    assert sim.state.agent_record(AGENT)["agent-status"] == 5


def test_the_bulk_method_comes_from_the_scenario_an_option_or_the_control_endpoint(sim: Simulator) -> None:
    assert sim.bulk_status_method is None  # both documents' methods, by default
    scenario = {**load_scenario(), "bulk_status_method": "PUT"}
    assert Simulator(TenantState(scenario)).bulk_status_method == "PUT"
    assert Simulator(TenantState(scenario), bulk_status_method="POST").bulk_status_method == "POST"
    with pytest.raises(ValueError, match="bulk_status_method"):
        TenantState({**scenario, "bulk_status_method": "PATCH"})
    response = request(sim, "POST", "/_sim/bulk-status-method", {"method": "PUT"})
    assert (response.status, response.json(), sim.bulk_status_method) == (200, {"method": "PUT"}, "PUT")
    assert request(sim, "POST", "/_sim/bulk-status-method", {"method": "GET"}).status == 400
    request(sim, "POST", "/_sim/bulk-status-method", {"method": None})
    assert sim.bulk_status_method is None


def roster_ids(response: httpx.Response) -> list[str]:
    return [a["agent-id"] for a in response.json()["data"]]


def test_the_roster_pages_as_the_openapi_file_describes(client: httpx.Client, sim: Simulator) -> None:
    everyone = [a for a in sim.state.agents]
    assert len(everyone) == 33
    whole = client.get("/agentstatus/agents")
    assert roster_ids(whole) == everyone and "page" not in whole.json()
    pages = [client.get("/agentstatus/agents", params={"pageSize": 10, "pageIndex": i}) for i in range(5)]
    assert [roster_ids(p) for p in pages] == [
        everyone[0:10],
        everyone[10:20],
        everyone[20:30],
        everyone[30:33],
        [],
    ]
    assert pages[1].json()["page"] == {"pageSize": 10, "totalElements": 33, "totalPages": 4, "pageIndex": 1}
    alone = client.get("/agentstatus/agents", params={"pageIndex": 0}).json()
    assert alone["page"]["pageSize"] == 100 and len(alone["data"]) == 33


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"pageSize": 501}, "pageSize must be a whole number from 1 to 500, got '501'"),
        ({"pageSize": 0}, "pageSize must be a whole number from 1 to 500, got '0'"),
        ({"pageSize": "ten"}, "pageSize must be a whole number from 1 to 500, got 'ten'"),
        ({"pageIndex": -1}, "pageIndex must be a whole number from 0 or more, got '-1'"),
    ],
)
def test_bad_page_parameters_answer_400_problems(client: httpx.Client, params: dict, reason: str) -> None:
    response = client.get("/agentstatus/agents", params=params)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == reason


def test_the_roster_filters_by_group(client: httpx.Client, sim: Simulator) -> None:
    sales = client.get("/agentstatus/agents", params={"groupId": "100"})
    assert roster_ids(sales) == [a.id for a in sim.state.agents.values() if "100" in a.groups]
    assert AGENT in roster_ids(sales) and len(roster_ids(sales)) == 13
    both = client.get("/agentstatus/agents", params={"groupId": "200", "pageSize": 5, "pageIndex": 2}).json()
    assert both["page"] == {"pageSize": 5, "totalElements": 14, "totalPages": 3, "pageIndex": 2}
    assert roster_ids(client.get("/agentstatus/agents", params={"groupId": "999"})) == []
    assert "groups" not in client.get(f"/agentstatus/agents/{AGENT}").json()  # not in the documented shape


def test_agent_status_api_switched_off_answers_xml_403(client: httpx.Client, sim: Simulator) -> None:
    sim.agent_status_api = False
    for method, path in [
        ("GET", "/agentstatus/agents"),
        ("GET", f"/agentstatus/agents/{AGENT}"),
        ("PUT", "/agentstatus/agents/bulk"),
    ]:
        response = client.request(method, path, json={"agents": []} if method == "PUT" else None)
        assert response.status_code == 403
        assert response.headers["Content-Type"] == "application/xml"
        assert response.text == "<API><Error>403 - Forbidden.</Error></API>"
    assert client.delete(f"/agents/{AGENT}/calls").status_code == 400  # the Call API is unaffected


def test_request_log_records_what_arrived(place: Any, client: httpx.Client, sim: Simulator) -> None:
    place(queueId="598")
    client.delete("/calls/int-x", params={"endPostProcessing": "true"})
    first, second = sim.requests
    assert (first.method, first.path, first.json["queueId"]) == ("POST", f"{BASE}/calls", "598")
    assert first.headers["authorization"] == GOOD_AUTH and first.headers["content-type"] == "application/json"
    assert (second.method, second.query, second.json) == ("DELETE", {"endPostProcessing": "true"}, None)
    assert sim.clear_requests() == 2 and sim.requests == []


def test_control_endpoints(sim: Simulator) -> None:
    def control(method: str, path: str, body: Any = None) -> SimResponse:
        data = b"" if body is None else json.dumps(body).encode()
        return sim.handle(SimRequest(method, f"/_sim/{path}", "", {}, data))

    request(sim, "POST", f"{BASE}/calls", {"agentId": AGENT, "prefix": "1", "number": "5", "callerId": ""})
    [logged] = control("GET", "requests").json()
    assert logged["json"]["number"] == "5" and logged["query"] == {}
    assert control("DELETE", "requests").json() == {"cleared": 1}
    assert control("POST", "faults", {"kind": "drop", "count": 2}).json()["count"] == 2
    assert [f["kind"] for f in control("GET", "faults").json()] == ["drop"]
    assert control("POST", "faults", {"kind": "bogus"}).status == 400
    assert control("DELETE", "faults").status == 200 and sim.faults == []
    assert control("POST", "latency", {"seconds": 0.25}).json() == {"seconds": 0.25} and sim.latency == 0.25
    assert control("POST", "latency", {"seconds": -1}).status == 400
    assert control("POST", "agent-status-api", {"enabled": False}).json() == {"enabled": False}
    assert not sim.agent_status_api
    state = control("GET", "state").json()
    assert state["tenant"] == TENANT and state["interactions"][0]["number"] == "5"
    iid = state["interactions"][0]["id"]
    assert control("POST", f"interactions/{iid}/customer-hangup").json() == {
        "interaction": iid,
        "ended": True,
    }
    assert control("POST", f"interactions/{iid}/customer-hangup").status == 410  # over already
    control("POST", "clock", {"advance": 3600})  # its wrap-up times out: the agent shows its own status again
    forced = control(
        "POST", f"agents/{AGENT}", {"status": 3, "status-code-list-id": 801, "status-code-item-id": 1725}
    )
    assert forced.json()["agent-status"] == 3 and forced.json()["status-code-item-short-code"] == "Lunch"
    assert control("POST", "agents/agNobody", {"status": 3}).status == 404
    assert control("POST", f"agents/{AGENT}", {"status": 42}).status == 400
    assert control("POST", "clock", {"advance": 30}).json()["now"] == pytest.approx(sim.state.now())
    assert control("GET", "nothing").status == 404
    assert control("POST", "latency", [1]).status == 400
    assert len(sim.requests) == 0  # control requests are never logged


def test_clock_control_expires_post_processing(place: Any, client: httpx.Client, sim: Simulator) -> None:
    iid = place(queueId="601").json()["interactionGuid"]
    client.delete(f"/calls/{iid}/agent/{AGENT}")
    sim.handle(SimRequest("POST", "/_sim/clock", "", {}, b'{"advance": 20}'))
    assert client.get(f"/agentstatus/agents/{AGENT}").json()["agent-status"] == AgentStatus.WAIT_TRANSACT
