"""Defined terms: where each is defined, how, and where it is used.

Three drafting styles are recognised, each a compiled pattern run once over the text:

* ``quoted``: a quoted term followed by a defining verb, as in a definitions section
  (``"Affiliate" means ...``, ``"Term" shall have the meaning ...``);
* ``means``: an unquoted capitalised term at the start of a sentence or clause followed by ``means``
  (``Confidential Information means ...``);
* ``parenthetical``: a quoted term inside brackets naming what precedes it
  (``Acme Corporation (the "Company")``, ``(hereinafter "Licensee")``, ``(collectively, the "Services")``).

The public entry point is :func:`find_definitions`; :func:`term_pattern` gives a compiled matcher for a set of
terms so other stages (parties, ambiguity checks) can find uses the same way. Uses are counted outside the
definition span itself, on whole words, case-sensitively: in contracts "Services" and "services" differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from ..model import Clause, Definition, Span
from .obligations import _LeafIndex

__all__ = ["QUOTE_CLOSE", "QUOTE_OPEN", "DefinitionSite", "definition_sites", "find_definitions", "term_pattern"]

QUOTE_OPEN = "\"\u201c\u201d'\u2018`"
QUOTE_CLOSE = "\"\u201d\u201c'\u2019"
_Q1 = "[\"\u201c\u201d\u2018`]{1,2}"
_Q2 = "[\"\u201d\u201c\u2019']{1,2}"
_TERM = r"[A-Z0-9][^\"\u201c\u201d\n]{0,80}?"

_QUOTED = re.compile(  # the look-ahead on an opening quote makes the scan twice as fast, same matches
    rf"(?=[\"\u201c\u201d\u2018`])(?<![\w(])(?P<q>{_Q1})(?P<term>{_TERM}){_Q2}\s*(?:\([^)]{{0,40}}\)\s*)?,?\s*"
    r"(?P<verb>shall\s+mean|means|mean|shall\s+have\s+the\s+meaning|has\s+the\s+meaning|"
    r"shall\s+include|includes|is\s+defined|refers\s+to|shall\s+refer\s+to)\b"
)
_MEANS = re.compile(
    r"(?:^|(?<=[\n.;:]\s)|(?<=\n)|(?<=\)\s))(?P<term>(?:[A-Z][\w\-]*\s){0,4}[A-Z][\w\-]*)\s+"
    r"(?P<verb>means|shall\s+mean)\b",
    re.MULTILINE,
)
_PAREN = re.compile(
    r"\((?P<body>[^()\n]{0,160}?(?:[\"\u201c\u201d][^\"\u201c\u201d\n]{1,80}[\"\u201d\u201c])[^()\n]{0,120}?)\)"
)
_QUOTED_IN_PAREN = re.compile(r"[\"\u201c\u201d](?P<term>[^\"\u201c\u201d\n]{1,80}?)[\"\u201d\u201c]")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[\"\u201c(]?[A-Z(])|\n\s*\n")


def term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One compiled alternation matching any of ``terms`` as a whole word (longest first), or None."""
    uniq = sorted({t for t in terms if t}, key=len, reverse=True)
    if not uniq:
        return None
    alt = "|".join(re.escape(t) for t in uniq)
    # The look-ahead on the terms' first characters lets the engine skip most positions at C speed (several
    # times faster than trying the look-behind and the alternation everywhere); the matches are the same.
    firsts = "".join(sorted({re.escape(t[0]) for t in uniq}))
    return re.compile(rf"(?=[{firsts}])(?<![\w\-])(?:{alt})(?![\w\-])")


def _clean_term(raw: str) -> str | None:
    term = raw.strip(" ,.;:" + QUOTE_OPEN + QUOTE_CLOSE)
    if not term or len(term) > 80 or not (term[0].isupper() or term[0].isdigit()):
        return None
    if len(term.split()) > 8:
        return None
    return term


def _definition_end(text: str, start: int, limit: int) -> int:
    m = _SENTENCE_END.search(text, start, min(limit, start + 3000))
    return m.start() if m else min(limit, start + 3000)


def find_definitions(text: str, clauses: Sequence[Clause] = ()) -> list[Definition]:
    """Every defined term in ``text``: the first definition of each term wins, in document order.

    ``clauses`` (document order) lets each definition name the innermost clause that holds it.
    """
    found: dict[str, tuple[int, int, int, int, str]] = {}

    def add(term: str | None, tstart: int, tend: int, dstart: int, dend: int, style: str) -> None:
        if term and term not in found:
            found[term] = (dstart, dend, tstart, tend, style)

    n = len(text)
    for m in _QUOTED.finditer(text):
        term = _clean_term(m.group("term"))
        add(term, m.start("term"), m.end("term"), m.start(), _definition_end(text, m.end(), n), "quoted")
    for m in _means_matches(text):
        term = _clean_term(m.group("term"))
        if term and term.split()[0] not in ("This", "The", "It", "Such", "Each", "Any", "That"):
            add(term, m.start("term"), m.end("term"), m.start(), _definition_end(text, m.end(), n), "means")
    for m in _PAREN.finditer(text):
        for q in _QUOTED_IN_PAREN.finditer(m.group("body")):
            term = _clean_term(q.group("term"))
            ts = m.start("body") + q.start("term")
            # The defined thing is what precedes the bracket in the same sentence.
            floor = max(0, m.start() - 400)  # bounded look-back: long texts may have no line break for pages
            back = max(text.rfind(". ", floor, m.start()), text.rfind("\n", floor, m.start()), m.start() - 400)
            add(term, ts, ts + len(q.group("term")), max(back + 1, 0), m.end(), "parenthetical")

    if not found:
        return []
    pattern = term_pattern(found)
    uses: dict[str, list[Span]] = {t: [] for t in found}
    if pattern is not None:
        for u in pattern.finditer(text):
            term = u.group(0)
            if term in uses:
                _, _, ts, te, _ = found[term]
                if not (ts <= u.start() < te):
                    uses[term].append(Span(start=u.start(), end=u.end(), label="use"))

    out = []
    leaves = _LeafIndex(clauses)  # terms come in document order: one sweep finds each innermost clause
    for term, (ds, de, ts, te, style) in sorted(found.items(), key=lambda kv: kv[1][2]):
        out.append(
            Definition(
                term=term,
                start=ds,
                end=de,
                term_span=Span(start=ts, end=te, label="term"),
                style=style,  # type: ignore[arg-type]
                clause_id=leaves.innermost(ts),
                uses=uses[term],
            )
        )
    return out


def _means_matches(text: str) -> list[re.Match[str]]:
    """``_MEANS`` matches, found by searching only the few hundred characters before each "mean".

    The pattern has no literal prefix, so a whole-text scan is slow; every match ends in "mean(s)" and its
    term is at most five words, so a window before each occurrence finds the same matches."""
    out: list[re.Match[str]] = []
    last_end = -1
    pos = text.find("mean")
    while pos >= 0:
        for m in _MEANS.finditer(text, max(last_end, pos - 300, 0), pos + 5):
            if m.start() >= last_end and m.start("verb") <= pos <= m.end("verb"):
                out.append(m)
                last_end = m.end()
        pos = text.find("mean", pos + 4)
    return out


class DefinitionSite(NamedTuple):
    """One place a term is defined. ``marker_start``/``marker_end`` cover what makes it a definition: the
    defining verb ("means", "shall have the meaning") for ``quoted`` and ``means``, the brackets for
    ``parenthetical``."""

    term: str
    start: int
    end: int
    style: str
    marker_start: int
    marker_end: int


def definition_sites(text: str) -> Iterator[DefinitionSite]:
    """Every place a term is defined, repeats included (``find_definitions`` keeps the first of each term), with
    the same patterns and term clean-up: for checks that compare definitions of one term (defined twice)."""
    for m in _QUOTED.finditer(text):
        term = _clean_term(m.group("term"))
        if term:
            yield DefinitionSite(term, m.start("term"), m.end("term"), "quoted", m.start("verb"), m.end("verb"))
    for m in _means_matches(text):
        term = _clean_term(m.group("term"))
        if term and term.split()[0] not in ("This", "The", "It", "Such", "Each", "Any", "That"):
            yield DefinitionSite(term, m.start("term"), m.end("term"), "means", m.start("verb"), m.end("verb"))
    for m in _PAREN.finditer(text):
        for q in _QUOTED_IN_PAREN.finditer(m.group("body")):
            term = _clean_term(q.group("term"))
            if term:
                ts = m.start("body") + q.start("term")
                yield DefinitionSite(term, ts, ts + len(q.group("term")), "parenthetical", m.start(), m.end())
