"""Where a contract introduces its parties, and that stretch's text with its wrapped lines joined.

A careful reader finds the introductory clause ("This Agreement is made ... by and between A, B and C"),
reads it to its end (the recitals, or the first numbered clause) and ignores the rest of the page: defined
terms further down ("Video-on-Demand ("VOD")", "the Liquidity Price") are never parties. :func:`windows`
gives that stretch, with the title lines before its "between" (the *head*), and up to two further
"between"/"among" stretches (an amendment restating the original parties). :func:`join_wrapped` gives the
text with the line breaks a PDF put inside a sentence read as spaces, one for one, so "ARCONIC ROLLED
PRODUCTS\\nCORP." reads as one name while offsets stay those of ``Document.text``.
"""

from __future__ import annotations

import re

__all__ = ["windows", "join_wrapped", "starts", "sentence_end", "START", "PREAMBLE_END"]

START = re.compile(r"\b(?:by\s+and\s+(?:between|among)|between|among|BETWEEN|AMONG)\b:?", re.IGNORECASE)
PREAMBLE_END = re.compile(
    r"\b(?:WHEREAS|R\s?E\s?C\s?I\s?T\s?A\s?L\s?S|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|NOW,?\s+THEREFORE|BACKGROUND|"
    r"IN\s+CONSIDERATION|IN\s+WITNESS\s+WHEREOF|The\s+parties\s+(?:hereby\s+)?agree)\b"
    r"|(?:^|\n)[ \t]*(?:Whereas|Recitals|Background|Witnesseth|Now,?\s+[Tt]herefore|INTRODUCTION(?=[ \t]*\n)|PREAMBLE(?=[ \t]*\n))\b"
)
# The first numbered clause: "1. RIGHTS GRANTED", "1.\tEvents", "ARTICLE I", "Section 1.", "TABLE OF CONTENTS".
_FIRST_CLAUSE = re.compile(
    r"(?<!\S)(?:1\.[ \t]*[A-Z\t]|1\.1[ \t]|1\)[ \t]+[A-Z]|(?:ARTICLE|Article)[ \t]+(?:1|I|ONE)\b|"
    r"(?:SECTION|Section)[ \t]+1[.:\s]|TABLE[ \t]+OF[ \t]+CONTENTS|Table[ \t]+of[ \t]+Contents)"
)
_LINE_OPENING = re.compile(r"(?:\n|[ \t]{3})[ \t]*$")  # what must precede a clause number on its line
_GROUP_OR_NAME = re.compile(
    r"\([^()]{0,80}[\"\u201c\u2018'][^()]{0,80}\)|\b(?:Inc|LLC|Ltd|Corp|Corporation|Limited|Company|GmbH|"
    r"INC|LTD|CORP|CORPORATION|LIMITED|COMPANY)\b|[\[{][^\]}\n]{2,60}[\]}]"
)
#: A line at least this long was wrapped by the page, so its break is a space inside a sentence.
WRAPPED_LINE = 60
_INTRO_SCAN = 15000
_HEAD_MAX = 5000  # how far past the intro's start the recitals or first clause are looked for
_PREAMBLE_MAX = 3000


def starts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of :data:`START` matches in ``text[a:b]``, in order: found with ``str.find`` on the
    lower-cased stretch, several times faster than the case-blind pattern over 15,000 characters."""
    low = text[a:b].lower()
    hits = []
    for word in ("between", "among"):
        k = low.find(word)
        while k >= 0:
            e = k + len(word)
            if (k == 0 or not low[k - 1].isalnum()) and (e == len(low) or not low[e].isalnum()):
                hits.append((k, e))
            k = low.find(word, e)
    out = []
    for k, e in sorted(hits):
        by = _BY_AND.search(low, max(0, k - 12), k)
        out.append((a + (by.start() if by else k), a + e + (1 if low[e : e + 1] == ":" else 0)))
    return out


_NO_LIST = re.compile(r"\s*(?:them|themselves|us|you|itself|each\s+other|the\s+(?:parties|undersigned))\b", re.IGNORECASE)
_BY_AND = re.compile(r"\bby\s+and\s+$")


def _intro(text: str) -> tuple[int, int] | None:
    """The "between"/"among" that opens the introductory clause: the first one followed closely by a
    party-like thing (an alias group, a legal suffix, a blank), so a table of contents line is passed."""
    for s, e in starts(text, 0, min(len(text) // 2, _INTRO_SCAN)):  # a closing "between" is not an intro
        if _NO_LIST.match(text, e):
            continue  # "the agreement by and among them", "between the parties"
        if _GROUP_OR_NAME.search(text, e, min(len(text), e + 600)):
            return s, e
    made = _MADE_BY.search(text, 0, min(len(text), _MADE_BY_SCAN))
    if made is not None and _GROUP_OR_NAME.search(text, made.end(), min(len(text), made.end() + 400)):
        by = text.lower().rfind("by", made.start(), made.end())  # "is entered into by eGain Communications Corporation ("eGain") and ..."
        return (by if by >= 0 else text.lower().rfind("are", made.start(), made.end())), made.end()
    return None


# With no "between", the words that open the list of parties: "This Agreement ... is entered into by X and Y",
# "made this 1st day of May 2003 by X", even inside a first numbered clause ("1. Hosting Agreement. This ...").
_MADE_BY = re.compile(
    r"\b(?:This|THIS)\b[^;]{0,200}?\b(?:is|are|was|shall[ \t\n]+be)[ \t\n]+(?:hereby[ \t\n]+)?(?:made[ \t\n]+and[ \t\n]+)?"
    r"(?:entered[ \t\n]+into|made|executed)(?:[ \t\n]+(?:as[ \t\n]+of|on|this|effective)\b[^.;()\n]{0,60}?)?"
    r"[ \t\n]+by[ \t\n]+(?!and\b)"
    r"|\bThe[ \t\n]+parties[ \t\n]+(?:to|of)[ \t\n]+this[ \t\n]+\w+[ \t\n]+are[ \t\n,:]+", re.IGNORECASE)  # "The parties to this Agreement are X; Y"
_MADE_BY_SCAN = 6000  # past a table of contents


_FULL_STOP = re.compile(r"\.(?=[ \t]+[A-Z\u201c\"(\[]|[ \t]*\n)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_ABBREVIATIONS = frozenset(
    """inc corp ltd co llc lp l.p l.l.c n.a s.a plc no nos st mr mrs ms dr jr sr u.s esq etc vs ave blvd rd ste fl
    a/s b.v n.v s.r.l s.p.a pte pty gmbh ag bhd sdn int'l intl bros dept assoc natl cie s.a.s sa nv bv""".split())


def sentence_end(text: str, start: int, stop: int) -> int | None:
    """The first full stop ending a sentence in ``text[start:stop]``: not one closing an abbreviation
    ("Inc.", "Co.", "St.", "U.S.") or an initial ("John A. Smith")."""
    for m in _FULL_STOP.finditer(text, start, stop):
        w = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start())
        word = (w.group(1) if w else "").lstrip("(,\"\u201c").lower()
        if not word or word in _ABBREVIATIONS or len(word) == 1 or "." in word or word[-1].isdigit():
            continue
        return m.end()
    return None


def _end(text: str, start: int) -> int:
    """Where the stretch introducing the parties that starts at ``start`` ends."""
    stop = min(len(text), start + _HEAD_MAX)
    ends = [min(len(text), start + _PREAMBLE_MAX)]

    recitals = PREAMBLE_END.search(text, start, stop)
    if recitals is not None:
        ends.append(recitals.start())
    clause = _first_clause(text, start, min(ends))
    return min(ends) if clause is None else clause


_QUOTED_GROUP = re.compile(r"\([^()]{0,80}[\"\u201c\u2018][^()]{0,80}\)")


def _first_clause(text: str, start: int, stop: int) -> int | None:
    """The offset of the first numbered clause in ``text[start:stop]`` (a party listed as "1. Acme Data
    Corp., ... ("Acme")" is not one)."""
    for m in _FIRST_CLAUSE.finditer(text, start, stop):
        if m.start() > 0 and not _LINE_OPENING.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Section 1 of the Act" inside a sentence
        eol = text.find("\n", m.end())
        if not _GROUP_OR_NAME.search(text, m.end(), eol if eol >= 0 else len(text)):
            return m.start()
    return None


def windows(text: str) -> tuple[list[tuple[int, int, str]], int | None]:
    """The stretches that introduce the parties, each ``(start, end, label)``: first the opening words to
    the end of the introductory clause (``"preamble"``; what precedes its "between" is the head), then up
    to two further "between"/"among" stretches (``"later"``). Also the offset of the intro's "between"
    (None when the contract has none: "made by Acme ...", "THIS CERTIFIES that ...")."""
    intro = _intro(text)
    if intro is not None:
        clause = _first_clause(text, 0, intro[0])
        if clause is not None and _QUOTED_GROUP.search(text, 0, clause):
            intro = None  # "delivered by X (the "Founder") to Y": the "between" in clause 1 is no intro
    first_end = _end(text, intro[1] if intro else 0)
    wins: list[tuple[int, int, str]] = [(0, first_end, "preamble")]
    for s, e in starts(text, first_end, min(len(text), _INTRO_SCAN)) if first_end < _INTRO_SCAN else ():
        if s < wins[-1][1]:
            continue
        wins.append((s, _end(text, e), "later"))
        if len(wins) == 3:
            break
    return wins, intro[0] if intro else None


def join_wrapped(text: str, a: int, b: int) -> str:
    """``text`` with each line break in ``[a, b)`` that ends a wrapped line (one of at least
    ``WRAPPED_LINE`` characters) replaced by a space: the same length, so offsets are unchanged. Short
    lines (a title, one name per line on a title page) keep their breaks, which separate names."""
    k = text.find("\n", a, b)
    if k < 0:
        return text
    line_start = text.rfind("\n", 0, a) + 1
    soft: list[int] = []
    while k >= 0:
        if k - line_start >= WRAPPED_LINE:
            soft.append(k)
        line_start = k + 1
        k = text.find("\n", k + 1, b)
    if not soft:
        return text
    parts, prev = [], 0
    for k in soft:
        parts.append(text[prev:k])
        prev = k + 1
    parts.append(text[prev:])
    return " ".join(parts)
