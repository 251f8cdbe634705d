"""A platypus document that records its outline and reserved pages while it lays out.

Headings carry a ``_pb_bookmark`` (title, level, key) and reserved
report-page slots a ``_pb_slot``; after layout, ``outline`` and ``slots`` say
on which page each landed, so ``assemble`` can put the report pages in and
write the outline with pypdf.
"""
from __future__ import annotations

from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable



class Marker(Flowable):
    """A zero-size flowable: a place to hang a bookmark or a reserved page on."""

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


def bookmark(flowable: Flowable, title: str, level: int, key: str) -> Flowable:
    """Mark ``flowable`` as the place of an outline entry (and named destination ``key``)."""
    flowable._pb_bookmark = (title, level, key)
    return flowable


def slot(pack_index: int) -> Marker:
    """A page reserved for page ``pack_index`` (0-based) of the pack PDF."""
    marker = Marker()
    marker._pb_slot = pack_index
    return marker


class NewPage(ActionFlowable):
    """A page break only when the current page already has something on it."""

    def __init__(self):
        super().__init__(("pageBreak",))

    def apply(self, doc):
        if not doc.frame._atTop:
            doc.handle_pageBreak()


class RecordingDoc(BaseDocTemplate):
    """BaseDocTemplate that keeps (title, level, page index, key) per bookmark
    and (page index, pack page index) per reserved slot of the last pass."""

    def beforeDocument(self):
        self.outline: list[tuple[str, int, int, str]] = []
        self.slots: list[tuple[int, int]] = []

    def afterFlowable(self, flowable):
        page = self.canv.getPageNumber() - 1
        info = getattr(flowable, "_pb_bookmark", None)
        if info:
            title, level, key = info
            self.canv.bookmarkPage(key)
            self.outline.append((title, level, page, key))
        index = getattr(flowable, "_pb_slot", None)
        if index is not None:
            self.slots.append((page, index))
