"""The ``panelbook`` command's arguments: every sub-command and option, nothing run."""
from __future__ import annotations

import argparse
from pathlib import Path

from panelbook import __version__
from panelbook.model import RecStatus


class PanelbookParser(argparse.ArgumentParser):
    """The argument parser, knowing its sub-commands' names (so bare files can mean ``open``)."""

    command_names: set[str]


def build_parser() -> PanelbookParser:
    """Every sub-command and option of ``panelbook``."""
    parser = PanelbookParser(
        prog="panelbook",
        description="Panelbook: meeting calendar, agenda packs and recommendations tracker for scrutiny panels.",
    )
    parser.add_argument("--version", action="version", version=f"panelbook {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data folder (default: $PANELBOOK_HOME or the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="open the desktop and import FILEs into it (or into the copy already open); "
                                    "`panelbook FILE...` does the same")
    p.add_argument("files", nargs="*", metavar="FILE")

    p = sub.add_parser("import", help="import agenda packs, minutes, ModernGov pages or web-service XML")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("meetings", help="list meetings")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("agenda", help="a meeting's agenda")
    p.add_argument("meeting", metavar="MEETING", help="meeting id, or its date YYYY-MM-DD")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="search every pack, minutes, recommendation and note")
    p.add_argument("query", nargs="+")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("recs", help="the recommendations tracker")
    p.add_argument("--status", choices=[s.value for s in RecStatus])
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--view", choices=["open", "overdue", "due", "closed", "all"],
                   help="open, overdue, due by the next meeting, closed, or all (drafts aside)")
    p.add_argument("--meeting", metavar="MEETING", help="only those made at this meeting (id or date)")
    p.add_argument("--issue", metavar="TITLE", help="only those on this recurring issue")
    p.add_argument("--csv", metavar="FILE", help="also write the listing as CSV")
    p.add_argument("--json", action="store_true")
    recs_sub = p.add_subparsers(dest="recs_command", metavar="{set,add,history,changes}")
    ps = recs_sub.add_parser("set", help="update a recommendation")
    ps.add_argument("id", type=int)
    ps.add_argument("--status", choices=[s.value for s in RecStatus])
    ps.add_argument("--response")
    ps.add_argument("--deadline", metavar="YYYY-MM-DD", help="'' clears it")
    ps.add_argument("--owner")
    ps.add_argument("--text", help="reword the recommendation (a draft the clerk edits)")
    ps.add_argument("--decision", help="the panel's decision on it")
    ps.add_argument("--not-a-recommendation", action="store_true", dest="not_a_recommendation",
                    help="set a draft aside: it asks nobody to do anything")
    ps.add_argument("--profile", default=None, help="who is making the change (default: this copy's profile)")
    pa = recs_sub.add_parser("add", help="add a recommendation by hand")
    pa.add_argument("meeting", metavar="MEETING")
    pa.add_argument("text", metavar="TEXT")
    pa.add_argument("--item", metavar="ITEM", help="agenda number, minute number or item id")
    pa.add_argument("--owner")
    pa.add_argument("--deadline", metavar="YYYY-MM-DD")
    pa.add_argument("--profile", default=None)
    ph = recs_sub.add_parser("history", help="every change to a recommendation")
    ph.add_argument("id", type=int)
    ph.add_argument("--json", action="store_true")
    pc = recs_sub.add_parser("changes", help="what was closed, added or became overdue since a date")
    pc.add_argument("--since", metavar="YYYY-MM-DD", help="default: the last meeting held")
    pc.add_argument("--json", action="store_true")

    p = sub.add_parser("note", help="add a note or question to an agenda item")
    note_sub = p.add_subparsers(dest="note_command", metavar="add", required=True)
    pa = note_sub.add_parser("add")
    pa.add_argument("meeting", metavar="MEETING")
    pa.add_argument("item", metavar="ITEM", help="agenda number, minute number or item id")
    pa.add_argument("text", metavar="TEXT")
    pa.add_argument("--question", action="store_true")
    pa.add_argument("--profile", default=None)

    p = sub.add_parser("markup", help="move your markup (or the chair's shared markup) between computers")
    markup_sub = p.add_subparsers(dest="markup_command", metavar="{export,import}", required=True)
    pe = markup_sub.add_parser("export", help="write your notes, questions, flags and highlights to a file")
    pe.add_argument("-o", "--output", required=True, metavar="FILE")
    pe.add_argument("--shared", action="store_true", help="only the chair's shared markup, for the panel")
    pe.add_argument("--profile", default=None)
    pi = markup_sub.add_parser("import", help="merge a markup file (newer edits win)")
    pi.add_argument("file", metavar="FILE")
    pi.add_argument("--json", action="store_true")

    p = sub.add_parser("profile", help="who uses this copy: name and role")
    p.add_argument("name", nargs="?", help="set the profile's name (omit to show it)")
    p.add_argument("--role", choices=["councillor", "chair", "clerk"], default="councillor")

    p = sub.add_parser("notes", help="notes and questions on a meeting's items")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="export a briefing pack, the monitoring report or the meeting calendar")
    export_sub = p.add_subparsers(dest="export_command", metavar="{briefing,monitoring,ics}", required=True)
    pe = export_sub.add_parser("briefing", help="a member's briefing pack for a meeting (PDF)")
    pe.add_argument("meeting", metavar="MEETING", help="meeting id, or its date YYYY-MM-DD")
    pe.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    pe.add_argument("--profile", default=None, help="whose notes and questions (default: this copy's profile)")
    pe.add_argument("--panel", action="store_true",
                    help="the whole panel's briefing: shared markup only, no private notes")
    pe.add_argument("--with-reports", action="store_true", help="append each item's own report pages")
    pe.add_argument("--items", metavar="7,8", help="only these agenda items (agenda numbers, comma-separated)")
    pe = export_sub.add_parser("monitoring", help="the Scrutiny Monitoring appendix for a meeting (PDF)")
    pe.add_argument("meeting", metavar="MEETING", help="meeting id, or its date YYYY-MM-DD")
    pe.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    pe = export_sub.add_parser("ics", help="every meeting as an iCalendar file")
    pe.add_argument("-o", "--output", required=True, metavar="FILE.ics")

    p = sub.add_parser("sample", help="load the sample panel (Southampton's Children and Families Scrutiny Panel)")
    p.add_argument("--remove", action="store_true", help="remove the sample panel instead")
    p.add_argument("--export-markup", metavar="FILE",
                   help="with --remove: first write your notes, questions, flags and highlights on it to FILE")
    p.add_argument("--discard-markup", action="store_true",
                   help="with --remove: remove your markup on the sample panel too")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="write a verified copy of the database")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: the backups folder)")

    p = sub.add_parser("restore", help="replace the database with a verified backup (the current one is kept aside)")
    p.add_argument("file", metavar="FILE")
    parser.command_names = set(sub.choices)
    return parser


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
