"""Supervisor operations on one agent: what is sent, how to run it, and how its answer is classified.

One definition serves the window, the command line, dry runs ("exactly what will be sent") and the audit trail,
so all four always agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from urllib.parse import quote

from ccdesk.api.errors import CCDeskError, RateLimitedError
from ccdesk.api.models import ApiResult, StatusChange, state_label
from ccdesk.core.explain import explain

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient


class Action(StrEnum):
    FREE_LINE = "free-line"
    FREE_LINES = "free-lines"
    HANG_UP = "hang-up"
    END_CALL = "end-call"
    SET_STATUS = "set-status"


class Outcome(StrEnum):
    DONE = "done"
    NOTHING = "nothing to free"
    FAILED = "failed"
    DRY_RUN = "dry run"
    NOT_SENT = "not sent"  # cancelled before its turn


_NOTHING_THERE = ("has no phone interactions in progress", "Failed to find any interaction on line")


@dataclass(frozen=True)
class Operation:
    action: Action
    agent_id: str
    line: int | None = None
    interaction_id: str = ""
    change: StatusChange | None = None
    end_post_processing: bool = False
    #: how a status change travels: "" alone (PUT .../agentstatus/agents/ID), "POST" or "PUT" as this agent's
    #: entry of a bulk request (the method the bulk endpoint is, or was, sent with)
    bulk_method: str = ""

    @property
    def title(self) -> str:
        """Words for a confirmation or a result row: what happens to whom."""
        if self.action is Action.FREE_LINE:
            return f"Free line {self.line} of agent {self.agent_id}"
        if self.action is Action.FREE_LINES:
            return f"Free all lines of agent {self.agent_id}"
        if self.action is Action.HANG_UP:
            return f"Hang up agent {self.agent_id} on interaction {self.interaction_id}"
        if self.action is Action.END_CALL:
            extra = " and its wrap-up" if self.end_post_processing else ""
            return f"End interaction {self.interaction_id}{extra}"
        assert self.change is not None
        code = f" ({self.change.short_code})" if self.change.short_code else ""
        return f"Set agent {self.agent_id} to {state_label(self.change.status)}{code}"

    def request_line(self, tenant: str) -> str:
        """The HTTP request exactly as the client sends it, for dry runs and the audit trail."""
        t, a, i = (quote(v, safe="") for v in (tenant, self.agent_id, self.interaction_id))
        base = f"/tenants/{t}"
        if self.action is Action.FREE_LINE:
            return f"DELETE {base}/agents/{a}/calls/line/{self.line}"
        if self.action is Action.FREE_LINES:
            return f"DELETE {base}/agents/{a}/calls"
        if self.action is Action.HANG_UP:
            return f"DELETE {base}/calls/{i}/agent/{a}"
        if self.action is Action.END_CALL:
            return f"DELETE {base}/calls/{i}" + (
                "?endPostProcessing=true" if self.end_post_processing else ""
            )
        assert self.change is not None
        if self.bulk_method:
            entry = {"agent-id": self.agent_id, **self.change.to_json()}
            return f"{self.bulk_method} {base}/agentstatus/agents/bulk {json.dumps(entry, sort_keys=True)}"
        return f"PUT {base}/agentstatus/agents/{a} {json.dumps(self.change.to_json(), sort_keys=True)}"

    def run(self, client: CCClient) -> ApiResult:
        if self.action is Action.FREE_LINE:
            assert self.line is not None
            return client.free_line(self.agent_id, self.line)
        if self.action is Action.FREE_LINES:
            return client.free_lines(self.agent_id)
        if self.action is Action.HANG_UP:
            return client.hang_up(self.interaction_id, self.agent_id)
        if self.action is Action.END_CALL:
            return client.end_call(self.interaction_id, end_post_processing=self.end_post_processing)
        assert self.change is not None
        changed = client.set_agent_status(self.agent_id, self.change)
        if not changed.ok:
            raise CCDeskError(
                changed.reason or changed.message,
                status=changed.change_status,
                reasons=[r for r in (changed.reason, changed.message) if r],
            )
        return ApiResult(
            reasons=tuple(r for r in (changed.message,) if r),
            message=changed.reason,
            status=changed.change_status,
        )


@dataclass(frozen=True)
class OperationResult:
    """How one operation ended, in the words the result row and the audit trail use."""

    operation: Operation
    outcome: Outcome
    status: int | None = None
    reasons: tuple[str, ...] = ()
    exit_code: int = 0
    retry_after: float | None = None
    advice: str = ""  # the next step in plain words, for anything but success

    @property
    def summary(self) -> str:
        return "; ".join(self.reasons) or self.outcome.value

    @classmethod
    def from_answer(cls, operation: Operation, result: ApiResult) -> OperationResult:
        return cls(operation, Outcome.DONE, result.status, result.reasons)

    @classmethod
    def from_error(cls, operation: Operation, error: CCDeskError) -> OperationResult:
        reasons = error.reasons or (error.message,)
        if any(marker in r for r in error.reasons for marker in _NOTHING_THERE):
            return cls(operation, Outcome.NOTHING, error.status, reasons, advice=explain(error))
        retry = error.retry_after if isinstance(error, RateLimitedError) else None
        return cls(operation, Outcome.FAILED, error.status, reasons, error.exit_code, retry, explain(error))


def perform(client: CCClient, operation: Operation) -> OperationResult:
    """Run one operation; every ccdesk error becomes a result (a bulk run must never stop on one agent)."""
    try:
        return OperationResult.from_answer(operation, operation.run(client))
    except CCDeskError as exc:
        return OperationResult.from_error(operation, exc)
