"""Panelbook's icon in the forms each system's package wants, drawn from the one SVG.

``resources/icons/panelbook.svg`` is the only drawing; PNGs are rendered from it with
QtSvg at build time (nothing generated is kept in the repository):

    python packaging/icons.py ico build/icons/panelbook.ico        # Windows: the .exe and the installer
    python packaging/icons.py iconset build/icons/Panelbook.iconset   # macOS: then `iconutil -c icns`

The Linux .deb takes the PNGs straight from ``render_icons`` (``linux/make_packages.py``).
"""
from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ICON_SVG = REPO / "resources" / "icons" / "panelbook.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS iconsets: icon_NxN.png and icon_NxN@2x.png (twice the pixels) for these N.
ICONSET_SIZES = (16, 32, 128, 256, 512)


def render_icons(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG icons drawn from the SVG with QtSvg, one per size, transparent where the SVG is.

    Needs a Qt application object: ``main`` (and make_packages' main) make a
    QGuiApplication; a caller that has a QApplication (the tests) passes with theirs."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG that QtSvg can draw")
    icons = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        icons[size] = bytes(buffer.data())
    return icons


def write_ico(target: Path, svg: Path = ICON_SVG) -> Path:
    """A Windows .ico holding every size of ``ICO_SIZES``, each drawn at its own size.

    Pillow (which the app bundles for reportlab anyway) writes the file: given the largest
    image and ``append_images``, it stores each size from the image of exactly that size."""
    from PIL import Image

    pngs = render_icons(svg, ICO_SIZES)
    images = [Image.open(io.BytesIO(pngs[size])) for size in ICO_SIZES]
    target.parent.mkdir(parents=True, exist_ok=True)
    images[-1].save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    return target


def write_iconset(folder: Path, svg: Path = ICON_SVG) -> Path:
    """A macOS ``.iconset`` folder, which ``iconutil -c icns`` turns into the .app's icon."""
    pngs = render_icons(svg, tuple(sorted({s for n in ICONSET_SIZES for s in (n, 2 * n)})))
    folder.mkdir(parents=True, exist_ok=True)
    for size in ICONSET_SIZES:
        (folder / f"icon_{size}x{size}.png").write_bytes(pngs[size])
        (folder / f"icon_{size}x{size}@2x.png").write_bytes(pngs[2 * size])
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write Panelbook's icon for Windows (.ico) or macOS (.iconset).")
    parser.add_argument("form", choices=["ico", "iconset"])
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"     # drawing needs no display
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])
    made = write_ico(args.target) if args.form == "ico" else write_iconset(args.target)
    print(made)
    return 0


if __name__ == "__main__":
    sys.exit(main())
