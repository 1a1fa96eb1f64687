"""Where a one-sided entry's mirror may be: its clause, its section, and the clauses the contract ties to it.

A term is one-sided only if the contract does not give the other side the same thing where a reader would
look for it: in the same clause, elsewhere in the same top-level section ("12.2 Customer may terminate ...",
"12.3 Provider may terminate ..."), or in a clause the sentence or its clause cites ("subject to Section
14.2", "as provided in Article 9"). A mutual sentence on another topic, or the same topic in an unrelated
part of the contract, does not make the term mutual. :func:`mirror_for` answers with the mirroring entry (or
None) and the scope it searched, so a finding can show both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..analysis import Analysis
from ..model import Clause, Ledger, LedgerEntry

__all__ = ["Scope", "mirror_for", "scope_of"]

_CITE = re.compile(
    r"\b(?:sections?|articles?|clauses?|paragraphs?)\s+(?P<num>[0-9]+(?:\.[0-9]+)*(?:\s*\([a-z0-9]{1,4}\))*|"
    r"[IVXLC]+\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    """The clauses searched for a mirror: the entry's top-level section and the clauses cited from it."""

    section: Clause | None
    cited: tuple[Clause, ...]

    def covers(self, start: int) -> bool:
        if self.section is not None and self.section.start <= start < self.section.end:
            return True
        return any(c.start <= start < c.end for c in self.cited)

    def describe(self) -> str:
        """'Section 12 (Termination)', plus the cited clauses, as a lawyer would name them."""
        parts = [_name(self.section)] if self.section is not None else ["the same clause"]
        parts += [_name(c) for c in self.cited]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


_ATTACHMENT = re.compile(r"(?:exhibit|schedule|annex|appendix|attachment|addendum)\b", re.IGNORECASE)


def _name(c: Clause) -> str:
    if c.number:
        label = c.number.rstrip(".")
        if _ATTACHMENT.match(label):  # "EXHIBIT A" names itself: "Exhibit A (Fees Schedule)", not "Section EXHIBIT A"
            return label.title() + (f" ({c.heading.rstrip('.')})" if c.heading else "")
        kind = "Article" if c.level == 0 and re.fullmatch(r"[IVXLC]+", label) else "Section"
        return f"{kind} {label}" + (f" ({c.heading.rstrip('.')})" if c.heading else "")
    return f"\u201c{c.heading.rstrip('.')}\u201d" if c.heading else "the same clause"


def _top(an: Analysis, clause_id: str | None) -> Clause | None:
    if clause_id is None:
        return None
    by_id = an.cache.get("ledger.clauses_by_id")
    if by_id is None:
        by_id = an.cache["ledger.clauses_by_id"] = {c.id: c for c in an.clauses}
    c = by_id.get(clause_id)
    while c is not None and c.parent_id is not None and c.parent_id in by_id:
        c = by_id[c.parent_id]
    return c


def scope_of(an: Analysis, entry: LedgerEntry) -> Scope:
    """The section holding ``entry`` and the clauses its clause cites by number."""
    section = _top(an, entry.clause_id)
    by_number = an.cache.get("ledger.clauses_by_number")
    if by_number is None:
        by_number = {}
        for c in an.clauses:
            if c.number:
                by_number.setdefault(_norm(c.number), c)
        an.cache["ledger.clauses_by_number"] = by_number
    here = an.text[entry.start:entry.end]
    cited: list[Clause] = []
    for m in _CITE.finditer(here):
        c = by_number.get(_norm(m.group("num")))
        if c is not None and (section is None or not (section.start <= c.start < section.end)) and c not in cited:
            cited.append(c)
    return Scope(section, tuple(cited))


def _norm(number: str) -> str:
    return re.sub(r"[\s.]+$", "", re.sub(r"\s+", "", number)).lower()


def mirror_for(an: Analysis, ledger: Ledger | Sequence[LedgerEntry], entry: LedgerEntry,
               ) -> tuple[LedgerEntry | None, Scope]:
    """A ledger entry in ``entry``'s scope that gives the burdened party the same (or is mutual), if any."""
    scope = scope_of(an, entry)
    entries = ledger.entries if isinstance(ledger, Ledger) else ledger
    for other in entries:
        if other is entry or other.category != entry.category or other.reading != entry.reading:
            continue
        if other.basis != "wording":
            continue  # a clause-level reading is too weak to cancel a term
        if not (other.mutual or other.favors == entry.burdened):
            continue
        near = scope.covers(other.start) or (other.clause_id is not None and other.clause_id == entry.clause_id)
        if _alike(an, entry, other, MIRROR_SIMILARITY if near else MIRROR_SIMILARITY_ANYWHERE):
            return other, scope
    return None, scope


#: How alike (rapidfuzz token-set ratio, party names masked) a sentence in scope must be to mirror another.
MIRROR_SIMILARITY = 55
#: ... and a sentence outside the scope: the same term with the parties swapped, wherever the contract puts
#: it (flat contracts number every paragraph at the top level).
MIRROR_SIMILARITY_ANYWHERE = 80


def _alike(an: Analysis, a: LedgerEntry, b: LedgerEntry, threshold: float) -> bool:
    """Whether ``b`` gives the same thing as ``a``: a sentence of its own (not a heading) whose words, with
    the parties' names masked, largely repeat ``a``'s ("Licensor grants Licensee ..." / "Licensee grants
    Licensor ..."; "Customer may terminate ..." / "Either party may terminate ...")."""
    ta, tb = _masked(an, a), _masked(an, b)
    if len(tb.split()) < 8:
        return False
    return fuzz.token_set_ratio(ta, tb) >= threshold


_COLLECTIVE_PARTY = re.compile(r"\b(?:either|each|both|neither|the\s+other|such|any)\s+part(?:y|ies)\b", re.IGNORECASE)


def _masked(an: Analysis, e: LedgerEntry) -> str:
    key = f"ledger.masked.{e.start}.{e.end}"
    got = an.cache.get(key)
    if got is None:
        text = an.text[e.start:e.end]
        names = an.cache.get("ledger.party_names")
        if names is None:
            found = sorted({n for p in an.parties for n in (p.name, *p.aliases, p.role or "") if n and len(n) > 1},
                           key=len, reverse=True)
            names = an.cache["ledger.party_names"] = re.compile("|".join(re.escape(n) for n in found)) if found else False
        if names:
            text = names.sub(" PARTY ", text)
        text = _COLLECTIVE_PARTY.sub(" PARTY ", text)
        got = an.cache[key] = " ".join(text.lower().split())[:600]
    return got  # type: ignore[no-any-return]
