"""``panelbook confidential setup|status|lock|unlock|recover``: the encrypted store of confidential papers."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from panelbook.cli.output import PrintJson, PrintTable
from panelbook.services import confidential

if TYPE_CHECKING:
    from panelbook.store import Store

SETUP_DONE = (
    "Confidential papers are set up: their encrypted store is ready and its key is in your keychain.\n"
    "Write down this recovery code and keep it apart from this computer. It is shown only this once;\n"
    "with it you can open your confidential papers on a new computer or after the keychain is reset:\n\n"
    "    {code}\n")


def confidential_command(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    action = args.confidential_command
    if action == "setup":
        code = confidential.set_up(store)
        print(SETUP_DONE.format(code=code))
        return 0
    if action == "lock":
        confidential.lock(store)
        print("Confidential papers are locked: their content is hidden until "
              "`panelbook confidential unlock`.")
        return 0
    if action == "unlock":
        confidential.unlock(store)
        print("Confidential papers are unlocked.")
        return 0
    if action == "recover":
        confidential.recover(store, " ".join(args.code))
        print("The key of your confidential papers is back in the keychain; they are unlocked.")
        return 0
    return _status(args, store, print_json)


def _status(args: argparse.Namespace, store: Store, print_json: PrintJson) -> int:
    state = confidential.status(store)
    if args.json:
        print_json({"status": state.value, "message": confidential.sentence(state),
                    "locked_by_user": confidential.is_locked_by_user(store)})
        return 0
    if state is confidential.VaultStatus.LOCKED and not confidential.is_locked_by_user(store):
        print("Confidential papers are set up; their key is in the keychain, and they open when needed.")
    else:
        print(confidential.sentence(state))
    return 0


def say_hidden(store: Store, what: str) -> None:
    """One line on stderr when confidential content was left out because it is locked."""
    state = confidential.open_unless_locked(store)
    if state in (confidential.VaultStatus.UNLOCKED, confidential.VaultStatus.NOT_SET_UP):
        return
    print(f"panelbook: note: {what} leaves out confidential papers: {_lower_first(confidential.sentence(state))}",
          file=sys.stderr)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
