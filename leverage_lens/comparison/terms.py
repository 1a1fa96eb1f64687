"""Key terms, defined terms and cross-references across versions.

Key terms come from each version's brief (cap amount, notice days, term, governing law, parties) and are
paired by kind, party and qualifier; a pair whose normalised value (or, without a value, whose wording)
differs is a change. Defined terms are paired by the term. Cross-references are checked in the new version
against the alignment: a reference to a number that no longer exists, or to a clause that was renumbered so
that the number now names other text, was broken by the edit.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz.distance import Indel

from ..model import KeyTerm, Report
from .align import Alignment
from .model import DefinitionChange, FindingChange, KeyTermChange, ReferenceChange, TextEdit
from .units import Units, normalise_number

__all__ = ["definition_changes", "key_term_changes", "reference_changes"]


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


def _key(t: KeyTerm, parties: dict[str, str]) -> tuple[str, str | None, str | None]:
    party = parties.get(t.party, t.party) if t.party else None
    return (t.kind, party, t.detail if t.kind != "party" else None)


def key_term_changes(old: Report, new: Report, parties: dict[str, str]) -> list[KeyTermChange]:
    """Key terms added, removed or changed, in the brief's order."""
    if old.summary.brief is None or new.summary.brief is None:
        return []
    olds: dict[tuple[str, str | None, str | None], list[KeyTerm]] = defaultdict(list)
    news: dict[tuple[str, str | None, str | None], list[KeyTerm]] = defaultdict(list)
    for t in old.summary.brief.terms():
        olds[_key(t, parties)].append(t)
    for t in new.summary.brief.terms():
        news[_key(t, parties)].append(t)
    out: list[KeyTermChange] = []
    for key in list(dict.fromkeys([*news, *olds])):
        a, b = list(olds.get(key, [])), list(news.get(key, []))
        for x in list(a):  # identical values (or wording) pair off first
            twin = next((y for y in b if _same(x, y)), None)
            if twin is not None:
                a.remove(x)
                b.remove(twin)
        for x, y in zip(a, b):
            out.append(_term("changed", key, x, y))
        out.extend(_term("removed", key, x, None) for x in a[len(b):])
        out.extend(_term("added", key, None, y) for y in b[len(a):])
    return out


def _same(x: KeyTerm, y: KeyTerm) -> bool:
    if x.value is not None or y.value is not None:
        return (x.value or "").lower() == (y.value or "").lower()
    return Indel.normalized_similarity(_flat(x.text), _flat(y.text)) >= 0.9


def _term(status: str, key: tuple[str, str | None, str | None], x: KeyTerm | None,
          y: KeyTerm | None) -> KeyTermChange:
    return KeyTermChange(
        kind=key[0], status=status, party=key[1], detail=key[2],  # type: ignore[arg-type]
        old_value=x.value if x else None, new_value=y.value if y else None,
        old_text=x.text if x else None, new_text=y.text if y else None,
        old_start=x.start if x else None, old_end=x.end if x else None,
        new_start=y.start if y else None, new_end=y.end if y else None,
    )


def definition_changes(old: Report, new: Report) -> list[DefinitionChange]:
    """Defined terms the edit added, removed or redefined (new-version order, then removed ones)."""
    old_defs = {d.term.lower(): d for d in old.definitions}
    new_defs = {d.term.lower(): d for d in new.definitions}
    out: list[DefinitionChange] = []
    old_text, new_text = old.document.text, new.document.text
    for k, d in new_defs.items():
        o = old_defs.get(k)
        if o is None:
            out.append(DefinitionChange(term=d.term, status="added", new_start=d.start, new_end=d.end))
        elif _flat(old_text[o.start:o.end]) != _flat(new_text[d.start:d.end]) and Indel.normalized_similarity(
                _flat(old_text[o.start:o.end]), _flat(new_text[d.start:d.end])) < 0.97:
            out.append(DefinitionChange(term=d.term, status="changed", old_start=o.start, old_end=o.end,
                                        new_start=d.start, new_end=d.end))
    for k, o in old_defs.items():
        if k not in new_defs:
            uses = len(re.findall(rf"(?<!\w){re.escape(o.term)}(?!\w)", new_text))
            out.append(DefinitionChange(term=o.term, status="removed", old_start=o.start, old_end=o.end,
                                        uses_in_new=uses))
    return out


_REF = re.compile(r"\b(?P<kw>Sections?|Clauses?|Articles?|Paragraphs?|SECTIONS?|ARTICLES?)\s+"
                  r"(?P<num>\d{1,3}(?:\.\d{1,3}){0,3}(?:\s?\([a-z0-9]{1,4}\)){0,2})(?![\w.]\d)")
_ELSEWHERE = re.compile(r"\s*(?:of|under|in)\s+(?:the\s+)?(?!this\b|these\b|hereof\b|Agreement\b)[A-Z]")
_XREF_RULES = ("ambiguity.xref_missing_section", "ambiguity.xref_heading_mismatch",
               "ambiguity.xref_missing_attachment")


def reference_changes(alignment: Alignment, old_units: Units, new_units: Units, new_text: str,
                      edits: list[TextEdit], findings: list[FindingChange]) -> list[ReferenceChange]:
    """References in the new version broken by the edit (missing or stale), and introduced xref findings."""
    old_numbers = {u.number for u in old_units.items if u.number}
    new_numbers = {v.number for v in new_units.items if v.number}
    moved_to: dict[str, str] = {}
    for g in alignment.groups:
        if len(g.old) == 1 and g.new and g.old[0].number and g.new[0].number:
            moved_to[g.old[0].number] = g.new[0].number
    inserted = sorted((e.new_start, e.new_end) for e in edits if e.new_end > e.new_start)
    out: list[ReferenceChange] = []
    for m in _REF.finditer(new_text):
        if _ELSEWHERE.match(new_text, m.end()):
            continue
        num = normalise_number(m.group("num"))
        if num is None:
            continue
        top = re.sub(r"\(.*$", "", num)
        where = new_units.at(m.start())
        label = where.clause.number if where is not None else None
        if top not in new_numbers and top in old_numbers:
            out.append(ReferenceChange(reason="missing", reference=m.group(), new_start=m.start(),
                                       new_end=m.end(), clause=label,
                                       now_at=moved_to.get(top) if moved_to.get(top) != top else None,
                                       message=f"{m.group()} names a clause that is no longer in the contract"
                                       + (f" (that text is now {moved_to[top]})" if top in moved_to else "")))
        elif top in moved_to and moved_to[top] != top and top in new_numbers and not _inside(inserted, m.start()):
            out.append(ReferenceChange(reason="stale", reference=m.group(), new_start=m.start(), new_end=m.end(),
                                       clause=label, now_at=moved_to[top],
                                       message=f"{m.group()} pointed to the clause now numbered {moved_to[top]}; "
                                       f"{top} now names different text"))
    for f in findings:
        if f.status == "introduced" and f.rule in _XREF_RULES and f.new_start is not None:
            out.append(ReferenceChange(reason="finding", reference=f.quote, new_start=f.new_start,
                                       new_end=f.new_end or f.new_start, clause=f.new_clause, message=f.message))
    return out


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)
