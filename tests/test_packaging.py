"""The wheel carries everything an installed Panelbook needs: every module, and the
fonts, icons and sample panel of the top-level resources/ folder as panelbook/resources.

The wheel is built offline from a copy of the checkout (so no build/ or egg-info
folder lands in the working tree), with the setuptools of this environment.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from panelbook.paths import resources_dir, sample_dir

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "desktop" / "panelbook"
RESOURCES = REPO / "resources"
FONTS = ["DejaVuSans-Bold.ttf", "DejaVuSans-BoldOblique.ttf", "DejaVuSans-Oblique.ttf",
         "DejaVuSans.ttf", "LICENSE"]
PACK = "2024-08-08 agenda pack (rebuilt).pdf"
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """panelbook-*.whl built by pip from a copy of the checkout, without the network."""
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for name in ("desktop", "resources"):
        shutil.copytree(REPO / name, source / name, ignore=SKIP)
    out = work / "wheel"
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "-w", str(out),
         "--no-deps", "--no-build-isolation", "--no-cache-dir", "--quiet"],
        cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list(out.glob("panelbook-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def wheel_files(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_ships_every_resource_inside_the_package(wheel_files):
    shipped = {name.removeprefix("panelbook/resources/") for name in wheel_files
               if name.startswith("panelbook/resources/")}
    assert shipped == files_under(RESOURCES)
    assert {f"fonts/{name}" for name in FONTS} <= shipped
    assert {"icons/panelbook.svg", "icons/calendar.svg", f"sample/{PACK}",
            "sample/README.md"} <= shipped
    assert not any(name.startswith("resources/") for name in wheel_files)


def test_the_wheel_ships_every_module_of_the_package(wheel_files):
    """A package folder missing from pyproject.toml's list would be left out of the wheel."""
    shipped = {name.removeprefix("panelbook/") for name in wheel_files
               if name.startswith("panelbook/") and not name.startswith("panelbook/resources/")}
    assert shipped == files_under(PACKAGE)
    assert {"__init__.py", "cli/__init__.py", "paths.py", "py.typed", "ui/shell/app.py", "store/__init__.py"} <= shipped


def test_the_wheel_installs_the_panelbook_command(wheel, wheel_files):
    entry_points = next(name for name in wheel_files if name.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry_points).decode("utf-8")
    assert "[console_scripts]\npanelbook = panelbook.cli:main" in text


def test_an_installed_copy_finds_its_resources_inside_the_package(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    script = ("import panelbook.paths as p; "
              "print(p.resources_dir()); print(p.sample_dir()); print(p.__file__)")
    result = subprocess.run([sys.executable, "-S", "-c", script], cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(site)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    resources, sample, module = (Path(line) for line in result.stdout.splitlines())
    assert module == site / "panelbook" / "paths.py"
    assert resources == site / "panelbook" / "resources"
    assert sample == resources / "sample"
    assert files_under(resources) == files_under(RESOURCES)


def test_the_checkout_finds_the_top_level_resources():
    assert resources_dir() == RESOURCES
    assert sample_dir() == RESOURCES / "sample"
    assert sorted(p.name for p in (resources_dir() / "fonts").iterdir()) == FONTS
    for name in ("panelbook", "calendar", "meeting", "tracker", "search"):
        assert (resources_dir() / "icons" / f"{name}.svg").is_file(), name
    assert (sample_dir() / PACK).is_file()
    assert len(list(sample_dir().glob("[0-9][0-9][0-9]_*.txt"))) == 5


def desktop_entry() -> dict[str, str]:
    lines = (REPO / "packaging" / "linux" / "panelbook.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def test_the_desktop_entry_runs_the_installed_command_with_the_shipped_icon():
    import tomllib

    from panelbook.cli.parser import build_parser as _parser

    entry = desktop_entry()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    command, subcommand, files = entry["Exec"].split()
    assert scripts[command] == "panelbook.cli:main"
    assert subcommand == "open" and files == "%F"
    args = _parser().parse_args([subcommand, "a.pdf", "b.html"])
    assert (args.command, args.files) == ("open", ["a.pdf", "b.html"])
    assert (RESOURCES / "icons" / f"{entry['Icon']}.svg").is_file()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (Debian: desktop-file-utils) is not installed")
def test_the_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(["desktop-file-validate", str(REPO / "packaging" / "linux" / "panelbook.desktop")],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# -- the frozen build (packaging/panelbook.spec, make dist) ---------------------------------

PACKAGING = REPO / "packaging"
METAINFO = PACKAGING / "linux" / "org.panelbook.Panelbook.metainfo.xml"


def _load(path: Path):
    """A module of packaging/ by its path (the folder is no package: `packaging` is PyPI's)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"panelbook_packaging_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rules():
    return _load(PACKAGING / "bundle_rules.py")


@pytest.fixture(scope="module")
def packer():
    return _load(PACKAGING / "linux" / "make_packages.py")


def qt_modules_the_app_imports() -> set[str]:
    import re

    found = set()
    for source in PACKAGE.rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    return found


def test_the_app_imports_only_the_qt_modules_the_bundle_is_cut_for(rules):
    used = qt_modules_the_app_imports()
    assert used == {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPdf", "QtPdfWidgets", "QtSvg"}
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


def test_one_version_number_everywhere():
    """pyproject.toml, the package, --version, the newest release of the metainfo and the file names agree."""
    import tomllib
    import xml.etree.ElementTree as ET

    from panelbook import __version__

    assert tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"] == __version__
    newest = ET.parse(METAINFO).getroot().find("releases/release")
    assert newest.get("version") == __version__
    result = subprocess.run([sys.executable, "-m", "panelbook.cli", "--version"], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONPATH": str(REPO / "desktop")})
    assert (result.returncode, result.stdout) == (0, f"panelbook {__version__}\n")


def test_the_metainfo_describes_the_installed_app():
    import struct
    import xml.etree.ElementTree as ET

    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert METAINFO.name == f"{root.findtext('id')}.metainfo.xml"
    assert (REPO / "packaging" / "linux" / root.findtext("launchable")).is_file()
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.find("releases/release/description") is not None
    shots = root.findall("screenshots/screenshot/image")
    assert len(shots) >= 3
    for image in shots:
        local = REPO / "docs" / "screenshots" / image.text.rsplit("/", 1)[1]
        header = local.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", local
        assert struct.unpack(">II", header[16:24]) == (int(image.get("width")), int(image.get("height"))), local


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli (Debian: appstream) is not installed")
def test_the_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def fake_build(tmp_path) -> Path:
    """A stand-in for PyInstaller's one-folder build: the program, a library and a link to it."""
    build = tmp_path / "build" / "panelbook"
    (build / "_internal" / "PySide6").mkdir(parents=True)
    program = build / "panelbook"
    program.write_text("#!/bin/sh\necho built\n", encoding="utf-8")
    program.chmod(0o755)
    (build / "_internal" / "PySide6" / "libQt6Core.so.6").write_bytes(b"\x7fELF library")
    (build / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/libQt6Core.so.6")
    return build


def test_the_tarball_unpacks_to_one_folder_with_the_program(packer, fake_build, tmp_path):
    import tarfile

    from panelbook import __version__

    made = packer.make_tarball(fake_build, tmp_path, __version__)
    assert made.name == f"panelbook-{__version__}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(made) as archive:
        members = {m.name: m for m in archive.getmembers()}
    top = f"panelbook-{__version__}"
    assert set(members) == {top, f"{top}/panelbook", f"{top}/_internal", f"{top}/_internal/PySide6",
                            f"{top}/_internal/PySide6/libQt6Core.so.6", f"{top}/_internal/libQt6Core.so.6"}
    assert members[f"{top}/panelbook"].mode & 0o111
    link = members[f"{top}/_internal/libQt6Core.so.6"]
    assert link.issym() and link.linkname == "PySide6/libQt6Core.so.6"
    assert {(m.uid, m.uname) for m in members.values()} == {(0, "root")}


def test_the_deb_lays_out_the_program_launcher_menu_entry_icons_and_metainfo(packer, fake_build, tmp_path, qapp):
    from PySide6.QtGui import QImage

    from panelbook import __version__

    stage = packer.stage_deb(fake_build, tmp_path / "stage", __version__, packer.render_icons(
        RESOURCES / "icons" / "panelbook.svg", (16, 48, 256)))
    assert (stage / "opt/panelbook/panelbook").read_text(encoding="utf-8") == "#!/bin/sh\necho built\n"
    assert os.readlink(stage / "opt/panelbook/_internal/libQt6Core.so.6") == "PySide6/libQt6Core.so.6"
    launcher = stage / "usr/bin/panelbook"
    assert launcher.stat().st_mode & 0o777 == 0o755
    assert 'exec /opt/panelbook/panelbook "$@"' in launcher.read_text(encoding="utf-8")
    share = stage / "usr/share"
    assert (share / "applications/panelbook.desktop").read_bytes() == \
        (PACKAGING / "linux" / "panelbook.desktop").read_bytes()
    assert (share / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    assert (share / "icons/hicolor/scalable/apps/panelbook.svg").is_file()
    for size in (16, 48, 256):
        image = QImage(str(share / f"icons/hicolor/{size}x{size}/apps/panelbook.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0                      # the rounded corner is transparent
        assert image.pixelColor(size // 2, size // 8).alpha() == 255    # the tile is drawn
    fields = dict(line.split(": ", 1) for line in (stage / "DEBIAN/control").read_text(encoding="utf-8")
                  .splitlines() if ": " in line and not line.startswith(" "))
    assert fields["Package"] == "panelbook" and fields["Version"] == __version__
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1"} <= \
        {name.split()[0] for name in fields["Depends"].split(", ")}
    assert int(fields["Installed-Size"]) >= 1


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb builds .deb packages")
def test_the_deb_is_a_package_dpkg_reads(packer, fake_build, tmp_path, qapp):
    from panelbook import __version__

    made = packer.make_deb(fake_build, tmp_path, __version__)
    assert made.name == packer.deb_name(__version__)
    field = subprocess.run(["dpkg-deb", "-f", str(made), "Package", "Version"], capture_output=True,
                           text=True, check=True).stdout
    assert field == f"Package: panelbook\nVersion: {__version__}\n"
    listing = subprocess.run(["dpkg-deb", "-c", str(made)], capture_output=True, text=True, check=True).stdout
    rows = {line.split()[-1] if " -> " not in line else line.split()[-3]: line.split()[:2]
            for line in listing.splitlines()}
    assert rows["./usr/bin/panelbook"] == ["-rwxr-xr-x", "root/root"]
    assert rows["./opt/panelbook/_internal/libQt6Core.so.6"][0].startswith("l")
    assert "./usr/share/icons/hicolor/512x512/apps/panelbook.png" in rows
    assert "./usr/share/metainfo/org.panelbook.Panelbook.metainfo.xml" in rows


def _frozen_entry(home: Path, *args: str, smoke: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PANELBOOK_SMOKE_TEST", None)
    if smoke:
        env["PANELBOOK_SMOKE_TEST"] = "1"
    return subprocess.run([sys.executable, str(PACKAGING / "panelbook_main.py"), "--home", str(home), *args],
                          capture_output=True, text=True, timeout=180, env=env)


def test_the_smoke_test_opens_the_window_on_the_sample_and_closes_it(tmp_path, qapp):
    result = _frozen_entry(tmp_path / "home", "--grab", str(tmp_path / "window.png"), smoke=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test: the window opened on 8 meetings and showed meeting ")
    assert "agenda items and its 115-page pack" in result.stdout
    from PySide6.QtGui import QImage

    assert not QImage(str(tmp_path / "window.png")).isNull()
    assert (tmp_path / "home" / "panelbook.sqlite3").is_file()


def test_the_smoke_test_fails_when_the_meeting_has_no_pack(tmp_path, seeds):
    """A store with a meeting page but no PDF pack: the window opens, but the pack shows no pages."""
    from panelbook.cli import main

    home = tmp_path / "home"
    assert main(["--home", str(home), "import", str(seeds / "004_a891e5ad8eac6e85.txt")]) == 0
    result = _frozen_entry(home, smoke=True)
    assert result.returncode == 1
    assert "panelbook: smoke test failed: meeting" in result.stderr
    assert "a pack of 0 pages" in result.stderr


def test_the_frozen_entry_point_is_the_command_line_without_the_smoke_variable(tmp_path):
    from panelbook import __version__

    result = _frozen_entry(tmp_path / "home", "--version", smoke=False)
    assert (result.returncode, result.stdout) == (0, f"panelbook {__version__}\n")
    result = _frozen_entry(tmp_path / "home", "meetings", "--json", smoke=False)
    assert (result.returncode, result.stdout) == (0, "[]\n")


@pytest.fixture(scope="module")
def icons():
    return _load(PACKAGING / "icons.py")


def test_the_windows_icon_holds_every_size_drawn_at_that_size(icons, tmp_path, qapp):
    from PIL import Image

    made = icons.write_ico(tmp_path / "panelbook.ico")
    with Image.open(made) as ico:
        assert ico.format == "ICO"
        assert sorted(ico.info["sizes"]) == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
        ico.size = (16, 16)
        small = ico.convert("RGBA")
        assert small.size == (16, 16)
        assert small.getpixel((0, 0))[3] == 0 and small.getpixel((8, 2))[3] == 255


def test_the_macos_iconset_has_the_names_and_sizes_iconutil_expects(icons, tmp_path, qapp):
    from PySide6.QtGui import QImage

    folder = icons.write_iconset(tmp_path / "Panelbook.iconset")
    expected = {f"icon_{n}x{n}.png": n for n in (16, 32, 128, 256, 512)}
    expected |= {f"icon_{n}x{n}@2x.png": 2 * n for n in (16, 32, 128, 256, 512)}
    assert {p.name for p in folder.iterdir()} == set(expected)
    for name, pixels in expected.items():
        image = QImage(str(folder / name))
        assert (image.width(), image.height()) == (pixels, pixels), name


def test_the_installer_recipes_take_the_spec_s_build_and_the_package_s_version():
    """Windows and macOS cannot be built here; their recipes at least name what the spec makes."""
    spec = (PACKAGING / "panelbook.spec").read_text(encoding="utf-8")
    assert 'name="panelbook"' in spec and 'name="Panelbook.app"' in spec
    assert 'REPO / "build" / "icons" / "panelbook.ico"' in spec
    iss = (PACKAGING / "windows" / "panelbook.iss").read_text(encoding="utf-8")
    assert 'Source: "build\\dist\\panelbook\\*"' in iss
    assert "SetupIconFile=build\\icons\\panelbook.ico" in iss
    assert "OutputBaseFilename=panelbook-{#AppVersion}-windows-x64-setup" in iss
    dmg = (PACKAGING / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "app=build/dist/Panelbook.app" in dmg and "build/icons/panelbook.icns" in dmg
    workflow = (REPO / ".github" / "workflows" / "package.yml").read_text(encoding="utf-8")
    assert "packaging/windows/panelbook.iss" in workflow and "packaging/macos/make_dmg.sh" in workflow
    assert "bash .ci/package" in workflow
