"""Full-text search over the store (SQLite FTS5).

What the user types is turned into a safe FTS5 query: each word is quoted (so
punctuation such as the hyphen in "re-referrals" can never be a syntax error),
words joined by hyphens stay one phrase, and the last word matches as a prefix
so results appear while typing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

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


def ranked_query_sql(columns: str, joins: str = "") -> str:
    """The best-first FTS5 query: ``columns`` over ``search s`` (plus ``joins``),
    parameters (fts expression, limit).  The benchmarks time this same query."""
    return (f"SELECT {columns} FROM search s {joins} "
            f"WHERE search MATCH ? AND rank MATCH '{RANKING}' ORDER BY rank LIMIT ?")


def search(db: sqlite_utils.Database, text: str, limit: int = 100, prefix: bool = True) -> list[Hit]:
    """Best matches first (bm25, titles weighted above bodies).  One snippet is
    cut per hit (the body's); a hit that matched on its title alone shows the
    title with the words marked, which costs no second pass over the index."""
    query = fts_query(text, prefix)
    if query is None:
        return []
    rows = db.query(
        ranked_query_sql(
            f"""s.kind, s.ref_id, s.meeting_id, s.item_id, s.document_id, s.page, s.title,
                snippet(search, 1, '{_OPEN}', '{_CLOSE}', '…', 16) AS body_snip, rank,
                m.date AS meeting_date, c.name AS committee""",
            "LEFT JOIN meetings m ON m.id = s.meeting_id LEFT JOIN committees c ON c.id = m.committee_id"),
        (query, limit),
    )
    hits = []
    for row in rows:
        body = row["body_snip"] or ""
        if _OPEN in body:
            snippet, spans = _split_snippet(body)
        else:
            snippet, spans = _title_snippet(row["title"] or "", text)
        hits.append(Hit(
            kind=row["kind"], meeting_id=row["meeting_id"], meeting_date=row["meeting_date"],
            committee=row["committee"], item_id=row["item_id"], document_id=row["document_id"],
            title=row["title"] or "", snippet=snippet, highlights=spans,
            page=int(row["page"]) if row["page"] not in (None, "") else None, rank=row["rank"],
        ))
    return hits
