"""What the frozen build leaves out of the Qt that PyInstaller's PySide6 hooks collect.

Panelbook is a Qt Widgets program that reads PDFs with QtPdf and draws SVG icons:
it needs Qt Core, Gui, Widgets, Network (the local socket that keeps one copy per
data folder; QtPdf links it), DBus (desktop portals, a sync's notification), Svg, Pdf and PdfWidgets, and
the platform plugins of a desktop (xcb, wayland) and of a machine without one
(offscreen, minimal).  The hooks also collect plugins that pull in QML, Qt Quick,
the virtual keyboard, OpenGL and EGL full-screen back ends, and Qt's own
translations (used only through a QTranslator, which Panelbook never installs):
about 40 MB unpacked that the program never loads.

The rules work on the path a file gets inside the bundle, with ``/`` between
folders, so the same spec serves Linux (``PySide6/Qt/lib/libQt6Quick.so.6``,
``PySide6/Qt/plugins/...``), Windows (``PySide6/Qt6Quick.dll``, ``PySide6/plugins/...``)
and macOS (``PySide6/Qt/lib/QtQuick.framework/...``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Entry = tuple[str, str, str]    # PyInstaller's TOC entry: (path in the bundle, source, kind)

# Python modules never imported by the program (PyInstaller would otherwise follow
# optional imports of the libraries into them).
EXCLUDED_MODULES: list[str] = [
    "tkinter", "_tkinter", "unittest", "pydoc_data", "lib2to3", "setuptools", "pip",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets", "PySide6.Qt3DCore", "PySide6.Qt3DRender",
    "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    "PySide6.QtBluetooth", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDesigner", "PySide6.QtUiTools",
    "PySide6.QtHelp", "PySide6.QtTextToSpeech", "PySide6.QtSerialPort",
]

# Qt libraries the program never loads, by the module name in the file's name.
_UNUSED_QT_LIBRARY = re.compile(
    r"Qt6?(Qml|Quick|VirtualKeyboard|OpenGL|EglFS|EglFs|WlShellIntegration|WebEngine|WebChannel|"
    r"3D|Multimedia|Charts|DataVisualization|Graphs|Positioning|Location|Sql|Test|Designer|"
    r"UiTools|Help|TextToSpeech)")

# Plugin folders of no use to a Widgets program on a desktop: EGL full-screen devices,
# evdev input without a window system, network-information back ends, TLS back ends
# (no Qt networking beyond the local socket), Wayland's OpenGL buffer integrations.
_UNUSED_PLUGIN_FOLDERS = {"egldeviceintegrations", "generic", "networkinformation", "tls",
                          "wayland-graphics-integration-client", "qmltooling", "sqldrivers",
                          "multimedia", "position", "texttospeech"}
# Single plugins: platforms for kiosks and embedded boards, Wayland shells other than a
# desktop's xdg-shell (in-vehicle, full-screen, Qt's own compositor, the retired wl_shell),
# image formats it never reads, the virtual keyboard (QML).
_UNUSED_PLUGINS = re.compile(
    r"(q?(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)|qtvirtualkeyboardplugin|"
    r"ivi-shell|fullscreen-shell-v1|qt-shell|wl-shell-plugin|"
    r"q(pdf|webp|tiff|tga|wbmp|icns))\.(so|dll|dylib)$")

# The GTK 3 platform theme links GTK, which a desktop that wants it has; bundled, its
# pango, cairo, atk and gdk-pixbuf would only clash with the system's GTK when it loads.
_UNUSED_OTHER = {"libqgtk3.so"}

# The window system's libraries come from the system, never from the bundle: the system's
# GL and EGL drivers (which PyInstaller never bundles) link these same X11/xcb, xkbcommon and
# wayland libraries, and fontconfig must read the system's own configuration.  Bundling them
# from the build machine would also make the bundle depend on what that machine happened to
# have installed.  The .deb depends on them; packaging/README.md lists them for the tar.gz.
# (Vendored copies with a hash in their name, such as Pillow's libxcb-9065bb12, stay.)
_SYSTEM_LIBRARY = re.compile(
    r"^lib(X11(-xcb)?|Xau|Xdmcp|Xext|Xrender|xcb(-[a-z-]+)?|xkbcommon(-x11)?|wayland-[a-z]+|"
    r"fontconfig|freetype|dbus-1|GL|EGL|OpenGL|GLX|GLdispatch)\.so(\.\d+)*$")


def from_the_system(name: str) -> bool:
    """True for a library the bundle must take from the system (see ``_SYSTEM_LIBRARY``)."""
    return bool(_SYSTEM_LIBRARY.match(name))


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def keep_binary(dest: str) -> bool:
    """False for a Qt library or plugin the program never loads; True for everything else."""
    parts = _parts(dest)
    name = parts[-1]
    if name in _UNUSED_OTHER or (len(parts) == 1 and from_the_system(name)):
        return False
    if "PySide6" not in parts:
        return True
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
        if folder in _UNUSED_PLUGIN_FOLDERS:
            return False
        return not _UNUSED_PLUGINS.search(name)
    library = next((part for part in parts if part.endswith(".framework")), name)
    return not _UNUSED_QT_LIBRARY.search(library)


def keep_entry(entry: Entry) -> bool:
    """For a PyInstaller TOC entry (dest, source, kind): False when it is a file left out,
    or a symbolic link to one (PyInstaller links Qt's libraries at the top of the bundle)."""
    dest, source, kind = entry
    if kind == "SYMLINK":
        return keep_binary(dest) and keep_binary(source)
    if kind == "DATA":
        return keep_data(dest)
    return keep_binary(dest)


def keep_data(dest: str) -> bool:
    """False for Qt's translations and the data of the libraries left out; True otherwise."""
    parts = _parts(dest)
    if "PySide6" not in parts:
        return True
    if "translations" in parts:
        return False
    return keep_binary(dest)


def without_orphans(collected: list[Entry], kept: list[Entry],
                    needed: Callable[[str], Iterable[str]]) -> list[Entry]:
    """``kept`` less the libraries that only the left-out files needed.

    PyInstaller collects each plugin's system libraries with it (the GTK theme brings
    pango, cairo, atk...), so leaving a plugin out leaves them behind.  ``needed(source)``
    names the libraries a binary links to.  A library reached from a left-out binary is
    dropped unless a kept binary outside that set (a Python extension, a kept plugin, or a
    library they reach) needs it too; a library reached from nothing left out (loaded with
    dlopen, as libpython is by the bootloader) is kept.  Symbolic links
    to a dropped file go with it.
    """
    by_name: dict[str, list[Entry]] = {}
    for entry in collected:
        if entry[2] != "SYMLINK":
            by_name.setdefault(_parts(entry[0])[-1], []).append(entry)
    kept_set = set(kept)
    left_out = [entry for entry in collected if entry not in kept_set and entry[2] != "SYMLINK"]

    def reached(start: list[Entry]) -> set[str]:
        seen: set[str] = set()
        todo = [entry for entry in start if entry[2] != "SYMLINK"]
        while todo:
            entry = todo.pop()
            for name in needed(entry[1]):
                if name not in seen:
                    seen.add(name)
                    todo.extend(by_name.get(name, []))
        return seen

    candidates = reached(left_out)
    roots = [entry for entry in kept if _parts(entry[0])[-1] not in candidates]
    orphans = candidates - reached(roots)
    result = [entry for entry in kept if entry[2] == "SYMLINK" or _parts(entry[0])[-1] not in orphans]
    present = {entry[0] for entry in result}
    return [entry for entry in result if entry[2] != "SYMLINK" or _link_target(entry) in present]


def _link_target(entry: Entry) -> str:
    """The bundle path a SYMLINK entry points to (its source is relative to the link's folder)."""
    folder = _parts(entry[0])[:-1]
    parts: list[str] = list(folder)
    for part in _parts(entry[1]):
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
