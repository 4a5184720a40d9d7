"""What ccdesk says about its settings, codes, token store, folders and event stream reaches the French window in
French, whole sentences with the values put in; without a translator (the command line) it is the English it was.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ccdesk.api.errors import AuthenticationError, ConfigurationError
from ccdesk.api.models import AgentState, TransactionCode
from ccdesk.api.stream import StreamConfigError
from ccdesk.core.codes import Catalog, CodeItem, CodeList, parse_catalog
from ccdesk.core.connection_check import check_connection
from ccdesk.core.credentials import MemoryStore, resolve_token
from ccdesk.core.paths import folder_error
from ccdesk.core.profiles import Config, Profile, ProfileStore
from ccdesk.core.settings import resolve_settings
from ccdesk.core.stream_settings import resolve_stream_settings

NBSP = "\u00a0"


def french_spaces(text: str) -> str:
    return text.replace(NBSP, " ")


def skipped_settings(tmp_path: Path) -> Config:
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"profiles": {"work": {"queues": "598", "colour": "blue"}}}))
    return ProfileStore(path).load()


def test_skipped_settings_are_listed_in_english_without_a_translator(tmp_path: Path) -> None:
    assert skipped_settings(tmp_path).problems == (
        "profile 'work': 'queues' must be a list; ignored",
        "profile 'work': unknown setting 'colour'; ignored",
    )


@pytest.mark.usefixtures("french_words")
def test_skipped_settings_are_listed_in_french(tmp_path: Path) -> None:
    assert [french_spaces(p) for p in skipped_settings(tmp_path).problems] == [
        "profil « work » : « queues » doit être une liste ; ignoré",
        "profil « work » : paramètre inconnu « colour » ; ignoré",
    ]


@pytest.mark.usefixtures("french_words")
def test_an_unreadable_settings_file_and_its_way_out_are_french(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text("[1, 2]")
    with pytest.raises(ConfigurationError) as caught:
        ProfileStore(path).load()
    said = french_spaces(str(caught.value))
    assert "doit contenir un objet JSON {...}, pas une liste [...]" in said
    assert "must hold" not in said


def catalog() -> Catalog:
    return Catalog((CodeList(12, "Outcome", False, False, (CodeItem(1, "Sale"), CodeItem(2, "No sale"))),))


def test_the_code_picker_s_warnings_follow_the_language(request: pytest.FixtureRequest) -> None:
    chosen = [TransactionCode(12, 1), TransactionCode(12, 2)]
    assert catalog().problems(chosen) == ["'Outcome' allows one code; 2 are chosen."]
    request.getfixturevalue("french_words")
    assert [french_spaces(p) for p in catalog().problems(chosen)] == [
        "« Outcome » n'accepte qu'un code ; 2 sont choisis."
    ]


@pytest.mark.usefixtures("french_words")
def test_a_broken_catalog_is_described_in_french_item_by_item() -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_catalog({"lists": [{"id": "x", "items": [{"id": 1}, "nope"]}]}, "codes.json")
    assert french_spaces(str(caught.value)) == (
        "codes.json contient des erreurs : liste n°1 : l'identifiant doit être un nombre entier, reçu 'x'; "
        "liste n°1, élément n°2 : doit être un objet"
    )


@pytest.mark.usefixtures("french_words")
def test_a_missing_token_and_missing_settings_say_what_to_do_in_french() -> None:
    with pytest.raises(ConfigurationError) as caught:
        resolve_token(MemoryStore(), "ag@acme", {})
    assert french_spaces(str(caught.value)).startswith("Aucun jeton pour ag@acme. Enregistrez-en un")
    with pytest.raises(ConfigurationError) as caught:
        resolve_settings({}, Config(), {})
    assert french_spaces(str(caught.value)).startswith("Où est votre centre de contact ? Passez --platform")


@pytest.mark.usefixtures("french_words")
def test_a_folder_blocked_by_a_file_is_explained_in_french(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("")
    error = folder_error(blocker / "data", OSError(errno.ENOTDIR, "Not a directory"))
    assert f"ne peut pas être créé : {blocker} est un fichier, pas un dossier" in french_spaces(error.message)
    assert french_spaces(error.remedy).startswith(f"Déplacez ou renommez {blocker}")


class Client:
    tenant = "acmecorp01"

    def __init__(self, fail: BaseException | None = None) -> None:
        self.fail = fail

    def get_agent(self, agent_id: str) -> Any:
        if self.fail:
            raise self.fail
        return SimpleNamespace(name="Ana", status=AgentState.ON_BREAK)

    def list_agents(self) -> list[Any]:
        return [object()]


def test_test_connection_names_the_status_as_the_window_does(request: pytest.FixtureRequest) -> None:
    assert check_connection(Client(), "ag1").message == "Connected. Ana is on break."  # type: ignore[arg-type]
    assert check_connection(Client()).message == "Connected. The tenant has 1 agent."  # type: ignore[arg-type]
    request.getfixturevalue("french_words")
    said = check_connection(Client(), "ag1", lambda status: "En pause").message  # type: ignore[arg-type]
    assert french_spaces(said) == "Connecté. Statut de Ana : en pause."
    refused = check_connection(Client(AuthenticationError(status=401)), "ag1").message  # type: ignore[arg-type]
    assert refused.startswith("Le jeton ou le nom d'utilisateur a été refusé (401).")


@pytest.mark.usefixtures("french_words")
def test_an_event_stream_without_its_key_says_which_key_in_french() -> None:
    profile = Profile(name="work", stream_region="us1")
    settings = resolve_settings(
        {"platform": "na12", "tenant": "acmecorp01", "agent": "ag1"}, Config({"work": profile}, "work"), {}
    )
    with pytest.raises(StreamConfigError) as caught:
        resolve_stream_settings(settings, MemoryStore(), env={})
    said = french_spaces(str(caught.value))
    assert said.startswith(
        "Le flux d'événements est configuré (profil « work »), mais il n'y a pas de clé de flux"
    )
    assert "La clé du flux est le Data Request Token du locataire" in said
