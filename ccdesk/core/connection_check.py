"""'Test connection': one harmless Agent Status read that tells a bad token from an API that is switched off.

The Agent Status API is the only read-only call that shares the Call API's credentials. A 401 means the token
(or username) is wrong; the XML `403 - Forbidden.` means the credentials may be right but that API is not
enabled for the tenant, which does not stop the Call API from working.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ccdesk.api.client import CCClient
from ccdesk.api.errors import AuthenticationError, CCDeskError, NotFoundError, PermissionDeniedError


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


def check_connection(client: CCClient, agent_id: str = "") -> ConnectionCheck:
    """Read the agent (or the roster, without an agent) and say what the answer means."""
    try:
        if agent_id:
            agent = client.get_agent(agent_id)
            name = agent.name or agent_id
            return ConnectionCheck(
                CheckOutcome.OK, f"Connected. {name} is {agent.label.lower()}.", agent.name, agent.status
            )
        agents = client.list_agents()
        return ConnectionCheck(CheckOutcome.OK, f"Connected. The tenant has {len(agents)} agents.")
    except AuthenticationError:
        return ConnectionCheck(
            CheckOutcome.BAD_TOKEN,
            "The token or username was rejected (401). If a new token was generated in Configuration Manager, "
            "the old one no longer works: paste the new one.",
        )
    except PermissionDeniedError as exc:
        if any("403 - Forbidden" in r for r in exc.reasons) or "tenant" not in exc.detail.lower():
            return ConnectionCheck(
                CheckOutcome.API_DISABLED,
                "Signed in, but the Agent Status API is not enabled for this tenant, so the agent's status "
                "cannot be shown. Calls still work; 8x8 support can enable the API.",
            )
        return ConnectionCheck(
            CheckOutcome.WRONG_TENANT, f"These credentials are not for tenant {client.tenant} (403)."
        )
    except NotFoundError:
        return ConnectionCheck(
            CheckOutcome.UNKNOWN_AGENT,
            f"Signed in, but agent {agent_id} does not exist on this tenant. Check the agent's Internal Id.",
        )
    except CCDeskError as exc:
        return ConnectionCheck(CheckOutcome.FAILED, f"{exc}. {exc.explanation}")
