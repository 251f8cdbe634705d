"""The SQLite store: the only place that knows the schema and holds SQL.

- ``db``, ``store``: opening the database, ``transaction()`` (sqlite-utils' table
  writes nest in it as savepoints), the ``Store`` a process works with;
- ``schema``: versioned migrations; ``health``, ``sessions``, ``backup``: checks,
  recovery, session markers, backups and restores;
- ``writer``: what an import writes (committees, meetings, items, resolutions,
  recommendations), merged from every document's facts (``facts``, ``matching``);
- per subject: ``documents`` (a document, its pages and glossary), ``recs``,
  ``markup`` (profiles, notes, marks, highlights, tombstones), ``news`` (what a
  sync found changed, read and unread), ``queries`` (the
  listings), ``briefing_queries``, ``desktop_queries``, ``earlier_recs``,
  ``sample_data``, ``calendar_view`` (the calendar's first view, read before the
  store is opened) with ``meeting_rows``; ``search`` and ``indexer`` for full-text search; ``blobs``
  for the content-addressed files;
- ``rows``: the typed shapes of the rows handed out.

The names below are imported on first use (PEP 562), so that a module of the
package that needs only the standard library (``calendar_view``, read before
the store is opened) does not bring sqlite-utils and the rest in with it.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from panelbook.store.db import StoreBusy, transaction
    from panelbook.store.schema import StoreTooNew
    from panelbook.store.store import Store

__all__ = ["Store", "StoreBusy", "StoreTooNew", "transaction"]

_WHERE = {"Store": "store", "StoreBusy": "db", "StoreTooNew": "schema", "transaction": "db"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(f"panelbook.store.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'panelbook.store' has no attribute {name!r}")
