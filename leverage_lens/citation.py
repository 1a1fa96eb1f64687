"""How a lawyer cites a clause, read from the clause tree: "9.1(a)", "Article IV", "Exhibit A, 2.3",
"Signature page", "1(b), second paragraph".

A clause's own ``number`` is only the last part of its citation: sub-clause "(a)" of 9.1 prints "(a)", and
unnumbered parts (paragraphs, the preamble, signature blocks) print nothing. Views, review copies and
finding messages all name clauses through :func:`cite_all` (``Document.citation()`` / ``citations()``), so
the same clause is called the same thing everywhere.

This module reads clauses by their attributes only (``id``, ``number``, ``heading``, ``kind``,
``parent_id``, ``start``, spans, ``text``) and imports nothing from the data model, which calls it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

__all__ = ["cite_all", "ordinal"]

#: "1.", "1.2", "10.2.3." -- a decimal number is its own citation.
_DECIMAL = re.compile(r"\d+(?:\.\d+)*\.?")
#: "Section 16.3", "ARTICLE IV", "Exhibit A", "SCHEDULE 1": a word and what it numbers.
_WORDED = re.compile(
    r"(?i)(article|section|clause|exhibit|schedule|annex|appendix|attachment|addendum|part|rider)\s+(\S+)"
)
#: Kinds of part whose children are cited after them ("Exhibit A, 2.3") rather than on their own.
_ATTACHMENTS = ("exhibit", "schedule", "annex", "appendix", "attachment", "addendum", "rider")
_BEGINNING = "Paragraph beginning"
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(n: int) -> str:
    """1 -> "first" ... 10 -> "tenth", then "11th", "22nd"."""
    if 1 <= n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _kind(clause: Any) -> str:
    kind = clause.kind
    return str(getattr(kind, "value", kind))


def _short(text: str, limit: int = 48) -> str:
    flat = " ".join(text.split()).rstrip(" .:")
    if flat.isupper() and len(flat) > 3:
        flat = flat.title()
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def _own_number(clause: Any) -> tuple[str, str] | None:
    """The clause's number as ``(style, form)``: ``worded`` ("Article IV"), ``decimal`` ("9.1") or ``item``
    ("a", "ii", "A": cited in parentheses after its parent); None when unnumbered."""
    number = " ".join((clause.number or "").split())
    if not number:
        return None
    m = _WORDED.fullmatch(number.rstrip(".:"))
    if m:
        return "worded", f"{m.group(1).capitalize()} {m.group(2).rstrip('.:')}"
    if _DECIMAL.fullmatch(number):
        return "decimal", number.rstrip(".")
    core = number.strip("().: \t")
    return ("item", core) if core else None


def _first_words(text: str, words: int = 6) -> str:
    parts = text.split()
    head = " ".join(parts[:words])
    return head + ("\u2026" if len(parts) > words else "")


def _has_own_text(parent: Any, first_child_start: int) -> bool:
    """Whether the parent holds words of its own before its first unnumbered child (beyond its number and
    heading): then that opening is the parent's first paragraph and the children count from the second."""
    lead = parent.text[: max(0, first_child_start - parent.start)]
    for span in (parent.number_span, parent.heading_span):
        if span is not None:
            a, b = span.start - parent.start, span.end - parent.start
            if 0 <= a < b:
                lead = lead[:a] + " " * (min(b, len(lead)) - a) + lead[b:]
    return any(ch.isalnum() for ch in lead)


def cite_all(clauses: Sequence[Any]) -> dict[str, str]:
    """Clause id -> citation for every clause of one document (clauses in document order, parents first)."""
    by_id = {c.id: c for c in clauses}
    out: dict[str, str] = {}
    prefix: dict[str, str] = {}  # clause id -> the attachment it is cited inside ("Exhibit A")
    unnumbered: dict[tuple[str | None, str], list[Any]] = {}
    for c in clauses:
        if not c.number:
            unnumbered.setdefault((c.parent_id, _kind(c)), []).append(c)
    # 1-based position of each unnumbered clause among its like siblings, and of each signature block: one
    # pass, so a contract of thousands of unnumbered paragraphs is cited in linear time
    position = {c.id: k for group in unnumbered.values() for k, c in enumerate(group, 1)}
    signature_no = {c.id: k for k, c in enumerate((c for c in clauses if _kind(c) == "signature"), 1)}
    for c in clauses:
        out[c.id] = _cite(c, by_id, out, prefix, unnumbered, position, signature_no)
    return _told_apart(clauses, by_id, out)


def _told_apart(clauses: Sequence[Any], by_id: dict[str, Any], out: dict[str, str]) -> dict[str, str]:
    """Clauses cited alike are told apart by the heading of their top section: "1(a) (Customer Orders)".

    A document whose numbering restarts (an EDGAR filing whose Word lists lost their numbers prints seven
    sections "1.") would otherwise send the reader to the wrong clause. Every clause under a top section
    whose number another top section repeats gains that heading ("1, first paragraph (Appointment)"), and
    so does any other clause whose citation another clause shares. A clause with no headed top section
    keeps its citation as printed."""
    count = Counter(out.values())
    if len(count) == len(out):
        return out
    tops: dict[str, Any] = {}  # clause id -> its outermost numbered, headed section (not an attachment)
    for c in clauses:  # parents come first: a clause's top is its parent's, or itself
        parent_top = tops.get(c.parent_id) if c.parent_id else None
        own = c if _own_number(c) is not None and c.heading and not _is_attachment(c) else None
        top = parent_top or own
        if top is not None:
            tops[c.id] = top
    top_cites = Counter(out[t.id] for t in {t.id: t for t in tops.values()}.values())
    told = dict(out)
    for c in clauses:
        top = tops.get(c.id)
        if top is not None and (top_cites[out[top.id]] > 1 or count[out[c.id]] > 1):
            told[c.id] = f"{out[c.id]} ({_short(top.heading, 40)})"
    return told


def _numbered_parent(c: Any, by_id: dict[str, Any]) -> Any | None:
    """The nearest ancestor cited by number or an exhibit (unnumbered headings and paragraphs are skipped)."""
    p = by_id.get(c.parent_id) if c.parent_id else None
    while p is not None and _own_number(p) is None and _kind(p) != "exhibit":
        p = by_id.get(p.parent_id) if p.parent_id else None
    return p


def _is_attachment(c: Any) -> bool:
    """An exhibit, schedule, annex ...: its parts are cited inside it ("Exhibit A, 2.3")."""
    own = _own_number(c)
    return _kind(c) == "exhibit" or (own is not None and own[0] == "worded"
                                     and own[1].split()[0].lower() in _ATTACHMENTS)


def _cite(c: Any, by_id: dict[str, Any], done: dict[str, str], prefix: dict[str, str],
          unnumbered: dict[tuple[str | None, str], list[Any]], position: dict[str, int],
          signature_no: dict[str, int]) -> str:
    kind = _kind(c)
    own = _own_number(c)
    if own is not None:
        style, form = own
        parent = _numbered_parent(c, by_id)
        base = done.get(parent.id, "") if parent is not None else ""
        if parent is not None and base and _is_attachment(parent):
            inside = base  # a direct part of an exhibit is cited inside it: "Exhibit A, 2.3"
        elif parent is not None and parent.id in prefix and _own_number(parent) and style != "worded" \
                and _own_number(parent)[0] != "worded":  # type: ignore[index]
            inside = prefix[parent.id]  # deeper in the exhibit's own numbering: "Exhibit A, 2.3.1"
        else:
            inside = ""
        if inside and not (style == "worded" and form.split()[0].lower() in _ATTACHMENTS):
            prefix[c.id] = inside
        if kind == "recital" and style == "item" and not base:
            return f"Recital {form}"
        if style == "worded":
            return f"{inside}, {form}" if c.id in prefix else form
        if style == "decimal":  # "4.1" is cited as printed wherever it sits, inside its exhibit if any
            return f"{inside}, {form}" if c.id in prefix else form
        if base and not (parent is not None and _is_attachment(parent)):
            return f"{base}({form})"  # "(a)" of 9.1 is "9.1(a)"
        if base:
            return f"{base}, ({form})"
        return form if (c.number or "").strip().endswith(".") or "(" not in (c.number or "") else f"({form})"
    if kind == "preamble":
        return "Preamble"
    if kind == "title":
        return "Title"
    parent = by_id.get(c.parent_id) if c.parent_id else None
    if kind == "signature":
        if parent is not None and done.get(parent.id):
            return f"{done[parent.id]}, signature block"
        k = signature_no.get(c.id, 1)
        return "Signature page" if k == 1 else f"Signature page, block {k}"
    if c.heading and kind in ("heading", "exhibit", "section", "recital"):
        return _short(c.heading)
    if kind == "definition" and c.heading:
        term = f"definition of \u201c{_short(c.heading, 40)}\u201d"
        return f"{done[parent.id]}, {term}" if parent is not None and done.get(parent.id) else term.capitalize()
    siblings = unnumbered.get((c.parent_id, kind), [c])
    k = position.get(c.id, 1)
    if kind == "recital":
        return f"{ordinal(k).capitalize()} recital"
    if kind == "exhibit":
        return "Exhibit" if len(siblings) == 1 else f"Exhibit ({ordinal(k)})"
    if parent is not None and done.get(parent.id) and not done[parent.id].startswith(_BEGINNING):
        if _has_own_text(parent, siblings[0].start):
            k += 1
        return f"{done[parent.id]}, {ordinal(k)} paragraph"
    return f"{_BEGINNING} \u201c{_first_words(c.text)}\u201d"
