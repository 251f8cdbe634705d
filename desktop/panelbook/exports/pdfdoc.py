"""A platypus document that records its outline and reserved pages while it lays out.

Headings carry a ``_pb_bookmark`` (title, level, key) and reserved
report-page slots a ``_pb_slot``; after layout, ``outline`` and ``slots`` say
on which page each landed, so ``assemble`` can put the report pages in and
write the outline with pypdf.

Confidential content sits between ``ConfidentialBegin()`` and
``ConfidentialEnd()``: every page on which something of it is drawn (a
paragraph, a table, a split part of one, a reserved report page) is in
``marked_pages``, and the canvas's ``marked`` is set for it, so the protective
marking lands on exactly the pages that carry confidential text.

A layout can be cancelled (the desktop's Cancel button): inside
``cancellable(check)``, every document checks ``check()`` after each flowable
and stops with ``ExportCancelled`` once it answers True.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, PageBreak

_cancelled: ContextVar[Callable[[], bool] | None] = ContextVar("panelbook_export_cancelled", default=None)


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


@contextmanager
def cancellable(check: Callable[[], bool]) -> Iterator[None]:
    """Lay out documents in this block so that they stop when ``check()`` becomes True."""
    token = _cancelled.set(check)
    try:
        yield
    finally:
        _cancelled.reset(token)


class Marker(Flowable):
    """A zero-size flowable: a place to hang a bookmark or a reserved page on."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def bookmark(flowable: Flowable, title: str, level: int, key: str) -> Flowable:
    """Mark ``flowable`` as the place of an outline entry (and named destination ``key``)."""
    flowable._pb_bookmark = (title, level, key)  # type: ignore[attr-defined]  # a mark on any flowable
    return flowable


def slot(pack_index: int) -> Marker:
    """A page reserved for page ``pack_index`` (0-based) of the pack PDF."""
    marker = Marker()
    marker._pb_slot = pack_index  # type: ignore[attr-defined]
    return marker


class NewPage(ActionFlowable):
    """A page break only when the current page already has something on it."""

    def __init__(self) -> None:
        super().__init__(("pageBreak",))

    def apply(self, doc: BaseDocTemplate) -> None:
        if not doc.frame._atTop:  # type: ignore[attr-defined]  # reportlab's own frame state
            doc.handle_pageBreak()


class ConfidentialBegin(ActionFlowable):
    """What follows, up to ``ConfidentialEnd``, is confidential: its pages are marked."""

    def __init__(self) -> None:
        super().__init__()

    def apply(self, doc: BaseDocTemplate) -> None:
        doc._pb_confidential = True  # type: ignore[attr-defined]  # read by RecordingDoc


class ConfidentialEnd(ActionFlowable):
    """The end of the confidential content begun by ``ConfidentialBegin``."""

    def __init__(self) -> None:
        super().__init__()

    def apply(self, doc: BaseDocTemplate) -> None:
        doc._pb_confidential = False  # type: ignore[attr-defined]


class RecordingDoc(BaseDocTemplate):
    """BaseDocTemplate that keeps (title, level, page index, key) per bookmark
    and (page index, pack page index) per reserved slot of the last pass, and the
    indexes of the pages that carry confidential content."""

    def beforeDocument(self) -> None:
        self.outline: list[tuple[str, int, int, str]] = []
        self.slots: list[tuple[int, int]] = []
        self.marked_pages: set[int] = set()
        self._pb_confidential = False

    def afterFlowable(self, flowable: Flowable) -> None:
        check = _cancelled.get()
        if check is not None and check():
            raise ExportCancelled()
        page = self.canv.getPageNumber() - 1
        # A page break's or an action's afterFlowable comes on the page after it: only what is drawn counts.
        if self._pb_confidential and not isinstance(flowable, ActionFlowable | PageBreak):
            self.canv.marked = True  # type: ignore[attr-defined]  # NumberedCanvas draws the marking
            self.marked_pages.add(page)
        info = getattr(flowable, "_pb_bookmark", None)
        if info:
            title, level, key = info
            self.canv.bookmarkPage(key)
            self.outline.append((title, level, page, key))
        index = getattr(flowable, "_pb_slot", None)
        if index is not None:
            self.slots.append((page, index))
