"""The CUAD measures, shared by the tagger and the baseline so both are scored identically.

Clause level: a gold span is *found* when a clause tagged with its category overlaps it; a tagged clause
is *correct* when it overlaps a gold span of its category and is at most 4,000 characters long.
Precision = correct tagged clauses / tagged clauses; recall = found gold spans / gold spans. For a family,
"its category" reads "any category of the family". Contract level: does the contract contain the
category (family); counted over contracts. The tagger answers it the way the product does
(``Report.summary.categories_present``, passed as ``present``); the baseline, which has no contract-level
answer, by "some paragraph is tagged with it".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..taxonomy import Taxonomy
from .data import GoldSpan

__all__ = ["MAX_CLAUSE_CHARS", "Counts", "Predicted", "Scores"]

MAX_CLAUSE_CHARS = 4000

#: (start, end, category id) of a tagged clause (or paragraph, for the baseline).
Predicted = tuple[int, int, str]


@dataclass
class Counts:
    """Clause- and contract-level counts for one category or family."""

    pred: int = 0
    pred_ok: int = 0
    gold: int = 0
    gold_found: int = 0
    doc_tp: int = 0
    doc_fp: int = 0
    doc_fn: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> float:
        return self.pred_ok / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def doc_precision(self) -> float:
        return self.doc_tp / (self.doc_tp + self.doc_fp) if self.doc_tp + self.doc_fp else 0.0

    @property
    def doc_recall(self) -> float:
        return self.doc_tp / (self.doc_tp + self.doc_fn) if self.doc_tp + self.doc_fn else 0.0

    @property
    def doc_f1(self) -> float:
        p, r = self.doc_precision, self.doc_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return min(a1, b1) > max(a0, b0)


def _score(preds: list[tuple[int, int]], golds: list[tuple[int, int]], claimed: bool | None = None) -> Counts:
    c = Counts(pred=len(preds), gold=len(golds))
    c.pred_ok = sum(
        1 for s, e in preds if e - s <= MAX_CLAUSE_CHARS and any(_overlaps(s, e, g0, g1) for g0, g1 in golds)
    )
    c.gold_found = sum(1 for g0, g1 in golds if any(_overlaps(s, e, g0, g1) for s, e in preds))
    has_pred, has_gold = (bool(preds) if claimed is None else claimed), bool(golds)
    c.doc_tp, c.doc_fp, c.doc_fn = int(has_pred and has_gold), int(has_pred and not has_gold), int(has_gold and not has_pred)
    return c


@dataclass
class Scores:
    """Counts per category and per family, accumulated over contracts."""

    taxonomy: Taxonomy
    categories: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    families: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    contracts: int = 0

    def add_contract(self, predicted: Iterable[Predicted], gold: Iterable[GoldSpan],
                     present: Iterable[str] | None = None) -> None:
        """Score one contract. Only categories with CUAD labels are scored (the others have no gold).

        ``present``: the categories the predictor says the contract contains (a family is present when one
        of its categories is); without it, those of the tagged clauses.
        """
        scored = {c.id for c in self.taxonomy.categories if c.cuad}
        family_of = {c.id: c.family for c in self.taxonomy.categories}
        by_cat: dict[str, set[tuple[int, int]]] = defaultdict(set)
        by_fam: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for s, e, cat in predicted:
            if cat in scored:
                by_cat[cat].add((s, e))
                by_fam[family_of[cat]].add((s, e))
        gold_cat: dict[str, list[tuple[int, int]]] = defaultdict(list)
        gold_fam: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for g in gold:
            gold_cat[g.category].append((g.start, g.end))
            gold_fam[family_of[g.category]].append((g.start, g.end))
        said = None if present is None else {c for c in present if c in scored}
        said_fam = None if said is None else {family_of[c] for c in said}
        for cat in scored:
            self.categories[cat].add(_score(sorted(by_cat.get(cat, ())), gold_cat.get(cat, []),
                                            None if said is None else cat in said))
        for fam in {family_of[c] for c in scored}:
            self.families[fam].add(_score(sorted(by_fam.get(fam, ())), gold_fam.get(fam, []),
                                          None if said_fam is None else fam in said_fam))
        self.contracts += 1

    def micro(self, families: Iterable[str]) -> Counts:
        total = Counts()
        for f in families:
            total.add(self.families[f])
        return total

    def micro_categories(self, families: Iterable[str]) -> Counts:
        fams = set(families)
        total = Counts()
        for cat, counts in self.categories.items():
            if self.taxonomy.get(cat).family in fams:
                total.add(counts)
        return total
