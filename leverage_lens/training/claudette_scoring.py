"""The CLAUDETTE measure and honest figures for it: span-overlap scoring, the threshold that maximises it,
company-grouped folds, cross-validation with thresholds chosen away from the fold they score, and a bootstrap
interval over companies. Pure Python; the training that produces the scores is in
:mod:`leverage_lens.training.claudette`.

Span overlap (per type): a reported sentence is correct when it overlaps a gold span of that type (levels 2-3)
by a character or more (precision); a gold span is found when a reported sentence overlaps it (recall).

Why honest cross-validation: in rounds 1-2 configurations were ranked by the macro-F1 at thresholds chosen on
all out-of-fold scores, the scored fold included, on one partition of the 30 train companies. That figure
(0.797) was optimistic by about 0.045: choosing each fold's thresholds on the other folds, and averaging over
shuffled partitions, gives about 0.75, closer to the 0.711 measured on the validation companies
(docs/evaluation.md).
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..checks.claudette import CLAUDETTE

__all__ = ["CODES", "CrossValidation", "TaggedDoc", "TypeScore", "best_span_threshold", "bootstrap_interval",
           "company_folds", "cross_validate", "evaluate", "honest_fold_scores"]

CODES = tuple(CLAUDETTE)


@dataclass
class TaggedDoc:
    """One company's terms: the text without tags, its gold spans and the library's sentences over it (the
    units scored). A unit is positive for a type when a gold span of that type (level 2-3) covers at least
    half of it, or 40 characters of it: what the model is trained on; the measure itself counts any overlap."""

    company: str
    split: str
    text: str
    gold: list[tuple[int, int, str, int]]  # start, end, code, level
    units: list[tuple[int, int]] = field(default_factory=list)

    def unit_labels(self) -> list[set[str]]:
        out = []
        for s, e in self.units:
            labs = set()
            for gs, ge, code, level in self.gold:
                ov = min(e, ge) - max(s, gs)
                if level in (2, 3) and ov > 0 and (ov >= 0.5 * (e - s) or ov >= 40):
                    labs.add(code)
            out.append(labs)
        return out


@dataclass
class TypeScore:
    """Span-overlap precision, recall and F1 of one type, with the counts they come from (the counts add up
    over companies, which the bootstrap uses)."""

    precision: float
    recall: float
    f1: float
    reported: int
    gold: int
    correct: int = 0  # reported sentences overlapping a gold span
    found: int = 0  # gold spans overlapped by a reported sentence


def evaluate(docs: Sequence[TaggedDoc], predicted: Sequence[list[set[str]]]) -> dict[str, TypeScore]:
    """Span-overlap precision/recall/F1 per type (see module docstring)."""
    out = {}
    for code in CODES:
        rep = ok = gold_n = found = 0
        for d, preds in zip(docs, predicted):
            golds = [(s, e) for s, e, c, lvl in d.gold if c == code and lvl in (2, 3)]
            spans = [u for u, p in zip(d.units, preds) if code in p]
            rep += len(spans)
            ok += sum(1 for s, e in spans if any(min(e, ge) > max(s, gs) for gs, ge in golds))
            gold_n += len(golds)
            found += sum(1 for gs, ge in golds if any(min(e, ge) > max(s, gs) for s, e in spans))
        p = ok / rep if rep else 0.0
        r = found / gold_n if gold_n else 0.0
        out[code] = TypeScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, rep, gold_n, ok, found)
    return out


def best_span_threshold(docs: Sequence[TaggedDoc], scores: Sequence[float], code: str) -> float:
    """The threshold that maximises the span-overlap F1 of ``code`` (the measure :func:`evaluate` reports)
    over out-of-fold scores, one per unit of ``docs`` in order.

    Span-level recall needs one reported sentence per gold span, so the best threshold sits higher than the
    sentence-level one: choosing it on the measure itself trades the extra sentences of long gold spans for
    precision. Candidates are the distinct scores of the top 10% of units."""
    unit_hits: list[tuple[float, bool]] = []  # (score, overlaps a gold span of code)
    gold_best: list[float] = []  # per gold span, the best score among the units overlapping it
    k = 0
    for d in docs:
        golds = [(gs, ge) for gs, ge, c, lvl in d.gold if c == code and lvl in (2, 3)]
        best = [float("-inf")] * len(golds)
        for s, e in d.units:
            sc = scores[k]
            k += 1
            hit = False
            for j, (gs, ge) in enumerate(golds):
                if min(e, ge) > max(s, gs):
                    hit = True
                    best[j] = max(best[j], sc)
            unit_hits.append((sc, hit))
        gold_best += best
    if not gold_best:
        return 0.0
    ranked = sorted(unit_hits, key=lambda t: -t[0])
    golds_sorted = sorted(gold_best, reverse=True)
    top = max(1, len(ranked) // 10)
    best_f1, best_t = -1.0, ranked[0][0]
    rep = ok = g = 0
    for i, (sc, hit) in enumerate(ranked[:top]):
        rep += 1
        ok += hit
        if i + 1 < len(ranked) and ranked[i + 1][0] == sc:
            continue  # ties are reported together
        while g < len(golds_sorted) and golds_sorted[g] >= sc:
            g += 1
        p, r = ok / rep, g / len(golds_sorted)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best_f1:
            best_f1, best_t = f1, sc
    return float(best_t)


def company_folds(companies: Sequence[str], k: int = 5, seed: int | None = None) -> list[set[str]]:
    """``k`` folds of whole companies: round-robin over the sorted names (``seed`` None, the folds the shipped
    thresholds come from) or over a seeded shuffle (the repeated partitions of :func:`cross_validate`)."""
    names = sorted(set(companies))
    if seed is not None:
        import random

        random.Random(seed).shuffle(names)
    return [set(names[i::k]) for i in range(k)]


def _macro(scores: dict[str, TypeScore]) -> float:
    """Macro-F1 over the types that have gold spans in the units scored (all eight on the full splits)."""
    present = [t.f1 for t in scores.values() if t.gold]
    return sum(present) / len(present) if present else 0.0


def _split(docs: Sequence[TaggedDoc], scores: dict[str, list[float]], keep: set[str],
           ) -> tuple[list[TaggedDoc], dict[str, list[float]]]:
    """The documents of the companies in ``keep``, and their units' scores (``scores`` runs over ``docs``)."""
    sel_docs, idx, k = [], [], 0
    for d in docs:
        if d.company in keep:
            sel_docs.append(d)
            idx += range(k, k + len(d.units))
        k += len(d.units)
    return sel_docs, {code: [v[i] for i in idx] for code, v in scores.items()}


@dataclass
class CrossValidation:
    """Company-grouped cross-validation on the train companies, with thresholds chosen honestly.

    ``fold_f1``: per held-out fold, the span-overlap macro-F1 when each type's threshold is chosen on the
    out-of-fold scores of the *other* folds (the held-out fold never sets its own threshold), for every
    partition run (the sorted round-robin one first, then the seeded shuffles). ``pooled_f1``: per partition,
    the same predictions scored over all train companies at once. ``optimistic_f1``: thresholds chosen on all
    out-of-fold scores, the held-out fold included (how configurations were ranked in rounds 1-2: optimistic
    for every variant alike)."""

    fold_f1: list[float]
    pooled_f1: list[float]
    optimistic_f1: float

    def summary(self) -> str:
        sd = statistics.stdev(self.fold_f1) if len(self.fold_f1) > 1 else 0.0
        pooled = ", ".join(f"{f:.3f}" for f in self.pooled_f1)
        return (f"CV on train companies ({len(self.pooled_f1)} partition(s) x 5 folds): macro-F1 per fold "
                f"{statistics.mean(self.fold_f1):.3f} +- {sd:.3f}; pooled {pooled}; "
                f"optimistic (thresholds on all folds) {self.optimistic_f1:.3f}")


def honest_fold_scores(docs: Sequence[TaggedDoc], oof: dict[str, list[float]], folds: Sequence[set[str]],
                       ) -> tuple[list[float], float]:
    """Per fold, the macro-F1 with thresholds chosen on the other folds' out-of-fold scores; and the pooled
    macro-F1 of those predictions (see :class:`CrossValidation`)."""
    per_fold = []
    preds: dict[str, list[set[str]]] = {}
    for fold in folds:
        others = {d.company for d in docs} - fold
        o_docs, o_scores = _split(docs, oof, others)
        thr = {code: best_span_threshold(o_docs, o_scores[code], code) for code in CODES}
        f_docs, f_scores = _split(docs, oof, fold)
        k = 0
        f_preds = []
        for d in f_docs:
            f_preds.append([{c for c in CODES if f_scores[c][k + i] >= thr[c]} for i in range(len(d.units))])
            preds[d.company] = f_preds[-1]
            k += len(d.units)
        per_fold.append(_macro(evaluate(f_docs, f_preds)))
    return per_fold, _macro(evaluate(docs, [preds[d.company] for d in docs]))


def cross_validate(docs: Sequence[TaggedDoc], scores_for: Callable[[list[set[str]]], dict[str, list[float]]], *,
                   repeats: int = 0, oof: dict[str, list[float]] | None = None) -> CrossValidation:
    """Honest company-grouped CV on ``docs`` (the train companies): the sorted partition (reusing ``oof``, its
    out-of-fold scores, when given, as :func:`~.claudette.run` does) and ``repeats`` seeded shuffles of it.
    ``scores_for(folds)`` trains and returns the out-of-fold scores of a partition (the configuration under
    test). With 30 companies the per-fold figure moves by several points, so configurations are compared on
    the mean of repeated partitions, never on one."""
    groups = [d.company for d in docs]
    folds = company_folds(groups)
    if oof is None:
        oof = scores_for(folds)
    thr = {code: best_span_threshold(docs, oof[code], code) for code in CODES}
    k = 0
    opt_preds = []
    for d in docs:
        opt_preds.append([{c for c in CODES if oof[c][k + i] >= thr[c]} for i in range(len(d.units))])
        k += len(d.units)
    fold_f1, pooled = honest_fold_scores(docs, oof, folds)
    pooled_f1 = [pooled]
    for seed in range(1, repeats + 1):
        folds = company_folds(groups, seed=seed)
        per_fold, pooled = honest_fold_scores(docs, scores_for(folds), folds)
        fold_f1 += per_fold
        pooled_f1.append(pooled)
    return CrossValidation(fold_f1=fold_f1, pooled_f1=pooled_f1, optimistic_f1=_macro(evaluate(docs, opt_preds)))


def bootstrap_interval(docs: Sequence[TaggedDoc], predicted: Sequence[list[set[str]]], *, samples: int = 1000,
                       seed: int = 0, level: float = 0.9) -> tuple[float, float]:
    """A ``level`` interval of the span-overlap macro-F1 over resamples of whole companies (with replacement):
    how far the validation figure could move with another ten companies like these. A type without gold
    spans in a resample is left out of that resample's macro."""
    per_doc = [evaluate([d], [p]) for d, p in zip(docs, predicted)]  # counts add up over companies
    rng = random.Random(seed)
    n = len(docs)
    values = []
    for _ in range(samples):
        pick = [rng.randrange(n) for _ in range(n)]
        total = {}
        for code in CODES:
            rep = sum(per_doc[i][code].reported for i in pick)
            ok = sum(per_doc[i][code].correct for i in pick)
            gold = sum(per_doc[i][code].gold for i in pick)
            found = sum(per_doc[i][code].found for i in pick)
            p, r = (ok / rep if rep else 0.0), (found / gold if gold else 0.0)
            total[code] = TypeScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, rep, gold, ok, found)
        values.append(_macro(total))
    values.sort()
    lo = values[int((1 - level) / 2 * samples)]
    hi = values[min(samples - 1, int((1 + level) / 2 * samples))]
    return lo, hi
