"""Recent calls stay true to the lines: states follow the model, durations, repeated failures as one row."""

from __future__ import annotations

import time

import pytest

from ccdesk.api import words
from ccdesk.core.journal import CallState, Journal
from ccdesk.core.lines import AgentCalls
from ccdesk.core.recent import DISMISSED, RecentRow, recent_rows, redial_intent
from ccdesk.core.time_words import when
from tests.shipped_french import french

TENANT, AGENT = "acmecorp01", "ag1"
NUMBER = "+1 617-555-1984"
T0 = 1_700_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(clock: Clock) -> Journal:
    return Journal(":memory:", clock=clock)


def dial(
    journal: Journal, display: str = NUMBER, *, agent: str = AGENT, line: int | None = 1, **kw: str
) -> int:
    values = {"prefix": "1", "number": "6175551984", **kw}
    return journal.begin_dial(
        profile="p", tenant=TENANT, agent_id=agent, display=display, line=line, **values
    )


def rows(journal: Journal, calls: AgentCalls) -> list[RecentRow]:
    return recent_rows(journal.recent(30), calls, tenant=TENANT, agent_id=AGENT)


def texts(journal: Journal, calls: AgentCalls, now: float) -> list[str]:
    return [r.text(now) for r in rows(journal, calls)]


def placed_call(journal: Journal, calls: AgentCalls, iid: str = "int-1") -> int:
    """A call dialled and placed on line 1, in the journal and the model alike."""
    calls.dialing(1, NUMBER)
    row = dial(journal)
    journal.placed(row, iid, 1)
    calls.placed(1, iid, row, others_busy=False)
    return row


def test_a_call_the_model_shows_over_is_ended_even_while_the_journal_says_wrap_up(
    journal: Journal, clock: Clock
) -> None:
    calls = AgentCalls()
    placed_call(journal, calls)
    clock.now += 60
    journal.hung_up("int-1")
    calls.leg_down("int-1")
    [row] = rows(journal, calls)
    assert row.state is CallState.WRAP_UP
    assert "in wrap-up" in row.text(clock.now)
    # 8x8's event stream says the wrap-up ended: the model drops the call before the journal's writer catches up
    calls.gone("int-1")
    assert journal.recent(1)[0].state is CallState.WRAP_UP
    [row] = rows(journal, calls)
    assert row.state is CallState.ENDED
    assert "wrap-up" not in row.text(clock.now) and "ended" in row.text(clock.now)


def test_ended_without_ending_wrap_up_is_in_wrap_up_as_the_model_shows(
    journal: Journal, clock: Clock
) -> None:
    calls = AgentCalls()
    placed_call(journal, calls)
    clock.now += 95
    journal.ended("int-1")  # the journal records End; the call's wrap-up is still open
    calls.ended("int-1", end_post_processing=False)
    [row] = rows(journal, calls)
    assert row.state is CallState.WRAP_UP
    assert row.text(clock.now + 500).endswith("in wrap-up  ·  01:35")  # placed to End, not growing


def test_a_live_call_the_journal_has_not_caught_up_with_is_on_a_call(journal: Journal) -> None:
    calls = AgentCalls()
    placed_call(journal, calls)
    journal.hung_up("int-1")  # written on the worker; the window has not shown the answer yet
    [row] = rows(journal, calls)
    assert row.state is CallState.LIVE


def test_a_dial_in_flight_is_dialling_until_the_window_shows_its_answer(journal: Journal) -> None:
    calls = AgentCalls()
    refused = dial(journal)  # earlier dials to the same number on the same line: refused, and one over
    journal.dial_failed(refused, "HTTP 400: busy")
    journal.placed(dial(journal), "int-8", 1)  # the journal still says live; the lines show it over
    calls.dialing(1, NUMBER)
    row_id = dial(journal)
    before = [CallState.ENDED, CallState.FAILED]  # newest first
    assert [r.state for r in rows(journal, calls)] == [CallState.DIALING, *before]
    journal.placed(row_id, "int-9", 1)  # the worker wrote the answer; the GUI has not run yet
    assert [r.state for r in rows(journal, calls)] == [CallState.DIALING, *before]
    calls.placed(1, "int-9", row_id, others_busy=False)
    assert [r.state for r in rows(journal, calls)] == [CallState.LIVE, *before]


def test_an_unknown_outcome_follows_the_line_it_is_on_until_dismissed(journal: Journal) -> None:
    calls = AgentCalls()
    calls.dialing(1, NUMBER)
    row_id = dial(journal)
    journal.dial_failed(row_id, "no answer came", outcome_unknown=True)
    calls.unknown(1, row_id, error="no answer came", advice="")
    [row] = rows(journal, calls)
    assert row.state is CallState.UNKNOWN and "may be live" in row.text()
    calls.dismiss(1)
    journal.dismissed(row_id, "Checked by the agent: no call was placed.")
    assert [r.state for r in rows(journal, calls)] == [CallState.ENDED]


def test_another_agents_calls_keep_the_journals_word(journal: Journal) -> None:
    """The model knows this agent's lines only; another profile's call in the same journal says what it said."""
    row_id = dial(journal, agent="someone-else")
    journal.placed(row_id, "int-other", 1)
    [row] = rows(journal, AgentCalls())
    assert row.state is CallState.LIVE


def test_durations_run_while_live_and_stop_when_the_leg_goes_down(journal: Journal, clock: Clock) -> None:
    calls = AgentCalls()
    placed_call(journal, calls)
    [row] = rows(journal, calls)
    assert row.running
    assert row.text(T0 + 5).endswith("on a call  ·  00:05")
    assert row.text(T0 + 3723).endswith("on a call  ·  1:02:03")
    clock.now = T0 + 151
    journal.hung_up("int-1")
    calls.leg_down("int-1")
    clock.now = T0 + 400
    journal.ended("int-1")
    calls.gone("int-1")
    [row] = rows(journal, calls)
    assert not row.running
    assert row.text(T0 + 9999).endswith("ended  ·  02:31")  # placed to hung up; wrap-up time not counted


def test_a_refused_dial_has_no_duration(journal: Journal) -> None:
    journal.dial_failed(dial(journal), "HTTP 400: Agent=[ag1] not available")
    [row] = rows(journal, AgentCalls())
    assert row.duration(T0 + 60) is None
    assert row.text(T0).endswith("failed")


def test_identical_failures_in_a_row_are_one_row_with_a_count(journal: Journal, clock: Clock) -> None:
    reason = "HTTP 400: Agent=[ag1] not available to handle interaction"
    ids = []
    for _ in range(3):
        ids.append(dial(journal))
        journal.dial_failed(ids[-1], reason)
        clock.now += 20
    [row] = rows(journal, AgentCalls())
    assert row.count == 3
    assert row.ids == tuple(reversed(ids))
    assert row.record.id == ids[-1]  # Redial and Copy take the newest
    assert row.text(clock.now).endswith("failed \u00d73")
    assert "Failed 3 times in a row" in row.details and reason in row.details


def test_failures_are_collapsed_only_when_identical_and_consecutive(journal: Journal) -> None:
    def fail(reason: str, **kw: str) -> None:
        journal.dial_failed(dial(journal, **kw), reason)

    fail("busy")
    fail("busy")
    fail("not available")  # another reason
    fail("not available", number="6175550000")  # another number
    placed = dial(journal)
    journal.placed(placed, "int-5", 1)
    fail("not available", number="6175550000")  # the same failure, but a call came between
    row_id = dial(journal)
    journal.dial_failed(row_id, "no answer", outcome_unknown=True)
    journal.dial_failed(
        dial(journal), "no answer", outcome_unknown=True
    )  # unknowns may be live: never merged
    counts = [(r.state, r.count) for r in rows(journal, AgentCalls())]
    assert counts == [
        (CallState.UNKNOWN, 1),
        (CallState.UNKNOWN, 1),
        (CallState.FAILED, 1),
        (CallState.ENDED, 1),  # this agent's call the model does not show: over
        (CallState.FAILED, 1),
        (CallState.FAILED, 1),
        (CallState.FAILED, 2),
    ]


def test_calls_without_a_number_are_left_out(journal: Journal) -> None:
    journal.adopt("int-foreign", tenant=TENANT, agent_id=AGENT, display="Inbound call")
    assert rows(journal, AgentCalls()) == []


def test_the_tooltip_keeps_the_platforms_words_and_the_interaction_id(journal: Journal) -> None:
    calls = AgentCalls()
    placed_call(journal, calls, "int-42")
    journal.error("int-42", "HTTP 400: <b>Interaction [int-42] was not found.</b>")
    [row] = rows(journal, calls)
    assert "Interaction id: int-42" in row.details
    assert "HTTP 400: <b>Interaction [int-42] was not found.</b>" in row.details
    assert row.copy_text == f"{NUMBER}\tint-42"


def test_redial_dials_the_number_the_way_it_was_dialled(journal: Journal) -> None:
    journal.dial_failed(dial(journal), "x")
    journal.dial_failed(dial(journal, "9 5551234", prefix="9", number="5551234"), "x")
    journal.dial_failed(dial(journal, "2002", prefix="", number="2002"), "x")
    extension, raw, parsed = journal.recent(3)
    assert (redial_intent(parsed).number, redial_intent(parsed).prefix) == ("+16175551984", None)
    assert (redial_intent(raw).number, redial_intent(raw).prefix) == ("5551234", "9")
    assert (redial_intent(extension).number, redial_intent(extension).prefix) == ("2002", "")


def test_when_says_the_time_today_and_the_day_before() -> None:
    noon = time.mktime((2024, 3, 12, 12, 0, 0, 0, 0, -1))
    assert when(noon - 3600, noon) == "11:00"
    assert when(noon - 86400, noon) == "Mon 12:00"
    assert when(noon - 30 * 86400, noon) == "11 Feb 12:00"


@pytest.mark.usefixtures("french_words")
def test_a_french_agent_reads_french_days_months_and_dates() -> None:
    noon = time.mktime((2024, 3, 12, 12, 0, 0, 0, 0, -1))
    assert when(noon - 3600, noon) == "11:00"
    assert when(noon - 86400, noon) == "lun. 12:00"
    assert when(noon - 30 * 86400, noon) == "11 févr. 12:00"


def test_ccdesk_s_own_reasons_are_kept_in_english_and_read_in_the_window_s_language(
    journal: Journal, clock: Clock
) -> None:
    clock.now = time.mktime((2024, 3, 12, 9, 5, 7, 0, 0, -1))
    journal.dismissed(dial(journal), DISMISSED)
    [record] = journal.recent(1)
    assert record.last_error == DISMISSED  # the journal's record stays English, whatever the window speaks
    [row] = rows(journal, AgentCalls())
    assert row.details.splitlines()[0] == "Dialled 2024-03-12 09:05:07"
    assert row.details.splitlines()[-1] == "Checked by the agent: no call was placed."
    words.use(french)
    assert row.details.splitlines()[-1] == "Vérifié par l'agent\u00a0: aucun appel n'a été passé."
    assert "12/03/2024 09:05:07" in row.details.splitlines()[0]
