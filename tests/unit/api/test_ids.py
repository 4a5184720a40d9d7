"""The one id validator: ASCII digits where numbers are meant, no control or bidi characters, bounded lengths;
and fuzzing of it, the link parser and the fault parser: only ccdesk's own errors, never a request for input the
validator refuses."""

from __future__ import annotations

import unicodedata

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccdesk.api import ids
from ccdesk.api.errors import CCDeskError, InvalidInput
from ccdesk.api.faults import parse_fault
from ccdesk.api.models import PlaceCallRequest, StatusChange, TransactionCode
from ccdesk.core.links import parse_link


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (ids.queue_id, "5\x0198"),
        (ids.queue_id, "q\u202e1"),
        (ids.queue_id, "\uff14"),  # full-width 4: str.isdigit() says True
        (ids.queue_id, "\u0664"),  # Arabic-Indic 4
        (ids.queue_id, "1" * 11),
        (ids.dialplan_id, "1" * 100_000),
        (ids.caller_id, "1" * 16),
        (ids.caller_id, "+12015551212"),
        (ids.agent_id, ""),
        (ids.agent_id, "a" * 65),
        (ids.agent_id, "ag\u202eX"),
        (ids.agent_id, "ag\u200bX"),  # zero-width space
        (ids.agent_id, "a b"),
        (ids.agent_id, "../x"),
        (ids.agent_id, ".."),
        (ids.interaction_id, "int-1\nx"),
        (ids.interaction_id, "int-1\x1b[31m"),
        (ids.interaction_id, "i" * 257),
        (ids.short_code, "Lu\u2028nch"),
        (ids.short_code, " "),
        (ids.data_name, ""),
        (ids.data_value, "x" * 513),
    ],
)
def test_refused(check, value: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        check(value)
    assert caught.value.exit_code == 2
    assert len(caught.value.message) < 200 and caught.value.message.isascii()  # quoted short and escaped


@pytest.mark.parametrize("value", ["20" + "1" * 9, "1" * 20, "-1", "\uff11", 2**31, -1, True, 1.0, None])
def test_code_ids_are_whole_numbers_in_int32(value: object) -> None:
    with pytest.raises(InvalidInput):
        ids.code_id("list id", value)


def test_accepted_values_come_back_unchanged() -> None:
    assert ids.queue_id("598") == "598" and ids.dialplan_id("12") == "12"
    assert ids.caller_id("") == "" and ids.caller_id("1" * 15) == "1" * 15
    assert ids.agent_id("ag0VYyLh0YTsymdbtYIaaaa") == "ag0VYyLh0YTsymdbtYIaaaa"
    iid = "int-184a0c5493f-nempJR9b0nXcZbChiZmtZkLCE-phone-00-acmecorp01"
    assert ids.interaction_id(iid) == iid
    assert ids.code_id("list id", " 801 ") == 801 and ids.code_id("list id", 2**31 - 1) == 2**31 - 1
    assert ids.short_code("St 1") == "St 1" and ids.line("2") == 2
    assert ids.is_ascii_digits("42") and not ids.is_ascii_digits("\uff14\uff12")


def test_request_models_use_the_validator() -> None:
    with pytest.raises(InvalidInput, match="queue id"):
        PlaceCallRequest("ag1", "1", "6175551984", queue_id="\uff15")
    with pytest.raises(InvalidInput, match="list id"):
        TransactionCode.parse("1" * 20 + ":1")
    with pytest.raises(InvalidInput, match="short code"):
        StatusChange.parse_code(3, "801:1725:a\x1bb")


_ANY = st.text(st.characters(codec="utf-8"), max_size=80) | st.sampled_from(["598", "\uff14", "1" * 16, ""])


@settings(max_examples=300)
@given(_ANY, _ANY, _ANY, _ANY)
def test_fuzz_validator_only_raises_its_own_error(queue: str, caller: str, agent: str, iid: str) -> None:
    for check, value in (
        (ids.queue_id, queue),
        (ids.caller_id, caller),
        (ids.agent_id, agent),
        (ids.interaction_id, iid),
        (ids.short_code, queue),
        (ids.data_value, caller),
    ):
        try:
            accepted = check(value)
        except InvalidInput:
            continue
        # accepted as given, and nothing that moves a terminal or reorders text (a no-break space is fine)
        assert accepted == value
        assert not any(unicodedata.category(c) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"} for c in value)


@settings(max_examples=300)
@given(
    st.builds(
        lambda fields: "ccdesk:dial?" + "&".join(f"{k}={v}" for k, v in fields),
        st.lists(
            st.tuples(
                st.sampled_from(
                    ["number", "queue", "dialplan", "callerid", "prefix", "force", "data.N", "x"]
                ),
                st.text(max_size=30) | st.sampled_from(["+4930123456", "%2B1617", "598", "%EF%BC%94", "%0A"]),
            ),
            max_size=6,
        ),
    )
    | st.text(max_size=200)
)
def test_fuzz_links_never_yield_a_request_the_validator_refuses(link: str) -> None:
    try:
        intent = parse_link(link)
    except InvalidInput:
        return
    PlaceCallRequest(  # what the dial panel builds from it: raises only if the link let a bad value through
        agent_id="ag1",
        prefix=intent.prefix or "",
        number=intent.number.lstrip("+"),
        caller_id=intent.caller_id or "",
        queue_id=intent.queue_id,
        dialplan_id=intent.dialplan_id,
        ext_transaction_data=intent.ext_data,
        ctl_user_data=intent.ctl_data,
    )


@settings(max_examples=300)
@given(
    st.integers(min_value=100, max_value=599),
    st.sampled_from(["application/json", "text/html", "text/plain; charset=latin-1", ""]),
    st.binary(max_size=300) | st.text(max_size=200).map(str.encode),
)
def test_fuzz_fault_parser_returns_clean_text(status: int, content_type: str, body: bytes) -> None:
    try:
        reasons, message = parse_fault(status, httpx.Headers({"Content-Type": content_type}), body)
    except CCDeskError:
        return
    for text in (*reasons, message):
        assert isinstance(text, str) and "\n" not in text and "\x1b" not in text
