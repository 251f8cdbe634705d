"""`panelbook markup export/import` and markup on confidential items: left out and said,
or sealed with a passphrase read from standard input (or typed at the terminal).

Material: the sample panel; minute 11 of 20 July 2023 (the Ofsted ILACS report) is confidential.
"""
from __future__ import annotations

import io

import pytest

from panelbook.cli import main

SECRET = "Ask whether the inspectors' concerns about the front door (MASH) have been closed"
PASSPHRASE = "correct horse battery staple"


def _home(folder, note: bool = True):
    assert main(["--home", str(folder), "sample"]) == 0
    if note:
        assert main(["--home", str(folder), "note", "add", "2023-07-20", "11", SECRET, "--profile", "Cllr Webb"]) == 0
    return folder


def test_left_out_by_default_and_said(tmp_path, capsys):
    home = _home(tmp_path / "home")
    out = tmp_path / "m.json"
    assert main(["--home", str(home), "markup", "export", "--profile", "Cllr Webb", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "1 note, flag or highlight on confidential items left out; add --include-confidential" in printed
    assert SECRET.encode() not in out.read_bytes()


def test_sealed_with_a_passphrase_from_standard_input_and_opened_with_it(tmp_path, capsys, monkeypatch):
    home = _home(tmp_path / "home")
    out = tmp_path / "m.json"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["--home", str(home), "markup", "export", "--profile", "Cllr Webb", "--include-confidential",
                 "-o", str(out)]) == 0
    assert "1 note, flag or highlight on confidential items sealed in the file" in capsys.readouterr().out
    assert SECRET.encode() not in out.read_bytes()

    there = _home(tmp_path / "there", note=False)
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))           # no passphrase: the rest is imported
    assert main(["--home", str(there), "markup", "import", str(out)]) == 0
    assert "on confidential items not opened" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong passphrase\n"))
    assert main(["--home", str(there), "markup", "import", str(out)]) == 1
    assert "passphrase does not open" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["--home", str(there), "markup", "import", str(out)]) == 0
    assert "1 on confidential items opened with the passphrase" in capsys.readouterr().out
    assert main(["--home", str(there), "notes", "2023-07-20"]) == 0
    assert SECRET in capsys.readouterr().out


@pytest.mark.parametrize("typed", ["short\n", "\n"])
def test_a_short_passphrase_is_refused_and_nothing_written(tmp_path, capsys, monkeypatch, typed):
    home = _home(tmp_path / "home")
    out = tmp_path / "m.json"
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert main(["--home", str(home), "markup", "export", "--include-confidential", "-o", str(out)]) == 2
    assert "at least 8 characters" in capsys.readouterr().err
    assert not out.exists()
