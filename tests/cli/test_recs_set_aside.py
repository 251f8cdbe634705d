"""A draft set aside as "not a recommendation" never becomes live with the flag
still set: accepting it clears the flag, in the history; the flag is refused on
a live recommendation (``panelbook recs set``)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from panelbook.cli import main


def run(capsys, home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def listing(capsys, home: Path, *argv: str) -> list[dict]:
    code, out, err = run(capsys, home, "recs", *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def home(tmp_path, capsys) -> Path:
    home = tmp_path / "data"
    assert run(capsys, home, "sample")[0] == 0
    return home


def test_accepting_a_set_aside_draft_clears_the_flag_in_the_history(home, capsys):
    draft = listing(capsys, home, "--status", "draft")[0]
    assert run(capsys, home, "recs", "set", str(draft["id"]), "--not-a-recommendation")[0] == 0
    assert draft["id"] not in {r["id"] for r in listing(capsys, home, "--status", "draft")}
    code, _, err = run(capsys, home, "recs", "set", str(draft["id"]), "--status", "awaiting_response")
    assert code == 0, err
    changes = [(r["field"], r["before"], r["after"]) for r in listing(capsys, home, "history", str(draft["id"]))]
    assert changes[-2:] in ([("status", "draft", "awaiting_response"), ("not_a_recommendation", "1", "0")],
                            [("not_a_recommendation", "1", "0"), ("status", "draft", "awaiting_response")])
    assert draft["id"] in {r["id"] for r in listing(capsys, home, "--view", "open")}
    with sqlite3.connect(home / "panelbook.sqlite3") as db:
        flag = db.execute("SELECT not_a_recommendation FROM recommendations WHERE id = ?", (draft["id"],)).fetchone()
    assert flag == (0,)


def test_a_live_recommendation_cannot_be_set_aside(home, capsys):
    live = listing(capsys, home, "--view", "open")[0]
    before = listing(capsys, home, "history", str(live["id"]))
    code, out, err = run(capsys, home, "recs", "set", str(live["id"]), "--not-a-recommendation")
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line.startswith("panelbook: Only a draft can be set aside as not a recommendation")
    assert listing(capsys, home, "history", str(live["id"])) == before


def test_set_aside_and_accepted_in_one_change_is_refused(home, capsys):
    draft = listing(capsys, home, "--status", "draft")[0]
    code, _, err = run(capsys, home, "recs", "set", str(draft["id"]), "--not-a-recommendation",
                       "--status", "awaiting_response")
    assert code == 2 and "Only a draft" in err
    assert draft["id"] in {r["id"] for r in listing(capsys, home, "--status", "draft")}
