"""Every documented fault reason gets a next step a person can act on."""

from __future__ import annotations

import pytest

from ccdesk.api.errors import AuthenticationError, RateLimitedError, RejectedError
from ccdesk.core.explain import explain


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
