"""Everything one connected window works with, built by ccdesk.app and handed to the window whole."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ccdesk.api.client import CCClient
from ccdesk.core.codes import Catalog
from ccdesk.core.credentials import CredentialStore
from ccdesk.core.journal import Journal
from ccdesk.core.paths import AppDirs
from ccdesk.core.profiles import Profile, ProfileStore
from ccdesk.core.settings import Settings


@dataclass
class Session:
    settings: Settings
    profile: Profile
    client: CCClient
    journal: Journal
    catalog: Catalog
    store: CredentialStore
    profiles: ProfileStore
    dirs: AppDirs
    #: the embedded simulator in --demo (a ccdesk.sim.app.Simulator); None against a real platform
    simulator: Any = None
    #: builds a session for another saved profile (after Settings); None in the demo
    reconnect: Callable[[str], Session] | None = None

    @property
    def agent_id(self) -> str:
        return self.settings.agent_id

    @property
    def where(self) -> str:
        """Platform code or host, for the header."""
        if self.simulator is not None:
            return "embedded simulator"
        if self.profile.platform:
            return self.profile.platform.lower()
        return self.settings.base_url.split("//", 1)[-1].split("/", 1)[0]
