"""The one date parser of the command line: every option and argument that takes a date
accepts ``2024-12-31``, ``31/12/2024`` (day first, as written in the UK) and ``31 Dec 2024``
or ``31 December 2024``, and hands the rest of the program an ISO date."""
from __future__ import annotations

import re
from datetime import date

from panelbook.cli.errors import UsageError

MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_WORDED = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})", re.IGNORECASE)

HOW = "write it as 2024-12-31, 31/12/2024 or 31 Dec 2024"


def to_date(text: str) -> date | None:
    """``text`` as a date in one of the accepted forms, or None when it is not one."""
    text = text.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _SLASHED.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _WORDED.fullmatch(text):
        month_number = MONTHS.get(match.group(2).lower())
        if month_number is None:
            return None
        day, month, year = int(match.group(1)), month_number, int(match.group(3))
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str, what: str) -> str:
    """``value`` as an ISO date, or a UsageError naming ``what`` (the option or argument)."""
    parsed = to_date(value)
    if parsed is None:
        raise UsageError(f"{what} {value}: not a date; {HOW}.")
    return parsed.isoformat()


def optional_date(value: str | None, what: str, *, empty_clears: bool = False) -> str | None:
    """``parse_date`` for an option that may be left out (None); with ``empty_clears``, '' stays ''."""
    if value is None or (empty_clears and value == ""):
        return value
    return parse_date(value, what)


def meeting_ref(value: str) -> str:
    """A MEETING argument: its id as given, or its date in any accepted form as an ISO date."""
    value = value.strip()
    if value.isdigit():
        return value
    parsed = to_date(value)
    if parsed is None:
        raise UsageError(f"MEETING {value}: neither a meeting id nor a date; give its id "
                         f"(`panelbook meetings` lists them) or its date ({HOW}).")
    return parsed.isoformat()
