"""Refusing a PDF whose pages draw Form XObjects so many times that pdfium would abort the process.

What pdfium does: ``FPDF_LoadPage`` parses the whole page content, and every ``Do`` of a Form XObject
becomes its own page object holding its own parsed copy of the form's content, recursively (pdfium guards
against a form drawing itself, not against a form drawing another form many times). A form that draws
another form ten times, seven levels deep, is 10^7 form objects from a 2.6 KB file: about 1.8 KB of pdfium
memory each when the page loads, and as much again per character when its text page is built. When an
allocation fails pdfium does not return an error: it aborts the process (SIGABRT), which no ``try`` can
catch. The count of draws is known only after ``FPDF_LoadPage`` has made them, and nothing in pdfium's API
tells it beforehand, so this module reads the file's structure itself, before pdfium sees a page:

1. **Screen** (every PDF, about 0.2 ms a page): find every stream object in the raw bytes (streams cannot
   sit inside compressed object streams, so none is hidden), inflate the Flate ones up to a cap and count
   their ``Do`` operators. Only a form that itself draws something, a stream this screen cannot read
   (another filter, encryption), or a content stream with more than ``_SCREEN_DO`` draws makes a file
   suspect; no CUAD PDF is.
2. **Count** (suspect files only): open the file with pdfminer (which decrypts and applies every filter),
   and for each page add up the form draws its content makes, each form's own draws included, memoised per
   form. A page over ``max_pdf_form_draws`` (default 10,000; the CUAD PDFs draw at most 4) refuses the file
   with :class:`DocumentTooLargeError` before pdfium loads anything.

The count is an upper bound: a ``Do`` whose operand cannot be read is charged as the costliest form of its
resources. A file pdfminer cannot read is left to pdfium (whose own errors are typed). For files from
untrusted sources, parsing in a separate process (``parse(..., isolate=True)``, and every ``scan`` worker)
remains the complete protection against pdfium's other failure modes.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import Any

from ..errors import DocumentTooLargeError
from ..options import ParseOptions

__all__ = ["check_form_draws", "form_draws_per_page", "screen"]

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_OBJ = re.compile(rb"obj\b")
_OBJ_NUMBERS = re.compile(rb"\d+\s+\d+\s+$")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
# Outside strings: '#' (an escaped name may spell /Form), '%' (a comment may hide a key), and a lone
# parenthesis (the slice began inside a string: the header found may be a fake one written in it).
_FORM_LIKE = re.compile(rb"/Subtype\s*(?:/Form\b|\d)|/BBox\b|[#%()]")
_STRING = re.compile(rb"\((?:\\.|[^\\()])*\)", re.DOTALL)
_FILTER = re.compile(rb"/Filter\s*(?:/(\w+)|\[\s*/(\w+)\s*\]|(\[|\d))")
_FONT_PROGRAM = re.compile(rb"/Length[123]\b|/Type\s*/(?:XRef|ObjStm|Metadata)\b")
# the operator Do as a token (a name "/Do" or a word "Done" is not one); what precedes it is checked in code,
# since a look-behind would cost the regex its fast literal search
_DO = re.compile(rb"Do(?=[\s/\[(<{%]|\Z)")
_REGULAR = frozenset(range(33, 127)) - frozenset(b"()<>[]{}/%")
_NAME_BEFORE = re.compile(rb"/([^\s/\[\]()<>{}%]*)\s*$")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_CONTENT_FILTERS = {b"FlateDecode", b"Fl"}
#: Inflating stops here: a content stream larger than this is refused by pdfium's own limits or is a bomb.
_INFLATE_CAP = 256 * 1024 * 1024
_WINDOW = 64 * 1024
_PIECE = 4 * 1024 * 1024
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_SPACE = frozenset(b" \t\r\n\f\x00")
_DIGITS = frozenset(b"0123456789")


def check_form_draws(data: bytes, options: ParseOptions, label: str) -> None:
    """Raise :class:`DocumentTooLargeError` when a page of ``data`` draws more than
    ``options.max_pdf_form_draws`` Form XObjects, counting the draws nested forms make."""
    limit = options.max_pdf_form_draws
    if not screen(data, limit):
        return
    worst = form_draws_per_page(data, options.password, limit)
    if worst is not None and worst[1] > limit:
        page, draws = worst
        raise DocumentTooLargeError(
            f"{label}: page {page} draws Form XObjects more than {limit:,} times once nested forms are expanded "
            f"(at least {draws:,}); pdfium would build every one in memory and abort when memory runs out. "
            "Refused as a decompression bomb (raise max_pdf_form_draws if the file is trusted)"
        )


def screen(data: bytes, limit: int) -> bool:
    """Whether ``data`` may make more than ``limit`` form draws on a page: only then is it counted exactly.

    A bound from the streams alone: one draw of a form costs at most ``d1 (1 + d2 (1 + d3 ...))`` draws,
    with the forms' ``Do`` counts in decreasing order (a form cannot draw itself, so each appears once in
    a chain), and a page makes at most (all content streams' ``Do``) times (1 + that) draws. Files without
    a form are cleared without inflating anything.
    """
    forms, others = _streams(data)
    if not forms:
        return False  # images drawn many times cost pdfium little; forms are what it expands
    counts = []
    for begin, dictionary in forms:
        draws = None if dictionary is None else _count_draws(data, begin, dictionary)
        if draws is None:  # a form we cannot read
            return True
        counts.append(draws)
    nested = 0
    for draws in sorted(counts):  # innermost (smallest) first
        nested = min(draws * (1 + nested), limit + 1)
    if nested > limit:
        return True
    total = 0
    for begin, dictionary in others:
        draws = _count_draws(data, begin, dictionary)
        if draws is None:
            return True
        total += draws
        if total * (1 + nested) > limit:
            return True
    return False


def _streams(data: bytes) -> tuple[list[tuple[int, bytes | None]], list[tuple[int, bytes]]]:
    """(data offset, dictionary) of the stream objects that may be forms, and of the other content streams.

    A stream's dictionary runs from the last object header before its ``stream`` keyword (within 64 KB).
    No header, or a dictionary holding a comment, an escaped name or a lone parenthesis (where a header or
    ``/Form`` could hide from these regexes) makes a form we cannot read (None): the exact count decides.
    """
    forms: list[tuple[int, bytes | None]] = []
    others: list[tuple[int, bytes]] = []
    previous_end = 0
    for m in _STREAM.finditer(data):
        start = m.start()
        if data[start - 3 : start] == b"end" or start < previous_end:
            continue
        end = data.find(b"endstream", m.end())
        previous_end = end if end >= 0 else len(data)
        header = _header_before(data, start)
        if header < 0:
            forms.append((m.end(), None))
            continue
        dictionary = _without_strings(data[header:start])
        if _FORM_LIKE.search(dictionary):
            forms.append((m.end(), dictionary))
        elif not (_IMAGE.search(dictionary) or _FONT_PROGRAM.search(dictionary)):
            others.append((m.end(), dictionary))
    return forms, others


def _header_before(data: bytes, at: int) -> int:
    """Where the dictionary after the last object header ("12 0 obj") before ``at`` starts; -1 if none is
    within 64 KB."""
    floor = max(0, at - _WINDOW)
    pos = data.rfind(b"obj", floor, at)
    while pos >= 0:
        if _header_at(data, pos):
            return pos + 3
        pos = data.rfind(b"obj", floor, pos)
    return -1


def _header_at(data: bytes, at: int) -> bool:
    """Whether the ``obj`` keyword at ``at`` ends an object header "12 0 obj"."""
    return at >= 4 and data[at - 1] in _SPACE and data[at - 2] in _DIGITS and \
        _OBJ_NUMBERS.search(data, max(0, at - 24), at) is not None


def _without_strings(dictionary: bytes) -> bytes:
    """``dictionary`` with its literal strings removed, innermost first (strings may nest parentheses)."""
    while b"(" in dictionary:
        stripped = _STRING.sub(b" ", dictionary)
        if stripped == dictionary:
            break
        dictionary = stripped
    return dictionary


def _count_draws(data: bytes, begin: int, dictionary: bytes) -> int | None:
    """``Do`` operators in the stream whose data starts at ``begin``; None if its filter is not plain Flate.

    Inflated a few megabytes at a time, so a stream that inflates to gigabytes costs time, not memory.
    """
    end = data.find(b"endstream", begin)
    stop = end if end >= 0 else len(data)
    length = _LENGTH.search(dictionary)
    if length:  # pdfium trusts /Length before the keyword: read as far as either says
        stop = max(stop, min(len(data), begin + int(length.group(1))))
    filters = _FILTER.search(dictionary)
    if filters is None:
        return _count_do(data, begin, stop)
    name = filters.group(1) or filters.group(2)
    if name not in _CONTENT_FILTERS or b"/DecodeParms" in dictionary or b"/DP" in dictionary:
        return None
    inflater = zlib.decompressobj()
    pending: bytes | memoryview = memoryview(data)[begin:stop]
    count, tail, produced = 0, b"", 0
    while pending and produced < _INFLATE_CAP:
        try:
            piece = inflater.decompress(pending, _PIECE)
        except zlib.error:
            return count if produced else None  # damage later on: pdfium keeps what inflated before it
        pending = inflater.unconsumed_tail
        produced += len(piece)
        window = tail + piece
        count += _count_do(window) - _count_do(tail)
        tail = window[-8:]
        if inflater.eof:
            break
    return count


def _count_do(content: bytes, start: int = 0, end: int | None = None) -> int:
    """``Do`` operators in ``content[start:end]``."""
    return len(_do_positions(content, start, len(content) if end is None else end))


def _do_positions(content: bytes, start: int, end: int) -> list[int]:
    return [m.start() for m in _DO.finditer(content, start, end)
            if m.start() == 0 or content[m.start() - 1] not in _REGULAR]


def form_draws_per_page(data: bytes, password: str | None, limit: int) -> tuple[int, int] | None:
    """(page number, draws) of the page drawing the most forms, stopping at the first over ``limit``;
    None when pdfminer cannot read the file."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        document = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
        counter = _DrawCounter(limit)
        worst = (0, 0)
        for number, page in enumerate(PDFPage.create_pages(document), 1):
            draws = counter.page(page)
            if draws > worst[1]:
                worst = (number, draws)
            if draws > limit:
                break
        return worst
    except Exception:  # noqa: BLE001 - pdfminer cannot read it: pdfium decides (its errors are typed)
        return None


class _DrawCounter:
    """Form draws of pages and forms, with each form's own count memoised (forms are shared by pages)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._forms: dict[tuple[int, int], int] = {}
        self._open: set[int] = set()

    def page(self, page: Any) -> int:
        from pdfminer.pdftypes import PDFStream, resolve1

        contents = [resolve1(c) for c in (page.contents or [])]
        streams = [c for c in contents if isinstance(c, PDFStream)]
        resources = resolve1(page.resources) if page.resources else None
        if not self._forms_in(resources):
            return 0
        return self._draws(b"\n".join(s.get_data() for s in streams), resources)

    def _forms_in(self, resources: Any) -> dict[str, tuple[int, Any]]:
        """The Form XObjects a resource dictionary names: name -> (object id, stream)."""
        from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
        from pdfminer.psparser import LIT

        xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
        out = {}
        for name, ref in (xobjects or {}).items() if isinstance(xobjects, dict) else ():
            stream = resolve1(ref)
            if isinstance(stream, PDFStream) and resolve1(stream.attrs.get("Subtype")) is LIT("Form"):
                out[name] = (ref.objid if isinstance(ref, PDFObjRef) else id(stream), stream)
        return out

    def _draws(self, content: bytes, resources: Any) -> int:
        forms = self._forms_in(resources)
        if not forms:
            return 0
        costs: dict[str, int] = {}
        total = 0
        for at in _do_positions(content, 0, len(content)):
            name_match = _NAME_BEFORE.search(content, max(0, at - 128), at)
            name = _unescape(name_match.group(1)) if name_match else None
            if name not in forms:  # an image, a missing name, or an operand we cannot read
                if name is not None and name_match is not None:
                    continue
                name = max(forms, key=lambda n: self._form(*forms[n], resources))  # charge the costliest
            if name not in costs:
                costs[name] = 1 + self._form(*forms[name], resources)
            total += costs[name]
            if total > self.limit:
                break
        return total

    def _form(self, objid: int, stream: Any, parent_resources: Any) -> int:
        """Draws made when form ``objid`` is drawn once (0 for a form with no forms inside)."""
        from pdfminer.pdftypes import resolve1

        own = resolve1(stream.attrs.get("Resources"))
        resources = own if isinstance(own, dict) else parent_resources  # PDF 1.1: a form may use the page's
        key = (objid, 0 if isinstance(own, dict) else id(parent_resources))
        if key in self._forms:
            return self._forms[key]
        if objid in self._open:
            return 0  # a form drawing itself: pdfium stops the recursion
        self._open.add(objid)
        try:
            cost = self._draws(stream.get_data(), resources) if self._forms_in(resources) else 0
        finally:
            self._open.discard(objid)
        self._forms[key] = cost
        return cost


def _unescape(name: bytes) -> str:
    """A PDF name with its ``#xx`` escapes decoded, as pdfminer keys resource dictionaries."""
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name).decode("latin-1")
