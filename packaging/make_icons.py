"""Render the one SVG source (resources/icons/ccdesk.svg) into every icon file the installers need.

    python packaging/make_icons.py OUT_DIR [--svg PATH]

writes OUT_DIR/png/ccdesk-{16..1024}.png, OUT_DIR/ccdesk.ico (Windows) and OUT_DIR/ccdesk.icns (macOS), and on
macOS, when `iconutil` exists, OUT_DIR/ccdesk.iconset/ (the icns is then made by iconutil instead).

Rendering uses Qt's QSvgRenderer (PySide6 is already a dependency: no new tool). Both containers are written here:
- ICO: a 6-byte ICONDIR, one 16-byte ICONDIRENTRY per image, then the images; since Windows Vista an entry may hold
  a whole PNG file instead of a BMP (width/height byte 0 means 256).
- ICNS: the magic 'icns' and the total length, then per image a 4-byte type (ic04, ic05, ic07 ... ic10), the
  element length (including its 8-byte header) and PNG data. Big-endian throughout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SVG = ROOT / "resources" / "icons" / "ccdesk.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (Apple's iconutil writes the same ones).
ICNS_TYPES = (
    (b"ic04", 16),
    (b"ic05", 32),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)
# iconutil's input: name -> pixel size.
ICONSET = {
    "icon_16x16.png": 16,
    "icon_16x16@2x.png": 32,
    "icon_32x32.png": 32,
    "icon_32x32@2x.png": 64,
    "icon_128x128.png": 128,
    "icon_128x128@2x.png": 256,
    "icon_256x256.png": 256,
    "icon_256x256@2x.png": 512,
    "icon_512x512.png": 512,
    "icon_512x512@2x.png": 1024,
}


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG bytes of the SVG rendered at each size, antialiased on a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (kept alive while painting)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise SystemExit(f"make_icons: could not encode a {size}px PNG")
        buffer.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container whose entries are PNG images (ICONDIR, ICONDIRENTRY[], data)."""
    count = len(pngs)
    header = struct.pack("<HHH", 0, 1, count)  # reserved, type 1 = icon, image count
    offset = len(header) + 16 * count
    entries, blobs = [], []
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        # width, height, colours in palette (0 = none), reserved, colour planes, bits per pixel, size, offset
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS container with PNG elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out_dir: Path, svg: Path = DEFAULT_SVG) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(svg, PNG_SIZES)
    png_dir = out_dir / "png"
    png_dir.mkdir(exist_ok=True)
    for size, data in pngs.items():
        (png_dir / f"ccdesk-{size}.png").write_bytes(data)
    ico = out_dir / "ccdesk.ico"
    ico.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    icns = out_dir / "ccdesk.icns"
    if sys.platform == "darwin" and shutil.which("iconutil"):
        iconset = out_dir / "ccdesk.iconset"
        shutil.rmtree(iconset, ignore_errors=True)
        iconset.mkdir()
        for name, size in ICONSET.items():
            (iconset / name).write_bytes(pngs[size])
        subprocess.run(["iconutil", "-c", "icns", str(iconset), "-o", str(icns)], check=True)
    else:
        icns.write_bytes(icns_bytes(pngs))
    return {"png": png_dir, "ico": ico, "icns": icns}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG)
    args = parser.parse_args(argv)
    made = make_icons(args.out_dir, args.svg)
    for kind, path in made.items():
        print(f"icons: {kind} -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
