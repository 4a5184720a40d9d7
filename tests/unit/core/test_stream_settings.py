"""Which event stream a session reads: options beat the environment, which beats the profile; none is no stream."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.stream import StreamConfigError
from ccdesk.core.credentials import MemoryStore, resolve_stream_key, stream_account_name
from ccdesk.core.local_files import LocalFileError
from ccdesk.core.profiles import Config, Profile, ProfileStore
from ccdesk.core.settings import Settings, resolve_settings
from ccdesk.core.stream_settings import StreamSettings, resolve_stream_settings

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
KEY = "eght_Stream+Key/0123=="


class UntouchableStore(MemoryStore):
    """A keyring that must not be read: without a stream configured, ccdesk never asks it."""

    def get(self, account: str) -> str | None:
        raise AssertionError(f"the keyring was read for {account}")


def settings(**profile_fields: str) -> Settings:
    profile = Profile(name="work", platform="na12", tenant=TENANT, agent_id=AGENT, **profile_fields)
    return resolve_settings({}, Config(profiles={"work": profile}, default_profile="work"), {})


def keyring(key: str = KEY) -> MemoryStore:
    return MemoryStore({stream_account_name(TENANT): key})


def test_no_stream_anywhere_is_no_stream_and_the_keyring_is_not_read() -> None:
    assert resolve_stream_settings(settings(), UntouchableStore(), env={}) is None


def test_the_profiles_region_with_the_keyrings_key_reads_the_agents_topic() -> None:
    stream = resolve_stream_settings(settings(stream_region="us1"), keyring(), env={})
    assert stream is not None
    assert stream.endpoint.base_url == "wss://pulsar-ws-use1.8x8.com"
    assert (stream.endpoint.tenant, stream.topic, stream.endpoint.topic) == (
        TENANT,
        f"agent-v1/{AGENT}",
        stream.topic,
    )
    assert stream.key == KEY
    assert stream.account == "stream:acmecorp01"


def test_the_environment_alone_is_enough() -> None:
    env = {"CCDESK_STREAM_URL": "ws://127.0.0.1:8765", "CCDESK_STREAM_KEY": KEY}
    stream = resolve_stream_settings(settings(), UntouchableStore(), env=env)
    assert stream is not None
    assert (stream.endpoint.base_url, stream.key) == ("ws://127.0.0.1:8765", KEY)


def test_options_beat_the_environment_which_beats_the_profile_and_a_url_beats_a_region() -> None:
    s = settings(stream_region="uk3", stream_url="")
    env = {"CCDESK_STREAM_REGION": "us2"}

    def base(options: dict[str, str | None], env: dict[str, str]) -> str:
        stream = resolve_stream_settings(s, keyring(), options=options, env=env)
        assert stream is not None
        return stream.endpoint.base_url

    assert base({}, {}) == "wss://pulsar-ws-euw2.8x8.com"
    assert base({}, env) == "wss://pulsar-ws-usw2.8x8.com"
    assert base({}, {**env, "CCDESK_STREAM_URL": "wss://relay.example.com"}) == "wss://relay.example.com"
    assert base({"stream_region": "us1"}, env) == "wss://pulsar-ws-use1.8x8.com"
    assert base({"stream_region": "us1", "stream_url": "ws://localhost:9"}, env) == "ws://localhost:9"


def test_the_environment_key_beats_the_keyring() -> None:
    stream = resolve_stream_settings(
        settings(stream_region="us1"), keyring("old"), env={"CCDESK_STREAM_KEY": KEY}
    )
    assert stream is not None and stream.key == KEY


def test_the_profiles_topic_and_an_explicit_topic() -> None:
    s = settings(stream_region="us1", stream_topic="event-v1/AgentStatusChange")
    stream = resolve_stream_settings(s, keyring(), env={})
    assert stream is not None and stream.topic == "event-v1/AgentStatusChange"
    stream = resolve_stream_settings(s, keyring(), env={}, topic="event-v1/all")
    assert stream is not None and stream.endpoint.topic == "event-v1/all"


def test_the_key_never_shows_in_repr() -> None:
    stream = resolve_stream_settings(settings(stream_region="us1"), keyring(), env={})
    assert isinstance(stream, StreamSettings)
    assert KEY not in repr(stream) and KEY not in str(stream)


# -- half set up ------------------------------------------------------------------------------------------------


def test_an_address_without_a_key_says_which_key_and_where_to_put_it() -> None:
    with pytest.raises(StreamConfigError) as caught:
        resolve_stream_settings(settings(stream_region="us1"), MemoryStore(), env={})
    words = caught.value.message
    assert "profile 'work'" in words and "no stream key for tenant acmecorp01" in words
    assert "Data Request Token" in words and "ccdesk-cli login --stream-key" in words
    assert "not the Action Request Token" in words
    assert caught.value.exit_code == 2


def test_a_key_without_an_address_is_named() -> None:
    with pytest.raises(StreamConfigError, match="CCDESK_STREAM_KEY is set but no event stream region or URL"):
        resolve_stream_settings(settings(), MemoryStore(), env={"CCDESK_STREAM_KEY": KEY})


def test_the_agents_topic_needs_an_agent() -> None:
    s = resolve_settings({"platform": "na12", "tenant": TENANT}, Config(), {})
    with pytest.raises(StreamConfigError, match="no agent id"):
        resolve_stream_settings(s, keyring(), env={"CCDESK_STREAM_REGION": "us1"})
    stream = resolve_stream_settings(s, keyring(), env={"CCDESK_STREAM_REGION": "us1"}, topic="event-v1/all")
    assert stream is not None


@pytest.mark.parametrize(
    ("env", "words"),
    [
        (
            {"CCDESK_STREAM_REGION": "eu9"},
            "Unknown event stream region 'eu9'.*CCDESK_STREAM_URL/CCDESK_STREAM_REGION",
        ),
        ({"CCDESK_STREAM_URL": "ws://stream.example.com"}, "only allowed to this computer"),
        ({"CCDESK_STREAM_URL": "wss://x.example.com/?x-api-key=1"}, "must not have a query"),
    ],
)
def test_unusable_addresses_are_refused_naming_where_they_came_from(env: dict[str, str], words: str) -> None:
    with pytest.raises(StreamConfigError, match=words):
        resolve_stream_settings(settings(), keyring(), env=env)


def test_a_key_that_cannot_be_a_header_is_refused() -> None:
    with pytest.raises(StreamConfigError, match="line breaks"):
        resolve_stream_settings(settings(stream_region="us1"), keyring("eght_a\nb"), env={})


def test_a_keyring_that_cannot_be_read_is_a_configuration_error() -> None:
    class Broken(MemoryStore):
        def get(self, account: str) -> str | None:
            raise ConfigurationError("The OS keyring could not be read (locked).")

    with pytest.raises(ConfigurationError, match="locked"):
        resolve_stream_settings(settings(stream_region="us1"), Broken(), env={})


def test_resolve_stream_key_prefers_the_environment_and_trims() -> None:
    assert resolve_stream_key(keyring(" k "), TENANT, {}) == "k"
    assert resolve_stream_key(keyring(), TENANT, {"CCDESK_STREAM_KEY": " e "}) == "e"
    assert resolve_stream_key(MemoryStore(), TENANT, {}) is None


# -- the profile file -------------------------------------------------------------------------------------------


def test_stream_settings_are_saved_only_when_set_and_read_back(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "config.json")
    plain = Profile(name="plain", platform="na12", tenant=TENANT)
    live = Profile(
        name="live", platform="na12", tenant=TENANT, stream_region="us1", stream_topic="event-v1/all"
    )
    store.save(Config(profiles={"plain": plain, "live": live}, default_profile="plain"))
    saved = json.loads((tmp_path / "config.json").read_text())
    assert not any(k.startswith("stream_") for k in saved["profiles"]["plain"])
    assert saved["profiles"]["live"]["stream_region"] == "us1"
    assert "stream_url" not in saved["profiles"]["live"]
    loaded = store.load()
    assert loaded.profiles == {"plain": plain, "live": live}
    assert loaded.problems == ()


def test_a_stream_key_in_the_config_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"profiles": {"p": {"tenant": TENANT, "stream_key": KEY}}}))
    with pytest.raises(LocalFileError, match="stream_key") as caught:
        ProfileStore(path).load()
    assert "CCDESK_STREAM_KEY" in str(caught.value)
