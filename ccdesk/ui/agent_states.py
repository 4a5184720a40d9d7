"""The agent statuses' words, in one place for the agent window and the supervisor console."""

from __future__ import annotations

from ccdesk.api.models import AgentState
from ccdesk.ui.qt import QCoreApplication


def state_words(status: int) -> str:
    """An agent status in the window's language ("Wrap-up" for 8x8's post-processing): what the header, its menu,
    the tray and the supervisor console show."""
    words = {
        AgentState.UNKNOWN: QCoreApplication.translate("AgentStates", "Unknown (never logged in)"),
        AgentState.LOGGED_OUT: QCoreApplication.translate("AgentStates", "Logged out"),
        AgentState.LOGGED_IN: QCoreApplication.translate("AgentStates", "Logged in"),
        AgentState.ON_BREAK: QCoreApplication.translate("AgentStates", "On break"),
        AgentState.WAIT_TRANSACT: QCoreApplication.translate("AgentStates", "Available"),
        AgentState.WORK_OFFLINE: QCoreApplication.translate("AgentStates", "Work offline"),
        AgentState.TRANSACT_OFFERED: QCoreApplication.translate("AgentStates", "Offered"),
        AgentState.PROCESS_TRANSACT: QCoreApplication.translate("AgentStates", "Processing"),
        AgentState.POST_PROCESS: QCoreApplication.translate("AgentStates", "Wrap-up"),
        AgentState.BUSY: QCoreApplication.translate("AgentStates", "Busy"),
        AgentState.DIRECT_CALL: QCoreApplication.translate("AgentStates", "Direct call"),
        AgentState.ON_EMAIL: QCoreApplication.translate("AgentStates", "On email"),
    }
    try:
        return words[AgentState(status)]
    except ValueError:  # a status newer than this client
        return QCoreApplication.translate("AgentStates", "Status {code}").format(code=status)
