"""The last step of a PDF export: report pages put into their reserved places,
the outline (bookmarks) and the document's metadata, with pypdf.

reportlab lays the briefing out with blank pages reserved where each item's
report goes, so its contents and "Page X of Y" already count them; here each
reserved page is swapped for the pack's own page, untouched but for the
protective marking stamped over its top and bottom edge when the page is a
confidential item's report.
"""
from __future__ import annotations

import io
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from reportlab.pdfgen.canvas import Canvas

from panelbook.exports.atomic import atomic_path
from panelbook.exports.pdfstyle import draw_marking


def _stamp(page: PageObject, marking: str) -> None:
    """Draw ``marking`` over the top and bottom of ``page`` (a pack page put into the briefing)."""
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    draw_marking(canvas, marking, width, height)
    canvas.showPage()
    canvas.save()
    overlay = PdfReader(buffer).pages[0]
    page.merge_translated_page(overlay, float(box.left), float(box.bottom))


def _internal_links(reader: PdfReader) -> list[tuple[int, int, int]]:
    """(page index, annotation index, target page index) of every link to a page of the same document."""
    index_of = {ref.idnum: n for n, page in enumerate(reader.pages) if (ref := page.indirect_reference) is not None}
    found = []
    for n, page in enumerate(reader.pages):
        for a, ref in enumerate(page.get("/Annots") or []):
            dest = ref.get_object().get("/Dest")
            if isinstance(dest, list) and dest and getattr(dest[0], "idnum", None) in index_of:
                found.append((n, a, index_of[dest[0].idnum]))
    return found


def assemble(laid_out: bytes, out_path: Path, *, outline: list[tuple[str, int, int, str]],
             slots: Sequence[tuple[int, int]] = (), pack_file: Path | None = None,
             metadata: dict[str, str] | None = None, marking: str | None = None,
             marked_pages: Collection[int] = ()) -> int:
    """Write the finished PDF to ``out_path`` (atomically) and return its page count.

    ``outline`` is (title, level, page index, key) in document order; ``slots``
    maps a page index of ``laid_out`` to a page index of ``pack_file``; a pack page
    put in a slot of ``marked_pages`` gets ``marking`` stamped on it (the laid-out
    pages carry theirs already).
    """
    briefing = PdfReader(io.BytesIO(laid_out))
    pack = PdfReader(str(pack_file)) if slots and pack_file else None
    by_page = dict(slots)
    links = _internal_links(briefing)
    writer = PdfWriter()
    for index, page in enumerate(briefing.pages):
        if pack is not None and index in by_page and by_page[index] < len(pack.pages):
            added = writer.add_page(pack.pages[by_page[index]])
            if marking and index in marked_pages:
                _stamp(added, marking)
        else:
            writer.add_page(page)
    # Pages keep their indexes (each reserved page is swapped one for one), so
    # the contents page's links are pointed at the finished document's pages.
    for page_index, annot_index, target in links:
        annots = cast(ArrayObject, writer.pages[page_index]["/Annots"])
        annotation = cast(DictionaryObject, annots[annot_index].get_object())
        cast(ArrayObject, annotation["/Dest"])[0] = writer.pages[target].indirect_reference
    parents: list[IndirectObject] = []
    for title, level, at, key in outline:
        del parents[level:]
        parent = parents[-1] if parents else None
        entry = writer.add_outline_item(title=title, page_number=at, parent=parent)
        parents.append(entry)
        # The contents page links to these names.
        writer.add_named_destination(key, at)
    writer.page_mode = "/UseOutlines"
    if metadata:
        writer.add_metadata({f"/{k}": v for k, v in metadata.items()})
    with atomic_path(out_path) as partial, partial.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)
