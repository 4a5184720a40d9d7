"""What the OS runs for a clicked link: the handler commands the installers register, and how ccdesk parses them.

A link is data. The Windows handler command is `"...\\ccdesk.exe" -- "%1"`: "--" ends ccdesk's options, so a link
that carries a raw quote (some launchers pass one through) cannot add `--base-url`, where the token would be sent
(Electron's CVE-2018-1000006). These tests read the real installer script and desktop entry.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccdesk.app import build_parser, without_process_serial
from ccdesk.core.instance import APP_MUTEX

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "packaging" / "windows" / "ccdesk.iss").read_text(encoding="utf-8")
DESKTOP = (ROOT / "resources" / "ccdesk.desktop").read_text(encoding="utf-8")
EXE = r"C:\Users\ann\AppData\Local\Programs\ccdesk\ccdesk.exe"

HOSTILE = [
    'tel:+1" --base-url "https://evil.example',  # a raw quote closes "%1" early
    'tel:+1" --base-url https://evil.example "x',
    'tel:+1" --base-url=https://evil.example --tenant "x',
    'ccdesk:dial?number=1" --home "C:\\Users\\Public',
    "--base-url=https://evil.example",  # a "link" that is an option
    "tel:+1 --demo",  # spaces inside the quotes stay one argument
]


def windows_argv(command_line: str) -> list[str]:
    """Split a command line as CommandLineToArgvW and the MS C runtime do (2N backslashes + quote rule)."""
    args: list[str] = []
    current: list[str] = []
    in_quotes = has_arg = False
    i = 0
    while i < len(command_line):
        c = command_line[i]
        if c == "\\":
            n = 0
            while i < len(command_line) and command_line[i] == "\\":
                n += 1
                i += 1
            if i < len(command_line) and command_line[i] == '"':
                current.append("\\" * (n // 2))
                if n % 2:
                    current.append('"')
                    i += 1
            else:
                current.append("\\" * n)
            has_arg = True
            continue
        if c == '"':
            if in_quotes and command_line[i + 1 : i + 2] == '"':  # "" inside quotes: a literal quote
                current.append('"')
                i += 2
                continue
            in_quotes = not in_quotes
            has_arg = True
        elif c in " \t" and not in_quotes:
            if has_arg:
                args.append("".join(current))
                current, has_arg = [], False
        else:
            current.append(c)
            has_arg = True
        i += 1
    if has_arg:
        args.append("".join(current))
    return args


@given(st.lists(st.text(alphabet='ab \t"\\:+-', min_size=1), min_size=1))
def test_the_splitter_undoes_what_pythons_windows_quoting_makes(args: list[str]) -> None:
    """The splitter above follows the same C runtime rules as subprocess.list2cmdline, its inverse."""
    assert windows_argv(subprocess.list2cmdline(args)) == args


def registry_commands() -> list[str]:
    """Every shell\\open\\command the installer writes, as Windows stores it (Inno's "" is one quote)."""
    found = re.findall(r'Subkey: "[^"]*\\shell\\open\\command";.*?ValueData: "((?:[^"]|"")*)"', ISS)
    return [value.replace('""', '"').replace("{app}\\{#AppExe}", EXE) for value in found]


def run_link(template: str, link: str) -> list[str]:
    """argv[1:] of the process Windows starts for `link` (%1 replaced verbatim, as the shell does)."""
    return windows_argv(template.replace("%1", link))[1:]


def test_the_installer_registers_every_handler_with_the_double_dash_form() -> None:
    commands = registry_commands()
    assert len(commands) == 2  # ccdesk: and the ccdesk.url ProgID offered for tel:/callto:
    for command in commands:
        assert command == f'"{EXE}" -- "%1"'


@pytest.mark.parametrize("link", HOSTILE)
def test_an_injected_option_is_refused_or_stays_part_of_the_link(link: str) -> None:
    for template in registry_commands():
        argv = without_process_serial(run_link(template, link))
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as refused:
            assert refused.code == 2  # extra arguments after "--": argparse refuses them, nothing runs
            continue
        assert args.base_url is None and args.tenant is None and args.home is None and not args.demo
        assert args.link == link  # the whole text reached the link parser, which refuses what is not a link


def test_without_the_double_dash_the_same_link_would_set_the_base_url() -> None:
    """The check above can fail: the old form, `"ccdesk.exe" "%1"`, lets the quote inject an option."""
    argv = run_link(f'"{EXE}" "%1"', HOSTILE[0])
    assert build_parser().parse_args(argv).base_url == "https://evil.example"


def test_a_plain_link_arrives_whole() -> None:
    for template in registry_commands():
        args = build_parser().parse_args(run_link(template, "tel:+44 20 7946 0018"))
        assert args.link == "tel:+44 20 7946 0018"


def test_a_process_serial_after_the_double_dash_is_the_link_not_dropped() -> None:
    assert without_process_serial(["-psn_0_42", "--", "-psn_1"]) == ["--", "-psn_1"]


def test_the_desktop_entry_passes_the_link_after_a_double_dash() -> None:
    assert re.search(r"^Exec=ccdesk -- %u$", DESKTOP, re.M)
    assert build_parser().parse_args(["--"]).link is None  # started from the menu: no link


def test_tel_and_callto_keys_are_never_written_only_offered_through_capabilities() -> None:
    """Uninstalling ccdesk must not break another app's tel:/callto: handler (issue 13, point 6)."""
    subkeys = re.findall(r'^Root: HKCU; Subkey: "([^"]+)"', ISS, re.M)
    assert not [key for key in subkeys if re.match(r"Software\\Classes\\(tel|callto)(\\|$)", key)]
    associations = re.findall(r'Capabilities\\URLAssociations"; ValueType: string; ValueName: "(\w+)"', ISS)
    assert sorted(associations) == ["callto", "ccdesk", "tel"]
    assert 'ValueName: "{#AppName}"; ValueData: "Software\\ccdesk\\Capabilities"' in ISS


def test_the_installer_waits_for_the_mutex_ccdesk_holds() -> None:
    assert f'#define AppMutexName "{APP_MUTEX}"' in ISS
    assert "AppMutex={#AppMutexName}" in ISS
