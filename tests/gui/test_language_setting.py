"""The language choice in Settings, driven by objectName: kept in window.ini, where the next start reads it."""

from __future__ import annotations

from typing import Any

from test_settings_dialog import FakeTester, fill_valid, find, save

from ccdesk.core.credentials import MemoryStore
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import ProfileStore
from ccdesk.ui.i18n import PREFERENCE
from ccdesk.ui.qt import QComboBox, QLabel, QSettings
from ccdesk.ui.settings_dialog import SettingsDialog


def preferences() -> QSettings:
    """window.ini as ccdesk's start opens it (app._start_choice)."""
    return QSettings(str(app_dirs().config / "window.ini"), QSettings.Format.IniFormat)


def open_dialog(qtbot: Any) -> SettingsDialog:
    dialog = SettingsDialog(
        ProfileStore(app_dirs().config_file),
        MemoryStore(),
        FakeTester(),
        catalogs_dir=app_dirs().config / "catalogs",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_choices_are_the_system_then_each_language_in_its_own_words(qtbot: Any) -> None:
    dialog = open_dialog(qtbot)
    combo = find(dialog, QComboBox, "languageInput")
    assert [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == [
        ("System default", ""),
        ("English", "en"),
        ("Français", "fr"),
    ]
    assert combo.currentData() == ""  # nothing stored yet: the system's language
    note = find(dialog, QLabel, "languageNote")
    assert note.isVisible() and note.text() == "Takes effect the next time ccdesk starts."
    assert combo.accessibleName() and combo.accessibleDescription()


def test_choosing_francais_and_saving_writes_fr_to_window_ini(qtbot: Any) -> None:
    dialog = open_dialog(qtbot)
    fill_valid(dialog)
    choose(find(dialog, QComboBox, "languageInput"), "fr")
    save(dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert preferences().value(PREFERENCE) == "fr"


def test_system_default_writes_an_empty_value(qtbot: Any) -> None:
    stored = preferences()
    stored.setValue(PREFERENCE, "fr")
    stored.sync()
    dialog = open_dialog(qtbot)
    fill_valid(dialog)
    combo = find(dialog, QComboBox, "languageInput")
    assert combo.currentData() == "fr"  # the dialog shows what is stored
    choose(combo, "")
    save(dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert preferences().value(PREFERENCE) == ""


def test_cancel_keeps_the_stored_language(qtbot: Any) -> None:
    stored = preferences()
    stored.setValue(PREFERENCE, "en")
    stored.sync()
    dialog = open_dialog(qtbot)
    choose(find(dialog, QComboBox, "languageInput"), "fr")
    dialog.reject()
    assert preferences().value(PREFERENCE) == "en"
