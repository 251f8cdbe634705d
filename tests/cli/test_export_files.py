"""Exported files from real processes: every kind gets the same permissions (owner only,
``exports.atomic.EXPORT_MODE``) under an ordinary umask, and with no ``-o`` a file is saved in
the user's Documents folder, never in the folder the command was started from."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from panelbook.exports.atomic import EXPORT_MODE
from testdata import REPO


def panelbook(home: Path, user_home: Path, cwd: Path, *argv: str, documents: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DOCUMENTS_DIR"}
    env |= {"HOME": str(user_home), "PYTHONPATH": str(REPO / "desktop"), "QT_QPA_PLATFORM": "offscreen"}
    if documents:
        env["XDG_DOCUMENTS_DIR"] = str(documents)
    done = subprocess.run([sys.executable, "-m", "panelbook.cli", "--home", str(home), *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, preexec_fn=lambda: os.umask(0o022))
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("exports")
    home, user_home, cwd = root / "data", root / "user", root / "started-here"
    user_home.mkdir()
    cwd.mkdir()
    panelbook(home, user_home, cwd, "sample")
    panelbook(home, user_home, cwd, "note", "add", "2024-08-08", "8", "A private question", "--question")
    return home, user_home, cwd


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_export_gets_the_same_permissions(sample, tmp_path):
    home, user_home, cwd = sample
    out = tmp_path / "out"
    out.mkdir()          # an export into a folder that does not exist is refused (tests/cli/test_output_paths.py)
    runs = {
        "briefing.pdf": ["export", "briefing", "2024-08-08", "-o"],
        "monitoring.pdf": ["export", "monitoring", "2024-08-08", "-o"],
        "meetings.ics": ["export", "ics", "-o"],
        "markup.json": ["markup", "export", "-o"],
        "tracker.csv": ["recs", "--csv"],
    }
    for name, argv in runs.items():
        panelbook(home, user_home, cwd, *argv, str(out / name))
    assert sorted(p.name for p in out.iterdir()) == sorted(runs)     # no partial file left beside them
    assert {p.name: oct(mode(p)) for p in out.iterdir()} == {name: oct(EXPORT_MODE) for name in runs}
    assert EXPORT_MODE == 0o600
    # Writing over an earlier file that anyone could read leaves it owner-only too.
    (out / "meetings.ics").chmod(0o644)
    panelbook(home, user_home, cwd, "export", "ics", "-o", str(out / "meetings.ics"))
    assert mode(out / "meetings.ics") == EXPORT_MODE


def test_with_no_file_named_exports_go_to_the_documents_folder(sample):
    home, user_home, cwd = sample
    said = panelbook(home, user_home, cwd, "export", "briefing", "8 Aug 2024")
    saved = user_home / "Documents" / "Briefing 2024-08-08.pdf"
    assert said == f"Written: {saved}\n"
    assert saved.read_bytes().startswith(b"%PDF") and mode(saved) == EXPORT_MODE
    panelbook(home, user_home, cwd, "export", "ics")
    panelbook(home, user_home, cwd, "export", "monitoring", "08/08/2024")
    panelbook(home, user_home, cwd, "markup", "export")
    assert sorted(p.name for p in (user_home / "Documents").iterdir()) == [
        "Briefing 2024-08-08.pdf", "Monitoring report 2024-08-08.pdf", "Panelbook meetings.ics", "markup.json"]
    assert list(cwd.iterdir()) == []


def test_the_documents_folder_is_the_one_the_desktop_names(sample, tmp_path):
    """XDG_DOCUMENTS_DIR (what a Linux desktop sets, in any language) is honoured."""
    home, user_home, cwd = sample
    documents = tmp_path / "Dokumente"
    said = panelbook(home, user_home, cwd, "export", "ics", documents=documents)
    assert said == f"Written: {documents / 'Panelbook meetings.ics'}\n"
    assert (documents / "Panelbook meetings.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
