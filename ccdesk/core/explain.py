"""What went wrong and what to do next, in one presentation for the window, the tray, the supervisor and the CLI.

The platform's reasons are kept verbatim, but second: a person reads the plain words and the next step first,
then, if they want them, 8x8's words. `present` is the one place an error becomes text a user reads, so an agent
and a script author read the same advice, each in the terms of their tool (a check box or a `--force` option).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ccdesk.api.errors import (
    AgentStatusApiOffError,
    ApiError,
    AuthenticationError,
    CCDeskError,
    ConfigurationError,
    ConnectionFailedError,
    GoneError,
    InvalidInput,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    ProxyAnswerError,
    RateLimitedError,
    RejectedError,
    RequestTimeoutError,
    ServerError,
)
from ccdesk.api.words import translate


class Voice(Enum):
    """Whose controls the advice names: the window's check boxes and buttons, or the command line's options."""

    WINDOW = "window"
    CLI = "cli"


_BUSY = re.compile(r"not available to handle interaction, already on busy phone interaction", re.I)
_NOT_AVAILABLE = re.compile(r"not available to handle interaction", re.I)


# Advice that names the window's controls or the command line's options is written whole for each: a sentence
# glued from translated pieces reads wrong in French. The command line's words are never translated.
def _busy_advice(voice: Voice) -> str:
    if voice is Voice.CLI:
        return (
            "The agent is on another call: add --force to use the free line, or free a line first "
            "(ccdesk-cli free --line 1|2)."
        )
    return translate(
        "Explain",
        "The agent is on another call: tick Force call to use the free line, or free a line (Free line on the "
        "line, or Free all lines).",
    )


def _not_available_advice(voice: Voice) -> str:
    if voice is Voice.CLI:
        return (
            "The agent cannot take a call: both lines are busy, or the agent is on break or logged out. "
            "--force does not help: free a line first (ccdesk-cli free --line 1|2), or set the agent's status "
            "to Available (ccdesk-cli set-status available)."
        )
    return translate(
        "Explain",
        "The agent cannot take a call: both lines are busy, or the agent is on break or logged out. "
        "Force call does not help: free a line (Free line on the line, or Free all lines), or set the agent's "
        "status to Available.",
    )


def _blocked_status_advice(voice: Voice, status: str) -> str:
    if voice is Voice.CLI:
        return (
            f"The agent is {status}, so 8x8 gives them no calls: set the agent's status to Available "
            "(ccdesk-cli set-status available), then dial again."
        )
    return translate(
        "Explain",
        "The agent is {status}, so 8x8 gives them no calls: set the agent's status to Available, then dial again.",
    ).format(status=_blocked_status_words(status))


def _blocked_status_words(status: str) -> str:
    """A status that keeps calls away, in the window's language (as the header names it, in lower case)."""
    if status == "on break":
        return translate("Explain", "on break")
    if status == "logged out":
        return translate("Explain", "logged out")
    return translate("Explain", "working offline")


_ADVICE: tuple[tuple[re.Pattern[str], Callable[[Voice], str]], ...] = (
    (_BUSY, _busy_advice),
    (_NOT_AVAILABLE, _not_available_advice),
    (
        re.compile(r"Invalid transaction codes?, lists=.*multiple choice", re.I),
        lambda voice: translate(
            "Explain", "Those lists allow only one code each: choose a single code per list."
        ),
    ),
    (
        re.compile(r"Invalid transaction codes?, a maximum of \d+ codes", re.I),
        lambda voice: translate(
            "Explain",
            "A call holds at most 6 transaction codes, counting those already set on it: codes of lists a "
            "request does not name stay set, and a list it names gets the codes sent for it. Send fewer codes, "
            "or send a list again with fewer of its codes.",
        ),
    ),
    (
        re.compile(r"Invalid transaction code(s)?( list)?, listId=", re.I),
        lambda voice: translate(
            "Explain",
            "That list or code does not exist on this tenant. Check the catalog against Configuration Manager.",
        ),
    ),
    (
        re.compile(r"Interaction \[.*\] for agent \[.*\] was not found", re.I),
        lambda voice: translate(
            "Explain", "The agent is not on that call any more (it may have been hung up or transferred)."
        ),
    ),
    (
        re.compile(r"Interaction \[.*\] was not found", re.I),
        lambda voice: translate(
            "Explain", "The platform does not know that interaction id. Check it was copied whole."
        ),
    ),
    (
        re.compile(r"has no phone interactions in progress", re.I),
        lambda voice: translate("Explain", "Nothing to free: the agent's lines are already free."),
    ),
    (
        re.compile(r"Failed to find any interaction on line", re.I),
        lambda voice: translate("Explain", "Nothing to free on that line: it is already free."),
    ),
    (
        re.compile(r"already terminated", re.I),
        lambda voice: translate("Explain", "The call has already ended; nothing more can be done on it."),
    ),
)


def _window_explanation(error: CCDeskError) -> str:
    """The window's words for an error's own explanation: the error class's default one translated (the API layer
    has no translations), any other explanation as the error carries it."""
    explanation = error.explanation.replace("(ccdesk-cli login or Settings)", "(Settings)")
    if error.explanation != type(error).default_explanation:
        return explanation
    known: dict[type[CCDeskError], Callable[[], str]] = {
        CCDeskError: lambda: translate("Explain", "Something went wrong."),
        InvalidInput: lambda: translate("Explain", "Correct the input and try again; nothing was sent."),
        ConfigurationError: lambda: translate(
            "Explain", "Complete the profile or environment settings; nothing was sent."
        ),
        AuthenticationError: lambda: translate(
            "Explain",
            "The username or Action Request Token was rejected. If someone generated a new token in "
            "Configuration Manager, the old one stopped working: store the new one (Settings).",
        ),
        PermissionDeniedError: lambda: translate(
            "Explain",
            "Not allowed: 8x8 does not let these credentials act on this tenant. Check the tenant name and the "
            "username, and that the Action Request Token is this tenant's.",
        ),
        AgentStatusApiOffError: lambda: translate(
            "Explain",
            "The Agent Status API is not enabled for this tenant (8x8 enables it on request): ask 8x8 support to "
            'enable the "Agent Status API". Calls still work.',
        ),
        NotFoundError: lambda: translate(
            "Explain", "The agent, call or address does not exist. Check the ids."
        ),
        GoneError: lambda: translate(
            "Explain", "The call has already ended; nothing more can be done on it."
        ),
        RateLimitedError: lambda: translate("Explain", "Too many requests. Wait a moment and try again."),
        RejectedError: lambda: translate("Explain", "The platform refused the request; its reasons say why."),
        ServerError: lambda: translate("Explain", "The 8x8 platform had a problem. Try again in a moment."),
        ConnectionFailedError: lambda: translate(
            "Explain", "Could not reach the 8x8 platform. Check the network, the platform code or base URL."
        ),
        RequestTimeoutError: lambda: translate("Explain", "The platform did not answer in time. Try again."),
        ProxyAnswerError: lambda: translate(
            "Explain",
            "A proxy or sign-in page answered instead of 8x8, so the request may not have reached the platform. "
            "Sign in to the network or proxy if it asks, check the platform code or base URL, then try again.",
        ),
        OutcomeUnknownError: lambda: translate(
            "Explain",
            "The call request may have been placed, but no answer came back. Check the agent's lines before "
            "dialling again, or the customer may be called twice.",
        ),
    }
    # the class that wrote the default: a subclass without its own explanation shares its parent's words
    author = next(cls for cls in type(error).__mro__ if "default_explanation" in cls.__dict__)
    words = known.get(author)
    return words() if words is not None else explanation


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
        return translate("Explain", "8x8 said") if self.from_platform else translate("Explain", "Details")

    @property
    def details_line(self) -> str:
        """The details under their heading, one sentence ("8x8 said: HTTP 400: …"), or "" when there are none."""
        if not self.details:
            return ""
        if self.from_platform:
            return translate("Explain", "8x8 said: {details}").format(details=self.details)
        return translate("Explain", "Details: {details}").format(details=self.details)

    def text(self) -> str:
        """Summary, then the details in their own paragraph: for message boxes, the tray and logs."""
        return f"{self.summary}\n\n{self.details_line}" if self.details else self.summary


def advice(
    reasons: tuple[str, ...] | list[str], *, voice: Voice = Voice.WINDOW, agent_status: str | None = None
) -> str | None:
    """The next step for the first documented reason recognised, if any.

    `agent_status` is the agent's status as ccdesk last read it ("On break"): when the platform refuses a call
    because the agent is not available, ccdesk says which status is in the way instead of guessing.
    """
    for reason in reasons:
        if agent_status and not _BUSY.search(reason) and _NOT_AVAILABLE.search(reason):
            status = agent_status.strip()
            if status.lower() in _BLOCKED_STATUSES:
                return _blocked_status_advice(voice, status.lower())
        for pattern, words in _ADVICE:
            if pattern.search(reason):
                return words(voice)
    return None


def explain(error: CCDeskError, *, voice: Voice = Voice.WINDOW, agent_status: str | None = None) -> str:
    """The plain-language next step for an error: documented reason first, then the error's own."""
    specific = advice(error.reasons, voice=voice, agent_status=agent_status)
    if specific:
        return specific
    if isinstance(error, RateLimitedError) and error.retry_after:
        return translate(
            "Explain", "Too many requests: the platform asks to wait {seconds} s before trying again."
        ).format(seconds=f"{error.retry_after:.0f}")
    if voice is Voice.WINDOW:
        return _window_explanation(error)
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
        # "correct the input; nothing was sent" adds nothing to a message that says what to fix
        generic = error.explanation == type(error).default_explanation
        remedy = "" if generic and words else explain(error, voice=voice)
        return Presentation(_sentences(outcome, words, remedy))
    if error is None:
        return Presentation(
            _sentences(outcome, translate("Explain", "ccdesk got no answer and no error; try again."))
        )
    if voice is Voice.CLI:
        bug = (
            "Something failed inside ccdesk. This is a bug: please report it with the diagnostics "
            "(run again with --verbose)."
        )
    else:
        bug = translate(
            "Explain",
            "Something failed inside ccdesk. This is a bug: please report it with the diagnostics "
            "(Help > Save diagnostics).",
        )
    return Presentation(_sentences(outcome, bug))


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
