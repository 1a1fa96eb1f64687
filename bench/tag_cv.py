"""Grouped cross-validation harness for tagger experiments (training side only; never reads held-out).

``python bench/tag_cv.py cache --data ../shared/data`` parses the training contracts once into
``bench/out/tag_cv_cache.pkl``; ``python bench/tag_cv.py run --exp NAME`` then scores an experiment by
5-fold grouped CV (the folds of :func:`leverage_lens.training.tagger.fold_of`), measured as
``leverage-lens eval cuad`` measures (core families, micro, model tags only, family thresholds chosen on the
same out-of-fold scores, as training does).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

CACHE = Path(__file__).parent / "out" / "tag_cv_cache.pkl"


def cache(data: Path) -> None:
    from leverage_lens.evaluate.data import load_cuad
    from leverage_lens.training.tagger import examples

    t0 = time.perf_counter()
    contracts = list(load_cuad(data, parts=["train", "dev"]))
    xs = examples(contracts)
    CACHE.write_bytes(pickle.dumps((contracts, xs)))
    print(f"{len(contracts)} contracts, {len(xs)} units in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def _setup():
    import numpy as np

    from leverage_lens.tag.decision import FAMILY_PREFIX
    from leverage_lens.tag.pipeline import blank_pipeline
    from leverage_lens.taxonomy import default
    from leverage_lens.training.tagger import _features

    contracts, xs = pickle.loads(CACHE.read_bytes())
    tax = default()
    family = {cat.id: cat.family for cat in tax.categories}
    categories = sorted({cat.id for cat in tax.categories if cat.cuad})
    labels = categories + [FAMILY_PREFIX + f for f in sorted({family[k] for k in categories})]
    feat_cache = CACHE.with_name("tag_cv_feats.pkl")
    if feat_cache.exists():
        first, more, owners = pickle.loads(feat_cache.read_bytes())
    else:
        nlp = blank_pipeline()
        first = _features(nlp, [e.text for e in xs])
        owners = [i for i, e in enumerate(xs) for _ in e.windows]
        more = _features(nlp, [w for e in xs for w in e.windows])
        feat_cache.write_bytes(pickle.dumps((first, more, owners)))
    return contracts, xs, tax, family, labels, first, more, owners, np


def run(exp: str, c: float) -> None:
    from leverage_lens.training.tag_fit import unsure_labels
    from leverage_lens.training.tag_selection import Scored, choose_clause_thresholds, choose_contract_rule
    from leverage_lens.training.tagger import _calibrate, _calibrated, _out_of_fold
    from leverage_lens.tag.decision import cut_vector

    t0 = time.perf_counter()
    contracts, xs, tax, family, labels, first, more, owners, np = _setup()
    fit = {"max_features": 100_000, "min_df": 2, "c": c, "unsure": "unsure" in exp, "window_labels": "windows" in exp}
    print(exp, fit, "unsure unit-labels:", sum(len(e.unsure) for e in xs), file=sys.stderr)
    raw = _out_of_fold(first, more, owners, xs, labels, family, 5, lambda m: print(m, file=sys.stderr), **fit)
    np.save(CACHE.with_name(f"oof_{exp}.npy"), raw)
    report(exp, raw)
    print(f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)


def report(exp: str, raw=None) -> None:
    from leverage_lens.training.tag_selection import Scored, choose_clause_thresholds, choose_contract_rule
    from leverage_lens.training.tagger import _calibrate, _calibrated
    from leverage_lens.tag.decision import cut_vector

    contracts, xs, tax, family, labels, first, more, owners, np = _setup()
    if raw is None:
        raw = np.load(CACHE.with_name(f"oof_{exp}.npy"))
    cal = _calibrate(raw, xs, labels, family)
    probs = _calibrated(raw, labels, cal)
    scored = Scored(probs, [e.doc_id for e in xs], [e.clause for e in xs], contracts, labels, family, tax)
    th, fam_cuts, one, with_cuts = choose_clause_thresholds(scored, 0.5)
    _, ccuts, doc = choose_contract_rule(scored, cut_vector(labels, family, fam_cuts, th))
    print(f"{exp}: clause F1 one cut {one.f1:.4f} (t {th}; P {one.precision:.3f} R {one.recall:.3f}); "
          f"family cuts {with_cuts.f1:.4f} (P {with_cuts.precision:.3f} R {with_cuts.recall:.3f}) {fam_cuts}; "
          f"contract F1 (families) {doc.doc_f1:.4f}")


def weak(c: float) -> None:
    """Out-of-fold weak-label scores (heading-less inputs), against the heading labels of the held-out fold."""
    from sklearn.metrics import average_precision_score

    from leverage_lens.tag.pipeline import blank_pipeline
    from leverage_lens.tag.rules import RuleMatcher
    from leverage_lens.training.tag_fit import vocabulary
    from leverage_lens.training.tag_weak import WEAK_CATEGORIES, fit_weak, heading_targets, weak_scores, without_heading
    from leverage_lens.training.tagger import _features, fold_of

    t0 = time.perf_counter()
    contracts, xs, tax, family, labels, first, more, owners, np = _setup()
    nohead_cache = CACHE.with_name("tag_cv_nohead.pkl")
    nlp = blank_pipeline()
    if nohead_cache.exists():
        nohead = pickle.loads(nohead_cache.read_bytes())
    else:
        nohead = _features(nlp, [without_heading(e.text) for e in xs])
        nohead_cache.write_bytes(pickle.dumps(nohead))
    weak_labels = list(WEAK_CATEGORIES)
    pos, unsure = heading_targets([e.context for e in xs], tax)
    fold = np.array([fold_of(e.doc_id, 5) for e in xs])
    raw = np.zeros((len(xs), len(weak_labels)))
    for k in range(5):
        inside, outside = np.flatnonzero(fold == k), np.flatnonzero(fold != k)
        table, idf = vocabulary([first[i] for i in outside], 100_000, 2)
        w, b = fit_weak([nohead[i] for i in outside], table, idf, [pos[i] for i in outside],
                        [unsure[i] for i in outside], weak_labels, c=c)
        raw[inside] = weak_scores([nohead[i] for i in inside], table, idf, w, b)
        print(f"fold {k + 1}", file=sys.stderr)
    np.save(CACHE.with_name(f"oof_weak_C{c}.npy"), raw)
    from leverage_lens.tag.calibration import fit_platt

    rules = RuleMatcher(nlp.vocab, tax)
    hits = [{h.category for h in rules.hits(d)} for d in nlp.tokenizer.pipe([e.own for e in xs])]
    for j, k in enumerate(weak_labels):
        y = np.array([k in p for p in pos])
        keep = np.array([k not in u for u in unsure])
        pl = fit_platt(raw[keep, j].tolist(), y[keep].tolist())
        z = np.log(np.clip(raw[:, j], 1e-6, 1 - 1e-6) / (1 - np.clip(raw[:, j], 1e-6, 1 - 1e-6)))
        prob = 1 / (1 + np.exp(-(pl.a * z + pl.b)))
        yk, pk = y[keep], prob[keep]
        ap = average_precision_score(yk, pk)
        tp = int(((pk >= 0.5) & yk).sum()); fp = int(((pk >= 0.5) & ~yk).sum()); fn = int(((pk < 0.5) & yk).sum())
        rule = np.array([k in h for h in hits])[keep]
        rp = (rule & yk).sum() / max(1, rule.sum())
        r_hi = (rule & (pk >= 0.5))
        r_lo = (rule & (pk < 0.5))
        print(f"{k}: pos {int(yk.sum())} AP {ap:.3f}; at 0.5: P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f}; "
              f"rule hits {int(rule.sum())} (heading-positive {rp:.2f}; with p>=0.5 {int(r_hi.sum())} "
              f"pos {(r_hi & yk).sum() / max(1, r_hi.sum()):.2f}; p<0.5 {int(r_lo.sum())} pos {(r_lo & yk).sum() / max(1, r_lo.sum()):.2f}); "
              f"model-only p>=0.5 without heading {int(((pk >= 0.5) & ~yk & ~rule).sum())}")
    print(f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)


def _probs(exp: str):
    from leverage_lens.training.tagger import _calibrate, _calibrated

    contracts, xs, tax, family, labels, first, more, owners, np = _setup()
    raw = np.load(CACHE.with_name(f"oof_{exp}.npy"))
    return contracts, xs, tax, family, labels, _calibrated(raw, labels, _calibrate(raw, xs, labels, family)), np


def _boosted(probs, doc_rows, bonus, np):
    """Each contract's best unit per label gets ``bonus`` (a vector over labels) added."""
    q = probs.copy()
    for rows in doc_rows.values():
        r = np.asarray(rows)
        top = r[np.argmax(probs[r], axis=0)]
        q[top, np.arange(probs.shape[1])] = np.minimum(1.0, probs[top, np.arange(probs.shape[1])] + bonus)
    return q


def decode(exp: str) -> None:
    """Nested check of a contract-rank bonus: the contract's best unit for a label gets its threshold lowered
    by a per-family bonus; bonus and family cuts chosen on some folds, scored on the others."""
    from leverage_lens.tag.decision import cut_vector, label_family
    from leverage_lens.taxonomy import CORE_FAMILIES
    from leverage_lens.training.tag_selection import Scored, choose_clause_thresholds, clause_counts
    from leverage_lens.training.tagger import fold_of

    contracts, xs, tax, family, labels, probs, np = _probs(exp)
    fold = {c.doc_id: fold_of(c.doc_id, 5) for c in contracts}
    fam_of_label = [label_family(k, family) for k in labels]

    def scored_on(ids, q):
        rows = [i for i, e in enumerate(xs) if e.doc_id in ids]
        sub = [c for c in contracts if c.doc_id in ids]
        return Scored(q[rows], [xs[i].doc_id for i in rows], [xs[i].clause for i in rows], sub, labels, family, tax)

    grid = [0.0, 0.05, 0.1, 0.15, 0.2, 0.3]
    for choose in ({0, 1, 2}, {3, 4}, {1, 3, 4}, {0, 2}):
        a = {d for d, f in fold.items() if f in choose}
        b = set(fold) - a
        rows_a = {}
        for i, e in enumerate(xs):
            rows_a.setdefault(e.doc_id, []).append(i)
        base_a = scored_on(a, probs)
        th, cuts, _, best = choose_clause_thresholds(base_a, 0.5)
        bon = {f: 0.0 for f in CORE_FAMILIES}
        for f in CORE_FAMILIES:
            for g in grid:
                trial = {**bon, f: g}
                vec = np.array([trial.get(x or "", 0.0) for x in fam_of_label])
                q = _boosted(probs, rows_a, vec, np)
                m = clause_counts(scored_on(a, q), cut_vector(labels, family, cuts, th))
                if m.f1 > best.f1 + 1e-9:
                    bon, best = trial, m
        vec = np.array([bon.get(x or "", 0.0) for x in fam_of_label])
        cv = cut_vector(labels, family, cuts, th)
        plain = clause_counts(scored_on(b, probs), cv)
        boosted = clause_counts(scored_on(b, _boosted(probs, rows_a, vec, np)), cv)
        print(f"choose on folds {sorted(choose)}: bonus {bon}; other folds F1 {plain.f1:.4f} -> {boosted.f1:.4f} "
              f"(P {plain.precision:.3f}->{boosted.precision:.3f}, R {plain.recall:.3f}->{boosted.recall:.3f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["cache", "run", "report", "weak", "decode"])
    ap.add_argument("--exp", default="base")
    ap.add_argument("-C", type=float, default=8.0)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = ap.parse_args()
    if args.cmd == "cache":
        cache(args.data)
    elif args.cmd == "run":
        run(args.exp, args.C)
    elif args.cmd == "decode":
        decode(args.exp)
    elif args.cmd == "weak":
        weak(args.C)
    else:
        report(args.exp)


if __name__ == "__main__":
    main()
