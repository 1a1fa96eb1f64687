"""Reports built by hand for the playbook's unit tests: a parsed text with the parties, ledger entries, key
terms and clause tags each test needs, so a condition is tested on exactly what it reads (no tagger runs)."""

from __future__ import annotations

import leverage_lens as ll
from leverage_lens.model import Brief, KeyTerm, Ledger, LedgerEntry, Party, Report, Summary, Tag

US, THEM = "party-2", "party-1"

PARTIES = [
    Party(id=THEM, name="Acme Cloud Inc.", role="Provider"),
    Party(id=US, name="Beta Retail LLC", role="Customer"),
]


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def entry(text: str, words: str, category: str, reading: str, *, favors: str | None = None,
          mutual: bool = False, confidence: float = 0.85, basis: str = "wording") -> LedgerEntry:
    start, end = span_of(text, words)
    burdened = None if mutual or favors is None else (US if favors == THEM else THEM)
    return LedgerEntry(id=f"{category}@{start}", category=category, family=category.split(".")[0],
                       reading=reading, start=start, end=end, mutual=mutual, favors=None if mutual else favors,
                       burdened=burdened, basis=basis, confidence=confidence)  # type: ignore[arg-type]


def term(text: str, words: str, kind: str, value: str | None, *, party: str | None = None,
         detail: str | None = None, code: str | None = None) -> KeyTerm:
    start, end = span_of(text, words)
    return KeyTerm(kind=kind, value=value, text=words, start=start, end=end, confidence=0.9, party=party,  # type: ignore[arg-type]
                   detail=detail, code=code)


def report(text: str, *, entries: list[LedgerEntry] = (), brief: Brief | None = None,  # type: ignore[assignment]
           tags: dict[str, list[str]] | None = None, parties: list[Party] | None = None,
           perspective: str | None = None) -> Report:
    """A Report of ``text`` (parsed, not analysed) with the given ledger, brief and clause tags (clause id ->
    categories)."""
    doc = ll.parse_text(text, name="fixture.txt")
    clauses = []
    for c in doc.clauses:
        cats = (tags or {}).get(c.id, [])
        clauses.append(c.model_copy(update={"tags": [Tag(category=cat, family=cat.split(".")[0], confidence=0.9,
                                                         source="rule") for cat in cats]}) if cats else c)
    doc = doc.model_copy(update={"clauses": clauses})
    return Report(document=doc, parties=parties if parties is not None else PARTIES,
                  ledger=Ledger(entries=sorted(entries, key=lambda e: e.start)),
                  summary=Summary(brief=brief or Brief(), perspective=perspective))
