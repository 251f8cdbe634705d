"""Turning an imported file's bytes into text, with one clear error for what is not text."""
from __future__ import annotations

from panelbook.model import UnreadableDocument


def _bomless_utf16(sample: bytes) -> bool:
    """True for UTF-16 text saved without its byte-order mark: mostly-Latin
    text then has a zero byte in every other position, and only there."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 16:
        return False
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    return max(zero_even, zero_odd) > 0.4 and min(zero_even, zero_odd) < 0.05


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; Windows-1252 as a last
    resort for old Word exports.  Binary data is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableDocument("This file claims to be UTF-16 text but is damaged.") from None
    sample = data[:65536]
    if _bomless_utf16(sample):
        raise UnreadableDocument(
            "This file is UTF-16 text without a byte-order mark, so its encoding cannot be told for "
            "sure; save it as UTF-8 and import again."
        )
    # NUL bytes never occur in text: any near the start, or more than a stray
    # few anywhere (random bytes appended to a document), mean binary data.
    if b"\x00" in sample or data.count(b"\x00") > len(data) // 10_000:
        raise UnreadableDocument(
            "This file is not a PDF, a web page or text that Panelbook can read (it looks like binary data)."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableDocument(
            "This file's text is in an encoding Panelbook does not recognise; save it as UTF-8 and import again."
        ) from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > len(text[:65536]) / 100:
        raise UnreadableDocument(
            "This file is not a PDF, a web page or text that Panelbook can read (it looks like binary data)."
        )
    return text
