"""The start-up's own problems are said in the window's language, even when they were met before it had one."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from ccdesk import app
from ccdesk.api import words
from ccdesk.core.instance import Inbox, socket_path
from ccdesk.core.local_files import LocalFileError
from tests.shipped_french import french

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the POSIX endpoint's folder rights")


def listen(data: Path) -> LocalFileError:
    args = argparse.Namespace(self_test=False, supervisor=False)
    problem = app._listen(args, SimpleNamespace(data=data), Inbox())  # type: ignore[arg-type]
    assert isinstance(problem, LocalFileError)
    return problem


def test_a_hand_off_listener_that_cannot_start_is_explained_in_the_language_of_the_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(
        "XDG_RUNTIME_DIR", raising=False
    )  # the endpoint's folder is the test's, never the session's
    data = tmp_path / "data"
    folder = socket_path(data).parent
    assert folder.is_relative_to(tmp_path)
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)  # others could reach the endpoint: ccdesk refuses to listen there

    english = listen(data)  # as main() meets it, before Qt and the translator
    assert "can be reached by other users (mode 0755, should be 0700): links from other launches" in str(
        english
    )
    assert "cannot reach this window" in str(english)

    words.use(french)  # as _start tries again, once the window's language is in
    said = str(listen(data))
    assert "est accessible à d'autres utilisateurs (mode 0755, devrait être 0700)\u00a0: les liens" in said
    assert (
        "les liens venant d'autres lancements (liens tel:, ccdesk --dial) ne peuvent pas atteindre cette fenêtre"
        in said
    )
    assert "cannot reach" not in said
