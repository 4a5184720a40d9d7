"""Settings: the saved profiles (where the API is, tenant, agent, token, event stream, dialling, codes).

Edits stay in memory until Save, so Cancel really discards. Save writes config.json atomically through
ProfileStore and stores a typed token or stream key in the credential store only: neither reaches the config
file, and a stored one is never shown. "Test connection" and "Test stream" run through injected testers that
answer later on the GUI thread, so the dialog never blocks on the network.

The window's language is chosen here too (beside Save, as it is not a profile's): it is kept in window.ini and
used from the next start, since the window's texts are translated as they are built.
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
from ccdesk.ui.i18n import LANGUAGES, PREFERENCE
from ccdesk.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
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
    QSettings,
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
from ccdesk.ui.theme import set_role

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

# The field hints, in the language installed when this module is first imported: the dialog is loaded on first
# use, after the language was chosen at start.
TOKEN_STORED_HINT = QCoreApplication.translate("SettingsDialog", "Stored in the OS keyring")
TOKEN_MISSING_HINT = QCoreApplication.translate("SettingsDialog", "Paste the Action Request Token")
STREAM_KEY_MISSING_HINT = QCoreApplication.translate("SettingsDialog", "Paste the stream key")
STREAM_KEY_REMOVED_HINT = QCoreApplication.translate("SettingsDialog", "Removed on Save")
STREAM_KEY_ENV_HINT = QCoreApplication.translate(
    "SettingsDialog", "Taken from {variable} (set in the environment)"
).format(variable=STREAM_KEY_ENV)

#: the profile lists on the Dialling tab: (Profile field, table objectName)
_TABLES = (
    ("caller_ids", "callerIdsTable"),
    ("queues", "queuesTable"),
    ("dial_plans", "dialPlansTable"),
)
_CONNECTION_TAB, _STREAM_TAB, _DIALLING_TAB, _STATUS_CODES_TAB = 0, 1, 2, 4
#: the Region choice that reads from an explicit stream URL instead of a region's host
_OTHER_HOST = "url"
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


def stream_choices() -> list[tuple[str, str]]:
    """(data, text) of the Region choices: off, 8x8's regional hosts (the host shown as a hint), an explicit URL."""
    return [
        ("", QCoreApplication.translate("SettingsDialog", "None (no live updates)")),
        *((code, f"{code.upper()}  —  {urlsplit(url).hostname}") for code, url in REGIONS.items()),
        (_OTHER_HOST, QCoreApplication.translate("SettingsDialog", "Other host (stream URL)")),
    ]


def table_texts(key: str) -> tuple[str, str, str, str]:
    """(group title, value column, accessible name, what the list is for) of a profile list on the Dialling tab."""
    if key == "caller_ids":
        return (
            QCoreApplication.translate("SettingsDialog", "Caller IDs"),
            QCoreApplication.translate("SettingsDialog", "Caller ID number"),
            QCoreApplication.translate("SettingsDialog", "Caller IDs"),
            QCoreApplication.translate(
                "SettingsDialog", "The numbers a call can present as caller ID, each with a name to show."
            ),
        )
    if key == "queues":
        return (
            QCoreApplication.translate("SettingsDialog", "Queues"),
            QCoreApplication.translate("SettingsDialog", "Queue id"),
            QCoreApplication.translate("SettingsDialog", "Queues"),
            QCoreApplication.translate(
                "SettingsDialog", "The queues an outbound call can be placed in, each with a name to show."
            ),
        )
    return (
        QCoreApplication.translate("SettingsDialog", "Dial plans"),
        QCoreApplication.translate("SettingsDialog", "Dial plan id"),
        QCoreApplication.translate("SettingsDialog", "Dial plans"),
        QCoreApplication.translate(
            "SettingsDialog", "The dial plans a call can use, each with a name to show."
        ),
    )


def nameless_rows_message(key: str, rows: list[int]) -> str:
    """Which rows of a profile list have a name but no value, in a whole sentence per list."""
    listed = ", ".join(map(str, rows))
    several = len(rows) > 1
    if key == "caller_ids":
        text = (
            QCoreApplication.translate("SettingsDialog", "Caller ID rows {rows} have a name but no value.")
            if several
            else QCoreApplication.translate("SettingsDialog", "Caller ID row {rows} has a name but no value.")
        )
    elif key == "queues":
        text = (
            QCoreApplication.translate("SettingsDialog", "Queue rows {rows} have a name but no value.")
            if several
            else QCoreApplication.translate("SettingsDialog", "Queue row {rows} has a name but no value.")
        )
    else:
        text = (
            QCoreApplication.translate("SettingsDialog", "Dial plan rows {rows} have a name but no value.")
            if several
            else QCoreApplication.translate("SettingsDialog", "Dial plan row {rows} has a name but no value.")
        )
    return text.format(rows=listed)


def catalog_file_name(profile_name: str) -> str:
    """A safe file name for a profile's catalog copy, whatever characters the profile name has."""
    stem = re.sub(r"[^\w.-]+", "_", profile_name).strip("._")
    return f"{stem or 'profile'}.json"


def api_location(profile: Profile) -> tuple[str, str | None]:
    """The profile's API base URL and a note, or InvalidInput saying what is wrong with where it points."""
    if profile.base_url:
        return validate_base_url(profile.base_url), None
    if not profile.platform:
        raise InvalidInput(
            QCoreApplication.translate(
                "SettingsDialog", "Enter the platform code (such as na12) or a base URL."
            )
        )
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
                    StreamState.FAILED,
                    QCoreApplication.translate(
                        "SettingsDialog", "no stream key is stored for tenant {tenant}: paste it"
                    ).format(tenant=endpoint.tenant),
                )
            else:
                status = probe(endpoint, use)
        except CCDeskError as exc:
            status = StreamStatus(StreamState.FAILED, exc.message.rstrip("."))
        except Exception as exc:  # a bug must not leave the dialog waiting: it is logged and said
            log.exception("stream test failed")
            status = StreamStatus(
                StreamState.FAILED,
                QCoreApplication.translate(
                    "SettingsDialog", "the test failed inside ccdesk ({error})"
                ).format(error=type(exc).__name__),
            )
        to_gui(partial(callback, status))

    threading.Thread(target=work, name="ccdesk-stream-test", daemon=True).start()


def stream_test_words(status: StreamStatus, endpoint: StreamEndpoint) -> tuple[str, str]:
    """(tone, plain words) for a stream test's outcome: live, key refused, topic not allowed, unreachable."""
    detail = status.detail.strip().rstrip(".")
    if status.state is StreamState.LIVE:
        return "ok", QCoreApplication.translate(
            "SettingsDialog", "Live: {host} accepted the key for {topic}."
        ).format(host=endpoint.host, topic=endpoint.topic)
    if status.http_status == 401:
        return "error", QCoreApplication.translate(
            "SettingsDialog",
            "Key refused (HTTP 401): 8x8 did not accept this key for tenant {tenant}. Paste the Data Request "
            "Token or an Admin Console key (eght_…), not the Action Request Token, and check the tenant name.",
        ).format(tenant=endpoint.tenant)
    if status.http_status == 403:
        return "error", QCoreApplication.translate(
            "SettingsDialog",
            "Topic not allowed (HTTP 403): 8x8 knows the key but it may not read {topic}. An Admin Console key "
            "needs the Pulsar Event Stream product; or give another topic.",
        ).format(topic=endpoint.topic)
    if status.state is StreamState.FAILED:
        return "error", QCoreApplication.translate("SettingsDialog", "Failed: {detail}.").format(
            detail=detail
        )
    if status.state is StreamState.RECONNECTING:
        return "error", QCoreApplication.translate(
            "SettingsDialog", "Cannot reach the stream: {detail}."
        ).format(detail=detail)
    if detail:
        return "error", QCoreApplication.translate(
            "SettingsDialog", "The stream did not answer: {detail}."
        ).format(detail=detail)
    return "error", QCoreApplication.translate("SettingsDialog", "The stream did not answer.")


def stream_base_url(entry: _Entry) -> str:
    """Scheme and host an entry's stream (which is on) is read from, or StreamConfigError in plain words."""
    choice = entry.stream()
    if choice == _OTHER_HOST:
        if not entry.profile.stream_url:
            raise StreamConfigError(
                QCoreApplication.translate(
                    "SettingsDialog",
                    "Enter the stream URL, such as wss://pulsar-ws-use1.8x8.com (ws:// only to this computer), "
                    "or choose a region.",
                )
            )
        return validate_stream_url(entry.profile.stream_url)
    if choice in REGIONS:
        return REGIONS[choice]
    raise StreamConfigError(
        QCoreApplication.translate(
            "SettingsDialog",
            "'{region}' is not an 8x8 event stream region: choose UK3, US1 or US2, or Other host with its URL.",
        ).format(region=choice)
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
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "ccdesk settings"))
        self.setAccessibleName(QCoreApplication.translate("SettingsDialog", "ccdesk settings"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog",
                "The profiles ccdesk connects with, and the window's language. Nothing is kept until Save.",
            )
        )
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
        self._tabs.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Profile settings"))
        self._tabs.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "The settings of the profile selected in the list.")
        )
        self._tabs.addTab(
            self._build_connection_tab(), QCoreApplication.translate("SettingsDialog", "&Connection")
        )
        self._tabs.addTab(
            self._build_stream_tab(), QCoreApplication.translate("SettingsDialog", "&Event stream")
        )
        self._tabs.addTab(
            self._build_dialling_tab(), QCoreApplication.translate("SettingsDialog", "&Dialling")
        )
        self._tabs.addTab(
            self._build_codes_tab(), QCoreApplication.translate("SettingsDialog", "Transaction c&odes")
        )
        self._tabs.addTab(
            self._build_status_codes_tab(), QCoreApplication.translate("SettingsDialog", "Status code&s")
        )
        body.addWidget(self._tabs, 1)
        root.addLayout(body, 1)
        self._form_message = self._message_label(
            "formMessageLabel", QCoreApplication.translate("SettingsDialog", "Settings message")
        )
        root.addWidget(self._form_message)
        bottom = QHBoxLayout()
        bottom.addLayout(self._build_language_row())
        bottom.addStretch(1)
        bottom.addWidget(self._build_buttons())
        root.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save)

        for name, profile in config.profiles.items():
            self._add_entry(_Entry(replace(profile, name=name)), select=False)
        if running is not None and running.name not in config.profiles:
            self._add_entry(_Entry(replace(running), running_only=True), select=False)
            current = running.name
        if not self._entries:
            self._add_entry(
                _Entry(
                    Profile(
                        name=self._unique_name(QCoreApplication.translate("SettingsDialog", "New profile"))
                    )
                ),
                select=False,
            )
        names = [e.profile.name for e in self._entries]
        wanted = current if current in names else config.default_profile
        self._profile_list.setCurrentRow(names.index(wanted) if wanted in names else 0)
        if load_error:
            # Saving now would overwrite a file the user can still repair, so only Cancel is offered.
            self._show_message(
                self._form_message,
                QCoreApplication.translate(
                    "SettingsDialog", "{problem} Settings cannot be saved until it is fixed."
                ).format(problem=load_error),
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
        welcome = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "<b>Welcome to ccdesk.</b> To connect to your contact center you need the <b>platform code</b> "
                "(it is in the Configuration Manager address, such as na12), the <b>tenant</b> name, the "
                "agent's <b>Internal Id</b>, and the <b>Action Request Token</b> from Configuration Manager "
                "&gt; Integration &gt; API Token. No account at hand? Try the demo: a simulated contact center "
                "on this computer.",
            )
        )
        welcome.setObjectName("welcomeLabel")
        welcome.setWordWrap(True)
        welcome.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(welcome, 1)
        demo = QPushButton(QCoreApplication.translate("SettingsDialog", "Try the &demo"))
        demo.setObjectName("tryDemoButton")
        demo.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Try the demo"))
        demo_help = QCoreApplication.translate(
            "SettingsDialog", "Open ccdesk against a simulated contact center; nothing is sent to 8x8."
        )
        demo.setToolTip(demo_help)
        demo.setAccessibleDescription(demo_help)
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
        label = QLabel(QCoreApplication.translate("SettingsDialog", "&Profiles:"))
        self._profile_list = QListWidget()
        self._profile_list.setObjectName("profileList")
        self._profile_list.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Profiles"))
        self._profile_list.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog", "The saved profiles; the tabs show the selected one. Delete removes it."
            )
        )
        self._profile_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._profile_list.currentRowChanged.connect(self._on_profile_selected)
        label.setBuddy(self._profile_list)
        column.addWidget(label)
        column.addWidget(self._profile_list, 1)
        buttons = QHBoxLayout()
        self._add_button, self._duplicate_button, self._remove_button = (
            self._list_button(name, text, accessible, description, slot, buttons)
            for name, text, accessible, description, slot in (
                (
                    "addProfileButton",
                    QCoreApplication.translate("SettingsDialog", "&Add"),
                    QCoreApplication.translate("SettingsDialog", "Add profile"),
                    QCoreApplication.translate("SettingsDialog", "Adds an empty profile to fill in."),
                    self._add_profile,
                ),
                (
                    "duplicateProfileButton",
                    QCoreApplication.translate("SettingsDialog", "D&uplicate"),
                    QCoreApplication.translate("SettingsDialog", "Duplicate profile"),
                    QCoreApplication.translate(
                        "SettingsDialog",
                        "Adds a copy of the selected profile, without its token or stream key.",
                    ),
                    self._duplicate_profile,
                ),
                (
                    "removeProfileButton",
                    QCoreApplication.translate("SettingsDialog", "&Remove"),
                    QCoreApplication.translate("SettingsDialog", "Remove profile"),
                    QCoreApplication.translate(
                        "SettingsDialog", "Removes the selected profile after asking; it is gone on Save."
                    ),
                    self._remove_profile,
                ),
            )
        )
        column.addLayout(buttons)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self._profile_list, self._remove_profile)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        return column

    @staticmethod
    def _list_button(
        name: str, text: str, accessible: str, description: str, slot: Callable[[], None], row: QHBoxLayout
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAccessibleDescription(description)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _build_connection_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}

        self._name_input = self._line_edit(
            "profileNameInput",
            QCoreApplication.translate("SettingsDialog", "Profile name"),
            QCoreApplication.translate("SettingsDialog", "The name the profile is listed and chosen by."),
        )
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "&Name:"), self._name_input),
            self._with_error(self._name_input, "name"),
        )

        self._platform_radio = QRadioButton(QCoreApplication.translate("SettingsDialog", "Platform c&ode"))
        self._platform_radio.setObjectName("platformRadio")
        self._platform_radio.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Use a platform code")
        )
        self._platform_radio.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "ccdesk finds 8x8's address from the platform code.")
        )
        self._base_url_radio = QRadioButton(QCoreApplication.translate("SettingsDialog", "Base &URL"))
        self._base_url_radio.setObjectName("baseUrlRadio")
        self._base_url_radio.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Use an explicit base URL")
        )
        self._base_url_radio.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "For a tenant whose API is not on an 8x8 host.")
        )
        platform_help = QCoreApplication.translate(
            "SettingsDialog", "The code in your Configuration Manager address, such as na12."
        )
        self._platform_input = self._line_edit(
            "platformInput", QCoreApplication.translate("SettingsDialog", "Platform code"), platform_help
        )
        self._platform_input.setPlaceholderText("na12, eu9, ca1 ...")  # not translated: platform codes
        self._platform_input.setToolTip(platform_help)
        base_url_help = QCoreApplication.translate(
            "SettingsDialog", "Only when your tenant's API is not on an 8x8 host (Bell Canada)."
        )
        self._base_url_input = self._line_edit(
            "baseUrlInput", QCoreApplication.translate("SettingsDialog", "Base URL"), base_url_help
        )
        self._base_url_input.setPlaceholderText("https://odcc2.bell.ca/api/v1")  # not translated: a URL
        self._base_url_input.setToolTip(base_url_help)
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
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "API &location:"), self._platform_radio),
            grid,
        )

        tenant_help = QCoreApplication.translate(
            "SettingsDialog", "The tenant name, as used in the API paths."
        )
        self._tenant_input = self._line_edit(
            "tenantInput", QCoreApplication.translate("SettingsDialog", "Tenant"), tenant_help
        )
        self._tenant_input.setToolTip(tenant_help)
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "&Tenant:"), self._tenant_input),
            self._with_error(self._tenant_input, "tenant"),
        )
        self._username_input = self._line_edit(
            "usernameInput",
            QCoreApplication.translate("SettingsDialog", "Username"),
            QCoreApplication.translate(
                "SettingsDialog", "The API username; empty means the same as the tenant."
            ),
        )
        self._username_input.setPlaceholderText(
            QCoreApplication.translate("SettingsDialog", "same as tenant")
        )
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "User&name:"), self._username_input),
            self._username_input,
        )
        agent_help = QCoreApplication.translate(
            "SettingsDialog", "The agent's Internal Id, from Configuration Manager > Users."
        )
        self._agent_input = self._line_edit(
            "agentIdInput", QCoreApplication.translate("SettingsDialog", "Agent Internal Id"), agent_help
        )
        self._agent_input.setToolTip(agent_help)
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "A&gent Id:"), self._agent_input),
            self._with_error(self._agent_input, "agent"),
        )

        self._token_input = self._line_edit(
            "tokenInput",
            QCoreApplication.translate("SettingsDialog", "Action Request Token"),
            QCoreApplication.translate(
                "SettingsDialog",
                "From Configuration Manager > Integration > API Token. Kept in the OS keyring on Save, never "
                "shown; leave empty to keep the stored one.",
            ),
        )
        self._token_input.setEchoMode(QLineEdit.EchoMode.Password)
        self._token_input.setPlaceholderText(TOKEN_MISSING_HINT)
        self._show_token = QPushButton(QCoreApplication.translate("SettingsDialog", "S&how"))
        self._show_token.setObjectName("showTokenButton")
        self._show_token.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Show token"))
        self._show_token.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "Shows or hides the typed token.")
        )
        self._show_token.setCheckable(True)
        self._show_token.setAutoDefault(False)
        self._show_token.toggled.connect(self._on_show_token)
        token_row = QHBoxLayout()
        token_row.addWidget(self._token_input, 1)
        token_row.addWidget(self._show_token)
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "To&ken:"), self._token_input), token_row
        )

        self._test_button = QPushButton(QCoreApplication.translate("SettingsDialog", "&Test connection"))
        self._test_button.setObjectName("testConnectionButton")
        self._test_button.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Test connection"))
        self._test_button.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog", "Asks 8x8 once with these settings, without saving; the answer shows below."
            )
        )
        self._test_button.setAutoDefault(False)
        self._test_button.clicked.connect(self._test_connection)
        self._result_icon = QLabel()
        self._result_icon.setObjectName("connectionResultIcon")
        self._result_label = self._message_label(
            "connectionResultLabel", QCoreApplication.translate("SettingsDialog", "Connection test result")
        )
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
        intro = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "With 8x8's event stream, ccdesk learns at once what happens to the agent's calls outside "
                "ccdesk, such as a customer hanging up. It is optional: without it, ccdesk learns of such changes "
                "from 8x8's next answer.",
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        box = QGroupBox(QCoreApplication.translate("SettingsDialog", "Event stream (live updates)"))
        box.setObjectName("streamGroup")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self._stream_region_input = QComboBox()
        self._stream_region_input.setObjectName("streamRegionInput")
        self._stream_region_input.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Event stream region")
        )
        region_help = QCoreApplication.translate(
            "SettingsDialog",
            "The 8x8 region your tenant is hosted in. A wrong region connects but never receives an event.",
        )
        self._stream_region_input.setToolTip(region_help)
        self._stream_region_input.setAccessibleDescription(region_help)
        for data, text in stream_choices():
            self._stream_region_input.addItem(text, data)
        self._stream_region_input.currentIndexChanged.connect(lambda _index: self._on_stream_mode())
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "Re&gion:"), self._stream_region_input),
            self._stream_region_input,
        )

        url_help = QCoreApplication.translate(
            "SettingsDialog",
            "Scheme and host only: wss:// to any host, ws:// only to this computer. Choose Other host to use it.",
        )
        self._stream_url_input = self._line_edit(
            "streamUrlInput", QCoreApplication.translate("SettingsDialog", "Event stream URL"), url_help
        )
        self._stream_url_input.setToolTip(url_help)
        self._stream_hint = self._message_label(
            "streamLocationHint", QCoreApplication.translate("SettingsDialog", "Where events are read from")
        )
        self._errors["stream_location"] = self._stream_hint
        url_column = QVBoxLayout()
        url_column.setSpacing(2)
        url_column.addWidget(self._stream_url_input)
        url_column.addWidget(self._stream_hint)
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "Stream UR&L:"), self._stream_url_input),
            url_column,
        )

        topic_help = QCoreApplication.translate(
            "SettingsDialog",
            "namespace/topic, such as event-v1/all. Empty: the agent's own topic, agent-v1/ followed by the "
            "agent's Internal Id.",
        )
        self._stream_topic_input = self._line_edit(
            "streamTopicInput", QCoreApplication.translate("SettingsDialog", "Event stream topic"), topic_help
        )
        self._stream_topic_input.setToolTip(topic_help)
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "&Topic:"), self._stream_topic_input),
            self._with_error(self._stream_topic_input, "stream_topic"),
        )

        key_help_text = QCoreApplication.translate(
            "SettingsDialog",
            "The Data Request Token (Configuration Manager > Integration > API Token) or an Admin Console key "
            "eght_… with the Pulsar Event Stream product; not the Action Request Token. It can read the whole "
            "tenant's events.",
        )
        self._stream_key_input = self._line_edit(
            "streamKeyInput", QCoreApplication.translate("SettingsDialog", "Event stream key"), key_help_text
        )
        self._stream_key_input.setEchoMode(QLineEdit.EchoMode.Password)
        self._stream_key_input.setPlaceholderText(STREAM_KEY_MISSING_HINT)
        self._show_stream_key = QPushButton(QCoreApplication.translate("SettingsDialog", "S&how"))
        self._show_stream_key.setObjectName("showStreamKeyButton")
        self._show_stream_key.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Show stream key")
        )
        self._show_stream_key.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "Shows or hides the typed stream key.")
        )
        self._show_stream_key.setCheckable(True)
        self._show_stream_key.setAutoDefault(False)
        self._show_stream_key.toggled.connect(self._on_show_stream_key)
        self._remove_stream_key = QPushButton(QCoreApplication.translate("SettingsDialog", "Remo&ve"))
        self._remove_stream_key.setObjectName("removeStreamKeyButton")
        self._remove_stream_key.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Remove stored stream key")
        )
        self._remove_stream_key.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog", "Removes this tenant's stored stream key from the OS keyring on Save."
            )
        )
        self._remove_stream_key.setAutoDefault(False)
        self._remove_stream_key.clicked.connect(self._mark_stream_key_removed)
        key_row = QHBoxLayout()
        key_row.addWidget(self._stream_key_input, 1)
        key_row.addWidget(self._show_stream_key)
        key_row.addWidget(self._remove_stream_key)
        self._errors["stream_key"] = self._message_label(
            "streamKeyError", QCoreApplication.translate("SettingsDialog", "Event stream key problem")
        )
        key_help = self._message_label(
            "streamKeyHelpLabel", QCoreApplication.translate("SettingsDialog", "Which key")
        )
        self._show_message(key_help, key_help_text, "hint")
        key_column = QVBoxLayout()
        key_column.setSpacing(2)
        key_column.addLayout(key_row)
        key_column.addWidget(self._errors["stream_key"])
        key_column.addWidget(key_help)
        form.addRow(
            self._buddy(QCoreApplication.translate("SettingsDialog", "Stream &key:"), self._stream_key_input),
            key_column,
        )

        self._test_stream_button = QPushButton(QCoreApplication.translate("SettingsDialog", "Test strea&m"))
        self._test_stream_button.setObjectName("testStreamButton")
        self._test_stream_button.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Test stream")
        )
        test_stream_help = QCoreApplication.translate(
            "SettingsDialog", "Connect once with this key and topic, without saving."
        )
        self._test_stream_button.setToolTip(test_stream_help)
        self._test_stream_button.setAccessibleDescription(test_stream_help)
        self._test_stream_button.setAutoDefault(False)
        self._test_stream_button.clicked.connect(self._test_stream)
        self._stream_result_icon = QLabel()
        self._stream_result_icon.setObjectName("streamTestResultIcon")
        self._stream_result_icon.hide()  # shown with a result, so no empty row sits under the button
        self._stream_result_label = self._message_label(
            "streamTestResultLabel", QCoreApplication.translate("SettingsDialog", "Stream test result")
        )
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
        self._region_input.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Default region for national numbers")
        )
        self._region_input.setEditable(True)
        self._region_input.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._region_input.addItems(sorted(phonenumbers.SUPPORTED_REGIONS))
        region_help = QCoreApplication.translate(
            "SettingsDialog", "Numbers typed without + are read as numbers of this country."
        )
        self._region_input.setToolTip(region_help)
        self._region_input.setAccessibleDescription(region_help)
        self._region_input.currentTextChanged.connect(lambda _text: self._on_edited("region"))
        form.addRow(
            self._buddy(
                QCoreApplication.translate("SettingsDialog", "&Region for national numbers:"),
                self._region_input,
            ),
            self._with_error(self._region_input, "region"),
        )
        self._dial_links_check = QCheckBox(
            QCoreApplication.translate("SettingsDialog", "Dial tel:, callto: and ccdesk: links at once")
        )
        self._dial_links_check.setObjectName("dialLinksAtOnceCheck")
        self._dial_links_check.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Dial links at once")
        )
        links_help = QCoreApplication.translate(
            "SettingsDialog",
            "Off (recommended): a clicked link fills the dial field and waits for Enter. On: the call is placed "
            "as soon as the link arrives.",
        )
        self._dial_links_check.setToolTip(links_help)
        self._dial_links_check.setAccessibleDescription(links_help)
        self._dial_links_check.toggled.connect(lambda _on: self._on_edited(""))
        form.addRow("", self._dial_links_check)
        column.addLayout(form)
        self._tables: dict[str, QTableWidget] = {}
        for key, object_name in _TABLES:
            column.addWidget(self._build_table(key, object_name), 1)
        return page

    def _build_status_codes_tab(self) -> QWidget:
        """The tenant's status codes, offered beside a status change (no API lists them).

        Its own tab: a fourth list on the Dialling tab would make the dialog taller than a small screen.
        """
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "A status change can carry a status code (a reason such as Lunch). 8x8 has no API that lists "
                "them: copy the list id, item id and short code from Configuration Manager > Status Codes, or "
                "read them from an agent in that state in the supervisor roster. They are offered when a status "
                "is set.",
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        box = QGroupBox(QCoreApplication.translate("SettingsDialog", "Status codes"))
        layout = QGridLayout(box)
        table = QTableWidget(0, 4)
        table.setObjectName("statusCodesTable")
        table.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Status codes"))
        table.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog", "One status code a row: list id, item id, short code and a name to show."
            )
        )
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SettingsDialog", "List id"),
                QCoreApplication.translate("SettingsDialog", "Item id"),
                QCoreApplication.translate("SettingsDialog", "Short code"),
                QCoreApplication.translate("SettingsDialog", "Name"),
            ]
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setMinimumHeight(72)
        table.itemChanged.connect(lambda _item: self._on_edited("status_codes"))
        self._status_codes_table = table
        layout.addWidget(table, 0, 0, 3, 1)
        add = QPushButton(QCoreApplication.translate("SettingsDialog", "Add"))
        add.setObjectName("statusCodesAddButton")
        add.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Add status code"))
        add.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "Adds an empty row to fill in.")
        )
        remove = QPushButton(QCoreApplication.translate("SettingsDialog", "Remove"))
        remove.setObjectName("statusCodesRemoveButton")
        remove.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Remove status code"))
        remove.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "Removes the selected rows.")
        )
        for button in (add, remove):
            button.setAutoDefault(False)
        add.clicked.connect(lambda: self._add_status_code_row())
        remove.clicked.connect(lambda: self._remove_table_rows(table, "status_codes"))
        layout.addWidget(add, 0, 1)
        layout.addWidget(remove, 1, 1)
        self._errors["status_codes"] = self._message_label(
            "statusCodesError", QCoreApplication.translate("SettingsDialog", "Status code problem")
        )
        layout.addWidget(self._errors["status_codes"], 3, 0, 1, 2)
        layout.setRowStretch(2, 1)
        column.addWidget(box, 1)
        return page

    def _build_table(self, key: str, object_name: str) -> QGroupBox:
        title, value_header, accessible, description = table_texts(key)
        box = QGroupBox(title)
        layout = QGridLayout(box)
        table = QTableWidget(0, 2)
        table.setObjectName(object_name)
        table.setAccessibleName(accessible)
        table.setAccessibleDescription(description)
        table.setHorizontalHeaderLabels([value_header, QCoreApplication.translate("SettingsDialog", "Name")])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setMinimumHeight(72)
        table.itemChanged.connect(lambda _item, key=key: self._on_edited(key))
        self._tables[key] = table
        layout.addWidget(table, 0, 0, 3, 1)
        stem = object_name.removesuffix("Table")
        add = QPushButton(QCoreApplication.translate("SettingsDialog", "Add"))
        add.setObjectName(f"{stem}AddButton")
        add.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Add to {list}").format(list=accessible)
        )
        add.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "Adds an empty row to fill in.")
        )
        remove = QPushButton(QCoreApplication.translate("SettingsDialog", "Remove"))
        remove.setObjectName(f"{stem}RemoveButton")
        remove.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Remove from {list}").format(list=accessible)
        )
        remove.setAccessibleDescription(
            QCoreApplication.translate("SettingsDialog", "Removes the selected rows.")
        )
        for button in (add, remove):
            button.setAutoDefault(False)
        add.clicked.connect(lambda: self._add_table_row(table))
        remove.clicked.connect(lambda: self._remove_table_rows(table, key))
        layout.addWidget(add, 0, 1)
        layout.addWidget(remove, 1, 1)
        error = self._message_label(
            f"{stem}Error",
            QCoreApplication.translate("SettingsDialog", "{list}: problem").format(list=accessible),
        )
        self._errors[key] = error
        layout.addWidget(error, 3, 0, 1, 2)
        layout.setRowStretch(2, 1)
        return box

    def _build_codes_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "8x8 has no API that lists transaction codes, so the names for their numeric ids come from a "
                "catalog file. The file is checked and a copy is kept with the settings.",
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        row = QHBoxLayout()
        caption = QLabel(QCoreApplication.translate("SettingsDialog", "Catalog file:"))
        self._catalog_label = QLabel()
        self._catalog_label.setObjectName("catalogPathLabel")
        self._catalog_label.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Catalog file"))
        self._catalog_label.setWordWrap(True)
        self._catalog_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption.setBuddy(self._catalog_label)
        row.addWidget(caption)
        row.addWidget(self._catalog_label, 1)
        column.addLayout(row)
        buttons = QHBoxLayout()
        self._import_catalog = QPushButton(QCoreApplication.translate("SettingsDialog", "&Import catalog..."))
        self._import_catalog.setObjectName("importCatalogButton")
        self._import_catalog.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Import catalog file")
        )
        self._import_catalog.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog",
                "Choose a transaction-code catalog file; it is checked now and copied on Save.",
            )
        )
        self._import_catalog.clicked.connect(self._choose_catalog)
        self._clear_catalog = QPushButton(QCoreApplication.translate("SettingsDialog", "C&lear catalog"))
        self._clear_catalog.setObjectName("clearCatalogButton")
        self._clear_catalog.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Clear catalog"))
        self._clear_catalog.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog", "This profile uses no catalog: codes are entered by number."
            )
        )
        self._clear_catalog.clicked.connect(self._remove_catalog)
        for button in (self._import_catalog, self._clear_catalog):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self._errors["catalog"] = self._message_label(
            "catalogMessageLabel", QCoreApplication.translate("SettingsDialog", "Catalog problem")
        )
        column.addWidget(self._errors["catalog"])
        column.addStretch(1)
        return page

    def _build_buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self._save_button = box.button(QDialogButtonBox.StandardButton.Save)
        self._save_button.setObjectName("saveButton")
        self._save_button.setText(QCoreApplication.translate("SettingsDialog", "Save"))
        self._save_button.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Save settings"))
        self._save_button.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog",
                "Checks every profile, then saves them all and closes; Ctrl+S does the same.",
            )
        )
        self._save_button.setToolTip(
            QCoreApplication.translate("SettingsDialog", "Save all profiles (Ctrl+S)")
        )
        self._save_button.setDefault(True)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("SettingsDialog", "Cancel"))
        cancel.setObjectName("cancelButton")
        cancel.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Cancel"))
        cancel.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog", "Closes without saving any change; Escape does the same."
            )
        )
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        return box

    def _preferences(self) -> QSettings:
        """window.ini, the window's preferences beside config.json in the config folder (as the window opens it)."""
        return QSettings(str(self._store.path.parent / "window.ini"), QSettings.Format.IniFormat)

    def _build_language_row(self) -> QHBoxLayout:
        """The window's language: the system's, or one ccdesk speaks, named in its own language."""
        row = QHBoxLayout()
        self._language_input = QComboBox()
        self._language_input.setObjectName("languageInput")
        self._language_input.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Language"))
        self._language_input.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsDialog",
                "The language of ccdesk's window; System default follows the computer's. Takes effect the next "
                "time ccdesk starts.",
            )
        )
        self._language_input.addItem(QCoreApplication.translate("SettingsDialog", "System default"), "")
        for code, name in LANGUAGES.items():
            self._language_input.addItem(name, code)  # not translated: each language in its own words
        stored = str(self._preferences().value(PREFERENCE, "") or "")
        self._language_input.setCurrentIndex(max(self._language_input.findData(stored), 0))
        note = QLabel(
            QCoreApplication.translate("SettingsDialog", "Takes effect the next time ccdesk starts.")
        )
        note.setObjectName("languageNote")
        note.setWordWrap(True)
        set_role(note, "hint")
        row.addWidget(
            self._buddy(QCoreApplication.translate("SettingsDialog", "Lan&guage:"), self._language_input)
        )
        row.addWidget(self._language_input)
        row.addWidget(note, 1)
        return row

    def _line_edit(self, object_name: str, accessible: str, description: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setAccessibleName(accessible)
        edit.setAccessibleDescription(description)
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
        error = self._message_label(
            f"{widget.objectName().removesuffix('Input')}Error",
            QCoreApplication.translate("SettingsDialog", "{field}: problem").format(
                field=widget.accessibleName()
            ),
        )
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
        self._profile_list.addItem(
            QListWidgetItem(entry.profile.name or QCoreApplication.translate("SettingsDialog", "(unnamed)"))
        )
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
                QCoreApplication.translate(
                    "SettingsDialog",
                    "{profile} is the profile ccdesk is running on now (the demo's, in memory): it is shown here, "
                    "and not saved. Add a real profile with Add.",
                ).format(profile=entry.profile.name),
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
        while combo.count() > len(REGIONS) + 2:  # none, the regions, other host
            combo.removeItem(combo.count() - 1)
        index = combo.findData(choice)
        if index < 0:
            combo.addItem(
                QCoreApplication.translate("SettingsDialog", "{region} (not an 8x8 region)").format(
                    region=choice
                ),
                choice,
            )
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
        self._profile_list.currentItem().setText(
            entry.profile.name or QCoreApplication.translate("SettingsDialog", "(unnamed)")
        )
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
                    QCoreApplication.translate(
                        "SettingsDialog",
                        "The platform code is in your Configuration Manager address (such as na12).",
                    ),
                    "hint",
                )
            return
        said = QCoreApplication.translate("SettingsDialog", "Requests go to {url}.").format(url=url)
        self._show_message(self._location_hint, f"{said} {note}" if note else said, "hint")

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
        self._stream_topic_input.setPlaceholderText(
            QCoreApplication.translate("SettingsDialog", "{topic} (default)").format(topic=default)
        )
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
        self._show_message(
            self._stream_hint,
            QCoreApplication.translate("SettingsDialog", "Events are read from {url}, topic {topic}.").format(
                url=url, topic=topic
            ),
            "hint",
        )

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
            QCoreApplication.translate(
                "SettingsDialog",
                "Remove the stream key stored for tenant {tenant} when you save. It serves every profile of this "
                "tenant.",
            ).format(tenant=tenant)
            if stored
            else QCoreApplication.translate("SettingsDialog", "No stream key is stored for this tenant.")
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
            QCoreApplication.translate(
                "SettingsDialog",
                "The stream key of tenant {tenant} is removed from the OS keyring when you save; Cancel keeps it.",
            ).format(tenant=tenant),
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
        self._show_stream_key.setText(
            QCoreApplication.translate("SettingsDialog", "&Hide")
            if shown
            else QCoreApplication.translate("SettingsDialog", "S&how")
        )
        self._show_stream_key.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Hide stream key")
            if shown
            else QCoreApplication.translate("SettingsDialog", "Show stream key")
        )

    def _on_show_token(self, shown: bool) -> None:
        self._token_input.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._show_token.setText(
            QCoreApplication.translate("SettingsDialog", "&Hide")
            if shown
            else QCoreApplication.translate("SettingsDialog", "S&how")
        )
        self._show_token.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "Hide token")
            if shown
            else QCoreApplication.translate("SettingsDialog", "Show token")
        )

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
                if not list_id.lstrip("-").isdigit():
                    raise InvalidInput(
                        QCoreApplication.translate("SettingsDialog", "the list id must be a whole number")
                    )
                if not item_id.lstrip("-").isdigit():
                    raise InvalidInput(
                        QCoreApplication.translate("SettingsDialog", "the item id must be a whole number")
                    )
                codes.append(StatusCode(int(list_id), int(item_id), short, name))
            except InvalidInput as exc:
                problems.append(
                    QCoreApplication.translate("SettingsDialog", "Status code row {row}: {problem}.").format(
                        row=row + 1, problem=exc.message.rstrip(".")
                    )
                )
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
        self._add_entry(
            _Entry(
                Profile(name=self._unique_name(QCoreApplication.translate("SettingsDialog", "New profile")))
            )
        )

    def _duplicate_profile(self) -> None:
        entry = self._current
        if entry is None:
            return
        copy_name = QCoreApplication.translate("SettingsDialog", "{profile} copy").format(
            profile=entry.profile.name
        )
        profile = replace(copy.deepcopy(entry.profile), name=self._unique_name(copy_name))
        self._add_entry(replace(entry, profile=profile, token="", stream_key="", remove_stream_key=""))

    def _remove_profile(self) -> None:
        entry = self._current
        if entry is None:
            return
        question = QCoreApplication.translate(
            "SettingsDialog",
            "Remove the profile '{profile}'? It is gone when the settings are saved; a token stored for its login "
            "stays in the keyring for other profiles.",
        ).format(profile=entry.profile.name)
        if not confirm(self, QCoreApplication.translate("SettingsDialog", "Remove profile"), question):
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
            self,
            QCoreApplication.translate("SettingsDialog", "Import transaction-code catalog"),
            "",
            QCoreApplication.translate("SettingsDialog", "Catalog files (*.json);;All files (*)"),
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
                self._errors["catalog"],
                QCoreApplication.translate(
                    "SettingsDialog", "Catalog file {path} cannot be read ({error})."
                ).format(path=path, error=exc),
                "error",
            )
            return
        entry.catalog_text, entry.catalog_source = text, path
        count = len(catalog.lists)  # a plain name: lupdate skips a translate() whose count is a call
        self._show_message(
            self._errors["catalog"],
            QCoreApplication.translate(
                "SettingsDialog", "%n code list(s) found; a copy is kept on Save.", None, count
            ),
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
            text = QCoreApplication.translate("SettingsDialog", "{path} (copied on save)").format(
                path=entry.catalog_source
            )
        else:
            text = entry.profile.catalog_file or QCoreApplication.translate(
                "SettingsDialog", "None: codes are entered by number, as LIST:ITEM."
            )
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
                found.append(
                    ("name", QCoreApplication.translate("SettingsDialog", "Give the profile a name."))
                )
            elif profile.name.casefold() in others:
                found.append(
                    (
                        "name",
                        QCoreApplication.translate(
                            "SettingsDialog", "Another profile is already called '{profile}'."
                        ).format(profile=profile.name),
                    )
                )
        try:
            api_location(profile)
        except InvalidInput as exc:
            found.append(("location", exc.message))
        if not profile.tenant:
            found.append(
                ("tenant", QCoreApplication.translate("SettingsDialog", "The tenant name is required."))
            )
        if connection_only:
            return found
        if not profile.agent_id:
            found.append(
                (
                    "agent",
                    QCoreApplication.translate("SettingsDialog", "The agent's Internal Id is required."),
                )
            )
        found.extend(self._stream_problems(entry))
        if profile.region not in phonenumbers.SUPPORTED_REGIONS:
            found.append(
                (
                    "region",
                    QCoreApplication.translate(
                        "SettingsDialog", "'{region}' is not a region code: use two letters such as US."
                    ).format(region=profile.region),
                )
            )
        for key, _name in _TABLES:
            nameless = self._table_choices(self._tables[key])[1] if entry is self._current else []
            if nameless:
                found.append((key, nameless_rows_message(key, nameless)))
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
        tenant = profile.tenant or QCoreApplication.translate("SettingsDialog", "this tenant")
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
                            QCoreApplication.translate(
                                "SettingsDialog",
                                "This is the Action Request Token, which the calls use; the event stream needs "
                                "the Data Request Token or an Admin Console key (eght_…).",
                            ),
                        )
                    )
        elif not self._stream_key_available(entry):
            removed = profile.tenant and entry.remove_stream_key == profile.tenant
            found.append(
                (
                    "stream_key",
                    QCoreApplication.translate(
                        "SettingsDialog",
                        "Paste the stream key: the one stored for {tenant} is removed on Save.",
                    ).format(tenant=tenant)
                    if removed
                    else QCoreApplication.translate(
                        "SettingsDialog", "Paste the stream key: none is stored for {tenant}."
                    ).format(tenant=tenant),
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
        self._test_button.setText(QCoreApplication.translate("SettingsDialog", "Testing…"))
        self._result_icon.clear()
        self._show_message(
            self._result_label,
            QCoreApplication.translate("SettingsDialog", "Testing the connection as {user}…").format(
                user=profile.effective_username
            ),
            "hint",
        )
        try:
            self._tester(profile, entry.token or None, self._on_checked)
        except Exception as exc:  # an injected tester must not take the dialog down
            detail = exc.message if isinstance(exc, CCDeskError) else str(exc) or type(exc).__name__
            self._on_checked(
                ConnectionCheck(
                    CheckOutcome.FAILED,
                    QCoreApplication.translate("SettingsDialog", "The test could not start: {detail}").format(
                        detail=detail
                    ),
                )
            )

    def _on_checked(self, check: ConnectionCheck) -> None:
        """Show the answer, unless the dialog has closed, another profile is on screen, or it came twice."""
        if self._finished or self._testing is None:
            return
        tested, self._testing = self._testing, None
        self._test_button.setEnabled(True)
        self._test_button.setText(QCoreApplication.translate("SettingsDialog", "&Test connection"))
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
            problems.append(
                ("tenant", QCoreApplication.translate("SettingsDialog", "The tenant name is required."))
            )
        if not profile.stream_topic and not profile.agent_id:
            problems.append(
                (
                    "agent",
                    QCoreApplication.translate(
                        "SettingsDialog",
                        "The agent's Internal Id is required: the stream reads the agent's topic.",
                    ),
                )
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
        self._test_stream_button.setText(QCoreApplication.translate("SettingsDialog", "Testing…"))
        self._show_message(
            self._stream_result_label,
            QCoreApplication.translate("SettingsDialog", "Connecting to {host} for {topic}…").format(
                host=endpoint.host, topic=endpoint.topic
            ),
            "hint",
        )
        try:
            self._stream_tester(endpoint, entry.stream_key or None, self._on_stream_checked)
        except Exception as exc:  # an injected tester must not take the dialog down
            detail = exc.message if isinstance(exc, CCDeskError) else str(exc) or type(exc).__name__
            self._on_stream_checked(
                StreamStatus(
                    StreamState.FAILED,
                    QCoreApplication.translate("SettingsDialog", "the test could not start: {detail}").format(
                        detail=detail
                    ),
                )
            )

    def _on_stream_checked(self, status: StreamStatus) -> None:
        """Show the outcome, unless the dialog has closed, another profile is on screen, or it came twice."""
        if self._finished or self._stream_testing is None:
            return
        (tested, endpoint), self._stream_testing = self._stream_testing, None
        self._test_stream_button.setText(QCoreApplication.translate("SettingsDialog", "Test strea&m"))
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
            self._save_language()
            # Tokens next: when the keyring refuses, no profile is written and the dialog stays open.
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
            self._show_message(
                self._form_message,
                QCoreApplication.translate(
                    "SettingsDialog", "The settings could not be saved: {error}"
                ).format(error=exc),
                "error",
            )
            return
        self._chosen = chosen
        self.accept()

    def _save_language(self) -> None:
        """Keep the language choice in window.ini, read at the next start; ConfigurationError when it cannot be."""
        preferences = self._preferences()
        preferences.setValue(PREFERENCE, str(self._language_input.currentData() or ""))
        preferences.sync()
        if preferences.status() != QSettings.Status.NoError:
            raise ConfigurationError(
                QCoreApplication.translate(
                    "SettingsDialog",
                    "The language could not be saved in {path}, so nothing was saved: check that this folder can "
                    "be written to.",
                ).format(path=preferences.fileName())
            )

    def _store_token(self, account: str, token: str) -> None:
        """The OS keyring keeps the token; without one, the agent may keep it for this session only."""
        try:
            self._credentials.set(account, token)
        except ConfigurationError as exc:
            keep = getattr(self._credentials, "keep_for_session", None)
            if keep is None or not confirm(
                self,
                QCoreApplication.translate(
                    "SettingsDialog", "No OS keyring: use the token for this session only?"
                ),
                QCoreApplication.translate(
                    "SettingsDialog",
                    "This computer has no secure OS keyring, so ccdesk cannot store the Action Request Token. "
                    "ccdesk can keep it in memory until you quit: you will be asked for it again at the next "
                    "start (or set CCDESK_TOKEN).\n\nUse the token for this session only?",
                ),
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
            reason = (
                str(exc.__cause__)
                if exc.__cause__ is not None
                else QCoreApplication.translate("SettingsDialog", "no secure OS keyring is available")
            )
            if key is None:
                text = QCoreApplication.translate(
                    "SettingsDialog",
                    "The event stream key for tenant {tenant} could not be removed from the OS keyring ({reason}), "
                    "so nothing was saved.",
                )
            else:
                text = QCoreApplication.translate(
                    "SettingsDialog",
                    "The event stream key for tenant {tenant} could not be stored in the OS keyring ({reason}), so "
                    "nothing was saved. Set {variable} to the key instead (never on a command line).",
                )
            raise ConfigurationError(
                text.format(tenant=tenant, reason=reason, variable=STREAM_KEY_ENV)
            ) from exc

    def _try_demo(self) -> None:
        self.demo_requested.emit()
        self.done(DEMO_RESULT)

    def done(self, result: int) -> None:
        """Mark the dialog finished so a late connection-test answer is ignored."""
        self._finished = True
        super().done(result)
