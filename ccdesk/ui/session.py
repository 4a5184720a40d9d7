"""Everything one connected window works with, built by ccdesk.app and handed to the window whole.

A session owns its work: the bridge counts the tasks running with its client and journal, and `close()` waits
for them, so an answer that arrives after the window closed or switched profile is still written to the journal
of the session that asked for it, and never reaches another profile's server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ccdesk.core.codes import Catalog
from ccdesk.core.credentials import CredentialStore
from ccdesk.core.journal import Journal
from ccdesk.core.local_files import LocalFileError
from ccdesk.core.paths import AppDirs
from ccdesk.core.profiles import Profile, ProfileStore
from ccdesk.core.settings import Settings
from ccdesk.ui.qt import QCoreApplication

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient
    from ccdesk.api.retry import RetryNotice
    from ccdesk.core.stream_settings import StreamSettings


@dataclass
class Session:
    settings: Settings
    profile: Profile
    #: makes the client on first use: the window paints before the HTTP stack is imported
    client_factory: Callable[[], CCClient]
    journal: Journal
    catalog: Catalog
    store: CredentialStore
    profiles: ProfileStore
    dirs: AppDirs
    #: makes the embedded simulator of --demo (a ccdesk.sim.app.Simulator); None against a real platform
    simulator_factory: Callable[[], Any] | None = None
    #: builds a session for another saved profile (after Settings); None in the demo
    reconnect: Callable[[str], Session] | None = None
    #: told about every back-off (rate limiting, retries); called on worker threads
    retry_listener: Callable[[RetryNotice], None] | None = None
    #: resolves the session's 8x8 event stream (None when none is configured; raises a ConfigurationError when
    #: it is half set up); the demo's starts the simulator's stream server
    stream_factory: Callable[[], StreamSettings | None] | None = None
    #: run once when the session is released (the demo's stream server)
    cleanups: list[Callable[[], None]] = field(default_factory=list)
    #: problems with ccdesk's own files found while the session was built, for the window to show
    problems: list[LocalFileError] = field(default_factory=list)
    #: set by the bridge when the window moved on: the session's callbacks no longer run
    retired: bool = False
    _client: CCClient | None = field(default=None, repr=False)
    _simulator: Any = field(default=None, repr=False)
    _work: int = field(default=0, repr=False)
    _closing: bool = field(default=False, repr=False)
    _closed: bool = field(default=False, repr=False)

    @property
    def is_demo(self) -> bool:
        return self.simulator_factory is not None

    @property
    def simulator(self) -> Any:
        """The demo's simulator, made on first use; None against a real platform."""
        if self._simulator is None and self.simulator_factory is not None:
            self._simulator = self.simulator_factory()
        return self._simulator

    @property
    def client(self) -> CCClient:
        if self._client is None:
            self._client = self.client_factory()
            self._client.set_retry_listener(self.retry_listener)
        return self._client

    def work_started(self) -> None:
        """The bridge started a task with this session's client (GUI thread)."""
        self._work += 1

    def work_finished(self) -> None:
        """A task of this session answered (GUI thread); the last one lets a closing session close."""
        self._work -= 1
        if self._closing and not self._work:
            self._release()

    @property
    def working(self) -> int:
        """Tasks of this session running now."""
        return self._work

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Release the client's connections and the journal's file once the work in flight has answered."""
        self._closing = True
        if not self._work:
            self._release()

    def abandon(self) -> None:
        """Stop waiting for requests in flight: closing the client makes them fail now (nothing more is sent)."""
        if self._client is not None:
            self._client.close()

    def _release(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._client is not None:
            self._client.close()
        self.journal.close()
        while self.cleanups:
            self.cleanups.pop()()

    @property
    def agent_id(self) -> str:
        return self.settings.agent_id

    @property
    def where(self) -> str:
        """Platform code or host, for the header."""
        if self.is_demo:
            return QCoreApplication.translate("Session", "embedded simulator")
        if self.profile.platform:
            return self.profile.platform.lower()
        return self.settings.base_url.split("//", 1)[-1].split("/", 1)[0]
