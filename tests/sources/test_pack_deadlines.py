"""Deadline phrases of monitoring tables."""
from __future__ import annotations

from datetime import date

import pytest

from panelbook.sources.deadlines import parse_deadline

YEAR = [date(2024, 7, 18), date(2024, 8, 8), date(2024, 9, 26), date(2024, 11, 28),
        date(2025, 1, 30), date(2025, 3, 27)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Not complete – deadline November 2024.", date(2024, 11, 30)),
        ("Not complete – deadline January 2025.", date(2025, 1, 31)),
        ("deadline February 2024", date(2024, 2, 29)),
        ("presented to the Panel at the 30 January 2025 meeting.", date(2025, 1, 30)),
        ("by 3rd March, 2025", date(2025, 3, 3)),
        ("Complete", None),
        ("", None),
        (None, None),
        ("update will be provided in due course", None),
    ],
)
def test_dates_in_words(text, expected):
    assert parse_deadline(text, YEAR) == expected


def test_next_meeting_comes_from_the_calendar():
    phrase = "Not complete – update will be provided at next scrutiny panel."
    assert parse_deadline(phrase, YEAR, after=date(2024, 8, 8)) == date(2024, 9, 26)
    assert parse_deadline(phrase, YEAR, after=date(2024, 7, 18)) == date(2024, 8, 8)
    assert parse_deadline(phrase, YEAR) == date(2024, 7, 18)
    assert parse_deadline(phrase, YEAR, after=date(2025, 3, 27)) is None
    assert parse_deadline(phrase) is None
    assert parse_deadline("to the next meeting", YEAR, after=date(2024, 11, 28)) == date(2025, 1, 30)
