"""Platform codes and base URLs: the token is only ever sent where the user meant, over https or loopback."""

from __future__ import annotations

import pytest

from ccdesk.api.errors import InvalidInput
from ccdesk.api.platforms import base_url_for_platform, validate_base_url


@pytest.mark.parametrize(
    ("code", "url"),
    [
        ("na12", "https://vcc-na12.8x8.com/api/v1"),
        ("NA12", "https://vcc-na12.8x8.com/api/v1"),
        (" eu9 ", "https://vcc-eu9.8x8.com/api/v1"),
        ("ca1", "https://vcc-ca1.8x8.com/api/v1"),
        ("ap1", "https://vcc-ap1.8x8.com/api/v1"),
        ("au1", "https://vcc-au1.8x8.com/api/v1"),
        ("sb1", "https://vcc-sb1.8x8.com/api/v1"),
        ("na40", "https://vcc-na40.8x8.com/api/v1"),
    ],
)
def test_platform_codes_map_to_their_host(code: str, url: str) -> None:
    assert base_url_for_platform(code) == (url, None)


def test_trailing_letter_is_dropped_with_a_note() -> None:
    url, note = base_url_for_platform("EU9b")
    assert url == "https://vcc-eu9.8x8.com/api/v1"
    assert note is not None
    assert note.startswith("Platform code eu9b was used as eu9: ")


def test_bell_canada_uses_its_own_documented_host() -> None:
    assert base_url_for_platform("bc2") == ("https://odcc2.bell.ca/api/v1", None)
    url, note = base_url_for_platform("bc5")
    assert url == "https://vcc-bc5.8x8.com/api/v1"
    assert note is not None and "base URL" in note


@pytest.mark.parametrize(
    "code",
    [
        "",
        "na",
        "12",
        "n12",
        "nax12",
        "na12bc",
        "na-12",
        "na 12",
        "vcc-na12",
        "na12.",
        "ñá12",
        "na\uff11\uff12",
        "\u212aa1",
        None,
        12,
    ],
)
def test_bad_platform_codes_are_refused(code: object) -> None:
    with pytest.raises(InvalidInput):
        base_url_for_platform(code)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://vcc-na12.8x8.com/api/v1", "https://vcc-na12.8x8.com/api/v1"),
        ("https://vcc-na12.8x8.com/api/v1/", "https://vcc-na12.8x8.com/api/v1"),
        ("HTTPS://ODCC2.Bell.CA/api/v1", "https://odcc2.bell.ca/api/v1"),
        ("https://example.com:8443", "https://example.com:8443"),
        ("http://127.0.0.1:8080/api/v1", "http://127.0.0.1:8080/api/v1"),
        ("http://127.3.4.5/api/v1", "http://127.3.4.5/api/v1"),
        ("http://localhost:9/api/v1//", "http://localhost:9/api/v1"),
        ("http://[::1]:8080/api/v1", "http://[::1]:8080/api/v1"),
        (" https://vcc-na12.8x8.com/api/v1\n", "https://vcc-na12.8x8.com/api/v1"),
    ],
)
def test_good_base_urls_are_normalised(url: str, normalised: str) -> None:
    assert validate_base_url(url) == normalised


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://vcc-na12.8x8.com/api/v1", "only allowed to this computer"),
        ("http://192.168.1.5/api/v1", "use https"),
        ("http://localhost.evil.com/api/v1", "loopback"),
        ("http://[::2]/api/v1", "loopback"),
        ("https://user:token@vcc-na12.8x8.com/api/v1", "password"),
        ("https://user@vcc-na12.8x8.com/api/v1", "password"),
        ("https://vcc-na12.8x8.com/api/v1?x=1", "query"),
        ("https://vcc-na12.8x8.com/api/v1#frag", "fragment"),
        ("https://vcc-na12.8x8.com/api/v1?", "query"),
        ("ftp://vcc-na12.8x8.com/api/v1", "https"),
        ("vcc-na12.8x8.com/api/v1", "https"),
        ("https:///api/v1", "host"),
        ("https://vcc-na12.8x8.com:99999/api/v1", "not valid"),
        ("https://vcc na12.8x8.com/api/v1", "spaces"),
        ("https://vcc-na12.8x8.com/api\n/v1", "control"),
        ("", "empty"),
    ],
)
def test_bad_base_urls_are_refused_with_a_reason(url: str, why: str) -> None:
    with pytest.raises(InvalidInput, match=why):
        validate_base_url(url)
