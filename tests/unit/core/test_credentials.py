"""The token comes from CCDESK_TOKEN or a recommended OS keyring, never anything else."""

from __future__ import annotations

import pytest

from ccdesk.api.errors import ConfigurationError
from ccdesk.core.credentials import KeyringStore, MemoryStore, account_name, resolve_token


def test_environment_wins_over_the_keyring():
    store = MemoryStore({"u@t": "from-keyring"})
    assert resolve_token(store, "u@t", {"CCDESK_TOKEN": "from-env"}) == "from-env"
    assert resolve_token(store, "u@t", {}) == "from-keyring"


def test_missing_token_says_how_to_provide_one():
    with pytest.raises(ConfigurationError, match="CCDESK_TOKEN"):
        resolve_token(MemoryStore(), "u@t", {})


def test_account_defaults_username_to_tenant():
    assert account_name("acme", "") == "acme@acme"
    assert account_name("acme", "ops") == "ops@acme"


def test_no_recommended_keyring_names_the_environment_variable(monkeypatch):
    """The suite runs with keyring's fail backend: exactly a headless Linux box without Secret Service."""
    import keyring

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    store = KeyringStore()
    with pytest.raises(ConfigurationError, match="CCDESK_TOKEN"):
        store.get("u@t")
    with pytest.raises(ConfigurationError, match="CCDESK_TOKEN"):
        store.set("u@t", "secret")


def test_plaintext_backends_are_not_used(monkeypatch):
    """A backend keyring does not recommend (priority < 1) is refused rather than silently used."""
    import keyring
    import keyring.backend

    class Plaintext(keyring.backend.KeyringBackend):
        priority = 0.5  # type: ignore[assignment]

        def get_password(self, service, username):
            return "leaked"

        def set_password(self, service, username, password):
            raise AssertionError("must not be used")

        def delete_password(self, service, username):
            raise AssertionError("must not be used")

    monkeypatch.setattr(keyring.core, "_keyring_backend", Plaintext())
    with pytest.raises(ConfigurationError, match="CCDESK_TOKEN"):
        KeyringStore().get("u@t")


def test_keyring_report_names_the_platform_backend():
    from ccdesk.core.credentials import keyring_report

    report = keyring_report("linux")
    assert report["expected"] == "keyring.backends.SecretService:Keyring"
    assert report["bundled"] is True  # keyring ships it; the packaged build must too
    missing = keyring_report("win32")
    assert missing["expected"] == "keyring.backends.Windows:WinVaultKeyring"
