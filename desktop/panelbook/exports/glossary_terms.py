"""Which glossary terms a briefing needs: those used in the pages it covers.

Every term appears in the glossary appendix itself, so the appendix is left
out before looking: it runs from its "Acronyms" / "Glossary" heading to the
line of its last defined term.  Acronyms ("CP", "CiC", "C&FF") match exactly,
case and all, as whole tokens; other terms match whole words in any case, with
a bracketed acronym ("Person Posing a Risk to Children (PPRC)") matching by
either form.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"^\s*(?:Acronyms|Abbreviations|(?:[\w&,' -]+ )?Glossary(?: of Terms)?)\s*$", re.I)
_BRACKET = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def without_glossary(pages: list[str], terms: list[str]) -> list[str]:
    """``pages`` with the glossary appendix cut out (nothing cut when none is found)."""
    if not terms:
        return list(pages)
    first_term, last_term = terms[0].strip(), terms[-1].strip()
    start = end = None
    for p, text in enumerate(pages):
        lines = text.split("\n")
        for n, line in enumerate(lines):
            if start is None and _HEADING.match(line):
                following = " ".join(lines[n + 1: n + 3]) or (pages[p + 1][:200] if p + 1 < len(pages) else "")
                if first_term in following:
                    start = (p, n)
            elif start is not None and line.strip() == last_term:
                end = (p, n)
    if start is None:
        return list(pages)
    if end is None:
        end = (len(pages) - 1, len(pages[-1].split("\n")))
    out = []
    for p, text in enumerate(pages):
        if p < start[0] or p > end[0]:
            out.append(text)
            continue
        # Before the heading the page is the report's; after it, all glossary
        # up to the last term's page (whose rest is that term's definition).
        out.append("\n".join(text.split("\n")[: start[1]]) if p == start[0] else "")
    return out


def _is_acronym(word: str) -> bool:
    return " " not in word and sum(c.isupper() for c in word) >= 2


def _forms(term: str) -> list[str]:
    """The spellings a term is found by: itself, or both halves of "Name (ACRONYM)", each split at "/"."""
    bracket = _BRACKET.match(term)
    forms = [bracket.group(1), bracket.group(2)] if bracket else [term]
    return [v.strip() for form in forms for v in form.split("/") if v.strip()]


def _used(form: str, text: str, lowered: str) -> bool:
    # A plain substring test first (fast, in C); the exact rule only when it may match.
    if form.lower() not in lowered:
        return False
    escaped = re.escape(form).replace(r"\ ", r"\s+")
    body = f"(?<![\\w&]){escaped}(?![\\w&])"
    pattern = re.compile(body if _is_acronym(form) else f"(?i:{body})")
    return pattern.search(text) is not None


def terms_used(glossary: list[tuple[str, str]], pages: list[str]) -> list[tuple[str, str]]:
    """The (term, meaning) pairs whose term is used in ``pages`` outside the
    glossary appendix, in the glossary's own order."""
    terms = [term for term, _ in glossary]
    text = re.sub(r"\s+", " ", "\n".join(without_glossary(pages, terms)))
    lowered = text.lower()
    return [(term, meaning) for term, meaning in glossary
            if any(_used(form, text, lowered) for form in _forms(term))]
