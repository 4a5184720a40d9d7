"""Start-up before Qt: a missing display or libxcb-cursor0 is said with its fix; macOS's -psn_ argument is dropped."""

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


def test_a_macos_process_serial_argument_is_dropped_before_parsing() -> None:
    """Finder may add -psn_0_NNN on a downloaded app's first launch; argparse would exit 2 on it (issue 13)."""
    from ccdesk.app import build_parser, without_process_serial

    argv = without_process_serial(["-psn_0_1234567", "--demo", "tel:+16175551984"])
    assert argv == ["--demo", "tel:+16175551984"]
    assert build_parser().parse_args(argv).demo
