"""Where the Action Request Token comes from: CCDESK_TOKEN, or the OS keyring. Nowhere else.

The event stream key (a Data Request Token or an Admin Console key) likewise: CCDESK_STREAM_KEY, or the keyring
entry `stream:TENANT` (the key is tenant-wide, so one entry per tenant).

Only keyring backends that keyring itself recommends (the OS keychain, Windows Credential Locker, Secret
Service, KWallet) are used: a plaintext store is never picked silently. Without one (a headless Linux box),
the message names CCDESK_TOKEN. The store is an interface so tests use a fake and never the real keyring.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.words import translate

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "ccdesk"
TOKEN_ENV = "CCDESK_TOKEN"
STREAM_KEY_ENV = "CCDESK_STREAM_KEY"


def no_keyring_help() -> str:
    """What to do without a usable keyring, in the window's language (English on the command line)."""
    return translate(
        "Credentials",
        "No secure OS keyring is available on this computer, so the token cannot be stored. Set the environment "
        "variable {variable} to the Action Request Token instead (never pass it as a command-line argument: other "
        "users can see those).",
    ).format(variable=TOKEN_ENV)


def account_name(tenant: str, username: str) -> str:
    """The keyring entry for one tenant login; profiles sharing a login share the token."""
    return f"{username or tenant}@{tenant}"


def stream_account_name(tenant: str) -> str:
    """The keyring entry for a tenant's event stream key (a different secret from the calls' token)."""
    return f"stream:{tenant}"


def resolve_stream_key(
    store: CredentialStore, tenant: str, env: Mapping[str, str] | None = None
) -> str | None:
    """CCDESK_STREAM_KEY wins; otherwise the keyring entry for the tenant; None when neither holds one."""
    env = os.environ if env is None else env
    key = (env.get(STREAM_KEY_ENV) or "").strip()
    if key:
        return key
    return (store.get(stream_account_name(tenant)) or "").strip() or None


class CredentialStore(Protocol):
    """Somewhere safe to keep tokens."""

    def get(self, account: str) -> str | None: ...

    def set(self, account: str, token: str) -> None: ...

    def delete(self, account: str) -> None: ...


class KeyringStore:
    """The OS keyring, limited to recommended backends."""

    def __init__(self) -> None:
        self._backend: KeyringBackend | None = None

    def _keyring(self) -> KeyringBackend:
        if self._backend is None:
            import keyring
            import keyring.core

            backend = keyring.get_keyring()
            if not _is_recommended(backend):
                keyring.core.init_backend(limit=keyring.core.recommended)
                backend = keyring.get_keyring()
            if not _is_recommended(backend):
                raise ConfigurationError(no_keyring_help())
            self._backend = backend
        return self._backend

    def backend_name(self) -> str:
        """Which keyring is in use, for Help > About and the packaged build's self-test."""
        backend = self._keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def get(self, account: str) -> str | None:
        try:
            token: str | None = self._keyring().get_password(SERVICE, account)
            return token
        except ConfigurationError:
            raise
        except Exception as exc:  # keyring backends raise many kinds (D-Bus, locked, denied)
            raise ConfigurationError(
                translate("Credentials", "The OS keyring could not be read ({problem}). {way_out}").format(
                    problem=exc, way_out=no_keyring_help()
                )
            ) from exc

    def set(self, account: str, token: str) -> None:
        try:
            self._keyring().set_password(SERVICE, account, token)
        except ConfigurationError:
            raise
        except Exception as exc:
            raise ConfigurationError(
                translate("Credentials", "The OS keyring refused the token ({problem}). {way_out}").format(
                    problem=exc, way_out=no_keyring_help()
                )
            ) from exc

    def delete(self, account: str) -> None:
        import keyring.errors

        try:
            self._keyring().delete_password(SERVICE, account)
        except keyring.errors.PasswordDeleteError:
            return
        except ConfigurationError:
            raise
        except Exception as exc:
            raise ConfigurationError(
                translate("Credentials", "The OS keyring could not remove the token ({problem}).").format(
                    problem=exc
                )
            ) from exc


class MemoryStore:
    """A store in memory: for tests and for the demo, which must never touch the real keyring."""

    def __init__(self, tokens: Mapping[str, str] | None = None) -> None:
        self.tokens: dict[str, str] = dict(tokens or {})

    def get(self, account: str) -> str | None:
        return self.tokens.get(account)

    def set(self, account: str, token: str) -> None:
        self.tokens[account] = token

    def delete(self, account: str) -> None:
        self.tokens.pop(account, None)


#: tokens kept for this run only (no OS keyring): in memory, never on disk, asked for again at the next start
SESSION_TOKENS = MemoryStore()


class SessionFirstStore:
    """The OS keyring, with tokens kept for this run only in front of it (a computer without a keyring)."""

    def __init__(self, keyring: CredentialStore, session: MemoryStore = SESSION_TOKENS) -> None:
        self.keyring = keyring
        self.session = session

    def get(self, account: str) -> str | None:
        kept = self.session.get(account)
        if kept:
            return kept
        try:
            return self.keyring.get(account)
        except ConfigurationError:
            return None  # no keyring: no token stored there (the caller asks for one, or says CCDESK_TOKEN)

    def set(self, account: str, token: str) -> None:
        self.keyring.set(
            account, token
        )  # a keyring that refuses raises: the caller may keep it for the session
        self.session.delete(account)

    def delete(self, account: str) -> None:
        self.session.delete(account)
        self.keyring.delete(account)

    def keep_for_session(self, account: str, token: str) -> None:
        """No keyring: the token lives in this process's memory until ccdesk quits."""
        self.session.set(account, token)

    def backend_name(self) -> str:
        name = getattr(self.keyring, "backend_name", None)
        return str(name()) if callable(name) else type(self.keyring).__name__


def session_store() -> SessionFirstStore:
    """Where the window keeps and finds tokens: this run's memory first, then the OS keyring."""
    return SessionFirstStore(KeyringStore())


def resolve_token(store: CredentialStore, account: str, env: Mapping[str, str] | None = None) -> str:
    """CCDESK_TOKEN wins (scripts, CI, headless); otherwise the keyring entry for `account`."""
    env = os.environ if env is None else env
    token = (env.get(TOKEN_ENV) or "").strip()
    if token:
        return token
    token = (store.get(account) or "").strip()
    if token:
        return token
    raise MissingTokenError(
        translate(
            "Credentials",
            "No token for {account}. Store one with `ccdesk-cli login` (or the window's Settings), or set {variable}.",
        ).format(account=account, variable=TOKEN_ENV)
    )


class MissingTokenError(ConfigurationError):
    """No token anywhere for this login: the window asks for one; the command line says how to give one."""


def _is_recommended(backend: object) -> bool:
    chained = getattr(backend, "backends", None)
    if chained is not None:
        return any(getattr(b, "priority", 0) >= 1 for b in chained)
    return getattr(backend, "priority", 0) >= 1


#: The keyring backend each desktop platform should use: the packaged build must carry it.
PLATFORM_BACKENDS = {
    "win32": "keyring.backends.Windows:WinVaultKeyring",
    "darwin": "keyring.backends.macOS:Keyring",
    "linux": "keyring.backends.SecretService:Keyring",
}


def keyring_report(platform: str | None = None) -> dict[str, str | bool]:
    """What the keyring can do here: the platform's backend, whether it loads, whether it works right now.

    The packaged build's self-test prints this, and CI fails the build when the platform's backend is missing
    from the bundle (it may be unusable on a headless machine; it must still be there).
    """
    import importlib
    import sys

    platform = platform or sys.platform
    expected = PLATFORM_BACKENDS.get(platform, PLATFORM_BACKENDS["linux"])
    module_name, _, class_name = expected.partition(":")
    report: dict[str, str | bool] = {"expected": expected, "bundled": False, "usable": False, "detail": ""}
    try:
        backend_class = getattr(importlib.import_module(module_name), class_name)
    except Exception as exc:  # missing from the bundle, or a dependency of it missing
        report["detail"] = f"cannot load: {exc}"
        return report
    report["bundled"] = True
    try:
        report["usable"] = backend_class.priority >= 1
    except Exception as exc:  # not viable here (no D-Bus session, no login keychain)
        report["detail"] = str(exc)
    return report
