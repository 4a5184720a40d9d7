"""The API document's own examples, shared by every test that checks a request against them."""

from __future__ import annotations

from typing import Any

#: "Place Call For Agent Request" in cc-manage-phone-calls.txt, as JSON
DOC_PLACE_CALL_BODY: dict[str, Any] = {
    "agentId": "ag0VYyLh0YTsymdbtYIaaaa",
    "prefix": "1",
    "number": "6175551984",
    "callerId": "12015551212",
    "queueId": "598",
    "forceCall": True,
    "dialplanId": "12",
    "extTransactionData": [
        {"name": "Name", "value": "Bilbo Baggins"},
        {"name": "Loyalty Level", "value": "Gold"},
    ],
    "ctlUserData": [
        {"name": "AccountRef", "value": "BB123987"},
        {"name": "DueDate", "value": "2022-12-25"},
    ],
}
