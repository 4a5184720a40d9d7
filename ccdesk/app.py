"""The composition root: parses `ccdesk`'s arguments and wires profile, client, journal, simulator and window.

`create_main_window(argv)` builds exactly what `ccdesk ARGS` would show, so tests and embedding hosts drive the
real thing. `--demo` wires the embedded simulator (in-process, nothing listens on a port) and an in-memory
journal; `--self-test` then drives the window through a whole call and exits 0 or 1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ccdesk import __version__
from ccdesk.api.errors import CCDeskError, ConfigurationError
from ccdesk.api.redact import install_redaction
from ccdesk.core.codes import Catalog, load_catalog, parse_catalog
from ccdesk.core.credentials import CredentialStore, KeyringStore, MemoryStore, resolve_token
from ccdesk.core.journal import Journal
from ccdesk.core.paths import AppDirs, app_dirs
from ccdesk.core.profiles import Choice, Profile, ProfileStore
from ccdesk.core.settings import make_client, resolve_settings
from ccdesk.ui.session import Session

if TYPE_CHECKING:
    import httpx

    from ccdesk.api.client import CCClient
    from ccdesk.ui.qt import QWidget

log = logging.getLogger("ccdesk")

DEMO_AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
DEMO_TOKEN = "demo-token"  # what the simulator accepts by default (ccdesk.sim.app.DEMO_TOKEN)
DEMO_BASE_URL = "http://127.0.0.1/api/v1"  # never dialled: the simulator's transport answers in-process
DEMO_READ_TIMEOUT = 5.0  # so the Demo menu's "Timeout" fault shows its message in seconds, not 15


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ccdesk", description="ccdesk: the 8x8 Contact Center agent window."
    )
    parser.add_argument("--version", action="version", version=f"ccdesk {__version__}")
    parser.add_argument("--profile", help="saved profile to use [CCDESK_PROFILE]")
    parser.add_argument("--platform", help="platform code, e.g. na12 [CCDESK_PLATFORM]")
    parser.add_argument("--base-url", help="API base URL; http only for loopback [CCDESK_BASE_URL]")
    parser.add_argument("--tenant", help="tenant name [CCDESK_TENANT]")
    parser.add_argument("--username", help="Basic-auth username [CCDESK_USERNAME]")
    parser.add_argument("--agent", help="the agent's Internal Id [CCDESK_AGENT]")
    parser.add_argument("--home", help="keep all ccdesk files under this folder [CCDESK_HOME]")
    parser.add_argument("--timeout", type=float, help="read timeout in seconds (default 15)")
    parser.add_argument("--demo", action="store_true", help="run against the built-in simulator")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="drive a whole call through the window against the simulator, then exit 0 or 1",
    )
    parser.add_argument(
        "--sim-fault",
        metavar="KIND[:STATUS]",
        help="demo/self-test: make every simulated request fail (e.g. status:500, drop)",
    )
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system")
    parser.add_argument(
        "--supervisor", action="store_true", help="open the supervisor console (no agent needed)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request (redacted) on stderr")
    parser.add_argument(
        "--dial", metavar="NUMBER", help="put NUMBER in the dial field of the (running) window"
    )
    parser.add_argument("link", nargs="?", help="a tel:, callto: or ccdesk: link to dial (see README)")
    return parser


def handoff_message(args: argparse.Namespace) -> str:
    """What a launch hands to the running window: its link or number, 'supervisor', or just 'show'."""
    return args.link or args.dial or ("supervisor" if args.supervisor else "show")


def sample_catalog() -> Catalog:
    source = files("ccdesk.resources").joinpath("transaction-codes.sample.json")
    return parse_catalog(json.loads(source.read_text(encoding="utf-8")), "sample catalog")


def _catalog_for(profile: Profile) -> Catalog:
    if not profile.catalog_file:
        return Catalog()
    try:
        return load_catalog(profile.catalog_file)
    except ConfigurationError as exc:
        log.warning("catalog not loaded: %s", exc)
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
    )
    settings = resolve_settings({"profile": "demo"}, _single(profile), {})
    store = MemoryStore({settings.account: DEMO_TOKEN})

    def simulator() -> Any:
        from ccdesk.sim.app import Simulator

        made = Simulator()
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
    return session


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
    """A session for the profile/options/environment, as `ccdesk-cli` would resolve them."""
    settings = resolve_settings(options, profiles.load(), os.environ)  # type: ignore[arg-type]
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
        return real_session(dirs, profiles, store, {"profile": name}, transport, timeout)

    journal = Journal(dirs.journal_file, tolerant=True)  # the window starts anyway and says what is wrong
    return Session(
        settings,
        profile,
        client,
        journal,
        _catalog_for(profile),
        store,
        profiles,
        dirs,
        reconnect=reconnect,
        problems=[journal.problem] if journal.problem is not None else [],
    )


def _configure_logging(dirs: AppDirs, verbose: bool, secrets: Sequence[str]) -> None:
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_ccdesk", False)]:  # a new session: its own log file
        root.removeHandler(old)
        old.close()
    from logging.handlers import RotatingFileHandler  # not needed before the window has painted

    dirs.logs.mkdir(parents=True, exist_ok=True)
    handler: logging.Handler = RotatingFileHandler(
        dirs.logs / "ccdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handlers = [handler]
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
    window.when_painted(lambda: start_logging(args, session))
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
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("ccdesk's windows need a QApplication")
    apply_theme(app, args.theme)  # type: ignore[arg-type]
    dirs = app_dirs(args.home).ensure()
    profiles = ProfileStore(dirs.config_file)
    if args.demo or args.self_test:
        session = demo_session(dirs, profiles, args)
    else:
        options = {
            k: getattr(args, k) for k in ("profile", "platform", "base_url", "tenant", "username", "agent")
        }
        session = real_session(
            dirs,
            profiles,
            store or KeyringStore(),
            options,
            transport,
            args.timeout,
            agent_required=agent_required,
        )
    return args, session


def start_logging(args: argparse.Namespace, session: Session) -> None:
    """The log file (and stderr with -v), redacting the session's token: wired after the first paint."""
    secrets = [os.environ.get("CCDESK_TOKEN", "")]
    with contextlib.suppress(ConfigurationError):  # no token yet: nothing to redact
        secrets.append(resolve_token(session.store, session.settings.account, os.environ))
    _configure_logging(session.dirs, args.verbose, secrets)


def _first_run(args: argparse.Namespace) -> str | None:
    """No profile yet: the settings dialog, with 'Try the demo' beside it. Returns 'demo', 'profile' or None."""
    from ccdesk.ui.settings_dialog import SettingsDialog

    dirs = app_dirs(args.home).ensure()
    choice: list[str] = []
    dialog = SettingsDialog(
        ProfileStore(dirs.config_file),
        KeyringStore(),
        _offline_tester,
        None,
        first_run=True,
        catalogs_dir=dirs.config / "catalogs",
    )
    dialog.demo_requested.connect(lambda: choice.append("demo"))
    accepted = dialog.exec()
    if choice:
        return "demo"
    return "profile" if accepted else None


def _offline_tester(profile, token, callback) -> None:  # type: ignore[no-untyped-def]
    """Before the window exists: test the connection on a plain thread, answering through a queued call."""
    import threading

    from ccdesk.core.connection_check import CheckOutcome, ConnectionCheck, check_connection
    from ccdesk.core.settings import client_for_profile
    from ccdesk.ui.qt import QTimer

    try:
        client = client_for_profile(profile, token, KeyringStore())
    except CCDeskError as exc:
        callback(ConnectionCheck(CheckOutcome.FAILED, str(exc)))
        return
    results: list[ConnectionCheck] = []

    def work() -> None:
        with client:
            results.append(check_connection(client, profile.agent_id))

    thread = threading.Thread(target=work, name="ccdesk-connection-test", daemon=True)
    thread.start()

    def poll() -> None:
        if results:
            callback(results[0])
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


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


def main(argv: Sequence[str] | None = None) -> int:
    """`ccdesk`: the window, or a hand-off of a link to the window already running for this user."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    dirs = app_dirs(args.home)
    if not args.self_test:
        from ccdesk.core.instance import hand_off

        if hand_off(dirs.data, handoff_message(args)):  # before Qt is even imported: exits in a blink
            return 0
    from ccdesk.core.diagnostics import enable_fault_log

    enable_fault_log(dirs.logs)  # before Qt starts: a crash in Qt's start-up or the first-run dialog is kept
    from ccdesk.ui.qt import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("ccdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("ccdesk")
    from ccdesk.ui.crash_notice import install_crash_reporting
    from ccdesk.ui.icons import app_icon
    from ccdesk.ui.theme import apply_theme

    shown: list[QWidget] = []  # the window a problem notice sits over, once there is one
    crash_notice = install_crash_reporting(dirs, lambda: shown[-1] if shown else None)

    apply_theme(app, args.theme)
    app.setWindowIcon(app_icon())
    if _needs_first_run(args):
        outcome = _first_run(args)
        if outcome is None:
            return 0
        if outcome == "demo":
            argv.append("--demo")
    if args.supervisor:
        try:
            console = create_supervisor_window(argv)
        except CCDeskError as exc:
            QMessageBox.critical(None, "ccdesk cannot start", f"{exc}\n\n{exc.explanation}")
            return exc.exit_code
        shown.append(console)
        try:
            return app.exec()
        finally:
            console.session.close()
    try:
        window = create_main_window(argv)
    except CCDeskError as exc:
        if args.self_test:
            print(f"self-test: FAILED to start: {exc}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, "ccdesk cannot start", f"{exc}\n\n{exc.explanation}")
        return exc.exit_code
    shown.append(window)
    if args.self_test:
        from ccdesk.ui.self_test import run_self_test

        return run_self_test(window)
    from ccdesk.core.instance import InstanceServer
    from ccdesk.ui.file_open import FileOpenFilter

    servers: list[InstanceServer] = []
    window.when_painted(lambda: servers.append(InstanceServer(dirs.ensure().data, window.receive_link)))
    links = FileOpenFilter(window.handle_link, window)
    app.installEventFilter(links)
    if window.preference("startMinimised") and window.ensure_tray().available:
        window.hide()
    try:
        return app.exec()
    finally:
        for server in servers:
            server.stop()
        window.bridge.shutdown(30_000)  # requests abandoned at close fail fast; no thread outlives Python
        crash_notice.uninstall()
