"""Every documented fault reason gets a next step a person can act on."""

from __future__ import annotations

import pytest

from ccdesk.api.errors import (
    AuthenticationError,
    ConnectionFailedError,
    InvalidInput,
    RateLimitedError,
    RejectedError,
)
from ccdesk.core.explain import Voice, explain, present


@pytest.mark.parametrize(
    ("reason", "fragment"),
    [
        ("Agent=[ag1] not available to handle interaction, already on busy phone interaction", "Force call"),
        ("Agent=[ag1] not available to handle interaction", "on break or logged out"),
        ("Invalid transaction code, listId=[12] itemId=[9]", "catalog"),
        ("Invalid transaction code list, listId=[77]", "does not exist"),
        ("Invalid transaction codes, a maximum of 6 codes can be assigned", "counting those already set"),
        ("Invalid transaction codes, lists=[12] are not supporting multiple choice", "single code"),
        ("Interaction [int-1] was not found.", "copied whole"),
        ("Interaction [int-1] for agent [ag1] was not found", "not on that call"),
        ("Agent [ag1] has no phone interactions in progress.", "already free"),
        ("Failed to find any interaction on line [2] for agent [ag1].", "already free"),
    ],
)
def test_documented_reasons(reason, fragment):
    assert fragment in explain(RejectedError(status=400, reasons=[reason]))


def test_token_change_is_named():
    assert "new token" in explain(AuthenticationError(status=401))


def test_rate_limit_says_how_long():
    assert "30 s" in explain(RateLimitedError(status=429, retry_after=30))


def test_too_many_codes_is_not_explained_as_an_unknown_code():
    advice = explain(
        RejectedError(status=400, reasons=["Invalid transaction codes, a maximum of 6 codes can be assigned"])
    )
    assert "does not exist" not in advice
    assert "codes of lists a request does not name stay set" in advice


# -- one presentation (issue 12) ------------------------------------------------------------------------------

BUSY = (
    "Agent=[ag0VYyLh0YTsymdbtYIaaaa] not available to handle interaction, already on busy phone interaction"
)


def test_plain_words_first_the_platforms_words_second():
    shown = present(RejectedError(status=400, reasons=[BUSY]), outcome="Nothing was dialled.")
    assert shown.summary.startswith("Nothing was dialled. The agent is on another call")
    assert "HTTP" not in shown.summary and "Agent=[" not in shown.summary
    assert shown.details == f"HTTP 400: {BUSY}"
    assert shown.text() == f"{shown.summary}\n\n8x8 said: HTTP 400: {BUSY}"


def test_advice_names_the_tools_own_controls():
    error = RejectedError(status=400, reasons=[BUSY])
    assert "tick Force call" in present(error).summary
    cli = present(error, voice=Voice.CLI).summary
    assert "--force" in cli and "Force call" not in cli


def test_a_known_status_replaces_the_guess():
    error = RejectedError(status=400, reasons=["Agent=[ag1] not available to handle interaction"])
    said = present(error, agent_status="On break").summary
    assert "on break" in said and "or logged out" not in said
    assert "on break or logged out" in present(error).summary  # unknown status: both possibilities


@pytest.mark.usefixtures("french_words")
def test_a_french_agent_reads_the_blocking_status_as_the_header_names_it():
    error = RejectedError(status=400, reasons=["Agent=[ag1] not available to handle interaction"])
    said = present(error, agent_status="Work offline").summary
    assert "Le statut de l'agent est « Travail hors ligne »" in said.replace("\u00a0", " ")


def test_no_sentence_twice():
    error = InvalidInput("Nothing was dialled. The number is empty.")
    assert (
        present(error, outcome="Nothing was dialled.").summary == "Nothing was dialled. The number is empty."
    )


def test_no_exception_class_names():
    shown = present(RuntimeError("boom"), outcome="Nothing was dialled.")
    assert "RuntimeError" not in shown.text() and "boom" not in shown.text()
    assert "bug" in shown.summary
    network = present(ConnectionFailedError("Could not reach the platform: the connection broke."))
    assert network.details == "Could not reach the platform: the connection broke."
    assert network.text().endswith("Details: Could not reach the platform: the connection broke.")


def test_token_advice_in_each_voice():
    error = AuthenticationError(status=401)
    assert "(Settings)" in present(error).summary
    assert "(ccdesk-cli login)" in present(error, voice=Voice.CLI).summary
