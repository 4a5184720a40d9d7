"""A status change's body is the guide's: `agent-status`, and a status code sent whole (all three fields) or not."""

from __future__ import annotations

from typing import Any

import pytest

from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import AgentState, BulkStatusRequest, StatusChange, StatusCode

GUIDE_SINGLE_BODY = {
    "agent-status": 5,
    "status-code-list-id": 801,
    "status-code-item-id": 1722,
    "status-code-item-short-code": "Meet",
}


def test_a_code_is_sent_with_the_guides_field_names() -> None:
    assert StatusChange.parse_code(5, "801:1722:Meet").to_json() == GUIDE_SINGLE_BODY
    assert StatusCode(801, 1722, "Meet", "In a meeting").change(5).to_json() == GUIDE_SINGLE_BODY
    entry = BulkStatusRequest("ag64oyEUb_Sk6bxVB9P5yaaa", StatusChange.parse_code(3, "801:1725:Lunch"))
    assert entry.to_json() == {  # the guide's bulk entry, field for field
        "agent-id": "ag64oyEUb_Sk6bxVB9P5yaaa",
        "agent-status": 3,
        "status-code-list-id": 801,
        "status-code-item-id": 1725,
        "status-code-item-short-code": "Lunch",
    }
    assert StatusChange(AgentState.WAIT_TRANSACT).to_json() == {
        "agent-status": 4
    }  # the OpenAPI file's minimum


@pytest.mark.parametrize(
    "fields",
    [
        {"list_id": 801, "item_id": 1725},
        {"list_id": 801, "item_id": 1725, "short_code": ""},
        {"list_id": 801, "item_id": 1725, "short_code": "  "},
        {"list_id": 801, "short_code": "Lunch"},
        {"item_id": 1725, "short_code": "Lunch"},
        {"short_code": "Lunch"},
    ],
)
def test_a_part_of_a_code_is_refused_before_sending(fields: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput, match="together"):
        StatusChange(3, **fields)


@pytest.mark.parametrize("text", ["801:1725:", "801:1725: ", "801:1725"])
def test_a_typed_code_needs_its_short_code(text: str) -> None:
    with pytest.raises(InvalidInput):
        StatusChange.parse_code(3, text)


@pytest.mark.parametrize(
    "fields",
    [
        {"list_id": "801", "item_id": 1, "short_code": "x"},
        {"list_id": True, "item_id": 1, "short_code": "x"},
        {"list_id": 801, "item_id": 1.5, "short_code": "x"},
        {"list_id": 801, "item_id": 1, "short_code": ""},
        {"list_id": 801, "item_id": 1, "short_code": None},
        {"list_id": 801, "item_id": 1, "short_code": "x", "name": 5},
    ],
)
def test_a_status_code_must_be_whole(fields: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput):
        StatusCode(**fields)


def test_a_status_code_reads_well_in_a_picker() -> None:
    assert StatusCode(801, 1725, "Lunch", "Lunch break").label == "Lunch — Lunch break (801:1725)"
    assert StatusCode(-1, 1, "Out").label == "Out (-1:1)"
    assert StatusChange(3, 801, 1725, "Lunch").code == StatusCode(801, 1725, "Lunch")
    assert StatusChange(3).code is None
