"""What a call holds after a set-codes request: `amend`, the one reading ccdesk and its simulator share."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccdesk.api.models import TransactionCode
from ccdesk.core.codes import Catalog, CodeItem, CodeList, amend
from ccdesk.sim import SimError, TenantState, load_scenario

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"


def codes(*pairs: tuple[int, int]) -> list[TransactionCode]:
    return [TransactionCode(list_id, item_id) for list_id, item_id in pairs]


@pytest.mark.parametrize(
    ("held", "sent", "after"),
    [
        ([], [(12, 234)], [(12, 234)]),
        # a list not sent keeps its codes; a new list is added after the kept ones
        ([(12, 234)], [(2281, 7361)], [(12, 234), (2281, 7361)]),
        # a list sent again holds exactly what was sent for it, in its place
        ([(12, 234), (2281, 7361)], [(12, 235)], [(12, 235), (2281, 7361)]),
        ([(2281, 7361), (2281, 7362), (12, 234)], [(2281, 7365)], [(2281, 7365), (12, 234)]),
        ([(2281, 7361)], [(2281, 7361), (2281, 7362)], [(2281, 7361), (2281, 7362)]),
        # duplicates in a request count once
        ([], [(2281, 7361), (2281, 7361)], [(2281, 7361)]),
        ([(12, 234)], [], [(12, 234)]),
    ],
)
def test_amend_list_by_list(
    held: list[tuple[int, int]], sent: list[tuple[int, int]], after: list[tuple[int, int]]
) -> None:
    assert amend(codes(*held), codes(*sent)) == tuple(codes(*after))


def test_the_six_code_limit_counts_what_is_held_after_the_amend() -> None:
    catalog = Catalog((CodeList(2281, "Products", multiple=True), CodeList(4410, "Sentiment")))
    held = codes((2281, 1), (2281, 2), (2281, 3), (2281, 4), (2281, 5))
    assert catalog.problems(amend(held, codes((4410, 1)))) == []
    assert catalog.problems(amend(held, codes((4410, 1), (9, 9)))) == [
        "At most 6 codes can be set; 7 are chosen."
    ]
    assert catalog.problems(amend(held, codes((2281, 1), (4410, 1), (9, 9)))) == []  # 2281 re-sent smaller


def demo_catalog() -> Catalog:
    """The demo tenant's code lists as a catalog, built from the simulator's scenario (the same file)."""
    return Catalog(
        tuple(
            CodeList(
                raw["id"],
                raw["name"],
                raw["mandatory"],
                raw["multiple_choice"],
                tuple(CodeItem(i["id"], i["name"]) for i in raw["items"]),
            )
            for raw in load_scenario()["transaction_code_lists"]
        )
    )


CATALOG = demo_catalog()
ALL_CODES = [TransactionCode(cl.id, item.id) for cl in CATALOG.lists for item in cl.items]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ALL_CODES), min_size=1, max_size=5), min_size=1, max_size=6))
def test_amend_predicts_what_the_simulator_holds_after_every_request(
    requests: list[list[TransactionCode]],
) -> None:
    """Random sequences of set-codes requests: ccdesk's prediction and the simulator agree on every step,
    including which requests are refused (too many codes after the amend, or several from a single list)."""
    state = TenantState(seed=1)
    iid, _ = state.place_call(AGENT, "1", "6175551984", "", queue_id="598")
    held: tuple[TransactionCode, ...] = ()
    for sent in requests:
        predicted = amend(held, sent)
        refused = bool(CATALOG.problems(predicted))
        selections: dict[int, list[int]] = {}
        for code in sent:
            selections.setdefault(code.list_id, []).append(code.item_id)
        try:
            state.set_transaction_codes(iid, AGENT, list(selections.items()))
        except SimError as error:
            assert refused, f"the simulator refused {sent} ({error.reason}); ccdesk predicted {predicted}"
            continue
        assert not refused, f"the simulator accepted {sent}; ccdesk predicted a refusal of {predicted}"
        held = predicted
        [call] = [c for c in state.snapshot()["interactions"] if c["id"] == iid]
        on_platform = {
            TransactionCode(lst["id"], code["id"]) for lst in call["codes"] for code in lst["codes"]
        }
        assert set(held) == on_platform
