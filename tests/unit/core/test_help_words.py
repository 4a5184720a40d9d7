"""The help's language is the system's, read as gettext reads it; its words come from the French that ships."""

from __future__ import annotations

import pytest

from ccdesk.core.help_words import HelpWords, asks_for_help, help_words, system_language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr_FR@euro"}, "fr"),
        ({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),  # LC_ALL wins
        ({"LC_ALL": "C", "LANGUAGE": "fr"}, "en"),  # the C locale is English whatever LANGUAGE says
        ({"LANG": "C.UTF-8", "LANGUAGE": "fr"}, "en"),
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "de:fr:en"}, "fr"),  # the first preference ccdesk speaks
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "en:fr"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language ccdesk does not speak
        ({}, "en"),
    ],
)
def test_the_language_is_read_as_gettext_reads_it(environ: dict[str, str], language: str) -> None:
    assert system_language(environ, "linux") == language


def test_only_a_request_for_help_reads_the_translation() -> None:
    assert asks_for_help(["free", "--help"]) and asks_for_help(["-h"])
    assert not asks_for_help(["call", "--", "--help"])  # after --, "--help" is a value
    assert not asks_for_help(["recent"])


def test_the_help_s_french_is_the_french_that_ships() -> None:
    french = help_words("fr")
    assert french.translate("Help", "options") == "options"
    assert french.translate("Help", "positional arguments") == "arguments positionnels"
    assert french.heading("exemples") == "exemples\u00a0:"
    assert french.translate("Help", "a sentence nobody translated") == "a sentence nobody translated"
    english = help_words("en")
    assert english.heading("examples") == "examples:"
    assert english.translate("Help", "positional arguments") == "positional arguments"


def test_a_translation_without_words_leaves_english() -> None:
    assert HelpWords({}).translate("CliHelp", "commands") == "commands"


def test_windows_without_locale_variables_asks_for_its_display_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ccdesk.core import help_words as module

    monkeypatch.setattr(module, "_windows_display_language", lambda: "fr_CA")
    assert system_language({}, "win32") == "fr"
    assert system_language({"LANG": "en_US"}, "win32") == "en"  # a variable set (MSYS, Git Bash) still wins
