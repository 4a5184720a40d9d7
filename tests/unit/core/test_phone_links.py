"""Which way ccdesk can become the app for tel:/callto: links on each OS, and what it tells the user."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from ccdesk.core.phone_links import (
    SETTINGS_PAGE,
    Route,
    make_ccdesk_the_phone_app,
    route,
    running_app_bundle,
    xdg_commands,
)

APP = Path("/Applications/ccdesk.app")


@pytest.mark.parametrize(
    ("version", "bundle", "expected"),
    [("15.1", APP, Route.MACOS), ("12.0", APP, Route.MACOS), ("11.7", APP, None), ("14.0", None, None)],
)
def test_macos_asks_directly_from_12_on_and_only_as_an_installed_app(
    version: str, bundle: Path | None, expected: Route | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ccdesk.core.phone_links.running_app_bundle", lambda: bundle)
    assert route("darwin", mac_version=version) is expected


def test_the_running_app_bundle_is_found_from_the_executable() -> None:
    assert running_app_bundle("/Applications/ccdesk.app/Contents/MacOS/ccdesk") == APP
    assert running_app_bundle("/usr/bin/python3") is None


def test_windows_opens_settings_only_for_the_installed_app() -> None:
    assert route("win32", frozen=True) is Route.WINDOWS_SETTINGS
    assert route("win32", frozen=False) is None  # from source: no registration to choose
    assert SETTINGS_PAGE == "ms-settings:defaultapps?registeredAppUser=ccdesk"
    iss = (Path(__file__).resolve().parents[3] / "packaging" / "windows" / "ccdesk.iss").read_text()
    assert 'Filename: "ms-settings:defaultapps?registeredAppUser={#AppName}"' in iss
    assert '#define AppName "ccdesk"' in iss


def test_linux_needs_xdg_mime_and_the_installed_desktop_entry(tmp_path: Path) -> None:
    found = {"xdg-mime": "/usr/bin/xdg-mime"}
    assert route("linux", which=found.get, data_home=tmp_path) is None  # install.sh not run
    (tmp_path / "applications").mkdir()
    (tmp_path / "applications" / "ccdesk.desktop").write_text("[Desktop Entry]\n")
    assert route("linux", which=found.get, data_home=tmp_path) is Route.XDG
    assert route("linux", which=lambda _name: None, data_home=tmp_path) is None


def test_linux_sets_both_schemes() -> None:
    ran: list[list[str]] = []

    def run(command: list[str], **_kwargs: Any) -> None:
        ran.append(command)

    outcome = make_ccdesk_the_phone_app(Route.XDG, run=run)
    assert (
        ran
        == xdg_commands()
        == [
            ["xdg-mime", "default", "ccdesk.desktop", "x-scheme-handler/tel"],
            ["xdg-mime", "default", "ccdesk.desktop", "x-scheme-handler/callto"],
        ]
    )
    assert outcome.done and "tel:" in outcome.text


def test_a_refusal_is_words_with_the_way_out_never_a_traceback() -> None:
    def run(command: list[str], **_kwargs: Any) -> None:
        raise subprocess.CalledProcessError(1, command)

    outcome = make_ccdesk_the_phone_app(Route.XDG, run=run)
    assert not outcome.done and "did not accept" in outcome.text and "settings" in outcome.text
