"""The command line's one date parser and its words (plurals, labels, "…"), alone and as
every command that takes a date uses them."""
from __future__ import annotations

import json
from datetime import date

import pytest

from panelbook.cli import main
from panelbook.cli.dates import meeting_ref, parse_date, to_date
from panelbook.cli.errors import UsageError
from panelbook.cli.words import count, plural, rec_status, shorten


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("text", ["2024-12-31", "31/12/2024", "31 Dec 2024", "31 December 2024", "31 dec 2024",
                                  " 31st December 2024 ", "31 Dec. 2024", "31 Dec, 2024"])
def test_the_last_day_of_2024_in_every_accepted_form(text):
    assert to_date(text) == date(2024, 12, 31)
    assert parse_date(text, "--to") == "2024-12-31"


@pytest.mark.parametrize(("text", "expected"), [
    ("1/9/2024", date(2024, 9, 1)),          # day first, as written in the UK: 1 September
    ("08/08/2024", date(2024, 8, 8)),
    ("2024-2-29", date(2024, 2, 29)),
    ("29 Feb 2024", date(2024, 2, 29)),
    ("3 Sept 2024", date(2024, 9, 3)),
    ("1 May 2025", date(2025, 5, 1)),
])
def test_other_days(text, expected):
    assert to_date(text) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "31/13/2024", "12/31/2024", "29 Feb 2023", "31 Foo 2024",
                                  "2024/12/31", "31-12-2024", "31 Dec", "2024-12-31T10:00", "Dec 31 2024x"])
def test_what_is_not_a_date_is_refused_with_the_forms_that_are(text):
    assert to_date(text) is None
    with pytest.raises(UsageError) as refused:
        parse_date(text, "--since")
    assert str(refused.value) == f"--since {text}: not a date; write it as 2024-12-31, 31/12/2024 or 31 Dec 2024."


def test_a_meeting_is_named_by_id_or_by_its_date_in_any_form():
    assert meeting_ref("7") == "7"
    assert meeting_ref("8 Aug 2024") == "2024-08-08"
    with pytest.raises(UsageError, match="neither a meeting id nor a date"):
        meeting_ref("August")


def test_plurals():
    assert [count(n, "meeting") for n in (0, 1, 2)] == ["0 meetings", "1 meeting", "2 meetings"]
    assert count(1, "highlight") == "1 highlight"
    assert plural("match", 2) == "matches" and plural("enquiry", 3) == "enquiries" and plural("day", 2) == "days"
    assert count(2, "note or question", "notes and questions") == "2 notes and questions"


def test_shortened_text_ends_in_an_ellipsis_at_a_word():
    text = "That, reflecting issues raised by the inspection about the visibility of the local offer"
    short = shorten(text, 40)
    assert short.endswith("…") and len(short) <= 40
    assert short == "That, reflecting issues raised by the…"
    assert shorten("Short enough", 40) == "Short enough"
    assert shorten("Line one\n  line two", 40) == "Line one line two"
    assert shorten(None, 10) == ""
    assert shorten("Supercalifragilisticexpialidocious", 10) == "Supercali…"


def test_statuses_are_the_trackers_labels():
    assert rec_status("in_progress") == "Not complete"
    assert rec_status("awaiting_response") == "Awaiting response"
    assert rec_status("closed_complete") == "Complete – accepted by the panel"


# -- as the commands use them, on the sample panel ------------------------------------------------

@pytest.fixture(scope="module")
def sample_home(tmp_path_factory) -> str:
    home = str(tmp_path_factory.mktemp("sample") / "data")
    assert main(["--home", home, "sample"]) == 0
    return home


def test_meetings_take_dates_in_any_form_and_count_in_words(sample_home, capsys):
    iso = run(capsys, "--home", sample_home, "meetings", "--from", "2024-09-01", "--to", "2024-11-30")
    for date_from, date_to in (("1/9/2024", "30/11/2024"), ("1 Sep 2024", "30 November 2024")):
        assert run(capsys, "--home", sample_home, "meetings", "--from", date_from, "--to", date_to) == iso
    code, out, err = iso
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert [line.split()[1] for line in lines[1:-1]] == ["2024-09-26", "2024-11-28"]
    assert lines[-1] == "2 meetings."
    code, out, _ = run(capsys, "--home", sample_home, "meetings", "--from", "8 Aug 2024", "--to", "08/08/2024")
    assert out.splitlines()[-1] == "1 meeting."
    assert "Held" in out.splitlines()[1] and "held" not in out


def test_a_bad_date_is_one_line_and_exit_status_2(sample_home, capsys):
    for argv in (["meetings", "--from", "31/13/2024"], ["recs", "changes", "--since", "soon"],
                 ["recs", "set", "1", "--deadline", "31 Foo 2025"], ["agenda", "last Thursday"]):
        code, out, err = run(capsys, "--home", sample_home, *argv)
        assert (code, out) == (2, ""), argv
        assert len(err.splitlines()) == 1 and err.startswith("panelbook: ") and "31/12/2024" in err, err


def test_a_deadline_and_a_since_date_in_words(tmp_path, capsys):
    home = str(tmp_path / "data")
    assert main(["--home", home, "sample"]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, "--home", home, "recs", "set", "1", "--deadline", "31 Mar 2025")
    assert code == 0, err
    code, out, _ = run(capsys, "--home", home, "recs", "--json")
    assert next(r for r in json.loads(out) if r["id"] == 1)["deadline"] == "2025-03-31"
    code, out, _ = run(capsys, "--home", home, "recs", "add", "8/8/2024", "That the Panel visits the MASH.",
                       "--deadline", "30/09/2024")
    assert code == 0
    code, out, _ = run(capsys, "--home", home, "recs", "--json")
    added = next(r for r in json.loads(out) if r["text"] == "That the Panel visits the MASH.")
    assert (added["meeting_date"], added["deadline"]) == ("2024-08-08", "2024-09-30")
    assert json.loads(run(capsys, "--home", home, "recs", "changes", "--since", "18 Jul 2024", "--json")[1])["since"] \
        == "2024-07-18"


def test_recs_print_labels_and_cut_text_with_an_ellipsis_while_json_keeps_its_values(sample_home, capsys):
    _, out, _ = run(capsys, "--home", sample_home, "recs")
    rows = json.loads(run(capsys, "--home", sample_home, "recs", "--json")[1])
    assert {r["status"] for r in rows} >= {"in_progress", "reported_complete"}
    assert "in_progress" not in out and "reported_complete" not in out
    assert "Not complete (overdue)" in out and "Reported complete" in out
    long_texts = [r["text"] for r in rows if len(r["text"]) > 70]
    assert long_texts
    for text in long_texts:
        assert shorten(text, 70) in out and shorten(text, 70).endswith("…")
    assert out.splitlines()[-1] == f"{len(rows)} recommendations."


def test_history_shows_status_labels(sample_home, capsys):
    code, out, _ = run(capsys, "--home", sample_home, "recs", "history", "2")
    assert code == 0
    status_line = next(line for line in out.splitlines() if " status " in line)
    assert "Draft (from minutes)" in status_line and "Not complete" in status_line
    assert "in_progress" not in out
    raw = json.loads(run(capsys, "--home", sample_home, "recs", "history", "2", "--json")[1])
    assert {"before": "draft", "after": "in_progress"}.items() <= next(r for r in raw if r["field"] == "status").items()
