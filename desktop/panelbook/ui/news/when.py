"""When something was found or synced, in this computer's time and in words (no store, no
services: the status bar uses it before the store is open)."""
from __future__ import annotations

from datetime import date, datetime


def found_at(at: str, today: date | None = None) -> str:
    """When a sync found an entry, in local time: "Today, 12:04", "Tue 1 Dec, 18:30" this year,
    "1 Dec 2025, 18:30" before; a stored time that cannot be read, as stored."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    local = moment.astimezone() if moment.tzinfo else moment
    today = today or date.today()
    if local.date() == today:
        return f"Today, {local:%H:%M}"
    if local.year == today.year:
        return f"{local:%a} {local.day} {local:%b}, {local:%H:%M}"
    return f"{local.day} {local:%b %Y}, {local:%H:%M}"
