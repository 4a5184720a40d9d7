"""The bar that says one of ccdesk's files has a problem: plain text, the right buttons, and they do what they say."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ccdesk.core.local_files import LocalFileError, move_aside
from ccdesk.ui.problem_bar import FileProblemBar, ProblemBars
from ccdesk.ui.qt import QLabel, QPushButton, Qt, QUrl, QWidget


@pytest.fixture
def opened() -> list[QUrl]:
    return []


@pytest.fixture
def bars(qtbot: QtBot, opened: list[QUrl]) -> ProblemBars:
    widget = ProblemBars(open_url=opened.append)
    qtbot.addWidget(widget)
    return widget


def child(bar: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = bar.findChild(kind, name)
    assert found is not None, name
    return found


def shown_bars(bars: ProblemBars) -> list[FileProblemBar]:
    return [b for b in bars.findChildren(FileProblemBar, "fileProblemBar") if not b.isHidden()]


def test_paths_and_messages_are_shown_as_plain_text(bars: ProblemBars, tmp_path: Path) -> None:
    path = tmp_path / "<b>x</b>" / "config.json"
    bar = bars.show_error(LocalFileError(path, "settings", "is not valid JSON (<i>line 1</i>)"))
    text = child(bar, QLabel, "fileProblemText")
    assert text.textFormat() == Qt.TextFormat.PlainText
    assert "<b>x</b>" in text.text() and "<i>line 1</i>" in text.text()  # literal, never markup
    assert "Check the file" in text.text()  # the way out is on the bar too
    assert bar.accessibleDescription() == text.text()


def test_every_control_has_an_accessible_name(bars: ProblemBars, tmp_path: Path) -> None:
    bar = bars.show_error(
        LocalFileError(tmp_path / "config.json", "settings", "is empty", can_move_aside=True),
        on_move_aside=lambda: None,
    )
    assert bars.accessibleName() and bar.accessibleName()
    for widget in [*bar.findChildren(QPushButton), *bar.findChildren(QLabel)]:
        assert widget.accessibleName(), widget.objectName()


def test_move_aside_is_offered_only_when_the_file_can_be(bars: ProblemBars, tmp_path: Path) -> None:
    movable = bars.show_error(
        LocalFileError(tmp_path / "a.json", "settings", "is empty", can_move_aside=True),
        on_move_aside=lambda: None,
    )
    fixed_in_place = bars.show_error(
        LocalFileError(tmp_path / "b.json", "settings", "holds a secret", can_move_aside=False),
        on_move_aside=lambda: None,
    )
    assert not child(movable, QPushButton, "moveAsideButton").isHidden()
    assert child(fixed_in_place, QPushButton, "moveAsideButton").isHidden()
    assert len(shown_bars(bars)) == 2  # problems with two files stack


def test_move_aside_calls_back_and_names_the_backup(qtbot: QtBot, bars: ProblemBars, tmp_path: Path) -> None:
    broken = tmp_path / "config.json"
    broken.write_text("{nope", encoding="utf-8")
    moved: list[Path] = []

    def start_fresh() -> Path:
        moved.append(move_aside(broken))
        return moved[-1]

    bar = bars.show_error(
        LocalFileError(broken, "settings", "is not valid JSON", can_move_aside=True),
        on_move_aside=start_fresh,
    )
    qtbot.mouseClick(child(bar, QPushButton, "moveAsideButton"), Qt.MouseButton.LeftButton)
    assert len(moved) == 1 and not broken.exists() and moved[0].read_text(encoding="utf-8") == "{nope"
    assert str(moved[0]) in child(bar, QLabel, "fileProblemText").text()
    assert child(bar, QPushButton, "moveAsideButton").isHidden()  # done once; no second backup by accident


def test_a_move_aside_that_fails_says_why(qtbot: QtBot, bars: ProblemBars, tmp_path: Path) -> None:
    broken = tmp_path / "config.json"

    def refuse() -> Path:
        raise LocalFileError(broken, "settings", "could not be moved aside: the disk is read-only")

    bar = bars.show_error(
        LocalFileError(broken, "settings", "is empty", can_move_aside=True), on_move_aside=refuse
    )
    qtbot.mouseClick(child(bar, QPushButton, "moveAsideButton"), Qt.MouseButton.LeftButton)
    assert "read-only" in child(bar, QLabel, "fileProblemText").text()
    assert not bar.isHidden()


def test_open_folder_opens_the_files_folder(
    qtbot: QtBot, bars: ProblemBars, opened: list[QUrl], tmp_path: Path
) -> None:
    bar = bars.show_error(LocalFileError(tmp_path / "config.json", "settings", "is empty"))
    qtbot.mouseClick(child(bar, QPushButton, "openFolderButton"), Qt.MouseButton.LeftButton)
    missing = bars.show_error(
        LocalFileError(tmp_path / "never" / "made", "ccdesk folder", "cannot be created")
    )
    qtbot.mouseClick(child(missing, QPushButton, "openFolderButton"), Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [
        tmp_path,
        tmp_path,
    ]  # the nearest folder that exists


def test_dismiss_hides_the_bar_and_the_stack_when_empty(
    qtbot: QtBot, bars: ProblemBars, tmp_path: Path
) -> None:
    bars.show()
    first = bars.show_problem(tmp_path / "a.json", "The settings file a.json has settings ccdesk ignored")
    second = bars.show_error(LocalFileError(tmp_path / "b.key", "instance key", "is a folder, not a file"))
    qtbot.mouseClick(child(first, QPushButton, "dismissProblemButton"), Qt.MouseButton.LeftButton)
    assert first.isHidden() and not bars.isHidden()
    assert bars.paths() == [tmp_path / "b.key"]
    qtbot.mouseClick(child(second, QPushButton, "dismissProblemButton"), Qt.MouseButton.LeftButton)
    assert second.isHidden() and bars.isHidden() and bars.paths() == []


def test_a_new_problem_with_the_same_file_replaces_its_bar(bars: ProblemBars, tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    bars.show_error(LocalFileError(path, "settings", "is empty"))
    newer = bars.show_error(LocalFileError(path, "settings", "is a folder, not a file"))
    assert shown_bars(bars) == [newer]
    assert "folder" in child(newer, QLabel, "fileProblemText").text()
