"""Turn the Word HTML that ModernGov hands out into clean plain text.

The web service returns agenda and minute text as entity-escaped Word HTML,
hard-wrapped mid-sentence and sometimes escaped twice.  Readers want plain
text that keeps what a reader of the page would see: one paragraph per block
(separated by a blank line), list items as "• " lines, and numbered Word
list paragraphs ("1.", "(i)") kept with their number as printed.
"""
from __future__ import annotations

import html as html_lib
import re

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import CData, Declaration, Doctype, NavigableString, ProcessingInstruction

from panelbook.model import UnreadableDocument
from panelbook.sources.textutil import clean

BULLET = "• "

_BLOCK_TAGS = frozenset(
    "address article aside blockquote caption dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th "
    "thead tr ul".split()
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title", "meta", "link", "xml", "o:p"))
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
# A real tag (not an escaped one): "<p", "</div", "<!--".
_REAL_TAG = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9:]*|/\s*[a-zA-Z]|!--)")
_ESCAPED_TAG = re.compile(r"&(?:amp;)*lt;\s*/?\s*[a-zA-Z]")
# What Word puts in an "mso-list:Ignore" span for a bullet (Symbol/Wingdings glyphs).
_BULLET_GLYPHS = re.compile(r"^[\u00b7\u2022\u25cf\u25aa\u25e6\uf0b7\uf0a7\u00a7o\-–*]$")
_MAX_ROUNDS = 4

# BeautifulSoup's tree building slows with depth times size, so a small page
# nested a hundred thousand levels deep would take hours.  Real pages, even
# with unclosed paragraphs, nest a few dozen levels.
MAX_NESTING = 1000
_TAG_START = re.compile(r"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9:_.-]*))")
_VOID_TAGS = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source spacer "
    "track wbr".split()
)
_ANY_TAG = re.compile(r"<[^<>]*>")
_RAW_TEXT_TAGS = frozenset(("script", "style"))
TOO_DEEP = ("This web page's markup is nested more than {limit:,} levels deep, far beyond any real "
            "page; Panelbook does not read it.")


def nesting_depth(html: str, stop_at: int | None = None) -> int:
    """How deep elements nest as html.parser builds them (unclosed tags stay
    open; an end tag closes up to its latest open match).  One linear scan;
    stops early once deeper than ``stop_at``."""
    lowered = html.lower()
    stack: list[str] = []
    open_counts: dict[str, int] = {}
    deepest = pos = 0
    while True:
        match = _TAG_START.search(html, pos)
        if match is None:
            break
        if match.group(1):
            end = html.find("-->", match.end())
            if end < 0:
                break
            pos = end + 3
            continue
        end = html.find(">", match.end())
        if end < 0:
            break
        pos = end + 1
        name = match.group(3).lower()
        if match.group(2):
            if open_counts.get(name):
                while stack:
                    top = stack.pop()
                    open_counts[top] -= 1
                    if top == name:
                        break
            continue
        if html[end - 1] == "/" or name in _VOID_TAGS:
            continue
        if name in _RAW_TEXT_TAGS:
            close = lowered.find(f"</{name}", pos)
            if close < 0:
                break
            pos = close
            continue
        stack.append(name)
        open_counts[name] = open_counts.get(name, 0) + 1
        if len(stack) > deepest:
            deepest = len(stack)
            if stop_at is not None and deepest > stop_at:
                break
    return deepest


def _soup(html: str) -> BeautifulSoup:
    """BeautifulSoup over html.parser, which rescans to the end of the text for
    every tag or comment still open there (thousands of them take minutes).
    After the last ">" nothing can close, so a "<" there is text: say so."""
    tail = html.rfind(">") + 1
    if "<" in html[tail:]:
        html = html[:tail] + html[tail:].replace("<", "&lt;")
    return BeautifulSoup(html, "html.parser")


def attribute(tag: Tag, name: str) -> str | None:
    """The text of a single-valued attribute (href, value), or None when the tag has none.

    bs4 types every attribute as maybe a list, for the few multi-valued ones
    (class, rel); were one of those asked for, its words come back as HTML
    writes them, separated by spaces.
    """
    value = tag.get(name)
    if value is None or isinstance(value, str):
        return value
    return " ".join(value)


def href(link: Tag) -> str:
    """The address of a link found by its href (KeyError when it has none, like ``link["href"]``)."""
    value = link["href"]
    return value if isinstance(value, str) else " ".join(value)


def parse_html(html: str) -> BeautifulSoup:
    """BeautifulSoup's tree of ``html``, refusing markup nested deeper than MAX_NESTING."""
    if nesting_depth(html, MAX_NESTING) > MAX_NESTING:
        raise UnreadableDocument(TOO_DEEP.format(limit=MAX_NESTING))
    return _soup(html)


def html_to_text(html: str) -> str:
    """Plain text of (possibly entity-escaped, possibly twice) HTML.

    Paragraphs are separated by a blank line, consecutive list items by a
    single newline; whitespace inside a paragraph is collapsed.
    """
    text = html or ""
    for _ in range(_MAX_ROUNDS):
        text = _unescape_until_tags(text)
        result = _blocks_to_text(_extract_blocks(text))
        # A payload escaped inside real tags ("<p>&lt;b&gt;...") shows its tags
        # only after one pass: go round again on what came out.
        if not _REAL_TAG.search(result) or result == text:
            return result
        text = result
    return result


def _unescape_until_tags(text: str) -> str:
    """Undo entity escaping while the string holds escaped tags but no real ones."""
    for _ in range(_MAX_ROUNDS):
        if _REAL_TAG.search(text) or not _ESCAPED_TAG.search(text):
            break
        text = html_lib.unescape(text)
    return text


def _extract_blocks(html: str) -> list[tuple[str, str]]:
    """Walk the parsed HTML into (prefix, text) blocks; prefix is "" or the bullet."""
    if nesting_depth(html, MAX_NESTING) > MAX_NESTING:
        # Too deep to build a tree quickly: keep the words, drop the markup.
        return [("", clean(html_lib.unescape(_ANY_TAG.sub(" ", html))))]
    soup = _soup(html)
    blocks: list[tuple[str, str]] = []
    buffer: list[str] = []
    prefix = [""]

    def flush() -> None:
        text = "\n".join(clean(part) for part in "".join(buffer).split("\n"))
        text = "\n".join(line for line in text.split("\n") if line)
        buffer.clear()
        if text:
            blocks.append((prefix[0], text))
            prefix[0] = ""

    # An explicit stack instead of recursion: deeply nested markup must not
    # exhaust Python's recursion limit.  "None" marks the end of a block.
    stack: list[object] = list(reversed(list(soup.children)))
    while stack:
        child = stack.pop()
        if child is None:
            flush()
            prefix[0] = ""
            continue
        if isinstance(child, _SKIP_STRINGS):
            continue
        if isinstance(child, NavigableString):
            buffer.append(str(child).replace("\n", " "))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in _SKIP_TAGS:
            continue
        if name == "br":
            buffer.append("\n")
            continue
        if _is_word_list_marker(child):
            marker = clean(child.get_text())
            if _BULLET_GLYPHS.match(marker):
                prefix[0] = BULLET
            elif marker:
                buffer.append(marker + " ")
            continue
        if name in _BLOCK_TAGS:
            flush()
            if name == "li":
                prefix[0] = BULLET
            stack.append(None)
        stack.extend(reversed(list(child.children)))

    flush()
    return blocks


def _is_word_list_marker(tag: Tag) -> bool:
    """Word's list numbers and bullets live in a span styled "mso-list:Ignore"."""
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "mso-list:ignore" in style


def _blocks_to_text(blocks: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    previous_bullet = False
    for prefix, text in blocks:
        is_bullet = prefix == BULLET
        if parts:
            parts.append("\n" if (is_bullet and previous_bullet) else "\n\n")
        parts.append(prefix + text)
        previous_bullet = is_bullet
    return "".join(parts)
