"""The wheel carries everything an installed Panelbook needs: every module, and the
fonts, icons and sample panel of the top-level resources/ folder as panelbook/resources;
the desktop entry and the AppStream metainfo describe the installed program, with one
version number throughout.

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

from packaging_helpers import METAINFO
from panelbook.paths import resources_dir, sample_dir

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "desktop" / "panelbook"
RESOURCES = REPO / "resources"
FONTS = ["DejaVuSans-Bold.ttf", "DejaVuSans-BoldOblique.ttf", "DejaVuSans-Oblique.ttf",
         "DejaVuSans.ttf", "LICENSE", "Symbola.ttf"]
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


def test_one_version_number_everywhere():
    """pyproject.toml, the package, --version, the newest release of the metainfo and the file names agree."""
    import tomllib
    import xml.etree.ElementTree as ET

    from panelbook import __version__

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "panelbook.__version__"}
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
