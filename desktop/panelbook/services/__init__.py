"""Use cases per subject: what the command line and the desktop both call.  No Qt here.

The rooms:

- ``imports``: read documents (pure, the slow part) and write them in one transaction;
- ``recs``: the recommendations tracker (changes under the clerk's lifecycle, added by hand);
- ``markup``: a member's profile, notes, questions, flags, highlights, and markup files;
- ``exports``: one briefing pack, monitoring report or calendar file, from plain parameters;
- ``sample``: the sample panel, loaded through the ordinary readers and removable.

Nothing is imported here: importing ``panelbook.services`` costs nothing, and each
caller names the room it uses.
"""
