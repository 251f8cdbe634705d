"""The ``panelbook export`` sub-command: turns parsed arguments into one export."""
from __future__ import annotations

import argparse
from pathlib import Path


class ExportRequestError(Exception):
    """The export was asked for with arguments that do not fit together (exit status 2)."""


def run_export(store, args: argparse.Namespace) -> Path:
    """Run the export ``args.export_command`` names; return the file written."""
    raise ExportRequestError(f"Export '{args.export_command}' is not available yet.")
