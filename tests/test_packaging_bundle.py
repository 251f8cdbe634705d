"""What the frozen build carries (packaging/bundle_rules.py): every Qt library and plugin the app
loads, none of those it never loads (QML, Quick, the virtual keyboard, OpenGL and EGL back ends),
and the window system's libraries left to the system."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from packaging_helpers import REPO, load_packaging_module

PACKAGE = REPO / "desktop" / "panelbook"


@pytest.fixture(scope="module")
def rules():
    return load_packaging_module("bundle_rules.py")


def qt_modules_the_app_imports() -> set[str]:
    import re

    found = set()
    for source in PACKAGE.rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    return found


def test_the_app_imports_only_the_qt_modules_the_bundle_is_cut_for(rules):
    used = qt_modules_the_app_imports()
    assert used == {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPdf", "QtPdfWidgets", "QtSvg", "QtDBus"}
    assert not {f"PySide6.{name}" for name in used} & set(rules.EXCLUDED_MODULES)


def _pyside_folder() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("ldd") is None, reason="ldd reads Linux libraries")
def test_every_qt_library_the_apps_modules_link_to_is_kept(rules):
    """ldd of the PySide6 modules the app imports names the Qt libraries they load; none may be cut."""
    pyside = _pyside_folder()
    modules = [next(pyside.glob(f"{name}.*.so")) for name in sorted(qt_modules_the_app_imports())]
    modules.append(next(pyside.glob("QtDBus.*.so")))     # portals and the desktop's theme
    result = subprocess.run(["ldd", *map(str, modules)], capture_output=True, text=True, timeout=60)
    qt_lib = pyside / "Qt" / "lib"
    linked = {Path(line.split("=>")[1].split()[0]).name for line in result.stdout.splitlines()
              if "=>" in line and str(qt_lib) in line}
    assert {"libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6Pdf.so.6",
            "libQt6Network.so.6", "libQt6Svg.so.6", "libQt6DBus.so.6"} <= linked
    assert [name for name in linked if not rules.keep_binary(f"PySide6/Qt/lib/{name}")] == []
    for module in modules:
        assert rules.keep_binary(f"PySide6/{module.name}"), module.name


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6QmlModels.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
    "PySide6/Qt/lib/libQt63DCore.so.6", "PySide6/Qt/lib/libQt6Multimedia.so.6",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
    "PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libwl-shell-plugin.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt6Quick.dll", "PySide6/plugins/platforms/qeglfs.dll",
    "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
    "libX11.so.6", "libxcb.so.1", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libfontconfig.so.1",
    "libwayland-client.so.0", "libdbus-1.so.3",
])
def test_the_bundle_leaves_out(rules, dest):
    assert not rules.keep_binary(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6PdfWidgets.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6", "PySide6/Qt/lib/libicudata.so.73", "PySide6/QtPdf.abi3.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt6Core.dll", "PySide6/plugins/platforms/qwindows.dll",
    "libpython3.11.so.1.0", "libglib-2.0.so.0", "libsqlite3.so.0", "libxcb-9065bb12.so.1.1.0",
    "pillow.libs/libxcb-9065bb12.so.1.1.0", "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
])
def test_the_bundle_keeps(rules, dest):
    assert rules.keep_binary(dest)


def test_qts_translations_are_left_out_and_panelbooks_resources_kept(rules):
    assert not rules.keep_entry(("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"))
    assert rules.keep_entry(("panelbook/resources/fonts/DejaVuSans.ttf", "/x/DejaVuSans.ttf", "DATA"))
    assert rules.keep_entry(("panelbook/resources/sample/README.md", "/x/README.md", "DATA"))
    # A link at the top of the bundle goes when its target does.
    assert not rules.keep_entry(("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"))
    assert rules.keep_entry(("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"))


def test_libraries_only_a_left_out_plugin_needed_go_with_it(rules):
    gtk = ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/w/libqgtk3.so", "BINARY")
    core = ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY")
    widgets = ("PySide6/QtWidgets.abi3.so", "/w/QtWidgets.abi3.so", "EXTENSION")
    pango = ("libpango-1.0.so.0", "/lib/libpango-1.0.so.0", "BINARY")
    pangoft = ("libpangoft2-1.0.so.0", "/lib/libpangoft2-1.0.so.0", "BINARY")
    glib = ("libglib-2.0.so.0", "/lib/libglib-2.0.so.0", "BINARY")
    python = ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY")
    pango_link = ("libpango.so", "libpango-1.0.so.0", "SYMLINK")
    core_link = ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")
    needs = {"/w/libqgtk3.so": {"libpango-1.0.so.0", "libpangoft2-1.0.so.0", "libglib-2.0.so.0", "libQt6Core.so.6"},
             "/lib/libpangoft2-1.0.so.0": {"libpango-1.0.so.0", "libglib-2.0.so.0"},
             "/lib/libpango-1.0.so.0": {"libglib-2.0.so.0"},
             "/w/QtWidgets.abi3.so": {"libQt6Core.so.6"},
             "/w/libQt6Core.so.6": {"libglib-2.0.so.0"}}
    collected = [gtk, core, widgets, pango, pangoft, glib, python, pango_link, core_link]
    kept = [entry for entry in collected if rules.keep_entry(entry)]
    assert gtk not in kept
    result = rules.without_orphans(collected, kept, lambda source: needs.get(source, set()))
    assert result == [core, widgets, glib, python, core_link]
