"""Opening the store for one piece of work, and the errors a use case raises that
the person is told about in one sentence (the command line maps them to exit statuses).

``USER_ERRORS`` are bad requests (a meeting that does not exist, a move the tracker's rule
forbids, a markup file that is not one, a correction that cannot be made); ``UNAVAILABLE``
are a document or a store that cannot be used right now.  Either way nothing was changed.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from panelbook.model import UnreadableDocument
from panelbook.paths import DataFolder
from panelbook.services.confidential import ConfidentialError
from panelbook.services.corrections import CorrectionError
from panelbook.services.exports import ExportRequestError
from panelbook.services.markup import MarkupError
from panelbook.services.sync.errors import NotFollowed, SyncError
from panelbook.store import Store, StoreBusy, StoreTooNew
from panelbook.store.faults import StoreUnavailable, plain
from panelbook.store.queries import NotFound
from panelbook.tracker import InvalidTransition

USER_ERRORS: tuple[type[Exception], ...] = (NotFound, InvalidTransition, MarkupError, ExportRequestError,
                                            NotFollowed, CorrectionError)
UNAVAILABLE: tuple[type[Exception], ...] = (UnreadableDocument, StoreTooNew, StoreBusy, StoreUnavailable,
                                            SyncError, ConfidentialError)


@contextmanager
def open_store(folder: DataFolder) -> Iterator[tuple[Store, list[str]]]:
    """The store in ``folder``, open for the block, with the notices to pass on
    (a recovery from a backup, an unclean shutdown, an interrupted restore finished, a data
    folder in an unsafe place).  Why a store open read-only cannot be changed is
    ``store.read_only``, for the caller to say after reading (a refused write says it itself)."""
    with Store.open(folder) as store:
        restored = store.recovery.message if store.recovery and store.recovery.restored_from else None
        notices = [n for n in (restored, *store.notices, store.location_warning) if n]
        yield store, notices


def fault_sentence(error: OSError, folder: DataFolder) -> str | None:
    """The one sentence for an OSError that is a fault of the data folder's disk (full,
    read-only, forbidden, failing, gone), or None when it is about some other file."""
    fault = plain(error, folder.root)
    return None if fault is None else str(fault)
