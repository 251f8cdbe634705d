"""A glossary appendix of a pack as (term, meaning) pairs.

Southampton's "Children and Learning Glossary" has an "Acronyms" list
("ADM Agency decision maker") then defined terms, each a short heading line
followed by its paragraphs.  Blank lines and double spaces may be lost in
extraction, so terms are told by shape: a short capitalised line without
closing punctuation that follows the end of a sentence.
"""
from __future__ import annotations

import re

from panelbook.sources.pack_sections import AGENDA_STAMP, PAGE_STAMP
from panelbook.sources.textutil import clean, strip_bullets

_ACRONYMS = re.compile(r"^\s*(?:Acronyms|Abbreviations)\s*$", re.IGNORECASE)
_GLOSSARY = re.compile(r"^\s*(?:[\w&,' -]+ )?Glossary(?: of Terms)?\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*(?:Sources|References|DECISION[- ]MAKER\s*:.*)\s*$", re.IGNORECASE)
_ACRONYM_LINE = re.compile(r"^([A-Za-z][A-Za-z&/]*)\s+(\S.*)$")
_TERM_MAX = 60
# A short line made of one of these is the tail of a wrapped sentence, not a term.
_NOT_TERMS = {"the", "a", "an", "this", "these", "that", "it", "in", "and", "or", "of", "to", "for"}


def _lines(text: str) -> list[str]:
    return [
        strip_bullets(line).strip() if not line.strip().startswith("•") else line.strip()
        for line in text.split("\n")
        if line.strip() and not PAGE_STAMP.match(line) and not AGENDA_STAMP.match(line)
    ]


def _is_term(lines: list[str], index: int, first: bool = False) -> bool:
    line = lines[index]
    if len(line) > _TERM_MAX or len(line.split()) > 9 or not line[0].isupper():
        return False
    if line.endswith((".", ",", ";", ":", "-", "–")) or line.startswith("•"):
        return False
    if line.split()[0].lower() in _NOT_TERMS and len(line.split()) <= 2:
        return False
    if index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    if not (following[0].isupper() or following[0].isdigit()):
        return False
    previous = lines[index - 1] if index else ""
    return first or not previous or previous.endswith((".", ":", ")", ";", "”", "'"))


def _starts_definition(lines: list[str], index: int) -> bool:
    """An acronym-looking line that is really the first defined term: its next
    line opens by repeating it ("Agency Decision Maker" / "The Agency ...")."""
    word = lines[index].split()[0]
    if sum(c.isupper() for c in word) >= 2:
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return following.split()[:1] == [word] or word in following.split()[:2]


def parse_glossary(text: str) -> list[tuple[str, str]]:
    """Acronyms and defined terms of the first glossary in ``text``, in order."""
    lines = _lines(text)
    start = next((i for i, line in enumerate(lines) if _ACRONYMS.match(line) or _GLOSSARY.match(line)), None)
    if start is None:
        return []
    entries: list[list[str]] = []
    index = start + 1
    if _ACRONYMS.match(lines[start]):
        while index < len(lines):
            line = lines[index]
            match = _ACRONYM_LINE.match(line)
            if match and not _starts_definition(lines, index):
                entries.append([match.group(1), match.group(2)])
            elif entries and line[0].islower():
                entries[-1].append(line)
            else:
                break
            index += 1
    current: list[str] | None = None
    while index < len(lines):
        line = lines[index]
        if _END.match(line):
            break
        if _is_term(lines, index, first=current is None):
            current = [line]
            entries.append(current)
        elif current is not None:
            current.append(line)
        index += 1
    return [(clean(e[0]), clean(" ".join(e[1:]))) for e in entries if len(e) > 1]
