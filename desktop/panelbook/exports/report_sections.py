"""A report's own "BRIEF SUMMARY" and "RECOMMENDATIONS" sections, from its text.

Council report templates (Southampton's and many others) open with a cover
table, then "BRIEF SUMMARY", then "RECOMMENDATIONS:" listing "(i) That ...",
then "REASONS FOR REPORT RECOMMENDATIONS".  Extraction is best effort: a report
that does not follow the template gives an empty summary and no
recommendations, and the briefing says so instead of guessing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SUMMARY = re.compile(r"^\s*(?:BRIEF\s+SUMMARY|SUMMARY|EXECUTIVE\s+SUMMARY)\s*:?\s*$")
_RECS = re.compile(r"^\s*RECOMMENDATIONS?\s*:?\s*$")
# Any capitalised template heading ends a section.
_HEADING = re.compile(r"^\s*[A-Z][A-Z&/,'’()\- ]{6,}:?\s*$")
_STAMP = re.compile(r"^\s*(?:Page\s+\d+|Agenda\s+Item\s+\d+\w*)\s*$", re.I)
_POINT = re.compile(r"^\s*\(?([ivxlc]+|\d+|[a-z])\)\s+(.*)$", re.I)
_MAX_LINES = 60


@dataclass
class ReportSections:
    """What a report says about itself: its summary and what it recommends."""

    summary: str = ""
    recommendations: list[tuple[str, str]] = field(default_factory=list)  # (label, text)


def _section(lines: list[str], start: re.Pattern[str]) -> list[str] | None:
    for index, line in enumerate(lines[:200]):
        if start.match(line):
            body: list[str] = []
            for following in lines[index + 1: index + 1 + _MAX_LINES]:
                if _HEADING.match(following) or _SUMMARY.match(following) or _RECS.match(following):
                    break
                if not _STAMP.match(following):
                    body.append(following.strip())
            return body
    return None


def _join(lines: list[str]) -> str:
    """Wrapped lines back into paragraphs: a line ending a sentence ends a paragraph."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if line.endswith((".", ":", "?", "!")) and len(line) < 70:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)


def _points(lines: list[str]) -> list[tuple[str, str]]:
    points: list[tuple[str, list[str]]] = []
    for line in lines:
        if not line:
            continue
        match = _POINT.match(line)
        if match:
            points.append((f"({match.group(1)})", [match.group(2).strip()]))
        elif points:
            points[-1][1].append(line)
        else:
            points.append(("", [line]))
    return [(label, " ".join(words)) for label, words in points]


def report_sections(report_text: str | None) -> ReportSections:
    """The summary and the recommendations of one report's text."""
    if not report_text:
        return ReportSections()
    lines = report_text.replace("\r", "").split("\n")
    summary = _section(lines, _SUMMARY)
    recs = _section(lines, _RECS)
    return ReportSections(
        summary=_join(summary) if summary else "",
        recommendations=_points(recs) if recs else [],
    )
