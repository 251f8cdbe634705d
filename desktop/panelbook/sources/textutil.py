"""Small text helpers every reader shares: whitespace, dates and times as councils print them."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Welsh month names, as Welsh ModernGov pages and minutes print them ("9fed Hydref, 2014").
WELSH_MONTHS = {
    name: number
    for number, name in enumerate(
        ["ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref",
         "tachwedd", "rhagfyr"],
        start=1,
    )
}
_ALL_MONTHS = {**WELSH_MONTHS, **MONTHS}

_MONTH_RE = "|".join(sorted(_ALL_MONTHS, key=len, reverse=True))
WEEKDAY_RE = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
              r"|dydd\s+(?:llun|mawrth|mercher|iau|gwener|sadwrn|sul))")
_DAY_NAME = rf"{WEEKDAY_RE},?\s+"
# English ordinals and the Welsh ones ("1af", "2il", "3ydd", "5ed", "9fed", "11eg", "20ain").
_ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|fed|ed|eg|ain)?"
_LONG_DATE = re.compile(
    rf"(?:{_DAY_NAME})?(?<!\d)(\d{{1,2}}){_ORDINAL}\s+({_MONTH_RE})\b\.?,?\s*(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_TIME = re.compile(
    r"(?<![\d.:])(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|noon|o['\u2019]r\s+gloch)(?![a-z])",
    re.IGNORECASE,
)
_TIME_24 = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")

# Characters PDF extraction leaves behind: private-use bullets, odd spaces.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\u2022\u25cf\u25aa\u00b7\uf0b7]")


def clean(text: str | None) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to one space and strip."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).replace("\u200b", "")
    # str.split() splits on exactly what the regex \s matches (Unicode
    # whitespace, the non-breaking space included) and is several times faster;
    # readers call this for every line of a document.
    return " ".join(text.split())


def strip_bullets(text: str) -> str:
    """Remove bullet glyphs that PDF extraction turns into private-use characters."""
    return _PRIVATE_USE.sub("", text)


def norm_key(text: str | None) -> str:
    """A comparison key: lower case letters and digits only ("Children & Learning -
    Performance" and "CHILDREN AND LEARNING - PERFORMANCE" compare equal)."""
    text = clean(text).lower().replace("&", " and ")
    text = unicodedata.normalize("NFKD", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def parse_long_date(text: str) -> date | None:
    """First date written in words: "Thursday, 8th August, 2024", "20 JULY 2023"."""
    match = _LONG_DATE.search(text or "")
    if not match:
        return None
    day, month, year = match.groups()
    try:
        return date(int(year), _ALL_MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def parse_numeric_date(text: str) -> date | None:
    """First UK numeric date: "18/07/24", "20/07/2023" (day first, always)."""
    match = _NUMERIC_DATE.search(text or "")
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """A date in any form councils print: words first, then dd/mm/yy(yy)."""
    return parse_long_date(text) or parse_numeric_date(text)


def parse_time(text: str) -> str | None:
    """First time of day as "HH:MM": "5.30 pm", "10.00 am", "7:30 pm", "6.00 p.m.", "18:00"."""
    match = _TIME.search(text or "")
    if match:
        hour, minute, suffix = match.groups()
        hour_i, minute_i = int(hour), int(minute or 0)
        suffix = suffix.lower().replace(".", "")
        if suffix == "noon":
            hour_i, minute_i = 12, minute_i
        elif "gloch" in suffix and 1 <= hour_i <= 7:
            hour_i += 12        # Welsh "2.00 o'r gloch" has no am/pm: councils do not meet before 8 am
        elif suffix == "pm" and hour_i < 12:
            hour_i += 12
        elif suffix == "am" and hour_i == 12:
            hour_i = 0
        if 0 <= hour_i < 24 and 0 <= minute_i < 60:
            return f"{hour_i:02d}:{minute_i:02d}"
        return None
    match = _TIME_24.search(text or "")
    if match:
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    return None
