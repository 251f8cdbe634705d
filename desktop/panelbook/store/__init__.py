"""The SQLite store: schema and migrations, writing, reading and full-text search."""

from .db import StoreBusy, transaction
from .schema import StoreTooNew
from .store import Store

__all__ = ["Store", "StoreBusy", "StoreTooNew", "transaction"]
