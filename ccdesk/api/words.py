"""The words the API and core layers make for people (error advice, line states, dial previews, refusals of bad
input, problems with ccdesk's own files), in the window's language.

They have no Qt, yet the window shows their sentences: each goes through `translate("Context", "English
{placeholder} text")` and is formatted after translation. Until a translator is installed the English comes back
unchanged. The window installs Qt's `QCoreApplication.translate` when it picks a language (ccdesk.ui.i18n); the
command line never does, so what it prints stays English, byte for byte, for the scripts that read it.

lupdate extracts the literal arguments of every `translate("Ctx", "text")` call in the modules
packaging/translations.py lists, so the text is always a literal, never a variable or an f-string.
"""

from __future__ import annotations

from collections.abc import Callable

#: translator(context, text, n): Qt's QCoreApplication.translate, with the count `n` (-1 for none)
Translator = Callable[[str, str, int], str]

# One reference, swapped whole by `use`: worker threads read it without a lock and see the old or the new one.
_translator: Translator | None = None


def use(translator: Translator | None) -> None:
    """Translate these words with `translator(context, text, n)` from now on; None goes back to English."""
    global _translator
    _translator = translator


def translate(context: str, text: str, disambiguation: None = None, n: int = -1) -> str:
    """`text` in the installed translator's language (English when none is, or it has no translation).

    With a count `n` (Qt's signature, so lupdate reads it the same way), "%n" becomes the number and, in English,
    "(s)" the plural ending: "%n line(s) freed" reads "1 line freed", "2 lines freed"; a translation brings its own
    plural forms."""
    english = text
    if n >= 0:
        english = text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
    translator = _translator
    if translator is None:
        return english
    found = translator(context, text, n)
    untranslated = not found or found == (text.replace("%n", str(n)) if n >= 0 else text)
    return english if untranslated else found
