"""Text of every page of a PDF, through QtPdf.

QtPdf (PDFium) reads Word-made council PDFs cleanly and fast, and needs no
application object.  Everything that can go wrong with a PDF ends here as one
``UnreadableDocument`` sentence, so readers above never see a Qt status code.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument

from panelbook.model import UnreadableDocument

NOT_A_PDF = "This file is not a PDF."
# Far beyond any council pack (the largest run to a few hundred pages); text
# is read page by page, so this bounds time and memory, not correctness.
MAX_PAGES = 10_000
EMPTY = "This file is empty."
DAMAGED = "This PDF is damaged or incomplete; download it again and import the new copy."
PASSWORD = "This PDF is password-protected; save an unprotected copy and import that."
NO_TEXT = (
    "This PDF has no text layer (it looks scanned); "
    "Panelbook needs the council's original PDF."
)

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c]")
# A pack footer: "Page 12" alone on a line (PDF text may glue it to the line before).
_FOOTER = re.compile(r"(?:^|\s)Page\s+(\d{1,4})\s*$", re.IGNORECASE)


def _read_bytes(source: str | Path | bytes | bytearray) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source)
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"This file cannot be opened ({error.strerror}).") from None


def _page_text(raw: str) -> str:
    """PDFium's page text with plain line breaks.  A hyphen that ends a printed
    line comes back as U+FFFE glued to the next line; it was printed as a
    hyphen at the end of a line, so it becomes one again."""
    return _LINE_BREAKS.sub("\n", raw).replace("\ufffe", "-\n")


def extract_pages(source: str | Path | bytes | bytearray) -> list[str]:
    """The text of each page, in PDF page order, with ``\\n`` line breaks.

    Raises UnreadableDocument for an empty file, something that is not a PDF, a
    damaged or truncated PDF, a password-protected PDF, or one with no text at all.
    """
    data = _read_bytes(source)
    if not data.strip():
        raise UnreadableDocument(EMPTY)
    if b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(NOT_A_PDF)
    array = QByteArray(data)
    buffer = QBuffer(array)          # must outlive the document's loading and reading
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        error = document.error()
        if error in (QPdfDocument.Error.IncorrectPassword, QPdfDocument.Error.UnsupportedSecurityScheme):
            raise UnreadableDocument(PASSWORD)
        if error != QPdfDocument.Error.None_ or document.status() != QPdfDocument.Status.Ready:
            raise UnreadableDocument(DAMAGED)
        count = document.pageCount()
        if count <= 0:
            raise UnreadableDocument(DAMAGED)
        if count > MAX_PAGES:
            raise UnreadableDocument(
                f"This PDF has {count:,} pages, over Panelbook's limit of {MAX_PAGES:,} for one document; "
                "import the council's separate agenda, reports and minutes instead."
            )
        pages = [_page_text(document.getAllText(i).text()) for i in range(count)]
    finally:
        document.close()
        buffer.close()
    if not any(page.strip() for page in pages):
        raise UnreadableDocument(NO_TEXT)
    return pages


def printed_page_number(page_text: str) -> int | None:
    """The printed "Page N" footer of a page, looked for in its last lines."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    for line in reversed(lines[-4:]):
        match = _FOOTER.search(line)
        if match:
            return int(match.group(1))
    return None
