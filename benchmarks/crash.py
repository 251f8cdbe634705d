"""Random-kill trials: nothing reported as saved is lost, no store is left damaged.

Each trial copies one prepared store (the sample panel), starts a process that
repeats one kind of write (pack revisions and new meetings, notes, tracker
responses, backups: the four kinds in turn), kills it with SIGKILL at a seeded
random moment, reopens the store as the app does and checks it (see
tests/crash_trials.py for what is checked).

Figures: ``trials``; ``lost_saved_edits`` (edits the process printed as saved
that are not in the store or its backup); ``corrupt_stores`` (trials whose store
did not open cleanly or failed integrity_check); ``partial_transactions``
(transactions that landed in part, backups half-written under their final
name); ``seconds``.  The first three but ``trials`` must be 0; the exit status
is 1 otherwise.  Also ``saved_edits`` (all SAVED lines read) and
``in_flight_committed`` (trials where the kill fell after a commit and before
its SAVED line: the write is kept, and that is allowed).

    python benchmarks/crash.py [--json] [--trials N] [--seed S]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "desktop"))

from crash_trials import KINDS, kill_plan, prepare_template, run_trial  # noqa: E402

DEFAULT_TRIALS = 100
DEFAULT_SEED = 20240808


def measure(trials: int = DEFAULT_TRIALS, seed: int = DEFAULT_SEED,
            progress: Callable[[str], None] | None = None) -> tuple[dict[str, Any], list[str]]:
    """Run the trials; return the figures and a line for every problem found."""
    started = time.perf_counter()
    problems: list[str] = []
    totals: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="panelbook-crash-") as tmp:
        template = prepare_template(Path(tmp) / "prepared")
        for number, (kind, delay) in enumerate(kill_plan(seed, trials)):
            trial_dir = Path(tmp) / f"trial-{number}"
            trial_dir.mkdir()
            try:
                outcome = run_trial(template, kind, trial_dir, delay)
            except RuntimeError as error:
                totals["worker_failures"] += 1
                problems.append(f"trial {number} ({kind}, {delay:.3f} s): {error}")
                continue
            finally:
                shutil.rmtree(trial_dir, ignore_errors=True)
            totals["lost"] += len(outcome.lost)
            totals["corrupt"] += bool(outcome.corrupt)
            totals["partial"] += len(outcome.partial)
            totals["saved"] += outcome.saved
            totals["in_flight"] += outcome.in_flight_landed
            by_kind[kind]["trials"] += 1
            by_kind[kind]["saved_edits"] += outcome.saved
            by_kind[kind]["in_flight_committed"] += outcome.in_flight_landed
            problems.extend(f"trial {number} ({kind}, killed after {delay:.3f} s): {p}" for p in outcome.problems)
            if progress:
                progress(f"trial {number + 1}/{trials}: {kind}, killed after {delay:.3f} s, "
                         f"{outcome.saved} saved, {len(outcome.problems)} problems")
    figures = {
        "trials": trials,
        "lost_saved_edits": totals["lost"],
        "corrupt_stores": totals["corrupt"],
        "partial_transactions": totals["partial"],
        "seconds": round(time.perf_counter() - started, 1),
        "saved_edits": totals["saved"],
        "in_flight_committed": totals["in_flight"],
        "worker_failures": totals["worker_failures"],
        "seed": seed,
        "by_kind": {kind: dict(counts) for kind, counts in by_kind.items()},
    }
    return figures, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--trials", type=int, default=DEFAULT_TRIALS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        parser.error("the kill trials need POSIX signals (SIGKILL)")
    progress = None if args.json else (lambda line: print(line, file=sys.stderr, flush=True))
    figures, problems = measure(args.trials, args.seed, progress)
    for line in problems:
        print(line, file=sys.stderr)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    failed = figures["lost_saved_edits"] or figures["corrupt_stores"] or figures["partial_transactions"] \
        or figures["worker_failures"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
