"""Build ccdesk's bundle and installer for the current OS, and prove the bundle works.

    python packaging/build.py                  icons, onedir bundle, checks, then the platform's package
    python packaging/build.py --skip-installer icons, bundle, checks (no tarball / setup.exe / dmg)
    python packaging/build.py --check-only     only the checks, on an existing dist/ccdesk
    python packaging/build.py --ci             what CI runs: bundle + checks + Linux tarball, quiet PyInstaller log

Run it on Python 3.12 or newer, in a venv holding the known-good versions of packaging/constraints.txt:
`python -m pip install -c packaging/constraints.txt -e . pyinstaller` (the installers, .ci/run and the workflow
all build that way).

Steps: (1) render build/icons from resources/icons/ccdesk.svg (packaging/make_icons.py, Qt's QSvgRenderer);
(2) PyInstaller with packaging/ccdesk.spec into dist/ccdesk (onedir; dist/ccdesk.app on macOS);
(3) checks: the bundle's `--self-test` offscreen must pass and name the platform's keyring backend as bundled;
no plaintext keyring (keyrings.alt), no phonenumbers geocoder/carrier/timezone data, no QML/Quick/WebEngine/
Network/translations, no GTK (Linux: only the host libraries of HOST_LIBS_BUNDLED); certifi's CA bundle and
ccdesk's resources present; size within SIZE_BUDGET_MB (Windows/macOS: a warning until measured);
(4) the package: Linux dist/ccdesk-VERSION-linux-ARCH.tar.gz; Windows dist/ccdesk-VERSION-setup.exe via Inno
Setup's ISCC; macOS dist/ccdesk-VERSION.dmg via packaging/macos/package.sh (signs/notarises when credentials exist).
Exit status 0 only when every step passed.

What ships is decided here, in one place: packaging/ccdesk.spec imports this file for `keep` and
`sort_host_libraries`, and tests/unit/test_packaging_rules.py checks them. Importing it has no side effects.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "ccdesk.spec"

# Size budget of the unpacked onedir bundle (dist/ccdesk, or dist/ccdesk.app), in MB of 10^6 bytes, per platform.
# Going past it fails the build where SIZE_BUDGET_ENFORCED says so. Measured (see packaging/README.md, "Size"):
#   Linux x86_64, packaging/constraints.txt on Python 3.12: 125.9 MB, with or without GTK on the build machine
#   (6.12 on 3.11: 123.6 MB). Of that, ICU
#   (libicudata/libicuuc/libicui18n, which libQt6Core links unconditionally in the PyPI wheels) is 37.7 MB and
#   cryptography (needed by SecretStorage, i.e. by the Linux keyring backend) 11.6 MB, so the 90 MB target is out
#   of reach on Linux without dropping either; the budget is the measured size plus ~5 % headroom.
#   Windows and macOS bundles carry no ICU (Qt uses the OS's facilities there): they get the 90 MB target. They
#   were not measured here (no such machine); the GitHub workflow prints their size on every run.
SIZE_BUDGET_MB = {"linux": 130, "win32": 90, "darwin": 90}
# Whether going over the budget fails the build (True) or prints a warning (False). A budget nobody has measured
# against is a guess, and a guess must not fail a release: Windows and macOS warn until a workflow run has measured
# them; then set the budget from that measurement and flip the flag here.
SIZE_BUDGET_ENFORCED = {"linux": True, "win32": False, "darwin": False}

# Files that must be in the bundle (paths relative to the folder holding the collected data).
REQUIRED_FILES = (
    "certifi/cacert.pem",
    "ccdesk/resources/transaction-codes.sample.json",
    "ccdesk/resources/icons/ccdesk.svg",
    "ccdesk/sim/data/demo_tenant.json",
    # the window's languages (packaging/translations.py compiles them) and Qt's own French (buttons, dialogs)
    "ccdesk/resources/i18n/ccdesk_fr.qm",
    "ccdesk/resources/i18n/ccdesk_en.qm",
    "ccdesk/resources/i18n/qtbase_fr.qm",
    # the command line's help reads its French from the source, without Qt (ccdesk.core.help_words)
    "ccdesk/resources/i18n/ccdesk_fr.ts",
)
# The GTK stack (GTK 2/3/4, GDK, ATK/AT-SPI, Pango, Cairo, gdk-pixbuf and what only they use), by library name.
# It never ships: Qt's gtk3 platform theme is left out, and a bundled copy of any of these would be loaded beside
# the host's GTK and its themes, modules and GLib, which it must match exactly.
GTK_LIBS = r"lib(gtk|gdk|atk|atspi|pango|cairo|epoxy|pixman|fribidi|thai|datrie)[^/]*\.so[^/]*"
# Paths that must not be in the bundle (regex on "/"-separated lower-case relative paths).
FORBIDDEN_FILES = re.compile(
    r"(^|/)(lib)?qt6?(qml|quick|webengine|network|pdf|multimedia|3d|designer|virtualkeyboard)[^/]*$"
    r"|/qml/|pyside6/(qt/)?translations/|(?<!ccdesk_..)\.ts$|keyrings|geodata|carrierdata|tzdata|opengl32sw"
    rf"|/platformthemes/[^/]*gtk|(^|/){GTK_LIBS}$"
)
# Modules that must not be in the bundle's Python archive: plaintext keyrings, phonenumbers' big data sets.
FORBIDDEN_MODULES = re.compile(
    r"^(keyrings(\..*)?|phonenumbers\.(geocoder|carrier|timezone|geodata|carrierdata|tzdata)(\..*)?|"
    r"PySide6\.Qt(Qml|Quick|Network|WebEngine\w*|Pdf\w*|Multimedia\w*)|tkinter|pytest|_pytest)$"
)
# Modules the platform's keyring backend needs beside itself (keyring's own import succeeds without them).
BACKEND_DEPENDENCIES = {
    "linux": ("secretstorage", "jeepney", "cryptography.hazmat.primitives.ciphers"),
    "win32": ("win32ctypes.pywin32.win32cred",),
    "darwin": ("keyring.backends.macOS.api",),
}

# What ccdesk.api.tls imports inside a function (PyInstaller follows it; this proves it did): the OS trust store.
TLS_MODULES = {
    "linux": ("truststore", "truststore._openssl", "certifi"),
    "win32": ("truststore", "truststore._windows", "certifi"),
    "darwin": ("truststore", "truststore._macos", "certifi"),
}

SELF_TEST_TIMEOUT = 180  # seconds; the self-test itself takes about one


# --- what ships (packaging/ccdesk.spec applies these rules to what PyInstaller collected) --------------------------

# Qt plugins kept: plugin folder -> file name fragments to keep (None: all of them); other folders go entirely.
PLATFORM_PLUGINS = {
    "linux": ["libqxcb.", "libqwayland.", "libqoffscreen.", "libqminimal."],
    "darwin": ["libqcocoa.", "libqoffscreen.", "libqminimal."],
    "win32": ["qwindows.", "qoffscreen.", "qminimal."],
}


def kept_plugins(key: str) -> dict[str, list[str] | None]:
    """The Qt plugins that ship on platform `key` (a platform_key() value)."""
    return {
        "platforms": PLATFORM_PLUGINS[key],
        # SVG icons; ICO (the window icon on Windows). PNG is built into QtGui.
        "imageformats": ["qsvg.", "qico."],
        "iconengines": ["qsvgicon."],
        "styles": None,  # Windows: qmodernwindowsstyle (the native look); macOS: qmacstyle
        # Linux: the XDG desktop portal theme only (portal file dialogs, the desktop's colour scheme; it talks
        # D-Bus through QtDBus and links no GTK). Not qgtk3: it links the host's GTK 3, so PyInstaller would
        # collect whatever GTK the build machine has (the bundle then depends on the build machine), and GTK
        # loaded into ccdesk must match the host's GLib and themes anyway. Without it Qt draws its own dialogs.
        "platformthemes": ["qxdgdesktopportal."],
        "platforminputcontexts": ["compose", "ibus"],  # dead keys, input methods (not the virtual keyboard)
        "xcbglintegrations": None,
        "wayland-shell-integration": ["xdg-shell."],
        "wayland-decoration-client": ["bradient."],
        # wayland-graphics-integration-client: left out; those serve OpenGL surfaces (they pull QtOpenGL),
        # widgets draw into shared memory, which QtWaylandClient does itself.
    }


# Qt libraries ccdesk never loads, in each platform's spelling: libQt6Qml.so.6, Qt6Qml.dll, QtQml.framework/...
DROP_QT = re.compile(
    r"(^|/)(lib)?qt6?(qml|quick|pdf|virtualkeyboard|network|opengl|sql|test|xml|concurrent|designer|help|uitools|"
    r"labs|lottie|printsupport|statemachine|webengine|webchannel|websockets|multimedia|3d|charts|datavis|"
    r"svgwidgets|shadertools|waylandcompositor|waylandegl.*compositor|wlshell|eglfs|spatialaudio|location|"
    r"positioning|sensors|serial|bluetooth|nfc|remoteobjects|scxml|texttospeech|httpserver|graphs)"
)
# Windows: Mesa's software OpenGL (20 MB) and the D3D shader compiler serve Qt Quick/OpenGL only.
DROP_WIN = re.compile(r"(^|/)(opengl32sw|d3dcompiler_\d+)\.dll$")


def keep(dest: str, key: str) -> bool:
    """Whether a file PyInstaller collected (destination path in the bundle) ships on platform `key`.

    Linux host libraries are decided apart, by sort_host_libraries: which of them ship depends on what the kept
    files link to, not on their names alone.
    """
    path = dest.replace("\\", "/").lower()
    name = path.rsplit("/", 1)[-1]
    if path.startswith("pyside6/") and "/translations/" in path:
        return False  # the qtbase_<lang>.qm ccdesk speaks are copied into ccdesk/resources/i18n (i18n_files)
    if "/qml/" in path or path.endswith(".qmltypes"):
        return False
    m = re.search(r"/plugins/([^/]+)/", path)
    if m:
        wanted = kept_plugins(key).get(m.group(1), [])
        return wanted is None or any(w in name for w in wanted)
    return not (DROP_QT.search(path) or (key == "win32" and DROP_WIN.search(path)))


# Linux host libraries: the shared libraries PyInstaller collects from the build machine (/lib, /usr/lib, ...)
# because a kept binary links them. Each one falls under exactly one rule, so the bundle is the same on any build
# machine (with the prerequisites of packaging/README.md) whatever else that machine has installed:
#  - HOST_LIBS_BUNDLED: ship. Python's own runtime libraries (its extension modules link them: OpenSSL, libffi,
#    zlib, bz2, lzma, SQLite, uuid, mpdecimal), zstd (QtCore) and the small xcb-util libraries Qt's xcb plugin needs
#    and minimal systems lack (libxcb-cursor0 & co, libX11-xcb, libxkbcommon-x11). One of these that a kept binary
#    needs but the build machine lacks fails the build (install it there), instead of a bundle without it.
#  - HOST_LIBS_PROVIDED: never ship; every desktop that can show a Qt window has them, and bundled copies break
#    against the host's drivers and config (packaging/README.md, "Linux"): the C++/GCC runtime, GLib, D-Bus,
#    fontconfig/freetype and their libraries, X11/xkbcommon, systemd/libcap/gcrypt, Kerberos, ...
#  - GTK_LIBS: never ship; a kept binary that links one fails the build.
#  - anything else fails the build when a kept binary needs it (decide: add it to one of the lists above), and is
#    dropped when nothing that ships needs it (PyInstaller collected it for a plugin that is left out, e.g. qgtk3).
HOST_LIBS_BUNDLED = re.compile(
    r"^lib(ssl|crypto|ffi|z|bz2|lzma|sqlite3|uuid|mpdec|zstd|X11-xcb|xkbcommon-x11|"
    r"xcb-(cursor|glx|icccm|image|keysyms|randr|render|render-util|shape|shm|sync|util|xfixes|xkb))\.so(\.\d+)*$"
)
HOST_LIBS_PROVIDED = re.compile(
    r"^lib(stdc\+\+|gcc_s|glib-2\.0|gio-2\.0|gobject-2\.0|gmodule-2\.0|gthread-2\.0|dbus-1|systemd|gcrypt|"
    r"gpg-error|lz4|cap|selinux|mount|blkid|pcre2-8|fontconfig|freetype|png16|harfbuzz|graphite2|brotlicommon|"
    r"brotlidec|expat|jpeg|krb5|krb5support|gssapi_krb5|k5crypto|com_err|keyutils|bsd|md|X11|Xext|Xau|Xdmcp|"
    r"Xrender|xkbcommon|readline|tinfo|ncursesw?)\.so(\.\d+)*$"
)
# The Python runtime itself: the bootloader loads it (nothing links it), so it always ships.
PYTHON_RUNTIME = re.compile(r"^libpython3\.\d+\.so(\.\d+)*$")


def is_host_library(dest: str, typecode: str) -> bool:
    """Whether a collected Linux binary is a host library: a shared library PyInstaller put at the bundle's top
    level for a kept binary that links it (Qt's and the packages' own libraries stay in their package folders;
    the top-level lib*.so names for those are symlinks)."""
    return (
        typecode == "BINARY"
        and "/" not in dest.replace("\\", "/")
        and re.match(r"^lib.*\.so(\.|$)", dest) is not None
        and not PYTHON_RUNTIME.match(dest)
    )


def host_library_rule(name: str) -> str:
    """Which rule above a host library falls under: "bundled", "provided", "gtk" or "unknown"."""
    if re.fullmatch(GTK_LIBS, name.lower()):
        return "gtk"
    if HOST_LIBS_BUNDLED.match(name):
        return "bundled"
    if HOST_LIBS_PROVIDED.match(name):
        return "provided"
    return "unknown"


@dataclass
class HostLibraries:
    """What happens to the host libraries PyInstaller collected: name -> why, per outcome."""

    bundled: set[str] = field(default_factory=set)
    dropped: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # build errors


def sort_host_libraries(
    collected: Collection[str], needs: Callable[[str], Iterable[str]], roots: Iterable[str]
) -> HostLibraries:
    """Sort the collected host libraries (names) by the rules above.

    `roots` are the kept binaries that are not host libraries (Qt libraries and plugins, extension modules,
    libpython); `needs(x)` lists what root or bundled library x links to (its DT_NEEDED). Only what a root needs,
    directly or through a bundled host library, can ship: a provided library's own dependencies are the host's.
    """
    result = HostLibraries()
    seen: set[str] = set()
    queue = [name for root in roots for name in needs(root)]
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        rule = host_library_rule(name)
        if name not in collected:
            if rule == "bundled":  # needed, meant to ship, but PyInstaller found no copy on this machine
                result.refused[name] = "needed, and not found on the build machine: install it there"
            continue  # not a host library (a Qt library, libc, one PyInstaller never collects, ...)
        if rule == "bundled":
            result.bundled.add(name)
            queue.extend(needs(name))
        elif rule == "provided":
            result.dropped[name] = "the target desktop provides it"
        elif rule == "gtk":
            result.refused[name] = "GTK must not ship, and a kept binary links it"
        else:
            result.refused[name] = (
                "a kept binary links this host library, which no rule covers: add it to HOST_LIBS_BUNDLED or "
                "HOST_LIBS_PROVIDED in packaging/build.py"
            )
    for name in set(collected) - seen:
        result.dropped[name] = "nothing that ships links it (it came with a left-out plugin)"
    return result


def bundled_library_problem(rel: str, is_symlink: bool) -> str | None:
    """Linux check of the finished bundle: a library at the top of _internal/ (rel: "_internal/libfoo.so.1") must
    be a symlink into a package, the Python runtime, or allowed by HOST_LIBS_BUNDLED."""
    parts = rel.split("/")
    if (
        len(parts) != 2
        or parts[0] != "_internal"
        or is_symlink
        or not re.match(r"^lib.*\.so(\.|$)", parts[1])
    ):
        return None
    if PYTHON_RUNTIME.match(parts[1]) or host_library_rule(parts[1]) == "bundled":
        return None
    return f"host library {parts[1]} is not in HOST_LIBS_BUNDLED"


def budget_verdict(size_mb: float, key: str) -> tuple[str, str] | None:
    """None when the bundle is within its budget; else ("problem" | "warning", message) per SIZE_BUDGET_ENFORCED."""
    budget = SIZE_BUDGET_MB[key]
    if size_mb <= budget:
        return None
    message = f"bundle is {size_mb:.1f} MB, over the {budget} MB budget (see SIZE_BUDGET_MB)"
    if SIZE_BUDGET_ENFORCED[key]:
        return ("problem", message)
    return ("warning", f"{message}; not enforced on {key} until measured (SIZE_BUDGET_ENFORCED)")


def platform_key() -> str:
    return {"win32": "win32", "darwin": "darwin"}.get(sys.platform, "linux")


def version() -> str:
    """ccdesk.__version__, read from the source (the one place the version lives)."""
    text = (ROOT / "ccdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise SystemExit("build: no __version__ in ccdesk/__init__.py")
    return match.group(1)


def say(message: str) -> None:
    print(f"build: {message}", flush=True)


def fail(message: str) -> None:
    raise SystemExit(f"build: FAILED: {message}")


class Layout:
    """Where the bundle's pieces are on this platform."""

    def __init__(self, dist: Path) -> None:
        self.dist = dist
        self.onedir = dist / "ccdesk"
        if sys.platform == "darwin":
            self.bundle = dist / "ccdesk.app"
            self.exe = self.bundle / "Contents" / "MacOS" / "ccdesk"
            self.data = self.bundle / "Contents" / "Resources"
        else:
            self.bundle = self.onedir
            self.exe = self.onedir / ("ccdesk.exe" if sys.platform == "win32" else "ccdesk")
            self.data = self.onedir / "_internal"


# --- steps ------------------------------------------------------------------------------------------------------


def make_icons(icon_dir: Path) -> None:
    started = time.monotonic()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, str(PACKAGING / "make_icons.py"), str(icon_dir)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    say(f"icons: {icon_dir} ({time.monotonic() - started:.1f} s)")


def windows_version_file(path: Path, ver: str) -> Path:
    """The VERSIONINFO resource of ccdesk.exe (Explorer's Details tab), in PyInstaller's version-file format."""
    numbers = [int(n) for n in re.findall(r"\d+", ver)[:4]]
    numbers += [0] * (4 - len(numbers))
    tup = tuple(numbers)
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tup}, prodvers={tup}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1,
                    subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'ccdesk'),
      StringStruct('FileDescription', 'ccdesk - 8x8 Contact Center softphone controller'),
      StringStruct('FileVersion', '{ver}'),
      StringStruct('InternalName', 'ccdesk'),
      StringStruct('OriginalFilename', 'ccdesk.exe'),
      StringStruct('ProductName', 'ccdesk'),
      StringStruct('ProductVersion', '{ver}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return path


def i18n_files(out: Path) -> list[Path]:
    """The window's translations for the bundle: ccdesk's .qm compiled from resources/i18n/*.ts, and Qt's own
    qtbase_<lang>.qm for each language ccdesk speaks but English (standard buttons and dialogs)."""
    import importlib.util

    from PySide6.QtCore import QLibraryInfo

    spec = importlib.util.spec_from_file_location("ccdesk_translations", PACKAGING / "translations.py")
    assert spec is not None and spec.loader is not None
    translations = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = translations  # its dataclasses look their module up there
    spec.loader.exec_module(translations)
    shutil.rmtree(out, ignore_errors=True)
    made = list(translations.compile_all(out))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for lang in translations.LANGUAGES:
        if lang != "en":
            made.append(Path(shutil.copy2(qt_dir / f"qtbase_{lang}.qm", out / f"qtbase_{lang}.qm")))
    return made


def run_pyinstaller(layout: Layout, work: Path, icon_dir: Path, ver: str, quiet: bool) -> None:
    started = time.monotonic()
    work.mkdir(parents=True, exist_ok=True)
    i18n = work / "i18n"
    say(f"translations: {', '.join(path.name for path in i18n_files(i18n))}")
    env = dict(os.environ, CCDESK_ICON_DIR=str(icon_dir), CCDESK_I18N_DIR=str(i18n))
    if sys.platform == "win32":
        env["CCDESK_WIN_VERSION_FILE"] = str(windows_version_file(work / "version_info.txt", ver))
    for stale in (layout.onedir, layout.dist / "ccdesk.app"):
        shutil.rmtree(stale, ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(layout.dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    log = work / "pyinstaller.log"
    say(f"pyinstaller: {' '.join(cmd[1:])}")
    if quiet:
        with log.open("w", encoding="utf-8") as out:
            result = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        if result.returncode:
            print(log.read_text(encoding="utf-8", errors="replace")[-6000:])
            fail(f"PyInstaller exited {result.returncode} (log: {log})")
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if "ccdesk.spec:" in line:
                print(f"  {line.strip()}")
    else:
        subprocess.run(cmd, env=env, check=True, cwd=ROOT)
    if not layout.exe.exists():
        fail(f"PyInstaller produced no {layout.exe}")
    say(f"bundle: {layout.bundle} ({time.monotonic() - started:.0f} s)")


def bundle_size(path: Path) -> int:
    """Bytes of all files under path, symlinks counted as links (as `du -sb` does, less directory entries)."""
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def check_contents(layout: Layout) -> list[str]:
    problems = []
    for rel in REQUIRED_FILES:
        if not (layout.data / rel).is_file():
            problems.append(f"missing from the bundle: {rel}")
    for dirpath, dirnames, filenames in os.walk(layout.bundle):
        for name in filenames + dirnames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, layout.bundle).replace(os.sep, "/")
            if FORBIDDEN_FILES.search(rel.lower()):
                problems.append(f"must not ship: {rel.lower()}")
            elif platform_key() == "linux" and (
                problem := bundled_library_problem(rel, os.path.islink(path))
            ):
                problems.append(f"must not ship: {problem}")
    modules = python_modules(layout)
    for name in sorted(modules):
        if FORBIDDEN_MODULES.match(name):
            problems.append(f"must not ship: Python module {name}")
    for name in BACKEND_DEPENDENCIES[platform_key()]:
        if name not in modules:
            problems.append(f"the keyring backend needs {name}, which is not in the bundle")
    for name in TLS_MODULES[platform_key()]:
        if name not in modules:
            problems.append(f"TLS through the OS trust store needs {name}, which is not in the bundle")
    return problems


def python_modules(layout: Layout) -> set[str]:
    """Names of the modules in the bundle's Python archive (PYZ, embedded in the executable's package)."""
    from PyInstaller.archive.readers import CArchiveReader

    pkg = CArchiveReader(str(layout.exe))
    return set(pkg.open_embedded_archive("PYZ.pyz").toc)


#: the frozen app must be able to use its keyring here, not only carry it: Windows' Credential Manager and the
#: macOS keychain are always there in a desktop session (the workflow's runners have one); a Linux build machine
#: usually has no Secret Service running, so there the backend must only be bundled.
KEYRING_USABLE_REQUIRED = {"linux": False, "win32": True, "darwin": True}


def keyring_problems(line: str | None, key: str) -> list[str]:
    """What is wrong with the self-test's `self-test: keyring BACKEND bundled=… usable=…` line on platform `key`."""
    from ccdesk.core.credentials import PLATFORM_BACKENDS  # what keyring should use on this platform

    expected = PLATFORM_BACKENDS[key]
    if line is None:
        return ["--self-test printed no keyring line"]
    match = re.match(r"self-test: keyring (\S+) bundled=(\w+) usable=(\w+)(.*)", line)
    if not match:
        return [f"unreadable keyring line: {line}"]
    backend, bundled, usable, detail = match.groups()
    problems = []
    if backend != expected:
        problems.append(f"keyring backend is {backend}, expected {expected}")
    if bundled != "True":
        problems.append(f"keyring backend {expected} is not in the bundle{detail}")
    if "required" in detail.lower():  # e.g. "SecretStorage required": the backend's dependency is missing
        problems.append(f"keyring backend {expected} lacks a dependency:{detail}")
    if KEYRING_USABLE_REQUIRED[key] and usable != "True":
        problems.append(f"keyring backend {expected} is bundled but not usable in the frozen app{detail}")
    return problems


def self_test_env(
    environ: Mapping[str, str], home: str, stdio_log: Path, real_plugin: bool
) -> dict[str, str]:
    """The frozen self-test's environment: offscreen, or with the platform's real Qt plugin (qwindows, qcocoa;
    on Linux whatever QT_QPA_PLATFORM the caller chose, xcb under xvfb-run in the workflow)."""
    env = dict(environ, CCDESK_HOME=home, CCDESK_STDIO_LOG=str(stdio_log))
    env.pop("CCDESK_TOKEN", None)
    if not real_plugin:
        env["QT_QPA_PLATFORM"] = "offscreen"
    elif platform_key() != "linux":
        env.pop("QT_QPA_PLATFORM", None)
    return env


def run_self_test(layout: Layout, real_plugin: bool = False) -> list[str]:
    """The bundle's own `--self-test` in a throw-away CCDESK_HOME (offscreen unless `real_plugin`)."""
    with tempfile.TemporaryDirectory(prefix="ccdesk-selftest-") as home:
        # where a windowed build prints (packaging/pyi_rth_ccdesk_stdio.py)
        stdio_log = Path(home) / "stdio.log"
        env = self_test_env(os.environ, home, stdio_log, real_plugin)
        say(f"self-test with QT_QPA_PLATFORM={env.get('QT_QPA_PLATFORM', '(the platform default)')}")
        started = time.monotonic()
        try:
            result = subprocess.run(
                [str(layout.exe), "--self-test"],
                env=env,
                capture_output=True,
                text=True,
                timeout=SELF_TEST_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return [f"--self-test did not finish in {SELF_TEST_TIMEOUT} s"]
        output = result.stdout + (stdio_log.read_text(encoding="utf-8") if stdio_log.exists() else "")
    lines = [line for line in output.splitlines() if line.startswith("self-test:")]
    for line in lines:
        print(f"  {line}")
    say(f"self-test exit {result.returncode} ({time.monotonic() - started:.1f} s)")
    problems = []
    if result.returncode != 0 or "self-test: passed" not in lines:
        tail = (result.stderr or "").strip().splitlines()[-15:]
        problems.append("--self-test failed" + ("".join(f"\n    {t}" for t in tail) if tail else ""))
    keyring = [line for line in lines if line.startswith("self-test: keyring ")]
    plugin = [line.rsplit(" ", 1)[-1] for line in lines if line.startswith("self-test: Qt platform plugin ")]
    return (
        problems
        + plugin_problems(plugin[0] if plugin else None, real_plugin)
        + keyring_problems(keyring[0] if keyring else None, platform_key())
    )


def plugin_problems(plugin: str | None, real_plugin: bool) -> list[str]:
    """The second self-test must have loaded the platform's own Qt plugin, not offscreen again."""
    if plugin is None:
        return ["--self-test did not say which Qt platform plugin it used"]
    if real_plugin and plugin in ("offscreen", "minimal"):
        return [f"--real-plugin: the self-test ran on Qt's {plugin} plugin, not the platform's own"]
    return []


def check(layout: Layout) -> float:
    """All checks on a built bundle; fails the build on any problem. Returns the size in MB."""
    problems = run_self_test(layout)
    problems += check_contents(layout)
    size_mb = bundle_size(layout.bundle) / 1e6
    say(
        f"bundle size: {size_mb:.1f} MB unpacked (budget {SIZE_BUDGET_MB[platform_key()]} MB) {layout.bundle}"
    )
    verdict = budget_verdict(size_mb, platform_key())
    if verdict and verdict[0] == "problem":
        problems.append(verdict[1])
    elif verdict:
        print(f"build: WARNING: {verdict[1]}", file=sys.stderr)
    if problems:
        for problem in problems:
            print(f"build: problem: {problem}", file=sys.stderr)
        fail(f"{len(problems)} problem(s) with {layout.bundle}")
    say("checks passed")
    return size_mb


# --- packages ---------------------------------------------------------------------------------------------------


def linux_tarball(layout: Layout, icon_dir: Path, ver: str) -> Path:
    """ccdesk-VERSION/ with the onedir bundle, the desktop entry, icons and a per-user install script."""
    arch = platform.machine().lower() or "x86_64"
    top = f"ccdesk-{ver}"
    out = layout.dist / f"ccdesk-{ver}-linux-{arch}.tar.gz"

    def add(tar: tarfile.TarFile, src: Path, arcname: str, mode: int | None = None) -> None:
        info = tar.gettarinfo(str(src), arcname)
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        if mode is not None:
            info.mode = mode
        if info.isfile():
            with src.open("rb") as fh:
                tar.addfile(info, fh)
        else:
            tar.addfile(info)

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        for dirpath, dirnames, filenames in os.walk(layout.onedir):
            dirnames.sort()
            base = Path(dirpath)
            rel = base.relative_to(layout.dist).as_posix()
            add(tar, base, f"{top}/{rel}")
            for name in sorted(filenames):
                add(tar, base / name, f"{top}/{rel}/{name}")
        add(tar, ROOT / "resources" / "ccdesk.desktop", f"{top}/share/applications/ccdesk.desktop", 0o644)
        for png in sorted((icon_dir / "png").glob("ccdesk-*.png")):
            size = png.stem.split("-")[1]
            if int(size) <= 512:
                add(tar, png, f"{top}/share/icons/hicolor/{size}x{size}/apps/ccdesk.png", 0o644)
        add(
            tar,
            ROOT / "resources" / "icons" / "ccdesk.svg",
            f"{top}/share/icons/hicolor/scalable/apps/ccdesk.svg",
            0o644,
        )
        add(tar, PACKAGING / "linux" / "install.sh", f"{top}/install.sh", 0o755)
    say(f"package: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


def find_iscc(
    env: Mapping[str, str] = os.environ, which: Callable[[str], str | None] = shutil.which
) -> str | None:
    """Inno Setup's compiler: ISCC on PATH, else the newest "Inno Setup <major>" (6, 7, ...) installed under
    Program Files (x86), Program Files or the user's Programs folder (a per-user install)."""
    found = which("iscc") or which("ISCC")
    if found:
        return found
    bases = [env.get(var) for var in ("PROGRAMFILES(X86)", "PROGRAMFILES", "PROGRAMW6432")]
    bases.append(os.path.join(env["LOCALAPPDATA"], "Programs") if env.get("LOCALAPPDATA") else None)
    candidates = []
    for order, base in enumerate(dict.fromkeys(b for b in bases if b)):
        for folder in Path(base).glob("Inno Setup *"):
            major = folder.name.removeprefix("Inno Setup ").strip()
            if major.isdigit() and (folder / "ISCC.exe").is_file():
                candidates.append((-int(major), order, folder / "ISCC.exe"))
    return str(min(candidates)[2]) if candidates else None


def windows_installer(layout: Layout, icon_dir: Path, ver: str) -> Path | None:
    iscc = find_iscc()
    if not iscc:
        print(
            "build: WARNING: Inno Setup's ISCC.exe not found: no installer made "
            "(install it: choco install innosetup, or https://jrsoftware.org/isdl.php)",
            file=sys.stderr,
        )
        return None
    cmd = [
        iscc,
        "/Qp",
        f"/DAppVersion={ver}",
        f"/DSourceDir={layout.onedir}",
        f"/DIconFile={icon_dir / 'ccdesk.ico'}",
        f"/DOutputDir={layout.dist}",
        str(PACKAGING / "windows" / "ccdesk.iss"),
    ]
    say(f"inno setup: {' '.join(cmd)}")
    subprocess.run(cmd, check=True)
    out = layout.dist / f"ccdesk-{ver}-setup.exe"
    if not out.exists():
        fail(f"ISCC made no {out}")
    say(f"package: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


def dmg_name(ver: str, machine: str) -> str:
    """One .dmg per Mac architecture (PyInstaller builds for the machine's own): the name says which."""
    arch = {"aarch64": "arm64", "amd64": "x86_64"}.get(machine.lower(), machine.lower())
    return f"ccdesk-{ver}-macos-{arch}.dmg"


def macos_signing(environ: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(codesign identity, entitlements file) for PyInstaller, which then signs every binary it collects with
    the hardened runtime and a timestamp; (None, None) for its ad-hoc signature when no identity is set."""
    identity = environ.get("MACOS_SIGN_IDENTITY", "").strip()
    if not identity:
        return None, None
    return identity, str(PACKAGING / "macos" / "entitlements.plist")


def macos_dmg(layout: Layout, ver: str) -> Path:
    out = layout.dist / dmg_name(ver, platform.machine())
    script = PACKAGING / "macos" / "package.sh"
    subprocess.run(
        ["bash", str(script), str(layout.bundle), str(out), str(PACKAGING / "macos" / "entitlements.plist")],
        check=True,
    )
    say(f"package: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


# --- main -------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build, check and package ccdesk for this OS.")
    parser.add_argument("--skip-installer", action="store_true", help="stop after the checks")
    parser.add_argument("--check-only", action="store_true", help="only check an existing bundle")
    parser.add_argument(
        "--self-test-only", action="store_true", help="only run an existing bundle's self-test and its checks"
    )
    parser.add_argument(
        "--real-plugin",
        action="store_true",
        help="with --self-test-only: the platform's own Qt plugin instead of offscreen (Linux: QT_QPA_PLATFORM)",
    )
    parser.add_argument(
        "--ci", action="store_true", help="quiet PyInstaller log; no setup.exe/dmg (tarball only)"
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work folder"
    )
    args = parser.parse_args(argv)
    sys.path.insert(1, str(ROOT))  # ccdesk's source, for PLATFORM_BACKENDS, when the project is not installed

    started = time.monotonic()
    ver = version()
    layout = Layout(args.dist.resolve())
    icon_dir = (args.work.parent / "icons").resolve()
    say(f"ccdesk {ver} for {platform_key()} ({platform.machine()}), Python {platform.python_version()}")
    if args.self_test_only:
        if not layout.exe.exists():
            fail(f"no bundle at {layout.bundle}: build it first")
        problems = run_self_test(layout, real_plugin=args.real_plugin)
        for problem in problems:
            print(f"build: problem: {problem}", file=sys.stderr)
        if problems:
            fail(f"{len(problems)} problem(s) with {layout.bundle}")
        say("self-test passed")
        return 0

    if not args.check_only:
        make_icons(icon_dir)
        run_pyinstaller(layout, args.work.resolve(), icon_dir, ver, quiet=args.ci)
    elif not layout.exe.exists():
        fail(f"no bundle at {layout.bundle}: build it first")
    check(layout)

    if not (args.check_only or args.skip_installer):
        if platform_key() == "linux":
            if not (icon_dir / "png").is_dir():
                make_icons(icon_dir)
            linux_tarball(layout, icon_dir, ver)
        elif args.ci:
            say("--ci: installer skipped (the tarball is Linux's package)")
        elif platform_key() == "win32":
            windows_installer(layout, icon_dir, ver)
        else:
            macos_dmg(layout, ver)
    say(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
