"""Profiles: shared by the command line and the window, written atomically, never holding the token."""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import pytest

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.models import StatusCode
from ccdesk.core.local_files import LocalFileError
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import Choice, Config, Profile, ProfileStore, remember_bulk_status_method


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


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\xff\xfe{}", "not readable text (not UTF-8)"),
        ("{nope", "not valid JSON"),
        ("", "is empty"),
        ("[1, 2]", "must hold a JSON object {...}, not a list"),
        ("null", "not null"),
    ],
)
def test_a_file_that_is_not_a_config_names_itself(tmp_path, content, problem):
    path = write(tmp_path / "config.json", content)
    with pytest.raises(LocalFileError, match=re.escape(problem)) as caught:
        ProfileStore(path).load()
    assert caught.value.path == path and caught.value.can_move_aside
    assert str(path) in str(caught.value)


def test_a_folder_or_an_unreadable_file_names_itself(tmp_path, monkeypatch):
    folder = tmp_path / "config.json"
    folder.mkdir()
    with pytest.raises(LocalFileError, match="is a folder, not a file"):
        ProfileStore(folder).load()
    denied = write(tmp_path / "other.json", "{}")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == denied:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # root ignores chmod 000, so the denial is simulated
    with pytest.raises(LocalFileError, match="permission denied") as caught:
        ProfileStore(denied).load()
    assert caught.value.path == denied


def test_wrong_typed_settings_are_skipped_and_named(tmp_path):
    path = write(
        tmp_path / "config.json",
        json.dumps(
            {
                "default_profile": "work",
                "colour": "blue",
                "profiles": {
                    "work": {
                        "tenant": "acme",
                        "queues": 5,
                        "region": 7,
                        "caller_ids": ["12015551212", 598, None, {"name": "no value"}],
                        "dial_links_at_once": "yes",
                        "data_presets": {
                            "vip": {"ext": [["Tier", "Gold"], ["lonely"]], "ctl": "x"},
                            "bad": 1,
                        },
                        "agentid": "typo",
                    },
                    "broken": "not an object",
                },
            }
        ),
    )
    config = ProfileStore(path).load()
    work = config.profiles["work"]
    assert (work.tenant, work.queues, work.region, work.dial_links_at_once) == ("acme", [], "US", False)
    assert work.caller_ids == [Choice("12015551212"), Choice("598")]
    assert work.data_presets == {"vip": {"ext": [["Tier", "Gold"]], "ctl": []}}
    assert list(config.profiles) == ["work"] and config.default_profile == "work"
    assert "profile 'work': 'queues' must be a list; ignored" in config.problems
    assert "profile 'work': 'region' must be text; ignored" in config.problems
    assert "profile 'broken' must be an object; ignored" in config.problems
    assert "unknown setting 'colour'; ignored" in config.problems
    assert "profile 'work': unknown setting 'agentid'; ignored" in config.problems
    assert len(config.problems) == 11, config.problems  # and caller ids #3 and #4, the flag, three in presets


@pytest.mark.parametrize("profiles", [[], "work", 5], ids=["a list", "text", "a number"])
def test_profiles_that_are_not_an_object_are_ignored(tmp_path, profiles):
    path = write(tmp_path / "config.json", json.dumps({"profiles": profiles, "default_profile": 3}))
    config = ProfileStore(path).load()
    assert config.profiles == {} and config.default_profile == ""
    assert config.problems == (
        "'profiles' must be an object (profile name -> settings); ignored",
        "'default_profile' must be text; ignored",
    )


def test_a_clean_file_has_no_problems_and_save_keeps_no_backup(tmp_path):
    store = ProfileStore(tmp_path / "config.json")
    assert store.save(Config(profiles={"a": Profile(name="a", queues=[Choice("598", "Sales")])})) is None
    assert store.load().problems == ()
    assert store.save(store.load()) is None
    assert [p.name for p in tmp_path.iterdir()] == ["config.json"]


@pytest.mark.parametrize(
    "content",
    ["{nope", '{"profiles": {"w": {"tenant": "t", "queues": 5}}}', '{"profiles": {"w": {"later": 1}}}'],
    ids=["damaged", "wrong type", "unknown setting"],
)
def test_save_over_a_file_with_problems_keeps_the_original(tmp_path, content):
    path = write(tmp_path / "config.json", content)
    store = ProfileStore(path)
    backup = store.save(Config(profiles={"w": Profile(name="w", tenant="t")}))
    assert backup is not None and backup.name.startswith("config.json.broken-")
    assert backup.read_text(encoding="utf-8") == content  # what the user made, byte for byte
    assert store.load().profiles["w"].tenant == "t" and store.load().problems == ()
    assert store.save(store.load()) is None  # once clean, no more backups


def test_save_never_replaces_a_file_it_cannot_read(tmp_path):
    path = tmp_path / "config.json"
    path.mkdir()
    with pytest.raises(LocalFileError, match="is a folder"):
        ProfileStore(path).save(Config())
    assert path.is_dir()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_failed_save_names_the_file_and_leaves_it_untouched(tmp_path, monkeypatch, code):
    store = ProfileStore(tmp_path / "config.json")
    store.save(Config(profiles={"old": Profile(name="old")}))
    before = store.path.read_bytes()

    def fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(LocalFileError) as caught:
        store.save(Config(profiles={"new": Profile(name="new")}))
    assert caught.value.path == store.path and "could not be saved" in str(caught.value)
    assert store.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["config.json"]  # no temp file left behind


def test_a_config_folder_that_cannot_be_made_is_named(tmp_path):
    (tmp_path / "blocker").write_text("a file", encoding="utf-8")
    with pytest.raises(LocalFileError, match="part of its path is a file") as caught:
        ProfileStore(tmp_path / "blocker" / "config.json").save(Config())
    assert caught.value.path == tmp_path / "blocker" / "config.json"


def test_status_codes_and_the_bulk_method_round_trip_as_plain_json(tmp_path):
    store = ProfileStore(tmp_path / "config.json")
    profile = Profile(
        name="acme",
        platform="na12",
        tenant="acmecorp01",
        status_codes=[StatusCode(801, 1725, "Lunch", "Lunch break"), StatusCode(-1, 1, "Out")],
        bulk_status_method="PUT",
    )
    store.save(Config(profiles={"acme": profile}))
    body = json.loads(store.path.read_text())["profiles"]["acme"]
    assert body["status_codes"] == [
        {"list_id": 801, "item_id": 1725, "short_code": "Lunch", "name": "Lunch break"},
        {"list_id": -1, "item_id": 1, "short_code": "Out", "name": ""},
    ]
    assert body["bulk_status_method"] == "PUT"
    assert store.load().profiles["acme"] == profile


def test_unusable_status_codes_and_methods_are_skipped_and_said(tmp_path):
    path = tmp_path / "config.json"
    codes = [
        {"list_id": 801, "item_id": 1722, "short_code": "Meet"},
        {"list_id": "801", "item_id": 1725, "short_code": "Lunch"},
        {"list_id": 801, "item_id": 1726},
        "801:1726:Train",
    ]
    path.write_text(json.dumps({"profiles": {"x": {"status_codes": codes, "bulk_status_method": "PATCH"}}}))
    config = ProfileStore(path).load()
    assert config.profiles["x"].status_codes == [StatusCode(801, 1722, "Meet")]
    assert config.profiles["x"].bulk_status_method == ""
    assert [p for p in config.problems if "status_codes" in p] == [
        "profile 'x': 'status_codes' item #2 is not a status code {list_id, item_id, short_code, name} "
        "(A status code's list id must be a whole number, got '801'); ignored",
        "profile 'x': 'status_codes' item #3 is not a status code {list_id, item_id, short_code, name} "
        "(A status code needs its short code (Configuration Manager > Status Codes)); ignored",
        "profile 'x': 'status_codes' item #4 is not a status code {list_id, item_id, short_code, name} "
        "(it is not an object); ignored",
    ]
    assert "profile 'x': 'bulk_status_method' must be \"POST\" or \"PUT\"; ignored" in config.problems


def test_the_bulk_method_a_tenant_accepted_is_remembered_in_its_profile_only(tmp_path):
    store = ProfileStore(tmp_path / "config.json")
    other = Profile(name="other", tenant="t2", queues=[Choice("598", "Sales")])
    store.save(
        Config(profiles={"work": Profile(name="work", tenant="t1"), "other": other}, default_profile="work")
    )
    assert remember_bulk_status_method(store, "work", "PUT") is True
    config = store.load()
    assert config.profiles["work"].bulk_status_method == "PUT"
    assert config.profiles["other"] == other and config.default_profile == "work"
    before = store.path.stat().st_mtime_ns
    assert remember_bulk_status_method(store, "work", "PUT") is False  # already known: not written again
    assert remember_bulk_status_method(store, "", "POST") is False  # settings from the environment alone
    assert remember_bulk_status_method(store, "nobody", "POST") is False
    assert store.path.stat().st_mtime_ns == before


def test_a_profiles_ids_go_through_the_one_validator() -> None:
    """Caller ids, queues and dial plans from a settings file are checked like typed ones: a bad one is skipped
    and said, never sent; a display name with control or bidi characters is dropped."""
    problems: list[str] = []
    profile = Profile.from_json(
        "p",
        {
            "queues": ["598", "5\x0198", "q\u202e1", {"value": "\uff14", "name": "full-width"}],
            "dial_plans": ["12", "9" * 11],
            "caller_ids": [{"value": "12015551212", "name": "Main\u202eline"}, "1" * 16],
        },
        problems,
    )
    assert [c.value for c in profile.queues] == ["598"]
    assert [c.value for c in profile.dial_plans] == ["12"]
    assert profile.caller_ids == [Choice("12015551212", "")]
    assert len(problems) == 5 and all("ignored" in p for p in problems)
