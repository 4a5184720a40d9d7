"""The composition root: parses `ccdesk`'s arguments and wires profile, client, journal, simulator and window.

`create_main_window(argv)` builds exactly what `ccdesk ARGS` would show, so tests and embedding hosts drive the
real thing. `--demo` wires the embedded simulator (in-process, nothing listens on a port) and an in-memory
journal; `--self-test` then drives the window through a whole call and exits 0 or 1.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ccdesk import __version__
from ccdesk.api.errors import CCDeskError, ConfigurationError
from ccdesk.api.models import StatusCode
from ccdesk.api.redact import install_redaction
from ccdesk.api.words import translate
from ccdesk.core.codes import Catalog, load_catalog, parse_catalog
from ccdesk.core.credentials import (
    CredentialStore,
    MemoryStore,
    MissingTokenError,
    resolve_token,
    session_store,
)
from ccdesk.core.help_words import HelpWords, TranslatedParser, asks_for_help, help_words, system_language
from ccdesk.core.instance import Inbox, InstanceServer, hand_off, hold_app_mutex
from ccdesk.core.journal import Journal
from ccdesk.core.local_files import LocalFileError, move_aside, os_problem_words
from ccdesk.core.paths import AppDirs, app_dirs, make_private_dir, restrict_umask
from ccdesk.core.profiles import Choice, Config, Profile, ProfileStore
from ccdesk.core.settings import make_client, resolve_settings
from ccdesk.ui.i18n import LANGUAGES
from ccdesk.ui.session import Session

if TYPE_CHECKING:
    import httpx

    from ccdesk.api.client import CCClient
    from ccdesk.core.stream_settings import StreamSettings
    from ccdesk.ui.qt import QWidget

log = logging.getLogger("ccdesk")

DEMO_AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
DEMO_TOKEN = "demo-token"  # what the simulator accepts by default (ccdesk.sim.app.DEMO_TOKEN)
#: a demo call rings this long before the customer answers: time to try Demo > "not answered"
DEMO_RING_SECONDS = 15.0
DEMO_BASE_URL = "http://127.0.0.1/api/v1"  # never dialled: the simulator's transport answers in-process
DEMO_READ_TIMEOUT = 5.0  # so the Demo menu's "Timeout" fault shows its message in seconds, not 15


def build_parser(words: HelpWords | None = None) -> argparse.ArgumentParser:
    """`ccdesk`'s arguments, with help in the language of `words` (English by default)."""
    w = words or HelpWords({})
    parser = TranslatedParser(
        prog="ccdesk",
        description=w.translate("WindowHelp", "ccdesk: the 8x8 Contact Center agent window."),
        words=w,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ccdesk {__version__}",
        help=w.translate("Help", "show the version and exit"),
    )
    parser.add_argument("--profile", help=w.translate("Help", "saved profile to use [CCDESK_PROFILE]"))
    parser.add_argument("--platform", help=w.translate("Help", "platform code, e.g. na12 [CCDESK_PLATFORM]"))
    parser.add_argument(
        "--base-url", help=w.translate("WindowHelp", "API base URL; http only for loopback [CCDESK_BASE_URL]")
    )
    parser.add_argument("--tenant", help=w.translate("Help", "tenant name [CCDESK_TENANT]"))
    parser.add_argument("--username", help=w.translate("WindowHelp", "Basic-auth username [CCDESK_USERNAME]"))
    parser.add_argument("--agent", help=w.translate("Help", "the agent's Internal Id [CCDESK_AGENT]"))
    parser.add_argument(
        "--home", help=w.translate("WindowHelp", "keep all ccdesk files under this folder [CCDESK_HOME]")
    )
    parser.add_argument(
        "--stream-url",
        help=w.translate(
            "WindowHelp",
            "8x8 event stream scheme and host, e.g. wss://pulsar-ws-use1.8x8.com [CCDESK_STREAM_URL]",
        ),
    )
    parser.add_argument(
        "--stream-region",
        help=w.translate("WindowHelp", "event stream region: uk3, us1 or us2 [CCDESK_STREAM_REGION]"),
    )
    parser.add_argument(
        "--no-stream",
        action="store_true",
        help=w.translate(
            "WindowHelp",
            "do not follow 8x8's event stream: the window learns only from its own requests' answers",
        ),
    )
    parser.add_argument(
        "--timeout", type=float, help=w.translate("WindowHelp", "read timeout in seconds (default 15)")
    )
    parser.add_argument(
        "--demo", action="store_true", help=w.translate("WindowHelp", "run against the built-in simulator")
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=w.translate(
            "WindowHelp", "drive a whole call through the window against the simulator, then exit 0 or 1"
        ),
    )
    parser.add_argument(
        "--sim-fault",
        metavar="KIND[:STATUS]",
        help=w.translate(
            "WindowHelp", "demo/self-test: make every simulated request fail (e.g. status:500, drop)"
        ),
    )
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        default="system",
        help=w.translate("WindowHelp", "light or dark, or as the system is (default)"),
    )
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        help=w.translate("WindowHelp", "the window's language (default: Settings, else the system's)"),
    )
    parser.add_argument(
        "--supervisor",
        action="store_true",
        help=w.translate("WindowHelp", "open the supervisor console (no agent needed)"),
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=w.translate("WindowHelp", "log every request (redacted) on stderr"),
    )
    parser.add_argument(
        "--dial",
        metavar="NUMBER",
        help=w.translate("WindowHelp", "put NUMBER in the dial field of the (running) window"),
    )
    parser.add_argument(
        "link",
        nargs="?",
        help=w.translate("WindowHelp", "a tel:, callto: or ccdesk: link to dial (see README)"),
    )
    return parser


def _help_language(argv: Sequence[str]) -> str:
    """`ccdesk --help`'s language: --lang's (given before --help), else the system's."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return system_language()


def handoff_message(args: argparse.Namespace) -> str:
    """What a launch hands to the running window: its link or number, 'supervisor', or just 'show'."""
    return args.link or args.dial or ("supervisor" if args.supervisor else "show")


def sample_catalog() -> Catalog:
    source = files("ccdesk.resources").joinpath("transaction-codes.sample.json")
    return parse_catalog(json.loads(source.read_text(encoding="utf-8")), "sample catalog")


def _catalog_for(profile: Profile, problems: list[LocalFileError]) -> Catalog:
    """The profile's code catalog; one that cannot be read is said (codes then show as LIST:ITEM)."""
    if not profile.catalog_file:
        return Catalog()
    try:
        return load_catalog(profile.catalog_file)
    except ConfigurationError as exc:
        log.warning("catalog not loaded: %s", exc)
        problems.append(
            exc
            if isinstance(exc, LocalFileError)
            else LocalFileError(
                profile.catalog_file,
                "transaction-code catalog",
                f"cannot be used: {exc}",
                remedy="Codes show as LIST:ITEM until the catalog is fixed or imported again in Settings.",
            )
        )
        return Catalog()


def demo_session(dirs: AppDirs, profiles: ProfileStore, args: argparse.Namespace) -> Session:
    """The embedded simulator with a demo profile that knows its queues, caller ids and dial plans by name.

    The profile is read from the simulator's tenant file; the simulator itself is built on first use (the first
    request, after the window has painted).
    """
    from ccdesk.sim.state import load_scenario

    tenant = load_scenario()
    profile = Profile(
        name="demo",
        base_url=DEMO_BASE_URL,
        tenant=tenant["tenant"],
        username=tenant.get("username") or tenant["tenant"],
        agent_id=DEMO_AGENT,
        region="US",
        caller_ids=[Choice(c["number"], c.get("name", "")) for c in tenant.get("caller_ids", [])],
        queues=[Choice(q["id"], q.get("name", "")) for q in tenant.get("queues", [])],
        dial_plans=[Choice(d["id"], d.get("name", "")) for d in tenant.get("dial_plans", [])],
        status_codes=[
            StatusCode(lst["id"], item["id"], item["short_code"], item.get("name", ""))
            for lst in tenant.get("status_code_lists", [])
            for item in lst.get("items", [])
        ],
    )
    settings = resolve_settings({"profile": "demo"}, _single(profile), {})
    store = MemoryStore({settings.account: DEMO_TOKEN})

    def simulator() -> Any:
        from ccdesk.sim.app import Simulator

        made = Simulator(history=True)  # a working day in: the supervisor's Stuck view has agents to show
        made.state.ring_seconds = DEMO_RING_SECONDS
        if args.sim_fault:
            kind, _, status = args.sim_fault.partition(":")
            options: dict[str, object] = {"rate": 1.0}
            if status:
                options["status"] = int(status)
            made.add_fault(kind, **options)
        return made

    session = Session(
        settings,
        profile,
        lambda: make_client(
            settings,
            store,
            env={},
            transport=_sim_transport(session.simulator),
            read_timeout=args.timeout or DEMO_READ_TIMEOUT,
        ),
        Journal(":memory:"),
        sample_catalog(),
        store,
        profiles,
        dirs,
        simulator_factory=simulator,
    )
    if not args.no_stream:  # one stream server for the window and the supervisor console
        session.stream_factory = functools.cache(
            partial(_demo_stream, session, settings.tenant, settings.agent_id)
        )
    return session


def _demo_stream(session: Session, tenant: str, agent: str) -> StreamSettings:
    """The simulator's event stream on a loopback port, read like 8x8's (the demo's 'Live' is real)."""
    from ccdesk.api.stream import endpoint_for
    from ccdesk.core.stream_settings import DEFAULT_TOPIC, StreamSettings
    from ccdesk.sim.stream import serve_stream

    server = serve_stream(session.simulator)
    session.cleanups.append(server.stop)
    topic = DEFAULT_TOPIC.format(agent_id=agent)
    return StreamSettings(endpoint_for(tenant=tenant, topic=topic, url=server.url), server.key, topic)


def _sim_transport(simulator: Any) -> httpx.BaseTransport:
    from ccdesk.sim.transport import SimTransport

    return SimTransport(simulator)


def _single(profile: Profile):  # type: ignore[no-untyped-def]
    from ccdesk.core.profiles import Config

    return Config(profiles={profile.name: profile}, default_profile=profile.name)


def real_session(
    dirs: AppDirs,
    profiles: ProfileStore,
    store: CredentialStore,
    options: dict[str, object],
    transport: httpx.BaseTransport | None = None,
    timeout: float | None = None,
    *,
    agent_required: bool = True,
) -> Session:
    """A session for the profile/options/environment, as `ccdesk-cli` would resolve them.

    A settings file that cannot be read is no reason to stop when the options and environment say where to
    connect: the window starts and shows the problem. Otherwise its LocalFileError goes to `main`, which offers
    to move it aside.
    """
    problems: list[LocalFileError] = []
    try:
        config = profiles.load()
    except LocalFileError as exc:
        if options.get("profile") or os.environ.get("CCDESK_PROFILE"):
            raise
        config = Config()
        problems.append(exc)
    if config.problems:
        problems.append(
            LocalFileError(
                profiles.path,
                "settings",
                translate("App", "has values ccdesk skipped: {problems}").format(
                    problems="; ".join(config.problems)
                ),
                remedy=translate(
                    "App",
                    "Correct them in Settings (the file is backed up before ccdesk saves it) or in the file.",
                ),
            )
        )
    try:
        settings = resolve_settings(options, config, os.environ)  # type: ignore[arg-type]
    except ConfigurationError:
        broken = [p for p in problems if p.path == profiles.path and p.can_move_aside]
        if broken:  # nothing else says where to connect: the unreadable settings file is the problem
            raise broken[0] from None
        raise
    if agent_required:
        settings.require_agent()
    profile = settings.profile or Profile(
        name="", tenant=settings.tenant, agent_id=settings.agent_id, region=settings.region
    )
    token = resolve_token(
        store, settings.account, os.environ
    )  # a missing token is said before the window opens

    def client() -> CCClient:
        env = {"CCDESK_TOKEN": token}
        return make_client(settings, store, env=env, transport=transport, read_timeout=timeout)

    def reconnect(name: str) -> Session:
        return real_session(
            dirs,
            profiles,
            store,
            {"profile": name, "no_stream": options.get("no_stream")},
            transport,
            timeout,
        )

    def stream() -> StreamSettings | None:
        from ccdesk.core.stream_settings import resolve_stream_settings

        wanted = {k: options.get(k) for k in ("stream_url", "stream_region")}
        return resolve_stream_settings(settings, store, options=wanted, env=os.environ)  # type: ignore[arg-type]

    journal = Journal(dirs.journal_file, tolerant=True)  # the window starts anyway and says what is wrong
    if journal.problem is not None:
        problems.append(journal.problem)
    return Session(
        settings,
        profile,
        client,
        journal,
        _catalog_for(profile, problems),
        store,
        profiles,
        dirs,
        reconnect=reconnect,
        problems=problems,
        stream_factory=None if options.get("no_stream") else stream,
    )


def _configure_logging(dirs: AppDirs, verbose: bool, secrets: Sequence[str]) -> LocalFileError | None:
    """The log file (and stderr with -v); a log folder that cannot be written is returned, to be said."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_ccdesk", False)]:  # a new session: its own log file
        root.removeHandler(old)
        old.close()
    from ccdesk.core.diagnostics import PrivateLogHandler  # rotated at 1 MB, every file 0600

    handlers: list[logging.Handler] = []
    problem: LocalFileError | None = None
    path = dirs.logs / "ccdesk.log"
    try:
        make_private_dir(dirs.logs)
        handlers.append(PrivateLogHandler(path))
    except OSError as exc:
        problem = LocalFileError(
            path,
            "log",
            translate("App", "{problem}, so nothing is logged").format(problem=os_problem_words(exc)),
            remedy=translate(
                "App",
                "Calls still work. Free disk space or fix the folder's permissions, then restart ccdesk.",
            ),
        )
    if verbose:
        handlers.append(logging.StreamHandler(sys.stderr))
    for h in handlers:
        h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        install_redaction(h, *[s for s in secrets if s])
        h._ccdesk = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.raiseExceptions = False  # a log line lost to a full disk is not worth a traceback on stderr
    return problem


def create_main_window(
    argv: Sequence[str] | None = None,
    *,
    store: CredentialStore | None = None,
    transport: httpx.BaseTransport | None = None,
):  # type: ignore[no-untyped-def]
    """Build, show and return the fully wired main window for `ccdesk ARGV` (a QApplication must exist)."""
    from ccdesk.ui.main_window import MainWindow

    args, session = _session_for(argv, store, transport, agent_required=True)
    window = MainWindow(session)
    window.when_painted(lambda: window.show_file_problem(start_logging(args, session)))
    window.show()
    if args.link or args.dial:
        window.handle_link(handoff_message(args))
    return window


def create_supervisor_window(
    argv: Sequence[str] | None = None,
    *,
    store: CredentialStore | None = None,
    transport: httpx.BaseTransport | None = None,
):  # type: ignore[no-untyped-def]
    """`ccdesk --supervisor ARGV`: the supervisor console alone (a supervisor need not be an agent)."""
    from ccdesk.ui.supervisor import SupervisorWindow

    args, session = _session_for(argv, store, transport, agent_required=False)
    start_logging(args, session)
    window = SupervisorWindow(session)
    window.show()
    return window


def _check_tls_trust() -> None:
    """CCDESK_TLS_TRUST is read at each connection; a bad value stops the start once, in words, instead."""
    from ccdesk.api.tls import trust_choice

    trust_choice()


def _session_for(
    argv: Sequence[str] | None,
    store: CredentialStore | None,
    transport: httpx.BaseTransport | None,
    *,
    agent_required: bool,
) -> tuple[argparse.Namespace, Session]:
    """Parse ARGV, theme the application, and build the session (demo or real) with logging in place."""
    from ccdesk.ui.qt import QApplication
    from ccdesk.ui.theme import apply_theme

    args = build_parser().parse_args(list(argv or []))
    if not args.demo:
        _check_tls_trust()  # ConfigurationError: "ccdesk cannot start", with the variable and its values
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("ccdesk's windows need a QApplication")
    apply_theme(app, args.theme)  # type: ignore[arg-type]
    dirs = app_dirs(args.home)
    try:
        dirs.ensure()
        unmade: list[LocalFileError] = []
    except LocalFileError as exc:  # read-only or taken: the window starts anyway and says so
        unmade = [exc]
    profiles = ProfileStore(dirs.config_file)
    if args.demo or args.self_test:
        session = demo_session(dirs, profiles, args)
    else:
        options = {
            k: getattr(args, k)
            for k in (
                "profile",
                "platform",
                "base_url",
                "tenant",
                "username",
                "agent",
                "stream_url",
                "stream_region",
                "no_stream",
            )
        }
        session = real_session(
            dirs,
            profiles,
            store or session_store(),
            options,
            transport,
            args.timeout,
            agent_required=agent_required,
        )
    session.problems[:0] = unmade
    return args, session


def start_logging(args: argparse.Namespace, session: Session) -> LocalFileError | None:
    """The log file (and stderr with -v), redacting the session's token: wired after the first paint.

    Returns the problem when the log file cannot be written, for the window to say.
    """
    from ccdesk.core.credentials import STREAM_KEY_ENV, resolve_stream_key

    secrets = [os.environ.get("CCDESK_TOKEN", ""), os.environ.get(STREAM_KEY_ENV, "")]
    with contextlib.suppress(ConfigurationError):  # no token yet: nothing to redact
        secrets.append(resolve_token(session.store, session.settings.account, os.environ))
    if session.stream_factory is not None and not session.is_demo:
        with contextlib.suppress(ConfigurationError):  # the event stream's key, when one is stored
            secrets.append(resolve_stream_key(session.store, session.settings.tenant, os.environ) or "")
    return _configure_logging(session.dirs, args.verbose, secrets)


START_IN_DEMO = "startInDemo"  # window.ini: the first start chose "Try the demo"; it is not asked again


def _start_choice(args: argparse.Namespace) -> Any:
    from ccdesk.ui.qt import QSettings

    return QSettings(str(app_dirs(args.home).config / "window.ini"), QSettings.Format.IniFormat)


def _first_run(args: argparse.Namespace, *, first_run: bool = True) -> str | None:
    """No profile yet (or no token for it): the settings dialog, with 'Try the demo' beside it on a first run.
    Returns 'demo', 'profile' or None."""
    from ccdesk.ui.settings_dialog import SettingsDialog

    dirs = app_dirs(args.home)
    with contextlib.suppress(LocalFileError):  # a folder that cannot be made is said when saving fails
        dirs.ensure()
    choice: list[str] = []
    dialog = SettingsDialog(
        ProfileStore(dirs.config_file),
        session_store(),
        _offline_tester,
        None,
        first_run=first_run,
        catalogs_dir=dirs.config / "catalogs",
    )
    dialog.demo_requested.connect(lambda: choice.append("demo"))
    accepted = dialog.exec()
    if choice:
        return "demo"
    return "profile" if accepted else None


def _offline_tester(profile, token, callback) -> None:  # type: ignore[no-untyped-def]
    """Before the window exists: test the connection on a plain thread; the answer reaches the GUI thread."""
    import threading

    from ccdesk.core.connection_check import CheckOutcome, ConnectionCheck, check_connection
    from ccdesk.core.settings import client_for_profile
    from ccdesk.ui.agent_states import state_words
    from ccdesk.ui.bridge import to_gui

    try:
        client = client_for_profile(profile, token, session_store())
    except CCDeskError as exc:
        callback(ConnectionCheck(CheckOutcome.FAILED, str(exc)))
        return

    def work() -> None:
        try:
            with client:
                checked = check_connection(client, profile.agent_id, state_words)
        except Exception as exc:  # a bug must not leave the dialog waiting: it is logged and said
            log.exception("connection test failed")
            checked = ConnectionCheck(
                CheckOutcome.FAILED,
                translate("App", "The test failed inside ccdesk ({error}).").format(error=type(exc).__name__),
            )
        to_gui(partial(callback, checked))

    threading.Thread(target=work, name="ccdesk-connection-test", daemon=True).start()


def _needs_first_run(args: argparse.Namespace) -> bool:
    if (
        args.demo
        or args.self_test
        or args.base_url
        or args.platform
        or os.environ.get("CCDESK_PLATFORM")
        or os.environ.get("CCDESK_BASE_URL")
    ):
        return False
    try:
        config = ProfileStore(app_dirs(args.home).config_file).load()
    except ConfigurationError:
        return False
    return not config.profiles


def _say(icon: Any, title: str, text: str) -> None:
    """A modal message before (or instead of) the window, in plain text: file names and errors are data."""
    from ccdesk.ui.qt import QMessageBox, Qt

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _offer_fresh_start(error: LocalFileError) -> bool:
    """ccdesk cannot start with this file: offer to move it aside (kept as a backup) and set up again."""
    from ccdesk.ui.qt import QCoreApplication, QMessageBox, Qt

    title = QCoreApplication.translate("App", "ccdesk cannot read its settings")
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(error))
    box.setObjectName("startupProblem")
    box.setAccessibleName(title)
    box.setAccessibleDescription(
        QCoreApplication.translate(
            "App", "Move the unreadable file aside and set up again, or quit and leave it as it is"
        )
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate(
            "App",
            "Move it aside and set up again? The file is kept beside it as a backup, so nothing is lost.",
        )
    )
    move = box.addButton(
        QCoreApplication.translate("App", "Move aside and set up again"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(move)
    box.exec()
    if box.clickedButton() is not move:
        return False
    try:
        backup = move_aside(error.path)
    except LocalFileError as exc:
        _say(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "ccdesk cannot start"),
            f"{exc}\n\n{exc.remedy}",
        )
        return False
    log.warning("moved %s aside to %s", error.path, backup)
    return True


def without_process_serial(argv: list[str]) -> list[str]:
    """argv without macOS's process serial number: Finder may start a downloaded app with `-psn_0_1234567`,
    which argparse refuses ("unrecognized arguments"), so the first launch quit before any window opened."""
    end = argv.index("--") if "--" in argv else len(argv)  # after "--" everything is the link, kept as it is
    return [arg for arg in argv[:end] if not arg.startswith("-psn_")] + argv[end:]


def display_problem(
    env: Mapping[str, str], platform: str, find: Callable[[str], str | None] | None = None
) -> str:
    """Why the window cannot open on this Linux session, in words with the way out ("" when it can)."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM", "") not in ("", "xcb"):
        return ""
    if env.get("WAYLAND_DISPLAY") and not env.get("QT_QPA_PLATFORM"):
        return ""
    if not env.get("DISPLAY"):
        return (
            "there is no display to show the window on (DISPLAY is not set). Run ccdesk in a desktop session, "
            "or use ccdesk-cli, which needs no display."
        )
    import ctypes.util

    if (find or ctypes.util.find_library)("xcb-cursor") is None:
        return (
            "Qt needs the X library libxcb-cursor0 to show the window, and it is not installed. Install it "
            "(Debian, Ubuntu: sudo apt-get install libxcb-cursor0; Fedora: sudo dnf install xcb-util-cursor), "
            "then start ccdesk again."
        )
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    """`ccdesk`: the window, or a hand-off of a link to the window already running for this user."""
    restrict_umask()  # every file and folder made from here on is the user's alone (SECURITY.md)
    argv = without_process_serial(list(sys.argv[1:] if argv is None else argv))
    args = build_parser(help_words(_help_language(argv)) if asks_for_help(argv) else None).parse_args(argv)
    dirs = app_dirs(args.home)
    if not args.self_test and hand_off(dirs.data, handoff_message(args)):
        return 0  # handed to the running window before Qt is even imported: exits in a blink
    if sys.platform == "win32":
        hold_app_mutex()  # the installer waits for ccdesk to close instead of leaving DLLs in use
    inbox = Inbox()
    listener = _listen(args, dirs, inbox)  # before the window: a link clicked during start-up comes here
    try:
        return _start(args, argv, dirs, inbox, listener)
    finally:
        if isinstance(listener, InstanceServer):
            listener.stop()


def _listen(args: argparse.Namespace, dirs: AppDirs, inbox: Inbox) -> InstanceServer | LocalFileError | None:
    """The hand-off listener of the agent window (the self-test and the supervisor console take no links)."""
    if args.self_test or args.supervisor:
        return None
    try:
        return InstanceServer(dirs.data, inbox.put)
    except LocalFileError as exc:  # the window says so once it is there
        return LocalFileError(
            exc.path,
            exc.kind,
            translate(
                "App",
                "{problem}: links from other launches (tel: links, ccdesk --dial) cannot reach this window",
            ).format(problem=exc.problem),
            remedy=exc.remedy,
        )


def _start(
    args: argparse.Namespace,
    argv: list[str],
    dirs: AppDirs,
    inbox: Inbox,
    listener: InstanceServer | LocalFileError | None,
) -> int:
    """Qt, then the first run or the window; links that came meanwhile wait in `inbox`."""
    from ccdesk.core.diagnostics import enable_fault_log

    enable_fault_log(dirs.logs)  # before Qt starts: a crash in Qt's start-up or the first-run dialog is kept
    problem = display_problem(os.environ, sys.platform)
    if problem:  # before Qt: its own abort ("xcb-cursor0 ... is needed") names neither the cause nor the fix
        print(f"ccdesk: {problem}", file=sys.stderr)
        return 2
    from ccdesk.ui.qt import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("ccdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("ccdesk")
    from ccdesk.ui.i18n import PREFERENCE, choose_language, install

    # before any widget: every string is translated as it is made
    install(
        choose_language(args.lang, str(_start_choice(args).value(PREFERENCE, "") or "")), dirs.data / "i18n"
    )
    retried = _listen(args, dirs, inbox) if isinstance(listener, LocalFileError) else None
    if retried is not None:  # worded before there was a language: tried once more, and said in it if it fails
        listener = retried
    from ccdesk.ui.crash_notice import install_crash_reporting
    from ccdesk.ui.file_open import FileOpenFilter

    links = FileOpenFilter(inbox.put, app)  # macOS: a link that started ccdesk comes as an event, maybe early
    app.installEventFilter(links)
    shown: list[QWidget] = []  # the window a problem notice sits over, once there is one
    crash_notice = install_crash_reporting(dirs, lambda: shown[-1] if shown else None)
    try:
        return _run(app, args, argv, shown, inbox, listener)
    finally:
        crash_notice.uninstall()
        app.removeEventFilter(links)
        if isinstance(retried, InstanceServer):
            retried.stop()


def _run(
    app: Any,
    args: argparse.Namespace,
    argv: list[str],
    shown: list[QWidget],
    inbox: Inbox,
    listener: InstanceServer | LocalFileError | None,
) -> int:
    """The first run if there is no profile, then the window (or the supervisor console) until it closes."""
    from ccdesk.ui.icons import app_icon
    from ccdesk.ui.qt import QCoreApplication, QMessageBox
    from ccdesk.ui.theme import apply_theme

    apply_theme(app, args.theme)
    app.setWindowIcon(app_icon())
    while True:
        try:
            if _needs_first_run(args):
                remembered = bool(_start_choice(args).value(START_IN_DEMO, False, type=bool))
                outcome = "demo" if remembered else _first_run(args)
                if outcome is None:
                    return 0
                if outcome == "demo" and "--demo" not in argv:
                    if not remembered:
                        choice = _start_choice(args)
                        choice.setValue(START_IN_DEMO, True)  # until a real profile exists
                        choice.sync()
                    argv.append("--demo")
            window = create_supervisor_window(argv) if args.supervisor else create_main_window(argv)
            break
        except CCDeskError as exc:
            if args.self_test:
                print(f"self-test: FAILED to start: {exc}", file=sys.stderr)
                return 1
            if isinstance(exc, LocalFileError) and exc.can_move_aside:
                if _offer_fresh_start(exc):
                    continue  # moved aside: set up again
                return exc.exit_code
            if isinstance(exc, MissingTokenError) and not args.demo:
                # no keyring kept it (a token for one session only) or it was never stored: ask for it again
                if _first_run(args, first_run=False) == "profile":
                    continue
                return exc.exit_code
            _say(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("App", "ccdesk cannot start"),
                f"{exc}\n\n{exc.explanation}",
            )
            return exc.exit_code
    if args.supervisor:
        shown.append(window)
        try:
            return app.exec()
        finally:
            window.session.close()
    shown.append(window)
    if args.self_test:
        from ccdesk.ui.self_test import run_self_test

        return run_self_test(window)
    if isinstance(listener, LocalFileError):
        window.show_file_problem(listener)
    inbox.attach(window.receive_link)  # links that came during start-up first, in order
    if window.preference("startMinimised") and window.ensure_tray().available:
        window.hide()
    try:
        return app.exec()
    finally:
        window.bridge.shutdown(30_000)  # requests abandoned at close fail fast; no thread outlives Python
