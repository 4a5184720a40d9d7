"""parse_fault reads every kind of fault body a server or proxy may send, and never raises."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccdesk.api.faults import MAX_REASON_LENGTH, MAX_REASONS, MAX_TEXT_LENGTH, parse_fault

JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("headers", "body", "reasons", "message"),
    [
        (
            JSON,
            b'{"reasons": ["Agent=[ag1] not available to handle interaction"], "message": "Bad Request"}',
            ("Agent=[ag1] not available to handle interaction",),
            "Bad Request",
        ),
        (JSON, b'{"reasons": "one reason"}', ("one reason",), ""),
        (JSON, b'{"reasons": ["a", 5, null, "", {"x": 1}]}', ("a", "5", '{"x": 1}'), ""),
        (
            {"Content-Type": "application/problem+json"},
            b'{"type": "about:blank", "title": "Service Unavailable", "status": 503, '
            b'"detail": "DB timed out"}',
            (),
            "Service Unavailable: DB timed out",
        ),
        (JSON, b'{"title": "Not Found"}', (), "Not Found"),
        (
            JSON,
            b'{"reason": "The status code list id is invalid.", "change-status": 400, "message": "failed"}',
            ("The status code list id is invalid.",),
            "failed",
        ),
        (JSON, b'{"error": {"message": "nope"}}', ("nope",), ""),
        (JSON, b'{"errors": [{"message": "e1"}, "e2"]}', ("e1", "e2"), ""),
        (JSON, b'["x", "y"]', ("x", "y"), ""),
        (JSON, b'"just a string"', ("just a string",), ""),
        (JSON, b"{}", (), ""),
        (
            {"Content-Type": "application/xml"},
            b"<API><Error>403 - Forbidden.</Error></API>",
            ("403 - Forbidden.",),
            "",
        ),
        (
            {},
            b"<?xml version='1.0'?>\n<API>\n  <Error>403 - Forbidden.</Error>\n</API>",
            ("403 - Forbidden.",),
            "",
        ),
        (
            {"Content-Type": "text/html"},
            b"<html><head><title> 502 Bad\n Gateway </title></head><body><h1>502</h1></body></html>",
            (),
            "502 Bad Gateway",
        ),
        (
            {"Content-Type": "text/html"},
            b"<html><script>var a = 1;</script><body><p>Service &amp; more</p></body></html>",
            (),
            "Service & more",
        ),
        (
            {"Content-Type": "text/plain"},
            b"  Interaction [int-1] was not found.\n",
            ("Interaction [int-1] was not found.",),
            "",
        ),
        ({}, b"", (), ""),
        ({}, b"   \n ", (), ""),
        (JSON, b'{"reasons": ["trunc', ('{"reasons": ["trunc',), ""),
        (JSON, b"\xff\xfe\x00bad", ("\ufffd\ufffd bad",), ""),
        ({}, b"\x1b[31mred\x1b[0m alert", ("[31mred [0m alert",), ""),
    ],
)
def test_fault_bodies(headers: dict[str, str], body: bytes, reasons: tuple[str, ...], message: str) -> None:
    assert parse_fault(400, headers, body) == (reasons, message)


def test_huge_bodies_are_truncated() -> None:
    body = json.dumps({"reasons": ["x" * 100_000] * 50, "message": "m" * 10_000}).encode()
    reasons, message = parse_fault(500, JSON, body)
    # The JSON is cut off at the parse limit, so it reads as text: still bounded.
    assert len(reasons) <= MAX_REASONS
    assert all(len(r) <= MAX_TEXT_LENGTH for r in reasons)
    assert len(message) <= MAX_TEXT_LENGTH

    many = json.dumps({"reasons": ["r" * 2000] * 100}).encode()[:60_000] + b'"]}'
    reasons, _ = parse_fault(500, JSON, json.dumps({"reasons": ["r" * 2000] * 30}).encode())
    assert len(reasons) == MAX_REASONS
    assert all(len(r) == MAX_REASON_LENGTH for r in reasons)
    assert parse_fault(500, {}, many)[0]  # malformed remainder still gives something readable

    html = b"<html><body>" + b"word " * 50_000 + b"</body></html>"
    assert len(parse_fault(502, {"Content-Type": "text/html"}, html)[1]) <= MAX_TEXT_LENGTH


def test_deeply_nested_json_does_not_raise() -> None:
    assert parse_fault(400, JSON, b"[" * 100_000) is not None


@given(
    status=st.integers(min_value=0, max_value=999),
    content_type=st.sampled_from(
        [
            "",
            "application/json",
            "application/problem+json",
            "text/html",
            "application/xml",
            "text/plain",
            "x/y",
        ]
    ),
    body=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(str.encode),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(
                    st.sampled_from(
                        ["reasons", "reason", "message", "title", "detail", "error", "errors", "x"]
                    ),
                    inner,
                    max_size=4,
                )
            ),
            max_leaves=12,
        ).map(lambda v: json.dumps(v).encode()),
    ),
)
def test_parse_fault_never_raises_and_returns_text(status: int, content_type: str, body: bytes) -> None:
    reasons, message = parse_fault(status, {"content-type": content_type}, body)
    assert isinstance(reasons, tuple)
    assert all(isinstance(r, str) and r for r in reasons)
    assert isinstance(message, str)
    assert not any(ord(ch) < 0x20 for ch in "".join(reasons) + message)
