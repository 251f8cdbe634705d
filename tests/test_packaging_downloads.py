"""The Linux downloads made from the one-folder build (packaging/linux/make_packages.py), the icons
for every system (packaging/icons.py), the built program's window smoke test
(packaging/panelbook_main.py, smoke_window.py) and the Windows and macOS recipes.  The real build
is .ci/package's; these use a stand-in folder, so they take seconds."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from packaging_helpers import METAINFO, PACKAGING, REPO, load_packaging_module

RESOURCES = REPO / "resources"


@pytest.fixture(scope="module")
def packer():
    return load_packaging_module("linux/make_packages.py")


@pytest.fixture(scope="module")
def icons():
    return load_packaging_module("icons.py")


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


@pytest.mark.slow
def test_the_smoke_test_opens_the_window_on_the_sample_and_closes_it(tmp_path, qapp):
    result = _frozen_entry(tmp_path / "home", "--grab", str(tmp_path / "window.png"), smoke=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test: the window opened on 8 meetings and showed meeting ")
    assert "agenda items and its 115-page pack" in result.stdout
    from PySide6.QtGui import QImage

    assert not QImage(str(tmp_path / "window.png")).isNull()
    assert (tmp_path / "home" / "panelbook.sqlite3").is_file()


@pytest.mark.slow
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
