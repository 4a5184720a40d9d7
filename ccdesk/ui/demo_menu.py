"""The Demo menu: make the embedded simulator misbehave on purpose, to see how ccdesk explains each failure.

Each entry arms one fault for the next matching Call API request (agent-status reads are left alone, so the
fault lands on the action the user tries next). One fault is armed at a time: picking another replaces it (it
never queues behind an earlier pick, so the next dial fails with what was picked last); the armed one is
checked and named in the submenu's title until it has fired, and unchecking it disarms it. The simulator's
latency is a choice of three, the current one checked and in the title; it delays every request, the supervisor
console's bulk runs too, so their progress and Cancel can be seen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ccdesk.ui.qt import QAction, QActionGroup, QMenu

FAULTS_TITLE = "Next request &fails with"
LATENCY_TITLE = "Simulator &latency"
LATENCIES = (0.0, 0.5, 2.0)


@dataclass(frozen=True)
class DemoFault:
    key: str
    label: str
    kind: str
    options: dict[str, Any] = field(default_factory=dict)


def demo_faults(agent: str) -> tuple[DemoFault, ...]:
    """The menu's faults: every documented reason, then the HTTP and network failures."""

    def reason(key: str, label: str, method: str, path: str, text: str) -> DemoFault:
        return DemoFault(
            key, label, "status", {"status": 400, "reasons": [text], "method": method, "path_contains": path}
        )

    return (
        reason(
            "agentBusy",
            "Dial: agent busy on the other line",
            "POST",
            "/calls",
            f"Agent=[{agent}] not available to handle interaction, already on busy phone interaction",
        ),
        reason(
            "agentUnavailable",
            "Dial: agent unavailable (break, logged out)",
            "POST",
            "/calls",
            f"Agent=[{agent}] not available to handle interaction",
        ),
        reason(
            "invalidCode",
            "Codes: invalid transaction code",
            "PUT",
            "/transaction-codes",
            "Invalid transaction code, listId=[12] itemId=[999]",
        ),
        reason(
            "notMultiple",
            "Codes: list is single choice",
            "PUT",
            "/transaction-codes",
            "Invalid transaction codes, lists=[12] are not supporting multiple choice",
        ),
        reason(
            "interactionNotFound",
            "End: interaction not found",
            "DELETE",
            "/calls/",
            "Interaction [int-0000000000-unknown-phone-00-acmecorp01] was not found.",
        ),
        reason(
            "agentLegNotFound",
            "Hang up: interaction not found for agent",
            "DELETE",
            "/agent/",
            f"Interaction [int-0000000000-unknown-phone-00-acmecorp01] for agent [{agent}] was not found",
        ),
        reason(
            "noInteractions",
            "Free all: no phone interactions",
            "DELETE",
            "/agents/",
            f"Agent [{agent}] has no phone interactions in progress.",
        ),
        reason(
            "nothingOnLine",
            "Free line: nothing on the line",
            "DELETE",
            "/line/",
            f"Failed to find any interaction on line [1] for agent [{agent}].",
        ),
        DemoFault(
            "http401",
            "401 token rejected",
            "status",
            {"status": 401, "reasons": ["Authentication failed"], "path_contains": "/calls"},
        ),
        DemoFault(
            "http403xml",
            "403 forbidden (XML body)",
            "status",
            {"status": 403, "body": "xml", "path_contains": "/calls"},
        ),
        DemoFault(
            "http410",
            "410 interaction already terminated",
            "status",
            {"status": 410, "reasons": ["Interaction is already terminated"], "path_contains": "/calls"},
        ),
        DemoFault(
            "http429",
            "429 rate limited (Retry-After 2 s)",
            "status",
            {"status": 429, "retry_after": 2, "count": 2, "path_contains": "/calls"},
        ),
        DemoFault("http500", "500 server error", "status", {"status": 500, "path_contains": "/calls"}),
        DemoFault("timeout", "Timeout (no answer)", "timeout", {"delay": 600, "path_contains": "/calls"}),
        DemoFault("drop", "Dropped connection", "drop", {"path_contains": "/calls"}),
    )


def populate_demo_menu(
    menu: QMenu, simulator: Callable[[], Any], agent: str, notify: Callable[[str, int], None]
) -> None:
    """Fill the Demo menu; `simulator()` gives the ccdesk.sim Simulator when an entry is used (it is made on
    first use, after the window has painted); `notify` shows a status-bar line."""
    menu.clear()
    faults = menu.addMenu(FAULTS_TITLE)
    faults.setObjectName("demoFaultsMenu")
    picks = {fault.key: fault for fault in demo_faults(agent)}
    fault_actions: dict[str, QAction] = {}

    def show_armed() -> None:
        """Check the armed fault (none once it fired) and name it in the submenu's title."""
        armed = simulator().armed_fault
        for key, action in fault_actions.items():
            action.setChecked(key == armed)
        label = picks[armed].label if armed in picks else ""
        faults.setTitle(f"{FAULTS_TITLE}: {label}" if label else FAULTS_TITLE)

    for fault in picks.values():
        action = QAction(fault.label, menu)
        action.setObjectName(f"demoFault_{fault.key}")
        action.setCheckable(True)

        def arm(checked: bool, fault: DemoFault = fault) -> None:
            sim = simulator()
            before = sim.armed_fault
            if checked:
                sim.arm_fault(fault.key, fault.kind, **fault.options)
                replaced = f" It replaces “{picks[before].label}”." if before in picks else ""
                notify(f"Demo: the next matching request will fail ({fault.label}).{replaced}", 8000)
            elif before == fault.key:
                sim.disarm_fault()
                notify(f"Demo: “{fault.label}” is no longer armed.", 5000)
            show_armed()

        action.triggered.connect(arm)
        fault_actions[fault.key] = action
        faults.addAction(action)
    latency = menu.addMenu(LATENCY_TITLE)
    latency.setObjectName("demoLatencyMenu")
    choices = QActionGroup(latency)
    latency_actions: dict[float, QAction] = {}

    def show_latency() -> None:
        """Check the simulator's latency and say it in the submenu's title."""
        current = float(simulator().latency)
        for seconds, action in latency_actions.items():
            action.setChecked(seconds == current)
        latency.setTitle(f"{LATENCY_TITLE}: {current:g} s")

    for seconds in LATENCIES:
        action = QAction(f"{seconds:g} s", menu)
        action.setObjectName(f"demoLatency_{int(seconds * 1000)}")
        action.setCheckable(True)
        choices.addAction(action)

        def set_latency(_checked: bool = False, seconds: float = seconds) -> None:
            simulator().latency = seconds
            show_latency()
            notify(f"Demo: the simulator now answers after {seconds:g} s.", 5000)

        action.triggered.connect(set_latency)
        latency_actions[seconds] = action
        latency.addAction(action)
    menu.aboutToShow.connect(show_armed)
    menu.aboutToShow.connect(show_latency)
    toggle = QAction("Agent Status API &enabled", menu)
    toggle.setObjectName("demoAgentStatusApi")
    toggle.setCheckable(True)
    toggle.setChecked(True)  # the simulator's default; kept in step when the menu opens
    menu.aboutToShow.connect(lambda: toggle.setChecked(bool(simulator().agent_status_api)))

    def set_status_api(enabled: bool) -> None:
        simulator().agent_status_api = enabled
        notify(f"Demo: the Agent Status API is {'on' if enabled else 'off (403 in XML)'}.", 5000)

    toggle.toggled.connect(set_status_api)
    menu.addAction(toggle)
    customer = (
        (
            "The customer hangs &up on line {line}",
            "demoCustomerHangsUp_{line}",
            "customer_hangs_up",
            "the customer on line {line} hung up. 8x8's event stream says so at once; without it, ccdesk "
            "learns it from 8x8's next answer.",
        ),
        (
            "Call on line {line} is &not answered",
            "demoNotAnswered_{line}",
            "call_not_answered",
            "the call on line {line} was not answered; 8x8 frees the line.",
        ),
    )
    for label, name, control, said in customer:
        for line in (1, 2):
            action = QAction(label.format(line=line), menu)
            action.setObjectName(name.format(line=line))

            def act(
                _checked: bool = False, line: int = line, control: str = control, said: str = said
            ) -> None:
                state = simulator().state
                on_line = state.snapshot_lines(agent)[line - 1]
                if on_line is None:
                    notify(f"Demo: the simulator has no call on line {line}.", 5000)
                    return
                try:
                    getattr(state, control)(on_line)
                except Exception as exc:  # the simulator's own words (the call was answered already...)
                    notify(f"Demo: {exc}", 8000)
                    return
                notify("Demo: " + said.format(line=line), 10000)

            action.triggered.connect(act)
            menu.addAction(action)
        menu.addSeparator()
    arrives = QAction("&Another call arrives", menu)
    arrives.setObjectName("demoAnotherCall")

    def another_call(_checked: bool = False) -> None:
        try:
            iid = simulator().state.another_call_arrives(agent)
        except Exception as exc:  # both lines taken, the agent not available...
            notify(f"Demo: {exc}", 8000)
            return
        notify(f"Demo: an inbound call ({iid}) was given to the agent.", 8000)

    arrives.triggered.connect(another_call)
    menu.addAction(arrives)
    drop = QAction("&Drop the event stream", menu)
    drop.setObjectName("demoDropStream")

    def drop_stream(_checked: bool = False) -> None:
        count = simulator().stream.drop()
        notify(
            f"Demo: the event stream was cut ({count} connection(s)); ccdesk reconnects and resumes.", 8000
        )

    drop.triggered.connect(drop_stream)
    menu.addAction(drop)
    menu.addSeparator()
    clear = QAction("&Clear injected faults", menu)
    clear.setObjectName("demoClearFaults")

    def clear_faults(_checked: bool = False) -> None:
        simulator().clear_faults()
        show_armed()
        notify("Demo: faults cleared.", 4000)

    clear.triggered.connect(clear_faults)
    menu.addAction(clear)
