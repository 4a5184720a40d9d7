"""The window speaks the agent's language: French from the system, Settings or --lang, Qt's own buttons too."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_driver import Driver

from ccdesk.ui.i18n import choose_language, decimal, install, reset, system_language
from ccdesk.ui.qt import QApplication, QDialogButtonBox, QLocale, QPushButton


@pytest.mark.parametrize(
    ("ui_languages", "expected"),
    [
        (["fr-CA", "en-CA"], "fr"),  # Quebec
        (["fr_FR"], "fr"),
        (["de-DE", "fr-FR", "en-US"], "fr"),  # the first language ccdesk speaks
        (["de-DE"], "en"),
        ([], "en"),
    ],
)
def test_the_language_follows_the_system(ui_languages: list[str], expected: str) -> None:
    assert system_language(ui_languages) == expected


def test_lang_beats_settings_which_beat_the_system() -> None:
    assert choose_language("en", "fr", ["fr-CA"]) == "en"
    assert choose_language(None, "fr", ["en-US"]) == "fr"
    assert choose_language(None, "", ["fr-CA"]) == "fr"
    assert choose_language(None, "klingon", ["en-GB"]) == "en"


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    """The window in French, as `--lang fr` makes it (install needs the application object)."""
    cache = tmp_path / "i18n"
    assert install("fr", cache) == "fr"
    try:
        yield "fr"
    finally:
        reset()


def test_the_window_qts_buttons_and_numbers_in_french(
    french: str, open_window: Callable[..., Driver]
) -> None:
    driver = open_window("--demo")
    assert driver.window.findChild(QPushButton, "dialButton").text() == "Appeler"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"  # Qt's own catalogue
    assert QLocale().toString(1234.5, "f", 1) in ("1\u202f234,5", "1\u00a0234,5", "1 234,5")


def test_english_plural_forms_come_from_the_english_catalogue(tmp_path: Path) -> None:
    from ccdesk.ui.qt import QCoreApplication

    assert install("en", tmp_path / "i18n") == "en"
    try:
        wrong = [
            (context, source)
            for context, source in _plural_sources()
            if "(s)" in QCoreApplication.translate(context, source, None, 1)
            or "(s)" in QCoreApplication.translate(context, source, None, 2)
        ]
        one = QCoreApplication.translate("DemoMenu", _DEMO_CUT, None, 1)
    finally:
        reset()
    assert wrong == [], "English says '1 line', '2 lines', never 'line(s)'"
    assert "(1 connection)" in one


_DEMO_CUT = "Demo: the event stream was cut (%n connection(s)); ccdesk reconnects and resumes."


def _plural_sources() -> list[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "ccdesk_en.ts"
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]


CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
import ccdesk.app as entry

real = entry.create_main_window

def create_main_window(argv, *args, **kwargs):
    window = real(argv, *args, **kwargs)
    def report():
        print(f"dial button: {window.findChild(QPushButton, 'dialButton').text()}", flush=True)
        QApplication.quit()
    QTimer.singleShot(200, report)
    return window

entry.create_main_window = create_main_window
sys.exit(entry.main(sys.argv[1:]))
"""


def test_dash_dash_lang_chooses_the_language_at_start(isolated_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")}
    env.update({"CCDESK_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "en"})
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--demo", "--no-stream", "--lang", "fr"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "dial button: Appeler" in done.stdout, done.stdout + done.stderr[-2000:]


def test_requests_dropped_at_a_profile_switch_are_named_in_the_agents_language(french: str) -> None:
    from ccdesk.ui.controller import task_words

    assert [task_words(n) for n in ("hang_up", "free line", "set status")] == [
        "raccrocher",
        "libérer la ligne",
        "changer le statut",
    ]
    assert task_words("something new") == "something new"  # a name this build does not know stays readable


def test_request_names_are_plain_english_without_a_translator() -> None:
    from ccdesk.ui.controller import task_words

    assert [task_words(n) for n in ("hang_up", "free all", "agent status")] == [
        "hang up",
        "free all lines",
        "read the status",
    ]


def test_decimals_are_written_as_the_language_writes_them(french: str) -> None:
    assert (decimal(0.5), decimal(2.0), decimal(1234.5)) == ("0,5", "2", "1\u202f234,5")


def test_decimals_in_english(qapp: QApplication) -> None:
    reset()
    assert (decimal(0.5), decimal(2.0), decimal(1234.5)) == ("0.5", "2", "1,234.5")
