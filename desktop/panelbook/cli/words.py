"""How the command line words things for people: counts with their plurals, statuses
as their labels, long text cut at a word with "…".  JSON output never goes through here:
it keeps its contract (the stored values)."""
from __future__ import annotations

from panelbook import tracker
from panelbook.model import RecStatus

ELLIPSIS = "…"

_IRREGULAR = {"was": "were", "is": "are", "this": "these", "has": "have"}


def plural(word: str, count: int, plural_form: str | None = None) -> str:
    """``word`` for ``count`` things: "meeting" / "meetings"; "is" / "are"."""
    if count == 1:
        return word
    if plural_form:
        return plural_form
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def count(n: int, word: str, plural_form: str | None = None) -> str:
    """"1 meeting", "2 meetings", "0 highlights"."""
    return f"{n} {plural(word, n, plural_form)}"


def shorten(text: str | None, width: int) -> str:
    """``text`` on one line, at most ``width`` characters; when cut, cut at a word
    where one is near and ended with "…" (the "…" counts in the width)."""
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space >= width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS


def rec_status(value: str | None) -> str:
    """A recommendation's status as its label ("In progress" wording of the tracker), not its stored value."""
    if not value:
        return ""
    try:
        return tracker.LABELS[RecStatus(value)]
    except ValueError:
        return value.replace("_", " ").capitalize()
