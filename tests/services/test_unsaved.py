"""The recovery file of changes the data folder would not take: written whole to the first
recovery folder that takes it; a folder on a full disk (a real tmpfs filled to the last byte)
is passed over and leaves no half file behind."""
from __future__ import annotations

import tempfile
from datetime import datetime

import pytest

from fault_mounts import fill, free, mount_unavailable, small_disk
from panelbook.paths import recovery_folders
from panelbook.services.unsaved import keep_unsaved, recovery_text

EDITS = [("Your note on 4. Repeat Child Protection Plans - Analysis", "Ask why re-referrals rose.\nAnd when."),
         ("Your question on 5. Budget", "Which savings are at risk?")]
REASON = "The disk holding your Panelbook data is full: free some space and try again; nothing was changed."


def test_the_file_says_when_why_and_each_change_as_written(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    when = datetime(2026, 12, 2, 18, 40, 5)
    path = keep_unsaved(EDITS, REASON, tmp_path / "data", when)
    assert path.parent == tmp_path / "state" / "Panelbook" / "unsaved"
    assert path.name == "Panelbook unsaved changes 2026-12-02 18-40-05.txt"
    text = path.read_text(encoding="utf-8")
    assert text == recovery_text(EDITS, REASON, tmp_path / "data", when)
    assert text.startswith(f"Panelbook could not save these changes in {tmp_path / 'data'} on 02 December 2026 at 18:40.")
    assert "== Your note on 4. Repeat Child Protection Plans - Analysis\nAsk why re-referrals rose.\nAnd when.\n" in text
    assert REASON in text
    again = keep_unsaved(EDITS[:1], REASON, tmp_path / "data", when)      # the same second: a second file
    assert again.name == "Panelbook unsaved changes 2026-12-02 18-40-05 (2).txt" and path.exists()


def test_no_recovery_folder_lies_inside_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "data" / "state"))
    assert all(not folder.is_relative_to(tmp_path / "data") for folder in recovery_folders(tmp_path / "data"))


@pytest.mark.slow
def test_a_full_recovery_folder_is_passed_over_and_keeps_no_half_file(tmp_path, monkeypatch):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    with small_disk(tmp_path / "disk", 1024) as disk:
        monkeypatch.setenv("XDG_STATE_HOME", str(disk / "state"))
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))     # what gettempdir() answers
        (tmp_path / "tmp").mkdir()
        (disk / "state" / "Panelbook" / "unsaved").mkdir(parents=True)
        filler = fill(disk)
        try:
            big = [("Your note", "x" * 64 * 1024)]          # more than the last free bytes of the disk
            path = keep_unsaved(big, REASON, tmp_path / "data")
        finally:
            free(filler)
        assert path.parent == tmp_path / "tmp" / "panelbook-unsaved"
        assert "x" * 64 * 1024 in path.read_text(encoding="utf-8")
        assert list((disk / "state" / "Panelbook" / "unsaved").iterdir()) == []
