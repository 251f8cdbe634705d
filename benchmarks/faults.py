"""Fault trials: real faults of the disk and the files against every write path of the store.

Faults: a small tmpfs filled to the last byte (ENOSPC), a read-only bind mount (EROFS),
the data folder deleted or replaced under a running process, the database truncated or
with random bytes over its pages, the write-ahead log deleted under a running process or
corrupted after a crash (and its -shm), and the newest backup itself damaged.  Paths: note,
question, line of enquiry, highlight, mark (a flag and a priority), tracker edit, import,
markup import, backup, restore, migration (a first start), export, and a read-only command.
See tests/fault_trials.py for what each trial checks.

Prints per fault and path: trials, saved edits lost, healthy stores moved aside,
tracebacks, users not told, reads refused (all must be 0; the exit status is 1 otherwise),
and the trials skipped with their reason (a machine that does not allow mounting, a path
a fault does not apply to): a skipped trial is never counted as passed.

    python benchmarks/faults.py [--json] [--rounds N] [--faults a,b] [--paths a,b]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "desktop"))

from fault_trials import FAULTS, PATHS, findings, prepare_template, run_trial, summarise  # noqa: E402

FIGURES = ("saved_edits_lost", "healthy_stores_moved_aside", "tracebacks", "users_not_told", "reads_refused")


def run(rounds: int, faults: list[str], paths: list[str], verbose: bool) -> dict[str, Any]:
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="panelbook-faults-"))
    try:
        template = prepare_template(work / "prepared")
        outcomes = []
        n = 0
        for _ in range(rounds):
            for fault in faults:
                for path in paths:
                    outcome = run_trial(template, fault, path, n, work / "trial")
                    n += 1
                    outcomes.append(outcome)
                    if verbose and not outcome.skipped and (outcome.lost or outcome.moved_healthy or outcome.traceback
                                                            or outcome.not_told or outcome.read_refused):
                        print(findings(outcome), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures: dict[str, Any] = summarise(outcomes)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


def _print_table(figures: dict[str, Any]) -> None:
    head = ("fault", "path", "trials", "lost", "moved", "tracebacks", "not told", "reads refused")
    rows = [head] + [(r["fault"], r["path"], r["trials"], r["saved_edits_lost"], r["healthy_stores_moved_aside"],
                      r["tracebacks"], r["users_not_told"], r["reads_refused"]) for r in figures["rows"]]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    skipped = {(r["fault"], r["path"]): r["skip_reason"] for r in figures["rows"] if r["skipped"]}
    for (fault, path), reason in skipped.items():
        print(f"skipped {fault} / {path}: {reason}")
    total = figures["total"]
    print(f"total: {total['trials']} trials, {total['skipped']} skipped; " +
          ", ".join(f"{k.replace('_', ' ')} {total[k]}" for k in FIGURES) + f"; {figures['seconds']} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one line of JSON")
    parser.add_argument("--rounds", type=int, default=1, help="times to run every fault against every path")
    parser.add_argument("--faults", default=",".join(FAULTS))
    parser.add_argument("--paths", default=",".join(PATHS))
    args = parser.parse_args()
    faults, paths = args.faults.split(","), args.paths.split(",")
    unknown = [f for f in faults if f not in FAULTS] + [p for p in paths if p not in PATHS]
    if unknown:
        parser.error(f"unknown fault or path: {', '.join(unknown)}")
    figures = run(args.rounds, faults, paths, verbose=not args.json)
    if args.json:
        print(json.dumps(figures))
    else:
        _print_table(figures)
    return 0 if all(figures["total"][k] == 0 for k in FIGURES) and figures["total"]["trials"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
