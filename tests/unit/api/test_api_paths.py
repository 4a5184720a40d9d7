"""segment(): every accepted id is exactly one path segment and decodes back to itself."""

from __future__ import annotations

import string
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccdesk.api.errors import InvalidInput
from ccdesk.api.paths import line_number, segment


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("ag0VYyLh0YTsymdbtYIaaaa", "ag0VYyLh0YTsymdbtYIaaaa"),
        ("int-184a0c5493f-nempJR9b0nXcZbChiZmtZkLCE-phone-00-acmecorp01", None),
        ("ag64oyEUb_Sk6bxVB9P5ye5w", None),
        ("a;b", "a%3Bb"),
        ("a:b", "a%3Ab"),
        ("a+b", "a%2Bb"),
        ("é", "%C3%A9"),
        ("...", "..."),
        ("a" * 256, None),
    ],
)
def test_accepted_ids(value: str, encoded: str | None) -> None:
    assert segment("agent id", value) == (encoded or value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        ".",
        "..",
        "../x",
        "a/b",
        "a\\b",
        "a?b",
        "a#b",
        "a%b",
        "%2F",
        " x",
        "x ",
        "a b",
        "a\tb",
        "a\nb",
        "a\x00b",
        "a\x7fb",
        "a\u200bb",
        "a\u00a0b",
        "a\ud800b",
        "a" * 257,
    ],
)
def test_refused_ids_name_the_field(value: str) -> None:
    with pytest.raises(InvalidInput, match="interaction id"):
        segment("interaction id", value)


@pytest.mark.parametrize("value", [None, 5, b"ab"])
def test_non_text_is_refused(value: object) -> None:
    with pytest.raises(InvalidInput, match="agent id"):
        segment("agent id", value)  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_accepted_values_round_trip_and_never_carry_url_syntax(value: str) -> None:
    try:
        encoded = segment("id", value)
    except InvalidInput:
        return
    assert unquote(encoded, errors="strict") == value
    assert not any(ch in encoded for ch in "/?#\\") and not any(ch.isspace() for ch in encoded)
    assert encoded not in {".", ".."}
    assert set(encoded) <= set(string.ascii_letters + string.digits + "%-._~")


@given(
    st.text(max_size=40),
    st.sampled_from(["/", "?", "#", "\\", "%", " ", "\t", "\n", "\r", "\x0b", "\u3000", "\u2028"]),
    st.text(max_size=40),
)
def test_values_with_url_syntax_or_whitespace_are_always_refused(head: str, bad: str, tail: str) -> None:
    with pytest.raises(InvalidInput):
        segment("id", head + bad + tail)


@pytest.mark.parametrize(("value", "line"), [(1, 1), (2, 2), ("1", 1), ("2", 2)])
def test_line_numbers(value: int | str, line: int) -> None:
    assert line_number(value) == line


@pytest.mark.parametrize("value", [0, 3, -1, "x", "", " 1", "01", "1.0", True, False, 1.0, None])
def test_bad_line_numbers(value: object) -> None:
    with pytest.raises(InvalidInput, match="1 or 2"):
        line_number(value)  # type: ignore[arg-type]
