"""Number splitting: what a person types becomes the document's prefix + number, with letters dialled as a phone
dials them, warnings before a number that is probably not what was meant, and the field's grouping kept."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccdesk.api.errors import InvalidInput
from ccdesk.core.numbers import clean, dial_warnings, format_as_you_type, letters_to_digits, split_number


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
        ("011 44 20 7946 0958", "US", "44", "2079460958", "+44 20 7946 0958"),
    ],
)
def test_parsed_numbers_split_into_country_code_and_national_number(text, region, prefix, number, display):
    dial = split_number(text, region)
    assert (dial.prefix, dial.number, dial.display) == (prefix, number, display)
    assert not dial.raw and dial.warnings == ()


def test_preview_says_exactly_what_is_sent():
    assert split_number("+1 617 555 1984").preview == ("+1 617-555-1984, sent as prefix 1, number 6175551984")


def test_raw_mode_sends_digits_as_typed():
    dial = split_number("4321#", prefix="")
    assert (dial.prefix, dial.number, dial.raw) == ("", "4321#", True)
    assert split_number("9 555 0100", prefix="1").number == "95550100"
    assert split_number("1234", prefix="").warnings == ()  # an extension: what raw mode is for


# -- letters -------------------------------------------------------------------------------------------------


def test_letters_are_dialled_as_a_phone_keypad_dials_them():
    dial = split_number("1-800-FLOWERS", "US")
    assert (dial.prefix, dial.number) == ("1", "8003569377")
    assert dial.keyed == "1-800-3569377"
    assert dial.preview == "1-800-3569377 → +1 800-356-9377, sent as prefix 1, number 8003569377"
    assert split_number("1-800-flowers", "US").number == "8003569377"
    assert split_number("0800 LOGIN", prefix="44").number == "080056446"


def test_a_word_is_not_a_number_and_no_message_spells_letters():
    with pytest.raises(InvalidInput) as refused:
        split_number("hello", "US")
    message = str(refused.value)
    assert "type its digits" in message and "1-800-FLOWERS" in message
    assert not re.search(r"\b[a-z](?: [a-z]){2,}\b", message.replace("'hello'", ""))


# -- warnings before dialling --------------------------------------------------------------------------------


def test_a_local_number_without_its_area_code_is_warned():
    dial = split_number("555-1984", "US")
    assert dial.warnings == ("555-1984 looks incomplete: add the area code.",)
    assert (dial.prefix, dial.number) == ("1", "5551984")
    assert dial_warnings("555-1984", "US") == dial.warnings


def test_a_number_in_no_range_in_use_is_warned():
    (warning,) = split_number("+1 555 555 5555").warnings
    assert warning == "+1 555-555-5555 is not a number in use: check the digits."


def test_an_extension_is_warned_not_dialled():
    dial = split_number("+1 617 555 1984 ext. 12", "US")
    assert (dial.prefix, dial.number) == ("1", "6175551984")
    assert dial.warnings == (
        "8x8 dials no extension: extension 12 is not dialled; ask for it when answered.",
    )
    assert split_number("617-555-1984 x12", "US").number == "6175551984"


def test_good_and_undiallable_numbers_have_no_warnings():
    assert dial_warnings("+1 617 555 1984") == ()
    assert dial_warnings("1234", "US") == ()  # refused outright, not a question
    assert dial_warnings("", "US") == ()


# -- refusals ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region", "prefix", "fragment"),
    [
        ("", "US", None, "Enter a number"),
        ("call me", "US", None, "not a phone number: type its digits"),
        ("12", "US", None, "too short for a phone number in region US: add the area code"),
        ("1234", "US", None, "raw mode for extensions"),
        ("+1 617 555 19845555", "US", None, "too long for a phone number: check the digits"),
        ("020 7946 0958", "US", None, "in region US: check the digits, or type the number with \\+"),
        ("*72", "US", None, "raw mode"),
        ("6175551984", "XX", None, "Unknown region"),
        ("555", "US", "1a", "prefix must be digits"),
        ("+1555", "US", "1", "without '\\+'"),
        ("1" * 40, "US", None, "too long"),
        ("1+2", "US", None, "a \\+ belongs only at the start"),
        ("é555", "US", None, "only digits"),
        ("+999 1234", "US", None, "no country code in use"),
    ],
)
def test_malformed_numbers_are_refused_with_a_reason(text, region, prefix, fragment):
    with pytest.raises(InvalidInput, match=fragment):
        split_number(text, region, prefix)


def test_a_forgotten_plus_is_suggested():
    with pytest.raises(InvalidInput, match=r"If it is \+44 20 7946 0958, type the \+ first"):
        split_number("44 20 7946 0958", "US")


def test_clean_strips_links_and_separators():
    assert clean(" tel:+1 (617) 555-1984 ") == "+16175551984"
    assert clean("callto://+44.20.7946.0958") == "+442079460958"


# -- the number field's grouping -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region", "shown"),
    [
        ("6175551984", "US", "(617) 555-1984"),
        ("02079460958", "GB", "020 7946 0958"),
        ("020 7946 0958", "GB", "020 7946 0958"),
        ("020 7946 0958", "US", "020 7946 0958"),  # no US grouping for it: the spaces typed stay
        ("1234", "US", "1234"),  # never "1 (234"
        ("1-800-FLOWERS", "US", "1-800-FLOWERS"),
        ("*72", "US", "*72"),
    ],
)
def test_as_you_type_formatting_keeps_what_cannot_be_grouped_better(text, region, shown):
    assert format_as_you_type(text, region) == shown


def test_as_you_type_formatting_of_an_international_number():
    assert format_as_you_type("+4420794", "US").startswith("+44 20")


# -- properties ----------------------------------------------------------------------------------------------

_valid_regions = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if r not in {"001"})
_KEYPAD = {"2": "abc", "3": "def", "4": "ghi", "5": "jkl", "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz"}
_typed = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("0123456789+*#-() .xX"),
        st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz"),
    ),
    max_size=40,
)


@given(st.sampled_from(_valid_regions), st.data())
def test_example_numbers_of_every_region_round_trip(region, data):
    """For each region's example numbers, prefix + number is the same E.164 number, whatever the formatting."""
    kind = data.draw(st.sampled_from(list(phonenumbers.PhoneNumberType.values())))
    example = phonenumbers.example_number_for_type(region, kind)
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
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    try:
        dial = split_number(phonenumbers.format_number(example, fmt), region)
    except InvalidInput:
        assert not phonenumbers.is_possible_number(example)  # only the metadata's odd examples
        return
    assert f"+{dial.prefix}{dial.number}" == e164
    assert dial.number.isdigit() and dial.prefix.isdigit()
    assert f"+{dial.prefix}{dial.number}" == e164
    if not dial.warnings:  # what the preview shows is the same number again
        assert split_number(dial.display, region).number == dial.number


@given(
    _typed,
    st.sampled_from([*_valid_regions[:40], "US", "GB", "XX", ""]),
    st.none() | st.sampled_from(["", "1"]),
)
def test_whatever_is_typed_no_exception_escapes(text, region, prefix):
    try:
        dial = split_number(text, region, prefix)
    except InvalidInput as exc:
        message = str(exc)
        assert message
        assert not re.search(r"contains [^ ]( [^ ])+", message)  # never a list of the characters typed
    else:
        assert dial.prefix == "" or dial.prefix.isdigit()
        assert re.fullmatch(r"[0-9*#]+", dial.number)
        assert all(warning.endswith(".") for warning in dial.warnings)
    assert isinstance(dial_warnings(text, region, prefix), tuple)
    shown = format_as_you_type(text, region)
    assert clean(shown) == clean(text)  # the field never changes a digit


@given(
    st.text(alphabet=st.sampled_from("0123456789-+ ()ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
)
def test_letters_map_as_on_a_phone_keypad(text):
    keyed = letters_to_digits(text)
    assert len(keyed) == len(text)
    for typed, dialled in zip(text, keyed, strict=True):
        if typed.isalpha():
            assert typed.lower() in _KEYPAD[dialled]
        else:
            assert dialled == typed


@given(st.sampled_from(_valid_regions))
def test_a_valid_e164_number_round_trips(region):
    example = phonenumbers.example_number(region)
    if example is None or not phonenumbers.is_valid_number(example):
        return
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    for region_read in ("US", "GB", region):
        dial = split_number(e164, region_read)
        assert f"+{dial.prefix}{dial.number}" == e164 and dial.warnings == ()
        assert (
            phonenumbers.format_number(phonenumbers.parse(dial.display), phonenumbers.PhoneNumberFormat.E164)
            == e164
        )
