"""What keeping papers confidential costs: the encrypted store beside the plain one, same work.

A 50-page report (the first 50 pages of the sample panel's agenda pack PDF, itself rebuilt
from the seed pack of Southampton's Children and Families Scrutiny Panel) is imported into two
fresh data folders: as an ordinary document into one (``services.imports``), as a confidential
one into the other (``services.confidential_imports``: its pages, text and index in the SQLCipher
store, its file sealed with AES-256-GCM).  Then, in the same run, each store is opened again
(the plain database; the encrypted one with its raw key) and searched for the same words.
Each figure is the median of ``--runs``; ``*_ratio`` is confidential over plain.

The key is made here and handed to the encrypted store directly: the keychain is not part of
what is measured (it is asked once per unlock).  No targets are enforced here; the figures say
what a councillor pays for the encryption.

    python benchmarks/confidential.py [--json] [--runs N]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader, PdfWriter

from panelbook.paths import DataFolder, sample_dir
from panelbook.services import confidential_imports, imports
from panelbook.services.confidential_search import confidential_hits
from panelbook.store import Store
from panelbook.store.db import open_database
from panelbook.store.search import search
from panelbook.store.vault import OpenVault, open_vault
from panelbook.store.vault_keys import new_key

PACK_NAME = "2024-08-08 agenda pack (rebuilt).pdf"
PAGES = 50
WORDS = ["children", "re-referrals", "social work", "placement"]

T = TypeVar("T")


def _timed(call: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def report_of_50_pages(target: Path) -> Path:
    """The first 50 pages of the sample pack, as a PDF of its own."""
    reader = PdfReader(str(sample_dir() / PACK_NAME))
    writer = PdfWriter()
    for page in reader.pages[:PAGES]:
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def _one_run(report: Path, scratch: Path) -> dict[str, float]:
    plain_folder, secret_folder = DataFolder(scratch / "plain"), DataFolder(scratch / "confidential")
    key = new_key()
    with Store(plain_folder, daily_backup=False) as store:
        prepared = imports.prepare_file(report)     # reading the PDF is the same for both: timed apart
        plain_import, _ = _timed(lambda: imports.write_prepared(store, [prepared]))
    with Store(secret_folder, daily_backup=False) as store:
        vault = OpenVault(open_vault(secret_folder.confidential_database, key, create=True), key)
        store.vault = vault
        secret_import, _ = _timed(lambda: confidential_imports.write_confidential(store, vault, prepared))

    def plain_open() -> None:
        db = open_database(plain_folder.database)
        db.execute("SELECT count(*) FROM search").fetchone()
        db.conn.close()

    def secret_open() -> None:
        db = open_vault(secret_folder.confidential_database, key)
        db.execute("SELECT count(*) FROM search").fetchone()
        db.conn.close()

    plain_open_s, _ = _timed(plain_open)
    secret_open_s, _ = _timed(secret_open)
    with Store(plain_folder, daily_backup=False) as plain, Store(secret_folder, daily_backup=False) as secret:
        secret.vault = OpenVault(open_vault(secret_folder.confidential_database, key), key)
        plain_search_s, plain_hits = _timed(lambda: [search(plain.db, w) for w in WORDS])
        secret_search_s, secret_hits = _timed(lambda: [confidential_hits(secret, w, 100) for w in WORDS])
    same = [len([h for h in hits if h.kind == "page"]) for hits in plain_hits] == [
        len([h for h in hits if h.kind == "page"]) for hits in secret_hits]
    return {"plain_import_s": plain_import, "confidential_import_s": secret_import,
            "plain_open_s": plain_open_s, "confidential_open_s": secret_open_s,
            "plain_search_s": plain_search_s, "confidential_search_s": secret_search_s,
            "same_page_hits": float(same)}


def measure(runs: int = 5, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="panelbook-confidential-bench-") as scratch:
        report = report_of_50_pages(Path(scratch) / "report-50-pages.pdf")
        read_s, prepared = _timed(lambda: imports.prepare_file(report))
        figures: dict[str, list[float]] = {}
        for run in range(runs + 1):              # run 0 warms up the readers and SQLCipher: not counted
            one = _one_run(report, Path(scratch) / f"run{run}")
            if run == 0:
                continue
            for name, value in one.items():
                figures.setdefault(name, []).append(value)
            if progress:
                progress(f"run {run}: import {one['plain_import_s']:.3f} / {one['confidential_import_s']:.3f} s")
    result: dict[str, Any] = {name: round(statistics.median(values), 4) for name, values in figures.items()
                              if name != "same_page_hits"}
    for what in ("import", "open", "search"):
        plain = result[f"plain_{what}_s"]
        result[f"{what}_ratio"] = round(result[f"confidential_{what}_s"] / plain, 2) if plain else None
    result.update({"read_pdf_s": round(read_s, 4), "report_pages": len(prepared.parsed.pages),
                   "search_words": WORDS, "same_page_hits": all(v == 1.0 for v in figures["same_page_hits"]),
                   "runs": runs})
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0, help="(no archive here: accepted for run.py)")
    args = parser.parse_args(argv)
    progress = None if args.json else (lambda line: print(line, file=sys.stderr))
    result = measure(max(1, args.runs), progress)
    if args.json:
        print(json.dumps(result))
        return 0
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
