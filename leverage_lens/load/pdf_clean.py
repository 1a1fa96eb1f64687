"""Engine-independent PDF cleanup: from per-page text lines to the final text, pages and line blocks.

Both PDF engines (pdfium, pdfplumber) reduce a page to :class:`RawLine` objects in reading order; this
module does everything after that, so the engines agree on what the text looks like:

* characters: control characters, zero-width spaces and BOMs are dropped; soft hyphens (U+00AD, which
  some producers print as the hyphen) and pdfium's end-of-line hyphen mark (U+FFFE) become ``-``; tabs
  become spaces; lines are put in NFC and stripped. Nothing else changes (no NFKC: curly quotes,
  no-break spaces and ligatures stay as printed).
* running headers and footers and page numbers, when ``ParseOptions.strip_headers`` (see
  :func:`running_lines`).
* words hyphenated across lines are rejoined when the document itself vouches for the joined word
  (see :func:`hyphen_joins`).
* the text: lines joined with ``"\\n"``, pages with ``"\\n"``; each kept line is a ``Block(kind="line")``
  with its boxes, and each :class:`~leverage_lens.model.Page` covers exactly its lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field

from ..errors import DocumentTooLargeError, NoTextLayerError
from ..model import Box, Page, ParseWarning, Word
from ..options import ParseOptions
from ._types import Block, Loaded
from .pdf_furniture import furniture_lines, furniture_warning

__all__ = ["RawLine", "RawPage", "build_loaded", "clean_line", "hyphen_joins", "running_lines"]

#: (x0, y0, x1, y1) in PDF user space: points, origin bottom-left, y0 < y1.
Rect = tuple[float, float, float, float]


@dataclass(slots=True)
class RawLine:
    """One visual line of a page as an engine read it, before cleanup."""

    text: str
    boxes: tuple[Rect, ...] = ()
    bold: bool = False
    font_size: float | None = None


@dataclass(slots=True)
class RawPage:
    """One page: its size in points and its lines in reading order. ``has_text`` is False for a page
    without a single non-blank character (a scanned image or an empty page)."""

    number: int
    width: float
    height: float
    lines: list[RawLine] = field(default_factory=list)
    #: Nothing is drawn on the page (no page objects): OCR has nothing to read there.
    blank: bool = False
    #: The lines were read by OCR (:mod:`.ocr`), with this mean word confidence (0-1).
    ocr: bool = False
    ocr_confidence: float | None = None

    @property
    def has_text(self) -> bool:
        return any(line.text.strip() for line in self.lines)


# Characters that never belong in the text, and those that stand for a printed hyphen.
_TRANSLATE: dict[int, str | None] = {c: None for c in (*range(32), 0x7F, 0x200B, 0xFEFF)}
_TRANSLATE.update({0x09: " ", 0xAD: "-", 0xFFFE: "-"})
_SPECIAL = re.compile("[\x00-\x1f\x7f\u00ad\u200b\ufeff\ufffe]")


def clean_line(text: str) -> str:
    """The line's text as it will appear in the document: special characters mapped, NFC, ends stripped.

    NFC (canonical composition) folds look-alike singletons some PDF fonts map to, such as U+037E GREEK
    QUESTION MARK for ";", and composes accents; it never changes what a character means (unlike NFKC,
    which would rewrite ligatures, superscripts and no-break spaces).
    """
    if _SPECIAL.search(text):
        text = text.translate(_TRANSLATE)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.strip()


_WORD_BEFORE_HYPHEN = re.compile(r"([^\W\d_]+)-$")
_WORD_AFTER_BREAK = re.compile(r"[^\W\d_]+")


def hyphen_joins(lines: list[str], vocabulary: Container[str], hyphenated: Container[str]) -> list[bool]:
    """For each line, whether its final ``-`` is a line-break hyphen to drop, joining it to the next line.

    The rule is deliberately conservative, because most contracts reach us from word processors and
    browsers that break lines *after* real hyphens ("non-\\nexclusive", "third-\\nparty") and never
    hyphenate on their own: ``"agree-" + "ment"`` is joined only when the next line starts with a
    lower-case letter, the joined word ("agreement") occurs elsewhere in the document as one word, and the
    hyphenated form ("agree-ment") does not. Otherwise the hyphen and the line break are kept.
    """
    joins = [False] * len(lines)
    for i in range(len(lines) - 1):
        if not lines[i].endswith("-"):
            continue
        left = _WORD_BEFORE_HYPHEN.search(lines[i])
        if left is None:
            continue
        right = _WORD_AFTER_BREAK.match(lines[i + 1])
        if right is None or not right.group()[0].islower():
            continue
        head, tail = left.group(1).lower(), right.group().lower()
        if head + tail in vocabulary and f"{head}-{tail}" not in hyphenated:
            joins[i] = True
    return joins


_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _vocabulary(pages: list[list[RawLine]]) -> tuple[set[str], set[str]]:
    """Lower-cased words and hyphenated compounds printed within lines of the document."""
    words: set[str] = set()
    compounds: set[str] = set()
    for lines in pages:
        for line in lines:
            for token in _WORDS.findall(line.text.lower()):
                if "-" in token:
                    compounds.add(token)
                    words.update(token.split("-"))
                else:
                    words.add(token)
    return words, compounds


_LETTER = re.compile(r"[^\W\d_]")


class _Lexicon:
    """The words and compounds of the document, as :func:`_vocabulary` would collect them, looked up on demand.

    The hyphen rule asks about a few words per document (one per line ending in ``-``); scanning the text for
    those words is much cheaper than tokenising every line into sets. ``word in lexicon.words`` holds when
    the word is printed as a maximal run of letters (alone or as part of a compound), ``compound in
    lexicon.compounds`` when it is printed as a whole hyphenated token, exactly as membership in the sets of
    :func:`_vocabulary` would say."""

    def __init__(self, pages: list[list[RawLine]]) -> None:
        # Lines lower-cased one by one (as _vocabulary does) and joined by a line break, which no token spans.
        self._text = "\n".join(line.text.lower() for lines in pages for line in lines)
        self.words = _Lookup(self, compound=False)
        self.compounds = _Lookup(self, compound=True)

    def _letter_at(self, i: int) -> bool:
        return 0 <= i < len(self._text) and _LETTER.match(self._text, i) is not None

    def printed(self, token: str, compound: bool) -> bool:
        if not token or (compound != ("-" in token)) or not _WORDS.fullmatch(token):
            return False  # _vocabulary holds only tokens: hyphen-free words, and compounds with a hyphen
        text, n = self._text, len(token)
        pos = text.find(token)
        while pos >= 0:
            end = pos + n
            if compound:  # a whole token: not extended by letters, nor by "-letters", on either side
                ok = not self._letter_at(pos - 1) and not (text[pos - 1 : pos] == "-" and self._letter_at(pos - 2))
                ok = ok and not self._letter_at(end) and not (text[end : end + 1] == "-" and self._letter_at(end + 1))
            else:  # a maximal run of letters
                ok = not self._letter_at(pos - 1) and not self._letter_at(end)
            if ok:
                return True
            pos = text.find(token, pos + 1)
        return False


class _Lookup:
    def __init__(self, lexicon: _Lexicon, compound: bool) -> None:
        self._lexicon = lexicon
        self._compound = compound
        self._seen: dict[str, bool] = {}

    def __contains__(self, token: object) -> bool:
        if not isinstance(token, str):
            return False
        got = self._seen.get(token)
        if got is None:
            got = self._seen[token] = self._lexicon.printed(token, self._compound)
        return got


def _centered(box: Rect, left: float, right: float) -> bool:
    """A line is centred when it sits clearly inside the text column with equal margins on both sides."""
    gap_left, gap_right = box[0] - left, right - box[2]
    width = right - left
    if width <= 0 or gap_left < 0.05 * width or gap_right < 0.05 * width:
        return False
    return abs(gap_left - gap_right) <= max(6.0, 0.08 * width)


def _no_text_error(label: str, pages: list[RawPage], options: ParseOptions) -> NoTextLayerError:
    count = len(pages)
    what = "its only page" if count == 1 else f"any of its {count} pages"
    message = (
        f"{label} has no text layer on {what}: it is a scan (or holds only images), so there is no text to "
        "review"
    )
    if any(p.ocr for p in pages):
        return NoTextLayerError(message + "; OCR (Tesseract) found no text on it either")
    if options.ocr is False:
        return NoTextLayerError(message + "; parse it with ocr='auto' (the default) to read it with Tesseract")
    if options.pdf_engine != "pdfium":
        return NoTextLayerError(message + "; OCR runs with the default engine: parse it with pdf_engine='pdfium'")
    from .ocr_engine import install_hint, tesseract_missing

    missing = tesseract_missing()
    if missing is None:  # every page blank: nothing was drawn for OCR to read
        return NoTextLayerError(message + "; nothing is drawn on its pages")
    return NoTextLayerError(
        f"{message}. It needs OCR, but {missing}: {install_hint()}; or run OCR on it first "
        "(for example `ocrmypdf in.pdf out.pdf`) and parse the result"
    )


def count_chars(total: int, page: RawPage, options: ParseOptions, label: str, index: int, count: int) -> int:
    """Add a page's characters to ``total``, refusing the document as soon as it passes ``max_chars``.

    Both engines call this page by page, so an oversized PDF stops early instead of after extraction.
    """
    total += sum(len(line.text) + 1 for line in page.lines)
    if total > options.max_chars:
        raise DocumentTooLargeError(
            f"{label} yields more than the max_chars limit of {options.max_chars:,} characters "
            f"by page {index + 1} of {count}"
        )
    return total


def build_loaded(pages: list[RawPage], options: ParseOptions, label: str) -> Loaded:
    """Clean the engine's pages and assemble the final text, pages and line blocks.

    Raises :class:`NoTextLayerError` when no page has text; pages without text among pages with text give
    a ``pages_without_text`` warning naming them.
    """
    empty = [p.number for p in pages if not p.has_text]
    if len(empty) == len(pages):
        raise _no_text_error(label, pages, options)
    cleaned: list[list[RawLine]] = []
    for page in pages:
        kept = []
        for line in page.lines:
            text = clean_line(line.text)
            if text == line.text:
                kept.append(line)  # an OCR line keeps its word boxes (its words are cleaned already)
            elif text:
                kept.append(RawLine(text, line.boxes, line.bold, line.font_size))
        cleaned.append(kept)
    furniture: ParseWarning | None = None
    if options.strip_headers:
        heights = [p.height for p in pages]
        drop = running_lines(cleaned, heights)
        removed = furniture_lines(
            cleaned,
            lambda i, j: _edge_distance(cleaned[i][j], heights[i]),
            _same_height,
            drop,
        )
        if removed:
            texts = {}
            for key, places in removed.items():
                i, j = min(places)
                texts[key] = cleaned[i][j].text
                drop |= places
            furniture = furniture_warning(removed, texts)
        cleaned = [
            [line for j, line in enumerate(lines) if (i, j) not in drop] for i, lines in enumerate(cleaned)
        ]
    lexicon = _Lexicon(cleaned)  # looked up only for lines ending in "-"
    loaded = _assemble(pages, cleaned, lexicon.words, lexicon.compounds, empty)
    if furniture is not None:
        loaded.warnings.insert(0, furniture)
    if empty:
        note = _unread_pages_note(pages, options)
        if note:
            w = loaded.warnings[-1]
            loaded.warnings[-1] = w.model_copy(update={"message": w.message + note})
    return loaded


def _unread_pages_note(pages: list[RawPage], options: ParseOptions) -> str:
    """What to do about image pages left without text (OCR switched off or not installed), or ""."""
    if not any(not p.has_text and not p.blank and not p.ocr for p in pages):
        return ""
    if options.ocr is False:
        return "; parse with ocr='auto' to read them with Tesseract"
    if options.pdf_engine != "pdfium":
        return "; OCR reads them with the default engine (pdf_engine='pdfium')"
    from .ocr_engine import install_hint, tesseract_missing

    missing = tesseract_missing()
    return f"; OCR could read them, but {missing}: {install_hint()}" if missing else ""


def _assemble(
    pages: list[RawPage],
    cleaned: list[list[RawLine]],
    vocabulary: Container[str],
    compounds: Container[str],
    empty: list[int],
) -> Loaded:
    parts: list[str] = []
    offset = 0
    out_pages: list[Page] = []
    blocks: list[Block] = []
    for page, lines in zip(pages, cleaned):
        if lines and offset:
            parts.append("\n")
            offset += 1
        start = offset
        ocr_words: list[Word] = []
        texts = [line.text for line in lines]
        joins = hyphen_joins(texts, vocabulary, compounds)
        rects = [b for line in lines for b in line.boxes]
        # The text column: from the leftmost line to the rightmost, or to the mirror of the left margin
        # when no line reaches the right margin (a page of short lines).
        left = min((b[0] for b in rects), default=0.0)
        right = max(max((b[2] for b in rects), default=page.width), page.width - left)
        for j, line in enumerate(lines):
            text = texts[j][:-1] if joins[j] else texts[j]
            block = Block(start=offset, end=offset + len(text), kind="line", page=page.number)
            block.bold = line.bold
            block.font_size = line.font_size
            if line.boxes:
                block.boxes = tuple(_box(page.number, b) for b in line.boxes)
                only = line.boxes[0] if len(line.boxes) == 1 else None  # most lines: one row, no union
                block.centered = _centered(only if only is not None else _union(line.boxes), left, right)
            blocks.append(block)
            words = getattr(line, "words", None)
            if words:
                ocr_words.extend(_words(words, offset, len(text), page.number))
            parts.append(text)
            offset += len(text)
            if j < len(lines) - 1 and not joins[j]:
                parts.append("\n")
                offset += 1
        if page.ocr:
            out_pages.append(
                Page(number=page.number, start=start, end=offset, width=page.width, height=page.height,
                     ocr=True, ocr_confidence=page.ocr_confidence, words=ocr_words)
            )
        else:
            out_pages.append(
                Page(number=page.number, start=start, end=offset, width=page.width, height=page.height)
            )
    warnings = []
    if empty:
        listed = ", ".join(str(n) for n in empty)
        warnings.append(
            ParseWarning(
                code="pages_without_text",
                message=(
                    f"{len(empty)} of {len(pages)} pages have no text layer (page{'s' if len(empty) > 1 else ''} "
                    f"{listed}): they are blank or scanned images, and any text on them is missing"
                ),
                pages=empty,
            )
        )
    return Loaded(text="".join(parts), format="pdf", pages=out_pages, blocks=blocks, warnings=warnings)


_BOX_FIELDS = frozenset(Box.model_fields)
_FAST_BOX = not Box.__pydantic_post_init__ and not Box.__private_attributes__
_set = object.__setattr__


def _box(page: int, b: Rect) -> Box:
    """``Box(page=page, x0=b[0], y0=b[1], x1=b[2], y1=b[3])`` without validation when every coordinate is a
    float already (pdfium's), which is what validation would return: half the cost of a validated Box, for
    the tens of thousands of line boxes of a long PDF. Anything else (an int from OCR) is validated."""
    x0, y0, x1, y1 = b
    if _FAST_BOX and type(page) is int and type(x0) is float and type(y0) is float and type(x1) is float and type(y1) is float:
        box = Box.__new__(Box)
        _set(box, "__dict__", {"page": page, "x0": x0, "y0": y0, "x1": x1, "y1": y1})  # field order
        _set(box, "__pydantic_fields_set__", set(_BOX_FIELDS))
        _set(box, "__pydantic_extra__", None)
        _set(box, "__pydantic_private__", None)
        return box
    return Box(page=page, x0=x0, y0=y0, x1=x1, y1=y1)


def _words(words: list, offset: int, length: int, page: int) -> list[Word]:
    """OCR words of a line placed at ``offset`` in the text (a rejoined hyphen shortens the last one)."""
    out = []
    for w in words:
        end = min(w.end, length)
        if w.start < end:
            x0, y0, x1, y1 = w.rect
            out.append(Word(start=offset + w.start, end=offset + end, box=Box(page=page, x0=x0, y0=y0, x1=x1, y1=y1),
                            confidence=w.confidence))
    return out


def _union(rects: tuple[Rect, ...]) -> Rect:
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


# --- running headers, footers and page numbers -------------------------------------------------------

_EDGE = 3  # lines at each end of a page (in reading order) that may be running material
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_LETTERS = re.compile(r"[^\W\d_]")
_ROMAN = "(?:[ivxlc]{1,7}|[IVXLC]{1,7})"
_NUMBER = rf"(\d{{1,4}}|{_ROMAN})"
_DASH = "[-\u2010-\u2015]"
#: Page labels that say they are page numbers, accepted wherever they sit at a page's edge.
_EXPLICIT = re.compile(
    rf"(?i:page)\s*{_NUMBER}(?:\s+(?i:of)\s+\d{{1,4}})?|{_DASH}\s*{_NUMBER}\s*{_DASH}|{_NUMBER}\s+(?i:of)\s+\d{{1,4}}"
)
#: Bare labels ("7", "iv", "A-3"), accepted only when the numbering runs in step with the pages.
_BARE = re.compile(rf"{_NUMBER}|([A-Z]{{1,2}})\s?[-.\u2010-\u2015]\s?(\d{{1,3}})")
_ONES = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_TENS = ("", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc")
#: Well-formed Roman numerals 1-99, as front matter is numbered.
_ROMAN_NUMERALS = {_TENS[n // 10] + _ONES[n % 10]: n for n in range(1, 100)}


def _value(token: str) -> int | None:
    return int(token) if token.isdigit() else _ROMAN_NUMERALS.get(token.lower())


def _page_label(text: str) -> tuple[str, int] | None:
    """``("!", 0)`` for an explicit page label, ``(series, value)`` for a bare one, None for other text."""
    if _EXPLICIT.fullmatch(text):
        return ("!", 0)
    m = _BARE.fullmatch(text)
    if m is None:
        return None
    if m.group(1) is not None:
        value = _value(m.group(1))
        series = "#" if m.group(1).isdigit() else "roman"
    else:
        value, series = int(m.group(3)), m.group(2)
    return None if value is None else (series, value)


def _edges(lines: list[RawLine], count: int) -> set[int]:
    """Indices of the first and last ``count`` lines in reading order and of the top- and bottom-most lines."""
    n = len(lines)
    picked = set(range(min(count, n))) | set(range(max(0, n - count), n))
    top_j = bottom_j = -1
    top = bottom = 0.0
    for j, line in enumerate(lines):  # one pass; the first line wins a tie, as max()/min() with a key would
        boxes = line.boxes
        if not boxes:
            continue
        if len(boxes) == 1:
            hi, lo = boxes[0][3], boxes[0][1]
        else:
            hi, lo = max(b[3] for b in boxes), min(b[1] for b in boxes)
        if top_j < 0 or hi > top:
            top_j, top = j, hi
        if bottom_j < 0 or lo < bottom:
            bottom_j, bottom = j, lo
    if top_j >= 0:
        picked.add(top_j)
        picked.add(bottom_j)
    return picked


def _edge_distance(line: RawLine, height: float) -> float:
    """Distance from the line to the nearer page edge (bottom edge for the lower half), in points."""
    if not line.boxes or height <= 0:
        return 0.0
    y0 = min(b[1] for b in line.boxes)
    y1 = max(b[3] for b in line.boxes)
    return y0 if y0 + y1 < height else height - y1


def _same_height(found: list[tuple[float, int, int]], tolerance: float = 4.0) -> list[tuple[float, int, int]]:
    """The largest group of occurrences whose distances to the page edge agree within ``tolerance``."""
    ordered = sorted(found)
    best: list[tuple[float, int, int]] = []
    lo = 0
    for hi in range(len(ordered)):
        while ordered[hi][0] - ordered[lo][0] > tolerance:
            lo += 1
        if hi - lo + 1 > len(best):
            best = ordered[lo : hi + 1]
    return best


def _numbers_in_step(pages: list[list[RawLine]], found: list[tuple[float, int, int]]) -> bool:
    """Whether the numbers in recurring lines are constant (a date, "Exhibit 10.1") or count the pages.

    Numbers that change otherwise ("LT-13 Exchange Trust", "LT-17 ...") mark body text that merely looks
    alike, such as a series of templated signature pages.
    """
    offsets: set[tuple[int, ...]] = set()
    for _, i, j in found:
        offsets.add(tuple(int(n) - i if len(n) < 6 else int(n) for n in _DIGITS.findall(pages[i][j].text)))
    if len(offsets) == 1:
        return True
    values = {tuple(int(n) for n in _DIGITS.findall(pages[i][j].text)) for _, i, j in found}
    return len(values) == 1


def _running_key(text: str) -> str | None:
    """What a running header or footer has in common from page to page: its text with numbers masked."""
    if len(text) > 200 or len(_LETTERS.findall(text)) < 3:
        return None
    return _SPACES.sub(" ", _DIGITS.sub("#", text.lower()))


def running_lines(pages: list[list[RawLine]], heights: list[float] | None = None) -> set[tuple[int, int]]:
    """``(page index, line index)`` of running headers, footers and page numbers, to be removed.

    Conservative by design, because removing body text is worse than keeping a header:

    * a running header or footer is a line among the first or last three of a page (in reading order,
      or the top- or bottom-most line) whose text, with numbers masked, recurs in such a position and at
      the same height (within 4 points, measured from the nearer page edge) on at least three pages and
      on at least half of the pages; it must have three letters and at most 200 characters
      ("Source: ACME CORP, 10-K, 3/1/2011", "Supply Agreement - Page 4"), and its numbers must either
      stay the same or count the pages. The height, share and number tests keep signature blocks that
      repeat on consecutive signature pages.
    * a page number is the first or last line of a page (after removing the above), or its top- or
      bottom-most line, that is only a page label: "Page 2", "Page 2 of 11", "- 2 -", "2 of 11" always;
      bare labels ("7", "iv", "A-3") only when they run in step with the page sequence on two or more
      pages, or equal the page's own number.
    """
    drop: set[tuple[int, int]] = set()
    if len(pages) >= 3:
        seen: dict[str, list[tuple[float, int, int]]] = {}
        for i, lines in enumerate(pages):
            height = heights[i] if heights else 0.0
            for j in _edges(lines, _EDGE):
                key = _running_key(lines[j].text)
                if key is not None:
                    seen.setdefault(key, []).append((_edge_distance(lines[j], height), i, j))
        threshold = max(3, -(-len(pages) // 2))
        for places in seen.values():
            if len({i for _, i, _ in places}) >= threshold:
                cluster = _same_height(places)
                if len({i for _, i, _ in cluster}) >= threshold and _numbers_in_step(pages, cluster):
                    drop.update((i, j) for _, i, j in cluster)
    return drop | _page_numbers(pages, drop)


def _page_numbers(pages: list[list[RawLine]], drop: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Page-number lines at the edges of pages once the lines in ``drop`` are gone (see above)."""
    found: set[tuple[int, int]] = set()
    bare: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for i, lines in enumerate(pages):
        left = [j for j in range(len(lines)) if (i, j) not in drop]
        kept = [lines[j] for j in left]
        for k in _edges(kept, 1):
            label = _page_label(kept[k].text)
            if label is None:
                continue
            if label[0] == "!":
                found.add((i, left[k]))
            else:
                series, value = label
                bare.setdefault((series, value - (i + 1)), []).append((i, left[k]))
    for (series, offset), places in bare.items():
        if len({i for i, _ in places}) >= 2 or (offset == 0 and series in ("#", "roman")):
            found.update(places)
    return found
