"""Committee colours stay put: a committee keeps its colour when another is imported, colours are
remembered in the window settings, and damaged remembered colours are set right."""
from __future__ import annotations

import json

import pytest

from desktop_helpers import import_files
from panelbook.ui.common import colours, settings
from panelbook.ui.common.colours import PALETTE, CommitteeColours

SAMPLE = "Children and Families Scrutiny Panel"
KINGSTON = "Kingston and North Kingston Neighbourhood Committee"
AUDIT = "Audit Committee"


def test_a_committee_keeps_its_colour_when_another_is_imported(qtbot, window, moderngov):
    before = window.calendar.committee_boxes or {}
    assert not before      # one committee: no check boxes, just its swatch
    sample_colour = colours.COLOURS.colour(SAMPLE).name()
    assert sample_colour == PALETTE[0]
    import_files(qtbot, window, [moderngov / "mg_GetMeeting_with_minutes_manchester.xml"])
    qtbot.waitUntil(lambda: AUDIT in window.calendar.committee_boxes, timeout=20000)
    assert colours.COLOURS.colour(SAMPLE).name() == sample_colour     # alphabetically second now
    assert colours.COLOURS.colour(AUDIT).name() == PALETTE[1]
    import_files(qtbot, window, [moderngov / "Agenda_151.html"])
    qtbot.waitUntil(lambda: KINGSTON in window.calendar.committee_boxes, timeout=20000)
    assert [colours.COLOURS.colour(n).name() for n in (SAMPLE, AUDIT, KINGSTON)] == PALETTE[:3]
    remembered = json.loads(settings.ui_settings().value(colours.SETTINGS_KEY))
    assert remembered == {SAMPLE: 0, AUDIT: 1, KINGSTON: 2}
    # The next start (a fresh colour table) reads the same colours back.
    again = CommitteeColours()
    again.assign([KINGSTON, AUDIT, SAMPLE])
    assert [again.colour(n).name() for n in (SAMPLE, AUDIT, KINGSTON)] == PALETTE[:3]


def test_committees_first_seen_together_go_alphabetically_then_new_ones_take_free_colours():
    table = CommitteeColours()
    table.assign(["Zeta Panel", "Alpha Panel"])
    assert [table.colour(n).name() for n in ("Alpha Panel", "Zeta Panel")] == PALETTE[:2]
    table.assign(["Zeta Panel"])                      # Alpha's meetings went; its colour stays its own
    table.assign(["Zeta Panel", "Beta Panel"])
    assert table.colour("Beta Panel").name() == PALETTE[2]
    table.assign(["Alpha Panel", "Beta Panel", "Zeta Panel"])
    assert [table.colour(n).name() for n in ("Alpha Panel", "Zeta Panel", "Beta Panel")] == PALETTE[:3]
    assert table.names() == ["Alpha Panel", "Beta Panel", "Zeta Panel"]


def test_when_every_colour_is_taken_the_least_shared_is_reused():
    table = CommitteeColours()
    names = [f"Committee {i:02}" for i in range(len(PALETTE))]
    table.assign(names)
    table.assign([*names, "Extra"])
    assert table.colour("Extra").name() == PALETTE[0]
    table.assign([*names, "Extra", "Another"])
    assert table.colour("Another").name() == PALETTE[1]


@pytest.mark.parametrize("stored", ["not json", "[1, 2]", json.dumps({"Alpha Panel": 99, "Beta Panel": "x"})])
def test_damaged_remembered_colours_are_set_right(stored):
    settings.save_value(colours.SETTINGS_KEY, stored)
    table = CommitteeColours()
    table.assign(["Beta Panel", "Alpha Panel"])
    assert [table.colour(n).name() for n in ("Alpha Panel", "Beta Panel")] == PALETTE[:2]
    assert json.loads(settings.ui_settings().value(colours.SETTINGS_KEY)) == {"Alpha Panel": 0, "Beta Panel": 1}
