"""Problems with ccdesk's own files (the journal, the instance key, a roster file) and the calls the event stream
brings reach the window in its language; without a translator (the command line, the suite) they stay English, and
what is written to the journal or the log stays English either way."""

from __future__ import annotations

import base64
import errno
import io
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from ccdesk.api import words
from ccdesk.api.errors import InvalidInput
from ccdesk.api.events import StreamMessage, parse_frame
from ccdesk.core.instance import folder_problem
from ccdesk.core.journal import CallState, Journal, JournalError
from ccdesk.core.lines import AgentCalls
from ccdesk.core.live import LiveLines
from ccdesk.core.local_files import os_problem, os_problem_words
from ccdesk.core.roster import read_roster_csv
from tests.shipped_french import french

NBSP = "\u00a0"


def locked_write(path: Path) -> JournalError:
    """What a dial meets when another program holds the journal's write lock."""
    Journal(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        journal = Journal(path, busy_timeout=0.1)
        with pytest.raises(JournalError) as caught:
            journal.begin_dial(profile="", tenant="t", agent_id="ag1", display="", prefix="1", number="2")
        journal.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    return caught.value


def test_a_locked_journal_reads_in_english_without_a_translator(tmp_path: Path) -> None:
    error = locked_write(tmp_path / "j.sqlite3")
    assert str(error) == f"The call journal file {tmp_path / 'j.sqlite3'} is locked by another program"
    assert error.problem == "is locked by another program"
    assert error.remedy == (
        "Close the other program using it (another ccdesk, a backup or sync tool), then try again."
    )
    assert not error.can_move_aside


def test_a_locked_journal_is_said_in_the_window_s_language(tmp_path: Path) -> None:
    words.use(french)
    error = locked_write(tmp_path / "j.sqlite3")
    assert (
        str(error) == f"Le journal des appels {tmp_path / 'j.sqlite3'} est verrouillé par un autre programme"
    )
    assert error.remedy.startswith("Fermez l'autre programme qui l'utilise")
    assert error.explanation == error.remedy  # what the window's message boxes show under the problem


def test_a_folder_in_the_journal_s_place_offers_the_way_out_in_french(tmp_path: Path) -> None:
    words.use(french)
    (tmp_path / "j.sqlite3").mkdir()
    journal = Journal(tmp_path / "j.sqlite3", tolerant=True)
    assert journal.problem is not None and journal.problem.can_move_aside
    assert str(journal.problem).endswith("j.sqlite3 est un dossier, pas un fichier")
    assert journal.problem.remedy.startswith("Mettez-le de côté")


def test_os_problems_stay_english_for_logs_and_reports_while_a_person_reads_them_translated() -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert os_problem_words(full) == os_problem(full) == "cannot be written: the disk is full"
    words.use(french)
    assert os_problem(full) == "cannot be written: the disk is full"
    assert os_problem_words(full) == f"ne peut pas être écrit{NBSP}: le disque est plein"


def test_an_error_s_own_problem_and_remedy_go_in_as_given(tmp_path: Path) -> None:
    """Words other modules pass (already in the window's language) are kept; only ccdesk's frame is translated."""
    words.use(french)
    error = JournalError(tmp_path / "j", "problème donné", remedy="remède donné")
    assert str(error) == f"Le journal des appels {tmp_path / 'j'} problème donné"
    assert error.remedy == "remède donné"


def test_the_hand_off_folder_problem_is_translated() -> None:
    a_file = os.stat_result((stat.S_IFREG | 0o600, 1, 1, 1, 1000, 1000, 0, 0, 0, 0))
    assert folder_problem(a_file, 1000) == "is not a folder"
    words.use(french)
    assert folder_problem(a_file, 1000) == "n'est pas un dossier"


def test_a_roster_file_that_is_not_text_is_refused_in_french(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\xff\xfe\x00agent")
    with pytest.raises(InvalidInput) as caught:
        read_roster_csv(path)
    assert caught.value.message == f"{path} is not a UTF-8 text file."
    words.use(french)
    with pytest.raises(InvalidInput) as caught:
        read_roster_csv(path)
    assert caught.value.message == f"{path} n'est pas un fichier texte UTF-8."
    assert read_roster_csv(io.StringIO("ag1,Ann\n"))[0].name == "Ann"  # data is never translated


def inbound_call(iid: str) -> StreamMessage:
    """An inbound call the event stream brings, with the caller's number."""
    payload = {
        "Interaction": {
            "event": "InteractionAssigned",
            "interactionGUID": iid,
            "agentId": "ag1",
            "direction": "in",
            "isOutboundCall": False,
            "msgInfo": {},
            "attachedData": {
                "attachedDatum": [{"attachedDataKey": "phoneNum", "attachedDataValue": 5515557212}]
            },
        }
    }
    text = json.dumps(
        {
            "messageId": base64.b64encode(iid.encode()).decode(),
            "payload": base64.b64encode(json.dumps(payload).encode()).decode(),
            "properties": {},
            "publishTime": "2026-12-02T10:00:00.000Z",
            "redeliveryCount": 0,
        }
    )
    message = parse_frame(text)
    assert message is not None
    return message


def test_a_call_from_the_stream_is_named_in_french_on_screen_and_in_english_in_the_journal() -> None:
    words.use(french)
    journal = Journal(":memory:")
    live = LiveLines(AgentCalls(), agent_id="ag1", topic="acme/agent-v1/ag1", journal=journal)
    live.apply([inbound_call("int-in")])
    assert live.calls[1].display == "+1 551-555-7212 · entrant"
    record = journal.by_interaction("int-in")
    assert record is not None and record.state is CallState.LIVE
    assert record.display == "+1 551-555-7212 · inbound"  # what the command line lists, later
