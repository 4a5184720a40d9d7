"""A bad CCDESK_TLS_TRUST stops the window's start once, in words, before any request (not at every request)."""

from __future__ import annotations

import pytest

from ccdesk.api.errors import ConfigurationError
from ccdesk.app import create_main_window


def test_a_bad_trust_setting_stops_the_start_with_the_variable_and_its_values(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CCDESK_TLS_TRUST", "off")
    with pytest.raises(
        ConfigurationError, match=r"CCDESK_TLS_TRUST must be 'system'.*or 'certifi'.*not 'off'"
    ):
        create_main_window(
            ["--platform", "na12", "--tenant", "acmecorp01", "--agent", "ag0VYyLh0YTsymdbtYIaaaa"]
        )
