"""The API layer's refusals and failure words reach the window in its language, each as one whole sentence; without
a translator (the command line, scripts) they are the English they always were, byte for byte."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ccdesk.api import words
from ccdesk.api.errors import ConnectionFailedError, InvalidInput
from ccdesk.api.models import PlaceCallRequest
from ccdesk.api.retry import RetryPolicy
from ccdesk.api.stream import StreamConfigError, endpoint_for
from ccdesk.api.tls import TRUST_ENV
from ccdesk.core.explain import present
from tests.shipped_french import french

NBSP = "\u00a0"
CERTIFICATE_WAY_OUT = (
    "Could not reach the platform: the platform's certificate could not be verified (a proxy that inspects traffic "
    "needs its root certificate installed in the system, and {variable}=system so that ccdesk uses the system's "
    "trust store)."
)


def refusal_of_a_queue_id() -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        PlaceCallRequest("ag1", "", "6175551984", queue_id="12x")
    return caught.value


def test_a_refused_id_reads_as_one_french_sentence_in_the_window() -> None:
    words.use(french)
    refusal = refusal_of_a_queue_id()
    sentence = (
        "L'identifiant de file d'attente ne doit contenir que des chiffres de 0 à 9 "
        f"(valeur reçue{NBSP}: '12x')."
    )
    assert refusal.message == sentence
    assert present(refusal).summary == sentence  # what the dial panel shows: the refusal says what to fix


def test_a_refused_id_is_the_same_english_without_a_translator() -> None:
    assert refusal_of_a_queue_id().message == "The queue id must be digits 0-9 only, got '12x'."


def unverified_certificate(harness: Any, monkeypatch: pytest.MonkeyPatch) -> ConnectionFailedError:
    monkeypatch.setenv(TRUST_ENV, "certifi")
    failure = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    client = harness.client(failure, retry=RetryPolicy(max_attempts=1))
    with pytest.raises(ConnectionFailedError) as caught:
        client.get_agent("ag1")
    return caught.value


def test_a_certificate_failure_gives_its_way_out_in_french(
    harness: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    words.use(french)
    message = unverified_certificate(harness, monkeypatch).message
    assert message.startswith(
        f"Impossible de joindre la plateforme{NBSP}: son certificat n'a pas pu être vérifié"
    )
    assert f"{TRUST_ENV}=system doit être défini" in message


def test_a_certificate_failure_is_the_same_english_without_a_translator(
    harness: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert unverified_certificate(harness, monkeypatch).message == CERTIFICATE_WAY_OUT.format(
        variable=TRUST_ENV
    )


def test_a_stream_setting_refusal_follows_the_language() -> None:
    words.use(french)
    with pytest.raises(StreamConfigError, match="Aucune URL ni région de flux d'événements"):
        endpoint_for(tenant="acmecorp01", topic="agent-v1/ag1")
    words.use(None)
    with pytest.raises(StreamConfigError) as caught:
        endpoint_for(tenant="acmecorp01", topic="agent-v1/ag1")
    assert (
        caught.value.message == "No event stream URL or region: give one (uk3, us1, us2) or the stream URL."
    )
