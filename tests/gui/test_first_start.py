"""First start (issue 12, point 8): the demo choice is remembered, a computer without an OS keyring still works
(a token for this session only, said plainly), and Settings during the demo shows the running profile."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_driver import Driver
from test_settings_dialog import FakeTester, NoKeyring, fill, fill_valid, find, message, save

from ccdesk import app as app_module
from ccdesk.core.credentials import SESSION_TOKENS, SessionFirstStore, account_name
from ccdesk.core.instance import Inbox
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import ProfileStore
from ccdesk.ui.qt import QApplication, QDialog, QListWidget, QMessageBox
from ccdesk.ui.settings_dialog import SettingsDialog

TOKEN = "tok-session-only-7c1d"


@pytest.fixture(autouse=True)
def forget_session_tokens() -> Iterator[None]:
    yield
    SESSION_TOKENS.tokens.clear()


class Started(Exception):
    """Stands in for the window: what _run would have built it from."""


def run_once(monkeypatch: pytest.MonkeyPatch, first_run: Callable[..., str | None]) -> list[str]:
    """Start as `ccdesk` with no arguments; returns the argv the window would be built from."""
    asked: list[str] = []

    def window(argv: list[str]) -> Any:
        raise Started(" ".join(argv))

    monkeypatch.setattr(app_module, "_first_run", lambda *a, **k: asked.append("asked") or first_run())
    monkeypatch.setattr(app_module, "create_main_window", window)
    args = app_module.build_parser().parse_args([])
    with pytest.raises(Started) as started:
        app_module._run(QApplication.instance(), args, [], [], Inbox(), None)
    return asked + str(started.value).split()


def test_the_demo_choice_is_remembered(
    qapp: Any, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_once(monkeypatch, lambda: "demo") == ["asked", "--demo"]
    assert run_once(monkeypatch, lambda: pytest.fail("asked again")) == ["--demo"]  # not asked a second time


def test_without_a_keyring_the_token_is_kept_for_this_session_only(
    qtbot: Any, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProfileStore(app_dirs().config_file)
    dialog = SettingsDialog(
        store, SessionFirstStore(NoKeyring()), FakeTester(), first_run=True, catalogs_dir=isolated_home / "c"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    fill_valid(dialog)
    fill(dialog, token=TOKEN)
    questions: list[str] = []

    def question(_parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        questions.append(f"{title}\n{text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.token_for_session_only
    assert (
        len(questions) == 1
        and "for this session only" in questions[0]
        and "asked for it again" in questions[0]
    )
    assert SESSION_TOKENS.get(account_name("acme", "acme")) == TOKEN
    assert "Main" in store.load().profiles
    assert TOKEN not in (isolated_home / "config").joinpath("config.json").read_text()  # never on disk
    files = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert not any(TOKEN in p.read_text(errors="ignore") for p in files)


def test_no_keyring_and_no_to_the_question_keeps_the_dialog_open(
    qtbot: Any, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = SettingsDialog(
        ProfileStore(app_dirs().config_file),
        SessionFirstStore(NoKeyring()),
        FakeTester(),
        catalogs_dir=isolated_home / "c",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    fill_valid(dialog)
    fill(dialog, token=TOKEN)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    save(dialog)
    assert dialog.isVisible() and "keyring" in message(dialog, "formMessageLabel")
    assert SESSION_TOKENS.tokens == {}


def test_a_missing_token_at_start_asks_for_it_instead_of_giving_up(
    qapp: Any, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next start after a session-only token: the settings dialog asks again (exit 2 before)."""
    from ccdesk.core.profiles import Config, Profile

    ProfileStore(app_dirs().config_file).save(
        Config(
            profiles={
                "Main": Profile(
                    name="Main", platform="na12", tenant="acme", agent_id="ag0VYyLh0YTsymdbtYIaaaa"
                )
            },
            default_profile="Main",
        )
    )
    monkeypatch.delenv("CCDESK_TOKEN", raising=False)
    asked: list[bool] = []

    def settings_again(_args: argparse.Namespace, *, first_run: bool = True) -> str:
        asked.append(first_run)
        SESSION_TOKENS.set(account_name("acme", "acme"), TOKEN)  # what Save does without a keyring
        return "profile"

    built: list[list[str]] = []

    def window(argv: list[str]) -> Any:
        built.append(argv)
        raise Started()

    monkeypatch.setattr(app_module, "_first_run", settings_again)
    monkeypatch.setattr(app_module, "_say", lambda *a: pytest.fail(f"gave up: {a[2]}"))
    real = app_module.create_main_window

    def first_fails_then_started(argv: list[str]) -> Any:
        if not asked:
            return real(argv)  # no token anywhere: MissingTokenError
        return window(argv)

    monkeypatch.setattr(app_module, "create_main_window", first_fails_then_started)
    with pytest.raises(Started):
        app_module._run(
            QApplication.instance(), app_module.build_parser().parse_args([]), [], [], Inbox(), None
        )
    assert asked == [False] and len(built) == 1


def test_settings_during_the_demo_show_the_running_profile(
    open_window: Callable[..., Driver], monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = open_window("--demo")
    shown: list[SettingsDialog] = []

    def look(dialog: SettingsDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", look)
    demo.window.open_settings()
    [dialog] = shown
    names = find(dialog, QListWidget, "profileList")
    assert names.currentItem().text() == "demo"
    assert find(dialog, type(find(dialog, QListWidget, "profileList")), "profileList").count() == 1
    assert "running on now" in message(dialog, "formMessageLabel")
    dialog.deleteLater()
