"""Number splitting: what a person types becomes the document's prefix + number."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccdesk.api.errors import InvalidInput
from ccdesk.core.numbers import clean, format_as_you_type, split_number


@pytest.mark.parametrize(
    ("text", "region", "prefix", "number", "display"),
    [
        ("+1 (617) 555-1984", "US", "1", "6175551984", "+1 617-555-1984"),
        ("617.555.1984", "US", "1", "6175551984", "+1 617-555-1984"),
        ("tel:+16175551984", "GB", "1", "6175551984", "+1 617-555-1984"),
        ("callto:+1-617-555-1984", "US", "1", "6175551984", "+1 617-555-1984"),
        ("tel:+44%2020%207946%200958", "US", "44", "2079460958", "+44 20 7946 0958"),
        ("020 7946 0958", "GB", "44", "2079460958", "+44 20 7946 0958"),
        ("+39 06 1234 5678", "US", "39", "0612345678", "+39 06 1234 5678"),
        ("tel:+1-617-555-1984;ext=12", "US", "1", "6175551984", "+1 617-555-1984"),
    ],
)
def test_parsed_numbers_split_into_country_code_and_national_number(text, region, prefix, number, display):
    dial = split_number(text, region)
    assert (dial.prefix, dial.number, dial.display) == (prefix, number, display)
    assert not dial.raw


def test_preview_says_exactly_what_is_sent():
    assert split_number("+1 617 555 1984").preview == ("+1 617-555-1984, sent as prefix 1, number 6175551984")


def test_raw_mode_sends_digits_as_typed():
    dial = split_number("4321#", prefix="")
    assert (dial.prefix, dial.number, dial.raw) == ("", "4321#", True)
    assert split_number("9 555 0100", prefix="1").number == "95550100"


@pytest.mark.parametrize(
    ("text", "region", "prefix", "fragment"),
    [
        ("", "US", None, "Enter a number"),
        ("call me", "US", None, "not a phone number"),
        ("12", "US", None, "not a possible phone number"),
        ("+1 617 555 19845555", "US", None, "not a possible"),
        ("*72", "US", None, "raw mode"),
        ("6175551984", "XX", None, "Unknown region"),
        ("555", "US", "1a", "prefix must be digits"),
        ("+1555", "US", "1", "without '\\+'"),
        ("1" * 40, "US", None, "too long"),
    ],
)
def test_malformed_numbers_are_refused_with_a_reason(text, region, prefix, fragment):
    with pytest.raises(InvalidInput, match=fragment):
        split_number(text, region, prefix)


def test_clean_strips_links_and_separators():
    assert clean(" tel:+1 (617) 555-1984 ") == "+16175551984"
    assert clean("callto://+44.20.7946.0958") == "+442079460958"


def test_as_you_type_formatting():
    assert format_as_you_type("6175551984", "US") == "(617) 555-1984"
    assert format_as_you_type("+4420794", "US").startswith("+44 20")


_valid_regions = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if r not in {"001"})


@given(st.sampled_from(_valid_regions), st.data())
def test_example_numbers_of_every_region_round_trip(region, data):
    """For each region's example number, prefix + number is the same E.164 number, whatever the formatting."""
    example = phonenumbers.example_number(region)
    if example is None:
        return
    fmt = data.draw(
        st.sampled_from(
            [
                phonenumbers.PhoneNumberFormat.E164,
                phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                phonenumbers.PhoneNumberFormat.NATIONAL,
            ]
        )
    )
    text = phonenumbers.format_number(example, fmt)
    dial = split_number(text, region)
    assert f"+{dial.prefix}{dial.number}" == phonenumbers.format_number(
        example, phonenumbers.PhoneNumberFormat.E164
    )
    assert dial.number.isdigit() and dial.prefix.isdigit()


@given(st.text(max_size=40))
def test_split_never_fails_other_than_invalid_input(text):
    try:
        dial = split_number(text, "US")
    except InvalidInput as exc:
        assert str(exc)
    else:
        assert dial.prefix.isdigit() and dial.number.isdigit()
