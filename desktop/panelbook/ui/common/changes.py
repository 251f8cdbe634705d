"""What changed in the store: the flag carried by the worker's ``store_changed`` signal.

Its own module so that both the worker (which announces changes made by another
process) and ``store_op`` (which announces an operation's own) can use it.
Import it from ``panelbook.ui.common.store_op`` as everybody else does.
"""
from __future__ import annotations

import enum


class Change(enum.Flag):
    """What an operation changed in the store, so views know whether to refresh."""

    MEETINGS = enum.auto()
    ITEMS = enum.auto()
    DOCUMENTS = enum.auto()
    RECS = enum.auto()
    MARKUP = enum.auto()
    PROFILE = enum.auto()
    NEWS = enum.auto()          # What's new: entries recorded by a sync, or marked read
    ALL = MEETINGS | ITEMS | DOCUMENTS | RECS | MARKUP | PROFILE | NEWS
