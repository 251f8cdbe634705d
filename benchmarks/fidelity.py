"""How much of what real council documents say the readers get right.

Every document named in an ``expected.json`` (the shared corpus of other councils'
documents, ``../shared/corpus/``, and the project's own real documents in
``tests/fixtures/documents/``) is read with ``sources.detect.read_document``, as an
import reads it, and what it gives is compared with what a person read in it.
A key missing from a document's expectations is not knowable from the file and
is not scored.

Scored fields, per document: its kind; committee, date, time, status, the
venue (contains); each expected item's agenda number, minute number, title
(starts with) and page range (``null`` = none printed); every minute number
that must be read; the number of decisions (RESOLVED / AGREED blocks, a block's
sub-points counting once); for a document that is not a meeting document, that
it is refused.  A document wrongly refused, or a reader that fails in a way it
did not foresee (a crash), scores none of its fields.

Also counted: wrongly refused and wrongly accepted documents, crashes, and false
recommendations: the drafts an import would offer (non-procedural decisions)
beyond the decisions the document records; and documents whose draft count is
more than one away from the number of decisions.

Goal (issue 13): at least 95% of knowable fields right on every kind, no crash,
no non-meeting document accepted, drafts within one of the true count.

    python benchmarks/fidelity.py [--json] [--corpus DIR ...] [--show]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from panelbook.model import AgendaItem, DocumentKind, Meeting, ParsedDocument, Resolution, UnreadableDocument
from panelbook.sources.detect import read_document
from panelbook.sources.textutil import norm_key
from panelbook.store.matching import is_procedural

REPO = Path(__file__).resolve().parents[1]
CORPORA = (REPO.parent / "shared" / "corpus", REPO / "tests" / "fixtures" / "documents")

# What the reader's kind must be for each kind a person gave the document.
KINDS: dict[str, set[DocumentKind]] = {
    "front_sheet": {DocumentKind.AGENDA_PACK},
    "agenda_pack": {DocumentKind.AGENDA_PACK},
    "minutes": {DocumentKind.PRINTED_MINUTES},
    "meeting_page": {DocumentKind.MEETING_PAGE},
    "issue_page": {DocumentKind.ISSUE_PAGE},
    "decision_page": {DocumentKind.ISSUE_PAGE},
    "tracker": {DocumentKind.REPORT},
    "report": {DocumentKind.REPORT},
}
GOAL_PERCENT = 95.0
# A list of sub-points starts at one of these; any other label continues a decision.
FIRST_LABELS = {None, "1", "i", "a", "A", "I"}
ITEM_FIELDS = ("agenda_number", "minute_number", "title_starts", "pages")


@dataclass
class Score:
    """One document's reading against its expectations."""

    file: str
    kind: str
    outcome: str = "read"                  # read, refused, crashed
    right: int = 0
    knowable: int = 0
    wrong: list[str] = field(default_factory=list)
    decisions: int | None = None
    expected_decisions: int | None = None
    drafts: int | None = None
    message: str | None = None

    def check(self, name: str, ok: bool, got: Any = None) -> None:
        self.knowable += 1
        if ok:
            self.right += 1
        else:
            self.wrong.append(f"{name}: {got!r}" if got is not None else name)


def decisions_of(resolutions: Iterable[Resolution]) -> list[Resolution]:
    """The first point of every decision: a sub-point list ("(2)", "b)") continues the one before."""
    return [r for r in resolutions if r.number in FIRST_LABELS]


def _title_matches(item: AgendaItem, starts: str) -> bool:
    return norm_key(item.title).startswith(norm_key(starts))


def _number_matches(item: AgendaItem, wanted: dict[str, Any]) -> bool:
    for key in ("minute_number", "agenda_number"):
        if key in wanted:
            return bool(getattr(item, key) == wanted[key])
    return False


def _score_items(score: Score, expected: list[dict[str, Any]], items: list[AgendaItem]) -> None:
    """Each expected item is looked for, in order, among the items read after the last one found."""
    cursor = 0
    for wanted in expected:
        found = None
        for index in range(cursor, len(items)):
            item = items[index]
            if ("title_starts" in wanted and _title_matches(item, wanted["title_starts"])) or (
                    "title_starts" not in wanted and _number_matches(item, wanted)):
                found = index
                break
        label = wanted.get("title_starts") or wanted.get("minute_number") or wanted.get("agenda_number")
        for key in ITEM_FIELDS:
            if key not in wanted:
                continue
            if found is None:
                score.check(f"item {label!r} {key}", False, "no such item")
                continue
            item = items[found]
            if key == "title_starts":
                score.check(f"item {label!r} title", True)
            elif key == "pages":
                want = tuple(wanted["pages"]) if wanted["pages"] else None
                score.check(f"item {label!r} pages", item.pages == want, item.pages)
            else:
                score.check(f"item {label!r} {key}", getattr(item, key) == wanted[key], getattr(item, key))
        if found is not None:
            cursor = found + 1


def _own_meeting(parsed: ParsedDocument) -> Meeting | None:
    return parsed.meetings[0] if parsed.meetings else None


def score_document(name: str, data: bytes, expected: dict[str, Any]) -> Score:
    """Read one document and score it against what a person read in it."""
    kind = expected.get("kind", "?")
    score = Score(file=name, kind=kind)
    refuse = bool(expected.get("refuse"))
    try:
        parsed = read_document(data).parsed
    except UnreadableDocument as error:
        cause = error.__cause__ or error.__context__
        if cause is not None and not isinstance(cause, UnreadableDocument):
            score.outcome, score.message = "crashed", f"{type(cause).__name__}: {cause}"
        else:
            score.outcome, score.message = "refused", str(error)
        parsed = None
    except Exception as error:  # noqa: BLE001 - a crash is what is being counted
        score.outcome, score.message = "crashed", f"{type(error).__name__}: {error}"
        parsed = None
    if refuse:
        score.check("refused", parsed is None and score.outcome == "refused",
                    parsed.kind.value if parsed else score.outcome)
        return score
    if parsed is None:
        score.knowable = _knowable(expected)
        score.wrong.append(score.outcome)
        return score
    score.check("kind", parsed.kind in KINDS.get(kind, set()), parsed.kind.value)
    meeting = _own_meeting(parsed)
    _score_meeting(score, expected, meeting)
    items = meeting.items if meeting else []
    if "items" in expected:
        _score_items(score, expected["items"], items)
    for number in expected.get("minute_numbers_include", []):
        score.check(f"minute {number}", any(item.minute_number == number for item in items))
    resolutions = [r for m in parsed.meetings for item in m.items for r in item.resolutions]
    decisions = decisions_of(resolutions)
    score.decisions = len(decisions)
    score.drafts = sum(not is_procedural(r.text) for r in resolutions)
    if "resolutions" in expected:
        score.expected_decisions = int(expected["resolutions"])
        score.check("resolutions", score.decisions == score.expected_decisions, score.decisions)
    return score


def _score_meeting(score: Score, expected: dict[str, Any], meeting: Meeting | None) -> None:
    def value(name: str) -> Any:
        if meeting is None:
            return None
        got = getattr(meeting, name)
        return getattr(got, "value", got)

    if "committee" in expected:
        got = value("committee")
        score.check("committee", norm_key(got) == norm_key(expected["committee"]), got)
    if "date" in expected:
        got = value("date")
        score.check("date", got is not None and got.isoformat() == expected["date"], got)
    for name in ("time", "status"):
        if name in expected:
            got = value(name)
            score.check(name, got == expected[name], got)
    if "venue_contains" in expected:
        got = value("venue")
        score.check("venue", norm_key(expected["venue_contains"]) in norm_key(got), got)


def _knowable(expected: dict[str, Any]) -> int:
    """How many fields a document's expectations score (all lost when it is not read)."""
    count = 1 + sum(key in expected for key in ("committee", "date", "time", "status", "venue_contains",
                                                 "resolutions"))
    count += sum(key in item for item in expected.get("items", []) for key in ITEM_FIELDS)
    return count + len(expected.get("minute_numbers_include", []))


def score_corpus(folder: Path) -> list[Score]:
    """Every document of ``folder/expected.json`` that is present beside it."""
    expected_file = folder / "expected.json"
    if not expected_file.is_file():
        return []
    expectations = json.loads(expected_file.read_text(encoding="utf-8"))
    scores = []
    for name, expected in sorted(expectations.items()):
        path = folder / name
        if not path.is_file() or name.startswith("_"):
            continue
        scores.append(score_document(f"{folder.name}/{name}", path.read_bytes(), expected))
    return scores


def summary(scores: list[Score]) -> dict[str, Any]:
    """Figures per kind and overall."""
    kinds: dict[str, dict[str, Any]] = {}
    for score in scores:
        entry = kinds.setdefault(score.kind, {"documents": 0, "right": 0, "knowable": 0, "wrongly_refused": 0,
                                              "wrongly_accepted": 0, "crashes": 0, "false_recommendations": 0,
                                              "drafts_off_by_more_than_one": 0})
        entry["documents"] += 1
        entry["right"] += score.right
        entry["knowable"] += score.knowable
        entry["crashes"] += score.outcome == "crashed"
        if score.kind == "not_a_meeting_document":
            entry["wrongly_accepted"] += score.outcome == "read"
        elif score.outcome == "refused":
            entry["wrongly_refused"] += 1
        if score.expected_decisions is not None and score.drafts is not None:
            entry["false_recommendations"] += max(0, score.drafts - score.expected_decisions)
            entry["drafts_off_by_more_than_one"] += abs(score.drafts - score.expected_decisions) > 1
    for entry in kinds.values():
        entry["percent"] = round(100.0 * entry["right"] / entry["knowable"], 1) if entry["knowable"] else 100.0
    total = {key: sum(entry[key] for entry in kinds.values())
             for key in ("documents", "right", "knowable", "wrongly_refused", "wrongly_accepted", "crashes",
                         "false_recommendations", "drafts_off_by_more_than_one")}
    total["percent"] = round(100.0 * total["right"] / total["knowable"], 1) if total["knowable"] else 100.0
    goal = (all(entry["percent"] >= GOAL_PERCENT for entry in kinds.values()) and total["crashes"] == 0
            and total["wrongly_accepted"] == 0 and total["drafts_off_by_more_than_one"] == 0)
    return {"kinds": dict(sorted(kinds.items())), "total": total, "goal_met": goal}


def _print_table(result: dict[str, Any], scores: list[Score], show: bool) -> None:
    header = f"{'kind':24} {'docs':>4} {'right/knowable':>15} {'%':>6} {'refused':>8} {'accepted':>9} " \
             f"{'crashes':>8} {'false recs':>10} {'drafts off':>10}"
    print(header)
    print("-" * len(header))
    rows = [*result["kinds"].items(), ("all", result["total"])]
    for name, entry in rows:
        print(f"{name:24} {entry['documents']:>4} {entry['right']:>7}/{entry['knowable']:<7} "
              f"{entry['percent']:>6.1f} {entry['wrongly_refused']:>8} {entry['wrongly_accepted']:>9} "
              f"{entry['crashes']:>8} {entry['false_recommendations']:>10} {entry['drafts_off_by_more_than_one']:>10}")
    print(f"goal met: {'yes' if result['goal_met'] else 'no'}")
    if show:
        for score in scores:
            if score.wrong or score.outcome != "read":
                print(f"\n{score.file} ({score.kind}, {score.outcome}) {score.right}/{score.knowable}")
                if score.message:
                    print(f"  {score.message}")
                for wrong in score.wrong:
                    print(f"  wrong: {wrong}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--corpus", nargs="+", type=Path, metavar="DIR",
                        help="folders holding an expected.json (default: shared corpus, tests/fixtures/documents)")
    parser.add_argument("--show", action="store_true", help="list every field read wrong")
    args = parser.parse_args(argv)
    folders = args.corpus or [folder for folder in CORPORA if folder.is_dir()]
    scores = [score for folder in folders for score in score_corpus(folder)]
    result = summary(scores)
    if args.json:
        result["documents"] = [{"file": s.file, "kind": s.kind, "outcome": s.outcome, "right": s.right,
                                "knowable": s.knowable, "wrong": s.wrong} for s in scores]
        print(json.dumps(result))
        return 0
    _print_table(result, scores, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
