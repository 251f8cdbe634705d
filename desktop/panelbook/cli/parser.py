"""The ``panelbook`` command's arguments: every sub-command and option, nothing run.

Every sub-command says what it does, what each argument is and gives an example
(``panelbook COMMAND --help``); ``tests/cli/test_help.py`` walks them all.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

from panelbook import __version__
from panelbook.model import MeetingStatus, RecStatus

DATE = "DATE"
DATE_HELP = "2024-12-31, 31/12/2024 or 31 Dec 2024"
MEETING_HELP = f"the meeting's id (`panelbook meetings` lists them) or its date: {DATE_HELP}"
ITEM_HELP = "agenda number, minute number or item id"
SAVED = "default: in your Documents folder"

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class PanelbookParser(argparse.ArgumentParser):
    """The argument parser, knowing its sub-commands' names (so bare files can mean ``open``)."""

    command_names: set[str]


def command(sub: Subcommands, name: str, summary: str,
            *examples: str) -> argparse.ArgumentParser:
    """A sub-command whose ``--help`` starts with ``summary`` and ends with its examples."""
    epilog = "example" + ("s" if len(examples) > 1 else "") + ":\n" + "\n".join(f"  {e}" for e in examples)
    return sub.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".",
                          epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter)


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON for scripts (the contract in DESIGN.md)")


def build_parser() -> PanelbookParser:
    """Every sub-command and option of ``panelbook``."""
    parser = PanelbookParser(
        prog="panelbook",
        description="Panelbook: meeting calendar, agenda packs and recommendations tracker for scrutiny panels.",
        epilog="`panelbook COMMAND --help` says what a command does, its arguments and an example.",
    )
    parser.add_argument("--version", action="version", version=f"panelbook {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data folder (default: $PANELBOOK_HOME or the user data folder)")
    sub: Subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")  # type: ignore[assignment]
    _documents(sub)
    _recs(command(sub, "recs", "list the recommendations tracker, or change it (set, add, history, changes)",
                  "panelbook recs --view overdue", "panelbook recs --status in_progress --csv tracker.csv",
                  "panelbook recs set 12 --status reported_complete"))
    _markup(sub)
    _exports(sub)
    _news(sub)
    _edit(sub)
    _store(sub)
    _sync(sub)
    _confidential(sub)
    parser.command_names = set(sub.choices)
    return parser


def _documents(sub: Subcommands) -> None:
    p = command(sub, "open", "open the window and import FILEs into it (or into the copy already open); "
                             "`panelbook FILE...` does the same", "panelbook open 'agenda pack.pdf'")
    p.add_argument("files", nargs="*", metavar="FILE", help="documents to import once the window is open")

    p = command(sub, "import", "import agenda packs, minutes, ModernGov pages or web-service XML",
                "panelbook import 'Agenda pack 8 Aug 2024.pdf' minutes.pdf",
                "panelbook import --confidential 'Exempt report - contract award.pdf'")
    p.add_argument("files", nargs="+", metavar="FILE", help="the documents (all are read before any is written)")
    p.add_argument("--confidential", action="store_true",
                   help="exempt papers (Part 2, not for publication): kept only in the encrypted store")
    _json(p)

    p = command(sub, "meetings", "list the meetings, oldest first", "panelbook meetings --from 1/9/2024")
    p.add_argument("--from", dest="date_from", metavar=DATE, help=f"from this day on: {DATE_HELP}")
    p.add_argument("--to", dest="date_to", metavar=DATE, help="up to and including this day")
    _json(p)

    p = command(sub, "agenda", "show a meeting's agenda: its items, pages and resolutions",
                "panelbook agenda '8 Aug 2024'")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    _json(p)

    p = command(sub, "search", "search every pack, minutes, recommendation and note", "panelbook search re-referrals")
    p.add_argument("query", nargs="+", metavar="WORD",
                   help="the words to find (the last one may be the start of a word)")
    _json(p)

    p = command(sub, "sample", "load the sample panel (Southampton's Children and Families Scrutiny Panel)",
                "panelbook sample", "panelbook sample --remove")
    p.add_argument("--remove", action="store_true", help="remove the sample panel instead")
    p.add_argument("--export-markup", metavar="FILE",
                   help="with --remove: first write your notes, questions, flags and highlights on it to FILE")
    p.add_argument("--discard-markup", action="store_true",
                   help="with --remove: remove your markup on the sample panel too")
    _json(p)


def _recs(p: argparse.ArgumentParser) -> None:
    statuses = [s.value for s in RecStatus]
    p.add_argument("--status", choices=statuses, help="only those with this status")
    p.add_argument("--overdue", action="store_true", help="only those past their deadline or response date")
    p.add_argument("--view", choices=["open", "overdue", "due", "closed", "all"],
                   help="open, overdue, due by the next meeting, closed, or all (drafts aside)")
    p.add_argument("--meeting", metavar="MEETING", help=f"only those made at this meeting: {MEETING_HELP}")
    p.add_argument("--issue", metavar="TITLE", help="only those on this recurring issue")
    p.add_argument("--csv", metavar="FILE", help="also write the listing as CSV")
    _json(p)
    recs_sub = p.add_subparsers(dest="recs_command", metavar="{set,add,history,changes}")
    ps = command(recs_sub, "set", "change a recommendation under the panel's rule (each change is recorded)",
                 "panelbook recs set 12 --status in_progress --response 'Report due in March'",
                 "panelbook recs set 12 --deadline 31/03/2025")
    ps.add_argument("id", type=int, metavar="ID", help="the recommendation's id (`panelbook recs` lists them)")
    ps.add_argument("--status", choices=statuses, help="its new status (the lifecycle decides which may follow)")
    ps.add_argument("--response", metavar="TEXT", help="the response received")
    ps.add_argument("--deadline", metavar=DATE, help=f"its deadline: {DATE_HELP}; '' clears it")
    ps.add_argument("--owner", metavar="WHO", help="who is to act on it")
    ps.add_argument("--text", help="reword the recommendation (a draft the clerk edits)")
    ps.add_argument("--decision", metavar="TEXT", help="the panel's decision on it")
    ps.add_argument("--not-a-recommendation", action="store_true", dest="not_a_recommendation",
                    help="set a draft aside: it asks nobody to do anything")
    ps.add_argument("--profile", metavar="NAME", default=None,
                    help="who is making the change (default: this copy's profile)")
    pa = command(recs_sub, "add", "add a recommendation by hand",
                 "panelbook recs add 2024-08-08 'That the Panel receives a progress report' --item 8")
    pa.add_argument("meeting", metavar="MEETING", help=f"the meeting it was made at: {MEETING_HELP}")
    pa.add_argument("text", metavar="TEXT", help="the recommendation as the panel worded it")
    pa.add_argument("--item", metavar="ITEM", help=ITEM_HELP)
    pa.add_argument("--owner", metavar="WHO", help="who is to act on it")
    pa.add_argument("--deadline", metavar=DATE, help=DATE_HELP)
    pa.add_argument("--profile", metavar="NAME", default=None, help="who is adding it (default: this copy's profile)")
    ph = command(recs_sub, "history", "show every change to a recommendation: when, who, before and after",
                 "panelbook recs history 12")
    ph.add_argument("id", type=int, metavar="ID", help="the recommendation's id")
    _json(ph)
    pc = command(recs_sub, "changes", "show what was closed, added or became overdue since a date",
                 "panelbook recs changes --since '18 Jul 2024'")
    pc.add_argument("--since", metavar=DATE, help=f"{DATE_HELP} (default: the last meeting held)")
    _json(pc)


def _markup(sub: Subcommands) -> None:
    p = command(sub, "note", "add a note or question to an agenda item",
                "panelbook note add 2024-08-08 8 'Ask about re-referral rates' --question")
    note_sub = p.add_subparsers(dest="note_command", metavar="add", required=True)
    pa = command(note_sub, "add", "add a note (or, with --question, a question) to an agenda item",
                 "panelbook note add '8 Aug 2024' 8 'Compare with last year'")
    pa.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    pa.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    pa.add_argument("text", metavar="TEXT", help="the note's words")
    pa.add_argument("--question", action="store_true", help="a question to ask at the meeting, not a note")
    pa.add_argument("--profile", metavar="NAME", default=None, help="whose note (default: this copy's profile)")

    p = command(sub, "notes", "show the notes, questions, lines of enquiry and highlights on a meeting, by item",
                "panelbook notes 08/08/2024")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    _json(p)

    p = command(sub, "markup", "move your markup (or the chair's shared markup) between computers",
                "panelbook markup export -o my-markup.json", "panelbook markup import my-markup.json")
    markup_sub = p.add_subparsers(dest="markup_command", metavar="{export,import}", required=True)
    pe = command(markup_sub, "export", "write your notes, questions, flags and highlights to a file",
                 "panelbook markup export -o my-markup.json", "panelbook markup export --shared -o panel.json")
    pe.add_argument("-o", "--output", metavar="FILE", help=f"the file to write ({SAVED}, as markup.json)")
    pe.add_argument("--shared", action="store_true", help="only the chair's shared markup, for the panel")
    pe.add_argument("--profile", metavar="NAME", default=None, help="whose markup (default: this copy's profile)")
    pe.add_argument("--include-confidential", action="store_true",
                    help="seal the markup on confidential items in the file with a passphrase you choose "
                         "(asked for; read from standard input when it is not a terminal); by default it is left out")
    pi = command(markup_sub, "import", "merge a markup file: the newer edit wins, nothing deleted here comes back",
                 "panelbook markup import my-markup.json")
    pi.add_argument("file", metavar="FILE", help="a file written by `panelbook markup export`")
    _json(pi)

    p = command(sub, "profile", "show or set who uses this copy: name and role",
                "panelbook profile", "panelbook profile 'Cllr Bunday' --role chair")
    p.add_argument("name", nargs="?", help="set the profile's name (omit to show it)")
    p.add_argument("--role", choices=["councillor", "chair", "clerk"], default="councillor",
                   help="the profile's role (default: councillor)")


def _exports(sub: Subcommands) -> None:
    p = command(sub, "export", "export a briefing pack, the monitoring report or the meeting calendar",
                "panelbook export briefing 2024-08-08", "panelbook export ics -o meetings.ics")
    export_sub = p.add_subparsers(dest="export_command", metavar="{briefing,monitoring,ics}", required=True)
    pe = command(export_sub, "briefing", "write a member's briefing pack for a meeting (PDF)",
                 "panelbook export briefing '8 Aug 2024' --items 7,8 -o briefing.pdf")
    pe.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    pe.add_argument("-o", "--output", metavar="FILE.pdf", help=f"the file to write ({SAVED})")
    pe.add_argument("--profile", metavar="NAME", default=None,
                    help="whose notes and questions (default: this copy's profile)")
    pe.add_argument("--panel", action="store_true",
                    help="the whole panel's briefing: shared markup only, no private notes")
    pe.add_argument("--with-reports", action="store_true", help="append each item's own report pages")
    pe.add_argument("--items", metavar="7,8", help="only these agenda items (agenda numbers, comma-separated)")
    pe.add_argument("--include-confidential", action="store_true",
                    help="print the confidential (exempt) items too, every page carrying them marked "
                         "CONFIDENTIAL — NOT FOR PUBLICATION (by default they are left out and the briefing says so)")
    pe = command(export_sub, "monitoring", "write the Scrutiny Monitoring appendix for a meeting (PDF)",
                 "panelbook export monitoring 2024-08-08 -o monitoring.pdf")
    pe.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    pe.add_argument("-o", "--output", metavar="FILE.pdf", help=f"the file to write ({SAVED})")
    pe = command(export_sub, "ics", "write every meeting as an iCalendar file for a calendar program",
                 "panelbook export ics -o meetings.ics")
    pe.add_argument("-o", "--output", metavar="FILE.ics", help=f"the file to write ({SAVED})")


def _news(sub: Subcommands) -> None:
    p = command(sub, "news", "list what syncs found new or changed (meetings, packs, supplements, minutes), "
                             "newest first", "panelbook news --unseen", "panelbook news --unseen --mark-seen")
    p.add_argument("--unseen", action="store_true", help="only the entries not yet read")
    p.add_argument("--mark-seen", action="store_true", dest="mark_seen",
                   help="mark the entries listed as read, once printed")
    _json(p)


def _edit(sub: Subcommands) -> None:
    edit = command(sub, "edit", "correct a meeting or an item a reader got wrong (meeting, item, merge, split, "
                                "undo, history); corrections are kept over every later import",
                   "panelbook edit meeting 2024-08-08 --time 18:00 --venue 'Council Chamber'",
                   "panelbook edit item 2024-08-08 8 --pages 11-22 --title 'Repeat Child Protection Plans'",
                   "panelbook edit undo 2024-08-08 8")
    actions = edit.add_subparsers(dest="edit_action", metavar="WHAT", required=True)

    def meeting_arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
        p.add_argument("--committee", metavar="C", help="which meeting on that date: any part of its committee's name")

    p = command(actions, "meeting", "correct a meeting's committee, date, start time, venue or status",
                "panelbook edit meeting 2024-08-08 --time 18:00 --venue 'Conference Room 3'",
                "panelbook edit meeting 13/3/2025 --committee Cabinet --status cancelled",
                "panelbook edit meeting 2024-08-08 --date 2024-08-15 --to-committee 'Scrutiny Panel'")
    meeting_arguments(p)
    p.add_argument("--to-committee", dest="new_committee", metavar="NAME", help="the committee it belongs to")
    p.add_argument("--date", dest="new_date", metavar=DATE, help=f"the day it is held: {DATE_HELP}")
    p.add_argument("--time", metavar="HH:MM", help="its start time, 18:00 or 6.30 pm ('' for none)")
    p.add_argument("--venue", metavar="TEXT", help="where it is held ('' for none)")
    p.add_argument("--status", choices=[s.value for s in MeetingStatus], help="where it stands")
    _json(p)

    p = command(actions, "item", "correct an item's title, pack pages, agenda number or confidential flag",
                "panelbook edit item 2024-08-08 8 --pages 11-22",
                "panelbook edit item 2024-08-08 8 --title 'Repeat Child Protection Plans' --number 8",
                "panelbook edit item 2024-08-08 9 --confidential")
    meeting_arguments(p)
    p.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    p.add_argument("--title", help="its title")
    p.add_argument("--pages", metavar="FIRST-LAST", help="its printed pages in the pack, 12-30")
    p.add_argument("--number", metavar="N", help="its agenda number as printed ('' for none)")
    flag = p.add_mutually_exclusive_group()
    flag.add_argument("--confidential", action="store_true", default=None, help="it is confidential (exempt)")
    flag.add_argument("--not-confidential", dest="confidential", action="store_false", help="it is not")
    _json(p)

    p = command(actions, "merge", "merge two neighbouring items into the first (their pages join)",
                "panelbook edit merge 2024-08-08 8 9")
    meeting_arguments(p)
    p.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    p.add_argument("other", metavar="OTHER", help="the item next to it on the agenda")
    _json(p)

    p = command(actions, "split", "make a new item of an item's pages from a page on",
                "panelbook edit split 2024-08-08 10 --at-page 80 --title 'Performance appendix'")
    meeting_arguments(p)
    p.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    p.add_argument("--at-page", dest="at_page", type=int, required=True, metavar="P",
                   help="the printed page the new item starts on")
    p.add_argument("--title", required=True, help="the new item's title")
    p.add_argument("--number", metavar="N", help="the new item's agenda number")
    _json(p)

    p = command(actions, "undo", "undo the newest correction of a meeting, or of one of its items: back to what "
                                 "the documents say", "panelbook edit undo 2024-08-08 --field time",
                "panelbook edit undo 2024-08-08 8")
    meeting_arguments(p)
    p.add_argument("item", metavar="ITEM", nargs="?", help=f"{ITEM_HELP} (left out: the meeting's own fields)")
    p.add_argument("--field", choices=["committee", "date", "time", "venue", "status", "title", "pages", "number",
                                       "confidential", "merge", "split"], help="undo the correction of this field")
    _json(p)

    p = command(actions, "history", "list every correction of a meeting and its items, undone ones too",
                "panelbook edit history 2024-08-08")
    meeting_arguments(p)
    _json(p)


def _store(sub: Subcommands) -> None:
    p = command(sub, "backup", "write a verified copy of the database",
                "panelbook backup -o ~/panelbook-backup.sqlite3")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: the backups folder)")

    p = command(sub, "restore", "replace the database with a verified backup (the current one is kept aside)",
                "panelbook restore ~/panelbook-backup.sqlite3")
    p.add_argument("file", metavar="FILE", help="a backup written by `panelbook backup` (or a daily one)")


def _confidential(sub: Subcommands) -> None:
    p = command(sub, "confidential", "keep exempt papers encrypted, the key in this computer's keychain: "
                                     "set up, status, lock, unlock, recover",
                "panelbook confidential setup", "panelbook confidential lock",
                "panelbook confidential recover ABCD-EFGH-...")
    c_sub = p.add_subparsers(dest="confidential_command", metavar="{setup,status,lock,unlock,recover}",
                             required=True)
    command(c_sub, "setup", "create the encrypted store and its key (in the keychain); shows the recovery code once",
            "panelbook confidential setup")
    ps = command(c_sub, "status", "say whether confidential papers are set up, locked or unlocked",
                 "panelbook confidential status", "panelbook confidential status --json")
    _json(ps)
    command(c_sub, "lock", "hide confidential papers and drop their key from memory until unlocked",
            "panelbook confidential lock")
    command(c_sub, "unlock", "show confidential papers again (the key is asked from the keychain)",
            "panelbook confidential unlock")
    pr = command(c_sub, "recover", "put the key back into the keychain from the recovery code written down at setup",
                 "panelbook confidential recover ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QRST-UVWX")
    pr.add_argument("code", nargs="+", metavar="CODE", help="the recovery code (groups may be separated by spaces)")


def files_mean_open(argv: list[str], commands: set[str]) -> list[str]:
    """``panelbook FILE...`` (as a file manager calls it) is ``panelbook open FILE...``."""
    position = 0
    while position < len(argv):
        word = argv[position]
        if word == "--home":
            position += 2
            continue
        if word.startswith("-"):
            position += 1
            continue
        if word not in commands and Path(word).exists():
            return [*argv[:position], "open", *argv[position:]]
        break
    return argv


def _sync(sub: Subcommands) -> None:
    p = command(sub, "follow", "list a council's ModernGov committees, or follow (or unfollow) some of them",
                "panelbook follow https://www.southampton.gov.uk/modernGov/",
                "panelbook follow democracy.example.gov.uk --committee 144 'Audit Committee'",
                "panelbook follow democracy.example.gov.uk --unfollow 144")
    p.add_argument("url", metavar="URL", help="any address on the council's ModernGov site (its home, a meeting's "
                   "page, .../mgWebService.asmx)")
    p.add_argument("--committee", metavar="C", nargs="+", default=[],
                   help="follow these committees: id or exact name, as the listing shows them")
    p.add_argument("--unfollow", metavar="C", nargs="+", default=[], help="stop following these committees")
    p.add_argument("--include-inactive", action="store_true", help="list deleted and expired committees too")
    _json(p)
    p = command(sub, "sync", "fetch what is new or changed on the followed councils' sites",
                "panelbook sync", "panelbook sync --json")
    _json(p)
