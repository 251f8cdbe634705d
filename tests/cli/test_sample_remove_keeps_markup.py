"""``panelbook sample --remove`` never deletes the user's own notes without asking:
it refuses in one line and offers to export them first (--export-markup FILE),
or removes them when told (--discard-markup); at a terminal it asks (a real pty)."""
from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.store import Store
from testdata import REPO, snapshot


def run(capsys, home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path, capsys) -> Path:
    home = tmp_path / "data"
    assert run(capsys, home, "sample")[0] == 0
    assert run(capsys, home, "note", "add", "2024-08-08", "8", "Ask about handovers")[0] == 0
    assert run(capsys, home, "note", "add", "2024-08-08", "8", "Why so many?", "--question")[0] == 0
    return home


def state(home: Path):
    with Store.open(data_folder(home)) as store:
        return snapshot(store)


def test_refused_in_one_line_and_nothing_removed(home, capsys):
    before = state(home)
    code, out, err = run(capsys, home, "sample", "--remove")
    assert code == 1 and out == ""
    assert err == ("panelbook: The sample panel holds your markup (2 notes and questions); removing it would "
                   "delete that. Export it first with --export-markup FILE, or remove it too with --discard-markup.\n")
    assert state(home) == before


def test_exported_first_then_removed_and_the_file_brings_them_back(home, tmp_path, capsys):
    file = tmp_path / "kept.json"
    code, out, err = run(capsys, home, "sample", "--remove", "--export-markup", str(file))
    assert code == 0, err
    assert out.rstrip().endswith(f"Your markup on it was exported first to {file}.")
    texts = sorted(n["text"] for n in json.loads(file.read_text(encoding="utf-8"))["notes"])
    assert texts == ["Ask about handovers", "Why so many?"]
    assert json.loads(run(capsys, home, "meetings", "--json")[1]) == []
    assert run(capsys, home, "sample")[0] == 0
    assert run(capsys, home, "markup", "import", str(file))[1] == "Markup imported: 2 added, 0 updated.\n"
    notes = json.loads(run(capsys, home, "notes", "2024-08-08", "--json")[1])
    assert sorted(n["text"] for n in notes) == texts


def test_a_bad_export_path_removes_nothing(home, tmp_path, capsys):
    before = state(home)
    code, _, err = run(capsys, home, "sample", "--remove", "--export-markup", str(tmp_path))
    assert code == 2 and "is a folder" in err
    assert state(home) == before


def test_discarded_when_told(home, capsys):
    code, out, err = run(capsys, home, "sample", "--remove", "--discard-markup")
    assert code == 0, err
    assert "2 notes on sample items" in out


def test_without_markup_it_removes_at_once(tmp_path, capsys):
    home = tmp_path / "plain"
    assert run(capsys, home, "sample")[0] == 0
    assert run(capsys, home, "sample", "--remove")[0] == 0
    assert json.loads(run(capsys, home, "meetings", "--json")[1]) == []


def _at_a_terminal(home: Path, answer: str) -> tuple[int, str]:
    """``panelbook sample --remove`` in a real pseudo-terminal, answering its question."""
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'desktop'}{os.pathsep}{REPO}", "QT_QPA_PLATFORM": "offscreen"}
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "panelbook.cli", "--home", str(home), "sample", "--remove"],
                               stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    seen, answered, deadline = b"", False, time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if not answered and b"press Enter to keep everything" in seen:
            os.write(leader, answer.encode() + b"\r")
            answered = True
        if process.poll() is not None and not ready:
            break
    code = process.wait(timeout=30)
    os.close(leader)
    return code, seen.decode(errors="replace")


def test_at_a_terminal_it_asks_and_enter_keeps_everything(home):
    before = state(home)
    code, seen = _at_a_terminal(home, "")
    assert "The sample panel holds your markup (2 notes and questions)." in seen
    assert code == 1 and "Nothing was removed." in seen
    assert state(home) == before


def test_at_a_terminal_a_file_name_exports_first(home, tmp_path):
    file = tmp_path / "answer.json"
    code, seen = _at_a_terminal(home, str(file))
    assert code == 0, seen
    assert len(json.loads(file.read_text(encoding="utf-8"))["notes"]) == 2
