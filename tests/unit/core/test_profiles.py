"""Profiles: shared by the command line and the window, written atomically, never holding the token."""

from __future__ import annotations

import json

import pytest

from ccdesk.api.errors import ConfigurationError
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import Choice, Config, Profile, ProfileStore


def test_round_trip(tmp_path):
    store = ProfileStore(tmp_path / "config.json")
    profile = Profile(
        name="acme",
        platform="na12",
        tenant="acmecorp01",
        agent_id="ag0VYyLh0YTsymdbtYIaaaa",
        region="GB",
        caller_ids=[Choice("12015551212", "Main line")],
        queues=[Choice("598", "Sales")],
        dial_plans=[Choice("12")],
    )
    store.save(Config(profiles={"acme": profile}, default_profile="acme"))
    loaded = store.load()
    assert loaded.profiles["acme"] == profile
    assert loaded.profile(None) == profile
    assert profile.effective_username == "acmecorp01"


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path):
    store = ProfileStore(tmp_path / "config.json")
    for i in range(5):
        store.save(Config(profiles={f"p{i}": Profile(name=f"p{i}")}))
    assert [p.name for p in tmp_path.iterdir()] == ["config.json"]
    assert "token" not in (tmp_path / "config.json").read_text()


def test_a_token_in_the_file_is_refused(tmp_path):
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"profiles": {"x": {"tenant": "t", "token": "s3cret"}}}))
    with pytest.raises(ConfigurationError, match="keyring"):
        ProfileStore(path).load()


def test_unknown_profile_names_the_known_ones(tmp_path):
    config = Config(profiles={"a": Profile(name="a"), "b": Profile(name="b")})
    with pytest.raises(ConfigurationError, match="a, b"):
        config.profile("c")
    assert config.profile(None) is None  # two profiles, no default: nothing is guessed


def test_broken_file_gets_a_clear_message(tmp_path):
    path = tmp_path / "config.json"
    path.write_text("{nope")
    with pytest.raises(ConfigurationError, match="not valid JSON"):
        ProfileStore(path).load()


def test_ccdesk_home_holds_everything(isolated_home):
    dirs = app_dirs()
    assert dirs.config_file.is_relative_to(isolated_home)
    assert dirs.journal_file.is_relative_to(isolated_home)
    assert app_dirs("/tmp/x").config == app_dirs("/tmp/x").config
