"""Cutting an agenda pack into its front sheets and its reports.

A pack PDF carries stamps ("Agenda Item N" on a report's first page, "Page N"
at the foot of every numbered page).  With pages, printed numbers cut the pack;
a pack that survives only as one extracted text has lost most stamps, so its
reports are found by where they start: the printed minutes' heading
("MINUTES OF THE MEETING HELD ON ...") and each report's cover
("DECISION-MAKER:").  The rebuilt sample PDF uses the same cut.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

AGENDA_STAMP = re.compile(r"^\s*Agenda\s+Item\s+(\d{1,3})\s*$", re.IGNORECASE)
PAGE_STAMP = re.compile(r"^\s*Page\s+(\d{1,4})\s*$", re.IGNORECASE)
# A footer glued to the end of a text line by extraction: "... inspection at: Page 12".
_GLUED_PAGE = re.compile(r"\s+Page\s+(\d{1,4})\s*$")
_REPORT_COVER = re.compile(r"^\s*DECISION[- ]MAKER\s*:", re.IGNORECASE)
_MINUTES_HEAD = re.compile(r"^\s*MINUTES\s+OF\s+THE\s+MEETING\s+HELD\s+ON\b", re.IGNORECASE)


@dataclass
class PackText:
    """A pack text cut into the front sheets and report texts in pack order."""

    front: str
    reports: list[str]


def footers_in(text: str) -> list[tuple[int, int]]:
    """(line index, printed number) of every "Page N" footer left in a text,
    including one glued to the end of a line."""
    found = []
    for index, line in enumerate(text.split("\n")):
        match = PAGE_STAMP.match(line) or _GLUED_PAGE.search(line)
        if match:
            found.append((index, int(match.group(1))))
    return found


def strip_stamps(text: str, pages: tuple[int, int] | None = None) -> str:
    """The text without pack stamps: "Agenda Item N" lines and "Page N" footers.

    A footer glued to a line is removed only when its number lies in ``pages``
    (so "see Page 12 of the plan" inside a sentence survives elsewhere).
    """
    kept = []
    for line in text.split("\n"):
        if AGENDA_STAMP.match(line) or PAGE_STAMP.match(line):
            continue
        glued = _GLUED_PAGE.search(line)
        if glued and pages and pages[0] <= int(glued.group(1)) <= pages[1]:
            line = line[: glued.start()]
        kept.append(line)
    return "\n".join(kept)


def _minutes_start(lines: list[str], index: int) -> int:
    """Back up from the minutes heading over the upper-case lines above it
    (council and committee name) that belong to the same heading."""
    start = index
    for back in range(index - 1, max(index - 6, -1), -1):
        line = lines[back].strip()
        if not line:
            continue
        if line.isupper() and not re.search(r"\d{4}", line):
            start = back
            continue
        break
    return start


def report_starts(lines: list[str], after: int = 0) -> list[int]:
    """Line indexes where the printed minutes or a report cover begins."""
    starts = []
    for index in range(after, len(lines)):
        line = lines[index]
        if _REPORT_COVER.match(line):
            starts.append(index)
        elif _MINUTES_HEAD.match(line):
            starts.append(_minutes_start(lines, index))
    return starts


_AGENDA_HEAD = re.compile(r"^\s*AGENDA\s*$")


def is_report_start(line: str) -> bool:
    """True for the first line of a report cover or of the printed minutes' heading."""
    return bool(_REPORT_COVER.match(line) or _MINUTES_HEAD.match(line))


def split_pack_text(text: str) -> PackText:
    """Cut a one-piece pack text into the front sheets (up to the first report
    after the "AGENDA" heading) and the reports that follow, in order."""
    lines = text.split("\n")
    agenda = next((i for i, line in enumerate(lines) if _AGENDA_HEAD.match(line)), 0)
    starts = report_starts(lines, agenda)
    if not starts:
        return PackText(front=text, reports=[])
    bounds = [*starts, len(lines)]
    reports = ["\n".join(lines[bounds[i]: bounds[i + 1]]) for i in range(len(starts))]
    return PackText(front="\n".join(lines[: starts[0]]), reports=reports)
