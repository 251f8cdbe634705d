"""A synthetic archive of council meetings, built from a fixed seed.

Benchmarks need a store the size of a long-running panel's history (by default
10 committees x 10 municipal years x 10 meetings: about 1,000 meetings, 12,000
agenda items and 60,000 pages of text).  It is written through the store's own
writer, exactly as imports write: for each meeting an agenda pack (items with
page ranges and report text, its pages, the previous meeting's monitoring
table) and then the printed minutes (minute numbers, minutes, resolutions that
become draft recommendations).  Only the reading of files is skipped; the
document files themselves are not stored (no blobs), only their rows and pages.

The text is sentences of the seed documents shuffled with ``random.Random(seed)``,
so searches find council words.  Built archives are cached in a temporary folder
keyed by their parameters, so repeated benchmark runs reuse them.

    python benchmarks/synthetic.py [--scale S] [--fresh] [--json]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from panelbook.model import (
    AgendaItem,
    Committee,
    DocumentKind,
    Meeting,
    MeetingStatus,
    Member,
    MonitoringRow,
    Page,
    ParsedDocument,
    RecStatus,
    Resolution,
)
from panelbook.paths import DataFolder, sample_dir
from panelbook.services.imports import document_key
from panelbook.store import Store, transaction
from panelbook.store.documents import save_document
from panelbook.store.schema import MIGRATIONS
from panelbook.store.writer import save_parsed

# Bump when the generated content changes, so stale caches are not reused.
BUILD_VERSION = 1
COUNCIL = "Southampton City Council"
LAST_YEAR = 2023   # the last municipal year built (June 2023 - April 2024), before the sample pack

COMMITTEES = [
    "Children and Families Scrutiny Panel",
    "Overview and Scrutiny Management Committee",
    "Health Overview and Scrutiny Panel",
    "Scrutiny Inquiry Panel",
    "Governance Committee",
    "Licensing Committee",
    "Planning and Rights of Way Panel",
    "Housing and Communities Scrutiny Panel",
    "Environment and Transport Scrutiny Panel",
    "Audit and Standards Committee",
]

PROCEDURAL = [
    ("Apologies and Changes in Panel Membership (If Any)",
     "To note any changes in membership of the Panel made in accordance with Council Procedure Rule 4.3."),
    ("Disclosure of Personal and Pecuniary Interests",
     "In accordance with the Localism Act 2011, and the Council's Code of Conduct, Members to disclose "
     "any personal or pecuniary interests in any matter included on the agenda for this meeting."),
    ("Declarations of Scrutiny Interest",
     "Members are invited to declare any prior participation in any decision taken by a Committee, "
     "Sub-Committee, or Panel of the Council on the agenda and being scrutinised at this meeting."),
    ("Minutes of the Previous Meeting (Including Matters Arising)",
     "To approve and sign as a correct record the Minutes of the previous meeting and to deal with any "
     "matters arising, attached."),
]
MONITORING_TITLE = "Monitoring Scrutiny Recommendations"

TOPICS = [
    "Early Years and Childcare", "Repeat Child Protection Plans", "Children and Learning",
    "Youth Justice Service", "Special Educational Needs and Disabilities", "Elective Home Education",
    "School Attendance", "Corporate Parenting", "Foster Carer Recruitment", "Family Safeguarding Model",
    "Adult Social Care", "Public Health", "Community Safety", "Homelessness Prevention",
    "Council Tax Support", "Air Quality", "Highways Maintenance", "Waste and Recycling",
    "Libraries Strategy", "Leisure Centres", "Housing Repairs", "Private Rented Sector Licensing",
    "Climate Change Strategy", "Cultural Development", "Budget Monitoring", "Treasury Management",
    "Internal Audit", "Workforce Wellbeing", "Digital Inclusion", "Economic Development",
    "Mental Health Services", "Domestic Abuse", "Transport Strategy", "Parks and Open Spaces",
    "Skills and Apprenticeships", "Emotional Wellbeing", "Post-Inspection Improvement Plan",
    "Children's Residential Homes", "Local Plan", "Cost of Living Response",
]
ASPECTS = ["Update", "Performance", "Annual Report", "Analysis", "Progress Report", "Inspection Outcome",
           "Review", "Strategy", "Action Plan", "Briefing"]
ASKS = [
    "a briefing paper is circulated to the Panel on", "the Panel receives a further update on",
    "officers provide data broken down by ward on", "the Executive Director reports back on",
    "the Cabinet Member considers the Panel's views on", "a workshop is arranged for Members on",
    "the action plan is shared with the Panel covering", "benchmarking information is provided on",
]
WHENS = ["at the next meeting", "in the new municipal year", "before the end of the calendar year",
         "within three months", "when the review concludes", "alongside the budget proposals"]
TAKEN = [
    "The service will make the necessary arrangements.", "Information has been circulated to the Panel.",
    "Officers are collating the data and will report back.", "Added to the Panel's work programme.",
]
MONTHS = [6, 7, 9, 10, 11, 12, 1, 2, 3, 4]   # a municipal year's meeting months


@dataclass(frozen=True)
class Spec:
    """What to build (see ``scaled`` for what ``--scale`` changes)."""

    committees: int = 10
    years: int = 10
    meetings_per_year: int = 10
    items_per_meeting: int = 12
    pages_per_meeting: int = 60
    seed: int = 20240808

    @classmethod
    def scaled(cls, scale: float, seed: int = 20240808) -> Spec:
        """Up to 1, fewer committees and fewer years (scale 0.1: one committee, one year);
        above 1, more committees over the same ten years (scale 3: 30 committees x 10 years),
        the way a council's archive grows when it follows more of its committees."""
        base = cls(seed=seed)
        if scale > 1:
            return replace(base, committees=round(base.committees * scale))
        return replace(base, committees=max(1, round(base.committees * scale)),
                       years=max(1, round(base.years * scale)))

    def key(self) -> str:
        schema = hashlib.sha256(json.dumps(MIGRATIONS).encode()).hexdigest()
        text = json.dumps({**asdict(self), "build": BUILD_VERSION, "schema": schema}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


# -- text -------------------------------------------------------------------


def _sentences() -> list[str]:
    """Sentences of the seed documents, joined across their wrapped lines."""
    out: list[str] = []
    for path in sorted(sample_dir().glob("[0-9][0-9][0-9]_*.txt")):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8").replace("\ufffd", " "))
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z])", text):
            sentence = sentence.strip()
            if 40 <= len(sentence) <= 400 and sum(c.isalpha() for c in sentence) > 0.7 * len(sentence):
                out.append(sentence)
    return out


def _wrap(words: list[str], width: int = 88) -> str:
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


class Text:
    """Council-looking text from a pool of wrapped paragraphs (fast to draw from)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences = _sentences()
        rng.shuffle(self.sentences)
        self.paragraphs = [
            _wrap(" ".join(rng.choice(self.sentences) for _ in range(rng.randint(2, 5))).split())
            for _ in range(4000)
        ]

    def page(self, chars: int = 1400) -> str:
        parts, size = [], 0
        while size < chars:
            paragraph = self.rng.choice(self.paragraphs)
            parts.append(paragraph)
            size += len(paragraph) + 1
        return "\n".join(parts)

    def sentences_(self, count: int) -> str:
        return " ".join(self.rng.choice(self.sentences) for _ in range(count))


# -- documents ----------------------------------------------------------------


def _meeting_dates(rng: random.Random, years: int, per_year: int) -> list[date]:
    dates = []
    for year in range(LAST_YEAR - years + 1, LAST_YEAR + 1):
        for month in sorted(MONTHS[:per_year], key=lambda m: (m < 6, m)):
            first = date(year if month >= 6 else year + 1, month, 1)
            thursday = first + timedelta(days=(3 - first.weekday()) % 7)
            dates.append(thursday + timedelta(weeks=rng.randint(1, 3)))
    return dates


def _split_pages(rng: random.Random, total: int, parts: int) -> list[int]:
    weights = [rng.uniform(0.5, 2.0) for _ in range(parts)]
    scale = total / sum(weights)
    counts = [max(2, round(w * scale)) for w in weights]
    counts[-1] = max(2, counts[-1] + total - sum(counts))
    return counts


def _pack(rng: random.Random, text: Text, spec: Spec, committee: str, day: date,
          previous: tuple[date, list[tuple[str, list[str]]]] | None) -> tuple[ParsedDocument, list[str]]:
    """One meeting's agenda pack: items, page ranges, report text, pages, and the
    monitoring table of the previous meeting's recommendations."""
    topical = spec.items_per_meeting - len(PROCEDURAL) - 1
    titles = [f"{topic} - {rng.choice(ASPECTS)}" for topic in rng.sample(TOPICS, topical)]
    front_pages = 2
    minutes_pages = 4
    report_pages = _split_pages(rng, max(topical * 2, spec.pages_per_meeting - 3 - front_pages - minutes_pages - 2),
                                topical)
    items: list[AgendaItem] = []
    pages: list[Page] = []
    printed = 1

    def add_pages(number: int, count: int) -> tuple[int, int]:
        nonlocal printed
        first = printed
        for offset in range(count):
            body = text.page()
            header = f"Agenda Item {number}\n" if offset == 0 else ""
            pages.append(Page(len(pages), printed, f"{header}{body}\nPage {printed}"))
            printed += 1
        return first, printed - 1

    agenda_lines = []
    for index, (title, description) in enumerate(PROCEDURAL, start=1):
        item = AgendaItem(agenda_number=str(index), title=title, description=description)
        if title.startswith("Minutes"):
            item.pages = add_pages(index, minutes_pages)
            item.text = "\n".join(p.text for p in pages[-minutes_pages:])
        items.append(item)
    for offset, (title, count) in enumerate(zip(titles, report_pages, strict=True)):
        number = len(PROCEDURAL) + offset + 1
        first = len(pages)
        span = add_pages(number, count)
        items.append(AgendaItem(
            agenda_number=str(number), title=title, pages=span,
            description=f"Report of the Executive Director providing an update on {title.split(' - ')[0]}.",
            text="\n".join(p.text for p in pages[first:]),
        ))
    monitoring: list[MonitoringRow] = []
    if previous is not None:
        previous_date, recs = previous
        for item_title, texts in recs:
            for rec_text in texts:
                status = rng.choice([RecStatus.IN_PROGRESS, RecStatus.REPORTED_COMPLETE, RecStatus.AWAITING_RESPONSE])
                monitoring.append(MonitoringRow(
                    meeting_date=previous_date, item_title=item_title, action_proposed=rec_text,
                    action_taken=rng.choice(TAKEN), status=status,
                    status_text="Complete" if status == RecStatus.REPORTED_COMPLETE else "Not complete",
                ))
    number = spec.items_per_meeting
    first = len(pages)
    span = add_pages(number, 2)
    items.append(AgendaItem(
        agenda_number=str(number), title=MONITORING_TITLE, pages=span,
        description="Report of the Scrutiny Manager recommending that the Panel considers the responses to "
                    "recommendations from previous meetings and provides feedback.",
        text="\n".join(p.text for p in pages[first:]),
    ))
    for item in items:
        agenda_lines.append(f"{item.agenda_number}. {item.title.upper()}")
    front = [Page(i, None, f"{committee}\n{day:%A, %d %B %Y} at 5.30 pm\n" + "\n".join(agenda_lines)
                  + "\n" + text.page(600)) for i in range(front_pages)]
    pages = front + [Page(front_pages + p.index, p.printed, p.text) for p in pages]
    meeting = Meeting(committee=committee, date=day, time="17:30", venue="Conference Room 3 and 4, Civic Centre",
                      status=MeetingStatus.HELD, council=COUNCIL, items=items,
                      contact_name="Democratic Support Officer", contact_email="democratic.support@example.org")
    parsed = ParsedDocument(
        kind=DocumentKind.AGENDA_PACK, title=f"{committee} – {day:%-d %B %Y} – agenda pack", council=COUNCIL,
        committee=Committee(name=committee, council=COUNCIL), meetings=[meeting], pages=pages,
        monitoring=monitoring, glossary=[("SEND", "Special Educational Needs and Disabilities")],
    )
    return parsed, titles


def _minutes(rng: random.Random, text: Text, committee: str, day: date, titles: list[str],
             minute_start: int) -> tuple[ParsedDocument, list[tuple[str, list[str]]]]:
    """The printed minutes of a meeting: minute numbers, minutes, resolutions."""
    items: list[AgendaItem] = []
    recs: list[tuple[str, list[str]]] = []
    number = minute_start
    for title, _ in PROCEDURAL:
        item = AgendaItem(minute_number=str(number), title=title)
        if title.startswith("Minutes"):
            item.resolutions = [Resolution(None, "that the minutes of the previous meeting be approved and "
                                                 "signed as a correct record.")]
        else:
            item.minutes_text = "There were none."
        items.append(item)
        number += 1
    for title in titles:
        topic = title.split(" - ")[0].lower()
        texts = [f"That {ask} {topic} {rng.choice(WHENS)}."
                 for ask in rng.sample(ASKS, rng.randint(0, 3))]
        items.append(AgendaItem(
            minute_number=str(number), title=title, minutes_text=text.sentences_(3),
            discussion=[text.sentences_(1) for _ in range(rng.randint(2, 5))],
            resolutions=[Resolution(str(i), t) for i, t in enumerate(texts, start=1)],
        ))
        if texts:
            recs.append((title, texts))
        number += 1
    items.append(AgendaItem(minute_number=str(number), title=MONITORING_TITLE,
                            minutes_text="The Panel noted the progress of its recommendations."))
    attendees = [Member(name=f"Councillor {name}", role="Councillor", attendance="present")
                 for name in ("Bunday", "Barnes-Andrews", "Chapman", "Lambert", "Webb")]
    meeting = Meeting(committee=committee, date=day, status=MeetingStatus.HELD, council=COUNCIL,
                      items=items, attendees=attendees)
    pages = [Page(i, None, text.page()) for i in range(4)]
    parsed = ParsedDocument(kind=DocumentKind.PRINTED_MINUTES, title=f"{committee} – minutes – {day:%-d %B %Y}",
                            council=COUNCIL, committee=Committee(name=committee, council=COUNCIL),
                            meetings=[meeting], pages=pages)
    return parsed, recs


def committee_names(count: int) -> list[str]:
    """``count`` committee names: the ten above, then area panels of the same kinds."""
    names = list(COMMITTEES[:count])
    area = 1
    while len(names) < count:
        for name in COMMITTEES:
            if len(names) < count:
                names.append(f"{name} (Area {area})")
        area += 1
    return names


def _write(store: Store, parsed: ParsedDocument, identity: str, media_type: str) -> int | None:
    """Write one document the way an import writes it (minus the file itself)."""
    sha = hashlib.sha256(identity.encode()).hexdigest()
    key = document_key(parsed, sha, media_type)
    _, meeting_id, _ = save_parsed(store.db, parsed, key)
    save_document(store.db, parsed, key, sha, identity.rsplit("|", 1)[-1], media_type, meeting_id, False)
    return meeting_id


# -- building and caching -----------------------------------------------------


def build(root: Path, spec: Spec, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Build the archive of ``spec`` into the data folder ``root`` (which must be new)."""
    rng = random.Random(spec.seed)
    text = Text(rng)
    started = time.perf_counter()
    store = Store(DataFolder(Path(root)))
    try:
        for committee in committee_names(spec.committees):
            previous = None
            minute = 1
            with transaction(store.db):
                for day in _meeting_dates(rng, spec.years, spec.meetings_per_year):
                    pack, titles = _pack(rng, text, spec, committee, day, previous)
                    _write(store, pack, f"synthetic|{spec.key()}|{committee}|{day}|pack.pdf", "application/pdf")
                    minutes, recs = _minutes(rng, text, committee, day, titles, minute)
                    _write(store, minutes, f"synthetic|{spec.key()}|{committee}|{day}|minutes.pdf",
                           "application/pdf")
                    minute += len(minutes.meetings[0].items)
                    previous = (day, recs)
            if progress:
                progress(f"{committee}: {time.perf_counter() - started:.1f} s")
        store.db.execute("PRAGMA optimize")
        stats = archive_stats(store)
    finally:
        store.close()
    stats["build_s"] = round(time.perf_counter() - started, 2)
    return stats


def archive_stats(store: Store) -> dict[str, Any]:
    def count(table: str) -> int:
        return int(next(iter(store.db.query(f"SELECT count(*) AS n FROM {table}")))["n"])
    return {name: count(name) for name in ("committees", "meetings", "items", "pages", "resolutions",
                                           "recommendations", "documents", "search")}


def cache_root() -> Path:
    return Path(os.environ.get("PANELBOOK_BENCH_CACHE") or Path(tempfile.gettempdir()) / "panelbook-bench")


def cached_archive(spec: Spec, fresh: bool = False,
                   progress: Callable[[str], None] | None = None) -> tuple[Path, dict[str, Any]]:
    """The data folder of ``spec``'s archive, built once and reused (``fresh`` rebuilds)."""
    folder = cache_root() / f"archive-{spec.key()}"
    info = folder / "synthetic.json"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    if info.exists():
        return folder, json.loads(info.read_text())
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    stats = {"spec": asdict(spec), **build(partial, spec, progress)}
    (partial / "synthetic.json").write_text(json.dumps(stats, indent=1))
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return folder, stats


def copy_archive(source: Path, target: Path) -> Path:
    """A throw-away copy of a built archive's data folder, flushed to disk so
    that writing it out does not slow down whatever is timed next."""
    shutil.copytree(source, target)
    if hasattr(os, "sync"):
        os.sync()
    return target


def database_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in Path(folder).glob("panelbook.sqlite3*")) / 1048576, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of committees and of years")
    parser.add_argument("--seed", type=int, default=20240808)
    parser.add_argument("--fresh", action="store_true", help="rebuild even if cached")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    progress = None if args.json else (lambda line: print(line, file=sys.stderr))
    folder, stats = cached_archive(Spec.scaled(args.scale, args.seed), fresh=args.fresh, progress=progress)
    stats = {**stats, "folder": str(folder), "database_mb": database_mb(folder)}
    print(json.dumps(stats, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
