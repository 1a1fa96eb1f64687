"""Finding the places where a clause may start, before deciding which ones do.

A *marker* is a cheap, local observation ("a number token '(b)' after a semicolon at offset 812", "WHEREAS
at a line start"). The tree builder accepts or rejects markers by their sequence, so this module can be
generous: it only has to avoid what is never a clause start (cross-references, decimals, abbreviations).
Markers are found at block starts and, because real text often runs many clauses into one line (the CUAD
text files hold a page per line), after sentence ends inside blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..load._types import Block
from .headings import caps_heading
from .numbering import Reading, read_article, read_dotted, read_label, read_simple

# Where the marker stands, from most to least trustworthy.
WORD = 4  # Word automatic numbering: certain
BLOCK = 3  # start of a paragraph, or of a line after a line that ended a sentence
STRONG = 2  # inline, after a sentence end or a colon
WEAK = 1  # inline after ';' or ', and' or a line start mid-sentence: only continues an open list


@dataclass(slots=True)
class Marker:
    kind: str  # num | def | recital | recitals | operative | exhibit | signature | heading
    pos: int
    strength: int
    token_end: int = 0
    readings: list[Reading] = field(default_factory=list)
    block: int = -1
    list_level: int | None = None
    heading_level: int | None = None
    label: str | None = None
    follow_upper: bool = True
    #: where the clause starts when that is before the token (Markdown "## 1. Term" starts at the hashes)
    start: int | None = None
    #: found after a short non-sentence token ("CONFIDENTIAL 5. SALES"): a clause start only when it
    #: continues the top-level numbering (or opens it after a capitals title), see ``tree``
    top_only: bool = False
    #: a ``top_only`` number after a title in capitals, which may open the top-level numbering ("1.")
    opens_top: bool = False


_NUM_TOKEN = re.compile(
    r"""
    (?:
      (?P<article>(?:ARTICLE|Article)[ \t]+(?P<art>[IVXLC]{1,7}|\d{1,3}|[A-Z][a-z]{2,8}|[A-Z]{3,9})\b\.?)
    | (?P<section>(?:SECTION|Section|Sec\.|§)[ \t]*(?P<sec>\d{1,3}(?:\.\d{1,3})*)\.?)
    | (?P<dotted>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)(?![\d,])
    | \((?P<paren>[A-Za-z]{1,4}|\d{1,3})\)
    | (?P<half>[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)
    | (?P<dot>[A-Z]|[a-z]|[IVX]{2,5}|[ivx]{2,5})\.
    | (?P<bare>\d{1,2})(?=[ \t]+[A-Z][A-Z&,'\-]+(?:\s|$))
    )
    (?P<gap>[ \t\u00a0]+|\s*\n\s*)
    """,
    re.VERBOSE,
)
_UPPER_NEXT = re.compile(r"[A-Z\"'\u201c\u2018(\[\u00a7]")
_SIGNATURE = re.compile(r"IN WITNESS WHEREOF|In Witness Whereof|IN WITNESS THEREOF")
_RECITAL = re.compile(r"WHEREAS\b|Whereas,")
_RECITALS_HEADING = re.compile(r"(?:RECITALS|BACKGROUND|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H)\b[:.]?")
_OPERATIVE = re.compile(
    r"NOW,?\s+THEREFORE|Now,?\s+[Tt]herefore|IT IS (?:HEREBY )?AGREED|THE PARTIES (?:HEREBY )?AGREE|AGREEMENT\s*$"
)
_EXHIBIT = re.compile(
    r"(?P<word>EXHIBIT|Exhibit|SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM)"
    r"[ \t]+(?P<id>[A-Z0-9]{1,4}(?:[.\-][A-Z0-9]{1,3})?)\b"
)
DEFINITION_RE = re.compile(
    r"[\"\u201c](?P<term>[A-Z0-9][^\"\u201c\u201d\n]{0,80}?)[\"\u201d]\s*"
    r"(?:(?:,|or|and)\s*[\"\u201c][^\"\u201c\u201d\n]{1,60}[\"\u201d]\s*)*(?:\([^)\n]{0,60}\)\s*)?,?\s*"
    r"(?:shall\s+mean|means|mean|shall\s+have\s+the\s+meaning|has\s+the\s+meaning|shall\s+refer|refers\s+to|"
    r"is\s+defined|shall\s+include|includes|as\s+used\s+herein)\b"
)
# Inline positions: after a sentence end or colon (strong), or a semicolon / ", and" (weak).
_INLINE = re.compile(r"(?P<punct>[.:;]|,)(?P<close>[\"'\u201d\u2019)\]]*)(?P<ws>[ \t\u00a0]+|\s*\n\s*)(?P<conj>(?:and|or)\s+)?")
_ABBREVIATIONS = frozenset(
    "inc co corp ltd llc no nos u.s s.a n.a l.p l.l.c e.g i.e sec secs art arts para st mr mrs ms dr vs v "
    "p pp cf ch seq al etc jr sr bros dept fig op".split()
)
# A list of references ends the text before a number that is part of it: "under Sections 6, 7, and 9."
# Items are separated by at least a space or comma, so the repetition cannot split an item two ways.
_REFERENCE_ITEM = r"(?:\d[\w.()\-]*|\(\w{1,4}\)[\w.()\-]*|[A-Z]{1,4}\b[\w.()\-]*)"
_REFERENCE_WORDS = re.compile(
    r"\b(?i:sections?|articles?|clauses?|paragraphs?|subsections?|exhibits?|schedules?|items?|"
    r"parts?|annex(?:es)?|rules?|§§?)(?![A-Za-z])\s*"
    rf"(?:{_REFERENCE_ITEM}(?:[\s,]+(?:(?:and|or|through|to)\s+)?|$))*$"
)
#: how far back a list of references may begin ("Sections 2.1, 3.4(b), 5.6, 7.8 and 9.")
_REFERENCE_REACH = 80


def _token_readings(m: re.Match[str]) -> tuple[list[Reading], bool]:
    """Readings of a number token match, and whether it demands an upper-case word after it."""
    if m.group("article"):
        return read_article(m.group("art")), False
    if m.group("section"):
        return read_dotted(m.group("sec"), "section"), True
    if m.group("dotted"):
        return read_dotted(m.group("dotted")), True
    if m.group("paren"):
        return read_simple(m.group("paren"), "paren"), False
    if m.group("half"):
        return read_simple(m.group("half"), "half"), False
    if m.group("dot"):
        return read_simple(m.group("dot"), "dot"), True
    if m.group("bare"):
        return read_dotted(m.group("bare")), True
    return [], True


def _number_marker(text: str, pos: int, strength: int, block: int) -> Marker | None:
    m = _NUM_TOKEN.match(text, pos)
    if not m:
        return None
    readings, need_upper = _token_readings(m)
    if not readings:
        return None
    after = m.end()
    nxt = text[after : after + 1]
    follow_upper = bool(nxt) and bool(_UPPER_NEXT.match(nxt))
    if not nxt:
        return None
    if need_upper and not follow_upper and not nxt.isdigit() and not (strength >= BLOCK and nxt.isalpha()):
        return None  # "1. connectivity;" is a list item at a line start, "$1. million" inline is not
    if (m.group("section") or m.group("article")) and nxt == "(":
        return None  # "Section 8.1 (Liability Caps) does not apply": a reference opening a sentence
    if m.group("dot") and len(m.group("dot")) == 1 and text[after : after + 2].rstrip()[-1:] == ".":
        return None  # "A. B." initials
    return Marker(
        kind="num",
        pos=pos,
        strength=strength,
        token_end=m.end("gap") - len(m.group("gap")),
        readings=readings,
        block=block,
        follow_upper=follow_upper,
    )


#: How far past a marker position ``_structural_marker`` may look for the line end (it reads at most the
#: exhibit label and 80 characters after it).
_LINE_LOOKAHEAD = 160


def _structural_marker(text: str, pos: int, strength: int, block: int, line_end: int) -> Marker | None:
    """WHEREAS, IN WITNESS WHEREOF, EXHIBIT A, RECITALS, NOW THEREFORE, and quoted definitions.

    Reads ``text`` only up to ``min(line_end, pos + _LINE_LOOKAHEAD)``.
    """
    ch = text[pos : pos + 1]
    if not ch:
        return None
    if ch in "tT" and text.startswith(("the ", "The "), pos) and text[pos + 4 : pos + 5] in "\"\u201c":
        if DEFINITION_RE.match(text, pos + 4):
            return Marker(kind="def", pos=pos, strength=strength, token_end=pos, block=block)
        return None
    if ch in "\"\u201c":
        d = DEFINITION_RE.match(text, pos)
        if d:
            return Marker(kind="def", pos=pos, strength=strength, token_end=pos, block=block)
        return None
    if not ch.isupper():
        return None
    if _SIGNATURE.match(text, pos):
        return Marker(kind="signature", pos=pos, strength=strength, block=block)
    if _RECITAL.match(text, pos):
        return Marker(kind="recital", pos=pos, strength=strength, block=block)
    e = _EXHIBIT.match(text, pos)
    if e:
        rest = text[e.end() : min(line_end, e.end() + 80)]
        word = e.group("word")
        if word.isupper() or (strength >= BLOCK and not re.match(r"\s*[,;]|\s+(?:to|of|hereto|attached|and|or)\b", rest)):
            if strength >= BLOCK or word.isupper():
                return Marker(kind="exhibit", pos=pos, strength=strength, token_end=e.end(), block=block, label=e.group("id"))
    r = _RECITALS_HEADING.match(text, pos)
    if r and (strength >= BLOCK or text[r.end() : r.end() + 2].strip()[:1].isupper()):
        return Marker(kind="recitals", pos=pos, strength=strength, token_end=r.end(), block=block)
    o = _OPERATIVE.match(text, pos)
    if o and (not o.group().startswith("AGREEMENT") or strength >= BLOCK):
        return Marker(kind="operative", pos=pos, strength=strength, block=block)
    return None


def _previous_word(text: str, end: int) -> str:
    """The word ending just before ``end`` (the character at ``end`` is the sentence's final '.')."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:end].lower()


def find_markers(text: str, blocks: list[Block], *, line_mode: bool) -> list[Marker]:
    """All candidate clause starts in document order (at most one marker per position)."""
    markers: dict[int, Marker] = {}
    prev_end_char = ""
    for bi, block in enumerate(blocks):
        start, end = block.start, block.end
        if block.label:
            markers[start] = Marker(
                kind="num",
                pos=start,
                strength=WORD,
                token_end=block.label_end or start,
                readings=read_label(block.label),
                block=bi,
                list_level=block.list_level,
                label=block.label,
            )
        else:
            pos = start
            while pos < end and text[pos] in " \t\u00a0#*>-":
                pos += 1
            strength = BLOCK
            if line_mode and prev_end_char and prev_end_char not in ".:;!?)\"'\u201d\u2019]" and bi > 0:
                strength = WEAK
            mk = _number_marker(text, pos, strength, bi)
            if mk is not None and strength == WEAK and mk.follow_upper:
                mk.strength = BLOCK  # a wrapped cross-reference continues in lower case; a clause does not
            mk = mk or _structural_marker(text, pos, BLOCK, bi, end)
            if mk is None and block.heading_level is not None:
                mk = Marker(kind="heading", pos=pos, strength=BLOCK, block=bi)
            if mk is not None:
                mk.heading_level = block.heading_level
                if "#" in text[start:pos]:
                    mk.start = start
                markers[pos] = mk
        seg = text[start:end]
        prev_end_char = seg.rstrip()[-1:] if seg.strip() else prev_end_char
    _inline_markers(text, markers)
    return [markers[k] for k in sorted(markers)]


# A number right after a heading in capitals: "1 GRANT 1.1 Rights ...", "ARTICLE 5 TERM 5.1 ...".
# Found in two steps, each linear: a run of capitals words, then the last place in it followed by a number.
# One regex with the number as a lookahead after ``(?:[ \t]+WORD)*`` rescanned the rest of the run from
# every word when nothing followed it, so 80,000 characters of "ABC ABC ..." took 80 s.
# "[A-Z](?<!\w[A-Z])" is "\b[A-Z]" with the capital first, so the engine can skip to capitals at C speed
# (about 2.5x faster over CUAD text; same matches).
_CAPS_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z&'\u2019\-]{2,}(?:[ \t]+[A-Z][A-Z&'\u2019,\-]*)*")
_CAPS_RUN_WORD = re.compile(r"[^ \t]+")
_NUMBER_AHEAD = re.compile(r"\d{1,3}\.\d{1,3}|(?:SECTION|Section)\s+\d|\([a-zA-Z0-9]{1,4}\)\s")


def _after_caps_positions(text: str) -> list[int]:
    """Offsets of numbers that follow a run of capitals words, as the greedy regex
    ``CAPS(?:[ \t]+CAPS)*[.:]?[ \t]+(?=NUMBER)`` scanned left to right would find them.

    For the leftmost start of a run, the match ends at the *last* word of the run after which a number
    follows; any later start in the same run reaches a subset of those places, so when none works the
    scan resumes after the run instead of retrying from every word.
    """
    out: list[int] = []
    n = len(text)
    pos = 0
    while True:
        m = _CAPS_RUN.search(text, pos)
        if m is None:
            return out
        found = -1
        words = list(_CAPS_RUN_WORD.finditer(text, m.start(), m.end()))
        for k in range(len(words) - 1, -1, -1):
            j = words[k].end()
            if k == len(words) - 1 and j < n and text[j] in ".:":
                j += 1
            e = j
            while e < n and text[e] in " \t":
                e += 1
            if e > j and _NUMBER_AHEAD.match(text, e):
                found = e
                break
        if found >= 0:
            out.append(found)
            pos = found
        else:
            pos = max(m.end(), pos + 1)


# "[ * * * ] 4. MANUFACTURE", "CONFIDENTIAL 5. SALES", "3 2. GRANT OF RIGHTS" (a page number flattened into
# the line), "Miami, Florida 21. GOVERNING LAW": a top-level number after a short token that ends no
# sentence, then a heading in capitals. The lookbehind admits only the first blank of a run, so long runs
# of spaces are not rescanned.
_TOKEN_THEN_NUMBER = re.compile(r"(?<=[A-Za-z0-9\])])[ \t]+(?P<num>\d{1,3}\.)(?!\d)[ \t]+(?=[A-Z][A-Z&'\u2019\-]{2})")
_LAST_WORD = re.compile(r"(\S+)[ \t]+$")


def _after_token_markers(text: str, markers: dict[int, Marker]) -> None:
    """Top-level numbers that follow a short non-sentence token on the same line (``top_only`` markers)."""
    for m in _TOKEN_THEN_NUMBER.finditer(text):
        pos = m.start("num")
        if pos in markers:
            continue
        body = m.end()
        if caps_heading(text, body, min(len(text), body + 100)) is None:
            continue  # "Florida 21. DISTRIBUTOR shall": a sentence whose subject is in capitals
        if _REFERENCE_WORDS.search(text, max(0, pos - _REFERENCE_REACH), pos):
            continue  # "Section 21. GOVERNING LAW" cites; it does not start
        mk = _number_marker(text, pos, STRONG, -1)
        if mk is None or mk.kind != "num":
            continue
        mk.top_only = True
        word = _LAST_WORD.search(text, max(0, pos - 60), pos)
        # only a title in capitals ("AGREEMENT OF THE PARTIES 1. APPOINTMENT") may open the numbering
        mk.opens_top = word is not None and word.group(1).isupper() and any(c.isalpha() for c in word.group(1))
        markers[pos] = mk


def _inline_markers(text: str, markers: dict[int, Marker]) -> None:
    """Markers inside blocks: one pass over the whole text (the block loop only looks at block starts)."""
    n = len(text)
    for pos in _after_caps_positions(text):
        if pos < n and pos not in markers:
            mk = _number_marker(text, pos, STRONG, -1)
            if mk is not None:
                markers[pos] = mk
    for m in _INLINE.finditer(text):
        pos = m.end()
        if pos >= n or pos in markers:
            continue
        punct = m.group("punct")
        if punct == "." and not m.group("close"):
            word = _previous_word(text, m.start())
            if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        strength = STRONG if punct in ".:" and not m.group("conj") else WEAK
        if punct == "," and not m.group("conj") and text[pos : pos + 1] != "(":
            continue
        mk = _number_marker(text, pos, strength, -1)
        if mk is None and strength == STRONG:
            # bounded search: only the next ~100 characters are read, and an unbounded find on a text
            # without newlines made this loop quadratic (a 50 MB single line took minutes)
            line_end = text.find("\n", pos, pos + _LINE_LOOKAHEAD)
            if line_end < 0:
                line_end = min(n, pos + _LINE_LOOKAHEAD)
            mk = _structural_marker(text, pos, strength, -1, line_end)
        if mk is None:
            continue
        if mk.kind == "num" and strength == WEAK and _REFERENCE_WORDS.search(text, max(0, pos - _REFERENCE_REACH), pos):
            continue
        markers[pos] = mk
    _after_token_markers(text, markers)
