"""RESOLVED blocks and discussion bullets in the minutes of one item.

Minutes reach us as PDF text (hard-wrapped lines, lost or private-use bullet
glyphs, "RESSOLVED" typos), as ModernGov page text ("  • " bullets, one
paragraph per line) or as HTML turned into text (a label alone on its line,
its sentence in the next paragraph).  Every reader that meets minutes uses
:func:`parse_resolutions` and :func:`split_minutes` so a resolution reads the
same whatever the source.

Decisions:
- A resolution keeps the council's wording; only line wraps are joined
  ("re-" + "referrals" -> "re-referrals").
- ``number`` is the printed label without punctuation ("1", "ii", "a");
  an inline "RESOLVED that ..." or an unlabelled "That ..." paragraph or a
  bullet has ``None``.
- A block ends at the first paragraph that is neither a labelled sub-point,
  nor a "That ..." paragraph, nor the continuation of an unfinished sentence
  (so "Voting: unanimous" after a sub-point is not part of it), or at a
  numbered capitalised heading (the next minute).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from panelbook.model import Resolution
from panelbook.sources.textutil import clean

# Bullet glyphs as extraction leaves them: private-use (Symbol font), •, ●, ▪, ◦, ➢, ·.
BULLET_RE = re.compile("^[\ue000-\uf8ff\u2022\u25cf\u25aa\u25e6\u27a2\u00b7\u2023\u2043]\\s*")

_KEYWORD_RE = re.compile(
    r"(?<![A-Za-z])(?:(?P<upper>R[A-Z]{5,9}D)|(?P<title>Resolved|Recommended)|(?P<resolved>resolved)(?=\s*:)"
    r"|(?P<agreed>AGREED|PENDERFYNWYD)|(?P<itwas>It was (?:unanimously |further )?agreed(?= that\b)))(?![A-Za-z])"
)
# What a title-case keyword must be followed by to be a heading, not prose.
_TITLE_FOLLOW_RE = re.compile(r"\s*(?:[:\u2013\u2014-]|[Tt]hat\b|\n|$)")
_AGREED_FOLLOW_RE = re.compile(r"\s*(?:[:\u2013\u2014-]|[Tt]hat\b|[Tt]o\b|\n|$)")
_AFTER_KEYWORD_RE = re.compile(r"[ \t\u00a0]*(?:[,:\u2013\u2014.-][ \t\u00a0]*(?:[\u2013\u2014-][ \t\u00a0]*)?)?")
# "39.6 The Committee ...": a numbered paragraph of the minutes, which ends a decision.
_PARAGRAPH_RE = re.compile(r"^\d{1,3}\.\d{1,2}\.?\s")
_FIRST_LABELS = frozenset({"1", "i", "a", "A", "I"})
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]

_LABEL_RE = re.compile(
    r"^(?:\((?P<paren>\d{1,2}|[ivx]{1,6}|[a-zA-Z])\)"
    r"|(?P<plain>\d{1,2}|[ivx]{1,6}|[a-z])(?:\)|\.(?![a-z0-9]\.|\d))|(?P<capital>[A-Z])\))"
    r"(?=\s|$|[A-Z])\s*"
)
_INTRO_RE = re.compile(r"^(?:that|THAT|That)?\s*:?\s*$|:\s*$")
_THAT_RE = re.compile(r"^(?:that|That|THAT)\b")
# A sentence is finished at . ; : ! ? (optionally closed by a bracket or quote),
# or at list glue such as "; and".
_FINISHED_RE = re.compile(r"(?:[.;:!?][)\"'\u2019\u201d]*|[;,]\s*(?:and|or))$")
_DISCUSSION_INTRO_RE = re.compile(
    r"(?i)(?:\bincluding|\bas follows|\bthe following(?: \w+)?)\s*:\s*$"
)
_ROMAN = set("ivx")
_MAX_HEADING = 300          # a minute's title is one short line
_BLOCK_WINDOW = 50_000      # no RESOLVED block runs longer; keeps huge input linear


def is_resolved_keyword(word: str) -> bool:
    """True for "RESOLVED", "RECOMMENDED" and one-slip typos such as "RESSOLVED"."""
    return word == "RECOMMENDED" or _edit_distance_at_most_one(word, "RESOLVED")


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (insert, delete, change or swap one letter)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def find_keyword(text: str, start: int = 0) -> re.Match[str] | None:
    """The next RESOLVED / RECOMMENDED heading in ``text`` from ``start``."""
    for match in _KEYWORD_RE.finditer(text, start):
        if match.group("upper"):
            if is_resolved_keyword(match.group("upper")):
                return match
        elif match.group("agreed"):
            # "AGREED:" or "AGREED that" heading its line (after a paragraph number at most)
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = text[line_start: match.start()].strip()
            if (not before or _label(before + " ")) and _AGREED_FOLLOW_RE.match(text, match.end()):
                return match
        elif match.group("resolved") or match.group("itwas") or _TITLE_FOLLOW_RE.match(text, match.end()):
            return match
    return None


def _follows(previous: str | None, number: str, style: str | None) -> bool:
    """Whether ``number`` may follow ``previous`` in one list (a slip of one number is allowed)."""
    if previous is None:
        return True
    if number.isdigit() and previous.isdigit():
        return int(previous) < int(number) <= int(previous) + 2
    if style == "roman" and number.lower() in _ROMANS and previous.lower() in _ROMANS:
        return _ROMANS.index(previous.lower()) < _ROMANS.index(number.lower()) <= _ROMANS.index(previous.lower()) + 2
    if len(number) == 1 and len(previous) == 1:
        return ord(previous.lower()) < ord(number.lower()) <= ord(previous.lower()) + 2
    return True


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines into one clean sentence; "re-" + "referrals" stay one word."""
    parts: list[str] = []
    for line in lines:
        line = clean(line)
        if not line:
            continue
        last = parts[-1] if parts else ""
        # A word broken by a hyphen at the line's end joins the next line without a space.
        if len(last) >= 2 and last[-1] == "-" and (last[-2].isalnum() or last[-2] == "_"):
            parts[-1] = last + line
        else:
            parts.append(line)
    return clean(" ".join(parts))


def _label(line: str) -> tuple[str, str] | None:
    """(label, rest) when a stripped line starts with a sub-point label."""
    match = _LABEL_RE.match(line)
    if not match:
        return None
    label = match.group("paren") or match.group("plain") or match.group("capital")
    return label, line[match.end():]


def _is_heading(text: str) -> bool:
    """A capitalised line such as "6. CHILDREN AND LEARNING - PERFORMANCE": the next minute."""
    if len(text) > _MAX_HEADING:
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def _successor(label: str | None) -> str | None:
    """The label that follows ``label`` in its list: "2" after "1", "iii" after "ii", "c" after "b"."""
    if not label:
        return None
    if label.isdigit():
        return str(int(label) + 1)
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    if label in romans[:-1] and label != "v" and label != "x":
        return romans[romans.index(label) + 1]
    if len(label) == 1 and label < "z":
        return chr(ord(label) + 1)
    return None


def _split_run_on(line: str, number: str | None) -> list[str]:
    """Split "1) That A. 2) That B." printed on one line at the successive labels."""
    parts: list[str] = []
    while number:
        successor = _successor(number)
        if successor is None:
            break
        match = re.search(rf"\s(\(?{successor}[.)])\s", line)
        if not match:
            break
        parts.append(line[: match.start()])
        line = line[match.start() + 1:]
        number = successor
    return [*parts, line]


def _resumes_at(lines: list[str], start: int, number: str | None) -> int | None:
    """Index of the next sub-point when only a short note ("Voting: unanimous")
    separates it from the previous one; None when the block has ended."""
    successor = _successor(number)
    if successor is None:
        return None
    seen = 0
    for index in range(start, min(len(lines), start + 12)):
        line = clean(lines[index])
        if not line:
            continue
        label = _label(line)
        if label:
            return index if label[0] == successor and not _is_heading(label[1]) else None
        seen += 1
        if seen > 3 or find_keyword(line):
            return None
    return None


def _style(label: str, current: str | None) -> str:
    if label.isdigit():
        return "digit"
    if set(label) <= _ROMAN and (current in (None, "roman") or len(label) > 1):
        return "roman"
    return "alpha"


@dataclass
class _Point:
    number: str | None
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    @property
    def ending(self) -> str:
        """How the text ends (its last two lines joined): enough to tell whether
        it is finished, without joining a long point again for every line."""
        return join_lines(self.lines[-2:])


class _Block:
    """The sub-points of one RESOLVED block as they are read line by line."""

    def __init__(self, stop_label: str | None = None) -> None:
        self.points: list[_Point] = []
        self.style: str | None = None
        self.broken = False          # a blank line since the last text line
        self.stop_label = stop_label  # the next paragraph's number when the keyword is in a numbered one

    @property
    def current(self) -> _Point | None:
        return self.points[-1] if self.points else None

    def take(self, line: str) -> bool:
        """Add one non-blank piece of text; False when it does not belong to the block."""
        current = self.current
        if _PARAGRAPH_RE.match(line) and self.points:
            return False
        bullet = BULLET_RE.match(line)
        label = None if bullet else _label(line)
        if label:
            number, rest = label
            if _is_heading(rest) or number == self.stop_label:
                return False
            kind = _style(number, self.style)
            if self.style is None and number not in _FIRST_LABELS:
                return False                    # "4. Mr X said ..." after "3. RESOLVED that ...": the next paragraph
            if self.style is None and current is not None and current.ending.endswith("."):
                return False                    # a finished decision, then a numbered list of discussion
            if self.style is not None and kind != self.style and current is not None:
                current.lines.append(line)      # a nested list: keep it in the sub-point
            elif self.style == kind and current is not None and not _follows(current.number, number, kind):
                return False                    # a number out of the list's order: the minutes go on
            else:
                self.style = self.style or kind
                self.points.append(_Point(number, [rest] if rest else []))
        elif bullet:
            if current is not None and self.style not in (None, "bullet"):
                if not current.ending.endswith(":"):
                    return False                # a bullet list after a numbered one: page text
                current.lines.append(line)
            else:
                self.style = self.style or "bullet"
                self.points.append(_Point(None, [line[bullet.end():]]))
        elif current is None:
            if not (_INTRO_RE.search(line) and not self.points):   # "that:" before a list
                self.points.append(_Point(None, [line]))
        elif not current.lines or not self.broken or not _FINISHED_RE.search(current.ending):
            current.lines.append(line)          # label alone on its line, or a wrapped sentence
        elif _THAT_RE.match(line) and not _is_heading(line):
            self.points.append(_Point(None, [line]))
        else:
            return False
        self.broken = False
        return True


def _read_block(lines: list[str], stop_label: str | None = None) -> tuple[list[Resolution], int]:
    """Read the sub-points of one block; return them and the index of the first unused line."""
    block = _Block(stop_label)
    index = 0
    while index < len(lines):
        line = clean(lines[index])
        if not line:
            block.broken = True
            index += 1
            continue
        bullet = BULLET_RE.match(line)
        if bullet and _label(line[bullet.end():]):
            line = line[bullet.end():]          # an HTML list item "• 1. That ..."
        label = _label(line)
        current = block.current
        hint = label[0] if label else (current.number if current else None)
        for piece in _split_run_on(line, hint):
            if not block.take(piece):
                resume = _resumes_at(lines, index, current.number if current else None)
                if resume is None:
                    return _finish(block.points), index
                index = resume
                break
        else:
            index += 1
    return _finish(block.points), len(lines)


def _finish(points: list[_Point]) -> list[Resolution]:
    return [Resolution(p.number, p.text) for p in points if p.text]


def _resolution_blocks(text: str) -> list[tuple[int, int, list[Resolution]]]:
    """Every RESOLVED block as (start offset, end offset, resolutions)."""
    blocks: list[tuple[int, int, list[Resolution]]] = []
    position = 0
    while True:
        match = find_keyword(text, position)
        if match is None:
            return blocks
        punctuation = _AFTER_KEYWORD_RE.match(text, match.end())     # may match nothing, never fails
        after = punctuation.end() if punctuation else match.end()
        lines = text[after: after + _BLOCK_WINDOW].split("\n")
        line_start = text.rfind("\n", 0, match.start()) + 1
        paragraph = _label(text[line_start: match.start()].strip() + " ")
        resolutions, used = _read_block(lines, _successor(paragraph[0]) if paragraph else None)
        end = after + sum(len(line) + 1 for line in lines[:used])
        end = min(end, len(text))
        blocks.append((match.start(), end, resolutions))
        position = max(end, match.end())


def parse_resolutions(text: str) -> list[Resolution]:
    """Every resolution sub-point in the minutes of one item, in printed order.

    Identical texts (a "Decision:" block repeated in the minutes) are kept once.
    """
    if not text:
        return []
    return _distinct(_resolution_blocks(text.replace("\r\n", "\n").replace("\r", "\n")))


def _distinct(blocks: list[tuple[int, int, list[Resolution]]]) -> list[Resolution]:
    """The resolutions of ``blocks`` in order, each identical one kept once."""
    out: list[Resolution] = []
    seen: set[tuple[str | None, str]] = set()
    for _, _, resolutions in blocks:
        for resolution in resolutions:
            key = (resolution.number, resolution.text)
            if key not in seen:
                seen.add(key)
                out.append(resolution)
    return out


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs of ``text`` with their hard wraps joined."""
    out: list[str] = []
    current: list[str] = []
    for raw in text.replace("\r", "\n").split("\n"):
        if clean(raw):
            current.append(raw)
        elif current:
            out.append(join_lines(current))
            current = []
    if current:
        out.append(join_lines(current))
    return [p for p in out if p]


def _discussion(lines: list[str]) -> tuple[list[str], int]:
    """Bullet points after an "including:" line; return them and the first unused line index.

    With glyphs (web text, most PDFs) a glyph starts a point and a later
    paragraph without one ends the list.  Without glyphs (lost in extraction)
    every paragraph, and every indented line, is a point.
    """
    glyphs = any(BULLET_RE.match(clean(line)) for line in lines if clean(line))
    points: list[list[str]] = []
    broken = True
    index = 0
    for index, raw in enumerate(lines):
        line = clean(raw)
        if not line:
            broken = True
            continue
        keyword = find_keyword(line)
        if keyword and keyword.start() == 0:
            return [join_lines(p) for p in points], index
        bullet = BULLET_RE.match(line)
        if glyphs:
            if bullet:
                points.append([line[bullet.end():]])
            elif points and not broken:
                points[-1].append(line)
            else:
                return [join_lines(p) for p in points], index
        elif broken or raw[:1].isspace() or not points:
            points.append([line])
        else:
            points[-1].append(line)
        broken = False
    return [join_lines(p) for p in points if join_lines(p)], len(lines)


def split_minutes(text: str) -> tuple[str, list[str], list[Resolution]]:
    """(prose before the RESOLVED block, discussion bullets, resolutions) of one item.

    The prose keeps the "discussed ... including:" line and any paragraph
    between the bullets and the block; paragraphs are joined by blank lines.
    """
    if not text or not text.strip():
        return "", [], []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _resolution_blocks(text)
    before = text[: blocks[0][0]] if blocks else text
    lines = before.split("\n")
    prose_lines: list[str] = []
    discussion: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        prose_lines.append(line)
        index += 1
        if not discussion and _DISCUSSION_INTRO_RE.search(clean(line)):
            prose_lines.append("")
            points, used = _discussion(lines[index:])
            discussion.extend(points)
            index += used
    prose = "\n\n".join(paragraphs("\n".join(prose_lines)))
    return prose, discussion, _distinct(blocks)   # the blocks found above, not searched for again
