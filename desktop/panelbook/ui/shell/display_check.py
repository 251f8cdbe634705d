"""Before Qt starts: can the window open here?  One sentence instead of Qt's abort.

Without a display, or on X11 without the xcb libraries Qt 6 needs (a fresh Debian or
Ubuntu install may lack ``libxcb-cursor0``), QApplication prints several lines about
platform plugins and aborts the process.  ``display_problem`` looks first: it reads
the environment as Qt would choose its platform and tries to load the libraries, and
names what is missing in one sentence (with the command that installs it) for
``run_desktop`` to print before it exits with status 1.  Other platforms than xcb and
wayland (offscreen, minimal, eglfs) and other systems than Linux are left to Qt.
"""
from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# What Qt's xcb platform plugin links to, beyond what any X11 desktop has, and the
# Debian and Ubuntu package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}

NO_DISPLAY = ("Panelbook cannot open its window: there is no display here (neither DISPLAY nor "
              "WAYLAND_DISPLAY is set); its commands work without one (panelbook --help).")


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                    loadable: Callable[[str], bool] = _loadable) -> str | None:
    """Why the window cannot open on this machine, in one sentence; None when it can (or Qt decides)."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    requested = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested not in ("", "xcb", "wayland"):
        return None
    wayland = bool(environ.get("WAYLAND_DISPLAY")) and requested != "xcb"
    x11 = bool(environ.get("DISPLAY")) and requested != "wayland"
    if not wayland and not x11:
        return NO_DISPLAY
    if wayland:
        return None
    missing = [package for library, package in XCB_LIBRARIES.items() if not loadable(library)]
    if not missing:
        return None
    return (f"Panelbook cannot open its window: Qt needs system libraries this machine lacks "
            f"({', '.join(missing)}); install them with: sudo apt-get install {' '.join(missing)}")
