"""Without a display, or without libxcb-cursor0, `ccdesk` says why and how to fix it, not Qt's abort."""

from __future__ import annotations

from ccdesk.app import display_problem


def found(_name: str) -> str:
    return "libxcb-cursor.so.0"


def test_no_display_is_said_with_the_way_out() -> None:
    said = display_problem({}, "linux", found)
    assert "no display" in said and "ccdesk-cli" in said


def test_a_missing_xcb_cursor_names_the_package() -> None:
    said = display_problem({"DISPLAY": ":0"}, "linux", lambda _name: None)
    assert "libxcb-cursor0" in said and "apt-get install libxcb-cursor0" in said


def test_a_usable_session_or_another_platform_passes() -> None:
    assert display_problem({"DISPLAY": ":0"}, "linux", found) == ""
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda _n: None) == ""
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda _n: None) == ""
    assert display_problem({}, "win32", lambda _n: None) == ""
    assert display_problem({}, "darwin", lambda _n: None) == ""
