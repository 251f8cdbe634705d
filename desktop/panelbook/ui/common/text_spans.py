"""Finding a passage in a page's text when the two copies differ only in spacing.

The reader's selection comes from QtPdf (lines end in ``\\r\\n``, a hyphen that
ends a printed line is U+FFFE); the stored page text has ``\\n`` and the
hyphen restored.  Both are flattened the same way (every run of whitespace is
one space, U+FFFE is a hyphen and a space) while remembering where each flat
character came from, so a match in the flat text maps back to offsets in the
original text.
"""
from __future__ import annotations

HYPHEN_BREAK = "\ufffe"


def flatten(text: str) -> tuple[str, list[int]]:
    """The text with whitespace runs made single spaces, and each flat character's index in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    gap: int | None = None          # index of a pending run of whitespace
    for index, char in enumerate(text):
        if char == HYPHEN_BREAK:
            if gap is not None and chars:
                chars.append(" ")
                where.append(gap)
            chars.append("-")
            where.append(index)
            gap = index
            continue
        if char.isspace():
            if gap is None:
                gap = index
            continue
        if gap is not None and chars:
            chars.append(" ")
            where.append(gap)
        gap = None
        chars.append(char)
        where.append(index)
    return "".join(chars), where


def find_all(text: str, passage: str) -> list[tuple[int, int]]:
    """Every place ``passage`` stands in ``text`` (spacing ignored), as ``(start, end)`` offsets of ``text``."""
    needle, _ = flatten(passage)
    if not needle:
        return []
    flat, where = flatten(text)
    spans = []
    start = flat.find(needle)
    while start != -1:
        end = start + len(needle)
        spans.append((where[start], where[end - 1] + 1))
        start = flat.find(needle, start + 1)
    return spans


def find_span(text: str, passage: str, near: int | None = None, before: str = "") -> tuple[int, int] | None:
    """Where ``passage`` stands in ``text``: among several places, the one whose preceding
    text ends like ``before``, else the one nearest offset ``near``, else the first."""
    spans = find_all(text, passage)
    if not spans:
        return None
    if len(spans) > 1 and before:
        tail = flatten(before)[0][-24:].strip()
        if tail:
            agreeing = [s for s in spans if flatten(text[:s[0]])[0].rstrip().endswith(tail)]
            if agreeing:
                spans = agreeing
    if near is not None:
        return min(spans, key=lambda span: abs(span[0] - near))
    return spans[0]
