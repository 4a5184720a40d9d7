"""packaging/build.py's rules for what ships: Qt plugins, Linux host libraries, size budgets, finding ISCC.

build.py is a script, not a package module: it is loaded from its path, as packaging/ccdesk.spec loads it.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BUILD_PY = Path(__file__).resolve().parents[2] / "packaging" / "build.py"


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ccdesk_packaging_build_under_test", BUILD_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = load_build()


def test_importing_build_py_changes_nothing() -> None:
    path_before = list(sys.path)
    load_build()
    assert sys.path == path_before


# --- Qt plugins and libraries -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "key", "ships"),
    [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "linux", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "linux", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", False),
        ("PySide6/Qt/translations/qtbase_de.qm", "linux", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", "linux", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "linux", True),
        ("PySide6\\Qt\\plugins\\platforms\\qwindows.dll", "win32", True),
        ("PySide6\\opengl32sw.dll", "win32", False),
        ("PySide6/opengl32sw.dll", "linux", True),  # the Windows-only rule applies on Windows only
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "darwin", False),
    ],
)
def test_which_collected_files_ship(dest: str, key: str, ships: bool) -> None:
    assert build.keep(dest, key) is ships


@pytest.mark.parametrize(
    ("rel", "forbidden"),
    [
        ("_internal/pyside6/qt/plugins/platformthemes/libqgtk3.so", True),
        ("_internal/libgtk-3.so.0", True),
        ("_internal/libgdk-3.so.0", True),
        ("_internal/libgdk_pixbuf-2.0.so.0", True),
        ("_internal/libatk-bridge-2.0.so.0", True),
        ("_internal/libpangocairo-1.0.so.0", True),
        ("_internal/libcairo-gobject.so.2", True),
        ("_internal/libepoxy.so.0", True),
        ("_internal/pyside6/qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("_internal/libxcb-cursor.so.0", False),
        ("_internal/libssl.so.3", False),
        ("_internal/pyside6/qt/translations/qtbase_de.qm", True),
        ("_internal/somepackage/strings_de.ts", True),
        ("_internal/ccdesk/resources/i18n/ccdesk_fr.ts", False),  # the help's French, read without Qt
    ],
)
def test_the_bundle_check_refuses_gtk(rel: str, forbidden: bool) -> None:
    assert bool(build.FORBIDDEN_FILES.search(rel)) is forbidden


# --- Linux host libraries ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "typecode", "host"),
    [
        ("libxcb-cursor.so.0", "BINARY", True),
        ("libgtk-3.so.0", "BINARY", True),
        ("libpython3.12.so.1.0", "BINARY", False),  # the runtime: always ships, nothing links it
        ("libQt6Core.so.6", "SYMLINK", False),  # a link into PySide6/Qt/lib
        ("PySide6/Qt/lib/libQt6Core.so.6", "BINARY", False),
        ("_cffi_backend.cpython-312-x86_64-linux-gnu.so", "EXTENSION", False),
    ],
)
def test_which_collected_binaries_are_host_libraries(dest: str, typecode: str, host: bool) -> None:
    assert build.is_host_library(dest, typecode) is host


# What the kept Qt/Python binaries link to (a small model of the real bundle), and what GTK 3 would add.
ROOTS = {
    "PySide6/Qt/plugins/platforms/libqxcb.so": [
        "libQt6XcbQpa.so.6",
        "libxcb-cursor.so.0",
        "libxkbcommon.so.0",
    ],
    "PySide6/Qt/lib/libQt6Gui.so.6": [
        "libfontconfig.so.1",
        "libglib-2.0.so.0",
        "libstdc++.so.6",
        "libc.so.6",
    ],
    "python3.12/lib-dynload/_ssl.cpython-312-x86_64-linux-gnu.so": ["libssl.so.3", "libcrypto.so.3"],
}
HOST_NEEDS = {
    "libxcb-cursor.so.0": ["libxcb-render-util.so.0", "libxcb.so.1"],
    "libxcb-render-util.so.0": ["libxcb.so.1"],
    "libssl.so.3": ["libcrypto.so.3"],
    "libfontconfig.so.1": ["libexpat.so.1", "libfreetype.so.6"],
    # No rule covers it, and only a library the host provides links it: the host's business, not a build error.
    "libfreetype.so.6": ["libnorule.so.0"],
}
WITHOUT_GTK = set(HOST_NEEDS) | {
    "libcrypto.so.3",
    "libxkbcommon.so.0",
    "libglib-2.0.so.0",
    "libstdc++.so.6",
    "libexpat.so.1",
    "libnorule.so.0",
}
# Collected only because the left-out gtk3 theme plugin links them.
GTK_ONLY = {
    "libgtk-3.so.0",
    "libgdk-3.so.0",
    "libatk-1.0.so.0",
    "libXi.so.6",
    "libepoxy.so.0",
    "libpng16.so.16",
}


def sort(
    collected: Iterable[str],
    roots: Mapping[str, list[str]] = ROOTS,
    host_needs: Mapping[str, list[str]] = HOST_NEEDS,
) -> Any:
    needs = {**roots, **host_needs}
    return build.sort_host_libraries(set(collected), lambda name: needs.get(name, []), roots)


def test_host_libraries_ship_by_allow_list_and_by_what_the_kept_binaries_link() -> None:
    result = sort(WITHOUT_GTK)
    assert result.bundled == {
        "libxcb-cursor.so.0",
        "libxcb-render-util.so.0",
        "libssl.so.3",
        "libcrypto.so.3",
    }
    assert set(result.dropped) == WITHOUT_GTK - result.bundled
    assert result.refused == {}


def test_gtk_on_the_build_machine_changes_nothing_that_ships() -> None:
    without, with_gtk = sort(WITHOUT_GTK), sort(WITHOUT_GTK | GTK_ONLY)
    assert with_gtk.bundled == without.bundled
    assert with_gtk.refused == {}
    assert set(with_gtk.dropped) >= GTK_ONLY


def test_a_kept_binary_linking_gtk_fails_the_build() -> None:
    roots = {**ROOTS, "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0"]}
    result = sort(WITHOUT_GTK | GTK_ONLY, roots=roots)
    assert set(result.refused) == {"libgtk-3.so.0"}
    assert "libgtk-3.so.0" not in result.bundled


def test_a_needed_host_library_no_rule_covers_fails_the_build() -> None:
    roots = {**ROOTS, "PySide6/QtGui.abi3.so": ["libnewthing.so.1"]}
    result = sort(WITHOUT_GTK | {"libnewthing.so.1"}, roots=roots)
    assert set(result.refused) == {"libnewthing.so.1"}
    assert "HOST_LIBS_BUNDLED" in result.refused["libnewthing.so.1"]


def test_an_allowed_library_missing_from_the_build_machine_fails_the_build() -> None:
    result = sort(WITHOUT_GTK - {"libxcb-cursor.so.0"})
    assert set(result.refused) == {"libxcb-cursor.so.0"}
    assert "install it" in result.refused["libxcb-cursor.so.0"]


def test_an_allowed_library_nothing_links_does_not_ship() -> None:
    result = sort(WITHOUT_GTK | {"libzstd.so.1"})
    assert "libzstd.so.1" in result.dropped
    assert "libzstd.so.1" not in result.bundled


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("libxcb-render-util.so.0", "bundled"),
        ("libX11-xcb.so.1", "bundled"),
        ("libxkbcommon-x11.so.0", "bundled"),
        ("libbz2.so.1.0", "bundled"),
        ("libzstd.so.1", "bundled"),
        ("libxcb.so.1", "unknown"),  # PyInstaller never collects it; the host has it
        ("libxkbcommon.so.0", "provided"),
        ("libstdc++.so.6", "provided"),
        ("libglib-2.0.so.0", "provided"),
        ("libX11.so.6", "provided"),
        ("libgtk-3.so.0", "gtk"),
        ("libgtk-x11-2.0.so.0", "gtk"),
        ("libgdk_pixbuf-2.0.so.0", "gtk"),
        ("libatspi.so.0", "gtk"),
        ("libcairo.so.2", "gtk"),
    ],
)
def test_host_library_rules(name: str, rule: str) -> None:
    assert build.host_library_rule(name) == rule


@pytest.mark.parametrize(
    ("rel", "is_symlink", "refused"),
    [
        ("_internal/libxcb-cursor.so.0", False, False),
        ("_internal/libpython3.12.so.1.0", False, False),
        ("_internal/libQt6Core.so.6", True, False),
        ("_internal/libpng16.so.16", False, True),
        ("_internal/libgtk-3.so.0", False, True),
        ("_internal/PySide6/Qt/lib/libQt6Core.so.6", False, False),
        ("_internal/_cffi_backend.cpython-312-x86_64-linux-gnu.so", False, False),
    ],
)
def test_the_bundle_check_allows_only_listed_host_libraries(
    rel: str, is_symlink: bool, refused: bool
) -> None:
    assert (build.bundled_library_problem(rel, is_symlink) is not None) is refused


# --- size budget ------------------------------------------------------------------------------------------------


def test_within_budget_is_fine_everywhere() -> None:
    for key, budget in build.SIZE_BUDGET_MB.items():
        assert build.budget_verdict(budget - 0.1, key) is None


def test_over_budget_fails_on_linux() -> None:
    verdict = build.budget_verdict(build.SIZE_BUDGET_MB["linux"] + 5, "linux")
    assert verdict is not None and verdict[0] == "problem"


@pytest.mark.parametrize("key", ["win32", "darwin"])
def test_over_budget_only_warns_on_windows_and_macos_until_measured(key: str) -> None:
    verdict = build.budget_verdict(build.SIZE_BUDGET_MB[key] + 5, key)
    assert verdict is not None and verdict[0] == "warning"
    assert "not enforced" in verdict[1]


# --- ISCC -------------------------------------------------------------------------------------------------------


def inno(base: Path, folder: str) -> Path:
    exe = base / folder / "ISCC.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    return exe


def nowhere(_name: str) -> None:
    return None


def test_iscc_on_path_wins() -> None:
    assert build.find_iscc({}, lambda name: f"C:\\bin\\{name}.exe") == "C:\\bin\\iscc.exe"


def test_iscc_6_under_program_files_x86(tmp_path: Path) -> None:
    exe = inno(tmp_path / "x86", "Inno Setup 6")
    env = {"PROGRAMFILES(X86)": str(tmp_path / "x86"), "PROGRAMFILES": str(tmp_path / "pf")}
    assert build.find_iscc(env, nowhere) == str(exe)


def test_iscc_7_under_program_files(tmp_path: Path) -> None:
    exe = inno(tmp_path / "pf", "Inno Setup 7")
    env = {"PROGRAMFILES(X86)": str(tmp_path / "x86"), "PROGRAMFILES": str(tmp_path / "pf")}
    assert build.find_iscc(env, nowhere) == str(exe)


def test_the_newest_inno_setup_wins(tmp_path: Path) -> None:
    inno(tmp_path / "x86", "Inno Setup 6")
    inno(tmp_path / "pf", "Inno Setup 7")
    newest = inno(tmp_path / "pf", "Inno Setup 10")
    inno(tmp_path / "pf", "Inno Setup 9 (broken)")  # not a version folder
    env = {"PROGRAMFILES(X86)": str(tmp_path / "x86"), "PROGRAMFILES": str(tmp_path / "pf")}
    assert build.find_iscc(env, nowhere) == str(newest)


def test_a_per_user_inno_setup_is_found(tmp_path: Path) -> None:
    exe = inno(tmp_path / "local" / "Programs", "Inno Setup 6")
    assert build.find_iscc({"LOCALAPPDATA": str(tmp_path / "local")}, nowhere) == str(exe)


def test_no_iscc(tmp_path: Path) -> None:
    (tmp_path / "pf" / "Inno Setup 7").mkdir(parents=True)  # an uninstall left the folder, not the compiler
    assert build.find_iscc({"PROGRAMFILES": str(tmp_path / "pf")}, nowhere) is None


# --- the frozen self-test, signing, package names ---------------------------------------------------------------

GOOD = {
    "linux": "self-test: keyring keyring.backends.SecretService:Keyring bundled=True usable=False (no Secret Service)",
    "win32": "self-test: keyring keyring.backends.Windows:WinVaultKeyring bundled=True usable=True",
    "darwin": "self-test: keyring keyring.backends.macOS:Keyring bundled=True usable=True",
}


@pytest.mark.parametrize("key", ["linux", "win32", "darwin"])
def test_a_bundled_usable_keyring_passes(key: str) -> None:
    from ccdesk.core.credentials import PLATFORM_BACKENDS

    assert PLATFORM_BACKENDS[key] in GOOD[key]
    assert build.keyring_problems(GOOD[key], key) == []


@pytest.mark.parametrize("key", ["win32", "darwin"])
def test_a_dead_keyring_fails_the_windows_and_macos_builds(key: str) -> None:
    line = GOOD[key].replace("usable=True", "usable=False") + " (no backend available)"
    assert build.keyring_problems(line, key) == [
        f"keyring backend {line.split()[2]} is bundled but not usable in the frozen app (no backend available)"
    ]


def test_linux_needs_the_keyring_bundled_not_usable_a_build_machine_has_no_secret_service() -> None:
    assert build.keyring_problems(GOOD["linux"], "linux") == []
    missing = GOOD["linux"].replace("bundled=True", "bundled=False")
    assert build.keyring_problems(missing, "linux")
    assert build.keyring_problems(None, "linux") == ["--self-test printed no keyring line"]


def test_the_second_self_test_uses_the_real_plugin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    log = tmp_path / "stdio.log"
    environ = {"QT_QPA_PLATFORM": "offscreen", "CCDESK_TOKEN": "secret", "PATH": "/bin"}
    offscreen = build.self_test_env(environ, "/tmp/h", log, real_plugin=False)
    assert offscreen["QT_QPA_PLATFORM"] == "offscreen" and "CCDESK_TOKEN" not in offscreen
    for key in ("win32", "darwin"):
        monkeypatch.setattr(build, "platform_key", lambda key=key: key)
        assert "QT_QPA_PLATFORM" not in build.self_test_env(environ, "/tmp/h", log, real_plugin=True)
    monkeypatch.setattr(build, "platform_key", lambda: "linux")  # xvfb-run sets xcb: kept as the caller chose
    xcb = build.self_test_env({**environ, "QT_QPA_PLATFORM": "xcb"}, "/tmp/h", log, real_plugin=True)
    assert xcb["QT_QPA_PLATFORM"] == "xcb" and xcb["CCDESK_HOME"] == "/tmp/h"


@pytest.mark.parametrize(
    ("machine", "name"),
    [("arm64", "ccdesk-1.2.3-macos-arm64.dmg"), ("x86_64", "ccdesk-1.2.3-macos-x86_64.dmg")],
)
def test_each_mac_architecture_gets_its_own_dmg(machine: str, name: str) -> None:
    assert build.dmg_name("1.2.3", machine) == name


def test_pyinstaller_signs_every_binary_only_with_an_identity() -> None:
    assert build.macos_signing({}) == (None, None)  # ad-hoc
    identity, entitlements = build.macos_signing({"MACOS_SIGN_IDENTITY": "Developer ID Application: A (T)"})
    assert identity == "Developer ID Application: A (T)"
    assert entitlements is not None and Path(entitlements).name == "entitlements.plist"
    assert Path(entitlements).is_file()
    spec = (BUILD_PY.parent / "ccdesk.spec").read_text()
    assert "codesign_identity=MAC_SIGNING[0]" in spec and "entitlements_file=MAC_SIGNING[1]" in spec
    package = (BUILD_PY.parent / "macos" / "package.sh").read_text()
    signing = [line for line in package.splitlines() if line.strip().startswith("codesign --force")]
    assert signing and not [line for line in signing if "--deep" in line]  # --deep only to verify


def test_the_real_plugin_run_must_not_be_offscreen_again() -> None:
    assert build.plugin_problems("offscreen", real_plugin=False) == []
    assert build.plugin_problems("windows", real_plugin=True) == []
    assert build.plugin_problems("xcb", real_plugin=True) == []
    assert build.plugin_problems("offscreen", real_plugin=True)
    assert build.plugin_problems(None, real_plugin=False)
