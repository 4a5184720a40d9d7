"""The window asks before a doubtful number is dialled and before a link replaces a number being typed; the dial
pad's folding is remembered (issue 12, points 3 and 6, and the click-to-dial point)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import Driver

from ccdesk.ui.qt import QMessageBox, QToolButton


def posts(demo: Driver) -> int:
    return sum(r.method == "POST" and "/calls" in r.path for r in demo.sim.requests)


def answering(monkeypatch: pytest.MonkeyPatch, reply: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
        asked.append(f"{title}\n{text}")
        return reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_local_number_without_its_area_code_asks_before_dialling(
    demo: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    demo.dial("555-1984", wait=False)
    demo.wait_idle()
    assert len(asked) == 1 and asked[0].startswith("Dial anyway?") and "add the area code" in asked[0]
    assert posts(demo) == 0 and demo.window.dial_panel.dial_button.isEnabled()
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    demo.window.dial_panel.request_dial()
    demo.wait_idle()
    assert len(asked) == 1 and posts(demo) == 1


def test_a_full_number_is_dialled_without_a_question(demo: Driver) -> None:
    demo.dial("+1 617 555 1984")  # the autouse fixture fails the test on any question
    assert posts(demo) == 1


def test_a_link_asks_before_replacing_a_number_being_typed(
    demo: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.type_number("+44 20 79")
    asked = answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    demo.window.handle_link("tel:+16175551984")
    assert len(asked) == 1 and "Replace it with" in asked[0]
    assert demo.window.dial_panel.number_input.text().startswith("+44 20 79")
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    demo.window.handle_link("tel:+16175551984")
    assert len(asked) == 1 and "617" in demo.window.dial_panel.number_input.text()
    assert posts(demo) == 0  # filled, not dialled: the profile does not dial links at once


def test_the_folded_dial_pad_is_remembered(open_window: Callable[..., Driver]) -> None:
    first = open_window("--demo")
    toggle = first.find(QToolButton, "dialPadToggle")
    toggle.click()
    assert not first.window.dial_panel.pad_visible
    first.window.close()
    again = open_window("--demo")
    assert not again.window.dial_panel.pad_visible
