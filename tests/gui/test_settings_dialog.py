"""The settings dialog driven by objectName, as automation would: profiles, token, event stream, catalog."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.models import StatusCode
from ccdesk.api.stream import StreamEndpoint, StreamState, StreamStatus
from ccdesk.core.connection_check import CheckOutcome, ConnectionCheck
from ccdesk.core.credentials import MemoryStore, no_keyring_help
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import Choice, Config, Profile, ProfileStore
from ccdesk.sim import Simulator
from ccdesk.sim.stream import serve_stream
from ccdesk.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    Qt,
    QTableWidget,
    QTimer,
    QWidget,
)
from ccdesk.ui.settings_dialog import (
    DEMO_RESULT,
    STREAM_KEY_ENV_HINT,
    STREAM_KEY_MISSING_HINT,
    STREAM_KEY_REMOVED_HINT,
    TOKEN_MISSING_HINT,
    TOKEN_STORED_HINT,
    SettingsDialog,
)

SAMPLE_CATALOG = Path(__file__).resolve().parents[2] / "resources" / "transaction-codes.sample.json"
TOKEN = "tok-3f9a-very-secret"

Callback = Callable[[ConnectionCheck], None]


class FakeTester:
    """Records what the dialog asked for; answers at once, later (QTimer), or never."""

    def __init__(self, answer: ConnectionCheck | None = None, delay_ms: int | None = None) -> None:
        self.answer = answer or ConnectionCheck(CheckOutcome.OK, "Connected. Ana is available.")
        self.delay_ms = delay_ms
        self.calls: list[tuple[Profile, str | None]] = []
        self.callback: Callback | None = None

    def __call__(self, profile: Profile, token: str | None, callback: Callback) -> None:
        self.calls.append((profile, token))
        self.callback = callback
        if self.delay_ms is None:
            callback(self.answer)
        else:
            QTimer.singleShot(self.delay_ms, lambda: callback(self.answer))


class NoKeyring(MemoryStore):
    """A machine without a usable keyring: reads find nothing, writes are refused."""

    def set(self, account: str, token: str) -> None:
        raise ConfigurationError(no_keyring_help())


@pytest.fixture
def store() -> ProfileStore:
    return ProfileStore(app_dirs().config_file)


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    return tmp_path / "catalogs"


@pytest.fixture
def make_dialog(qtbot: Any, store: ProfileStore, catalogs: Path) -> Callable[..., SettingsDialog]:
    def make(
        credentials: MemoryStore | None = None, tester: FakeTester | None = None, **kwargs: Any
    ) -> SettingsDialog:
        dialog = SettingsDialog(
            store, credentials or MemoryStore(), tester or FakeTester(), catalogs_dir=catalogs, **kwargs
        )
        qtbot.addWidget(dialog)  # closed and deleted after the test
        dialog.show()
        return dialog

    return make


def find(dialog: QWidget, cls: type, name: str) -> Any:
    widget = dialog.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    return widget


def fill(dialog: SettingsDialog, **values: str) -> None:
    """Type into the form fields named by objectName (without the Input suffix)."""
    for key, value in values.items():
        edit = find(dialog, QLineEdit, f"{key}Input")
        edit.clear()
        if value:
            edit.insert(value)


def fill_valid(dialog: SettingsDialog, name: str = "Main") -> None:
    fill(dialog, profileName=name, platform="na12", tenant="acme", agentId="ag0VYyLh0YTsymdbtYIaaaa")


def save(dialog: SettingsDialog) -> None:
    find(dialog, QPushButton, "saveButton").click()


def saved(store: ProfileStore) -> Config:
    return store.load()


def message(dialog: SettingsDialog, name: str) -> str:
    label = find(dialog, QLabel, name)
    return "" if label.isHidden() else label.text()


def test_create_profile_and_save(make_dialog: Callable[..., SettingsDialog], store: ProfileStore) -> None:
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    fill(dialog, username="ana.agent", token=TOKEN)
    find(dialog, QComboBox, "regionInput").setCurrentText("gb")
    find(dialog, QPushButton, "callerIdsAddButton").click()
    table = find(dialog, QTableWidget, "callerIdsTable")
    table.item(0, 0).setText("12015551212")
    table.item(0, 1).setText("Sales line")

    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_profile() == "Main"
    config = saved(store)
    assert config.default_profile == "Main"
    profile = config.profiles["Main"]
    assert (profile.platform, profile.tenant, profile.username) == ("na12", "acme", "ana.agent")
    assert profile.agent_id == "ag0VYyLh0YTsymdbtYIaaaa"
    assert profile.region == "GB"
    assert profile.caller_ids == [Choice("12015551212", "Sales line")]
    assert TOKEN not in store.path.read_text(encoding="utf-8")
    assert credentials.tokens == {"ana.agent@acme": TOKEN}


def test_token_stored_under_tenant_when_no_username(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    fill(dialog, token=TOKEN)
    save(dialog)
    assert credentials.tokens == {"acme@acme": TOKEN}
    assert "token" not in json.loads(store.path.read_text(encoding="utf-8"))["profiles"]["Main"]


def test_bell_canada_base_url_is_saved_normalised(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    find(dialog, QRadioButton, "baseUrlRadio").setChecked(True)
    assert not find(dialog, QLineEdit, "platformInput").isEnabled()
    fill(dialog, baseUrl="HTTPS://odcc2.bell.ca/api/v1/")
    assert "https://odcc2.bell.ca/api/v1" in message(dialog, "apiLocationHint")
    save(dialog)
    profile = saved(store).profiles["Main"]
    assert (profile.platform, profile.base_url) == ("", "https://odcc2.bell.ca/api/v1")


def test_platform_code_with_server_letter_shows_the_note(make_dialog: Callable[..., SettingsDialog]) -> None:
    dialog = make_dialog()
    fill(dialog, platform="eu9b")
    hint = message(dialog, "apiLocationHint")
    assert "https://vcc-eu9.8x8.com/api/v1" in hint
    assert "names a server" in hint


@pytest.mark.parametrize(
    ("fields", "error_label", "expected", "focus"),
    [
        ({"tenant": ""}, "tenantError", "tenant name is required", "tenantInput"),
        ({"platform": "x1"}, "apiLocationHint", "is not valid", "platformInput"),
        ({"profileName": "  "}, "profileNameError", "name", "profileNameInput"),
        ({"agentId": ""}, "agentIdError", "Internal Id is required", "agentIdInput"),
    ],
)
def test_invalid_form_is_explained_and_nothing_saved(
    make_dialog: Callable[..., SettingsDialog],
    store: ProfileStore,
    fields: dict[str, str],
    error_label: str,
    expected: str,
    focus: str,
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    fill(dialog, **fields)
    save(dialog)
    assert dialog.isVisible()
    assert expected in message(dialog, error_label)
    assert dialog.focusWidget() is find(dialog, QLineEdit, focus)
    assert not store.path.exists()


def test_plain_http_base_url_is_refused_unless_loopback(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    find(dialog, QRadioButton, "baseUrlRadio").setChecked(True)
    fill(dialog, baseUrl="http://example.com/api/v1")
    save(dialog)
    assert "plain http" in message(dialog, "apiLocationHint")
    assert dialog.focusWidget() is find(dialog, QLineEdit, "baseUrlInput")
    assert not store.path.exists()

    fill(dialog, baseUrl="http://127.0.0.1:8080/api/v1")
    save(dialog)
    assert saved(store).profiles["Main"].base_url == "http://127.0.0.1:8080/api/v1"


def test_duplicate_names_and_bad_region_are_refused(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    find(dialog, QPushButton, "duplicateProfileButton").click()
    assert find(dialog, QLineEdit, "profileNameInput").text() == "Main copy"
    fill(dialog, profileName="main")
    save(dialog)
    assert "already called" in message(dialog, "profileNameError")

    fill(dialog, profileName="Backup")
    find(dialog, QComboBox, "regionInput").setCurrentText("XX")
    save(dialog)
    assert "not a region code" in message(dialog, "regionError")
    assert dialog.focusWidget() is find(dialog, QComboBox, "regionInput")
    assert not store.path.exists()


def test_name_without_value_in_a_table_is_refused(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    find(dialog, QPushButton, "queuesAddButton").click()
    find(dialog, QTableWidget, "queuesTable").item(0, 1).setText("Support")
    save(dialog)
    assert "row 1 has a name but no value" in message(dialog, "queuesError")
    assert not store.path.exists()


def test_cancel_discards(make_dialog: Callable[..., SettingsDialog], store: ProfileStore) -> None:
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    fill(dialog, token=TOKEN)
    find(dialog, QPushButton, "cancelButton").click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not store.path.exists()
    assert credentials.tokens == {}
    assert dialog.chosen_profile() == ""


@pytest.mark.parametrize(
    ("outcome", "text", "tone"),
    [
        (CheckOutcome.OK, "Connected. Ana is available.", "ok"),
        (CheckOutcome.API_DISABLED, "Agent Status API is not enabled", "warn"),
        (CheckOutcome.BAD_TOKEN, "The token or username was rejected (401).", "error"),
    ],
)
def test_connection_test_calls_back_at_once(
    make_dialog: Callable[..., SettingsDialog], outcome: CheckOutcome, text: str, tone: str
) -> None:
    tester = FakeTester(ConnectionCheck(outcome, text))
    dialog = make_dialog(tester=tester)
    fill_valid(dialog)
    fill(dialog, token=TOKEN)
    button = find(dialog, QPushButton, "testConnectionButton")
    button.click()
    [(profile, token)] = tester.calls
    assert (profile.platform, profile.tenant, profile.agent_id) == ("na12", "acme", "ag0VYyLh0YTsymdbtYIaaaa")
    assert token == TOKEN
    assert message(dialog, "connectionResultLabel") == text
    assert not find(dialog, QLabel, "connectionResultIcon").pixmap().isNull()
    assert button.isEnabled()
    assert button.text().replace("&", "") == "Test connection"


def test_connection_test_waits_for_a_late_answer(
    qtbot: Any, make_dialog: Callable[..., SettingsDialog]
) -> None:
    tester = FakeTester(ConnectionCheck(CheckOutcome.OK, "Connected. The tenant has 3 agents."), delay_ms=50)
    dialog = make_dialog(tester=tester)
    fill_valid(dialog)
    button = find(dialog, QPushButton, "testConnectionButton")
    button.click()
    assert not button.isEnabled()
    assert button.text() == "Testing…"
    assert tester.calls[0][1] is None  # nothing typed: the stored token is used
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=2000)
    assert message(dialog, "connectionResultLabel") == "Connected. The tenant has 3 agents."


def test_connection_test_needs_where_and_who(make_dialog: Callable[..., SettingsDialog]) -> None:
    tester = FakeTester()
    dialog = make_dialog(tester=tester)
    fill(dialog, platform="na12")
    find(dialog, QPushButton, "testConnectionButton").click()
    assert tester.calls == []
    assert "tenant name is required" in message(dialog, "tenantError")


def test_late_answer_after_close_is_ignored(qtbot: Any, make_dialog: Callable[..., SettingsDialog]) -> None:
    tester = FakeTester(delay_ms=10_000)
    dialog = make_dialog(tester=tester)
    fill_valid(dialog)
    find(dialog, QPushButton, "testConnectionButton").click()
    dialog.reject()
    assert tester.callback is not None
    tester.callback(ConnectionCheck(CheckOutcome.OK, "Connected."))
    assert find(dialog, QLabel, "connectionResultLabel").text() != "Connected."


def test_tester_that_raises_shows_a_failure(make_dialog: Callable[..., SettingsDialog]) -> None:
    def broken(profile: Profile, token: str | None, callback: Callback) -> None:
        raise RuntimeError("pool is shut down")

    dialog = make_dialog(tester=broken)
    fill_valid(dialog)
    find(dialog, QPushButton, "testConnectionButton").click()
    assert "pool is shut down" in message(dialog, "connectionResultLabel")
    assert find(dialog, QPushButton, "testConnectionButton").isEnabled()


def test_no_keyring_names_ccdesk_token_and_stays_open(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    dialog = make_dialog(NoKeyring())
    fill_valid(dialog)
    fill(dialog, token=TOKEN)
    save(dialog)
    assert "CCDESK_TOKEN" in message(dialog, "formMessageLabel")
    assert dialog.isVisible()
    assert not store.path.exists()


def test_token_field_says_whether_one_is_stored_but_never_shows_it(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    store.save(Config({"Main": Profile("Main", platform="na12", tenant="acme", agent_id="a1")}, "Main"))
    dialog = make_dialog(MemoryStore({"acme@acme": TOKEN}))
    token = find(dialog, QLineEdit, "tokenInput")
    assert token.text() == ""
    assert token.placeholderText() == TOKEN_STORED_HINT
    assert token.echoMode() == QLineEdit.EchoMode.Password

    find(dialog, QPushButton, "showTokenButton").click()
    assert token.echoMode() == QLineEdit.EchoMode.Normal
    fill(dialog, tenant="other")
    find(dialog, QLineEdit, "tenantInput").editingFinished.emit()
    assert token.placeholderText() == TOKEN_MISSING_HINT
    assert token.text() == ""


def test_catalog_import_copies_a_valid_file(
    make_dialog: Callable[..., SettingsDialog],
    store: ProfileStore,
    catalogs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SAMPLE_CATALOG), ""))
    dialog = make_dialog()
    fill_valid(dialog, name="Sales/East")
    find(dialog, QPushButton, "importCatalogButton").click()
    assert "code list" in message(dialog, "catalogMessageLabel")
    assert str(SAMPLE_CATALOG) in find(dialog, QLabel, "catalogPathLabel").text()
    save(dialog)
    copy = catalogs / "Sales_East.json"
    assert copy.read_bytes() == SAMPLE_CATALOG.read_bytes()
    assert saved(store).profiles["Sales/East"].catalog_file == str(copy)


def test_catalog_import_refuses_an_invalid_file(
    make_dialog: Callable[..., SettingsDialog],
    store: ProfileStore,
    catalogs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"lists": [{"id": "twelve"}]}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    dialog = make_dialog()
    fill_valid(dialog)
    find(dialog, QPushButton, "importCatalogButton").click()
    assert "whole number" in message(dialog, "catalogMessageLabel")
    save(dialog)
    assert saved(store).profiles["Main"].catalog_file == ""
    assert not catalogs.exists()


def test_catalog_can_be_cleared(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore, catalogs: Path
) -> None:
    store.save(Config({"Main": Profile("Main", "na12", tenant="acme", agent_id="a1", catalog_file="x.json")}))
    dialog = make_dialog()
    clear = find(dialog, QPushButton, "clearCatalogButton")
    assert clear.isEnabled()
    clear.click()
    assert not clear.isEnabled()
    save(dialog)
    assert saved(store).profiles["Main"].catalog_file == ""


def test_first_run_offers_the_demo(qtbot: Any, make_dialog: Callable[..., SettingsDialog]) -> None:
    dialog = make_dialog(first_run=True)
    assert "API Token" in find(dialog, QLabel, "welcomeLabel").text()
    demo = find(dialog, QPushButton, "tryDemoButton")
    assert demo.isVisible()
    with qtbot.waitSignal(dialog.demo_requested, timeout=1000):
        demo.click()
    assert not dialog.isVisible()
    assert dialog.result() == DEMO_RESULT


def test_no_demo_button_after_first_run(make_dialog: Callable[..., SettingsDialog]) -> None:
    dialog = make_dialog()
    assert dialog.findChild(QPushButton, "tryDemoButton") is None


def test_removing_a_profile_asks_first(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    profiles = {n: Profile(n, "na12", tenant="acme", agent_id="a1") for n in ("Day", "Night")}
    store.save(Config(profiles, "Day"))
    dialog = make_dialog(current="Night")
    listing = find(dialog, QListWidget, "profileList")
    assert listing.currentItem().text() == "Night"
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(parent: QWidget, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    find(dialog, QPushButton, "removeProfileButton").click()
    assert listing.count() == 2
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    find(dialog, QPushButton, "removeProfileButton").click()
    assert [listing.item(i).text() for i in range(listing.count())] == ["Day"]
    assert len(asked) == 2 and "Night" in asked[0]
    assert find(dialog, QLineEdit, "profileNameInput").text() == "Day"
    save(dialog)
    assert list(saved(store).profiles) == ["Day"]
    assert dialog.chosen_profile() == "Day"


def test_switching_profiles_keeps_edits_and_save_sets_the_default(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    profiles = {n: Profile(n, "na12", tenant="acme", agent_id="a1") for n in ("Day", "Night")}
    store.save(Config(profiles, "Day"))
    dialog = make_dialog()
    listing = find(dialog, QListWidget, "profileList")
    fill(dialog, agentId="day-agent")
    listing.setCurrentRow(1)
    assert find(dialog, QLineEdit, "agentIdInput").text() == "a1"
    find(dialog, QPushButton, "addProfileButton").click()
    fill(dialog, profileName="Weekend", platform="ca1", tenant="acme", agentId="w1")
    assert listing.currentItem().text() == "Weekend"
    save(dialog)
    config = saved(store)
    assert config.profiles["Day"].agent_id == "day-agent"
    assert config.default_profile == "Weekend"
    assert sorted(config.profiles) == ["Day", "Night", "Weekend"]


def test_an_invalid_profile_elsewhere_is_selected_and_explained(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    store.save(Config({"Broken": Profile("Broken", "na12", agent_id="a1")}))
    dialog = make_dialog()
    find(dialog, QPushButton, "addProfileButton").click()
    fill_valid(dialog)
    save(dialog)
    assert find(dialog, QListWidget, "profileList").currentItem().text() == "Broken"
    assert "tenant name is required" in message(dialog, "tenantError")


def test_unreadable_config_is_reported_and_not_overwritten(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json", encoding="utf-8")
    dialog = make_dialog()
    assert "not valid JSON" in message(dialog, "formMessageLabel")
    assert not find(dialog, QPushButton, "saveButton").isEnabled()
    save(dialog)
    assert store.path.read_text(encoding="utf-8") == "{not json"


def test_controls_are_named_labelled_and_fit(make_dialog: Callable[..., SettingsDialog]) -> None:
    dialog = make_dialog(first_run=True)
    assert dialog.objectName() == "settingsDialog"
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 760 and hint.height() <= 560
    for cls in (QLineEdit, QPushButton, QComboBox, QTableWidget, QListWidget, QRadioButton):
        for widget in dialog.findChildren(cls):
            if widget.objectName() and not widget.objectName().startswith("qt_"):
                assert widget.accessibleName(), widget.objectName()
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    for name in (
        "profileNameInput",
        "tenantInput",
        "usernameInput",
        "agentIdInput",
        "tokenInput",
        "streamUrlInput",
        "streamTopicInput",
        "streamKeyInput",
    ):
        assert find(dialog, QLineEdit, name) in buddies
    for name in ("regionInput", "streamRegionInput"):
        assert find(dialog, QComboBox, name) in buddies
    assert find(dialog, QListWidget, "profileList") in buddies


def test_ctrl_s_saves(qtbot: Any, make_dialog: Callable[..., SettingsDialog], store: ProfileStore) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    find(dialog, QLineEdit, "tenantInput").setFocus()
    qtbot.keyClick(find(dialog, QLineEdit, "tenantInput"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "Main" in saved(store).profiles


def test_dial_links_at_once_is_saved_per_profile(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    store.save(Config({"Day": Profile("Day", "na12", tenant="acme", agent_id="a1")}, "Day"))
    dialog = make_dialog(current="Day")
    check = dialog.findChild(QCheckBox, "dialLinksAtOnceCheck")
    assert not check.isChecked()
    check.setChecked(True)
    save(dialog)
    assert store.load().profiles["Day"].dial_links_at_once is True


def test_the_first_run_connection_test_answers_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Before the window exists the test runs on a plain thread; its answer comes back through to_gui."""
    import threading

    from ccdesk.app import _offline_tester
    from ccdesk.core.connection_check import CheckOutcome
    from ccdesk.core.profiles import Profile
    from ccdesk.sim import Simulator
    from ccdesk.sim.server import serve_in_thread

    answers: list[tuple[object, bool]] = []
    gui = threading.current_thread()
    with serve_in_thread(Simulator(token="f1rst-run")) as server:
        profile = Profile("new", base_url=server.url, tenant="acmecorp01", agent_id="ag0VYyLh0YTsymdbtYIaaaa")
        _offline_tester(
            profile, "f1rst-run", lambda check: answers.append((check, threading.current_thread() is gui))
        )
        qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
        [(check, on_gui)] = answers
        assert check.outcome is CheckOutcome.OK and on_gui
        for thread in threading.enumerate():  # the test's thread has ended
            if thread.name == "ccdesk-connection-test":
                thread.join(5)


def status_rows(dialog: SettingsDialog) -> list[list[str]]:
    table = find(dialog, QTableWidget, "statusCodesTable")
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_status_codes_are_edited_as_a_table_and_saved_with_the_profile(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    lunch = StatusCode(801, 1725, "Lunch", "Lunch break")
    store.save(
        Config({"Day": Profile("Day", "na12", tenant="acme", agent_id="a1", status_codes=[lunch])}, "Day")
    )
    dialog = make_dialog(current="Day")
    table = find(dialog, QTableWidget, "statusCodesTable")
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "List id",
        "Item id",
        "Short code",
        "Name",
    ]
    assert status_rows(dialog) == [["801", "1725", "Lunch", "Lunch break"]]
    find(dialog, QPushButton, "statusCodesAddButton").click()
    for column, text in enumerate(("-1", "1", "Out", "")):
        table.item(1, column).setText(text)
    save(dialog)
    assert message(dialog, "statusCodesError") == ""
    assert store.load().profiles["Day"].status_codes == [lunch, StatusCode(-1, 1, "Out")]
    again = make_dialog(current="Day")
    table = find(again, QTableWidget, "statusCodesTable")
    table.setCurrentCell(0, 2)
    find(again, QPushButton, "statusCodesRemoveButton").click()
    save(again)
    assert store.load().profiles["Day"].status_codes == [StatusCode(-1, 1, "Out")]


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        (("801", "1725", "", "Lunch break"), "Status code row 1: A status code needs its short code"),
        (("801", "", "Lunch", ""), "Status code row 1: the item id must be a whole number."),
        (("eight", "1725", "Lunch", ""), "Status code row 1: the list id must be a whole number."),
    ],
)
def test_an_unusable_status_code_row_is_refused_and_shown(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore, cells: tuple[str, ...], problem: str
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    find(dialog, QPushButton, "statusCodesAddButton").click()
    table = find(dialog, QTableWidget, "statusCodesTable")
    for column, text in enumerate(cells):
        table.item(0, column).setText(text)
    save(dialog)
    assert message(dialog, "statusCodesError").startswith(problem)
    assert dialog.focusWidget() is table
    assert not store.path.exists()


# ------------------------------------------------------------------------------------------- event stream

STREAM_KEY = "eght_Str3amKey-for-acme"
StreamCallback = Callable[[StreamStatus], None]


class FakeStreamTester:
    """Records what the dialog asked to probe; answers at once, later (QTimer), or never."""

    def __init__(self, answer: StreamStatus | None = None, delay_ms: int | None = None) -> None:
        self.answer = answer or StreamStatus(StreamState.LIVE, "live")
        self.delay_ms = delay_ms
        self.calls: list[tuple[StreamEndpoint, str | None]] = []
        self.callback: StreamCallback | None = None

    def __call__(self, endpoint: StreamEndpoint, key: str | None, callback: StreamCallback) -> None:
        self.calls.append((endpoint, key))
        self.callback = callback
        if self.delay_ms is None:
            callback(self.answer)
        elif self.delay_ms >= 0:
            QTimer.singleShot(self.delay_ms, lambda: callback(self.answer))


def choose_stream(dialog: SettingsDialog, choice: str) -> None:
    """Pick the Region choice by its data: "", "uk3", "us1", "us2" or "url" (Other host)."""
    combo = find(dialog, QComboBox, "streamRegionInput")
    index = combo.findData(choice)
    assert index >= 0, choice
    combo.setCurrentIndex(index)


def stream_button(dialog: SettingsDialog) -> QPushButton:
    button: QPushButton = find(dialog, QPushButton, "testStreamButton")
    return button


def saved_json(store: ProfileStore, name: str = "Main") -> dict[str, Any]:
    body: dict[str, Any] = json.loads(store.path.read_text(encoding="utf-8"))["profiles"][name]
    return body


def test_the_stream_is_off_by_default_and_writes_nothing(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    combo = find(dialog, QComboBox, "streamRegionInput")
    assert combo.currentData() == ""
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "uk3", "us1", "us2", "url"]
    assert "pulsar-ws-euw2.8x8.com" in combo.itemText(1)  # each region shows its host
    for name in ("streamUrlInput", "streamTopicInput", "streamKeyInput"):
        assert not find(dialog, QLineEdit, name).isEnabled(), name
    assert not stream_button(dialog).isEnabled()
    save(dialog)
    assert not {"stream_region", "stream_url", "stream_topic"} & set(saved_json(store))
    assert credentials.tokens == {}


def test_region_topic_and_key_are_saved_and_shown_again(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    choose_stream(dialog, "us1")
    assert "agent-v1/ag0VYyLh0YTsymdbtYIaaaa" in find(dialog, QLineEdit, "streamTopicInput").placeholderText()
    assert "wss://pulsar-ws-use1.8x8.com" in message(dialog, "streamLocationHint")
    fill(dialog, streamTopic="event-v1/AgentStatusChange", streamKey=STREAM_KEY)
    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    body = saved_json(store)
    assert (body["stream_region"], body["stream_topic"]) == ("us1", "event-v1/AgentStatusChange")
    assert "stream_url" not in body  # empty fields are not written
    assert credentials.tokens == {"stream:acme": STREAM_KEY}
    assert STREAM_KEY not in store.path.read_text(encoding="utf-8")

    again = make_dialog(credentials, current="Main")
    assert find(again, QComboBox, "streamRegionInput").currentData() == "us1"
    assert find(again, QLineEdit, "streamTopicInput").text() == "event-v1/AgentStatusChange"
    key = find(again, QLineEdit, "streamKeyInput")
    assert key.text() == ""  # the stored key is never shown...
    assert key.placeholderText() == TOKEN_STORED_HINT  # ...only said to be there
    assert key.echoMode() == QLineEdit.EchoMode.Password
    choose_stream(again, "url")
    assert find(again, QLineEdit, "streamUrlInput").isEnabled()
    fill(again, streamUrl="WSS://Pulsar.Example.com:8443/")
    save(again)  # the key field left empty keeps the stored key

    body = saved_json(store)
    assert body["stream_url"] == "wss://pulsar.example.com:8443"
    assert "stream_region" not in body
    assert credentials.tokens == {"stream:acme": STREAM_KEY}
    profile = saved(store).profiles["Main"]
    assert (profile.stream_region, profile.stream_url) == ("", "wss://pulsar.example.com:8443")


def test_turning_the_stream_off_drops_its_fields_but_keeps_the_key(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    profile = Profile(
        "Main", "na12", tenant="acme", agent_id="a1", stream_region="uk3", stream_topic="event-v1/all"
    )
    store.save(Config({"Main": profile}, "Main"))
    credentials = MemoryStore({"stream:acme": STREAM_KEY})
    dialog = make_dialog(credentials)
    choose_stream(dialog, "")
    save(dialog)
    assert not {"stream_region", "stream_url", "stream_topic"} & set(saved_json(store))
    assert credentials.tokens == {"stream:acme": STREAM_KEY}


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ws://pulsar.example.com", "plain ws://, which is only allowed to this computer"),
        ("https://pulsar-ws-use1.8x8.com", "must start with wss://"),
        ("wss://pulsar-ws-use1.8x8.com/ws/v2/reader", "scheme and host only"),
        ("wss://me:key@pulsar-ws-use1.8x8.com", "must not contain a user name or key"),
        ("", "Enter the stream URL"),
    ],
)
def test_an_unusable_stream_url_is_refused_inline_and_nothing_saved(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore, url: str, problem: str
) -> None:
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    choose_stream(dialog, "url")
    fill(dialog, streamUrl=url, streamKey=STREAM_KEY)
    if url:
        assert problem in message(dialog, "streamLocationHint")  # said while typing, before any Save
    save(dialog)
    assert dialog.isVisible()
    assert problem in message(dialog, "streamLocationHint")
    assert dialog.focusWidget() is find(dialog, QLineEdit, "streamUrlInput")
    assert not store.path.exists()
    assert credentials.tokens == {}


def test_plain_ws_is_accepted_to_this_computer(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    choose_stream(dialog, "url")
    fill(dialog, streamUrl="ws://127.0.0.1:8081", streamKey=STREAM_KEY)
    save(dialog)
    assert saved(store).profiles["Main"].stream_url == "ws://127.0.0.1:8081"


@pytest.mark.parametrize(
    ("topic", "problem"),
    [
        ("persistent/acme/agent-v1/a1", "namespace/topic only"),
        ("agent-v1", "must be namespace/topic"),
        ("agent-v1/a b", "must not contain spaces"),
    ],
)
def test_an_unusable_topic_is_refused_inline(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore, topic: str, problem: str
) -> None:
    dialog = make_dialog()
    fill_valid(dialog)
    choose_stream(dialog, "us2")
    fill(dialog, streamTopic=topic, streamKey=STREAM_KEY)
    save(dialog)
    assert problem in message(dialog, "streamTopicError")
    assert dialog.focusWidget() is find(dialog, QLineEdit, "streamTopicInput")
    assert not store.path.exists()


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("", "none is stored for acme"),
        ("eght_two words", "spaces, line breaks"),
        (TOKEN, "This is the Action Request Token"),
    ],
)
def test_a_missing_or_wrong_stream_key_is_refused_inline(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore, key: str, problem: str
) -> None:
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    fill(dialog, token=TOKEN)
    choose_stream(dialog, "uk3")
    assert find(dialog, QLineEdit, "streamKeyInput").placeholderText() == STREAM_KEY_MISSING_HINT
    fill(dialog, streamKey=key)
    save(dialog)
    assert problem in message(dialog, "streamKeyError")
    assert dialog.focusWidget() is find(dialog, QLineEdit, "streamKeyInput")
    assert not store.path.exists()
    assert credentials.tokens == {}


def test_the_stored_stream_key_can_be_removed_on_save(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    profile = Profile("Main", "na12", tenant="acme", agent_id="a1", stream_region="us1")
    store.save(Config({"Main": profile}, "Main"))
    credentials = MemoryStore({"stream:acme": STREAM_KEY, "acme@acme": TOKEN})
    dialog = make_dialog(credentials)
    remove = find(dialog, QPushButton, "removeStreamKeyButton")
    assert remove.isEnabled()
    remove.click()
    assert find(dialog, QLineEdit, "streamKeyInput").placeholderText() == STREAM_KEY_REMOVED_HINT
    assert not remove.isEnabled()
    assert credentials.tokens["stream:acme"] == STREAM_KEY  # nothing happens before Save
    save(dialog)  # the stream is still on: it would have no key
    assert "removed on Save" in message(dialog, "streamKeyError")
    assert credentials.tokens["stream:acme"] == STREAM_KEY
    choose_stream(dialog, "")
    save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert credentials.tokens == {"acme@acme": TOKEN}  # only the stream key went


def test_removing_the_stream_key_is_undone_by_cancel(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    store.save(Config({"Main": Profile("Main", "na12", tenant="acme", agent_id="a1")}, "Main"))
    credentials = MemoryStore({"stream:acme": STREAM_KEY})
    dialog = make_dialog(credentials)
    find(dialog, QPushButton, "removeStreamKeyButton").click()
    find(dialog, QPushButton, "cancelButton").click()
    assert credentials.tokens == {"stream:acme": STREAM_KEY}


def test_a_new_stream_key_replaces_the_stored_one(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    store.save(Config({"Main": Profile("Main", "na12", tenant="acme", agent_id="a1", stream_region="us1")}))
    credentials = MemoryStore({"stream:acme": "eght_old"})
    dialog = make_dialog(credentials)
    find(dialog, QPushButton, "removeStreamKeyButton").click()
    fill(dialog, streamKey=f"  {STREAM_KEY}  ")
    save(dialog)
    assert credentials.tokens == {"stream:acme": STREAM_KEY}


def test_a_key_from_the_environment_is_said_and_enough(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCDESK_STREAM_KEY", STREAM_KEY)
    credentials = MemoryStore()
    dialog = make_dialog(credentials)
    fill_valid(dialog)
    choose_stream(dialog, "us1")
    assert find(dialog, QLineEdit, "streamKeyInput").placeholderText() == STREAM_KEY_ENV_HINT
    save(dialog)
    assert saved(store).profiles["Main"].stream_region == "us1"
    assert credentials.tokens == {}


def test_a_keyring_that_refuses_the_stream_key_names_the_stream_variable(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    dialog = make_dialog(NoKeyring())
    fill_valid(dialog)
    choose_stream(dialog, "us1")
    fill(dialog, streamKey=STREAM_KEY)
    save(dialog)
    text = message(dialog, "formMessageLabel")
    assert "event stream key" in text and "CCDESK_STREAM_KEY" in text
    assert dialog.isVisible()
    assert not store.path.exists()


def test_a_region_ccdesk_does_not_know_is_shown_and_refused(
    make_dialog: Callable[..., SettingsDialog], store: ProfileStore
) -> None:
    store.save(Config({"Main": Profile("Main", "na12", tenant="acme", agent_id="a1", stream_region="EU1")}))
    dialog = make_dialog(MemoryStore({"stream:acme": STREAM_KEY}))
    assert "eu1" in find(dialog, QComboBox, "streamRegionInput").currentText()
    save(dialog)
    assert "not an 8x8 event stream region" in message(dialog, "streamLocationHint")
    assert dialog.focusWidget() is find(dialog, QComboBox, "streamRegionInput")
    choose_stream(dialog, "uk3")
    save(dialog)
    assert saved(store).profiles["Main"].stream_region == "uk3"


def test_test_stream_passes_the_endpoint_and_typed_key(make_dialog: Callable[..., SettingsDialog]) -> None:
    tester = FakeStreamTester()
    dialog = make_dialog(stream_tester=tester)
    fill_valid(dialog)
    choose_stream(dialog, "uk3")
    fill(dialog, streamKey=STREAM_KEY)
    stream_button(dialog).click()
    [(endpoint, key)] = tester.calls
    assert (endpoint.base_url, endpoint.tenant, endpoint.topic) == (
        "wss://pulsar-ws-euw2.8x8.com",
        "acme",
        "agent-v1/ag0VYyLh0YTsymdbtYIaaaa",
    )
    assert key == STREAM_KEY
    assert message(dialog, "streamTestResultLabel").startswith("Live:")
    assert not find(dialog, QLabel, "streamTestResultIcon").pixmap().isNull()
    assert stream_button(dialog).isEnabled()


def test_test_stream_waits_for_a_late_answer_with_the_stored_key(
    qtbot: Any, make_dialog: Callable[..., SettingsDialog]
) -> None:
    tester = FakeStreamTester(delay_ms=50)
    dialog = make_dialog(MemoryStore({"stream:acme": STREAM_KEY}), stream_tester=tester)
    fill_valid(dialog)
    choose_stream(dialog, "us1")
    button = stream_button(dialog)
    button.click()
    assert not button.isEnabled()
    assert button.text() == "Testing…"
    assert "Connecting to pulsar-ws-use1.8x8.com" in message(dialog, "streamTestResultLabel")
    assert tester.calls[0][1] is None  # nothing typed: the key a session would use
    qtbot.waitUntil(button.isEnabled, timeout=2000)
    assert message(dialog, "streamTestResultLabel").startswith("Live:")


def test_test_stream_explains_what_is_missing_instead_of_testing(
    make_dialog: Callable[..., SettingsDialog],
) -> None:
    tester = FakeStreamTester()
    dialog = make_dialog(stream_tester=tester)
    fill(dialog, platform="na12", tenant="acme")
    choose_stream(dialog, "us1")
    fill(dialog, streamKey=STREAM_KEY)
    stream_button(dialog).click()
    assert tester.calls == []
    assert "Internal Id is required" in message(dialog, "agentIdError")
    assert dialog.focusWidget() is find(dialog, QLineEdit, "agentIdInput")


def test_a_late_stream_answer_after_close_is_ignored(make_dialog: Callable[..., SettingsDialog]) -> None:
    tester = FakeStreamTester(delay_ms=-1)
    dialog = make_dialog(stream_tester=tester)
    fill_valid(dialog)
    choose_stream(dialog, "us1")
    fill(dialog, streamKey=STREAM_KEY)
    stream_button(dialog).click()
    dialog.reject()
    assert tester.callback is not None
    tester.callback(StreamStatus(StreamState.LIVE, "live"))
    assert not find(dialog, QLabel, "streamTestResultLabel").text().startswith("Live")


def test_a_stream_tester_that_raises_shows_a_failure(make_dialog: Callable[..., SettingsDialog]) -> None:
    def broken(endpoint: StreamEndpoint, key: str | None, callback: StreamCallback) -> None:
        raise RuntimeError("no threads left")

    dialog = make_dialog(stream_tester=broken)
    fill_valid(dialog)
    choose_stream(dialog, "us1")
    fill(dialog, streamKey=STREAM_KEY)
    stream_button(dialog).click()
    assert "no threads left" in message(dialog, "streamTestResultLabel")
    assert stream_button(dialog).isEnabled()


def run_stream_test(qtbot: Any, dialog: SettingsDialog) -> str:
    """Click Test stream (the dialog's own tester: probe on a worker) and wait for its words."""
    button = stream_button(dialog)
    button.click()
    assert button.text() == "Testing…"  # the click returned before the answer
    qtbot.waitUntil(button.isEnabled, timeout=15_000)
    return message(dialog, "streamTestResultLabel")


def stream_dialog(make_dialog: Callable[..., SettingsDialog], url: str, **kwargs: Any) -> SettingsDialog:
    dialog = make_dialog(**kwargs)
    fill(dialog, profileName="Sim", platform="na12", tenant="acmecorp01", agentId="ag0VYyLh0YTsymdbtYIaaaa")
    choose_stream(dialog, "url")
    fill(dialog, streamUrl=url)
    return dialog


def test_test_stream_against_the_simulator_says_live_then_key_refused(
    qtbot: Any, make_dialog: Callable[..., SettingsDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ccdesk.ui.settings_dialog as settings_dialog

    probed_on: list[threading.Thread] = []
    real_probe = settings_dialog.probe

    def probe(endpoint: StreamEndpoint, key: str, **kwargs: Any) -> StreamStatus:
        probed_on.append(threading.current_thread())
        return real_probe(endpoint, key, **kwargs)

    monkeypatch.setattr(settings_dialog, "probe", probe)
    simulator = Simulator()
    with serve_stream(simulator) as stream:
        dialog = stream_dialog(
            make_dialog, stream.url, credentials=MemoryStore({"stream:acmecorp01": stream.key})
        )
        text = run_stream_test(qtbot, dialog)
        assert text.startswith("Live: 127.0.0.1 accepted the key for agent-v1/ag0VYyLh0YTsymdbtYIaaaa"), text
        assert probed_on and probed_on[0] is not threading.main_thread()  # never on the GUI thread

        simulator.stream.revoke(stream.key)  # the token was generated again in Configuration Manager
        text = run_stream_test(qtbot, dialog)
    assert text.startswith("Key refused (HTTP 401)"), text
    assert "Data Request Token" in text and "not the Action Request Token" in text


def test_test_stream_against_the_simulator_says_topic_not_allowed(
    qtbot: Any, make_dialog: Callable[..., SettingsDialog]
) -> None:
    simulator = Simulator()
    simulator.stream.allow("eght_status-only", ["event-v1/*"])
    with serve_stream(simulator) as stream:
        dialog = stream_dialog(make_dialog, stream.url)
        fill(dialog, streamKey="eght_status-only")
        text = run_stream_test(qtbot, dialog)
        assert text.startswith("Topic not allowed (HTTP 403)"), text
        assert "agent-v1/ag0VYyLh0YTsymdbtYIaaaa" in text
        fill(dialog, streamTopic="event-v1/AgentStatusChange")
        assert run_stream_test(qtbot, dialog).startswith("Live:")


def test_test_stream_says_when_the_host_cannot_be_reached(
    qtbot: Any, make_dialog: Callable[..., SettingsDialog]
) -> None:
    with socket.socket() as unused:  # a port nobody listens on: bound, then released
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    dialog = stream_dialog(make_dialog, f"ws://127.0.0.1:{port}")
    fill(dialog, streamKey=STREAM_KEY)
    text = run_stream_test(qtbot, dialog)
    assert text.startswith("Cannot reach the stream:"), text
    assert "refused the connection" in text
