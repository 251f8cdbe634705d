"""Where an export is asked to go: a folder, a path inside a file, a folder that does
not exist each get one clear line (exit status 2) before any work, and nothing is
written; a disk that fills while writing leaves no half file (a real small tmpfs)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from panelbook.cli import main

COMMANDS = {
    "briefing": ["export", "briefing", "2024-08-08", "-o"],
    "monitoring": ["export", "monitoring", "2024-08-08", "-o"],
    "ics": ["export", "ics", "-o"],
    "markup": ["markup", "export", "-o"],
    "csv": ["recs", "--csv"],
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("out") / "data"
    assert main(["--home", str(home), "sample"]) == 0
    return home


def everything(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def bad_paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "papers"
    folder.mkdir()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    return {
        "a folder": (folder, f"{folder} is a folder; give a file name inside it"),
        "inside a file": (a_file / "out.pdf", f"{a_file} is a file, not a folder"),
        "deeper inside a file": (a_file / "sub" / "out.pdf", f"{a_file} is a file, not a folder"),
        "a missing folder": (tmp_path / "nowhere" / "out.pdf", f"The folder {tmp_path / 'nowhere'} does not exist"),
    }


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", ["a folder", "inside a file", "deeper inside a file", "a missing folder"])
def test_a_bad_output_path_is_one_clear_line(seeded, tmp_path, capsys, command, kind):
    target, words = bad_paths(tmp_path)[kind]
    before = everything(tmp_path)
    capsys.readouterr()
    code = main(["--home", str(seeded), *COMMANDS[command], str(target)])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("panelbook: ") and words in line, line
    assert "something went wrong" not in line
    assert everything(tmp_path) == before
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_good_path_still_works(seeded, tmp_path, capsys):
    for command, argv in COMMANDS.items():
        target = tmp_path / f"{command}.out"
        assert main(["--home", str(seeded), *argv, str(target)]) == 0, capsys.readouterr()
        assert target.stat().st_size > 0
    assert not list(tmp_path.glob(".*partial"))


def _mount_tiny_tmpfs(where: Path) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


def test_a_disk_that_fills_while_writing_leaves_no_half_file(seeded, tmp_path, capsys):
    disk = tmp_path / "tiny"
    if not _mount_tiny_tmpfs(disk):
        pytest.skip("this machine does not allow mounting a tmpfs (needs root and mount)")
    try:
        earlier = disk / "briefing.pdf"
        earlier.write_bytes(b"%PDF-1.4 the earlier briefing")
        capsys.readouterr()
        code = main(["--home", str(seeded), "export", "briefing", "2024-08-08", "--with-reports", "-o", str(earlier)])
        out, err = capsys.readouterr()
        assert code == 1, (out, err)
        (line,) = err.splitlines()
        assert line == f"panelbook: {earlier} could not be written (No space left on device); nothing was written."
        assert sorted(p.name for p in disk.iterdir()) == ["briefing.pdf"]
        assert earlier.read_bytes() == b"%PDF-1.4 the earlier briefing"
    finally:
        subprocess.run(["umount", str(disk)], check=False)
