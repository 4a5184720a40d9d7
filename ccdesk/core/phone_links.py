"""Making ccdesk the app that opens tel: and callto: links, in the way each OS allows an app to ask for it.

- macOS 12 and later: NSWorkspace's setDefaultApplicationAtURL:toOpenURLsWithScheme:completionHandler: (macOS asks
  the user to confirm). Installing the app only makes it a candidate (CFBundleURLTypes); otherwise the choice is
  made in FaceTime > Settings > "Default for calls".
- Windows 8 and later: only the user may choose; ccdesk opens its page in Settings > Default apps
  (ms-settings:defaultapps?registeredAppUser=ccdesk, the RegisteredApplications name the installer writes).
- Linux: `xdg-mime default ccdesk.desktop x-scheme-handler/tel` (and callto), once install.sh put the entry there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import enum
import os
import platform as platform_module
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ccdesk.api.words import translate

SCHEMES = ("tel", "callto")
DESKTOP_ENTRY = "ccdesk.desktop"
#: the value name under HKCU\Software\RegisteredApplications (packaging/windows/ccdesk.iss)
REGISTERED_APP = "ccdesk"
SETTINGS_PAGE = f"ms-settings:defaultapps?registeredAppUser={REGISTERED_APP}"


class Route(enum.Enum):
    """How ccdesk can become the app for phone links here."""

    MACOS = "macos"  # ask macOS directly; it shows its own confirmation
    WINDOWS_SETTINGS = "windows"  # open Settings > Default apps at ccdesk's page; the user picks
    XDG = "xdg"  # set the desktop's default handler


@dataclass(frozen=True)
class Outcome:
    """What happened, in words for the window; `done` is False when the user still has a step to take."""

    done: bool
    text: str


def route(
    platform: str = sys.platform,
    mac_version: str = "",
    app_bundle: Path | None = None,
    which: Callable[[str], str | None] = shutil.which,
    data_home: Path | None = None,
    frozen: bool = bool(getattr(sys, "frozen", False)),
) -> Route | None:
    """The way this machine offers, or None where ccdesk cannot ask (say, run from source on an old macOS)."""
    if platform == "darwin":
        major = int((mac_version or platform_module.mac_ver()[0] or "0").split(".")[0])
        bundle = app_bundle if app_bundle is not None else running_app_bundle()
        return Route.MACOS if major >= 12 and bundle is not None else None
    if platform == "win32":
        return Route.WINDOWS_SETTINGS if frozen else None  # the installer registered the installed app only
    if which("xdg-mime") is None:
        return None
    home = data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return Route.XDG if (home / "applications" / DESKTOP_ENTRY).is_file() else None


def running_app_bundle(executable: str = sys.executable) -> Path | None:
    """The .app this process runs from (…/ccdesk.app/Contents/MacOS/ccdesk), or None outside a bundle."""
    for parent in Path(executable).resolve().parents:
        if parent.suffix == ".app":
            return parent
    return None


def xdg_commands(schemes: tuple[str, ...] = SCHEMES) -> list[list[str]]:
    """The commands that make ccdesk the desktop's handler of each scheme."""
    return [["xdg-mime", "default", DESKTOP_ENTRY, f"x-scheme-handler/{scheme}"] for scheme in schemes]


def make_ccdesk_the_phone_app(way: Route, run: Callable[..., Any] = subprocess.run) -> Outcome:
    """Ask the OS to open tel: and callto: links with ccdesk; never raises: the outcome says what to do next."""
    try:
        if way is Route.MACOS:
            bundle = running_app_bundle()
            if bundle is None:
                return Outcome(
                    False,
                    translate(
                        "PhoneLinks", "This ccdesk is not an installed app, so macOS cannot choose it."
                    ),
                )
            for scheme in SCHEMES:
                _macos_set_default(bundle, scheme)
            return Outcome(
                False,
                translate(
                    "PhoneLinks",
                    "macOS asks you to confirm: choose “Use ccdesk”. If it does not ask, open FaceTime > Settings and "
                    "choose ccdesk under “Default for calls”.",
                ),
            )
        if way is Route.WINDOWS_SETTINGS:
            getattr(os, "startfile")(SETTINGS_PAGE)  # noqa: B009 - Windows only, absent from other stubs
            return Outcome(
                False,
                translate(
                    "PhoneLinks",
                    "Windows Settings opened at ccdesk's page in Default apps: choose ccdesk for TEL and CALLTO.",
                ),
            )
        for command in xdg_commands():
            run(command, check=True, capture_output=True, timeout=10)
        return Outcome(True, translate("PhoneLinks", "ccdesk now opens tel: and callto: links."))
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return Outcome(
            False,
            translate(
                "PhoneLinks",
                "The system did not accept the change ({problem}). Choose ccdesk in its settings.",
            ).format(problem=exc),
        )


def _macos_set_default(bundle: Path, scheme: str) -> None:  # pragma: no cover - macOS only
    """NSWorkspace.sharedWorkspace.setDefaultApplicationAtURL:toOpenURLsWithScheme:completionHandler:nil
    through the Objective-C runtime (the handler is _Nullable in NSWorkspace.h; macOS 12+)."""
    objc: Any = ctypes.cdll.LoadLibrary(ctypes.util.find_library("objc") or "libobjc.dylib")
    ctypes.cdll.LoadLibrary("/System/Library/Frameworks/AppKit.framework/AppKit")
    objc.objc_getClass.restype = ctypes.c_void_p
    objc.objc_getClass.argtypes = [ctypes.c_char_p]
    objc.sel_registerName.restype = ctypes.c_void_p
    objc.sel_registerName.argtypes = [ctypes.c_char_p]

    def send(receiver: int | None, selector: bytes, *args: Any) -> int | None:
        function = ctypes.CFUNCTYPE(
            ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, *[type(a) for a in args]
        )
        msg_send = function(("objc_msgSend", objc))
        return msg_send(receiver, objc.sel_registerName(selector), *args)  # type: ignore[no-any-return]

    def string(text: str) -> ctypes.c_void_p:
        made = send(objc.objc_getClass(b"NSString"), b"stringWithUTF8String:", ctypes.c_char_p(text.encode()))
        return ctypes.c_void_p(made)

    url = send(objc.objc_getClass(b"NSURL"), b"fileURLWithPath:", string(str(bundle)))
    workspace = send(objc.objc_getClass(b"NSWorkspace"), b"sharedWorkspace")
    if not url or not workspace:
        raise OSError("NSWorkspace is not available")
    send(
        workspace,
        b"setDefaultApplicationAtURL:toOpenURLsWithScheme:completionHandler:",
        ctypes.c_void_p(url),
        string(scheme),
        ctypes.c_void_p(None),
    )
