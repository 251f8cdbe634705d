from datetime import date

from panelbook.sources.textutil import clean, norm_key, parse_date, parse_time


def test_dates_as_councils_print_them():
    assert parse_date("Thursday, 8th August, 2024 5.30 pm") == date(2024, 8, 8)
    assert parse_date("MINUTES OF THE MEETING HELD ON 20 JULY 2023") == date(2023, 7, 20)
    assert parse_date("18/07/24") == date(2024, 7, 18)
    assert parse_date("20/07/2023") == date(2023, 7, 20)
    assert parse_date("31/02/2024") is None
    assert parse_date("no date here") is None


def test_times_as_councils_print_them():
    assert parse_time("5.30 pm") == "17:30"
    assert parse_time("10.00 am") == "10:00"
    assert parse_time("7:30 pm") == "19:30"
    assert parse_time("6.00 p.m.") == "18:00"
    assert parse_time("12.00 pm") == "12:00"
    assert parse_time("18:00") == "18:00"
    assert parse_time("Pages 5 - 10") is None


def test_keys_and_whitespace():
    assert clean("  a\u00a0 b\n c ") == "a b c"
    assert norm_key("Children & Learning - Performance") == norm_key("CHILDREN AND LEARNING - PERFORMANCE")
