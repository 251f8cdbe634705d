"""The recommendations lifecycle: every state change, the history, the overdue rule."""
from datetime import date

import pytest

from panelbook import tracker
from panelbook.model import RecStatus as S
from panelbook.services.recs import add_recommendation, set_recommendation
from panelbook.services.sample import load_sample
from panelbook.store import queries
from panelbook.store.queries import NotFound

# The panel's rule (README: "Recommendations follow the panel's own rule..."),
# written out move by move, each with the reason the rule gives.
ALLOWED = [
    (S.DRAFT, S.AWAITING_RESPONSE),              # the clerk accepts a draft offered from the minutes
    (S.DRAFT, S.IN_PROGRESS),                    # ... whose response has already come in
    (S.DRAFT, S.REPORTED_COMPLETE),              # ... already reported complete
    (S.AWAITING_RESPONSE, S.IN_PROGRESS),        # a response comes in, the work is not complete
    (S.AWAITING_RESPONSE, S.REPORTED_COMPLETE),  # the response reports it complete
    (S.AWAITING_RESPONSE, S.REJECTED),           # the executive rejects it
    (S.IN_PROGRESS, S.REPORTED_COMPLETE),        # reported complete
    (S.IN_PROGRESS, S.REJECTED),                 # rejected
    (S.IN_PROGRESS, S.AWAITING_RESPONSE),        # the response was recorded by mistake
    (S.REPORTED_COMPLETE, S.CLOSED_COMPLETE),    # complete and accepted by the panel: leaves the list
    (S.REPORTED_COMPLETE, S.IN_PROGRESS),        # the panel does not accept it as complete: sent back
    (S.REPORTED_COMPLETE, S.REJECTED),           # rejected after all
    (S.REJECTED, S.CLOSED_REJECTED),             # reported to the panel: only now it leaves the list
    (S.REJECTED, S.IN_PROGRESS),                 # the panel presses and it is taken up again
]
REFUSED = [
    # A draft is accepted before anything else happens to it; setting it aside is a flag, not a state.
    (S.DRAFT, S.REJECTED), (S.DRAFT, S.CLOSED_COMPLETE), (S.DRAFT, S.CLOSED_REJECTED),
    # Nothing goes back to being a draft.
    (S.AWAITING_RESPONSE, S.DRAFT), (S.IN_PROGRESS, S.DRAFT), (S.REPORTED_COMPLETE, S.DRAFT),
    (S.REJECTED, S.DRAFT), (S.CLOSED_COMPLETE, S.DRAFT), (S.CLOSED_REJECTED, S.DRAFT),
    # Closing as complete needs the panel's acceptance of a reported completion.
    (S.AWAITING_RESPONSE, S.CLOSED_COMPLETE), (S.IN_PROGRESS, S.CLOSED_COMPLETE), (S.REJECTED, S.CLOSED_COMPLETE),
    # A rejected one leaves only once it has been reported: nothing else closes as rejected.
    (S.AWAITING_RESPONSE, S.CLOSED_REJECTED), (S.IN_PROGRESS, S.CLOSED_REJECTED),
    (S.REPORTED_COMPLETE, S.CLOSED_REJECTED),
    # Reported complete goes forward (accepted) or back to work, not back to waiting.
    (S.REPORTED_COMPLETE, S.AWAITING_RESPONSE),
    # Rejected is settled by reporting it (or taking it up again), not by waiting or completing.
    (S.REJECTED, S.AWAITING_RESPONSE), (S.REJECTED, S.REPORTED_COMPLETE),
    # Closed is closed: the panel's decision stands.
    (S.CLOSED_COMPLETE, S.AWAITING_RESPONSE), (S.CLOSED_COMPLETE, S.IN_PROGRESS),
    (S.CLOSED_COMPLETE, S.REPORTED_COMPLETE), (S.CLOSED_COMPLETE, S.REJECTED),
    (S.CLOSED_COMPLETE, S.CLOSED_REJECTED),
    (S.CLOSED_REJECTED, S.AWAITING_RESPONSE), (S.CLOSED_REJECTED, S.IN_PROGRESS),
    (S.CLOSED_REJECTED, S.REPORTED_COMPLETE), (S.CLOSED_REJECTED, S.REJECTED),
    (S.CLOSED_REJECTED, S.CLOSED_COMPLETE),
]


def test_the_rule_names_every_move_once():
    """The two lists above between them cover every change of status, each once."""
    moves = ALLOWED + REFUSED
    assert len(moves) == len(set(moves)) == len(S) * (len(S) - 1)


@pytest.mark.parametrize("current,wanted", ALLOWED)
def test_the_panel_rule_allows(current, wanted):
    tracker.check_transition(current, wanted)


@pytest.mark.parametrize("current,wanted", REFUSED)
def test_the_panel_rule_refuses(current, wanted):
    with pytest.raises(tracker.InvalidTransition, match=f"'{current.value}' cannot become '{wanted.value}'"):
        tracker.check_transition(current, wanted)


@pytest.mark.parametrize("state", list(S))
def test_staying_in_the_same_state_is_no_change(state):
    tracker.check_transition(state, state)


@pytest.mark.parametrize("state,listed", [
    (S.DRAFT, False),               # not yet accepted by the clerk
    (S.AWAITING_RESPONSE, True),    # outstanding: reported to the next meeting
    (S.IN_PROGRESS, True),          # not complete: stays
    (S.REPORTED_COMPLETE, True),    # stays until the panel accepts it
    (S.REJECTED, True),             # stays until it has been reported
    (S.CLOSED_COMPLETE, False),     # complete and accepted: leaves the list
    (S.CLOSED_REJECTED, False),     # rejected and reported: leaves the list
])
def test_what_stays_on_the_monitoring_list(state, listed):
    assert tracker.on_the_list(state) is listed


def test_the_rule_of_the_seed_pack():
    # Complete and accepted by the panel: leaves the list.
    assert S.CLOSED_COMPLETE in tracker.TRANSITIONS[S.REPORTED_COMPLETE]
    assert not tracker.on_the_list(S.CLOSED_COMPLETE)
    # Not accepted as complete: back to open, stays on the list.
    assert S.IN_PROGRESS in tracker.TRANSITIONS[S.REPORTED_COMPLETE]
    assert tracker.on_the_list(S.IN_PROGRESS)
    # Rejected: stays on the list until reported, then leaves.
    assert tracker.on_the_list(S.REJECTED)
    assert S.CLOSED_REJECTED in tracker.TRANSITIONS[S.REJECTED]
    assert not tracker.on_the_list(S.CLOSED_REJECTED)
    # Any open state can be rejected; closed states go nowhere.
    for state in (S.AWAITING_RESPONSE, S.IN_PROGRESS, S.REPORTED_COMPLETE):
        assert S.REJECTED in tracker.TRANSITIONS[state]
    assert tracker.TRANSITIONS[S.CLOSED_COMPLETE] == set() == tracker.TRANSITIONS[S.CLOSED_REJECTED]


MADE, TODAY = date(2024, 7, 18), date(2024, 10, 1)     # a response was due by 18 September


@pytest.mark.parametrize("state,deadline,has_response,overdue", [
    (S.IN_PROGRESS, date(2024, 9, 30), True, True),          # past its deadline
    (S.IN_PROGRESS, TODAY, True, False),                     # due today is not yet late
    (S.IN_PROGRESS, date(2024, 11, 30), True, False),        # deadline still ahead
    (S.AWAITING_RESPONSE, None, False, True),                # no response two months on
    (S.AWAITING_RESPONSE, date(2024, 11, 30), False, True),  # ... whatever the deadline says
    (S.IN_PROGRESS, None, True, False),                      # a response came: the clock stops
    (S.REPORTED_COMPLETE, date(2024, 9, 1), True, False),    # waiting for the panel, not for the officer
    (S.REJECTED, date(2024, 9, 1), False, False),            # nothing more is asked of anyone
    (S.CLOSED_COMPLETE, date(2024, 9, 1), True, False),
    (S.CLOSED_REJECTED, date(2024, 9, 1), False, False),
    (S.DRAFT, date(2024, 9, 1), False, False),               # not accepted yet
])
def test_what_is_overdue(state, deadline, has_response, overdue):
    assert tracker.is_overdue(state, deadline, MADE, has_response, TODAY) is overdue


def test_overdue_rule_with_a_fixed_today():
    made = date(2024, 7, 18)
    today = date(2024, 10, 1)
    assert tracker.response_due(made) == date(2024, 9, 18)
    assert tracker.is_overdue(S.IN_PROGRESS, date(2024, 9, 26), made, True, today)
    assert not tracker.is_overdue(S.IN_PROGRESS, date(2024, 11, 30), made, True, today)
    # No response two months after the meeting: overdue even without a deadline.
    assert tracker.is_overdue(S.AWAITING_RESPONSE, None, made, False, today)
    assert not tracker.is_overdue(S.AWAITING_RESPONSE, None, made, False, date(2024, 9, 18))
    # Reported complete, rejected or closed items are never overdue.
    for state in (S.REPORTED_COMPLETE, S.REJECTED, S.CLOSED_COMPLETE, S.CLOSED_REJECTED, S.DRAFT):
        assert not tracker.is_overdue(state, date(2024, 1, 1), made, False, today)
    assert tracker.add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)


@pytest.fixture
def sample_store(store):
    load_sample(store)
    return store


def _rec(store, status_text):
    return next(r for r in queries.recommendations(store.db, view="all") if r["status_text"] == status_text)


def test_walking_a_recommendation_through_its_life_keeps_its_history(sample_store):
    store = sample_store
    rec = _rec(store, "Not complete – deadline November 2024.")
    set_recommendation(store, rec["id"], status="reported_complete", response="Plan presented", who="Clerk")
    with pytest.raises(tracker.InvalidTransition):
        set_recommendation(store, rec["id"], status="awaiting_response", who="Clerk")
    set_recommendation(store, rec["id"], status="in_progress", decision="Not accepted as complete",
                                who="Chair")
    set_recommendation(store, rec["id"], status="rejected", who="Chair")
    set_recommendation(store, rec["id"], status="closed_rejected", who="Clerk")
    changes = [(h["who"], h["field"], h["before"], h["after"]) for h in queries.history(store.db, rec["id"])
               if h["who"] != "import"]
    assert changes == [
        ("Clerk", "status", "in_progress", "reported_complete"),
        ("Clerk", "response", "The service will make the necessary arrangements for November 2024.",
         "Plan presented"),
        ("Chair", "status", "reported_complete", "in_progress"),
        ("Chair", "decision", None, "Not accepted as complete"),
        ("Chair", "status", "in_progress", "rejected"),
        ("Clerk", "status", "rejected", "closed_rejected"),
    ]
    # Closed, but never deleted: still in the "all" view and still searchable.
    assert rec["id"] in {r["id"] for r in queries.recommendations(store.db, view="all")}
    assert rec["id"] not in {r["id"] for r in queries.recommendations(store.db, view="open")}
    assert rec["id"] in {r["id"] for r in queries.recommendations(store.db, view="closed")}
    from panelbook.store.search import search

    assert any(h.kind == "recommendation" for h in search(store.db, "Plan presented"))


def test_views_and_overdue_with_a_fixed_today(sample_store):
    db = sample_store.db
    today = date(2024, 10, 1)
    overdue = {r["status_text"] for r in queries.recommendations(db, overdue_only=True, today=today)}
    assert overdue == {"Not complete – update will be provided at next scrutiny panel."}
    later = {r["status_text"] for r in queries.recommendations(db, overdue_only=True, today=date(2025, 2, 1))}
    assert later == {
        "Not complete – update will be provided at next scrutiny panel.",
        "Not complete – deadline November 2024.",
        "Not complete – deadline January 2025.",
    }


def test_a_draft_is_accepted_edited_or_set_aside(sample_store):
    store = sample_store
    drafts = queries.recommendations(store.db, status="draft")
    first, second = drafts[0], drafts[1]
    set_recommendation(store, first["id"], status="awaiting_response", text=first["text"] + " (edited)")
    set_recommendation(store, second["id"], not_a_recommendation=True)
    remaining = {r["id"] for r in queries.recommendations(store.db, status="draft")}
    assert first["id"] not in remaining and second["id"] not in remaining
    accepted = next(r for r in queries.recommendations(store.db) if r["id"] == first["id"])
    assert accepted["text"].endswith("(edited)") and accepted["status"] == "awaiting_response"
    # Re-importing the minutes never offers the set-aside draft again, nor duplicates the accepted one.
    load_sample(store)
    assert {r["id"] for r in queries.recommendations(store.db, status="draft")} == remaining


def test_bad_updates_are_refused_cleanly(sample_store):
    with pytest.raises(NotFound):
        set_recommendation(sample_store, 99999, status="in_progress")
    rec = queries.recommendations(sample_store.db)[0]
    with pytest.raises(NotFound):
        set_recommendation(sample_store, rec["id"], deadline="next week")


def test_a_recommendation_by_hand(sample_store):
    store = sample_store
    meeting_id = queries.resolve_meeting(store.db, "2024-08-08")
    rec_id = add_recommendation(store, meeting_id, "That the Panel visits the MASH.", owner="Scrutiny Manager",
                                         deadline="2024-12-31", who="Clerk")
    row = next(r for r in queries.recommendations(store.db) if r["id"] == rec_id)
    assert row["status"] == "awaiting_response" and row["owner"] == "Scrutiny Manager"
    assert queries.history(store.db, rec_id)[0]["field"] == "created"
