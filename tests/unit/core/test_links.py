"""Click-to-dial links are read strictly: good ones fill the dial field, anything odd is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccdesk.api.errors import InvalidInput
from ccdesk.core.links import DialIntent, parse_link
from ccdesk.core.numbers import split_number


@pytest.mark.parametrize(
    ("link", "number"),
    [
        ("tel:+16175551984", "+16175551984"),
        ("tel:+44%2020%207946%200958", "+442079460958"),
        ("tel:+1-617-555-1984;ext=12", "+16175551984"),
        ("callto:+1 (617) 555-1984", "+16175551984"),
        ("callto://+16175551984", "+16175551984"),
        ("TEL:6175551984", "6175551984"),
        ("+1 617 555 1984", "+16175551984"),
    ],
)
def test_number_links(link: str, number: str) -> None:
    assert parse_link(link) == DialIntent(number=number)


def test_the_uk_example_splits_correctly() -> None:
    dial = split_number(parse_link("tel:+44%2020%207946%200958").number)
    assert (dial.prefix, dial.number, dial.display) == ("44", "2079460958", "+44 20 7946 0958")


def test_ccdesk_link_carries_queue_caller_id_and_data() -> None:
    intent = parse_link(
        "ccdesk:dial?number=%2B16175551984&queue=598&callerid=%2B12015551212&dialplan=12&force=1"
        "&data.Name=Bilbo%20Baggins&data.Loyalty%20Level=Gold&ctl.AccountRef=BB123987"
    )
    assert intent.number == "+16175551984" and intent.queue_id == "598" and intent.caller_id == "12015551212"
    assert intent.dialplan_id == "12" and intent.force_call is True
    assert [(d.name, d.value) for d in intent.ext_data] == [
        ("Name", "Bilbo Baggins"),
        ("Loyalty Level", "Gold"),
    ]
    assert [(d.name, d.value) for d in intent.ctl_data] == [("AccountRef", "BB123987")]
    assert parse_link("ccdesk://dial?number=4321&prefix=").prefix == ""


@pytest.mark.parametrize(
    ("link", "fragment"),
    [
        ("", "empty"),
        ("javascript:alert(1)", "does not handle javascript"),
        ("http://evil.example/tel", "does not handle http"),
        ("tel:", "does not hold a phone number"),
        ("tel:+1617555abcd", "does not hold a phone number"),
        ("tel:+1%0A617", "control characters"),
        ("ccdesk:hangup?number=1", "Unknown ccdesk link action"),
        ("ccdesk:dial?queue=598", "no number"),
        ("ccdesk:dial?number=1&number=2", "appears twice"),
        ("ccdesk:dial?number=1&rm=-rf", "Unknown field"),
        ("ccdesk:dial?number=1&queue=../x", "queue id must be digits 0-9 only"),
        ("ccdesk:dial?number=1&queue=%EF%BC%94", "queue id must be digits 0-9 only"),  # full-width 4
        ("ccdesk:dial?number=1&queue=5%E2%80%AE1", "queue id must be digits 0-9 only"),  # bidi override
        ("ccdesk:dial?number=1&queue=5%0198", "control characters"),
        ("ccdesk:dial?number=1&dialplan=" + "1" * 11, "dial plan id is too long"),
        ("ccdesk:dial?number=1&callerid=12ab", "caller id must be digits"),
        ("ccdesk:dial?number=1&callerid=" + "1" * 16, "caller id is too long"),
        ("ccdesk:dial?number=1&data.N=a%E2%80%AEb", "bidi"),
        ("ccdesk:dial?number=1&queue", "malformed"),
        ("ccdesk:dial?number=1&force=maybe", "force must be"),
        ("ccdesk:dial?number=1&data.=x", "name is empty"),
        ("ccdesk:dial?number=1&data.N=" + "x" * 600, "too long"),
        ("ccdesk:dial?number=1&" + "&".join(f"ctl.n{i}=v" for i in range(21)), "at most 20"),
        ("ccdesk:dial?number=1#frag", "fragment"),
        ("tel:+1" + "5" * 5000, "too long"),
    ],
)
def test_malformed_and_hostile_links_are_refused(link: str, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        parse_link(link)


@pytest.mark.parametrize(
    "link",
    [
        "ccdesk:dial?number=+4930123456",
        "ccdesk:dial?number=%2B4930123456",
        "ccdesk://dial?number=+4930123456",
    ],
)
def test_a_plus_in_a_ccdesk_link_is_a_plus_not_a_space(link: str) -> None:
    intent = parse_link(link)
    assert intent.number == "+4930123456"
    dial = split_number(intent.number, "US")
    assert (dial.prefix, dial.number) == ("49", "30123456")  # Berlin, not +1 493-012-3456


def test_data_values_keep_form_encoding_and_callerid_keeps_its_plus() -> None:
    intent = parse_link("ccdesk:dial?number=%2B16175551984&callerid=+12015551212&data.Name=Bilbo+Baggins")
    assert intent.caller_id == "12015551212"
    assert [(d.name, d.value) for d in intent.ext_data] == [("Name", "Bilbo Baggins")]


@given(st.text(max_size=200))
def test_any_text_is_either_a_clean_intent_or_refused(text: str) -> None:
    try:
        intent = parse_link(text)
    except InvalidInput:
        return
    assert intent.number and all(ch in "+0123456789*#" for ch in intent.number)
