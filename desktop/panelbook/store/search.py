"""Full-text search over the store (SQLite FTS5).

What the user types is turned into a safe FTS5 query: each word is quoted (so
punctuation such as the hyphen in "re-referrals" can never be a syntax error),
words joined by hyphens stay one phrase, and the last word matches as a prefix
so results appear while typing.

The order of the results is bm25 (titles weighted above bodies) whenever that
is cheap to do honestly, and says so when it is not:

- a query with at most ``EXACT_UP_TO`` (1,000) matches is ranked by bm25 over
  all of its matches: its results are exactly those of the raw bm25 query;
- above that, ranking every match would cost time that grows with the archive
  (a common word matches tens of thousands of pages), so the results are the
  best by bm25 among the ``EXACT_UP_TO`` most recently added matching rows
  (the newest documents first: rows are numbered as they are imported, and
  FTS5 walks its index newest-first without scoring).  ``Results.bounded``
  says this happened; ``count_matches`` gives the exact number of matches,
  for the window to show when it has it (it costs a pass over the index).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

_WORD = re.compile(r"[\w]+(?:[-'’][\w]+)*", re.UNICODE)
_OPEN, _CLOSE = "\x02", "\x03"


@dataclass
class Hit:
    kind: str                 # page, item, minutes, resolution, recommendation, note
    meeting_id: int | None
    meeting_date: str | None
    committee: str | None
    item_id: int | None
    document_id: int | None
    title: str
    snippet: str              # plain text
    highlights: list[tuple[int, int]]   # character spans of the matched words in ``snippet``
    page: int | None          # printed page number
    rank: float
    confidential: bool = False    # found in the encrypted store (services.confidential_search)

    @property
    def marked_text(self) -> str:
        """What to mark on the page the hit opens: the longest run of matched words standing
        together in the snippet ("private fostering"), or "" when none is marked."""
        runs: list[tuple[int, int]] = []
        for start, end in sorted(self.highlights):
            if runs and not self.snippet[runs[-1][1]:start].strip():
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        return max((self.snippet[a:b] for a, b in runs), key=len, default="")


def fts_query(text: str, prefix: bool = True) -> str | None:
    """The FTS5 expression for what the user typed, or None when there is nothing to search."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    parts = []
    for index, word in enumerate(words):
        tokens = re.findall(r"\w+", word)
        phrase = '"' + " ".join(tokens) + '"'
        if prefix and index == len(words) - 1 and len(tokens[-1]) >= 2:
            phrase += "*"
        parts.append(phrase)
    return " ".join(parts)


def _split_snippet(marked: str) -> tuple[str, list[tuple[int, int]]]:
    plain, spans, start = [], [], None
    length = 0
    for char in marked:
        if char == _OPEN:
            start = length
        elif char == _CLOSE:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return re.sub(r"\s", " ", "".join(plain)), spans


def _title_snippet(title: str, query_text: str) -> tuple[str, list[tuple[int, int]]]:
    """The title with the searched words marked (for hits whose body does not show them)."""
    spans = []
    lowered = title.lower()
    for word in re.findall(r"\w+", query_text.lower()):
        start = lowered.find(word)
        if start != -1:
            spans.append((start, start + len(word)))
    return title, sorted(spans)


# Titles weigh four times the body.  Given as FTS5's own ``rank`` with
# ``ORDER BY rank``, FTS5 sorts the matches itself and SQLite reads rows, cuts
# snippets and joins meetings for the hits returned only, not for every match.
RANKING = "bm25(4.0, 1.0)"


EXACT_UP_TO = 1000


def ranked_query_sql(columns: str, joins: str = "", newest_from: bool = False) -> str:
    """The best-first FTS5 query: ``columns`` over ``search s`` (plus ``joins``),
    parameters (fts expression, limit), or with ``newest_from`` (fts expression,
    lowest row id, limit): bm25 over the matches from that row on.  The
    benchmarks time the unbounded query as the raw bm25 floor."""
    bound = " AND s.rowid >= ?" if newest_from else ""
    return (f"SELECT {columns} FROM search s {joins} "
            f"WHERE search MATCH ? AND rank MATCH '{RANKING}'{bound} ORDER BY rank LIMIT ?")


@dataclass
class Results:
    """What one search found, and in what order it is given.

    ``bounded`` is False when ``hits`` are the best of every match by bm25, True
    when the query had more than ``EXACT_UP_TO`` matches and ``hits`` are the best
    by bm25 of the ``EXACT_UP_TO`` most recently added ones.  ``at_least`` is
    how many matches are known to exist (exact when not bounded)."""

    hits: list[Hit] = field(default_factory=list)
    bounded: bool = False
    at_least: int = 0

    @property
    def order(self) -> str:
        """The order in words, for the window and the benchmark."""
        if self.bounded:
            return f"best matches among the {EXACT_UP_TO:,} newest"
        return "best matches first"


def _newest_bound(db: sqlite_utils.Database, query: str) -> tuple[int, int | None]:
    """How many matches there are, up to ``EXACT_UP_TO`` + 1, and the row id of the
    ``EXACT_UP_TO``-th newest when there are more (None otherwise).  FTS5 gives row
    ids newest-first straight from its index, without scoring or reading rows."""
    ids = [row[0] for row in db.execute(
        "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?", (query, EXACT_UP_TO + 1))]
    if len(ids) > EXACT_UP_TO:
        return len(ids), ids[EXACT_UP_TO - 1]
    return len(ids), None


def count_matches(db: sqlite_utils.Database, text: str, prefix: bool = True) -> int:
    """The exact number of index rows that match ``text`` (for the window to show lazily)."""
    query = fts_query(text, prefix)
    if query is None:
        return 0
    return int(db.execute("SELECT count(*) FROM search WHERE search MATCH ?", (query,)).fetchone()[0])


def search(db: sqlite_utils.Database, text: str, limit: int = 100, prefix: bool = True, *,
           with_meetings: bool = True) -> list[Hit]:
    """The hits of ``find`` (see it, and the module's docstring, for their order)."""
    return find(db, text, limit, prefix, with_meetings=with_meetings).hits


def find(db: sqlite_utils.Database, text: str, limit: int = 100, prefix: bool = True, *,
         with_meetings: bool = True) -> Results:
    """Best matches first: bm25 over every match when there are at most ``EXACT_UP_TO``,
    else over the ``EXACT_UP_TO`` newest (``Results.bounded``).  One snippet is cut per
    hit (the body's); a hit that matched on its title alone shows the title with the
    words marked, which costs no second pass over the index.  ``with_meetings`` False: an
    index with no meetings beside it (the encrypted store's), meeting date and committee None."""
    query = fts_query(text, prefix)
    if query is None:
        return Results()
    known, lowest = _newest_bound(db, query)
    if known == 0:
        return Results()
    sql = ranked_query_sql(
        f"""s.kind, s.ref_id, s.meeting_id, s.item_id, s.document_id, s.page, s.title,
            snippet(search, 1, '{_OPEN}', '{_CLOSE}', '…', 16) AS body_snip, rank,
            {"m.date" if with_meetings else "NULL"} AS meeting_date,
            {"c.name" if with_meetings else "NULL"} AS committee""",
        "LEFT JOIN meetings m ON m.id = s.meeting_id LEFT JOIN committees c ON c.id = m.committee_id"
        if with_meetings else "",
        newest_from=lowest is not None)
    rows = db.query(sql, (query, limit) if lowest is None else (query, lowest, limit))
    hits = _once_each(db, [_hit(row, text) for row in rows])
    return Results(hits, bounded=lowest is not None, at_least=known)


def _once_each(db: sqlite_utils.Database, hits: list[Hit]) -> list[Hit]:
    """Each passage listed once, by its document page: a report searched as text (its item had
    no pages when indexed) is left out once the item has pages, which hold the same text with
    the page number; a page listed twice (the same document page, or the same item, page and
    passage in a second copy of the document) keeps its best-ranked hit."""
    reports = sorted({h.item_id for h in hits if h.kind == "report" and h.item_id is not None})
    paged: set[int] = set()
    if reports:
        marks = ", ".join("?" for _ in reports)
        paged = {row[0] for row in db.execute(
            f"SELECT DISTINCT item_id FROM pages WHERE item_id IN ({marks})", reports)}
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for hit in hits:
        if hit.kind == "report" and hit.item_id in paged:
            continue
        if hit.kind == "page":
            keys = {("document page", hit.document_id, hit.page),
                    ("passage", hit.meeting_id, hit.item_id, hit.page, " ".join(hit.snippet.split()))}
            if keys & seen:
                continue
            seen |= keys
        kept.append(hit)
    return kept


def _hit(row: dict[str, Any], text: str) -> Hit:
    body = row["body_snip"] or ""
    if _OPEN in body:
        snippet, spans = _split_snippet(body)
    else:
        snippet, spans = _title_snippet(row["title"] or "", text)
    return Hit(
        kind=row["kind"], meeting_id=row["meeting_id"], meeting_date=row["meeting_date"],
        committee=row["committee"], item_id=row["item_id"], document_id=row["document_id"],
        title=row["title"] or "", snippet=snippet, highlights=spans,
        page=int(row["page"]) if row["page"] not in (None, "") else None, rank=row["rank"],
    )
