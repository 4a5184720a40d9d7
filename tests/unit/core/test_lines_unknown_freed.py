"""Freeing the line of a call whose answer never came: the call 8x8 names is that call (found by the soak)."""

from __future__ import annotations

from ccdesk.core.lines import AgentCalls, LineState

IID = "int-1a2b-placed-after-all-phone-00-acme"


def test_the_named_call_is_the_unknown_dial_and_goes_to_wrap_up() -> None:
    calls = AgentCalls()
    calls.dialing(1, "+1 617-555-1984")
    calls.unknown(1, 7, error="No answer came back.", advice="Check, Free or Dismiss.")
    calls.line_freed(1, [IID])
    assert calls[1].state is LineState.IDLE
    assert calls[2].state is LineState.IDLE  # before: the Unknown call was moved to line 2, where nothing was
    [wrap] = calls.wrap_ups
    assert wrap.interaction_id == IID and wrap.display == "+1 617-555-1984" and not wrap.error


def test_a_named_call_held_elsewhere_still_moves_the_shown_call() -> None:
    calls = AgentCalls()
    calls.dialing(1, "+1 617-555-0101")
    calls.placed(1, "int-a", 1, others_busy=False)
    calls.dialing(2, "+1 617-555-0102")
    calls.unknown(2, 8, error="No answer came back.", advice="")
    calls.line_freed(2, ["int-a"])  # 8x8 says line 2 held int-a: ccdesk had the lines the wrong way round
    assert calls[1].state is LineState.UNKNOWN and [w.interaction_id for w in calls.wrap_ups] == ["int-a"]
