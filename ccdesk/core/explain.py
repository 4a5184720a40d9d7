"""What to do next, for each fault the platform documents.

The platform's reasons are shown verbatim; this adds the next step in plain words. The window and the command
line both use it, so an agent and a script author read the same advice.
"""

from __future__ import annotations

import re

from ccdesk.api.errors import CCDeskError, RateLimitedError

_ADVICE: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"not available to handle interaction, already on busy phone interaction", re.I),
        "The agent is on another call. Tick 'Force call' to use the free line, or free a line first.",
    ),
    (
        re.compile(r"not available to handle interaction", re.I),
        "The agent cannot take a call: both lines are busy, or the agent is on break or logged out. "
        "Force call does not help; free a line or change the agent's status.",
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


def advice(reasons: tuple[str, ...] | list[str]) -> str | None:
    """The next step for the first documented reason recognised, if any."""
    for reason in reasons:
        for pattern, text in _ADVICE:
            if pattern.search(reason):
                return text
    return None


def explain(error: CCDeskError) -> str:
    """The plain-language next step for an error: documented reason first, then the error's own."""
    specific = advice(error.reasons)
    if specific:
        return specific
    if isinstance(error, RateLimitedError) and error.retry_after:
        return f"Too many requests: the platform asks to wait {error.retry_after:.0f} s before trying again."
    return error.explanation
