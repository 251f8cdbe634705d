"""An operational error is never damage: the issue's reproductions on a real full disk (a
small tmpfs filled to the last byte) and a real read-only folder (a read-only bind mount),
through the real command line in its own process.  Skipped, with the reason, where this
machine does not allow mounting."""
from __future__ import annotations

import pytest

from fault_mounts import cli, fill, free, mount_unavailable, read_only_view, small_disk, snapshot


@pytest.fixture
def mounts(tmp_path):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    return tmp_path


def _one_line(done) -> str:
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def _untouched_by_recovery(home) -> None:
    names = snapshot(home)
    assert not [n for n in names if n.startswith("backups/damaged-") or n.endswith(".restoring")], names


def test_a_full_disk_refuses_the_note_keeps_the_store_and_reading_works(mounts):
    with small_disk(mounts / "disk", 8192) as disk:
        home = disk / "data"
        assert cli(home, "sample").returncode == 0
        assert cli(home, "note", "add", "2024-08-08", "8", "first note").returncode == 0
        before = (home / "panelbook.sqlite3").read_bytes()
        filler = fill(disk)

        refused = cli(home, "note", "add", "2024-08-08", "8", "second note")
        assert refused.returncode == 1
        line = _one_line(refused)
        assert line.startswith("panelbook: The disk holding your Panelbook data is full"), line
        assert (home / "panelbook.sqlite3").read_bytes() == before          # store unchanged
        _untouched_by_recovery(home)

        for args in (["meetings"], ["agenda", "2024-08-08"], ["search", "handover"], ["notes", "2024-08-08"]):
            done = cli(home, *args)
            assert done.returncode == 0 and done.stdout and "Traceback" not in done.stderr, (args, done.stderr)
        assert "first note" in cli(home, "notes", "2024-08-08").stdout
        _untouched_by_recovery(home)

        free(filler)
        again = cli(home, "note", "add", "2024-08-08", "8", "second note")
        assert again.returncode == 0, again.stderr
        listed = cli(home, "notes", "2024-08-08").stdout
        assert "first note" in listed and "second note" in listed           # never a new, empty store
        _untouched_by_recovery(home)


def test_a_read_only_folder_reads_and_refuses_writes_in_one_line(mounts):
    home = mounts / "data"
    assert cli(home, "sample").returncode == 0
    assert cli(home, "note", "add", "2024-08-08", "8", "kept note").returncode == 0
    before = snapshot(home)
    with read_only_view(home, mounts / "ro") as view:
        for args in (["meetings"], ["agenda", "2024-08-08"], ["search", "handover"], ["notes", "2024-08-08"]):
            done = cli(view, *args)
            assert done.returncode == 0 and done.stdout, (args, done.stderr)
            assert "Traceback" not in done.stderr and "read-only" in done.stderr, done.stderr
        assert "kept note" in cli(view, "notes", "2024-08-08").stdout

        refused = cli(view, "note", "add", "2024-08-08", "8", "new note")
        assert refused.returncode == 1
        assert "read-only" in _one_line(refused)
        backup = cli(view, "backup")
        assert backup.returncode == 1 and "read-only" in _one_line(backup)
    assert snapshot(home) == before                    # nothing moved, restored or created


def test_a_store_opened_read_only_on_a_full_disk_writes_again_once_there_is_room(mounts):
    """The window keeps its store open: once space is freed, the edit it kept is saved
    through the same Store (opened again for writing), not lost or refused for good."""
    from panelbook.paths import DataFolder
    from panelbook.services.markup import add_note
    from panelbook.store import Store
    from panelbook.store.faults import StoreUnavailable
    from panelbook.store.queries import resolve_item, resolve_meeting

    with small_disk(mounts / "disk", 8192) as disk:
        home = disk / "data"
        assert cli(home, "sample").returncode == 0
        filler = fill(disk)
        store = Store.open(DataFolder(home))
        try:
            assert store.read_only is not None and "full" in store.read_only
            item = resolve_item(store.db, resolve_meeting(store.db, "2024-08-08"), "8")
            with pytest.raises(StoreUnavailable):
                add_note(store, item, "typed while the disk was full")
            free(filler)
            add_note(store, item, "typed while the disk was full")
            assert store.read_only is None
        finally:
            store.close()
        assert "typed while the disk was full" in cli(home, "notes", "2024-08-08").stdout
