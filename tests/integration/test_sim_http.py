"""The simulator over real loopback HTTP: the documents' curl examples, socket faults, and `ccdesk-sim`."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from ccdesk.sim import RunningServer, Simulator, serve_in_thread

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
AUTH = ("acmecorp01", "demo-token")
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
IID = rf"int-[0-9a-f]{{11}}-[A-Za-z0-9]{{25}}-phone-00-{TENANT}"
LEG = rf"{TENANT}-{AGENT}-{UUID}"

# The documents' request bodies, verbatim.
PLACE_CALL_BODY = """{
    "agentId": "ag0VYyLh0YTsymdbtYIaaaa",
    "prefix": "1",
    "number": "6175551984",
    "callerId": "12015551212",
    "queueId": "598",
    "forceCall": true,
    "dialplanId": "12",
    "extTransactionData": [
          {
               "name": "Name",
               "value": "Bilbo Baggins"
          },
          {
               "name": "Loyalty Level",
               "value": "Gold"
          }
     ],
     "ctlUserData": [
          {
               "name": "AccountRef",
               "value": "BB123987"
          },
          {
               "name": "DueDate",
               "value": "2022-12-25"
          }
     ]
}"""
SET_CODES_BODY = """{
  "selections": [
    {
      "id": 12,
      "codes":[
        {
        \t"id": 234
        }
      ]
    },
    {
      "id": 2281,
      "codes":[
        {
        \t"id": 7361
        }
      ]
    }
  ]
}"""
SET_STATUS_BODY = """{
    "agent-status": 5,
    "status-code-list-id": 801,
    "status-code-item-id": 1722,
    "status-code-item-short-code": "Meet"
}"""
BULK_BODY = """{
    "agents": [
    {
        "agent-id": "ag64oyEUb_Sk6bxVB9P5yaaa",
        "agent-status": 3,
        "status-code-list-id": 801,
        "status-code-item-id": 1725,
        "status-code-item-short-code": "Lunch"
    },
    {
        "agent-id": "agAQDqmvKiRbG4ekigNSmbbb",
        "agent-status": 3,
        "status-code-list-id": 801,
        "status-code-item-id": 1725,
        "status-code-item-short-code": "Lunch"
    }
]
}"""
JSON_HEADERS = {"Content-Type": "application/json"}


@pytest.fixture
def server() -> Iterator[RunningServer]:
    """A simulator on a loopback port; afterwards no thread it started may be left."""
    before = set(threading.enumerate())
    with serve_in_thread(Simulator(seed=5)) as running:
        yield running
    assert [t for t in threading.enumerate() if t not in before] == []


@pytest.fixture
def http(server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, auth=AUTH, timeout=5) as client:
        yield client


def place_doc_call(http: httpx.Client) -> str:
    response = http.post(f"/tenants/{TENANT}/calls", content=PLACE_CALL_BODY, headers=JSON_HEADERS)
    assert response.status_code == 200, response.text
    return response.json()["interactionGuid"]


def test_the_documents_call_sequence(http: httpx.Client, server: RunningServer) -> None:
    response = http.post(f"/tenants/{TENANT}/calls", content=PLACE_CALL_BODY, headers=JSON_HEADERS)
    body = response.json()
    assert (response.status_code, response.http_version) == (200, "HTTP/1.1")
    assert (body["reasons"], body["message"]) == (["Call successfully initiated"], "OK")
    iid = body["interactionGuid"]
    assert re.fullmatch(IID, iid)
    [dump] = server.simulator.state.snapshot()["interactions"]
    assert (
        dump["ctlUserData"][0] == {"name": "AccountRef", "value": "BB123987"} and dump["dialplanId"] == "12"
    )

    response = http.put(
        f"/tenants/{TENANT}/calls/{iid}/agent/{AGENT}/transaction-codes",
        content=SET_CODES_BODY,
        headers=JSON_HEADERS,
    )
    assert (response.status_code, response.json()) == (
        200,
        {"reasons": ["Transaction codes successfully set"], "message": "OK"},
    )

    response = http.delete(f"/tenants/{TENANT}/calls/{iid}/agent/{AGENT}")
    assert response.status_code == 200 and response.json()["message"] == "OK"
    [reason] = response.json()["reasons"]
    assert re.fullmatch(rf"Hangup for agent \[{LEG}\] leg in interaction \[{iid}\] was successful", reason)

    response = http.delete(f"/tenants/{TENANT}/calls/{iid}?endPostProcessing=true")
    assert (response.status_code, response.json()) == (
        200,
        {"reasons": [f"Ending call with interactionGuid=[{iid}] was successful"], "message": "OK"},
    )

    place_doc_call(http)
    second = place_doc_call(http)  # forceCall: line 2
    response = http.delete(f"/tenants/{TENANT}/agents/{AGENT}/calls/line/2")
    [reason] = response.json()["reasons"]
    line_two = rf"leg on line \[2\] assigned to interaction \[{second}\]"
    assert re.fullmatch(rf"Hangup for agent \[{LEG}\] {line_two} was successful\.", reason)
    response = http.delete(f"/tenants/{TENANT}/agents/{AGENT}/calls")
    [reason] = response.json()["reasons"]
    assert re.fullmatch(rf"Hangup all calls for agent \[{LEG}\] was successful\.", reason)


def test_the_documents_agent_status_examples(http: httpx.Client) -> None:
    roster = http.get(f"/tenants/{TENANT}/agentstatus/agents").json()["data"]
    assert roster[0] == {"agent-id": AGENT, "agent-status": 4, "name": "Ilya Workshard"}
    assert http.get(f"/tenants/{TENANT}/agentstatus/agents/ag64oyEUb_Sk6bxVB9P5ye5w").json() == {
        "agent-id": "ag64oyEUb_Sk6bxVB9P5ye5w",
        "agent-status": 5,
        "status-code-list-id": 801,
        "status-code-item-id": 1726,
        "status-code-item-short-code": "Train",
        "name": "Padma Othertask",
        "agent-sub-status": "none",
    }
    response = http.put(
        f"/tenants/{TENANT}/agentstatus/agents/{AGENT}", content=SET_STATUS_BODY, headers=JSON_HEADERS
    )
    assert response.json() == {
        "reason": "OK",
        "change-status": 200,
        "message": "Agent status change successful",
    }
    response = http.put(f"/tenants/{TENANT}/agentstatus/agents/bulk", content=BULK_BODY, headers=JSON_HEADERS)
    assert response.status_code == 207
    ok = {"reason": "OK", "change-status": 200, "message": "Agent status change successful"}
    assert response.json() == {
        "data": [
            {"agent-id": "ag64oyEUb_Sk6bxVB9P5yaaa", **ok},
            {"agent-id": "agAQDqmvKiRbG4ekigNSmbbb", **ok},
        ]
    }


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_documents_curl_command_with_only_the_host_changed(server: RunningServer) -> None:
    command = [
        "curl", "--silent", "--location", "--request", "POST", f"{server.url}/tenants/{TENANT}/calls",
        "--header", "Authorization: Basic YWNtZWNvcnAwMTpkZW1vLXRva2Vu",
        "--header", "Content-Type: application/json",
        "--data-raw", PLACE_CALL_BODY,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=True)
    assert json.loads(result.stdout)["reasons"] == ["Call successfully initiated"]


def test_keep_alive_connection_serves_several_requests(http: httpx.Client) -> None:
    for _ in range(3):
        response = http.get(f"/tenants/{TENANT}/agentstatus/agents/{AGENT}")
        assert response.status_code == 200 and response.headers["Content-Length"] == str(
            len(response.content)
        )


def test_drop_closes_the_socket_without_an_answer(http: httpx.Client, server: RunningServer) -> None:
    server.simulator.add_fault("drop")
    with pytest.raises(httpx.RemoteProtocolError):
        http.get(f"/tenants/{TENANT}/agentstatus/agents")
    assert len(server.simulator.requests) == 1
    assert http.get(f"/tenants/{TENANT}/agentstatus/agents").status_code == 200


def test_refuse_over_a_socket_fails_unlogged(http: httpx.Client, server: RunningServer) -> None:
    server.simulator.add_fault("refuse")
    with pytest.raises(httpx.TransportError):
        http.get(f"/tenants/{TENANT}/agentstatus/agents")
    assert server.simulator.requests == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("json", "application/json"),
        ("problem", "application/problem+json"),
        ("xml", "application/xml"),
        ("html", "text/html"),
        ("text", "text/plain"),
        ("empty", None),
    ],
)
def test_status_faults_over_http(
    http: httpx.Client, server: RunningServer, body: str, content_type: str | None
) -> None:
    fault = {"kind": "status", "status": 503, "body": body, "retry_after": 3}
    assert httpx.post(f"{server.root_url}/_sim/faults", json=fault).status_code == 200
    response = http.delete(f"/tenants/{TENANT}/agents/{AGENT}/calls")
    assert (response.status_code, response.headers["Retry-After"]) == (503, "3")
    assert response.headers.get("Content-Type") == content_type
    assert response.headers["Content-Length"] == str(len(response.content))


def test_malformed_answer_over_http(http: httpx.Client, server: RunningServer) -> None:
    server.simulator.add_fault("malformed")
    response = http.get(f"/tenants/{TENANT}/agentstatus/agents")
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_timeout_fault_makes_the_client_time_out(http: httpx.Client, server: RunningServer) -> None:
    server.simulator.add_fault("timeout", delay=5)
    body = {"agentId": AGENT, "prefix": "1", "number": "5", "callerId": ""}
    with pytest.raises(httpx.ReadTimeout):
        http.post(f"/tenants/{TENANT}/calls", json=body, timeout=httpx.Timeout(5, read=0.2))
    assert server.simulator.state.agents[AGENT].lines[0] is not None  # placed, answer lost: unknown outcome


def test_short_timeout_fault_answers_late(http: httpx.Client, server: RunningServer) -> None:
    server.simulator.add_fault("timeout", delay=0.1)
    assert http.get(f"/tenants/{TENANT}/agentstatus/agents").status_code == 200


def test_control_endpoints_over_http(http: httpx.Client, server: RunningServer) -> None:
    http.get(f"/tenants/{TENANT}/agentstatus/agents")
    [logged] = httpx.get(f"{server.root_url}/_sim/requests").json()
    assert (
        logged["path"] == f"/api/v1/tenants/{TENANT}/agentstatus/agents"
        and logged["headers"]["authorization"]
    )
    assert httpx.delete(f"{server.root_url}/_sim/requests").json() == {"cleared": 1}
    assert httpx.post(f"{server.root_url}/_sim/agent-status-api", json={"enabled": False}).status_code == 200
    assert http.get(f"/tenants/{TENANT}/agentstatus/agents").status_code == 403
    assert httpx.get(f"{server.root_url}/_sim/state").json()["tenant"] == TENANT


def test_concurrent_requests_keep_the_state_consistent(http: httpx.Client, server: RunningServer) -> None:
    agents = [a for a, agent in server.simulator.state.agents.items() if agent.status == 4]

    def dial(agent: str) -> int:
        body = {"agentId": agent, "prefix": "1", "number": "5", "callerId": "", "forceCall": True}
        return http.post(f"/tenants/{TENANT}/calls", json=body).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        codes = list(pool.map(dial, agents * 3))
    assert codes.count(200) == 2 * len(agents) and codes.count(400) == len(agents)
    interactions = server.simulator.state.snapshot()["interactions"]
    assert len({i["id"] for i in interactions}) == 2 * len(agents)
    for agent in agents:
        assert None not in server.simulator.state.agents[agent].lines


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_ccdesk_sim_command_prints_its_url_and_stops_on_a_signal(signum: int) -> None:
    command = [
        sys.executable,
        "-m",
        "ccdesk.sim.server",
        "--port",
        "0",
        "--token",
        "s3cret",
        "--extra-agents",
        "30",
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            first = process.stdout.readline()
            match = re.fullmatch(r"ccdesk-sim listening on (http://127\.0\.0\.1:\d+/api/v1)\n", first)
            assert match, first
            assert "s3cret" in process.stdout.readline()
            url = f"{match[1]}/tenants/{TENANT}/agentstatus/agents"
            response = httpx.get(url, auth=(TENANT, "s3cret"), timeout=10)
            assert response.status_code == 200 and len(response.json()["data"]) >= 50
            process.send_signal(signum)
            assert process.wait(timeout=10) == 0
        finally:
            if process.poll() is None:
                process.kill()


def test_chunked_request_bodies_are_refused_with_411(server: RunningServer) -> None:
    chunks = iter([b'{"agents": ', b"[]}"])
    response = httpx.put(
        f"{server.url}/tenants/{TENANT}/agentstatus/agents/bulk",
        content=chunks,
        auth=AUTH,
        headers=JSON_HEADERS,
    )
    assert response.status_code == 411


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--host", "0.0.0.0"], "--allow-remote"),
        (["--scenario", "/nonexistent/tenant.json"], "cannot load scenario"),
    ],
)
def test_ccdesk_sim_refuses_bad_arguments(arguments: list[str], message: str) -> None:
    command = [sys.executable, "-m", "ccdesk.sim.server", "--port", "0", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and message in result.stderr
