"""File > Make ccdesk the app for phone links: on Linux it runs xdg-mime for tel: and callto: and says so."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_driver import Driver

from ccdesk.ui.qt import QAction


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xdg-mime: the Linux way")
def test_the_menu_makes_ccdesk_the_handler_with_xdg_mime(
    open_window: Callable[..., Driver], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir, log = tmp_path / "bin", tmp_path / "xdg-mime.log"
    bin_dir.mkdir()
    fake = bin_dir / "xdg-mime"
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    data_home = tmp_path / "share"
    (data_home / "applications").mkdir(parents=True)
    (data_home / "applications" / "ccdesk.desktop").write_text("[Desktop Entry]\n")
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))

    driver = open_window("--demo")
    action = driver.window.findChild(QAction, "phoneLinksAction")
    assert action is not None and action.text() == "Make ccdesk the app for p&hone links…"
    action.trigger()
    assert log.read_text().splitlines() == [
        "default ccdesk.desktop x-scheme-handler/tel",
        "default ccdesk.desktop x-scheme-handler/callto",
    ]
    assert driver.window.statusBar().currentMessage() == "ccdesk now opens tel: and callto: links."


def test_without_a_way_to_ask_there_is_no_menu_entry(
    open_window: Callable[..., Driver], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "empty"))  # install.sh never ran
    driver = open_window("--demo")
    assert driver.window.findChild(QAction, "phoneLinksAction") is None
