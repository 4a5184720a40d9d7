"""From what a person typed or pasted to the document's `prefix` + `number`.

Parsed numbers are split into the country calling code (`prefix`) and the national significant number
(`number`), as in the document's example: `+1 (617) 555-1984` is prefix `1`, number `6175551984`. Raw mode
(an explicit prefix) sends the digits as typed, for extensions and special numbers the parser rejects.

Letters are dialled as a phone keypad dials them (1-800-FLOWERS is 1-800-3569377). A number that can be dialled
but probably is not what was meant (a local number without its area code, a range not in use, an extension
8x8 cannot dial) carries `warnings`, so the window can ask before dialling instead of refusing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from ccdesk.api.errors import InvalidInput
from ccdesk.api.words import translate

_LINK_SCHEMES = ("tel:", "callto:", "sip:", "sips:")
_VISUAL_SEPARATORS = re.compile(r"[\s\-.()\[\]/\u00a0\u2010-\u2015\u2212]")
_DIALLABLE = re.compile(r"^\+?[0-9*#]+$")
_LETTER_OR_DIGIT = re.compile(r"^\+?[0-9A-Za-z*#]+$")
#: "617 555 1984 ext. 12", "x12", "extension 12" after the separators are gone: 8x8 dials no extension
_EXTENSION = re.compile(r"^(.*\d)(?:ext|extn|extension|x)(\d{1,7})$", re.IGNORECASE)
_EXTENSION_WRITTEN = re.compile(r"[\s,.]*(?:ext|extn|extension|x)[\s.:]*\d{1,7}$", re.IGNORECASE)
_KEYPAD = {
    letter: digit
    for digit, letters in (
        ("2", "ABC"),
        ("3", "DEF"),
        ("4", "GHI"),
        ("5", "JKL"),
        ("6", "MNO"),
        ("7", "PQRS"),
        ("8", "TUV"),
        ("9", "WXYZ"),
    )
    for letter in letters + letters.lower()
}
MAX_DIGITS = 32


@dataclass(frozen=True)
class DialNumber:
    """What will be sent, how to show it, and what to ask about before sending it."""

    prefix: str
    number: str
    display: str
    raw: bool = False
    #: reasons to ask "Dial anyway?": the number can be dialled but is probably not what was meant
    warnings: tuple[str, ...] = ()
    #: the input with its letters as keypad digits ("1-800-3569377"), when it had letters
    keyed: str = ""

    @property
    def sent(self) -> str:
        """Exactly what place-call gets: "sent as prefix 1, number 6175551984"."""
        if not self.prefix:
            return translate("Numbers", "sent as prefix (empty), number {number}").format(number=self.number)
        return translate("Numbers", "sent as prefix {prefix}, number {number}").format(
            prefix=self.prefix, number=self.number
        )

    @property
    def preview(self) -> str:
        """The line the window shows under the number field, so nobody dials a surprise."""
        if self.keyed and self.prefix:
            text = translate("Numbers", "{keyed} → {display}, sent as prefix {prefix}, number {number}")
        elif self.keyed:
            text = translate("Numbers", "{keyed} → {display}, sent as prefix (empty), number {number}")
        elif self.prefix:
            text = translate("Numbers", "{display}, sent as prefix {prefix}, number {number}")
        else:
            text = translate("Numbers", "{display}, sent as prefix (empty), number {number}")
        return text.format(keyed=self.keyed, display=self.display, prefix=self.prefix, number=self.number)


def letters_to_digits(text: str) -> str:
    """Letters as a phone keypad dials them (ABC 2, DEF 3, … WXYZ 9); every other character as it was."""
    return "".join(_KEYPAD.get(ch, ch) for ch in text)


def clean(text: str) -> str:
    """Strip link schemes, parameters and the separators people type or paste around numbers."""
    return _VISUAL_SEPARATORS.sub("", _unlinked(text))


def _unlinked(text: str) -> str:
    """The number as written, without a link's scheme, parameters or host."""
    value = unquote(text.strip())
    lowered = value.lower()
    for scheme in _LINK_SCHEMES:
        if lowered.startswith(scheme):
            value = value[len(scheme) :].lstrip("/")
            break
    value = value.split(";", 1)[0]  # tel: parameters such as ;phone-context= or ;ext=
    if value.lower().startswith("sip") or "@" in value:
        value = value.split("@", 1)[0]
    return value.strip()


def split_number(text: str, region: str = "US", prefix: str | None = None) -> DialNumber:
    """Turn input into prefix and number (with warnings when it is probably not what was meant), or raise
    InvalidInput saying what is wrong and what to do."""
    shown = text.strip()
    cleaned = clean(text)
    if not cleaned:
        raise InvalidInput(translate("Numbers", "Enter a number to dial."))
    warnings: list[str] = []
    extension = _EXTENSION.match(cleaned)
    if extension is not None:
        cleaned = extension.group(1)
        warnings.append(
            translate(
                "Numbers",
                "8x8 dials no extension: extension {extension} is not dialled; ask for it when answered.",
            ).format(extension=extension.group(2))
        )
    if not _LETTER_OR_DIGIT.match(cleaned):
        if "+" in cleaned[1:]:
            raise InvalidInput(
                translate("Numbers", "{text!r} is not a phone number: a + belongs only at the start.").format(
                    text=shown
                )
            )
        raise InvalidInput(
            translate(
                "Numbers",
                "{text!r} is not a phone number: only digits, + * # and letters can be dialled (letters count "
                "as on a phone keypad, as in 1-800-FLOWERS).",
            ).format(text=shown)
        )
    keyed = ""
    if any(ch in _KEYPAD for ch in cleaned):
        if not any(ch.isdigit() for ch in cleaned):
            raise InvalidInput(
                translate(
                    "Numbers",
                    "{text!r} is not a phone number: type its digits (letters count as on a phone keypad, as "
                    "in 1-800-FLOWERS).",
                ).format(text=shown)
            )
        cleaned = letters_to_digits(cleaned)
        written = _unlinked(text)
        if extension is not None:
            written = _EXTENSION_WRITTEN.sub("", written)
        keyed = letters_to_digits(written)
    if len(cleaned) > MAX_DIGITS:
        raise InvalidInput(_too_long(shown))
    dial = _raw(cleaned, prefix) if prefix is not None else _parsed(cleaned, region, shown, warnings)
    return DialNumber(dial.prefix, dial.number, dial.display, dial.raw, tuple(warnings), keyed)


def dial_warnings(text: str, region: str = "US", prefix: str | None = None) -> tuple[str, ...]:
    """What to ask about before dialling `text` ("Dial anyway?"); nothing for a number that cannot be dialled at
    all (split_number says why) or one that is fine."""
    try:
        return split_number(text, region, prefix).warnings
    except InvalidInput:
        return ()


def _too_long(text: str) -> str:
    return translate("Numbers", "{text!r} is too long to be a phone number.").format(text=text)


def _raw(cleaned: str, prefix: str) -> DialNumber:
    prefix = prefix.strip().lstrip("+")
    if prefix and not (prefix.isascii() and prefix.isdigit()):
        raise InvalidInput(
            translate("Numbers", "The prefix must be digits (or empty), got {prefix!r}.").format(
                prefix=prefix
            )
        )
    if cleaned.startswith("+"):
        raise InvalidInput(translate("Numbers", "With an explicit prefix, type the number without '+'."))
    display = f"{prefix} {cleaned}" if prefix else cleaned
    return DialNumber(prefix=prefix, number=cleaned, display=display, raw=True)


def load_metadata() -> None:
    """Load phonenumbers and its metadata now (about 50 ms), on a worker, so the first number formatted on the GUI
    thread (a call announced by the event stream) does not pay for it there."""
    import phonenumbers  # noqa: F401


def _parsed(cleaned: str, region: str, original: str, warnings: list[str]) -> DialNumber:
    import phonenumbers  # its metadata is loaded on the first number typed, not at start-up

    if "*" in cleaned or "#" in cleaned:
        raise InvalidInput(
            translate(
                "Numbers", "{text!r} has * or #: use raw mode (an explicit prefix) for service codes."
            ).format(text=original)
        )
    region = (region or "").upper()
    international = cleaned.startswith("+")
    if not international and region not in phonenumbers.SUPPORTED_REGIONS:
        raise InvalidInput(
            translate(
                "Numbers", "Unknown region {region!r}: use a two-letter country code such as US or GB."
            ).format(region=region)
        )
    # the region the number was read in; None for an international number, which names its own country
    where = None if international else region
    try:
        parsed = phonenumbers.parse(cleaned, None if international else region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidInput(_unparsable(original, exc.error_type, where)) from exc
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    Reason = phonenumbers.ValidationResult
    if reason not in (Reason.IS_POSSIBLE, Reason.IS_POSSIBLE_LOCAL_ONLY):
        raise InvalidInput(_impossible(original, cleaned, reason, where))
    number = phonenumbers.national_significant_number(parsed)
    if reason == Reason.IS_POSSIBLE_LOCAL_ONLY:
        warnings.append(
            translate("Numbers", "{text} looks incomplete: add the area code.").format(text=original)
        )
        display = f"+{parsed.country_code} {number}"
    else:
        display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if not phonenumbers.is_valid_number(parsed):
            if where is None:
                text = translate("Numbers", "{number} is not a number in use: check the digits.")
            else:
                text = translate(
                    "Numbers", "{number} is not a number in use in region {region}: check the digits."
                )
            warnings.append(text.format(number=display, region=where))
    return DialNumber(prefix=str(parsed.country_code), number=number, display=display)


def _unparsable(original: str, error_type: int, where: str | None) -> str:
    """phonenumbers' refusal in plain words, with what to do (`where`: the region, None for a + number)."""
    import phonenumbers

    Error = phonenumbers.NumberParseException
    if error_type == Error.INVALID_COUNTRY_CODE:
        return _no_country_code(original)
    if error_type == Error.TOO_LONG:
        return _too_long(original)
    if error_type in (Error.TOO_SHORT_NSN, Error.TOO_SHORT_AFTER_IDD):
        if where is None:
            text = translate(
                "Numbers",
                "{text!r} is too short for a phone number: check the digits, or use raw mode for extensions and "
                "short codes.",
            )
        else:
            text = translate(
                "Numbers",
                "{text!r} is too short for a phone number in region {region}: check the digits, or use raw mode "
                "for extensions and short codes.",
            )
    elif where is None:
        text = translate(
            "Numbers",
            "{text!r} is not a phone number: check the digits, or use raw mode for extensions and short codes.",
        )
    else:
        text = translate(
            "Numbers",
            "{text!r} is not a phone number in region {region}: check the digits, or use raw mode for extensions "
            "and short codes.",
        )
    return text.format(text=original, region=where)


def _no_country_code(original: str) -> str:
    return translate(
        "Numbers", "{text!r} starts with no country code in use: check the digits after the +."
    ).format(text=original)


def _impossible(original: str, cleaned: str, reason: int, where: str | None) -> str:
    """Why a number cannot be dialled, and the likeliest fix (a forgotten +, an area code, raw mode).
    `where` is the region the number was read in, None for a + number."""
    import phonenumbers

    Reason = phonenumbers.ValidationResult
    if where is not None:
        try:
            abroad = phonenumbers.parse("+" + cleaned, None)
        except phonenumbers.NumberParseException:
            abroad = None
        if abroad is not None and phonenumbers.is_valid_number(abroad):
            shown = phonenumbers.format_number(abroad, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            return translate(
                "Numbers",
                "{text!r} is not a possible phone number in region {region}. If it is {number}, type the + first.",
            ).format(text=original, region=where, number=shown)
    if reason == Reason.TOO_SHORT:
        if where is None:
            text = translate(
                "Numbers",
                "{text!r} is too short for a phone number: add the area code, or use raw mode for extensions and "
                "short codes.",
            )
        else:
            text = translate(
                "Numbers",
                "{text!r} is too short for a phone number in region {region}: add the area code, or use raw mode "
                "for extensions and short codes.",
            )
        return text.format(text=original, region=where)
    if reason == Reason.INVALID_COUNTRY_CODE:
        return _no_country_code(original)
    too_long = reason == Reason.TOO_LONG
    if where is None and too_long:
        text = translate("Numbers", "{text!r} is too long for a phone number: check the digits.")
    elif where is None:
        text = translate("Numbers", "{text!r} is not a possible phone number: check the digits.")
    elif too_long:
        text = translate(
            "Numbers",
            "{text!r} is too long for a phone number in region {region}: check the digits, or type the number "
            "with + and its country code.",
        )
    else:
        text = translate(
            "Numbers",
            "{text!r} is not a possible phone number in region {region}: check the digits, or type the number "
            "with + and its country code.",
        )
    return text.format(text=original, region=where)


def format_as_you_type(text: str, region: str = "US") -> str:
    """What the number field shows: the digits grouped as the region writes numbers, or the text as typed when
    the region has no better grouping ("020 7946 0958" keeps its spaces in the US), when it is half a group
    ("1 (234"), or when it holds letters, * or #. The person's digits are never changed."""
    cleaned = clean(text)
    if not cleaned or not _DIALLABLE.match(cleaned) or "*" in cleaned or "#" in cleaned:
        return text
    if len(cleaned) > MAX_DIGITS:
        return text
    import phonenumbers

    try:
        formatter = phonenumbers.AsYouTypeFormatter((region or "US").upper())
        result = ""
        for ch in cleaned:
            result = formatter.input_digit(ch)
    except Exception:  # formatting is a nicety: the text as typed is always right
        return text
    grouped = any(ch in " -()" for ch in result.strip())
    balanced = result.count("(") == result.count(")")
    if not grouped or not balanced or clean(result) != cleaned:
        return text
    return result
