"""One atomic writer for every export: the destination is whole or untouched."""
from pathlib import Path

import pytest

from panelbook.exports import atomic
from panelbook.exports.csv_recs import write_recs_csv


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(atomic.PARTIAL_SUFFIX))


def test_a_finished_write_replaces_the_file_and_leaves_no_partial(tmp_path):
    target = tmp_path / "out" / "calendar.ics"
    atomic.write_bytes(target, b"first")
    atomic.write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert _leftovers(target.parent) == []


def test_a_failure_part_way_leaves_the_earlier_file_and_removes_the_partial(tmp_path):
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"the earlier briefing")
    with pytest.raises(RuntimeError), atomic.atomic_path(target) as partial:
        partial.write_bytes(b"half a brief")
        assert partial.parent == target.parent and partial.name.startswith(".briefing.pdf.")
        raise RuntimeError("the disk filled up")
    assert target.read_bytes() == b"the earlier briefing"
    assert _leftovers(tmp_path) == []


def test_a_failure_before_the_first_write_creates_no_file(tmp_path):
    target = tmp_path / "notes.json"
    with pytest.raises(KeyboardInterrupt), atomic.open_text(target) as handle:
        handle.write("{")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_the_tracker_csv_is_written_atomically(tmp_path):
    target = tmp_path / "recs.csv"
    write_recs_csv([{"id": 1, "text": "That the Panel visits the MASH.", "overdue": True}], target)
    first = target.read_bytes()
    assert first.startswith(b"\xef\xbb\xbf") and first.endswith(b"\r\n1,,,That the Panel visits the MASH.,,,,,,yes,,\r\n")

    class Exploding(dict):
        def get(self, key, default=None):
            raise OSError("no space left on device")

    with pytest.raises(OSError):
        write_recs_csv([Exploding()], target)
    assert target.read_bytes() == first
    assert _leftovers(tmp_path) == []
