"""The SQLite store: the only place that knows the schema and holds SQL.

- ``db``, ``store``: opening the database, ``transaction()`` (sqlite-utils' table
  writes nest in it as savepoints), the ``Store`` a process works with;
- ``schema``: versioned migrations; ``health``, ``sessions``, ``backup``: checks,
  recovery, session markers, backups and restores;
- ``writer``: what an import writes (committees, meetings, items, resolutions,
  recommendations), merged from every document's facts (``facts``, ``matching``);
- per subject: ``documents`` (a document, its pages and glossary), ``recs``,
  ``markup`` (profiles, notes, marks, highlights, tombstones), ``queries`` (the
  listings), ``briefing_queries``, ``desktop_queries``, ``earlier_recs``,
  ``sample_data``; ``search`` and ``indexer`` for full-text search; ``blobs``
  for the content-addressed files;
- ``rows``: the typed shapes of the rows handed out.
"""

from panelbook.store.db import StoreBusy, transaction
from panelbook.store.schema import StoreTooNew
from panelbook.store.store import Store

__all__ = ["Store", "StoreBusy", "StoreTooNew", "transaction"]
