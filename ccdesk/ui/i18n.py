"""The window's language, the Qt way: QTranslator with ccdesk's catalogue and Qt's own, chosen once at start.

Sources: `resources/i18n/ccdesk_<lang>.ts` (kept in git, updated with `python packaging/translations.py`).
Compiled `.qm` files are never in git: packaging/build.py builds them into the bundle; a source checkout compiles
them on first use with PySide6's own `lrelease`, into the user's data folder, and again whenever the `.ts` changes.
The language follows the system (QLocale's UI languages), unless Settings or `--lang` say otherwise. The command
line tool stays English: scripts read it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from ccdesk.api import words
from ccdesk.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

#: the languages ccdesk speaks, by code, named in their own language (Settings lists them so)
LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT = "en"
PREFERENCE = "language"  # window.ini key: "" or absent = follow the system
_installed: list[Any] = []  # the translators in use (Qt keeps only a pointer)


def decimal(value: float) -> str:
    """A number as the window's language writes it ("0.5" in English, "0,5" in French), no needless zeros."""
    return QLocale().toString(float(value), "g", 6)


def language_code(text: str) -> str | None:
    """'fr', 'fr_CA', 'fr-FR' -> 'fr' when ccdesk has it; None otherwise."""
    code = text.replace("-", "_").split("_", 1)[0].strip().lower()
    return code if code in LANGUAGES else None


def system_language(ui_languages: Sequence[str] | None = None) -> str:
    """The first of the system's preferred UI languages that ccdesk speaks (Quebec's fr_CA gives French)."""
    for text in QLocale.system().uiLanguages() if ui_languages is None else ui_languages:
        code = language_code(text)
        if code:
            return code
    return DEFAULT


def choose_language(
    option: str | None, preference: str | None, ui_languages: Sequence[str] | None = None
) -> str:
    """`--lang`, else the Settings choice, else the system's."""
    for choice in (option, preference):
        if choice and language_code(choice):
            return str(language_code(choice))
    return system_language(ui_languages)


def lrelease() -> Path | None:
    """PySide6's own lrelease (PySide6-Essentials ships it), or None (a frozen build carries compiled files)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease.exe", "lrelease") if sys.platform == "win32" else ("lrelease",):
        if (folder / name).is_file():
            return folder / name
    return None


def compiled_catalogue(lang: str, cache: Path) -> Path | None:
    """ccdesk's `.qm` for `lang`: the one built beside the sources (packaged app), else one compiled into `cache`
    from the `.ts` when missing or older than it. None when neither can be had (the window stays English)."""
    folder = files("ccdesk.resources").joinpath("i18n")
    built = folder.joinpath(f"ccdesk_{lang}.qm")
    source = folder.joinpath(f"ccdesk_{lang}.ts")
    with as_file(source) as ts, as_file(built) as qm:
        if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
            return qm
        if not ts.is_file():
            return None
        target = cache / f"ccdesk_{lang}.qm"
        if target.is_file() and target.stat().st_mtime >= ts.stat().st_mtime:
            return target
        tool = lrelease()
        if tool is None:
            log.warning("no lrelease to compile %s: the window stays in English", ts)
            return None
        try:
            cache.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.tmp")
            subprocess.run(
                [str(tool), "-silent", str(ts), "-qm", str(partial)],
                check=True,
                capture_output=True,
                timeout=60,
            )
            partial.replace(target)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not compile %s (%s): the window stays in English", ts, exc)
            return None
        return target


def reset() -> None:
    """No catalogue at all: the sources' own English (what the test suite runs with; `install` is the app's)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    words.use(None)
    QLocale.setDefault(QLocale("en_US"))


def install(lang: str, cache: Path) -> str:
    """Make `lang` the application's language: number formats (QLocale), ccdesk's strings and Qt's own
    (standard buttons, dialogs). Returns the language in use ('en' when a catalogue is missing)."""
    app = QCoreApplication.instance()
    if app is None:
        return DEFAULT
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    words.use(None)
    QLocale.setDefault(QLocale(lang if lang != DEFAULT else "en_US"))
    catalogue = compiled_catalogue(lang, cache)  # English too: its plural forms ("1 line", "2 lines")
    if catalogue is None:
        QLocale.setDefault(QLocale("en_US"))
        return DEFAULT
    ours = QTranslator(app)
    if not ours.load(str(catalogue)):
        log.warning("%s could not be loaded: the window stays in English", catalogue)
        QLocale.setDefault(QLocale("en_US"))
        return DEFAULT
    qt_own = QTranslator(app)
    # Qt's own strings: beside ours in the packaged app (build.py copies them there), else PySide6's folder
    for folder in (str(catalogue.parent), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        if lang != DEFAULT and qt_own.load(QLocale(lang), "qtbase", "_", folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
            break
    app.installTranslator(ours)
    _installed.append(ours)
    # the domain layer's words the window shows (error summaries, line labels, dial previews, link refusals)
    words.use(
        None
        if lang == DEFAULT
        else lambda context, text, n: QCoreApplication.translate(context, text, None, n)
    )
    return lang
