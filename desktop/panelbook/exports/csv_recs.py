"""The tracker as CSV, for clerks who keep a spreadsheet too."""
from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from panelbook.exports import atomic

COLUMNS = [
    ("id", "ID"), ("meeting_date", "Meeting date"), ("item_title", "Title"), ("text", "Action proposed"),
    ("owner", "Owner"), ("response", "Action taken"), ("status_text", "Progress status (as printed)"),
    ("status", "Status"), ("deadline", "Deadline"), ("overdue", "Overdue"), ("response_due", "Response due"),
    ("decision", "Panel decision"),
]


def write_recs_csv(rows: Sequence[Mapping[str, Any]], path: Path) -> Path:
    """UTF-8 with a byte-order mark so spreadsheet programs read £ and – correctly;
    written atomically (a failure leaves any earlier file at ``path`` as it was)."""
    with atomic.open_text(path, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([label for _, label in COLUMNS])
        for row in rows:
            writer.writerow(["yes" if row.get(key) is True else "" if row.get(key) in (None, False) else row[key]
                             for key, _ in COLUMNS])
    return path
