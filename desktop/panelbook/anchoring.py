"""Finding a highlighted passage again after a pack is republished.

A highlight keeps its quote and some text either side.  In the new text the
quote is looked for on every page; among several places, the one whose
surroundings agree most with the remembered context wins, then the one nearest
the old page.  A quote that no longer appears is not guessed at: the caller
lists it as "needs placing".  Comparison ignores runs of whitespace and line
breaks, which differ between extractions of the same words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT = 80
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


@dataclass(frozen=True)
class Anchor:
    quote: str
    before: str
    after: str


@dataclass(frozen=True)
class Place:
    index: int          # PDF page index
    printed: int | None


def capture(page_text: str, start: int, end: int, width: int = CONTEXT) -> Anchor:
    """The anchor of the passage ``page_text[start:end]``."""
    return Anchor(
        quote=_norm(page_text[start:end]),
        before=_norm(page_text[max(0, start - width):start])[-width:],
        after=_norm(page_text[end:end + width])[:width],
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def locate(anchor: Anchor, pages: list[tuple[int, int | None, str]], near: int | None = None) -> Place | None:
    """Where the anchored passage now stands, or None when it cannot be found."""
    quote = _norm(anchor.quote)
    if not quote:
        return None
    candidates: list[tuple[tuple[int, int], Place]] = []
    for index, printed, text in pages:
        flat = _norm(text)
        start = flat.find(quote)
        while start != -1:
            context = _common_suffix(flat[:start].rstrip(), anchor.before.rstrip()) + \
                _common_prefix(flat[start + len(quote):].lstrip(), anchor.after.lstrip())
            distance = abs(index - near) if near is not None else 0
            candidates.append(((context, -distance), Place(index, printed)))
            start = flat.find(quote, start + 1)
    if not candidates:
        return None
    score, place = max(candidates, key=lambda pair: pair[0])
    # A quote found in several places, none of them in its old surroundings, is
    # not guessed at (a common phrase such as a report's standard heading).
    if len(candidates) > 1 and score[0] == 0:
        return None
    return place
