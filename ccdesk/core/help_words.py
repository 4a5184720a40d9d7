"""The command lines' help in the system's language: `ccdesk-cli --help` and `ccdesk --help`.

Scripts read what ccdesk-cli prints, so its results and messages stay English, byte for byte; its help is for
people and follows the system's language (LC_ALL, LC_MESSAGES, LANG and LANGUAGE as gettext reads them; Windows'
display language). The words come straight from the translation source that ships with ccdesk
(resources/i18n/ccdesk_<lang>.ts), read without Qt: the command line needs no display and starts no Qt.

Help text goes through `HelpWords.translate("Context", "English {placeholder}")` with a literal, so lupdate
extracts it like the window's strings, and the completeness test covers it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

#: the languages ccdesk's help speaks besides English (the window's, ccdesk.ui.i18n.LANGUAGES, less English)
TRANSLATED = ("fr",)


def system_language(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str:
    """The system's language as the help speaks it ("fr" for any French: fr_CA, fr_FR.UTF-8), else "en".

    gettext's rules: the locale is the first of LC_ALL, LC_MESSAGES and LANG that is set; "C" or "POSIX" means
    English whatever else is set; otherwise LANGUAGE's preferences ("de:fr:en") come first, in their order."""
    locale_name = next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n)), "")
    if not locale_name:
        return _spoken(_windows_display_language()) if platform == "win32" else "en"
    if locale_name in ("C", "POSIX") or locale_name.startswith("C."):
        return "en"
    for preference in environ.get("LANGUAGE", "").split(":"):
        language = _language(preference)
        if language == "en" or language in TRANSLATED:
            return language
    return _spoken(locale_name)


def _language(code: str) -> str:
    """The language of a locale name: "fr" for fr_CA.UTF-8, fr-FR or fr@euro."""
    return code.replace("-", "_").split("_", 1)[0].split(".", 1)[0].split("@", 1)[0].lower()


def _spoken(code: str) -> str:
    language = _language(code)
    return language if language in TRANSLATED else "en"


def _windows_display_language() -> str:
    """Windows' display language as a locale name ("fr_CA"), or "" when it cannot be read."""
    import ctypes
    import locale

    try:
        number = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return ""
    return locale.windows_locale.get(number, "")


def given(argv: Sequence[str], *options: str) -> bool:
    """Whether any of `options` was given before any `--` (after it, "--help" is a value, not an option)."""
    head = list(argv)
    head = head[: head.index("--")] if "--" in head else head
    return any(option in head for option in options)


def asks_for_help(argv: Sequence[str]) -> bool:
    """Whether -h or --help was given: only then is the help's translation read (a command runs without it)."""
    return given(argv, "-h", "--help")


class HelpWords:
    """Help text in one language: the English back for any text it has no translation of."""

    def __init__(self, messages: Mapping[tuple[str, str], str]) -> None:
        self._messages = messages

    def translate(self, context: str, text: str) -> str:
        return self._messages.get((context, text)) or text

    def heading(self, title: str) -> str:
        """A section's heading with its colon as the language writes it ("examples:", French "exemples :")."""
        return self.translate("Help", "{heading}:").format(heading=title)


@cache
def help_words(language: str | None = None) -> HelpWords:
    """The help's words in `language` (default: the system's); English when ccdesk has no such translation or
    its file cannot be read (help is never refused for a damaged translation)."""
    language = language or system_language()
    if language not in TRANSLATED:
        return HelpWords({})
    try:
        source = files("ccdesk.resources").joinpath("i18n", f"ccdesk_{language}.ts").read_bytes()
        return HelpWords(_finished(ET.fromstring(source)))
    except (OSError, ET.ParseError):
        return HelpWords({})


def _finished(root: ET.Element) -> dict[tuple[str, str], str]:
    """The finished, singular translations of a .ts file (help has no counts)."""
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or message.get("numerus") == "yes":
                continue
            found[(name, message.findtext("source") or "")] = translation.text or ""
    return found


def help_width() -> int:
    """The width help text is filled to: the terminal's, between 60 and 100 columns."""
    return max(60, min(shutil.get_terminal_size().columns, 100)) - 2


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and examples as written (filled by the caller), option help wrapped by argparse, "usage:"
    in the help's language."""

    def __init__(self, prog: str, usage_prefix: str = "usage: ", before_colon: str = "") -> None:
        super().__init__(prog, max_help_position=32, width=help_width())
        self._usage_prefix = usage_prefix
        self._before_colon = before_colon

    def start_section(self, heading: str | None) -> None:
        # argparse writes "heading:" itself: what the language puts before a colon goes on the heading
        super().start_section(f"{heading}{self._before_colon}" if heading else heading)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self._usage_prefix if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        """Option help wrapped at spaces only: an option or a word such as wrap-up is never cut at its hyphen."""
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class TranslatedParser(argparse.ArgumentParser):
    """argparse whose own words ("usage:", its section titles, -h's help) are in the language of `words`."""

    def __init__(self, *args: Any, words: HelpWords | None = None, **kwargs: Any) -> None:
        w = words or HelpWords({})
        self.usage_prefix = w.translate("Help", "usage: ")
        self.before_colon = w.heading("")[:-1]  # French: a no-break space
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # added below, with its help in the language
        super().__init__(*args, **kwargs)
        self._positionals.title = w.translate("Help", "positional arguments")
        self._optionals.title = w.translate("Help", "options")
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", help=w.translate("Help", "show this help and exit")
            )

    def _get_formatter(self) -> argparse.HelpFormatter:
        return HelpFormatter(self.prog, self.usage_prefix, self.before_colon)
