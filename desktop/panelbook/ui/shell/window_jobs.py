"""The jobs the main window sends to the database worker: the calendar's first view (read
before the store is opened), every meeting, and what opening the store has to tell the user."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from panelbook.paths import DataFolder
    from panelbook.store import Store


def early_calendar(folder: DataFolder) -> dict[str, Any] | None:
    """On the worker, before the store is opened: the calendar's first view, or None."""
    from panelbook.store.calendar_view import early_view
    from panelbook.store.schema import LATEST

    return early_view(folder.database, date.today(), LATEST)


def meetings(store: Store) -> list[dict[str, Any]]:
    from panelbook.store import queries

    return cast("list[dict[str, Any]]", queries.meetings(store.db))     # the window keeps rows as plain dicts


def store_notices(store) -> list[tuple[str, str]]:
    """On the worker: what opening the store has to tell the user, as (kind, text)."""
    notices = []
    if store.recovery is not None:
        notices.append(("warning", store.recovery.message))
    notices.extend(("info", text) for text in store.notices)
    if store.read_only and (store.recovery is None or store.read_only != store.recovery.message):
        notices.append(("warning", store.read_only))        # the banner: why nothing can be changed
    if store.location_warning:
        notices.append(("info", store.location_warning))
    return notices
