"""Nothing confidential is readable from the data folder without the key.

A real council report (Kingston's "Coombe Lane West Zebra Crossing - Local Consultation
Results", ../shared/moderngov/ZebraCrossing.pdf) is imported as confidential, a note is added
on it, it is searched, the data folder is backed up, and a process writing confidential notes
is killed mid-write.  Then every byte of the data folder (databases, write-ahead logs, -shm
files, files, backups, logs) is scanned for three sentences of the report and the note's
words: none may be found.  The same scan over an ordinary import of the same report finds
them, so the scan is known to see what it looks for.
"""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from testdata import MODERNGOV

REPORT = MODERNGOV / "ZebraCrossing.pdf"
SENTENCES = [
    "Over the last five years, six collisions have occurred on Coombe Lane West",
    "50 residents responded to the consultation",
    "The cost of the works will be met from the Council’s LIP grant allocation from TfL",
]
NOTE = "Ask why the quixotic speed survey near Dickerage Road was never shared with the panel"
# Words as the search index keeps them (lower case, porter stems): found in an FTS table in the clear.
TOKENS = ["dickerag", "quixot"]


def panelbook(home, *argv):
    done = subprocess.run([sys.executable, "-m", "panelbook.cli", "--home", str(home), *argv],
                          capture_output=True, text=True, timeout=180)
    return done.returncode, done.stdout, done.stderr


def found_in(folder):
    """Every (file, what) where a sentence, the note or an index word appears, in any case."""
    needles = [s.lower().encode() for s in [*SENTENCES, NOTE]] + [t.encode() for t in TOKENS]
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes().lower()
            found += [(path.relative_to(folder).as_posix(), n.decode()[:30]) for n in needles if n in data]
    return found


def _kill_mid_write(home, item_id):
    """A process adding confidential notes in a loop, killed (SIGKILL) while it writes."""
    script = textwrap.dedent(f"""
        from panelbook.paths import data_folder
        from panelbook.services import confidential, markup
        from panelbook.store import Store
        store = Store.open(data_folder({str(home)!r}))
        confidential.unlock(store)
        n = 0
        while True:
            markup.add_note(store, {item_id}, {NOTE!r} + f" (draft {{n}})")
            n += 1
            if n == 20:
                print("writing", flush=True)
    """)
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout.readline().strip() == "writing"
        time.sleep(0.3)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(30)


def test_a_confidential_report_leaves_nothing_readable_in_the_data_folder(tmp_path, keychain):
    home = tmp_path / "data"
    assert panelbook(home, "confidential", "setup")[0] == 0
    code, out, err = panelbook(home, "import", "--confidential", str(REPORT), "--json")
    assert code == 0, err
    (report,) = json.loads(out)
    assert report["kind"] == "report" and report["confidential"] is True
    agenda = json.loads(panelbook(home, "agenda", "2026-01-15", "--json")[1])
    (item,) = [i for i in agenda["items"] if i["confidential"]]
    assert item["title"] == "Coombe Lane West Zebra Crossing - Local Consultation Results"
    code, out, err = panelbook(home, "note", "add", "2026-01-15", str(item["id"]), NOTE)
    assert code == 0, err

    hits = json.loads(panelbook(home, "search", "collisions", "--json")[1])
    assert any(h["confidential"] and h["kind"] == "page" and "collisions" in h["snippet"] for h in hits)
    hits = json.loads(panelbook(home, "search", "quixotic", "--json")[1])
    assert [h["kind"] for h in hits] == ["note"] and hits[0]["confidential"]

    code, out, err = panelbook(home, "backup")
    assert code == 0, err
    _kill_mid_write(home, item["id"])
    assert list(home.glob("confidential.sqlcipher-wal")), "the killed writer left its log behind"

    files = {p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file()}
    assert any(name.startswith("backups/manual-") and name.endswith(".sqlite3.confidential") for name in files)
    assert any(name.startswith("confidential-files/") for name in files)
    assert found_in(home) == []

    # The papers are still there for whoever holds the key: after the crash, unlocked, all of it.
    code, out, err = panelbook(home, "search", "collisions", "--json")
    assert code == 0, err
    assert sorted({h["kind"] for h in json.loads(out)}) == ["page", "report"]   # its pages, its item's report
    code, out, err = panelbook(home, "search", "quixotic", "--json")
    assert code == 0, err
    assert {h["kind"] for h in json.loads(out)} == {"note"}        # the note and the killed writer's drafts


def test_the_scan_finds_the_same_report_imported_in_the_clear(tmp_path):
    home = tmp_path / "plain"
    code, _, err = panelbook(home, "import", str(REPORT))
    assert code == 0, err
    found = found_in(home)
    assert {what for _, what in found} >= {SENTENCES[1][:30], "dickerag"}


def test_a_document_marked_confidential_afterwards_leaves_nothing_readable(tmp_path, keychain):
    from panelbook.paths import data_folder
    from panelbook.services import confidential, confidential_imports, imports
    from panelbook.store import Store

    folder = data_folder(tmp_path / "data")
    with Store.open(folder, daily_backup=False) as store:
        (report,) = imports.import_files(store, [REPORT])
        assert found_in(folder.root)            # imported in the clear first
        confidential.set_up(store)
        confidential_imports.mark_confidential(store, report.document_id)
        pages = confidential_imports.document_pages(store, report.document_id)
        assert len(pages) == 4 and SENTENCES[1] in pages[1]["text"]
        assert confidential_imports.document_bytes(store, report.document_id) == REPORT.read_bytes()
        assert found_in(folder.root) == []
        flagged = store.db.execute("SELECT title FROM items WHERE confidential = 1").fetchall()
        assert [r[0] for r in flagged] == ["Coombe Lane West Zebra Crossing - Local Consultation Results"]
        confidential.lock(store)
        try:
            confidential_imports.document_pages(store, report.document_id)
        except confidential.ConfidentialLocked as error:
            assert "unlock" in str(error)
        else:
            raise AssertionError("a locked store gave its pages")
    assert found_in(folder.root) == []
