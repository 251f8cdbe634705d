"""How the command line prints: JSON for scripts, aligned columns for people."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence


def print_json(value: object) -> None:
    """Write ``value`` as indented JSON (the ``--json`` contract), keeping non-ASCII as it is."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def table(rows: Sequence[Sequence[object]]) -> None:
    """Print rows as left-aligned columns (the first row is the heading)."""
    if not rows:
        return
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())


PrintJson = Callable[[object], None]
PrintTable = Callable[[Sequence[Sequence[object]]], None]
