"""Leverage changes: who gained and who lost, clause by clause, ranked by commercial weight for the reader.

Each version is read into *entries*: in one place, one party holds a right, bears a burden, or is favoured by
a one-sided term. Entries come from a small adapter (:func:`entries_of`) so their sources can grow:

* one-sided findings (``favors``) -- today;
* obligation sentences whose actor is a party (``right`` -> a right held; ``obligation``/``prohibition`` -> a
  burden borne) -- today;
* the per-clause leverage ledger (``Report.ledger``), when a Report carries one: its entries replace the
  obligation reading, which the ledger subsumes.

Entries of the two versions pair up within one aligned place by party, role and wording; what is left over is
the change: a new right or burden, a right or burden gone, a one-sided term added or removed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Indel

from ..model import Report
from .model import KeyTermChange, LeverageChange
from .places import Places

__all__ = ["FAMILY_WEIGHT", "Entry", "entries_of", "leverage_changes", "readable_value"]

#: Commercial weight of a family of terms: what a change there can cost. An uncapped indemnity or a new
#: termination right moves more value than a new notice formality.
FAMILY_WEIGHT: dict[str, float] = {
    "liability": 5.0, "termination": 4.5, "ip": 4.0, "exclusivity": 4.0, "payment": 3.5, "assignment": 3.0,
    "confidentiality": 2.5, "disputes": 2.0, "general": 1.5, "drafting": 0.5,
}
_DEFAULT_WEIGHT = 1.5
_ROLE_WEIGHT = {"one_sided": 1.0, "right": 0.8, "burden": 0.7}
_TERM_WEIGHT = {"liability_cap": 5.0, "liability_exclusion": 4.5, "termination_right": 4.5, "initial_term": 3.5,
                "renewal_term": 3.0, "renewal_notice": 3.0, "payment_terms": 3.5, "governing_law": 2.5,
                "forum": 2.0, "exclusivity": 4.0, "non_compete": 4.0, "non_solicit": 3.0, "party": 3.0}


@dataclass(frozen=True)
class Entry:
    """One party's position in one place: a right held, a burden borne, or a one-sided term in its favour."""

    party: str
    role: str  # "right" | "burden" | "one_sided"
    source: str  # "finding" | "obligation" | "ledger"
    start: int
    end: int
    text: str
    family: str | None = None
    category: str | None = None
    counterparty: str | None = None
    severity_rank: int = 2
    weight: float = 1.0  # the ledger's commercial weight of the topic (1.0 for other sources)


def _families_by_clause(report: Report) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in report.clauses:
        if c.tags:
            best = max(c.tags, key=lambda t: t.confidence)
            out[c.id] = best.family
    return out


#: How a ledger entry's reading places its parties: the holder gains a right, protection or grant; the burdened
#: party bears a restriction, exposure, payment or duty (and the holder gains by it).
_HELD = {"right", "protection", "grant", "holder", "favours", "favors", "one_sided"}
_BORNE = {"restriction", "exposure", "payment", "duty", "burden", "obligation", "prohibition"}


def _ledger_entries(ledger: Any, parties: set[str], text: str) -> list[Entry]:
    """Entries from the leverage ledger (``Report.ledger``: :class:`~leverage_lens.model.LedgerEntry` with
    ``favors``, ``burdened``, ``reading``, ``mutual``, ``category``, ``family``, ``weight`` and offsets), read by
    attribute or key so a ledger kept as plain dicts works too. Mutual entries move no leverage: left out."""
    items = getattr(ledger, "entries", ledger)
    out: list[Entry] = []
    for e in items or ():
        get = (lambda k, e=e: e.get(k) if isinstance(e, dict) else getattr(e, k, None))
        if get("mutual"):
            continue
        start, end = get("start"), get("end")
        holder = get("favors") or get("holder") or get("party")
        burdened = get("burdened")
        reading = str(get("reading") or get("role") or get("modality") or "right").lower()
        if start is None or end is None:
            continue
        if reading in _BORNE and burdened:
            party, role, other = burdened, "burden", holder
        else:
            party, role, other = holder, "right", burdened
        if party is None or party in ("each", "either", "neither", "mutual", "both") or \
                (parties and party not in parties):
            continue
        quote = get("text") or get("quote") or text[int(start):int(end)]
        out.append(Entry(party=str(party), role=role, source="ledger", start=int(start), end=int(end),
                         text=str(quote), family=get("family"), category=get("category"),
                         counterparty=other, weight=float(get("weight") or 1.0)))
    return out


def entries_of(report: Report) -> list[Entry]:
    """Every leverage entry of a report: one-sided findings, and the ledger when present (else obligations)."""
    parties = {p.id for p in report.parties}
    text = report.document.text
    out = [Entry(party=f.favors, role="one_sided", source="finding", start=f.start, end=f.end, text=f.quote,
                 family=f.family, category=f.category or f.rule, severity_rank=f.severity.rank)
           for f in report.findings if f.kind == "one_sided" and f.favors in parties]
    ledger = getattr(report, "ledger", None)
    if ledger is not None and getattr(ledger, "entries", ledger):
        out.extend(_ledger_entries(ledger, parties, text))
        return out
    families = _families_by_clause(report)
    for o in report.obligations:
        if o.actor in parties:
            out.append(Entry(party=o.actor, role="right" if o.modality == "right" else "burden",  # type: ignore[arg-type]
                             source="obligation", start=o.start, end=o.end, text=text[o.start:o.end],
                             family=families.get(o.clause_id or ""), counterparty=o.beneficiary))
    return out


def _flat(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def _other(party: str, hint: str | None, principal: list[str]) -> str | None:
    if hint and hint != party and hint in principal:
        return hint
    others = [p for p in principal if p != party]
    return others[0] if len(others) == 1 else None


def _principal(report: Report) -> list[str]:
    """The two parties the deal is between: principal parties, the two most often acting in obligations."""
    count: dict[str, int] = defaultdict(int)
    for o in report.obligations:
        if o.actor:
            count[o.actor] += 1
    ids = [p.id for p in report.parties if p.principal] or [p.id for p in report.parties]
    ranked = sorted(ids, key=lambda p: (-count.get(p, 0), ids.index(p)))
    return ranked[:2]


def leverage_changes(old: Report, new: Report, places: Places, parties: dict[str, str], reader: str | None,
                     key_terms: Iterable[KeyTermChange] = ()) -> list[LeverageChange]:
    """Leverage changes between the versions, heaviest for the reader first."""
    names = {p.id: p.name for p in new.parties}
    principal = _principal(new)
    by_place_old: dict[int | None, list[Entry]] = defaultdict(list)
    by_place_new: dict[int | None, list[Entry]] = defaultdict(list)
    for e in entries_of(old):
        e = Entry(**{**e.__dict__, "party": parties.get(e.party, e.party),
                     "counterparty": parties.get(e.counterparty, e.counterparty) if e.counterparty else None})
        by_place_old[places.old_place(e.start)].append(e)
    for e in entries_of(new):
        by_place_new[places.new_place(e.start)].append(e)
    out: list[LeverageChange] = []
    for place in set(by_place_old) | set(by_place_new):
        olds, news = by_place_old.get(place, []), by_place_new.get(place, [])
        gone, came = _unpaired(olds, news)
        out.extend(_change(e, "old", places, names, principal, reader) for e in gone)
        out.extend(_change(e, "new", places, names, principal, reader) for e in came)
    covered = [(c.new_start, c.new_end) for c in out if c.new_start is not None]
    for t in key_terms:  # a key term already told as a party's gain (a new termination right) is not repeated
        if t.new_start is not None and t.party and any(s < (t.new_end or t.new_start) and t.new_start < (e or s)
                                                       for s, e in covered):
            continue
        out.append(_term_change(t, names, reader, places))
    out.sort(key=lambda c: (-c.weight, c.new_start if c.new_start is not None else (c.old_start or 0)))
    return out


def _unpaired(olds: list[Entry], news: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Entries with no counterpart (same party and role, similar wording) on the other side."""
    scored = []
    for i, a in enumerate(olds):
        for j, b in enumerate(news):
            if a.party == b.party and a.role == b.role and (a.category == b.category or a.role != "one_sided"):
                sim = 1.0 if _flat(a.text) == _flat(b.text) else Indel.normalized_similarity(_flat(a.text),
                                                                                               _flat(b.text))
                if sim >= 0.6 or a.role == "one_sided":
                    scored.append((sim, i, j))
    used_o: set[int] = set()
    used_n: set[int] = set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
    return ([a for i, a in enumerate(olds) if i not in used_o], [b for j, b in enumerate(news) if j not in used_n])


_EFFECT = {  # (role, side) -> effect, and whether the entry's party is the one who gains
    ("right", "new"): ("gains_right", True), ("right", "old"): ("loses_right", False),
    ("burden", "new"): ("takes_burden", False), ("burden", "old"): ("sheds_burden", True),
    ("one_sided", "new"): ("one_sided_added", True), ("one_sided", "old"): ("one_sided_removed", False),
}


def _change(e: Entry, side: str, places: Places, names: dict[str, str], principal: list[str],
            reader: str | None) -> LeverageChange:
    effect, party_gains = _EFFECT[(e.role, side)]
    other = _other(e.party, e.counterparty, principal)
    favors, burdened = (e.party, other) if party_gains else (other, e.party)
    weight = FAMILY_WEIGHT.get(e.family or "", _DEFAULT_WEIGHT) * _ROLE_WEIGHT[e.role] * e.weight
    if e.role == "one_sided":
        weight *= 1.0 + e.severity_rank / 4
    against = None if reader is None or favors is None else favors != reader
    if against:
        weight *= 1.5
    clause = places.new_label(e.start) if side == "new" else places.old_label(e.start)
    who = names.get(e.party, e.party)
    what = {"gains_right": "gains a right", "loses_right": "loses a right", "takes_burden": "takes on a duty",
            "sheds_burden": "is relieved of a duty", "one_sided_added": "gains a one-sided term",
            "one_sided_removed": "loses a one-sided term"}[effect]
    label = (e.category or e.family or "").replace("one_sided.", "").replace(".", ": ").replace("_", " ")
    topic = f" ({label})" if label else ""
    summary = f"{who} {what}{topic} in {clause or 'the contract'}"
    fields: dict[str, Any] = {"old_clause" if side == "old" else "new_clause": clause,
                              f"{side}_start": e.start, f"{side}_end": e.end, f"{side}_text": e.text}
    return LeverageChange(favors=favors, burdened=burdened, effect=effect, source=e.source,  # type: ignore[arg-type]
                          family=e.family, category=e.category, weight=round(weight, 3), against_reader=against,
                          summary=summary, **fields)


def _term_change(t: KeyTermChange, names: dict[str, str], reader: str | None, places: Places) -> LeverageChange:
    label = t.kind.replace("_", " ")
    who = f" ({names.get(t.party, t.party)})" if t.party else ""
    before = readable_value(t.old_value) if t.old_value else (t.old_text or "-")
    after = readable_value(t.new_value) if t.new_value else (t.new_text or "-")
    if t.status == "added":
        summary = f"New {label}{who}: {_short(after)}"
    elif t.status == "removed":
        summary = f"{label.capitalize()}{who} removed (was {_short(before)})"
    else:
        summary = f"{label.capitalize()}{who} changed: {_short(before)} \u2192 {_short(after)}"
    return LeverageChange(favors=None, effect="term_changed", source="key_term", family=None, category=t.kind,
                          weight=_TERM_WEIGHT.get(t.kind, 2.0) * 0.9, summary=summary,
                          old_clause=places.old_label(t.old_start) if t.old_start is not None else None,
                          new_clause=places.new_label(t.new_start) if t.new_start is not None else None,
                          old_start=t.old_start, old_end=t.old_end, new_start=t.new_start, new_end=t.new_end,
                          old_text=t.old_text or "", new_text=t.new_text or "")


_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_UNITS = (("year", "years"), ("month", "months"), ("week", "weeks"), ("day", "days"))


def readable_value(value: str) -> str:
    """A key term's value as a reader says it: ISO durations in words ("P30D" -> "30 days"), others as they are."""
    m = _ISO_DURATION.match(value)
    if not m or not any(m.groups()):
        return value
    parts = [f"{n} {_UNITS[i][int(n) != 1]}" for i, n in enumerate(m.groups()) if n]
    return " ".join(parts)


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
