"""The ``panelbook`` command: the desktop with no arguments, the same use cases headless otherwise.

Exit status: 0 success; 2 bad arguments (including a meeting or item that does
not exist); 1 a document that cannot be read or a store that cannot be opened,
with one clear line on stderr and the store left exactly as it was.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from panelbook.cli.output import print_json, table
from panelbook.cli.parser import build_parser, files_mean_open
from panelbook.paths import data_folder


def _open_desktop(args: argparse.Namespace) -> int:
    missing = [name for name in args.files if not Path(name).is_file()]
    if missing:
        print(f"panelbook: {missing[0]}: no such file.", file=sys.stderr)
        return 2
    from panelbook.ui.shell.app import run_desktop

    return run_desktop(data_folder(args.home), files=args.files)


def main(argv: list[str] | None = None) -> int:
    """Run ``panelbook`` with ``argv`` (default: the process arguments); return the exit status."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(files_mean_open(argv, parser.command_names))
    if args.command is None:
        args.files = []
    if args.command in (None, "open"):
        return _open_desktop(args)
    from panelbook.cli import commands
    from panelbook.cli.errors import UsageError
    from panelbook.services.session import UNAVAILABLE, USER_ERRORS, fault_sentence

    bad_request: tuple[type[Exception], ...] = (UsageError, *USER_ERRORS)
    folder = data_folder(args.home)
    try:
        return commands.run(args, folder, print_json, table)
    except UNAVAILABLE as error:     # a document, or a store on a full, read-only or failing disk
        print(f"panelbook: {error}", file=sys.stderr)
        return 1
    except bad_request as error:
        print(f"panelbook: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:   # the reader of our output went away (`| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        print(f"panelbook: {fault_sentence(error, folder) or _os_error_line(error)}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a user never sees a traceback; the log keeps it
        log = _log_unexpected(args.home)
        where = f"details are in {log}" if log else "the details could not be written down"
        print(f"panelbook: something went wrong ({type(error).__name__}: {error}); "
              f"{where}. The command did not finish.", file=sys.stderr)
        return 1


def _os_error_line(error: OSError) -> str:
    """One line for a file outside the data folder that could not be read or written."""
    name = error.filename2 or error.filename
    reason = error.strerror or str(error)
    return f"{name}: {reason}." if name else f"{reason}."


def _log_unexpected(home: str | None) -> Path | None:
    """Append the current exception's traceback to the data folder's error log
    (None when even that cannot be written: a full or read-only disk)."""
    import traceback
    from datetime import datetime

    try:
        folder = data_folder(home).ensure()
        log = folder.root / "errors.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')} {' '.join(sys.argv[1:])}\n")
            handle.write(traceback.format_exc())
    except OSError:
        return None
    return log
