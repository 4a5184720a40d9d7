"""What went wrong and what to do next, in one presentation for the window, the tray, the supervisor and the CLI.

The platform's reasons are kept verbatim, but second: a person reads the plain words and the next step first,
then, if they want them, 8x8's words. `present` is the one place an error becomes text a user reads, so an agent
and a script author read the same advice, each in the terms of their tool (a check box or a `--force` option).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ccdesk.api.errors import (
    ApiError,
    CCDeskError,
    RateLimitedError,
)


class Voice(Enum):
    """Whose controls the advice names: the window's check boxes and buttons, or the command line's options."""

    WINDOW = "window"
    CLI = "cli"


# Words that differ between the window and the command line; the advice below names them in braces.
_TERMS: dict[Voice, dict[str, str]] = {
    Voice.WINDOW: {
        "force": "tick Force call",
        "force_name": "Force call",
        "free": "free a line (Free line on the line, or Free all lines)",
        "status": "set the agent's status to Available",
        "settings": "Settings",
    },
    Voice.CLI: {
        "force": "add --force",
        "force_name": "--force",
        "free": "free a line first (ccdesk-cli free --line 1|2)",
        "status": "set the agent's status to Available (ccdesk-cli set-status available)",
        "settings": "ccdesk-cli login",
    },
}

_BUSY = re.compile(r"not available to handle interaction, already on busy phone interaction", re.I)
_NOT_AVAILABLE = re.compile(r"not available to handle interaction", re.I)

_ADVICE: tuple[tuple[re.Pattern[str], str], ...] = (
    (_BUSY, "The agent is on another call: {force} to use the free line, or {free}."),
    (
        _NOT_AVAILABLE,
        "The agent cannot take a call: both lines are busy, or the agent is on break or logged out. "
        "{force_name} does not help: {free}, or {status}.",
    ),
    (
        re.compile(r"Invalid transaction codes?, lists=.*multiple choice", re.I),
        "Those lists allow only one code each: choose a single code per list.",
    ),
    (
        re.compile(r"Invalid transaction codes?, a maximum of \d+ codes", re.I),
        "A call holds at most 6 transaction codes, counting those already set on it: codes of lists a request "
        "does not name stay set, and a list it names gets the codes sent for it. Send fewer codes, or send a "
        "list again with fewer of its codes.",
    ),
    (
        re.compile(r"Invalid transaction code(s)?( list)?, listId=", re.I),
        "That list or code does not exist on this tenant. Check the catalog against Configuration Manager.",
    ),
    (
        re.compile(r"Interaction \[.*\] for agent \[.*\] was not found", re.I),
        "The agent is not on that call any more (it may have been hung up or transferred).",
    ),
    (
        re.compile(r"Interaction \[.*\] was not found", re.I),
        "The platform does not know that interaction id. Check it was copied whole.",
    ),
    (
        re.compile(r"has no phone interactions in progress", re.I),
        "Nothing to free: the agent's lines are already free.",
    ),
    (
        re.compile(r"Failed to find any interaction on line", re.I),
        "Nothing to free on that line: it is already free.",
    ),
    (
        re.compile(r"already terminated", re.I),
        "The call has already ended; nothing more can be done on it.",
    ),
)

_BLOCKED_STATUSES = {"on break", "logged out", "offline", "work offline", "working offline"}


@dataclass(frozen=True)
class Presentation:
    """An error as a person reads it: plain words and the next step, then the platform's own words."""

    #: what happened and what to do next, in plain words; whole sentences, each said once
    summary: str
    #: 8x8's reasons verbatim with the HTTP status ("HTTP 400: Agent=[…] …"), or "" when it said nothing
    details: str = ""
    #: whether `details` are 8x8's words (an answer) or ccdesk's (what happened on the wire)
    from_platform: bool = True

    @property
    def details_heading(self) -> str:
        return "8x8 said" if self.from_platform else "Details"

    def text(self) -> str:
        """Summary, then the details in their own paragraph: for message boxes, the tray and logs."""
        return f"{self.summary}\n\n{self.details_heading}: {self.details}" if self.details else self.summary


def advice(
    reasons: tuple[str, ...] | list[str], *, voice: Voice = Voice.WINDOW, agent_status: str | None = None
) -> str | None:
    """The next step for the first documented reason recognised, if any.

    `agent_status` is the agent's status as ccdesk last read it ("On break"): when the platform refuses a call
    because the agent is not available, ccdesk says which status is in the way instead of guessing.
    """
    terms = _TERMS[voice]
    for reason in reasons:
        if agent_status and not _BUSY.search(reason) and _NOT_AVAILABLE.search(reason):
            status = agent_status.strip()
            if status.lower() in _BLOCKED_STATUSES:
                return f"The agent is {status.lower()}, so 8x8 gives them no calls: {terms['status']}, then dial again."
        for pattern, text in _ADVICE:
            if pattern.search(reason):
                return text.format(**terms)
    return None


def explain(error: CCDeskError, *, voice: Voice = Voice.WINDOW, agent_status: str | None = None) -> str:
    """The plain-language next step for an error: documented reason first, then the error's own."""
    specific = advice(error.reasons, voice=voice, agent_status=agent_status)
    if specific:
        return specific
    if isinstance(error, RateLimitedError) and error.retry_after:
        return f"Too many requests: the platform asks to wait {error.retry_after:.0f} s before trying again."
    if voice is Voice.WINDOW:
        return error.explanation.replace("(ccdesk-cli login or Settings)", "(Settings)")
    return error.explanation.replace("(ccdesk-cli login or Settings)", "(ccdesk-cli login)")


def present(
    error: BaseException | None,
    *,
    outcome: str = "",
    voice: Voice = Voice.WINDOW,
    agent_status: str | None = None,
) -> Presentation:
    """The one way an error becomes words: `outcome` ("Nothing was dialled.") first, then the next step.

    Platform errors keep 8x8's reasons verbatim in `details`. Our own errors (bad input, a file) are already plain
    words: their message and remedy make the summary. Anything else is a bug, said as one, never by class name.
    """
    if isinstance(error, CCDeskError):
        if error.status or error.reasons:
            summary = _sentences(outcome, explain(error, voice=voice, agent_status=agent_status))
            return Presentation(summary, _platform_words(error))
        if isinstance(error, ApiError):
            # no answer to quote: the explanation says what to do, our message what happened on the wire
            said = error.message if error.message != error.explanation else ""
            return Presentation(_sentences(outcome, explain(error, voice=voice)), said, from_platform=False)
        words = error.message if error.message != error.explanation else ""
        remedy = explain(error, voice=voice)
        if remedy == type(error).default_explanation and words:
            remedy = (
                ""  # "correct the input; nothing was sent" adds nothing to a message that says what to fix
            )
        return Presentation(_sentences(outcome, words, remedy))
    if error is None:
        return Presentation(_sentences(outcome, "ccdesk got no answer and no error; try again."))
    return Presentation(
        _sentences(
            outcome,
            "Something failed inside ccdesk. This is a bug: please report it with the diagnostics "
            + ("(Help > Save diagnostics)." if voice is Voice.WINDOW else "(run again with --verbose)."),
        )
    )


def _platform_words(error: CCDeskError) -> str:
    head = f"HTTP {error.status}: " if error.status else ""
    said = "; ".join(error.reasons)
    if not said:
        return f"HTTP {error.status}" if error.status else ""
    return f"{head}{said}"


def _sentences(*parts: str) -> str:
    """Join parts into one text, each sentence once: "Nothing was dialled." never appears twice."""
    seen: set[str] = set()
    out: list[str] = []
    for part in parts:
        for sentence in re.split(r"(?<=[.!?])\s+", part.strip()):
            sentence = sentence.strip()
            if not sentence:
                continue
            if sentence[-1] not in ".!?:":
                sentence += "."
            key = re.sub(r"\W+", " ", sentence).strip().lower()
            if key in seen:
                continue
            seen.add(key)
            out.append(sentence)
    return " ".join(out)
