"""'Test connection': one harmless Agent Status read that tells a bad token from an API that is switched off.

The Agent Status API is the only read-only call that shares the Call API's credentials. A 401 means the token
(or username) is wrong; the XML `403 - Forbidden.` means the credentials may be right but that API is not
enabled for the tenant, which does not stop the Call API from working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from ccdesk.api.client import CCClient
from ccdesk.api.errors import AuthenticationError, CCDeskError, NotFoundError, PermissionDeniedError
from ccdesk.api.models import state_label
from ccdesk.api.words import translate


class CheckOutcome(StrEnum):
    OK = "ok"
    BAD_TOKEN = "bad-token"
    API_DISABLED = "api-disabled"
    WRONG_TENANT = "wrong-tenant"
    UNKNOWN_AGENT = "unknown-agent"
    FAILED = "failed"


@dataclass(frozen=True)
class ConnectionCheck:
    outcome: CheckOutcome
    message: str
    agent_name: str = ""
    agent_status: int | None = None


def check_connection(
    client: CCClient, agent_id: str = "", status_words: Callable[[int], str] = state_label
) -> ConnectionCheck:
    """Read the agent (or the roster, without an agent) and say what the answer means; `status_words` names the
    agent's status as the window does (its language, its words)."""
    try:
        if agent_id:
            agent = client.get_agent(agent_id)
            said = translate("ConnectionCheck", "Connected. {name} is {status}.").format(
                name=agent.name or agent_id, status=status_words(agent.status).lower()
            )
            return ConnectionCheck(CheckOutcome.OK, said, agent.name, agent.status)
        count = len(client.list_agents())
        said = translate("ConnectionCheck", "Connected. The tenant has %n agent(s).", None, count)
        return ConnectionCheck(CheckOutcome.OK, said)
    except AuthenticationError:
        return ConnectionCheck(
            CheckOutcome.BAD_TOKEN,
            translate(
                "ConnectionCheck",
                "The token or username was rejected (401). If a new token was generated in Configuration Manager, "
                "the old one no longer works: paste the new one.",
            ),
        )
    except PermissionDeniedError as exc:
        if any("403 - Forbidden" in r for r in exc.reasons) or "tenant" not in exc.detail.lower():
            return ConnectionCheck(
                CheckOutcome.API_DISABLED,
                translate(
                    "ConnectionCheck",
                    "Signed in, but the Agent Status API is not enabled for this tenant, so the agent's status "
                    "cannot be shown. Calls still work; 8x8 support can enable the API.",
                ),
            )
        return ConnectionCheck(
            CheckOutcome.WRONG_TENANT,
            translate("ConnectionCheck", "These credentials are not for tenant {tenant} (403).").format(
                tenant=client.tenant
            ),
        )
    except NotFoundError:
        return ConnectionCheck(
            CheckOutcome.UNKNOWN_AGENT,
            translate(
                "ConnectionCheck",
                "Signed in, but agent {agent} does not exist on this tenant. Check the agent's Internal Id.",
            ).format(agent=agent_id),
        )
    except CCDeskError as exc:
        return ConnectionCheck(
            CheckOutcome.FAILED,
            translate("ConnectionCheck", "{problem}. {advice}").format(problem=exc, advice=exc.explanation),
        )
