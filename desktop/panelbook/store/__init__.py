"""The SQLite store: schema and migrations, writing, reading and full-text search."""

from panelbook.store.db import StoreBusy, transaction
from panelbook.store.schema import StoreTooNew
from panelbook.store.store import Store

__all__ = ["Store", "StoreBusy", "StoreTooNew", "transaction"]
