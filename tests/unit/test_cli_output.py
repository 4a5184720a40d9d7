"""The command line's table and durations: aligned by terminal columns, nothing cut, times as people say them."""

from __future__ import annotations

import pytest

from ccdesk.cli_output import display_width, duration, table


def test_a_table_aligns_by_what_the_terminal_shows() -> None:
    shown = table(
        ["NAME", "ID", "IN STATUS"],
        [
            ["山田 太郎", "ag1", "5 min"],
            ["Zoë", "ag22", "1 h 05 min"],
            ["A very long name indeed", "ag3", "-"],
        ],
        right=[2],
    )
    lines = shown.splitlines()
    assert lines[0] == "NAME                     ID     IN STATUS"
    assert lines[1] == "山田 太郎                ag1        5 min"
    assert lines[3] == "A very long name indeed  ag3            -"
    assert {display_width(line) for line in lines} == {41}
    assert not any(line.endswith(" ") for line in lines)


def test_display_width_counts_wide_and_combining_characters() -> None:
    assert display_width("山田") == 4
    assert display_width("e\u0301") == 1  # e and a combining acute accent
    assert display_width("Ilya") == 4


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (0, "0 s"),
        (45.9, "45 s"),
        (60, "1 min"),
        (25 * 60 + 30, "25 min"),
        (3900, "1 h 05 min"),
        (3 * 86400 + 4 * 3600, "3 d 4 h"),
    ],
)
def test_durations_are_said_as_people_say_them(seconds: float, said: str) -> None:
    assert duration(seconds) == said
