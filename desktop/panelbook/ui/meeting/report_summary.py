"""The short form of an item's report: its "BRIEF SUMMARY" and "RECOMMENDATIONS" sections.

Council report templates print these sections under capitalised headings; the
text between a heading and the next capitalised line is the section.  Wrapped
lines are joined back into paragraphs.  Pure text in, text out.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"^[A-Z][A-Z0-9 ,:()/&'’\-]{3,}:?$")
_NEW_PARAGRAPH = re.compile(r"^(\(?[ivxlc]+\)|\(?[a-z]\)|\d+\.|[•·-])\s", re.IGNORECASE)
WANTED = ("BRIEF SUMMARY", "RECOMMENDATIONS")
FALLBACK_CHARS = 600


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(line)) and any(c.isalpha() for c in line)


def sections(text: str) -> dict[str, list[str]]:
    """Each capitalised heading's paragraphs, in order of appearance."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            if current is not None and current and current[-1]:
                current.append("")
            continue
        if _is_heading(line):
            current = found.setdefault(line.rstrip(":").strip(), [])
            continue
        if current is None:
            continue
        if current and current[-1] and not _NEW_PARAGRAPH.match(line):
            current[-1] += " " + line
        else:
            if current and current[-1] == "":
                current.pop()
            current.append(line)
    return {k: [p for p in v if p] for k, v in found.items()}


def summary(text: str | None) -> list[tuple[str, list[str]]]:
    """[(heading, paragraphs)] for the summary and recommendations; the opening of the text otherwise."""
    if not text or not text.strip():
        return []
    found = sections(text)
    out = [(name.capitalize(), found[name]) for name in WANTED if found.get(name)]
    if out:
        return out
    opening = " ".join(text.split())[:FALLBACK_CHARS]
    return [("Report", [opening + ("…" if len(" ".join(text.split())) > FALLBACK_CHARS else "")])]
