"""Settings: the saved profiles (where the API is, tenant, agent, token, event stream, dialling, codes).

Edits stay in memory until Save, so Cancel really discards. Save writes config.json atomically through
ProfileStore and stores a typed token or stream key in the credential store only: neither reaches the config
file, and a stored one is never shown. "Test connection" and "Test stream" run through injected testers that
answer later on the GUI thread, so the dialog never blocks on the network.
"""

from __future__ import annotations

import copy
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers

from ccdesk.api.errors import CCDeskError, ConfigurationError, InvalidInput
from ccdesk.api.models import StatusCode
from ccdesk.api.platforms import base_url_for_platform, validate_base_url
from ccdesk.api.stream import (
    REGIONS,
    StreamConfigError,
    StreamEndpoint,
    StreamState,
    StreamStatus,
    probe,
    validate_key,
    validate_stream_url,
    validate_topic,
)
from ccdesk.core.codes import load_catalog
from ccdesk.core.connection_check import CheckOutcome, ConnectionCheck
from ccdesk.core.credentials import (
    STREAM_KEY_ENV,
    CredentialStore,
    account_name,
    resolve_stream_key,
    stream_account_name,
)
from ccdesk.core.profiles import Choice, Config, Profile, ProfileStore, write_atomically
from ccdesk.core.stream_settings import DEFAULT_TOPIC
from ccdesk.ui.bridge import to_gui
from ccdesk.ui.dialogs import confirm
from ccdesk.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPalette,
    QPushButton,
    QRadioButton,
    QShortcut,
    QStyle,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ccdesk.ui.tables import cell_text

log = logging.getLogger("ccdesk.ui.settings")

#: The tester gets the unsaved profile, the typed token (None: use the stored one) and a callback that it
#: must call on the GUI thread once, when the check is done.
ConnectionTester = Callable[[Profile, str | None, Callable[[ConnectionCheck], None]], None]
#: The stream tester gets the endpoint to read, the typed key (None: the key a session would use, from
#: CCDESK_STREAM_KEY or the keyring) and a callback that it must call on the GUI thread once, with the
#: outcome.
StreamTester = Callable[[StreamEndpoint, str | None, Callable[[StreamStatus], None]], None]

#: exec()/finished() result when "Try the demo" closed the dialog: neither accepted nor rejected, so a
#: first-run caller can tell "run the demo" from "cancelled".
DEMO_RESULT = 2

TOKEN_STORED_HINT = "Stored in the OS keyring"
TOKEN_MISSING_HINT = "Paste the Action Request Token"
STREAM_KEY_MISSING_HINT = "Paste the stream key"
STREAM_KEY_REMOVED_HINT = "Removed on Save"
STREAM_KEY_ENV_HINT = f"Taken from {STREAM_KEY_ENV} (set in the environment)"
STREAM_KEY_HELP = (
    "The Data Request Token (Configuration Manager > Integration > API Token) or an Admin Console key "
    "eght_… with the Pulsar Event Stream product; not the Action Request Token. It can read the whole "
    "tenant's events."
)
STREAM_INTRO = (
    "With 8x8's event stream, ccdesk learns at once what happens to the agent's calls outside ccdesk, such "
    "as a customer hanging up. It is optional: without it, ccdesk learns of such changes from 8x8's next "
    "answer."
)

WELCOME_TEXT = (
    "<b>Welcome to ccdesk.</b> To connect to your contact center you need the <b>platform code</b> "
    "(it is in the Configuration Manager address, such as na12), the <b>tenant</b> name, the agent's "
    "<b>Internal Id</b>, and the <b>Action Request Token</b> from Configuration Manager "
    "&gt; Integration &gt; API Token. No account at hand? Try the demo: a simulated contact center on "
    "this computer."
)

_TABLES = (
    ("caller_ids", "callerIdsTable", "Caller IDs", "Caller ID number", "Caller ID"),
    ("queues", "queuesTable", "Queues", "Queue id", "Queue"),
    ("dial_plans", "dialPlansTable", "Dial plans", "Dial plan id", "Dial plan"),
)
_CONNECTION_TAB, _STREAM_TAB, _DIALLING_TAB, _STATUS_CODES_TAB = 0, 1, 2, 4
#: the Region choice that reads from an explicit stream URL instead of a region's host
_OTHER_HOST = "url"
#: (data, text) of the Region choices: off, 8x8's regional hosts (the host shown as a hint), an explicit URL
_STREAM_CHOICES = (
    ("", "None (no live updates)"),
    *((code, f"{code.upper()}  —  {urlsplit(url).hostname}") for code, url in REGIONS.items()),
    (_OTHER_HOST, "Other host (stream URL)"),
)
_STREAM_PROBLEMS = ("stream_location", "stream_topic", "stream_key")
_STREAM_URL_EXAMPLE = "wss://pulsar-ws-use1.8x8.com"

#: colours for (light, dark) palettes; each tone is also carried by an icon so colour is never the only cue
_TONES = {
    "ok": ("#1b7a3d", "#6fd08c"),
    "warn": ("#8a5300", "#f0b44c"),
    "error": ("#b42318", "#ff7b72"),
}
_OUTCOME_TONES = {CheckOutcome.OK: "ok", CheckOutcome.API_DISABLED: "warn"}
_TONE_ICONS = {
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warn": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


@dataclass
class _Entry:
    """One profile being edited, with what exists only until Save (a typed token, an imported catalog)."""

    profile: Profile
    token: str = ""
    catalog_text: str | None = None
    catalog_source: str = ""
    #: the typed event stream key (stored for the tenant on Save, when the stream is on)
    stream_key: str = ""
    #: the tenant whose stored stream key Remove was pressed for: deleted on Save (unless a new one is typed)
    remove_stream_key: str = ""
    #: the Region choice (a region code, _OTHER_HOST or ""), None until the form has shown this entry
    stream_choice: str | None = None
    #: the profile ccdesk runs on (the demo's, in memory): shown, never saved
    running_only: bool = False

    def stream(self) -> str:
        """Where this entry's stream is read from: a region code, _OTHER_HOST, or "" for no stream."""
        if self.stream_choice is not None:
            return self.stream_choice
        return _OTHER_HOST if self.profile.stream_url else self.profile.stream_region.strip().lower()


def catalog_file_name(profile_name: str) -> str:
    """A safe file name for a profile's catalog copy, whatever characters the profile name has."""
    stem = re.sub(r"[^\w.-]+", "_", profile_name).strip("._")
    return f"{stem or 'profile'}.json"


def api_location(profile: Profile) -> tuple[str, str | None]:
    """The profile's API base URL and a note, or InvalidInput saying what is wrong with where it points."""
    if profile.base_url:
        return validate_base_url(profile.base_url), None
    if not profile.platform:
        raise InvalidInput("Enter the platform code (such as na12) or a base URL.")
    return base_url_for_platform(profile.platform)


def probe_in_thread(
    store: CredentialStore,
    endpoint: StreamEndpoint,
    key: str | None,
    callback: Callable[[StreamStatus], None],
) -> None:
    """The default stream tester: `probe` once on a plain thread, answering on the GUI thread by to_gui.

    Without a typed key it uses the one a session would (CCDESK_STREAM_KEY, else the keyring), read on the
    worker so a slow keyring never holds up the dialog.
    """

    def work() -> None:
        try:
            use = key or resolve_stream_key(store, endpoint.tenant)
            if use is None:
                status = StreamStatus(
                    StreamState.FAILED, f"no stream key is stored for tenant {endpoint.tenant}: paste it"
                )
            else:
                status = probe(endpoint, use)
        except CCDeskError as exc:
            status = StreamStatus(StreamState.FAILED, exc.message.rstrip("."))
        except Exception as exc:  # a bug must not leave the dialog waiting: it is logged and said
            log.exception("stream test failed")
            status = StreamStatus(StreamState.FAILED, f"the test failed inside ccdesk ({type(exc).__name__})")
        to_gui(partial(callback, status))

    threading.Thread(target=work, name="ccdesk-stream-test", daemon=True).start()


def stream_test_words(status: StreamStatus, endpoint: StreamEndpoint) -> tuple[str, str]:
    """(tone, plain words) for a stream test's outcome: live, key refused, topic not allowed, unreachable."""
    detail = status.detail.strip().rstrip(".")
    if status.state is StreamState.LIVE:
        return "ok", f"Live: {endpoint.host} accepted the key for {endpoint.topic}."
    if status.http_status == 401:
        return "error", (
            f"Key refused (HTTP 401): 8x8 did not accept this key for tenant {endpoint.tenant}. Paste the "
            "Data Request Token or an Admin Console key (eght_…), not the Action Request Token, and check "
            "the tenant name."
        )
    if status.http_status == 403:
        return "error", (
            f"Topic not allowed (HTTP 403): 8x8 knows the key but it may not read {endpoint.topic}. An Admin "
            "Console key needs the Pulsar Event Stream product; or give another topic."
        )
    if status.state is StreamState.FAILED:
        return "error", f"Failed: {detail}."
    if status.state is StreamState.RECONNECTING:
        return "error", f"Cannot reach the stream: {detail}."
    return "error", f"The stream did not answer{': ' + detail if detail else ''}."


def stream_base_url(entry: _Entry) -> str:
    """Scheme and host an entry's stream (which is on) is read from, or StreamConfigError in plain words."""
    choice = entry.stream()
    if choice == _OTHER_HOST:
        if not entry.profile.stream_url:
            raise StreamConfigError(
                "Enter the stream URL, such as wss://pulsar-ws-use1.8x8.com (ws:// only to this computer), "
                "or choose a region."
            )
        return validate_stream_url(entry.profile.stream_url)
    if choice in REGIONS:
        return REGIONS[choice]
    raise StreamConfigError(
        f"'{choice}' is not an 8x8 event stream region: choose UK3, US1 or US2, or Other host with its URL."
    )


def stream_topic(profile: Profile) -> str:
    """The topic a profile's stream reads: its own, else the agent's."""
    return profile.stream_topic or DEFAULT_TOPIC.format(agent_id=profile.agent_id)


class SettingsDialog(QDialog):
    """Edit, add and remove profiles; Save stores them all and makes the selected one the default."""

    demo_requested = Signal()

    def __init__(
        self,
        profiles: ProfileStore,
        credentials: CredentialStore,
        tester: ConnectionTester,
        current: str | None = None,
        *,
        first_run: bool = False,
        running: Profile | None = None,
        catalogs_dir: Path,
        stream_tester: StreamTester | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`stream_tester` runs "Test stream"; by default `probe_in_thread` with these credentials."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("ccdesk settings")
        self._store = profiles
        self._credentials = credentials
        self._tester = tester
        self._stream_tester: StreamTester = stream_tester or partial(probe_in_thread, credentials)
        self._catalogs_dir = catalogs_dir
        self._entries: list[_Entry] = []
        self._loading = False
        self._chosen = ""
        #: where the old settings file was kept, when saving replaced one ccdesk could not read
        self.backup: Path | None = None
        self._testing: _Entry | None = None
        self._stream_testing: tuple[_Entry, StreamEndpoint] | None = None
        self._finished = False
        #: Save kept a token in memory only (no OS keyring): the window says so
        self.token_for_session_only = False
        self._stored_tokens: dict[str, bool] = {}
        self._tones: dict[QLabel, str] = {}

        load_error = ""
        try:
            config = profiles.load()
        except ConfigurationError as exc:
            config, load_error = Config(), str(exc)

        root = QVBoxLayout(self)
        if first_run:
            root.addLayout(self._build_welcome())
        body = QHBoxLayout()
        body.addLayout(self._build_profile_list(), 0)
        self._tabs = QTabWidget()
        self._tabs.setObjectName("settingsTabs")
        self._tabs.setAccessibleName("Profile settings")
        self._tabs.addTab(self._build_connection_tab(), "&Connection")
        self._tabs.addTab(self._build_stream_tab(), "&Event stream")
        self._tabs.addTab(self._build_dialling_tab(), "&Dialling")
        self._tabs.addTab(self._build_codes_tab(), "Transaction c&odes")
        self._tabs.addTab(self._build_status_codes_tab(), "Status code&s")
        body.addWidget(self._tabs, 1)
        root.addLayout(body, 1)
        self._form_message = self._message_label("formMessageLabel", "Settings message")
        root.addWidget(self._form_message)
        root.addWidget(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, self._save)

        for name, profile in config.profiles.items():
            self._add_entry(_Entry(replace(profile, name=name)), select=False)
        if running is not None and running.name not in config.profiles:
            self._add_entry(_Entry(replace(running), running_only=True), select=False)
            current = running.name
        if not self._entries:
            self._add_entry(_Entry(Profile(name=self._unique_name("New profile"))), select=False)
        names = [e.profile.name for e in self._entries]
        wanted = current if current in names else config.default_profile
        self._profile_list.setCurrentRow(names.index(wanted) if wanted in names else 0)
        if load_error:
            # Saving now would overwrite a file the user can still repair, so only Cancel is offered.
            self._show_message(
                self._form_message, f"{load_error} Settings cannot be saved until it is fixed."
            )
            self._save_button.setEnabled(False)
        self._fit_tab_titles(760, 560)

    # ----------------------------------------------------------------------------------------- public

    def chosen_profile(self) -> str:
        """The profile selected when the dialog was accepted ("" before that)."""
        return self._chosen

    # ------------------------------------------------------------------------------------ building

    def _fit_tab_titles(self, width: int, height: int) -> None:
        """Open at least width x height, and wide enough that no tab title hides behind scroll arrows."""
        self.resize(width, height)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        # the tab bar sits inside the tab widget's frame: a few pixels on each side
        missing = self._tabs.tabBar().sizeHint().width() + 8 - self._tabs.width()
        if missing > 0:
            self.resize(width + missing, height)

    def _build_welcome(self) -> QHBoxLayout:
        row = QHBoxLayout()
        welcome = QLabel(WELCOME_TEXT)
        welcome.setObjectName("welcomeLabel")
        welcome.setWordWrap(True)
        welcome.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(welcome, 1)
        demo = QPushButton("Try the &demo")
        demo.setObjectName("tryDemoButton")
        demo.setAccessibleName("Try the demo")
        demo.setToolTip("Open ccdesk against a simulated contact center; nothing is sent to 8x8.")
        demo.setAutoDefault(False)
        font = demo.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        demo.setFont(font)
        demo.setMinimumHeight(demo.sizeHint().height() + 12)
        demo.clicked.connect(self._try_demo)
        row.addWidget(demo, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _build_profile_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        label = QLabel("&Profiles:")
        self._profile_list = QListWidget()
        self._profile_list.setObjectName("profileList")
        self._profile_list.setAccessibleName("Profiles")
        self._profile_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._profile_list.currentRowChanged.connect(self._on_profile_selected)
        label.setBuddy(self._profile_list)
        column.addWidget(label)
        column.addWidget(self._profile_list, 1)
        buttons = QHBoxLayout()
        self._add_button, self._duplicate_button, self._remove_button = (
            self._list_button(name, text, accessible, slot, buttons)
            for name, text, accessible, slot in (
                ("addProfileButton", "&Add", "Add profile", self._add_profile),
                ("duplicateProfileButton", "D&uplicate", "Duplicate profile", self._duplicate_profile),
                ("removeProfileButton", "&Remove", "Remove profile", self._remove_profile),
            )
        )
        column.addLayout(buttons)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self._profile_list, self._remove_profile)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        return column

    @staticmethod
    def _list_button(
        name: str, text: str, accessible: str, slot: Callable[[], None], row: QHBoxLayout
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _build_connection_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}

        self._name_input = self._line_edit("profileNameInput", "Profile name")
        form.addRow(self._buddy("&Name:", self._name_input), self._with_error(self._name_input, "name"))

        self._platform_radio = QRadioButton("Platform c&ode")
        self._platform_radio.setObjectName("platformRadio")
        self._platform_radio.setAccessibleName("Use a platform code")
        self._base_url_radio = QRadioButton("Base &URL")
        self._base_url_radio.setObjectName("baseUrlRadio")
        self._base_url_radio.setAccessibleName("Use an explicit base URL")
        self._platform_input = self._line_edit("platformInput", "Platform code")
        self._platform_input.setPlaceholderText("na12, eu9, ca1 ...")
        self._platform_input.setToolTip("The code in your Configuration Manager address, such as na12.")
        self._base_url_input = self._line_edit("baseUrlInput", "Base URL")
        self._base_url_input.setPlaceholderText("https://odcc2.bell.ca/api/v1")
        self._base_url_input.setToolTip("Only when your tenant's API is not on an 8x8 host (Bell Canada).")
        self._platform_radio.setChecked(True)
        self._platform_radio.toggled.connect(self._on_location_mode)
        self._location_hint = QLabel()
        self._location_hint.setObjectName("apiLocationHint")
        self._location_hint.setWordWrap(True)
        self._location_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._errors["location"] = self._location_hint
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._platform_radio, 0, 0)
        grid.addWidget(self._platform_input, 0, 1)
        grid.addWidget(self._base_url_radio, 1, 0)
        grid.addWidget(self._base_url_input, 1, 1)
        grid.addWidget(self._location_hint, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        form.addRow(self._buddy("API &location:", self._platform_radio), grid)

        self._tenant_input = self._line_edit("tenantInput", "Tenant")
        self._tenant_input.setToolTip("The tenant name, as used in the API paths.")
        form.addRow(
            self._buddy("&Tenant:", self._tenant_input), self._with_error(self._tenant_input, "tenant")
        )
        self._username_input = self._line_edit("usernameInput", "Username")
        self._username_input.setPlaceholderText("same as tenant")
        form.addRow(self._buddy("User&name:", self._username_input), self._username_input)
        self._agent_input = self._line_edit("agentIdInput", "Agent Internal Id")
        self._agent_input.setToolTip("The agent's Internal Id, from Configuration Manager > Users.")
        form.addRow(
            self._buddy("A&gent Id:", self._agent_input), self._with_error(self._agent_input, "agent")
        )

        self._token_input = self._line_edit("tokenInput", "Action Request Token")
        self._token_input.setEchoMode(QLineEdit.EchoMode.Password)
        self._token_input.setPlaceholderText(TOKEN_MISSING_HINT)
        self._show_token = QPushButton("S&how")
        self._show_token.setObjectName("showTokenButton")
        self._show_token.setAccessibleName("Show token")
        self._show_token.setCheckable(True)
        self._show_token.setAutoDefault(False)
        self._show_token.toggled.connect(self._on_show_token)
        token_row = QHBoxLayout()
        token_row.addWidget(self._token_input, 1)
        token_row.addWidget(self._show_token)
        form.addRow(self._buddy("To&ken:", self._token_input), token_row)

        self._test_button = QPushButton("&Test connection")
        self._test_button.setObjectName("testConnectionButton")
        self._test_button.setAccessibleName("Test connection")
        self._test_button.setAutoDefault(False)
        self._test_button.clicked.connect(self._test_connection)
        self._result_icon = QLabel()
        self._result_icon.setObjectName("connectionResultIcon")
        self._result_label = self._message_label("connectionResultLabel", "Connection test result")
        self._result_label.setTextFormat(Qt.TextFormat.PlainText)  # the platform's answer, as written
        result_row = QHBoxLayout()
        result_row.addWidget(self._result_icon, 0, Qt.AlignmentFlag.AlignTop)
        result_row.addWidget(self._result_label, 1, Qt.AlignmentFlag.AlignTop)
        test_column = QVBoxLayout()
        test_column.addWidget(self._test_button, 0, Qt.AlignmentFlag.AlignLeft)
        test_column.addLayout(result_row)
        form.addRow("", test_column)

        self._tenant_input.editingFinished.connect(self._update_token_hint)
        self._username_input.editingFinished.connect(self._update_token_hint)
        for edit, key in (
            (self._name_input, "name"),
            (self._tenant_input, "tenant"),
            (self._agent_input, "agent"),
            (self._platform_input, "location"),
            (self._base_url_input, "location"),
            (self._username_input, ""),
            (self._token_input, ""),
        ):
            edit.textChanged.connect(lambda _text, key=key: self._on_edited(key))
        return page

    def _build_stream_tab(self) -> QWidget:
        """The optional event stream: where (region or URL), which topic, and the tenant's stream key."""
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(STREAM_INTRO)
        intro.setWordWrap(True)
        column.addWidget(intro)
        box = QGroupBox("Event stream (live updates)")
        box.setObjectName("streamGroup")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self._stream_region_input = QComboBox()
        self._stream_region_input.setObjectName("streamRegionInput")
        self._stream_region_input.setAccessibleName("Event stream region")
        self._stream_region_input.setToolTip(
            "The 8x8 region your tenant is hosted in. A wrong region connects but never receives an event."
        )
        for data, text in _STREAM_CHOICES:
            self._stream_region_input.addItem(text, data)
        self._stream_region_input.currentIndexChanged.connect(lambda _index: self._on_stream_mode())
        form.addRow(self._buddy("Re&gion:", self._stream_region_input), self._stream_region_input)

        self._stream_url_input = self._line_edit("streamUrlInput", "Event stream URL")
        self._stream_url_input.setToolTip(
            "Scheme and host only: wss:// to any host, ws:// only to this computer. Choose Other host to "
            "use it."
        )
        self._stream_hint = self._message_label("streamLocationHint", "Where events are read from")
        self._errors["stream_location"] = self._stream_hint
        url_column = QVBoxLayout()
        url_column.setSpacing(2)
        url_column.addWidget(self._stream_url_input)
        url_column.addWidget(self._stream_hint)
        form.addRow(self._buddy("Stream UR&L:", self._stream_url_input), url_column)

        self._stream_topic_input = self._line_edit("streamTopicInput", "Event stream topic")
        self._stream_topic_input.setToolTip(
            "namespace/topic, such as event-v1/all. Empty: the agent's own topic, agent-v1/ followed by the "
            "agent's Internal Id."
        )
        form.addRow(
            self._buddy("&Topic:", self._stream_topic_input),
            self._with_error(self._stream_topic_input, "stream_topic"),
        )

        self._stream_key_input = self._line_edit("streamKeyInput", "Event stream key")
        self._stream_key_input.setEchoMode(QLineEdit.EchoMode.Password)
        self._stream_key_input.setPlaceholderText(STREAM_KEY_MISSING_HINT)
        self._show_stream_key = QPushButton("S&how")
        self._show_stream_key.setObjectName("showStreamKeyButton")
        self._show_stream_key.setAccessibleName("Show stream key")
        self._show_stream_key.setCheckable(True)
        self._show_stream_key.setAutoDefault(False)
        self._show_stream_key.toggled.connect(self._on_show_stream_key)
        self._remove_stream_key = QPushButton("Remo&ve")
        self._remove_stream_key.setObjectName("removeStreamKeyButton")
        self._remove_stream_key.setAccessibleName("Remove stored stream key")
        self._remove_stream_key.setAutoDefault(False)
        self._remove_stream_key.clicked.connect(self._mark_stream_key_removed)
        key_row = QHBoxLayout()
        key_row.addWidget(self._stream_key_input, 1)
        key_row.addWidget(self._show_stream_key)
        key_row.addWidget(self._remove_stream_key)
        self._errors["stream_key"] = self._message_label("streamKeyError", "Event stream key problem")
        key_help = self._message_label("streamKeyHelpLabel", "Which key")
        self._show_message(key_help, STREAM_KEY_HELP, "hint")
        key_column = QVBoxLayout()
        key_column.setSpacing(2)
        key_column.addLayout(key_row)
        key_column.addWidget(self._errors["stream_key"])
        key_column.addWidget(key_help)
        form.addRow(self._buddy("Stream &key:", self._stream_key_input), key_column)

        self._test_stream_button = QPushButton("Test strea&m")
        self._test_stream_button.setObjectName("testStreamButton")
        self._test_stream_button.setAccessibleName("Test stream")
        self._test_stream_button.setToolTip("Connect once with this key and topic, without saving.")
        self._test_stream_button.setAutoDefault(False)
        self._test_stream_button.clicked.connect(self._test_stream)
        self._stream_result_icon = QLabel()
        self._stream_result_icon.setObjectName("streamTestResultIcon")
        self._stream_result_icon.hide()  # shown with a result, so no empty row sits under the button
        self._stream_result_label = self._message_label("streamTestResultLabel", "Stream test result")
        self._stream_result_label.setTextFormat(Qt.TextFormat.PlainText)  # the platform's answer, as written
        result_row = QHBoxLayout()
        result_row.addWidget(self._stream_result_icon, 0, Qt.AlignmentFlag.AlignTop)
        result_row.addWidget(self._stream_result_label, 1, Qt.AlignmentFlag.AlignTop)
        test_column = QVBoxLayout()
        test_column.addWidget(self._test_stream_button, 0, Qt.AlignmentFlag.AlignLeft)
        test_column.addLayout(result_row)
        form.addRow("", test_column)

        for edit, key in (
            (self._stream_url_input, "stream_location"),
            (self._stream_topic_input, "stream_topic"),
            (self._stream_key_input, "stream_key"),
        ):
            edit.textChanged.connect(lambda _text, key=key: self._on_edited(key))
        self._tenant_input.editingFinished.connect(self._update_stream_key_hint)
        column.addWidget(box)
        column.addStretch(1)
        return page

    def _build_dialling_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        self._region_input = QComboBox()
        self._region_input.setObjectName("regionInput")
        self._region_input.setAccessibleName("Default region for national numbers")
        self._region_input.setEditable(True)
        self._region_input.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._region_input.addItems(sorted(phonenumbers.SUPPORTED_REGIONS))
        self._region_input.setToolTip("Numbers typed without + are read as numbers of this country.")
        self._region_input.currentTextChanged.connect(lambda _text: self._on_edited("region"))
        form.addRow(
            self._buddy("&Region for national numbers:", self._region_input),
            self._with_error(self._region_input, "region"),
        )
        self._dial_links_check = QCheckBox("Dial tel:, callto: and ccdesk: links at once")
        self._dial_links_check.setObjectName("dialLinksAtOnceCheck")
        self._dial_links_check.setAccessibleName("Dial links at once")
        self._dial_links_check.setToolTip(
            "Off (recommended): a clicked link fills the dial field and waits for Enter. "
            "On: the call is placed as soon as the link arrives."
        )
        self._dial_links_check.toggled.connect(lambda _on: self._on_edited(""))
        form.addRow("", self._dial_links_check)
        column.addLayout(form)
        self._tables: dict[str, QTableWidget] = {}
        for key, object_name, title, value_header, noun in _TABLES:
            column.addWidget(self._build_table(key, object_name, title, value_header, noun), 1)
        return page

    def _build_status_codes_tab(self) -> QWidget:
        """The tenant's status codes, offered beside a status change (no API lists them).

        Its own tab: a fourth list on the Dialling tab would make the dialog taller than a small screen.
        """
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(
            "A status change can carry a status code (a reason such as Lunch). 8x8 has no API that lists them: "
            "copy the list id, item id and short code from Configuration Manager > Status Codes, or read them "
            "from an agent in that state in the supervisor roster. They are offered when a status is set."
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        box = QGroupBox("Status codes")
        layout = QGridLayout(box)
        table = QTableWidget(0, 4)
        table.setObjectName("statusCodesTable")
        table.setAccessibleName("Status codes")
        table.setHorizontalHeaderLabels(["List id", "Item id", "Short code", "Name"])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setMinimumHeight(72)
        table.itemChanged.connect(lambda _item: self._on_edited("status_codes"))
        self._status_codes_table = table
        layout.addWidget(table, 0, 0, 3, 1)
        add, remove = QPushButton("Add"), QPushButton("Remove")
        for button, suffix in ((add, "Add"), (remove, "Remove")):
            button.setObjectName(f"statusCodes{suffix}Button")
            button.setAccessibleName(f"{suffix} status code")
            button.setAutoDefault(False)
        add.clicked.connect(lambda: self._add_status_code_row())
        remove.clicked.connect(lambda: self._remove_table_rows(table, "status_codes"))
        layout.addWidget(add, 0, 1)
        layout.addWidget(remove, 1, 1)
        self._errors["status_codes"] = self._message_label("statusCodesError", "Status code problem")
        layout.addWidget(self._errors["status_codes"], 3, 0, 1, 2)
        layout.setRowStretch(2, 1)
        column.addWidget(box, 1)
        return page

    def _build_table(self, key: str, object_name: str, title: str, value_header: str, noun: str) -> QGroupBox:
        box = QGroupBox(title)
        layout = QGridLayout(box)
        table = QTableWidget(0, 2)
        table.setObjectName(object_name)
        table.setAccessibleName(f"{noun}s")
        table.setHorizontalHeaderLabels([value_header, "Name"])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setMinimumHeight(72)
        table.itemChanged.connect(lambda _item, key=key: self._on_edited(key))
        self._tables[key] = table
        layout.addWidget(table, 0, 0, 3, 1)
        add, remove = QPushButton("Add"), QPushButton("Remove")
        stem = object_name.removesuffix("Table")
        for button, suffix in ((add, "Add"), (remove, "Remove")):
            button.setObjectName(f"{stem}{suffix}Button")
            button.setAccessibleName(f"{suffix} {noun}")
            button.setAutoDefault(False)
        add.clicked.connect(lambda: self._add_table_row(table))
        remove.clicked.connect(lambda: self._remove_table_rows(table, key))
        layout.addWidget(add, 0, 1)
        layout.addWidget(remove, 1, 1)
        error = self._message_label(f"{stem}Error", f"{noun} problem")
        self._errors[key] = error
        layout.addWidget(error, 3, 0, 1, 2)
        layout.setRowStretch(2, 1)
        return box

    def _build_codes_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(
            "8x8 has no API that lists transaction codes, so the names for their numeric ids come from a "
            "catalog file. The file is checked and a copy is kept with the settings."
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        row = QHBoxLayout()
        caption = QLabel("Catalog file:")
        self._catalog_label = QLabel()
        self._catalog_label.setObjectName("catalogPathLabel")
        self._catalog_label.setAccessibleName("Catalog file")
        self._catalog_label.setWordWrap(True)
        self._catalog_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption.setBuddy(self._catalog_label)
        row.addWidget(caption)
        row.addWidget(self._catalog_label, 1)
        column.addLayout(row)
        buttons = QHBoxLayout()
        self._import_catalog = QPushButton("&Import catalog...")
        self._import_catalog.setObjectName("importCatalogButton")
        self._import_catalog.setAccessibleName("Import catalog file")
        self._import_catalog.clicked.connect(self._choose_catalog)
        self._clear_catalog = QPushButton("C&lear catalog")
        self._clear_catalog.setObjectName("clearCatalogButton")
        self._clear_catalog.setAccessibleName("Clear catalog")
        self._clear_catalog.clicked.connect(self._remove_catalog)
        for button in (self._import_catalog, self._clear_catalog):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self._errors["catalog"] = self._message_label("catalogMessageLabel", "Catalog problem")
        column.addWidget(self._errors["catalog"])
        column.addStretch(1)
        return page

    def _build_buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self._save_button = box.button(QDialogButtonBox.StandardButton.Save)
        self._save_button.setObjectName("saveButton")
        self._save_button.setAccessibleName("Save settings")
        self._save_button.setToolTip("Save all profiles (Ctrl+S)")
        self._save_button.setDefault(True)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setAccessibleName("Cancel")
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        return box

    def _line_edit(self, object_name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setAccessibleName(accessible)
        return edit

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _message_label(self, object_name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(object_name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        """The field with its inline error below, hidden until there is something to say."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = self._message_label(f"{widget.objectName().removesuffix('Input')}Error", "Problem")
        error.setAccessibleName(f"{widget.accessibleName()} problem")
        layout.addWidget(error)
        self._errors[key] = error
        return holder

    # ------------------------------------------------------------------------------ entries and form

    @property
    def _current(self) -> _Entry | None:
        row = self._profile_list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _add_entry(self, entry: _Entry, *, select: bool = True) -> None:
        self._entries.append(entry)
        self._profile_list.addItem(QListWidgetItem(entry.profile.name or "(unnamed)"))
        if select:
            self._profile_list.setCurrentRow(len(self._entries) - 1)
            self._tabs.setCurrentIndex(_CONNECTION_TAB)
            self._name_input.setFocus()
            self._name_input.selectAll()

    def _unique_name(self, base: str) -> str:
        taken = {e.profile.name.casefold() for e in self._entries}
        name, n = base, 2
        while name.casefold() in taken:
            name, n = f"{base} {n}", n + 1
        return name

    def _on_profile_selected(self, row: int) -> None:
        self._clear_errors()
        self._result_label.hide()
        self._result_icon.clear()
        self._clear_stream_result()
        entry = self._current
        if entry is not None and entry.running_only:
            self._show_message(
                self._form_message,
                f"{entry.profile.name} is the profile ccdesk is running on now (the demo's, in memory): it is "
                "shown here, and not saved. Add a real profile with New.",
                "hint",
            )
        else:
            self._hide_message(self._form_message)
        self._tabs.setEnabled(entry is not None)
        self._remove_button.setEnabled(entry is not None)
        self._duplicate_button.setEnabled(entry is not None)
        if entry is not None:
            self._load_form(entry)

    def _load_form(self, entry: _Entry) -> None:
        profile = entry.profile
        self._loading = True
        try:
            self._name_input.setText(profile.name)
            use_base_url = bool(profile.base_url)  # an explicit base URL wins, as on the command line
            self._platform_input.setText("" if use_base_url else profile.platform)
            self._base_url_input.setText(profile.base_url if use_base_url else "")
            (self._base_url_radio if use_base_url else self._platform_radio).setChecked(True)
            self._tenant_input.setText(profile.tenant)
            self._username_input.setText(profile.username)
            self._agent_input.setText(profile.agent_id)
            self._token_input.setText(entry.token)
            self._region_input.setCurrentText(profile.region or "US")
            self._dial_links_check.setChecked(profile.dial_links_at_once)
            for key, table in self._tables.items():
                choices: list[Choice] = getattr(profile, key)
                table.setRowCount(0)
                for choice in choices:
                    self._add_table_row(table, choice, edit=False)
            self._status_codes_table.setRowCount(0)
            for code in profile.status_codes:
                self._add_status_code_row(code, edit=False)
            self._select_stream_choice(entry.stream())
            self._stream_url_input.setText(profile.stream_url)
            self._stream_topic_input.setText(profile.stream_topic)
            self._stream_key_input.setText(entry.stream_key)
        finally:
            self._loading = False
        self._on_location_mode()
        self._on_stream_mode()
        self._update_token_hint()
        self._update_stream_key_hint()
        self._update_catalog_label(entry)

    def _select_stream_choice(self, choice: str) -> None:
        """Show the entry's Region choice; a region 8x8 does not have (a hand-edited file) shows as itself."""
        combo = self._stream_region_input
        while combo.count() > len(_STREAM_CHOICES):
            combo.removeItem(combo.count() - 1)
        index = combo.findData(choice)
        if index < 0:
            combo.addItem(f"{choice} (not an 8x8 region)", choice)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _stream_choice(self) -> str:
        data = self._stream_region_input.currentData()
        return data if isinstance(data, str) else ""

    def _read_form(self, entry: _Entry) -> Profile:
        """The profile as the form shows it, stripped but not yet validated."""
        use_base_url = self._base_url_radio.isChecked()
        lists = {key: self._table_choices(table)[0] for key, table in self._tables.items()}
        stream = self._stream_choice()
        return replace(
            entry.profile,
            caller_ids=lists["caller_ids"],
            queues=lists["queues"],
            dial_plans=lists["dial_plans"],
            status_codes=self._status_code_rows()[0],
            name=self._name_input.text().strip(),
            platform="" if use_base_url else self._platform_input.text().strip().lower(),
            base_url=self._base_url_input.text().strip() if use_base_url else "",
            tenant=self._tenant_input.text().strip(),
            username=self._username_input.text().strip(),
            agent_id=self._agent_input.text().strip(),
            region=self._region_input.currentText().strip().upper(),
            dial_links_at_once=self._dial_links_check.isChecked(),
            # with the stream off nothing of it is kept, so the file says no more than "no stream"
            stream_region="" if stream == _OTHER_HOST else stream,
            stream_url=self._stream_url_input.text().strip() if stream == _OTHER_HOST else "",
            stream_topic=self._stream_topic_input.text().strip() if stream else "",
        )

    def _on_edited(self, key: str) -> None:
        """Keep the entry in step with the form, so switching profiles or saving never loses an edit."""
        entry = self._current
        if self._loading or entry is None:
            return
        entry.profile = self._read_form(entry)
        entry.token = self._token_input.text().strip()
        entry.stream_key = self._stream_key_input.text().strip()
        entry.stream_choice = self._stream_choice()
        self._profile_list.currentItem().setText(entry.profile.name or "(unnamed)")
        if key:
            self._hide_message(self._errors[key])
        if key == "location":
            self._update_location_hint()
        if key in ("stream_location", "stream_topic", "agent"):
            self._update_stream_hint()

    def _on_location_mode(self) -> None:
        use_base_url = self._base_url_radio.isChecked()
        self._platform_input.setEnabled(not use_base_url)
        self._base_url_input.setEnabled(use_base_url)
        if not self._loading:
            (self._base_url_input if use_base_url else self._platform_input).setFocus()
            self._on_edited("location")
        self._update_location_hint()

    def _update_location_hint(self) -> None:
        """Show where requests will go while the code or URL is typed, or why it cannot be used."""
        entry = self._current
        if entry is None:
            return
        try:
            url, note = api_location(entry.profile)
        except InvalidInput as exc:
            if entry.profile.platform or entry.profile.base_url:
                self._show_message(self._location_hint, exc.message, "error")
            else:
                self._show_message(
                    self._location_hint,
                    "The platform code is in your Configuration Manager address (such as na12).",
                    "hint",
                )
            return
        self._show_message(
            self._location_hint, f"Requests go to {url}." + (f" {note}" if note else ""), "hint"
        )

    def _update_token_hint(self) -> None:
        """Say whether a token is already stored for this login, without ever showing it."""
        entry = self._current
        if entry is None:
            return
        tenant = self._tenant_input.text().strip()
        stored = bool(tenant) and self._has_stored_token(
            account_name(tenant, self._username_input.text().strip())
        )
        self._token_input.setPlaceholderText(TOKEN_STORED_HINT if stored else TOKEN_MISSING_HINT)

    def _has_stored_token(self, account: str) -> bool:
        if account not in self._stored_tokens:
            try:
                self._stored_tokens[account] = bool(self._credentials.get(account))
            except ConfigurationError:
                self._stored_tokens[account] = False
        return self._stored_tokens[account]

    def _on_stream_mode(self) -> None:
        """Enable what the Region choice uses: the URL for Other host, topic, key and test for any stream."""
        choice = self._stream_choice()
        self._stream_url_input.setEnabled(choice == _OTHER_HOST)
        # the greyed field shows the chosen region's host; for Other host, an example
        self._stream_url_input.setPlaceholderText(REGIONS.get(choice, _STREAM_URL_EXAMPLE))
        for widget in (self._stream_topic_input, self._stream_key_input, self._show_stream_key):
            widget.setEnabled(bool(choice))
        self._test_stream_button.setEnabled(bool(choice) and self._stream_testing is None)
        if not self._loading:
            self._clear_stream_result()
            if choice != _OTHER_HOST:
                self._stream_url_input.clear()  # a greyed URL must not contradict the region's host
            if not choice:
                for key in _STREAM_PROBLEMS:
                    self._hide_message(self._errors[key])
            elif choice == _OTHER_HOST:
                self._stream_url_input.setFocus()
            self._on_edited("stream_location")
        self._update_stream_hint()

    def _update_stream_hint(self) -> None:
        """Say where and what the stream reads while it is set up, or why it cannot be read."""
        entry = self._current
        if entry is None:
            return
        profile = entry.profile
        default = DEFAULT_TOPIC.format(agent_id=profile.agent_id or "AGENT")
        self._stream_topic_input.setPlaceholderText(f"{default} (default)")
        if not entry.stream():
            self._hide_message(self._stream_hint)
            return
        try:
            url = stream_base_url(entry)
        except StreamConfigError as exc:
            typed = entry.stream() != _OTHER_HOST or bool(profile.stream_url)
            self._show_message(self._stream_hint, exc.message, "error" if typed else "hint")
            return
        topic = profile.stream_topic or default
        self._show_message(self._stream_hint, f"Events are read from {url}, topic {topic}.", "hint")

    def _update_stream_key_hint(self) -> None:
        """Say whether the tenant has a stream key (or the environment gives one), without ever showing it."""
        entry = self._current
        if entry is None:
            return
        tenant = self._tenant_input.text().strip()
        stored = bool(tenant) and self._has_stored_token(stream_account_name(tenant))
        removed = stored and entry.remove_stream_key == tenant
        if os.environ.get(STREAM_KEY_ENV, "").strip():
            hint = STREAM_KEY_ENV_HINT
        elif removed:
            hint = STREAM_KEY_REMOVED_HINT
        else:
            hint = TOKEN_STORED_HINT if stored else STREAM_KEY_MISSING_HINT
        self._stream_key_input.setPlaceholderText(hint)
        self._remove_stream_key.setEnabled(stored and not removed)
        self._remove_stream_key.setToolTip(
            f"Remove the stream key stored for tenant {tenant} when you save. It serves every profile of "
            "this tenant."
            if stored
            else "No stream key is stored for this tenant."
        )

    def _mark_stream_key_removed(self) -> None:
        entry = self._current
        tenant = self._tenant_input.text().strip()
        if entry is None or not tenant:
            return
        entry.remove_stream_key = tenant
        self._stream_key_input.clear()
        self._update_stream_key_hint()
        if self._stream_key_input.isEnabled():
            self._stream_key_input.setFocus()  # the button just went grey: a new key can be pasted here
        self._show_message(
            self._errors["stream_key"],
            f"The stream key of tenant {tenant} is removed from the OS keyring when you save; Cancel keeps "
            "it.",
            "hint",
        )

    def _stream_key_available(self, entry: _Entry) -> bool:
        """Whether a session would find a key without one typed: CCDESK_STREAM_KEY, or one stored and kept."""
        if os.environ.get(STREAM_KEY_ENV, "").strip():
            return True
        tenant = entry.profile.tenant
        return (
            bool(tenant)
            and entry.remove_stream_key != tenant
            and self._has_stored_token(stream_account_name(tenant))
        )

    def _on_show_stream_key(self, shown: bool) -> None:
        self._stream_key_input.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self._show_stream_key.setText("&Hide" if shown else "S&how")
        self._show_stream_key.setAccessibleName("Hide stream key" if shown else "Show stream key")

    def _on_show_token(self, shown: bool) -> None:
        self._token_input.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._show_token.setText("&Hide" if shown else "S&how")
        self._show_token.setAccessibleName("Hide token" if shown else "Show token")

    # ----------------------------------------------------------------------------------- tables

    def _add_table_row(self, table: QTableWidget, choice: Choice | None = None, *, edit: bool = True) -> None:
        row = table.rowCount()
        table.insertRow(row)
        first = QTableWidgetItem(choice.value if choice else "")
        table.setItem(row, 0, first)
        table.setItem(row, 1, QTableWidgetItem(choice.name if choice else ""))
        if edit:
            table.setCurrentCell(row, 0)
            table.setFocus()
            table.editItem(first)

    def _remove_table_rows(self, table: QTableWidget, key: str) -> None:
        rows = sorted(
            {index.row() for index in table.selectedIndexes()} or {table.currentRow()}, reverse=True
        )
        for row in rows:
            if row >= 0:
                table.removeRow(row)
        self._on_edited(key)

    def _add_status_code_row(self, code: StatusCode | None = None, *, edit: bool = True) -> None:
        table = self._status_codes_table
        row = table.rowCount()
        table.insertRow(row)
        cells = (str(code.list_id), str(code.item_id), code.short_code, code.name) if code else ("",) * 4
        items = [QTableWidgetItem(text) for text in cells]
        for column, item in enumerate(items):
            table.setItem(row, column, item)
        if edit:
            table.setCurrentCell(row, 0)
            table.setFocus()
            table.editItem(items[0])

    def _status_code_rows(self) -> tuple[list[StatusCode], list[str]]:
        """The rows as status codes, and what is wrong with each row that is not one (1-based)."""
        table = self._status_codes_table
        codes: list[StatusCode] = []
        problems: list[str] = []
        for row in range(table.rowCount()):
            list_id, item_id, short, name = (cell_text(table, row, col).strip() for col in range(4))
            if not (list_id or item_id or short or name):
                continue
            try:
                for label, text in (("list id", list_id), ("item id", item_id)):
                    if not text.lstrip("-").isdigit():
                        raise InvalidInput(f"the {label} must be a whole number")
                codes.append(StatusCode(int(list_id), int(item_id), short, name))
            except InvalidInput as exc:
                problems.append(f"Status code row {row + 1}: {exc.message.rstrip('.')}.")
        return codes, problems

    @staticmethod
    def _table_choices(table: QTableWidget) -> tuple[list[Choice], list[int]]:
        """The rows as choices, and the (1-based) rows that have a name but no value."""
        choices: list[Choice] = []
        nameless: list[int] = []
        for row in range(table.rowCount()):
            value, name = (cell_text(table, row, col).strip() for col in (0, 1))
            if value:
                choices.append(Choice(value, name))
            elif name:
                nameless.append(row + 1)
        return choices, nameless

    # ---------------------------------------------------------------------------------- profiles

    def _add_profile(self) -> None:
        self._add_entry(_Entry(Profile(name=self._unique_name("New profile"))))

    def _duplicate_profile(self) -> None:
        entry = self._current
        if entry is None:
            return
        profile = replace(copy.deepcopy(entry.profile), name=self._unique_name(f"{entry.profile.name} copy"))
        self._add_entry(replace(entry, profile=profile, token="", stream_key="", remove_stream_key=""))

    def _remove_profile(self) -> None:
        entry = self._current
        if entry is None:
            return
        question = (
            f"Remove the profile '{entry.profile.name}'? It is gone when the settings are saved; a token "
            "stored for its login stays in the keyring for other profiles."
        )
        if not confirm(self, "Remove profile", question):
            return
        row = self._profile_list.currentRow()
        del self._entries[row]
        self._profile_list.takeItem(row)

    # ----------------------------------------------------------------------------------- catalog

    def _choose_catalog(self) -> None:
        entry = self._current
        if entry is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import transaction-code catalog", "", "Catalog files (*.json);;All files (*)"
        )
        if not path:
            return
        try:
            catalog = load_catalog(path)
            text = Path(path).read_text(encoding="utf-8")
        except ConfigurationError as exc:
            self._show_message(self._errors["catalog"], exc.message, "error")
            return
        except OSError as exc:
            self._show_message(
                self._errors["catalog"], f"Catalog file {path} cannot be read ({exc}).", "error"
            )
            return
        entry.catalog_text, entry.catalog_source = text, path
        count = len(catalog.lists)
        self._show_message(
            self._errors["catalog"],
            f"{count} code list{'s' if count != 1 else ''} found; a copy is kept on Save.",
            "ok",
        )
        self._update_catalog_label(entry)

    def _remove_catalog(self) -> None:
        entry = self._current
        if entry is None:
            return
        entry.catalog_text, entry.catalog_source = None, ""
        entry.profile = replace(entry.profile, catalog_file="")
        self._hide_message(self._errors["catalog"])
        self._update_catalog_label(entry)

    def _update_catalog_label(self, entry: _Entry) -> None:
        if entry.catalog_text is not None:
            text = f"{entry.catalog_source} (copied on save)"
        else:
            text = entry.profile.catalog_file or "None: codes are entered by number, as LIST:ITEM."
        self._catalog_label.setText(text)
        self._clear_catalog.setEnabled(entry.catalog_text is not None or bool(entry.profile.catalog_file))

    # ------------------------------------------------------------------------------ validation

    def _problems(self, entry: _Entry, *, connection_only: bool = False) -> list[tuple[str, str]]:
        """What stops this profile from being saved (or tested), as (field, message), in form order."""
        profile = entry.profile
        found: list[tuple[str, str]] = []
        if not connection_only:
            others = {e.profile.name.casefold() for e in self._entries if e is not entry}
            if not profile.name:
                found.append(("name", "Give the profile a name."))
            elif profile.name.casefold() in others:
                found.append(("name", f"Another profile is already called '{profile.name}'."))
        try:
            api_location(profile)
        except InvalidInput as exc:
            found.append(("location", exc.message))
        if not profile.tenant:
            found.append(("tenant", "The tenant name is required."))
        if connection_only:
            return found
        if not profile.agent_id:
            found.append(("agent", "The agent's Internal Id is required."))
        found.extend(self._stream_problems(entry))
        if profile.region not in phonenumbers.SUPPORTED_REGIONS:
            found.append(("region", f"'{profile.region}' is not a region code: use two letters such as US."))
        for key, _name, _title, _header, noun in _TABLES:
            nameless = self._table_choices(self._tables[key])[1] if entry is self._current else []
            if nameless:
                rows = ", ".join(map(str, nameless))
                found.append((key, f"{noun} row {rows} has a name but no value."))
        unusable = self._status_code_rows()[1] if entry is self._current else []
        if unusable:
            found.append(("status_codes", " ".join(unusable)))
        return found

    def _stream_problems(self, entry: _Entry) -> list[tuple[str, str]]:
        """What stops this entry's event stream from working, as (field, message); nothing when it is off."""
        if not entry.stream():
            return []
        profile = entry.profile
        found: list[tuple[str, str]] = []
        try:
            stream_base_url(entry)
        except StreamConfigError as exc:
            found.append(("stream_location", exc.message))
        if profile.stream_topic:
            try:
                validate_topic(profile.stream_topic)
            except StreamConfigError as exc:
                found.append(("stream_topic", exc.message))
        tenant = profile.tenant or "this tenant"
        if entry.stream_key:
            try:
                validate_key(entry.stream_key)
            except ConfigurationError as exc:
                found.append(("stream_key", exc.message))
            else:
                if entry.stream_key == entry.token:
                    found.append(
                        (
                            "stream_key",
                            "This is the Action Request Token, which the calls use; the event stream needs "
                            "the Data Request Token or an Admin Console key (eght_…).",
                        )
                    )
        elif not self._stream_key_available(entry):
            removed = profile.tenant and entry.remove_stream_key == profile.tenant
            found.append(
                (
                    "stream_key",
                    f"Paste the stream key: the one stored for {tenant} is removed on Save."
                    if removed
                    else f"Paste the stream key: none is stored for {tenant}.",
                )
            )
        return found

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Every problem inline under its field; focus goes to the first one."""
        self._clear_errors()
        for key, message in problems:
            self._show_message(self._errors[key], message, "error")
        key = problems[0][0]
        widget: QWidget = {
            "name": self._name_input,
            "location": self._base_url_input if self._base_url_radio.isChecked() else self._platform_input,
            "tenant": self._tenant_input,
            "agent": self._agent_input,
            "region": self._region_input,
            "status_codes": self._status_codes_table,
            "stream_location": (
                self._stream_url_input if self._stream_choice() == _OTHER_HOST else self._stream_region_input
            ),
            "stream_topic": self._stream_topic_input,
            "stream_key": self._stream_key_input,
        }.get(key) or self._tables[key]
        if key == "status_codes":
            self._tabs.setCurrentIndex(_STATUS_CODES_TAB)
        elif key in _STREAM_PROBLEMS:
            self._tabs.setCurrentIndex(_STREAM_TAB)
        else:
            self._tabs.setCurrentIndex(
                _DIALLING_TAB if key == "region" or key in self._tables else _CONNECTION_TAB
            )
        widget.setFocus()

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            if label not in (self._location_hint, self._stream_hint):
                self._hide_message(label)
        self._hide_message(self._form_message)
        self._update_location_hint()
        self._update_stream_hint()

    # -------------------------------------------------------------------------------- messages

    def _show_message(self, label: QLabel, text: str, tone: str = "error") -> None:
        label.setText(text)
        self._tones[label] = tone
        self._apply_tone(label)
        label.show()

    def _hide_message(self, label: QLabel) -> None:
        label.clear()
        label.hide()

    def _apply_tone(self, label: QLabel) -> None:
        """Colour by tone, picked for the current palette's lightness so it reads in light and dark themes."""
        palette = self.palette()
        tone = self._tones[label]
        if tone == "hint":
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
        else:
            light, dark = _TONES[tone]
            colour = QColor(dark if palette.color(QPalette.ColorRole.Window).lightness() < 128 else light)
        own = label.palette()
        own.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(own)

    def changeEvent(self, event: QEvent) -> None:
        """Re-pick message colours when the theme switches while the dialog is open."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for label in self._tones:
                self._apply_tone(label)

    # -------------------------------------------------------------------------------- testing

    def _test_connection(self) -> None:
        entry = self._current
        if entry is None or self._testing is not None:
            return
        problems = self._problems(entry, connection_only=True)
        if problems:
            self._show_problems(problems)
            return
        profile = replace(entry.profile)
        if profile.base_url:
            profile.base_url = validate_base_url(profile.base_url)
        self._testing = entry
        self._test_button.setEnabled(False)
        self._test_button.setText("Testing…")
        self._result_icon.clear()
        self._show_message(
            self._result_label, f"Testing the connection as {profile.effective_username}…", "hint"
        )
        try:
            self._tester(profile, entry.token or None, self._on_checked)
        except Exception as exc:  # an injected tester must not take the dialog down
            detail = exc.message if isinstance(exc, CCDeskError) else str(exc) or type(exc).__name__
            self._on_checked(ConnectionCheck(CheckOutcome.FAILED, f"The test could not start: {detail}"))

    def _on_checked(self, check: ConnectionCheck) -> None:
        """Show the answer, unless the dialog has closed, another profile is on screen, or it came twice."""
        if self._finished or self._testing is None:
            return
        tested, self._testing = self._testing, None
        self._test_button.setEnabled(True)
        self._test_button.setText("&Test connection")
        if tested is not self._current:
            self._hide_message(self._result_label)
            return
        tone = _OUTCOME_TONES.get(check.outcome, "error")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._result_icon.setPixmap(self.style().standardIcon(_TONE_ICONS[tone]).pixmap(size, size))
        self._show_message(self._result_label, check.message, tone)

    def _test_stream(self) -> None:
        """Connect once to the stream as the form stands (typed key, or the one a session would use)."""
        entry = self._current
        if entry is None or self._stream_testing is not None or not entry.stream():
            return
        profile = entry.profile
        problems: list[tuple[str, str]] = []
        if not profile.tenant:
            problems.append(("tenant", "The tenant name is required."))
        if not profile.stream_topic and not profile.agent_id:
            problems.append(
                ("agent", "The agent's Internal Id is required: the stream reads the agent's topic.")
            )
        problems.extend(self._stream_problems(entry))
        if problems:
            self._show_problems(problems)
            return
        self._clear_stream_result()
        try:
            endpoint = StreamEndpoint(stream_base_url(entry), profile.tenant, stream_topic(profile))
        except StreamConfigError as exc:
            self._show_message(self._stream_result_label, exc.message, "error")
            return
        self._stream_testing = (entry, endpoint)
        self._test_stream_button.setEnabled(False)
        self._test_stream_button.setText("Testing…")
        self._show_message(
            self._stream_result_label, f"Connecting to {endpoint.host} for {endpoint.topic}…", "hint"
        )
        try:
            self._stream_tester(endpoint, entry.stream_key or None, self._on_stream_checked)
        except Exception as exc:  # an injected tester must not take the dialog down
            detail = exc.message if isinstance(exc, CCDeskError) else str(exc) or type(exc).__name__
            self._on_stream_checked(StreamStatus(StreamState.FAILED, f"the test could not start: {detail}"))

    def _on_stream_checked(self, status: StreamStatus) -> None:
        """Show the outcome, unless the dialog has closed, another profile is on screen, or it came twice."""
        if self._finished or self._stream_testing is None:
            return
        (tested, endpoint), self._stream_testing = self._stream_testing, None
        self._test_stream_button.setText("Test strea&m")
        self._test_stream_button.setEnabled(bool(self._stream_choice()))
        if tested is not self._current:
            self._hide_message(self._stream_result_label)
            return
        tone, text = stream_test_words(status, endpoint)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._stream_result_icon.setPixmap(self.style().standardIcon(_TONE_ICONS[tone]).pixmap(size, size))
        self._stream_result_icon.show()
        self._show_message(self._stream_result_label, text, tone)

    def _clear_stream_result(self) -> None:
        self._hide_message(self._stream_result_label)
        self._stream_result_icon.clear()
        self._stream_result_icon.hide()

    # ----------------------------------------------------------------------------------- closing

    def _save(self) -> None:
        """Validate every profile, store typed tokens, copy imported catalogs, then write config.json."""
        if not self._save_button.isEnabled():
            return
        for row, entry in enumerate(self._entries):
            if entry.running_only:
                continue  # the demo's profile is shown, not saved
            problems = self._problems(entry)
            if problems:
                self._profile_list.setCurrentRow(row)
                self._show_problems(problems)
                return
        for entry in self._entries:
            if entry.profile.base_url:
                entry.profile.base_url = validate_base_url(entry.profile.base_url)
            if entry.stream() == _OTHER_HOST:
                entry.profile.stream_url = validate_stream_url(entry.profile.stream_url)
        try:
            # Tokens first: when the keyring refuses, nothing is written and the dialog stays open.
            for entry in self._entries:
                if entry.token and not entry.running_only:
                    profile = entry.profile
                    self._store_token(account_name(profile.tenant, profile.effective_username), entry.token)
            # Removals before keys, so a key typed for a tenant wins over Remove pressed in another profile.
            for entry in self._entries:
                if entry.remove_stream_key:
                    self._store_stream_key(entry.remove_stream_key, None)
            for entry in self._entries:
                if entry.stream() and entry.stream_key:
                    self._store_stream_key(entry.profile.tenant, validate_key(entry.stream_key))
            for entry in self._entries:
                if entry.catalog_text is not None:
                    target = self._catalogs_dir / catalog_file_name(entry.profile.name)
                    write_atomically(target, entry.catalog_text)
                    entry.profile.catalog_file = str(target)
                    entry.catalog_text = None
            chosen = self._current.profile.name if self._current else ""
            saved = [e for e in self._entries if not e.running_only]
            if self._current is not None and self._current.running_only:
                chosen = saved[0].profile.name if saved else ""
            self.backup = self._store.save(
                Config(profiles={e.profile.name: e.profile for e in saved}, default_profile=chosen)
            )
        except ConfigurationError as exc:
            self._show_message(self._form_message, exc.message, "error")
            return
        except OSError as exc:
            self._show_message(self._form_message, f"The settings could not be saved: {exc}", "error")
            return
        self._chosen = chosen
        self.accept()

    def _store_token(self, account: str, token: str) -> None:
        """The OS keyring keeps the token; without one, the agent may keep it for this session only."""
        try:
            self._credentials.set(account, token)
        except ConfigurationError as exc:
            keep = getattr(self._credentials, "keep_for_session", None)
            if keep is None or not confirm(
                self,
                "No OS keyring: use the token for this session only?",
                "This computer has no secure OS keyring, so ccdesk cannot store the Action Request Token. "
                "ccdesk can keep it in memory until you quit: you will be asked for it again at the next "
                "start (or set CCDESK_TOKEN).\n\nUse the token for this session only?",
            ):
                raise exc
            keep(account, token)
            self.token_for_session_only = True

    def _store_stream_key(self, tenant: str, key: str | None) -> None:
        """Store (None: delete) the tenant's stream key; a keyring that refuses is said in stream words."""
        try:
            if key is None:
                self._credentials.delete(stream_account_name(tenant))
            else:
                self._credentials.set(stream_account_name(tenant), key)
        except ConfigurationError as exc:
            reason = str(exc.__cause__) if exc.__cause__ is not None else "no secure OS keyring is available"
            instead = f" Set {STREAM_KEY_ENV} to the key instead (never on a command line)." if key else ""
            raise ConfigurationError(
                f"The event stream key for tenant {tenant} could not be "
                f"{'removed from' if key is None else 'stored in'} the OS keyring ({reason}), so nothing was "
                f"saved.{instead}"
            ) from exc

    def _try_demo(self) -> None:
        self.demo_requested.emit()
        self.done(DEMO_RESULT)

    def done(self, result: int) -> None:
        """Mark the dialog finished so a late connection-test answer is ignored."""
        self._finished = True
        super().done(result)
