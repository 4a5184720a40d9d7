"""The Demo menu: make the embedded simulator misbehave on purpose, to see how ccdesk explains each failure.

Each entry arms one fault for the next matching Call API request (agent-status reads are left alone, so the
fault lands on the action the user tries next). One fault is armed at a time: picking another replaces it (it
never queues behind an earlier pick, so the next dial fails with what was picked last); the armed one is
checked and named in the submenu's title until it has fired, and unchecking it disarms it. The simulator's
latency is a choice of three, the current one checked and in the title; it delays every request, the supervisor
console's bulk runs too, so their progress and Cancel can be seen.

The fault reasons are 8x8's own words (the simulator answers with them), so they stay English; what the menu says
is translated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ccdesk.ui.i18n import decimal
from ccdesk.ui.qt import QAction, QActionGroup, QCoreApplication, QMenu

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
            QCoreApplication.translate("DemoMenu", "Dial: agent busy on the other line"),
            "POST",
            "/calls",
            f"Agent=[{agent}] not available to handle interaction, already on busy phone interaction",
        ),
        reason(
            "agentUnavailable",
            QCoreApplication.translate("DemoMenu", "Dial: agent unavailable (break, logged out)"),
            "POST",
            "/calls",
            f"Agent=[{agent}] not available to handle interaction",
        ),
        reason(
            "invalidCode",
            QCoreApplication.translate("DemoMenu", "Codes: invalid transaction code"),
            "PUT",
            "/transaction-codes",
            "Invalid transaction code, listId=[12] itemId=[999]",
        ),
        reason(
            "notMultiple",
            QCoreApplication.translate("DemoMenu", "Codes: list is single choice"),
            "PUT",
            "/transaction-codes",
            "Invalid transaction codes, lists=[12] are not supporting multiple choice",
        ),
        reason(
            "interactionNotFound",
            QCoreApplication.translate("DemoMenu", "End: interaction not found"),
            "DELETE",
            "/calls/",
            "Interaction [int-0000000000-unknown-phone-00-acmecorp01] was not found.",
        ),
        reason(
            "agentLegNotFound",
            QCoreApplication.translate("DemoMenu", "Hang up: interaction not found for agent"),
            "DELETE",
            "/agent/",
            f"Interaction [int-0000000000-unknown-phone-00-acmecorp01] for agent [{agent}] was not found",
        ),
        reason(
            "noInteractions",
            QCoreApplication.translate("DemoMenu", "Free all: no phone interactions"),
            "DELETE",
            "/agents/",
            f"Agent [{agent}] has no phone interactions in progress.",
        ),
        reason(
            "nothingOnLine",
            QCoreApplication.translate("DemoMenu", "Free line: nothing on the line"),
            "DELETE",
            "/line/",
            f"Failed to find any interaction on line [1] for agent [{agent}].",
        ),
        DemoFault(
            "http401",
            QCoreApplication.translate("DemoMenu", "401 token rejected"),
            "status",
            {"status": 401, "reasons": ["Authentication failed"], "path_contains": "/calls"},
        ),
        DemoFault(
            "http403xml",
            QCoreApplication.translate("DemoMenu", "403 forbidden (XML body)"),
            "status",
            {"status": 403, "body": "xml", "path_contains": "/calls"},
        ),
        DemoFault(
            "http410",
            QCoreApplication.translate("DemoMenu", "410 interaction already terminated"),
            "status",
            {"status": 410, "reasons": ["Interaction is already terminated"], "path_contains": "/calls"},
        ),
        DemoFault(
            "http429",
            QCoreApplication.translate("DemoMenu", "429 rate limited (Retry-After 2 s)"),
            "status",
            {"status": 429, "retry_after": 2, "count": 2, "path_contains": "/calls"},
        ),
        DemoFault(
            "http500",
            QCoreApplication.translate("DemoMenu", "500 server error"),
            "status",
            {"status": 500, "path_contains": "/calls"},
        ),
        DemoFault(
            "timeout",
            QCoreApplication.translate("DemoMenu", "Timeout (no answer)"),
            "timeout",
            {"delay": 600, "path_contains": "/calls"},
        ),
        DemoFault(
            "drop",
            QCoreApplication.translate("DemoMenu", "Dropped connection"),
            "drop",
            {"path_contains": "/calls"},
        ),
    )


def populate_demo_menu(
    menu: QMenu, simulator: Callable[[], Any], agent: str, notify: Callable[[str, int], None]
) -> None:
    """Fill the Demo menu; `simulator()` gives the ccdesk.sim Simulator when an entry is used (it is made on
    first use, after the window has painted); `notify` shows a status-bar line."""
    menu.clear()
    faults_title = QCoreApplication.translate("DemoMenu", "Next request &fails with")
    faults = menu.addMenu(faults_title)
    faults.setObjectName("demoFaultsMenu")
    picks = {fault.key: fault for fault in demo_faults(agent)}
    fault_actions: dict[str, QAction] = {}

    def show_armed() -> None:
        """Check the armed fault (none once it fired) and name it in the submenu's title."""
        armed = simulator().armed_fault
        for key, action in fault_actions.items():
            action.setChecked(key == armed)
        label = picks[armed].label if armed in picks else ""
        faults.setTitle(
            QCoreApplication.translate("DemoMenu", "Next request &fails with: {fault}").format(fault=label)
            if label
            else faults_title
        )

    for fault in picks.values():
        action = QAction(fault.label, menu)
        action.setObjectName(f"demoFault_{fault.key}")
        action.setCheckable(True)

        def arm(checked: bool, fault: DemoFault = fault) -> None:
            sim = simulator()
            before = sim.armed_fault
            if checked:
                sim.arm_fault(fault.key, fault.kind, **fault.options)
                said = (
                    QCoreApplication.translate(
                        "DemoMenu",
                        "Demo: the next matching request will fail ({fault}). It replaces “{before}”.",
                    ).format(fault=fault.label, before=picks[before].label)
                    if before in picks
                    else QCoreApplication.translate(
                        "DemoMenu", "Demo: the next matching request will fail ({fault})."
                    ).format(fault=fault.label)
                )
                notify(said, 8000)
            elif before == fault.key:
                sim.disarm_fault()
                notify(
                    QCoreApplication.translate("DemoMenu", "Demo: “{fault}” is no longer armed.").format(
                        fault=fault.label
                    ),
                    5000,
                )
            show_armed()

        action.triggered.connect(arm)
        fault_actions[fault.key] = action
        faults.addAction(action)
    latency = menu.addMenu(QCoreApplication.translate("DemoMenu", "Simulator &latency"))
    latency.setObjectName("demoLatencyMenu")
    choices = QActionGroup(latency)
    latency_actions: dict[float, QAction] = {}

    def show_latency() -> None:
        """Check the simulator's latency and say it in the submenu's title."""
        current = float(simulator().latency)
        for seconds, action in latency_actions.items():
            action.setChecked(seconds == current)
        latency.setTitle(
            QCoreApplication.translate("DemoMenu", "Simulator &latency: {seconds} s").format(
                seconds=decimal(current)
            )
        )

    for seconds in LATENCIES:
        action = QAction(
            QCoreApplication.translate("DemoMenu", "{seconds} s").format(seconds=decimal(seconds)), menu
        )
        action.setObjectName(f"demoLatency_{int(seconds * 1000)}")
        action.setCheckable(True)
        choices.addAction(action)

        def set_latency(_checked: bool = False, seconds: float = seconds) -> None:
            simulator().latency = seconds
            show_latency()
            notify(
                QCoreApplication.translate(
                    "DemoMenu", "Demo: the simulator now answers after {seconds} s."
                ).format(seconds=decimal(seconds)),
                5000,
            )

        action.triggered.connect(set_latency)
        latency_actions[seconds] = action
        latency.addAction(action)
    menu.aboutToShow.connect(show_armed)
    menu.aboutToShow.connect(show_latency)
    toggle = QAction(QCoreApplication.translate("DemoMenu", "Agent Status API &enabled"), menu)
    toggle.setObjectName("demoAgentStatusApi")
    toggle.setCheckable(True)
    toggle.setChecked(True)  # the simulator's default; kept in step when the menu opens
    menu.aboutToShow.connect(lambda: toggle.setChecked(bool(simulator().agent_status_api)))

    def set_status_api(enabled: bool) -> None:
        simulator().agent_status_api = enabled
        notify(
            QCoreApplication.translate("DemoMenu", "Demo: the Agent Status API is on.")
            if enabled
            else QCoreApplication.translate("DemoMenu", "Demo: the Agent Status API is off (403 in XML)."),
            5000,
        )

    toggle.toggled.connect(set_status_api)
    menu.addAction(toggle)
    customer = (
        (
            QCoreApplication.translate("DemoMenu", "The customer hangs &up on line {line}"),
            "demoCustomerHangsUp_{line}",
            "customer_hangs_up",
            QCoreApplication.translate(
                "DemoMenu",
                "Demo: the customer on line {line} hung up. 8x8's event stream says so at once; without it, "
                "ccdesk learns it from 8x8's next answer.",
            ),
        ),
        (
            QCoreApplication.translate("DemoMenu", "Call on line {line} is &not answered"),
            "demoNotAnswered_{line}",
            "call_not_answered",
            QCoreApplication.translate(
                "DemoMenu", "Demo: the call on line {line} was not answered; 8x8 frees the line."
            ),
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
                    notify(
                        QCoreApplication.translate(
                            "DemoMenu", "Demo: the simulator has no call on line {line}."
                        ).format(line=line),
                        5000,
                    )
                    return
                try:
                    getattr(state, control)(on_line)
                except Exception as exc:  # the simulator's own words (the call was answered already...)
                    notify(
                        QCoreApplication.translate("DemoMenu", "Demo: {problem}").format(problem=exc), 8000
                    )
                    return
                notify(said.format(line=line), 10000)

            action.triggered.connect(act)
            menu.addAction(action)
        menu.addSeparator()
    arrives = QAction(QCoreApplication.translate("DemoMenu", "&Another call arrives"), menu)
    arrives.setObjectName("demoAnotherCall")

    def another_call(_checked: bool = False) -> None:
        try:
            iid = simulator().state.another_call_arrives(agent)
        except Exception as exc:  # both lines taken, the agent not available...
            notify(QCoreApplication.translate("DemoMenu", "Demo: {problem}").format(problem=exc), 8000)
            return
        notify(
            QCoreApplication.translate(
                "DemoMenu", "Demo: an inbound call ({interaction}) was given to the agent."
            ).format(interaction=iid),
            8000,
        )

    arrives.triggered.connect(another_call)
    menu.addAction(arrives)
    drop = QAction(QCoreApplication.translate("DemoMenu", "&Drop the event stream"), menu)
    drop.setObjectName("demoDropStream")

    def drop_stream(_checked: bool = False) -> None:
        count = simulator().stream.drop()
        notify(
            QCoreApplication.translate(
                "DemoMenu",
                "Demo: the event stream was cut (%n connection(s)); ccdesk reconnects and resumes.",
                None,
                count,
            ),
            8000,
        )

    drop.triggered.connect(drop_stream)
    menu.addAction(drop)
    menu.addSeparator()
    clear = QAction(QCoreApplication.translate("DemoMenu", "&Clear injected faults"), menu)
    clear.setObjectName("demoClearFaults")

    def clear_faults(_checked: bool = False) -> None:
        simulator().clear_faults()
        show_armed()
        notify(QCoreApplication.translate("DemoMenu", "Demo: faults cleared."), 4000)

    clear.triggered.connect(clear_faults)
    menu.addAction(clear)
