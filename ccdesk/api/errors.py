"""One error tree for everything that can go wrong talking to 8x8.

Each error carries the HTTP status (when there was one), the platform's reasons verbatim, and a plain-language
explanation with the next step, so the window and the command line can show the same words. `exit_code` is the
command line's contract (design.md): 2 bad input, 3 auth, 4 rejected, 5 server/network, 6 outcome unknown.
"""

from __future__ import annotations


class CCDeskError(Exception):
    """Base of every error ccdesk raises on purpose."""

    exit_code = 1
    default_explanation = "Something went wrong."

    def __init__(
        self,
        message: str = "",
        *,
        status: int | None = None,
        reasons: tuple[str, ...] | list[str] = (),
        explanation: str | None = None,
        method: str | None = None,
        path: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.reasons = tuple(reasons)
        self.explanation = explanation or self.default_explanation
        self.method = method
        self.path = path
        self.retry_after = retry_after
        self.message = message or "; ".join(self.reasons) or self.explanation
        super().__init__(self.message)

    @property
    def detail(self) -> str:
        """What the server said (verbatim), or our own message when it said nothing."""
        return "; ".join(self.reasons) or self.message

    def __str__(self) -> str:
        head = f"HTTP {self.status}: " if self.status else ""
        return f"{head}{self.detail}"


class InvalidInput(CCDeskError, ValueError):
    """Refused before any request was sent."""

    exit_code = 2
    default_explanation = "Correct the input and try again; nothing was sent."


class ConfigurationError(CCDeskError):
    """Missing or unusable settings (no tenant, no token, no keyring): nothing was sent."""

    exit_code = 2
    default_explanation = "Complete the profile or environment settings; nothing was sent."


class ApiError(CCDeskError):
    """The platform answered with a fault, or could not be reached."""


class AuthenticationError(ApiError):
    exit_code = 3
    default_explanation = (
        "The username or Action Request Token was rejected. If someone generated a new token in "
        "Configuration Manager, the old one stopped working: "
        "store the new one (ccdesk-cli login or Settings)."
    )


class PermissionDeniedError(ApiError):
    """403: 8x8 refused these credentials for this tenant (its documents: "not authorized to access this tenant")."""

    exit_code = 3
    default_explanation = (
        "Not allowed: 8x8 does not let these credentials act on this tenant. Check the tenant name and the "
        "username, and that the Action Request Token is this tenant's."
    )


class AgentStatusApiOffError(PermissionDeniedError):
    """The Agent Status API's own 403 (`<API><Error>403 - Forbidden.</Error></API>`): it is not enabled.

    Only an Agent Status request gets this error; the Call API keeps working for the tenant.
    """

    default_explanation = (
        "The Agent Status API is not enabled for this tenant (8x8 enables it on request): ask 8x8 support to "
        'enable the "Agent Status API". Calls still work.'
    )


class NotFoundError(ApiError):
    exit_code = 4
    default_explanation = "The agent, call or address does not exist. Check the ids."


class GoneError(ApiError):
    exit_code = 4
    default_explanation = "The call has already ended; nothing more can be done on it."


class RateLimitedError(ApiError):
    exit_code = 4
    default_explanation = "Too many requests. Wait a moment and try again."


class RejectedError(ApiError):
    """Any other 4xx: the platform refused the request and said why in `reasons`."""

    exit_code = 4
    default_explanation = "The platform refused the request; its reasons say why."


class ServerError(ApiError):
    exit_code = 5
    default_explanation = "The 8x8 platform had a problem. Try again in a moment."


class ConnectionFailedError(ApiError):
    exit_code = 5
    default_explanation = (
        "Could not reach the 8x8 platform. Check the network, the platform code or base URL."
    )


class RequestTimeoutError(ApiError):
    exit_code = 5
    default_explanation = "The platform did not answer in time. Try again."


class ProxyAnswerError(ApiError):
    """A web page or a redirect answered instead of 8x8's API: a proxy, a captive portal or a sign-in page."""

    exit_code = 5
    default_explanation = (
        "A proxy or sign-in page answered instead of 8x8, so the request may not have reached the platform. "
        "Sign in to the network or proxy if it asks, check the platform code or base URL, then try again."
    )


class OutcomeUnknownError(ApiError):
    """The place-call request may have reached the platform, but no answer came back."""

    exit_code = 6
    default_explanation = (
        "The call request may have been placed, but no answer came back. Check the agent's lines "
        "before dialling again, or the customer may be called twice."
    )


def error_for_status(status: int) -> type[ApiError]:
    """The error class for an HTTP fault status."""
    if status == 401:
        return AuthenticationError
    if status == 403:
        return PermissionDeniedError
    if status == 404:
        return NotFoundError
    if status == 410:
        return GoneError
    if status == 429:
        return RateLimitedError
    if 400 <= status < 500:
        return RejectedError
    return ServerError
