"""ccdesk's translations: extract, check and compile, with the Qt tools PySide6-Essentials ships.

    python packaging/translations.py update     # lupdate: resources/i18n/ccdesk_<lang>.ts from the sources
    python packaging/translations.py check      # what is untranslated, obsolete, stale or has broken placeholders
    python packaging/translations.py compile DIR  # lrelease: DIR/ccdesk_<lang>.qm (packaging/build.py does this)
    python packaging/translations.py merge FILE.ts...  # take finished translations from other .ts files

The `.ts` files are the sources (in git, translated by people); `.qm` files are built, never committed.
tests/unit/ui/test_translations.py runs the check: a string added to the window without its French fails it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr", "en")
#: English needs only its plural forms ("1 line freed", "2 lines freed"): every other source text is English
PLURAL_ONLY = ("en",)
#: the modules whose strings the window shows: the window, and the API and core layers' `words.translate` calls
#: (the CLI never installs a translator, so what it prints stays English), and the command lines' help
#: (`HelpWords.translate`, read from the .ts by ccdesk.core.help_words)
SOURCES = ("ccdesk/ui", "ccdesk/app.py", "ccdesk/api", "ccdesk/core", "ccdesk/cli_parser.py")
#: {name}, {0}, %1, %n: what a translation must keep, each as many times as the source has it
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|\{\d+\}|%(?:\d+|n|L\d+)")


def qt_tool(name: str) -> Path:
    """PySide6's copy of a Qt tool (lupdate, lrelease)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / f"{name}.exe", folder / name):
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise SystemExit(f"translations: {name} not found (it comes with PySide6-Essentials)")


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for entry in SOURCES:
        path = root / entry
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def ts_path(lang: str, root: Path = ROOT) -> Path:
    return root / "resources" / "i18n" / f"ccdesk_{lang}.ts"


def run_lupdate(ts: Path, root: Path = ROOT) -> None:
    """Bring `ts` up to date with the sources: new strings added unfinished, vanished ones dropped, and every
    source with %n made a plural message (see `plurals`)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    kept = numerus_translations(ts) if ts.is_file() else {}
    subprocess.run(
        [str(qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "none"]
        + [str(path) for path in source_files(root)]
        + ["-ts", str(ts)],
        check=True,
        cwd=root,
        capture_output=True,  # its notes on the plural forms it drops are undone by `plurals` below
    )
    plurals(ts, kept, plural_only=ts.stem.rsplit("_", 1)[-1] in PLURAL_ONLY)


def numerus_translations(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """The plural translations a .ts holds now, by (context, source)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" and translation is not None:
                found[(context.findtext("name") or "", message.findtext("source") or "")] = translation
    return found


def plurals(ts: Path, kept: dict[tuple[str, str], ET.Element], *, plural_only: bool) -> None:
    """Make every message whose source has %n a plural one, keeping the plural forms it had; drop lupdate's
    extra comments.

    pyside6-lupdate marks a message plural only when QCoreApplication.translate's fourth argument is a number
    literal (a variable is read as Qt 5's old "encoding" argument), so ccdesk's `translate(ctx, "%n …", None,
    count)` calls arrive as plain messages; the runtime call passes the count and lrelease compiles the forms.
    `plural_only` (English) keeps only those messages: every other English source text is already English."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for context in list(root.iter("context")):
        name = context.findtext("name") or ""
        for message in list(context.iter("message")):
            # lupdate reads the `#:` that documents a constant as a note to translators on the next string
            for note in message.findall("extracomment"):
                message.remove(note)
            source = message.findtext("source") or ""
            if "%n" not in source:
                if plural_only:
                    context.remove(message)
                continue
            message.set("numerus", "yes")
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            saved = kept.get((name, source))
            if saved is not None:
                message.append(saved)
                continue
            fresh = ET.SubElement(message, "translation", {"type": "unfinished"})
            for _ in range(2):  # French and English: one form for 0 and 1 (fr) or 1 (en), one for the rest
                ET.SubElement(fresh, "numerusform")
        if not context.findall("message"):
            root.remove(context)
    ET.indent(tree)
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool
    obsolete: bool
    numerus: bool


def read_ts(ts: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            entries.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    texts,
                    kind == "unfinished",
                    kind in ("obsolete", "vanished"),
                    numerus,
                )
            )
    return entries


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(lang: str, root: Path = ROOT) -> list[str]:
    """Everything that keeps `lang` from being complete, one line each (empty: complete)."""
    committed = ts_path(lang, root)
    if not committed.is_file():
        return [
            f"{committed.relative_to(root)} does not exist: run `python packaging/translations.py update`"
        ]
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / committed.name
        shutil.copy(committed, fresh)
        run_lupdate(fresh, root)
        now = {(e.context, e.source) for e in read_ts(fresh)}
    entries = read_ts(committed)
    kept = {(e.context, e.source) for e in entries if not e.obsolete}
    for context, source in sorted(now - kept):
        found.append(f"not in the .ts (run update, then translate): [{context}] {source!r}")
    for context, source in sorted(kept - now):
        found.append(f"no longer in the sources (run update): [{context}] {source!r}")
    for e in entries:
        where = f"[{e.context}] {e.source!r}"
        if e.obsolete:
            found.append(f"obsolete entry: {where}")
            continue
        if e.unfinished or not e.translations or not all(t.strip() for t in e.translations):
            found.append(f"untranslated: {where}")
            continue
        expected = placeholders(e.source)
        for text in e.translations:
            got = placeholders(text)
            if e.numerus:  # a plural form may spell out the one (“un appel”) instead of %n
                got = [p for p in got if p != "%n"]
                want = [p for p in expected if p != "%n"]
            else:
                want = expected
            if got != want:
                found.append(f"placeholders differ in {where}: source {expected}, translation {text!r}")
    return found


def merge(parts: list[Path], root: Path = ROOT) -> dict[str, int]:
    """Fill the unfinished messages of each language's .ts with the finished ones of `parts` (same language,
    same context and source), as a translator's files come back. Returns how many were filled per language."""
    filled: dict[str, int] = {}
    for lang in LANGUAGES:
        known: dict[tuple[str, str], ET.Element] = {}
        for part in parts:
            if not part.stem.endswith(f"_{lang}"):
                continue
            for context in ET.parse(part).getroot().iter("context"):
                for message in context.iter("message"):
                    translation = message.find("translation")
                    if translation is not None and translation.get("type") is None:
                        known[(context.findtext("name") or "", message.findtext("source") or "")] = (
                            translation
                        )
        ts = ts_path(lang, root)
        tree = ET.parse(ts)
        count = 0
        for context in tree.getroot().iter("context"):
            for message in context.iter("message"):
                key = (context.findtext("name") or "", message.findtext("source") or "")
                translation = message.find("translation")
                if key in known and translation is not None and translation.get("type") == "unfinished":
                    message.remove(translation)
                    taken = known[key]
                    if message.get("numerus") == "yes" and taken.find("numerusform") is None:
                        # a part made before plurals were marked: its one wording serves every count
                        text, taken = taken.text or "", ET.Element("translation")
                        for _ in range(2):
                            ET.SubElement(taken, "numerusform").text = text
                    message.append(taken)
                    count += 1
        ET.indent(tree)
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        filled[lang] = count
    return filled


def compile_all(out: Path, root: Path = ROOT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for lang in LANGUAGES:
        qm = out / f"ccdesk_{lang}.qm"
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(ts_path(lang, root)), "-qm", str(qm)], check=True
        )
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract, check and compile ccdesk's translations.")
    parser.add_argument("command", choices=("update", "check", "compile", "merge"))
    parser.add_argument("paths", nargs="*", type=Path, help="compile: the output folder; merge: .ts files")
    args = parser.parse_args(argv)
    if args.command == "merge":
        for lang, count in merge(args.paths).items():
            print(f"{ts_path(lang).relative_to(ROOT)}: {count} translations taken")
        return 0
    if args.command == "update":
        for lang in LANGUAGES:
            run_lupdate(ts_path(lang))
            entries = read_ts(ts_path(lang))
            todo = sum(1 for e in entries if e.unfinished)
            print(f"{ts_path(lang).relative_to(ROOT)}: {len(entries)} strings, {todo} to translate")
        return 0
    if args.command == "check":
        found = [f"{lang}: {line}" for lang in LANGUAGES for line in problems(lang)]
        print("\n".join(found) or "translations complete")
        return 1 if found else 0
    if len(args.paths) != 1:
        parser.error("compile needs the output folder")
    for qm in compile_all(args.paths[0]):
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
