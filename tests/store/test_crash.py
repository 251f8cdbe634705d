"""Kill Panelbook (SIGKILL, in a subprocess) in the middle of an import, a note
edit, a tracker edit and a backup; reopen the store and hold it to what the
process reported as saved.  The machinery is in crash_trials.py and
crash_worker.py; benchmarks/crash.py runs many more trials of the same kind.
"""
from __future__ import annotations

import os
import sqlite3
import sys

import pytest

from crash_trials import KINDS, MAX_DELAY, check, kill_plan, prepare_template, run_trial

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"), pytest.mark.slow]

TRIALS_PER_KIND = 6
SEED = 20240808


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The sample panel loaded once, both versions of the pack read once."""
    return prepare_template(tmp_path_factory.mktemp("crash"))


@pytest.mark.parametrize("kind", KINDS)
def test_a_killed_write_loses_nothing_saved_and_lands_whole_or_not_at_all(template, kind, tmp_path):
    plan = [delay for _, delay in kill_plan(f"{SEED}-{kind}", TRIALS_PER_KIND - 1, (kind,))]
    plan.append(MAX_DELAY[kind])           # one trial long enough to have saved several edits
    outcomes = []
    for number, delay in enumerate(plan):
        trial = tmp_path / f"trial-{number}"
        trial.mkdir()
        outcome = run_trial(template, kind, trial, delay)
        assert outcome.problems == [], f"{kind} killed after {delay:.3f} s: {outcome.problems}"
        outcomes.append(outcome)
    assert outcomes[-1].saved >= 1, f"the {kind} worker saved nothing in {MAX_DELAY[kind]} s"


# -- the checker itself finds what it is there to find ---------------------------


def _finished(template, kind, tmp_path, steps=4):
    """A worker that wrote ``steps`` times and stopped by itself: nothing in flight."""
    outcome = run_trial(template, kind, tmp_path, delay=0, steps=steps)
    assert outcome.problems == [] and outcome.saved == steps
    return tmp_path / "data", outcome.lines


def _recheck(template, kind, home, lines):
    from crash_trials import Outcome

    return check(template, kind, home, lines, Outcome(kind, 0.0), finished=True)


def test_the_checker_finds_a_saved_note_that_is_missing(template, tmp_path):
    home, lines = _finished(template, "note", tmp_path)
    conn = sqlite3.connect(home / "panelbook.sqlite3")
    with conn:
        note_id = conn.execute("SELECT id FROM notes WHERE text = 'crash note 2'").fetchone()[0]
        conn.execute("DELETE FROM search_rows WHERE kind = 'note' AND ref_id = ?", (note_id,))
        conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
    conn.close()
    found = _recheck(template, "note", home, lines)
    assert found.lost == [f"note 2 (id {note_id}) reported saved is not there"]
    assert found.corrupt == [] and found.partial == []


def test_the_checker_finds_an_import_that_landed_in_part(template, tmp_path):
    home, lines = _finished(template, "import", tmp_path, steps=2)
    day, meeting_id = lines[1][3], int(lines[1][4])
    conn = sqlite3.connect(home / "panelbook.sqlite3")
    with conn:
        conn.execute("DELETE FROM resolutions WHERE id = (SELECT max(r.id) FROM resolutions r "
                     "JOIN items i ON i.id = r.item_id WHERE i.meeting_id = ?)", (meeting_id,))
    conn.close()
    found = _recheck(template, "import", home, lines)
    assert any(p.startswith(f"the meeting of {day} is incomplete") for p in found.partial)
    assert "rows point at rows that do not exist (foreign_key_check)" in found.partial   # its recommendation's
    assert found.lost == [] and found.corrupt == []


def test_the_checker_finds_a_half_written_backup_and_a_stale_one(template, tmp_path):
    home, lines = _finished(template, "backup", tmp_path, steps=5)    # manual-0 holds 3, manual-1 holds 4
    backup = home / "backups" / "manual-1.sqlite3"
    with backup.open("r+b") as handle:
        handle.truncate(backup.stat().st_size // 2)
    stale = home / "backups" / "manual-0.sqlite3"
    os.replace(home / "backups" / "manual-2.sqlite3", stale)           # marker 2, not the 3 reported
    found = _recheck(template, "backup", home, lines)
    assert any(p.startswith("the backup manual-1.sqlite3 does not verify") for p in found.partial)
    assert "the backup manual-0.sqlite3 reported saved with marker 3 holds only up to 2" in found.lost
