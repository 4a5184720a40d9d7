"""Whose certificate authorities ccdesk trusts, proven over real TLS on loopback with a throw-away CA.

A TLS-inspecting corporate proxy presents certificates from IT's own root, which the OS trusts and certifi does
not. Here `trustme` plays IT's root: the simulator serves HTTPS, and a small Pulsar-like reader serves wss, with
certificates it issued, and the "system store" is that root (OpenSSL's SSL_CERT_FILE, which truststore honours
on Linux; Windows and macOS read their own stores). The REST calls and the event stream must both fail with
words under certifi and succeed under the system's trust.
"""

from __future__ import annotations

import ssl
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from websockets.sync.server import Server, ServerConnection, serve

from ccdesk.api.client import CCClient
from ccdesk.api.errors import CCDeskError, ConfigurationError
from ccdesk.api.stream import StreamState, StreamStatus, endpoint_for, probe
from ccdesk.api.tls import TRUST_ENV, Trust, tls_context, trust_choice, trust_in_use
from ccdesk.sim import Simulator, TenantState
from ccdesk.sim.server import RunningServer, serve_in_thread

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
STREAM_KEY = "eght_k3y-for-the-tls-tests"

linux_only = pytest.mark.skipif(
    sys.platform != "linux",
    reason="SSL_CERT_FILE stands for the system store on Linux only (Windows and macOS have their own)",
)


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("win32", {}, Trust.SYSTEM),
        ("darwin", {}, Trust.SYSTEM),
        ("linux", {}, Trust.CERTIFI),
        ("linux", {TRUST_ENV: "system"}, Trust.SYSTEM),
        ("linux", {TRUST_ENV: " System "}, Trust.SYSTEM),
        ("win32", {TRUST_ENV: "certifi"}, Trust.CERTIFI),
        ("darwin", {TRUST_ENV: ""}, Trust.SYSTEM),
    ],
)
def test_the_trust_follows_the_platform_unless_configured(
    platform: str, environ: dict[str, str], expected: Trust
) -> None:
    assert trust_choice(environ, platform) is expected


@pytest.mark.parametrize("value", ["off", "none", "insecure", "yes", "0"])
def test_a_bad_value_is_refused_in_words_and_never_turns_verification_off(value: str) -> None:
    with pytest.raises(ConfigurationError, match=f"{TRUST_ENV} must be 'system'.*not '{value}'"):
        trust_choice({TRUST_ENV: value}, "linux")


@pytest.mark.parametrize("trust", list(Trust))
def test_every_context_verifies_the_certificate_and_the_host_name(trust: Trust) -> None:
    context = tls_context(trust)
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2


def test_a_system_context_is_truststores() -> None:
    import truststore

    assert isinstance(tls_context(Trust.SYSTEM), truststore.SSLContext)
    assert not isinstance(tls_context(Trust.CERTIFI), truststore.SSLContext)


def test_the_trust_in_use_is_the_setting_or_the_platform_s_default_when_it_is_unusable() -> None:
    """A failure's way out is chosen by it, and a failure is no place to raise about a bad setting."""
    assert trust_in_use({}, "win32") is Trust.SYSTEM
    assert trust_in_use({}, "darwin") is Trust.SYSTEM
    assert trust_in_use({}, "linux") is Trust.CERTIFI
    assert trust_in_use({TRUST_ENV: "system"}, "linux") is Trust.SYSTEM
    assert trust_in_use({TRUST_ENV: "certifi"}, "win32") is Trust.CERTIFI
    assert trust_in_use({TRUST_ENV: "bogus"}, "linux") is Trust.CERTIFI


# -- over real TLS ----------------------------------------------------------------------------------------------


@pytest.fixture
def it_root() -> trustme.CA:
    return trustme.CA(organization_name="ACME IT inspection proxy")


@pytest.fixture
def server_side(it_root: trustme.CA) -> ssl.SSLContext:
    """What a loopback server presents: a certificate for 127.0.0.1 and localhost issued by IT's root."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    it_root.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture
def https_server(server_side: ssl.SSLContext) -> Iterator[RunningServer]:
    with serve_in_thread(Simulator(TenantState(seed=2), seed=2), tls=server_side) as running:
        yield running


class WssReader:
    """A Pulsar-like reader endpoint over wss: accepts the upgrade and holds the connection until the client
    closes it; counts the TLS handshakes that got through."""

    def __init__(self, tls: ssl.SSLContext) -> None:
        self.accepted = 0
        self._server: Server = serve(self._handle, "127.0.0.1", 0, ssl=tls, ping_interval=None)
        self.url = f"wss://127.0.0.1:{self._server.socket.getsockname()[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="test-wss-reader")
        self._thread.start()

    def _handle(self, connection: ServerConnection) -> None:
        self.accepted += 1
        for _frame in connection:  # until the reader closes
            pass

    def probe(self) -> StreamStatus:
        return probe(endpoint_for(tenant=TENANT, topic=f"agent-v1/{AGENT}", url=self.url), STREAM_KEY)

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(5)


@pytest.fixture
def wss_reader(server_side: ssl.SSLContext) -> Iterator[WssReader]:
    reader = WssReader(server_side)
    try:
        yield reader
    finally:
        reader.stop()


@pytest.fixture
def system_store(it_root: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's store holds IT's root (and nothing else) for this test."""
    pem = tmp_path / "system-roots.pem"
    it_root.cert_pem.write_to_path(str(pem))
    empty = tmp_path / "no-hashed-certs"
    empty.mkdir()
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    monkeypatch.setenv("SSL_CERT_DIR", str(empty))


def agent_id(server: RunningServer) -> str:
    with CCClient(base_url=server.url, tenant=TENANT, username=TENANT, token="demo-token") as client:
        return client.get_agent(AGENT).agent_id


@linux_only
def test_a_root_the_system_trusts_is_honoured_when_ccdesk_uses_the_system_store(
    https_server: RunningServer, system_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert https_server.url.startswith("https://127.0.0.1:")
    monkeypatch.setenv(TRUST_ENV, "system")
    assert agent_id(https_server) == AGENT


def test_the_same_root_is_refused_with_words_under_certifi(
    https_server: RunningServer, system_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRUST_ENV, "certifi")
    with pytest.raises(CCDeskError) as refused:
        agent_id(https_server)
    text = str(refused.value)
    assert "certificate could not be verified" in text
    assert f"{TRUST_ENV}=system" in text  # the way out, for this trust
    assert "Traceback" not in text


def test_a_bad_value_stops_the_client_before_any_request(
    https_server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRUST_ENV, "off")
    with pytest.raises(ConfigurationError, match=f"{TRUST_ENV} must be"):
        agent_id(https_server)
    assert https_server.simulator.requests == []


@linux_only
def test_the_event_stream_honours_the_same_system_root(
    wss_reader: WssReader, system_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRUST_ENV, "system")
    status = wss_reader.probe()
    assert status.state is StreamState.LIVE, status.detail
    assert wss_reader.accepted == 1


def test_the_event_stream_refuses_the_root_with_words_under_certifi(
    wss_reader: WssReader, system_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRUST_ENV, "certifi")
    status = wss_reader.probe()
    assert status.state is StreamState.RECONNECTING
    assert "127.0.0.1 could not be verified" in status.detail
    assert f"{TRUST_ENV}=system" in status.detail
    assert wss_reader.accepted == 0


def test_a_bad_value_stops_the_event_stream_for_good_in_words(
    wss_reader: WssReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRUST_ENV, "insecure")
    status = wss_reader.probe()
    assert status.state is StreamState.FAILED
    assert status.detail.startswith(f"{TRUST_ENV} must be 'system'")
    assert wss_reader.accepted == 0
