"""Stretches of text the parse is unsure of, where no drafting rule should report: tables of contents, running
headers and footers repeated on every page ("Source: ACME CORP, 10-K, 3/3/2017", "Page 4 of 20"), and
redaction notices ("[***] indicates material that has been omitted ..."), plus the redaction marks themselves.
Each is found once per document by a linear scan and answered by bisect (:func:`in_uncertain`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from ...analysis import Analysis
from ._index import Regions, lowered

__all__ = ["Uncertain", "in_uncertain", "uncertain"]


# -- uncertain stretches ---------------------------------------------------------------------------------------

_TOC_HEAD = re.compile(r"(?i:table\s+of\s+contents)|^[ \t#*]*(?:CONTENTS|Contents|INDEX)[ \t:]*$", re.MULTILINE)
_TOC_LINE = re.compile(r"[^\n]{2,150}?(?:\.{3,}|[ \t]{2,}|\t|\s\.\s)[ \t.]*(?:\d{1,3}|[ivxlc]{1,6})[ \t]*$")
_TOC_ENTRY_START = re.compile(r"[ \t]*(?:(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|SCHEDULE|Schedule|EXHIBIT|"
                              r"Exhibit|ANNEX|Annex|APPENDIX|Appendix)\b|\d{1,3}(?:\.\d{1,3})*\.?[ \t]|[IVX]{1,6}\.?[ \t]|"
                              r"[A-Z][A-Z ,&'\-]{3,}$)")
_PAGE_ONLY = re.compile(r"[ \t\-\u2013\u2014]*(?:(?:Page|PAGE|p\.)\s*)?#(?:\s*(?:of|/)\s*#)?[ \t\-\u2013\u2014]*")
_LABEL_ONLY = re.compile(r"[ \t]*(?:\(?#(?:\.#)*[.)]|\([a-zA-Z]{1,4}\)|[a-zA-Z][.)])[ \t]*")
_LEGEND_SRC = (
    r"confidential\s+treatment|omitted\s+and\s+filed|filed\s+separately|has\s+been\s+redacted|have\s+been\s+redacted|"
    r"(?:has|have)\s+been\s+omitted|redacted\s+material|certain\s+(?:identified\s+)?information\s+has\s+been\s+"
    r"(?:excluded|omitted)|indicates\s+(?:material|information)\s+that\s+has\s+been")
_LEGEND = re.compile(_LEGEND_SRC, re.IGNORECASE)
# The same on the lower-cased text (same offsets): a case-sensitive scan, five times faster.
_LEGEND_LOW = re.compile(r"(?=[cofhri])(?:" + _LEGEND_SRC + ")")
# The leading look-ahead names the two characters a mark starts with: the same matches, found faster.
_REDACTION_MARK = re.compile(r"(?=[\[*])(?:\[\s*(?:\*\s*){1,6}\]|\[\s*(?:REDACTED|Redacted|redacted)[^\]\n]{0,40}\]|\*{3,}|"
                             r"\[\s*\u2026\s*\*{3}\s*\u2026\s*\])")


_PAGE_END = frozenset("0123456789ivxlc")


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end == -1:
            end = n
        out.append((start, end))
        start = end + 1
    return out


def _toc_regions(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tables of contents: after a "Table of Contents" heading, the run of entry lines (blank lines allowed)
    that follows; and anywhere, a run of four or more entry lines ending in page numbers."""
    out: list[tuple[int, int]] = []
    # An entry line ends in a page number (digits or roman numerals, then spaces): tested first, as the
    # cheapest way to leave out the many lines that cannot be entries.
    is_entry = [3 < b - a <= 160 and text[a:b].rstrip(" \t")[-1:] in _PAGE_END
                and bool(_TOC_ENTRY_START.match(text, a, b)) and bool(_TOC_LINE.fullmatch(text, a, b))
                for a, b in lines]
    line_starts = [a for a, _ in lines]
    heads: dict[int, int] = {}  # line index -> offset of the heading in it
    for m in _TOC_HEAD.finditer(text):
        heads.setdefault(bisect_right(line_starts, m.start()) - 1, m.start())
    i = 0
    while i < len(lines):
        a, b = lines[i]
        if i in heads:
            h = heads[i]
            if b - h > 200:  # entries run on in the heading's line (text flattened): as far as they look like a list
                tail = min(b, h + 1500)
                if len(re.findall(r"\b\d{1,3}\b", text[h: h + 300])) >= 5:
                    out.append((h, tail))
                i += 1
                continue
            j, last, misses = i + 1, i, 0
            while j < len(lines) and misses <= 2:
                la, lb = lines[j]
                body = text[la:lb].strip()
                if not body:
                    j += 1
                    continue
                if is_entry[j]:
                    last, misses = j, 0
                elif not (len(body) <= 90 and _TOC_ENTRY_START.match(body) and not body.endswith(".")):
                    misses += 1  # a short heading line between entries neither ends nor extends the table
                j += 1
            out.append((h, lines[last][1]))
            i = last + 1
            continue
        if is_entry[i]:
            j, last, run = i + 1, i, 1
            while j < len(lines) and (is_entry[j] or not text[lines[j][0]:lines[j][1]].strip()) and j - last <= 3:
                if is_entry[j]:
                    last, run = j, run + 1
                j += 1
            if run >= 4:
                out.append((a, lines[last][1]))
            i = last + 1
            continue
        i += 1
    return out


# One entry of a table of contents flattened onto one line: "18.2 Indebtedness Secured 37".
_FLAT_ENTRY = re.compile(r"(?=[AS\dIVX])(?<!\S)(?:(?:ARTICLE|Article|SECTION|Section)[ \t]+)?(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,6}\.?)"
                         r"[ \t]+[A-Z][^\n\d.;:]{2,80}?[ \t]+\d{1,3}(?=\s|$)")


def _flat_toc_regions(text: str) -> list[tuple[int, int]]:
    """Runs of four or more flattened entries separated only by blanks."""
    out = []
    run_start, run_end, n = -1, -1, 0
    for m in _FLAT_ENTRY.finditer(text):
        if n and not text[run_end: m.start()].strip():
            run_end, n = m.end(), n + 1
            continue
        if n >= 4:
            out.append((run_start, run_end))
        run_start, run_end, n = m.start(), m.end(), 1
    if n >= 4:
        out.append((run_start, run_end))
    return out


def _furniture_regions(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Running headers and footers: short lines printed three times or more (digits ignored, so "Page 4 of
    20" and "Page 5 of 20" are one line), and lines that are only a page number. A clause number on a line
    of its own ("4." or "(a)") is not furniture."""
    norm: list[str | None] = []
    for a, b in lines:
        if b - a > 120 or b == a:
            norm.append(None)
            continue
        s = " ".join(re.sub(r"\d+", "#", text[a:b]).split())
        norm.append(s if len(s) >= 1 and not _LABEL_ONLY.fullmatch(s) else None)
    counts = Counter(s for s in norm if s)
    out = []
    for (a, b), s in zip(lines, norm):
        if s is None:
            continue
        if _PAGE_ONLY.fullmatch(s) or (counts[s] >= 3 and len(s) >= 4 and re.search(r"[A-Za-z]", s)):
            out.append((a, b))
    return out


def _redaction_regions(ctx: Analysis) -> list[tuple[int, int]]:
    """Redaction notices (the sentence that says text was omitted) and the redaction marks themselves."""
    text = ctx.text
    out = [m.span() for m in _REDACTION_MARK.finditer(text)]
    seen: set[tuple[int, int]] = set()
    low = lowered(ctx)
    for m in (_LEGEND_LOW.finditer(low) if low is not None else _LEGEND.finditer(text)):
        s, e = ctx.sentence_bounds(m.start())
        s, e = max(s, m.start() - 400), min(e, m.end() + 400)
        if (s, e) not in seen:
            seen.add((s, e))
            out.append((s, e))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@dataclass(frozen=True)
class Uncertain:
    """The uncertain stretches of one document, by kind (each sorted and disjoint) and all together."""

    toc: Regions
    furniture: Regions
    redaction: Regions
    all: Regions

    def __contains__(self, pos: int) -> bool:
        return pos in self.all


def uncertain(ctx: Analysis) -> Uncertain:
    """The document's uncertain stretches, found once per analysis."""
    got = ctx.cache.get("ambiguity.uncertain")
    if got is None:
        text = ctx.text
        lines = _lines(text)
        toc = _merge(_toc_regions(text, lines) + _flat_toc_regions(text))
        furniture = _merge(_furniture_regions(text, lines))
        redaction = _merge(_redaction_regions(ctx))
        got = ctx.cache["ambiguity.uncertain"] = Uncertain(Regions(toc), Regions(furniture), Regions(redaction),
                                                           Regions(_merge(toc + furniture + redaction)))
    return got  # type: ignore[return-value]


def in_uncertain(ctx: Analysis, pos: int) -> bool:
    """Whether ``pos`` lies in a table of contents, a running header or footer, or a redaction notice."""
    return pos in uncertain(ctx)
