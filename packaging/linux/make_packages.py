"""Pack PyInstaller's one-folder build as the two Linux downloads: a .tar.gz and a .deb.

    python packaging/linux/make_packages.py build/dist/panelbook dist

writes ``dist/panelbook-VERSION-linux-x86_64.tar.gz`` (the folder as
``panelbook-VERSION/``: unpack anywhere and run ``panelbook-VERSION/panelbook``) and
``dist/panelbook_VERSION_amd64.deb``: the folder under ``/opt/panelbook``, a
``/usr/bin/panelbook`` launcher, the desktop entry, the icon as SVG and as PNGs
rendered from it with QtSvg, and the AppStream metainfo.  dpkg's own triggers
(desktop-file-utils, hicolor-icon-theme) refresh the menus and the icon cache on
install and removal, so the package needs no maintainer scripts, and ``dpkg -r``
leaves nothing behind.  The .deb is built with ``dpkg-deb --root-owner-group``:
every file belongs to root without fakeroot.

The version is the package's (``panelbook.__version__``); the metainfo's newest
release must say the same, or the packing stops.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
from icons import render_icons  # noqa: E402  (packaging/icons.py: the one drawing, in every form)

LINUX = REPO / "packaging" / "linux"
APP_ID = "org.panelbook.Panelbook"
DESKTOP_ENTRY = LINUX / "panelbook.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SVG = REPO / "resources" / "icons" / "panelbook.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
INSTALL_DIR = "opt/panelbook"
ARCHITECTURE = {"x86_64": "amd64", "aarch64": "arm64"}

# What the bundle takes from the system (bundle_rules.from_the_system, and the C
# library it was built against, Debian 12's glibc 2.36): Debian and Ubuntu names.
# .ci/package checks with ldd, after installing the .deb, that nothing is missing.
DEPENDS = [
    "libc6 (>= 2.36)", "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libxkbcommon0", "libxkbcommon-x11-0", "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0",
    "libxcb-glx0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
    "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1", "libwayland-client0", "libwayland-cursor0",
]

LAUNCHER = f"""#!/bin/sh
# Panelbook's command: the program installed in /{INSTALL_DIR}.
exec /{INSTALL_DIR}/panelbook "$@"
"""

DESCRIPTION = """\
Description: Offline companion for council scrutiny panels
 Panelbook keeps a scrutiny panel's meeting calendar, agenda packs, minutes and
 recommendations tracker on this computer, so a councillor can prepare for
 meetings without a connection, a chair can mark up the agenda, and a clerk can
 export briefing packs and the monitoring report as PDF.
"""


def version() -> str:
    sys.path.insert(0, str(REPO / "desktop"))
    from panelbook import __version__

    return __version__


def metainfo_version(path: Path = METAINFO) -> str:
    """The newest release named in the AppStream metainfo (releases are listed newest first)."""
    release = ET.parse(path).getroot().find("releases/release")
    if release is None:
        raise SystemExit(f"{path.name} lists no release")
    return release.get("version", "")


def machine() -> str:
    return os.uname().machine


def tarball_name(ver: str) -> str:
    return f"panelbook-{ver}-linux-{machine()}.tar.gz"


def deb_name(ver: str) -> str:
    return f"panelbook_{ver}_{ARCHITECTURE.get(machine(), machine())}.deb"


def _root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball(build: Path, out: Path, ver: str) -> Path:
    """The one-folder build as ``panelbook-VER/`` in a .tar.gz, symbolic links kept."""
    target = out / tarball_name(ver)
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(build, arcname=f"panelbook-{ver}", filter=_root_owned)
    return target


def _tree_size_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def stage_deb(build: Path, stage: Path, ver: str, icons: dict[int, bytes]) -> Path:
    """Lay out the .deb's files under ``stage`` (with DEBIAN/control); returns ``stage``."""
    shutil.copytree(build, stage / INSTALL_DIR, symlinks=True)
    launcher = stage / "usr" / "bin" / "panelbook"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(DESKTOP_ENTRY, share / "applications" / DESKTOP_ENTRY.name)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(METAINFO, share / "metainfo" / METAINFO.name)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICON_SVG, scalable / "panelbook.svg")
    for size, png in icons.items():
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        (folder / "panelbook.png").write_bytes(png)
    doc = share / "doc" / "panelbook"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(_copyright(), encoding="utf-8")
    for path in stage.rglob("*"):
        if path.is_symlink():
            continue
        executable = path.is_dir() or (path.stat().st_mode & 0o111)
        path.chmod(0o755 if executable else 0o644)
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(control_text(ver, _tree_size_kib(stage)), encoding="utf-8")
    control.parent.chmod(0o755)
    return stage


def control_text(ver: str, installed_kib: int) -> str:
    return (f"Package: panelbook\n"
            f"Version: {ver}\n"
            f"Architecture: {ARCHITECTURE.get(machine(), machine())}\n"
            f"Maintainer: Panelbook maintainers <maintainers@panelbook.invalid>\n"
            f"Installed-Size: {installed_kib}\n"
            f"Depends: {', '.join(DEPENDS)}\n"
            f"Section: misc\n"
            f"Priority: optional\n"
            f"{DESCRIPTION}")


def _copyright() -> str:
    fonts = (REPO / "resources" / "fonts" / "LICENSE").read_text(encoding="utf-8")
    return ("Panelbook\n\nLicense: MIT (see the project's pyproject.toml).\n\n"
            f"/{INSTALL_DIR} also holds Python, Qt (LGPLv3) and the Python libraries Panelbook uses, "
            "each under its own licence, and the DejaVu and Symbola fonts:\n\n" + fonts)


def make_deb(build: Path, out: Path, ver: str) -> Path:
    target = out / deb_name(ver)
    with tempfile.TemporaryDirectory(prefix="panelbook-deb-") as temp:
        stage = stage_deb(build, Path(temp) / "root", ver, render_icons(ICON_SVG, ICON_SIZES))
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path, help="PyInstaller's one-folder build (build/dist/panelbook)")
    parser.add_argument("out", type=Path, help="where the .tar.gz and .deb go (dist)")
    args = parser.parse_args(argv)
    ver = version()
    if metainfo_version() != ver:
        raise SystemExit(f"{METAINFO.name}'s newest release is {metainfo_version()}, the package is {ver}: "
                         "add a <release> for this version")
    if not (args.build / "panelbook").is_file():
        raise SystemExit(f"{args.build} holds no 'panelbook' program: run PyInstaller first (make dist)")
    args.out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"     # drawing needs no display
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])      # for render_icons
    for made in (make_tarball(args.build, args.out, ver), make_deb(args.build, args.out, ver)):
        print(f"{made}  {made.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
