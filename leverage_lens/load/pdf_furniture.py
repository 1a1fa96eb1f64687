"""Repeated page furniture anywhere on the page: redaction notices, confidentiality legends, watermarks,
Bates numbers, running titles that the reading order puts mid-page.

:func:`.pdf_clean.running_lines` removes running headers and footers at a page's edges. Filings carry more:
"[***] Confidential treatment has been requested ... filed separately with the Commission" printed on every
page, sometimes as three lines in the middle of the text, or a "CONFIDENTIAL" stamp drawn where pdfium reads
it between two paragraphs. Left in the text, such a legend joins whatever clause it falls into, and a
confidentiality tag then fires on dozens of unrelated clauses.

A line is furniture when its text, numbers masked, recurs on at least three pages and at least half of them,
its numbers stay the same or count the pages (Bates numbers, "Page 4 of 12"), and either

* it is a *legend*: it speaks of confidential treatment, redaction, omission, the Commission, proprietary
  or privileged material, drafts, or is a run of redaction asterisks -- wherever it sits (a redaction
  footnote, "*** Omitted pursuant to a confidential treatment request", needs only three pages and a fifth
  of them: it is printed wherever something was redacted); or
* it sits at the same height on the page (within 4 points of the nearer edge) on at least that many pages:
  something printed on the page template, not the contract; or
* it is a page label ("Page 3 of 12") or a short title of two to twelve words found about once a page:
  EDGAR exhibits printed from HTML carry the original's page footers inside the flow of text, at no fixed
  height, and two-up printouts put two of them on a sheet.

What is never furniture, because removing contract text is worse than keeping a legend: lines that are
only a clause number or a structural heading ("ARTICLE 5", "Section 3", "2.1"), signature-block lines
("By:", "Name:", "Title:", "/s/", and lines within three lines of them), and lines repeated on template pages -- where repeated lines make up more
than half of the page on most of the pages a line recurs on (consecutive signature pages of a joint filing
agreement). Removals are reported (``furniture_removed``) with the texts and the pages, so a reader can
see what left the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..model import ParseWarning

__all__ = ["furniture_lines", "furniture_warning"]

_LEGEND = re.compile(
    r"confidential|redact|omitted|omission|commission|treatment|proprietary|privileged|\bdraft\b"
    r"|\bbates\b|\[\s*\*[\s*]*\]|\*\s*\*\s*\*",
)
_STRUCTURAL = re.compile(
    r"(?:(?:article|section|clause|part|schedule|exhibit|annex|appendix|attachment)\s*)?"
    r"[#ivxlc]*(?:[.\-][#ivxlc]+)*[.:)]?(?:\s*[-\u2013\u2014]\s*#)?"
)
_WORD = re.compile(r"[^\W\d_]+")
_PAGE_LABEL = re.compile(r"(?:page\s*[-\u2010-\u2015]?\s*#\s*[-\u2010-\u2015]?(?:\s*(?:of|/)\s*#)?|[-\u2010-\u2015]\s*#\s*[-\u2010-\u2015]|#\s+of\s+#|#\s*[|\u2502]\s*page)")
#: Longest running title (in words) accepted where it flows with the text instead of sitting at one height.
_FLOW_WORDS = 12
_SIGNATURE = re.compile(r"(?:by|name|title|its|date|signature|witness)\s*:|/s/|in witness whereof")

#: (distance to the nearer edge, page index, line index) of each occurrence of a key.
Place = tuple[float, int, int]


def furniture_lines(
    pages: list[list[object]],
    edge_distance: Callable[[int, int], float],
    same_height: Callable[[list[Place]], list[Place]],
    skip: set[tuple[int, int]],
) -> dict[str, set[tuple[int, int]]]:
    """Furniture (module notes) by masked text: ``(page index, line index)`` of each occurrence to drop.

    ``pages`` holds each page's lines (objects with ``.text``); lines in ``skip`` (already removed as
    running headers) are not looked at. The helpers are :mod:`.pdf_clean`'s, so both detectors measure
    heights alike.
    """
    count = len(pages)
    if count < 3:
        return {}
    threshold = max(3, -(-count // 2))
    # Every line's key in a few passes of C string code over the whole document (a Python call per line was
    # 4% of PDF parsing); the costlier tests then run only on the few keys that recur.
    at = [(i, j) for i, lines in enumerate(pages) for j in range(len(lines))]
    keys = _keys([line.text for lines in pages for line in lines])  # type: ignore[attr-defined]
    counts = Counter(keys)
    groups: dict[str, list[tuple[int, int]]] = {}
    for n in [n for n, key in enumerate(keys) if counts[key] >= 3]:
        groups.setdefault(keys[n].decode("utf-8", "replace"), []).append(at[n])
    seen: dict[str, list[Place]] = {}
    for key, at in groups.items():
        if len(key) > 600 or len({i for i, _ in at}) < 3:
            continue
        if (len(key) > 200 and not _LEGEND.search(key)) or len(_LETTER.findall(key)) < 3:
            continue
        if _STRUCTURAL.fullmatch(key) or _SIGNATURE.match(key):
            continue
        kept = [(edge_distance(i, j), i, j) for i, j in at if (i, j) not in skip]
        if kept:
            seen[key] = kept
    found: dict[str, list[Place]] = {}
    for key, places in seen.items():
        on = {i for _, i, _ in places}
        if len(on) < threshold:
            # a redaction footnote repeats wherever something was redacted: on three pages or more
            if len(on) >= 3 and len(on) >= 0.2 * count and _REDACTION.search(key) and _in_step(pages, places):
                found[key] = places
            continue
        if _PAGE_LABEL.fullmatch(key):  # "Page 3", "Page 3 of 12": two-up printouts put two on a sheet
            found[key] = places
            continue
        if not _in_step(pages, places):
            continue
        if _LEGEND.search(key):
            found[key] = places
            continue
        if 2 <= len(_WORD.findall(key)) and len(key.split()) <= _FLOW_WORDS and (
            _about_once_a_sheet(places) or _counts_pages(pages, places)
        ):
            found[key] = places  # a running title flowing with the text: once a page (twice when two-up)
            continue
        cluster = same_height(places)
        if len({i for _, i, _ in cluster}) >= threshold:
            found[key] = cluster
    found = {k: v for k, v in found.items() if _LEGEND.search(k) or not _in_signature_blocks(pages, v)}
    if not found:
        return {}
    per_page: dict[int, int] = {}
    for places in found.values():
        for _, i, _ in places:
            per_page[i] = per_page.get(i, 0) + 1
    crowded = {i for i, n in per_page.items() if n > 0.5 * (len(pages[i]) - sum(1 for p, _ in skip if p == i))}
    out: dict[str, set[tuple[int, int]]] = {}
    for key, places in found.items():
        on = {i for _, i, _ in places}
        if not _LEGEND.search(key) and len(on & crowded) > 0.5 * len(on):
            continue  # a template page (signature pages), not furniture
        out[key] = {(i, j) for _, i, j in places}
    return out


_NUMBER = re.compile(r"\d+")
_REDACTION = re.compile(
    r"confidential treatment|omitted pursuant|filed separately with|redacted|\[\s*\*[\s*]*\]\s*(?:=|indicates)"
)


_LETTER = re.compile(r"[^\W\d_]")


_MASK_BYTES = bytes.maketrans(b"0123456789", b"##########")


def _keys(texts: list[str]) -> list[bytes]:
    """:func:`_key` of each line as UTF-8 bytes, computed on all lines at once (lines hold no line breaks).

    Bytes, because ``bytes.translate`` and ``bytes.lower`` run at memory speed where ``str.translate`` of a
    text with one curly quote takes a dictionary lookup per character; digits, ASCII letters and ASCII
    spaces are single bytes in UTF-8, and no byte of a multi-byte character is one of them.
    """
    if not texts:
        return []
    joined = "\n".join(texts).encode("utf-8", "surrogatepass").lower().translate(_MASK_BYTES)
    while b"##" in joined:
        joined = joined.replace(b"##", b"#")
    return [b" ".join(k.split()) for k in joined.split(b"\n")]


def _key(text: str) -> str | None:
    """What a repeated line has in common from page to page: ASCII letters lower-cased, digit runs masked,
    ASCII spaces folded (lines of up to 600 characters: legends can be long when pdfium does not break
    them); the letter and length tests are made later, on the few keys that recur."""
    if len(text) > 600:
        return None
    return _keys([text])[0].decode("utf-8", "replace")


def _in_signature_blocks(pages: list[list[object]], places: list[Place]) -> bool:
    """Whether the line sits within three lines of a "By:"/"Name:"/"Title:" line on most of its pages: part of
    a signature block repeated on consecutive signature pages ("its general partner"), which is contract text."""
    near = 0
    for _, i, j in places:
        lines = pages[i]
        for k in range(max(0, j - 3), min(len(lines), j + 4)):
            key = _key(lines[k].text) if k != j else None  # type: ignore[attr-defined]
            if key is not None and _SIGNATURE.match(key):
                near += 1
                break
    return near > 0.5 * len(places)


def _in_step(pages: list[list[object]], places: list[Place]) -> bool:
    """Whether each number of the line, position by position, stays the same or counts pages.

    "Confidential - Page 3 of 49": the first number counts, the second stays. Counting means rising by
    one from each occurrence to the next in document order, mostly (pages may be missing); two-up and
    four-up printouts count two or four original pages on one sheet, so the PDF's own page index is not
    the measure. Numbers that change otherwise ("LT-13 Exchange Trust", "LT-17 ...") mark body text that
    merely looks alike.
    """
    ordered = sorted(places, key=lambda p: (p[1], p[2]))
    rows = [[int(n) for n in _NUMBER.findall(pages[i][j].text)] for _, i, j in ordered]  # type: ignore[attr-defined]
    if len({len(r) for r in rows}) != 1:
        return False
    for k in range(len(rows[0])):
        column = [r[k] for r in rows]
        if len(set(column)) == 1:
            continue
        steps = [b - a for a, b in zip(column, column[1:])]
        if min(steps) <= 0 or sum(1 for s in steps if s == 1) < 0.6 * len(steps):
            return False
    return True


def _counts_pages(pages: list[list[object]], places: list[Place]) -> bool:
    """Whether some number of the line changes from occurrence to occurrence (it passed :func:`_in_step`)."""
    numbers = {tuple(_NUMBER.findall(pages[i][j].text)) for _, i, j in places}  # type: ignore[attr-defined]
    return len(numbers) > 1


def _about_once_a_sheet(places: list[Place]) -> bool:
    """Once on most pages, or twice (two-up printouts), never more than four times on one page."""
    per_page: dict[int, int] = {}
    for _, i, _ in places:
        per_page[i] = per_page.get(i, 0) + 1
    counts = sorted(per_page.values())
    return counts[len(counts) // 2] <= 2 and counts[-1] <= 4


def furniture_warning(removed: dict[str, set[tuple[int, int]]], texts: dict[str, str]) -> ParseWarning:
    """The ``furniture_removed`` warning: how many lines, which texts (the first three), on which pages."""
    pages = sorted({i + 1 for places in removed.values() for i, _ in places})
    lines = sum(len(places) for places in removed.values())
    shown = "; ".join(repr(texts[k]) for k in list(removed)[:3])
    more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
    return ParseWarning(
        code="furniture_removed",
        message=(
            f"removed {lines} line(s) of page furniture repeated on {len(pages)} pages (legends, stamps, "
            f"running titles; not contract text): {shown}{more}"
        ),
        pages=pages,
    )
