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
_RAW_ADVICE = "use raw mode for extensions and short codes"


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
        return f"sent as prefix {self.prefix or '(empty)'}, number {self.number}"

    @property
    def preview(self) -> str:
        """The line the window shows under the number field, so nobody dials a surprise."""
        shown = f"{self.display}, {self.sent}"
        return f"{self.keyed} → {shown}" if self.keyed else shown


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
        raise InvalidInput("Enter a number to dial.")
    warnings: list[str] = []
    extension = _EXTENSION.match(cleaned)
    if extension is not None:
        cleaned = extension.group(1)
        warnings.append(
            f"8x8 dials no extension: extension {extension.group(2)} is not dialled; ask for it when answered."
        )
    if not _LETTER_OR_DIGIT.match(cleaned):
        reason = "a + belongs only at the start" if "+" in cleaned[1:] else _only_diallable()
        raise InvalidInput(f"{shown!r} is not a phone number: {reason}.")
    keyed = ""
    if any(ch in _KEYPAD for ch in cleaned):
        if not any(ch.isdigit() for ch in cleaned):
            raise InvalidInput(f"{shown!r} is not a phone number: type its digits ({_letters_rule()}).")
        cleaned = letters_to_digits(cleaned)
        written = _unlinked(text)
        if extension is not None:
            written = _EXTENSION_WRITTEN.sub("", written)
        keyed = letters_to_digits(written)
    if len(cleaned) > MAX_DIGITS:
        raise InvalidInput(f"{shown!r} is too long to be a phone number.")
    dial = _raw(cleaned, prefix) if prefix is not None else _parsed(cleaned, region, shown, warnings)
    return DialNumber(dial.prefix, dial.number, dial.display, dial.raw, tuple(warnings), keyed)


def dial_warnings(text: str, region: str = "US", prefix: str | None = None) -> tuple[str, ...]:
    """What to ask about before dialling `text` ("Dial anyway?"); nothing for a number that cannot be dialled at
    all (split_number says why) or one that is fine."""
    try:
        return split_number(text, region, prefix).warnings
    except InvalidInput:
        return ()


def _only_diallable() -> str:
    return f"only digits, + * # and letters can be dialled ({_letters_rule()})"


def _letters_rule() -> str:
    return "letters count as on a phone keypad, as in 1-800-FLOWERS"


def _raw(cleaned: str, prefix: str) -> DialNumber:
    prefix = prefix.strip().lstrip("+")
    if prefix and not (prefix.isascii() and prefix.isdigit()):
        raise InvalidInput(f"The prefix must be digits (or empty), got {prefix!r}.")
    if cleaned.startswith("+"):
        raise InvalidInput("With an explicit prefix, type the number without '+'.")
    display = f"{prefix} {cleaned}" if prefix else cleaned
    return DialNumber(prefix=prefix, number=cleaned, display=display, raw=True)


def load_metadata() -> None:
    """Load phonenumbers and its metadata now (about 50 ms), on a worker, so the first number formatted on the GUI
    thread (a call announced by the event stream) does not pay for it there."""
    import phonenumbers  # noqa: F401


def _parsed(cleaned: str, region: str, original: str, warnings: list[str]) -> DialNumber:
    import phonenumbers  # its metadata is loaded on the first number typed, not at start-up

    if "*" in cleaned or "#" in cleaned:
        raise InvalidInput(f"{original!r} has * or #: use raw mode (an explicit prefix) for service codes.")
    region = (region or "").upper()
    international = cleaned.startswith("+")
    if not international and region not in phonenumbers.SUPPORTED_REGIONS:
        raise InvalidInput(f"Unknown region {region!r}: use a two-letter country code such as US or GB.")
    where = "" if international else f" in region {region}"
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
        warnings.append(f"{original} looks incomplete: add the area code.")
        display = f"+{parsed.country_code} {number}"
    else:
        display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if not phonenumbers.is_valid_number(parsed):
            warnings.append(f"{display} is not a number in use{where}: check the digits.")
    return DialNumber(prefix=str(parsed.country_code), number=number, display=display)


def _unparsable(original: str, error_type: int, where: str) -> str:
    """phonenumbers' refusal in plain words, with what to do."""
    import phonenumbers

    Error = phonenumbers.NumberParseException
    if error_type == Error.INVALID_COUNTRY_CODE:
        return f"{original!r} starts with no country code in use: check the digits after the +."
    if error_type == Error.TOO_LONG:
        return f"{original!r} is too long to be a phone number."
    if error_type in (Error.TOO_SHORT_NSN, Error.TOO_SHORT_AFTER_IDD):
        return f"{original!r} is too short for a phone number{where}: check the digits, or {_RAW_ADVICE}."
    return f"{original!r} is not a phone number{where}: check the digits, or {_RAW_ADVICE}."


def _impossible(original: str, cleaned: str, reason: int, where: str) -> str:
    """Why a number cannot be dialled, and the likeliest fix (a forgotten +, an area code, raw mode)."""
    import phonenumbers

    Reason = phonenumbers.ValidationResult
    if not cleaned.startswith("+"):
        try:
            abroad = phonenumbers.parse("+" + cleaned, None)
        except phonenumbers.NumberParseException:
            abroad = None
        if abroad is not None and phonenumbers.is_valid_number(abroad):
            shown = phonenumbers.format_number(abroad, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            return f"{original!r} is not a possible phone number{where}. If it is {shown}, type the + first."
    if reason == Reason.TOO_SHORT:
        return f"{original!r} is too short for a phone number{where}: add the area code, or {_RAW_ADVICE}."
    if reason == Reason.INVALID_COUNTRY_CODE:
        return f"{original!r} starts with no country code in use: check the digits after the +."
    what = "too long for a phone number" if reason == Reason.TOO_LONG else "not a possible phone number"
    if cleaned.startswith("+"):
        return f"{original!r} is {what}: check the digits."
    return f"{original!r} is {what}{where}: check the digits, or type the number with + and its country code."


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
