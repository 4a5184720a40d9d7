"""Options beat the environment, which beats the saved profile; what is missing is named."""

from __future__ import annotations

import pytest

from ccdesk.api.errors import ConfigurationError, InvalidInput
from ccdesk.core.profiles import Config, Profile
from ccdesk.core.settings import resolve_settings

PROFILE = Profile(
    name="work", base_url="https://odcc2.bell.ca/api/v1", tenant="bell01", agent_id="agP", region="CA"
)
CONFIG = Config(profiles={"work": PROFILE}, default_profile="work")


def test_profile_alone():
    s = resolve_settings({}, CONFIG, {})
    assert (s.base_url, s.tenant, s.username, s.agent_id, s.region) == (
        "https://odcc2.bell.ca/api/v1",
        "bell01",
        "bell01",
        "agP",
        "CA",
    )
    assert s.account == "bell01@bell01"


def test_environment_beats_profile_and_options_beat_environment():
    env = {"CCDESK_TENANT": "envtenant", "CCDESK_AGENT": "agE", "CCDESK_PLATFORM": "eu9b"}
    s = resolve_settings({}, CONFIG, env)
    assert (s.tenant, s.agent_id, s.base_url) == ("envtenant", "agE", "https://vcc-eu9.8x8.com/api/v1")
    assert s.notes and "eu9" in s.notes[0]
    s = resolve_settings({"tenant": "opt", "base_url": "http://127.0.0.1:9/api/v1"}, CONFIG, env)
    assert (s.tenant, s.base_url) == ("opt", "http://127.0.0.1:9/api/v1")


def test_missing_host_and_tenant_are_named():
    with pytest.raises(ConfigurationError, match="--platform"):
        resolve_settings({}, Config(), {})
    with pytest.raises(ConfigurationError, match="tenant"):
        resolve_settings({"platform": "na12"}, Config(), {})


def test_plain_http_to_another_host_is_refused():
    with pytest.raises(InvalidInput, match="loopback"):
        resolve_settings({"base_url": "http://example.com/api/v1", "tenant": "t"}, Config(), {})


def test_agent_is_required_only_when_used():
    s = resolve_settings({"platform": "na12", "tenant": "t"}, Config(), {})
    with pytest.raises(ConfigurationError, match="agent"):
        s.require_agent()
