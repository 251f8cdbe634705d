"""The ledger of kept changes on a real full disk (a small tmpfs filled to the last byte),
without the window: a refused change is kept and tried again until it lands, the changes
made meanwhile wait behind it and land after it in order, one whose maker has gone (a
panel rebuilt) still lands, and a refusal that is not the disk's is said, not kept.
Skipped, with the reason, where mounting is not allowed."""
from __future__ import annotations

import shutil
import sqlite3
import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject

from fault_mounts import fill, free, mount_unavailable, small_disk
from panelbook.paths import DataFolder
from panelbook.services import markup
from panelbook.store.queries import NotFound
from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.common.worker import DatabaseWorker


def _read(folder, sql, params=()):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.mark.slow
def test_kept_changes_land_in_order_even_when_their_maker_has_gone(qtbot, tmp_path, sample_folder):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    with small_disk(tmp_path / "disk", 12288) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        worker = DatabaseWorker(folder)
        kept = kept_edits(worker)
        assert kept_edits(worker) is kept                       # one ledger for the worker
        filler = None
        try:
            (item,) = _read(folder, "SELECT min(id) FROM items")
            worker.submit(lambda store: store.db.execute("SELECT 1"))          # the store opened before the fault
            qtbot.waitUntil(lambda: not worker.busy)
            filler = fill(disk)
            maker = QObject()
            landed: list[str] = []
            told: list[str] = []
            worker.failed.connect(told.append)

            def add(text):
                kept.write(lambda store: markup.add_note(store, item, text, question=True), what=f"Question {text}",
                           text=text, noun="your question", initiator=maker, done=lambda _id: landed.append(text))

            gate = threading.Event()
            worker.submit(lambda store: gate.wait(20))          # the worker busy: the first answer comes later
            add("first")
            shiboken6.delete(maker)                             # the panel that made it is rebuilt meanwhile
            gate.set()
            qtbot.waitUntil(lambda: len(kept.pending()) == 1, timeout=10000)
            add("second")
            add("third")
            assert [e.text for e in kept.pending()] == ["first", "second", "third"]
            assert told == ["The disk holding your Panelbook data is full: free some space; your question is kept "
                            "and will be saved."]
            free(filler)
            filler = None
            qtbot.waitUntil(lambda: not kept.pending(), timeout=15000)
            qtbot.waitUntil(lambda: not worker.busy)
            texts = _read(folder, "SELECT text FROM notes WHERE item_id = ? AND kind = 'question' ORDER BY id", (item,))
            assert texts == ["first", "second", "third"] and landed == []   # nobody left to call back

            refusals: list[BaseException] = []
            kept.write(lambda store: markup.update_note(store, 10 ** 9, text="x"), what="A change", text="x",
                       failed=refusals.append)
            qtbot.waitUntil(lambda: bool(refusals), timeout=10000)
            assert isinstance(refusals[0], NotFound) and not kept.pending()     # said, not kept
        finally:
            if filler is not None:
                free(filler)
            qtbot.waitUntil(lambda: not worker.busy, timeout=20000)
            worker.shutdown()
