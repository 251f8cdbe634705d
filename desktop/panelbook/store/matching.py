"""Deciding when two things from different sources are the same thing.

The same meeting arrives from a pack, a web page and the minutes; the same item
as agenda item 7 and minute 10, with its title in capitals in one and title case
in another; the same recommendation as a resolution and as a monitoring-table row
in slightly different words.  Matching is on meaning-bearing words, not on layout.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

from panelbook.sources.textutil import norm_key

# Words that carry no meaning when comparing recommendation texts.
_FILLER = set(
    "a an the that this is are be to of and or for in on at by with as it its from "
    "panel panels suggested suggests requested requests recommended recommends agreed "
    "resolved".split()
)


def title_similarity(a: str, b: str) -> float:
    """0..1 similarity of two item titles after normalising case and punctuation."""
    ka, kb = norm_key(a), norm_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return SequenceMatcher(None, ka, kb).ratio()


def _content_words(text: str) -> list[str]:
    return [w for w in norm_key(text).split() if w not in _FILLER]


def text_similarity(a: str, b: str) -> float:
    """0..1 similarity of two recommendation texts on their content words,
    so "That the Panel suggested that a Headteacher is invited ..." matches
    "That a Headteacher is invited ..."."""
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb).ratio()


def best_match(candidates: list[tuple[int, str]], text: str, similarity: Callable[[str, str], float],
               floor: float) -> int | None:
    """The id of the candidate most similar to ``text``, if at least ``floor``."""
    best_id, best_score = None, floor
    for cand_id, cand_text in candidates:
        score = similarity(cand_text, text)
        if score >= best_score:
            best_id, best_score = cand_id, score
    return best_id


_PROCEDURAL = [
    r"minutes of the (?:previous )?meeting.*(?:approved|agreed|signed|correct record)",
    r"(?:approved|agreed|signed).*correct record",
    r"\bappoint(?:ed|ment of)?\b.*\b(?:chair|vice[- ]chair)\b",
    r"\b(?:chair|vice[- ]chair)\b.*\bappointed\b",
    r"^that the (?:report|update|information) (?:be|is|was) noted\b",
    r"^(?:the )?report (?:be|is|was) noted\b",
    r"exclude the press and public|excluded from the meeting",
]


def is_procedural(resolution_text: str) -> bool:
    """True for resolutions that ask nobody to do anything: approving minutes,
    appointing a chair or vice-chair, noting a report, excluding the public."""
    text = re.sub(r"\s+", " ", resolution_text.lower()).strip()
    return any(re.search(pattern, text) for pattern in _PROCEDURAL)
