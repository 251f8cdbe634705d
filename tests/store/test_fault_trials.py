"""The fault harness on a few trials: each fault against the note path and the read-only
command (benchmarks/faults.py runs every write path), and the checker shown to find what it
looks for.  Trials needing mounts are skipped with the reason where mounting is not allowed."""
from __future__ import annotations

import shutil

import pytest

from fault_mounts import mount_unavailable
from fault_trials import FAULTS, KEPT, Outcome, _inspect, findings, prepare_template, run_trial


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return prepare_template(tmp_path_factory.mktemp("faults"))


def _clean(outcome: Outcome) -> bool:
    return not (outcome.lost or outcome.moved_healthy or outcome.traceback or outcome.not_told
                or outcome.read_refused)


@pytest.mark.slow
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("path", ["note", "read"])
def test_no_fault_loses_an_edit_moves_a_sound_store_or_goes_untold(template, tmp_path, fault, path):
    if fault in ("full-disk", "read-only") and (reason := mount_unavailable(tmp_path)):
        pytest.skip(reason)
    outcome = run_trial(template, fault, path, 1, tmp_path / "trial")
    assert outcome.skipped is None
    assert _clean(outcome), findings(outcome)


def _copy(template, tmp_path):
    home = tmp_path / "data"
    shutil.copytree(template.home, home)
    return home


def test_the_checker_finds_a_sound_store_moved_aside_without_a_word(template, tmp_path):
    home = _copy(template, tmp_path)
    aside = home / "backups" / "damaged-20240101-000000"
    aside.mkdir()
    shutil.copyfile(home / "panelbook.sqlite3", aside / "panelbook.sqlite3")   # what the old start-up did
    outcome = _inspect(Outcome("full-disk", "note"), home, {"path": "note", "marker": "x"},
                       ["REFUSED The disk is full."], "", writes_possible=False)
    assert outcome.moved_healthy == 1
    assert "a database was moved aside with no word of it" in outcome.not_told


def test_the_checker_finds_a_lost_edit_a_traceback_and_silence(template, tmp_path):
    home = _copy(template, tmp_path)
    import sqlite3

    conn = sqlite3.connect(home / "panelbook.sqlite3")
    conn.execute("DELETE FROM notes WHERE text = ?", (KEPT,))
    conn.commit()
    conn.close()
    outcome = _inspect(Outcome("wal-deleted", "note"), home, {"path": "note", "marker": "note edit 1"},
                       ["SAVED note edit 1"], "Traceback (most recent call last):\n  ...", writes_possible=True)
    assert KEPT in outcome.lost and "note edit 1" in outcome.lost
    assert outcome.traceback
    silent = _inspect(Outcome("read-only", "note"), home, {"path": "note", "marker": "y"}, [], "",
                      writes_possible=False)
    assert "the write ended with nothing said" in silent.not_told
