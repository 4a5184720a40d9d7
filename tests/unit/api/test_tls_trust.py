"""Whose certificate authorities ccdesk trusts, proven over real TLS on loopback with a throw-away CA.

A TLS-inspecting corporate proxy presents certificates from IT's own root, which the OS trusts and certifi does
not. Here `trustme` plays IT's root: the simulator serves HTTPS with a certificate it issued, and the "system
store" is that root (OpenSSL's SSL_CERT_FILE, which truststore honours on Linux; Windows and macOS read their
own stores). ccdesk must fail with words under certifi and succeed under the system's trust.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from ccdesk.api.client import CCClient
from ccdesk.api.errors import CCDeskError, ConfigurationError
from ccdesk.api.tls import TRUST_ENV, Trust, tls_context, trust_choice, untrusted_hint
from ccdesk.sim import Simulator, TenantState
from ccdesk.sim.server import RunningServer, serve_in_thread

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"


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


@pytest.fixture
def it_root() -> trustme.CA:
    return trustme.CA(organization_name="ACME IT inspection proxy")


@pytest.fixture
def https_server(it_root: trustme.CA) -> Iterator[RunningServer]:
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    it_root.issue_cert("127.0.0.1", "localhost").configure_cert(server_side)
    with serve_in_thread(Simulator(TenantState(seed=2), seed=2), tls=server_side) as running:
        yield running


@pytest.fixture
def system_store(it_root: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's store holds IT's root (and nothing else) for this test."""
    pem = tmp_path / "system-roots.pem"
    it_root.cert_pem.write_to_path(str(pem))
    empty = tmp_path / "no-hashed-certs"
    empty.mkdir()
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    monkeypatch.setenv("SSL_CERT_DIR", str(empty))


def agent_status(server: RunningServer) -> str:
    with CCClient(base_url=server.url, tenant=TENANT, username=TENANT, token="demo-token") as client:
        return client.get_agent(AGENT).agent_id


@pytest.mark.skipif(not ssl.OPENSSL_VERSION, reason="OpenSSL")
def test_a_root_the_system_trusts_is_honoured_when_ccdesk_uses_the_system_store(
    https_server: RunningServer, system_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    if sys.platform != "linux":
        pytest.skip(
            "SSL_CERT_FILE stands for the system store on Linux only (Windows and macOS have their own)"
        )
    assert https_server.url.startswith("https://127.0.0.1:")
    monkeypatch.setenv(TRUST_ENV, "system")
    assert agent_status(https_server) == AGENT


def test_the_same_root_is_refused_with_words_under_certifi(
    https_server: RunningServer, system_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRUST_ENV, "certifi")
    with pytest.raises(CCDeskError) as refused:
        agent_status(https_server)
    text = str(refused.value)
    assert "certificate could not be verified" in text
    assert f"{TRUST_ENV}=system" in text  # the way out, for this trust
    assert "Traceback" not in text


def test_the_hint_names_the_way_out_for_the_trust_in_use() -> None:
    assert TRUST_ENV not in untrusted_hint({}, "win32")
    assert "trust store" in untrusted_hint({}, "darwin")
    assert f"{TRUST_ENV}=system" in untrusted_hint({}, "linux")
    assert TRUST_ENV not in untrusted_hint({TRUST_ENV: "system"}, "linux")
