"""Train the clause tagger on CUAD: ``python -m leverage_lens.tag.train --data ../shared/data``
(also ``leverage-lens train tagger --data ../shared/data``).

Training needs scikit-learn (the ``[eval]`` extra): each category's logistic regression is fitted by
liblinear; the product only applies the weights. Only the ``train`` part of the split fits the model; the ``dev`` part calibrates its scores (Platt, per
category), picks the tagging threshold and measures each phrase rule's precision; ``held-out`` is never
read here. Units and labels are exactly what the tagger sees at run time (:mod:`.units`). The result goes
to ``models/leverage_lens_tagger`` (spaCy pipeline + ``calibration.json``) and its model card.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..api import Analyzer
from ..evaluate.data import Contract, Part, load_cuad, unit_labels
from ..taxonomy import CORE_FAMILIES, default
from .calibration import Platt, fit_platt
from .decision import FAMILY_PREFIX, decide
from .pipeline import MODEL_NAME, TEXTCAT, blank_pipeline, save_calibration
from .units import units

__all__ = ["Example", "examples", "main", "train"]

#: Most features (words and word pairs) the model keeps, by document frequency: bounds its size.
MAX_FEATURES = 100_000


@dataclass(frozen=True)
class Example:
    doc_id: str
    text: str  # the model's input (context + own text)
    own: str  # the unit's own text, for the rules
    labels: frozenset[str]
    clause: tuple[int, int] = (0, 0)  # the tagged clause's start and end in the contract text
    windows: tuple[str, ...] = ()  # a long unit's further model inputs (:meth:`.units.Unit.more_windows`)


def examples(contracts: Sequence[Contract]) -> list[Example]:
    """Every tagging unit of the contracts, with the categories its gold spans give it."""
    parser = Analyzer()
    out = []
    for c in contracts:
        doc = parser.parse_text(c.text, name=c.doc_id)
        for u in units(doc.clauses):
            labels = unit_labels(u.start, u.end, c.spans)
            clause = doc.clauses[u.index]
            out.append(Example(c.doc_id, u.model_text(doc.text), doc.text[u.start : u.end], frozenset(labels),
                               (clause.start, clause.end), tuple(u.more_windows(doc.text))))
    return out


def _features(nlp: Any, texts: list[str]) -> list[Any]:
    from .textcat import doc_features

    return [doc_features(doc) for doc in nlp.tokenizer.pipe(texts)]


def _vocabulary(feats: list[Any], max_features: int, min_df: int) -> tuple[Any, Any]:
    """The most frequent features (by document frequency, at least ``min_df``) and their smoothed IDF."""
    import numpy as np

    uniq, df = np.unique(np.concatenate([np.unique(f) for f in feats]), return_counts=True)
    keep = df >= min_df
    uniq, df = uniq[keep], df[keep]
    if len(uniq) > max_features:
        top = np.argsort(-df, kind="stable")[:max_features]
        uniq, df = uniq[top], df[top]
    order = np.argsort(uniq)
    idf = np.log((1 + len(feats)) / (1 + df[order])) + 1.0
    return uniq[order], idf.astype(np.float32)


def _matrix(feats: list[Any], table: Any, idf: Any) -> Any:
    from scipy.sparse import csr_matrix

    from .textcat import tfidf_rows

    row, col, val = tfidf_rows(feats, table, idf)
    return csr_matrix((val, (row, col)), shape=(len(feats), len(table)))


def _unit_scores(nlp: Any, textcat: Any, data: list[Example]) -> Any:
    """Raw scores per unit as the tagger computes them: a long unit scores as its best window."""
    import numpy as np

    texts = [e.text for e in data]
    owners = [i for i, e in enumerate(data) for _ in e.windows]
    texts += [w for e in data for w in e.windows]
    raw = textcat.predict([nlp.make_doc(t) for t in texts])
    probs = raw[: len(data)].copy()
    if owners:
        np.maximum.at(probs, np.array(owners), raw[len(data):])
    return probs


def _has(label: str, gold: frozenset[str], family: dict[str, str]) -> bool:
    """Whether a unit with categories ``gold`` is a positive for ``label`` (a category or ``family:<id>``)."""
    if label.startswith(FAMILY_PREFIX):
        return any(family[g] == label[len(FAMILY_PREFIX):] for g in gold)
    return label in gold


def _fit(x: Any, data: list[Example], labels: list[str], c: float) -> tuple[Any, Any]:
    """One class-balanced L2 logistic regression per category (scikit-learn, training time only)."""
    import numpy as np

    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        from ..errors import EvalDependencyError

        raise EvalDependencyError("training the tagger needs scikit-learn: pip install 'leverage-lens[eval]'") from exc
    family = {cat.id: cat.family for cat in default().categories}
    weights = np.zeros((x.shape[1], len(labels)), dtype=np.float32)
    bias = np.full(len(labels), -20.0, dtype=np.float32)  # never seen in training: never predicted
    for j, label in enumerate(labels):
        y = np.array([_has(label, e.labels, family) for e in data])
        if y.any():
            model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=1000)
            model.fit(x, y)
            weights[:, j] = model.coef_[0]
            bias[j] = model.intercept_[0]
    return weights, bias


def _calibrate(probs: Any, dev: list[Example], labels: list[str]) -> dict[str, Platt]:
    family = {cat.id: cat.family for cat in default().categories}
    return {k: fit_platt(probs[:, j].tolist(), [_has(k, e.labels, family) for e in dev]) for j, k in enumerate(labels)}


def _threshold(probs: Any, dev: list[Example], dev_contracts: list[Contract], labels: list[str],
               calibration: dict[str, Platt]) -> tuple[float, float, float, float]:
    """The calibrated probability to tag at: best clause-level micro-F1 of the core families on the dev
    contracts, measured exactly as ``leverage-lens eval cuad`` measures held-out contracts."""
    import numpy as np

    from ..evaluate.metrics import Scores

    a = np.array([calibration[k].a for k in labels])
    b = np.array([calibration[k].b for k in labels])
    raw = np.clip(probs.astype(np.float64), 1e-6, 1 - 1e-6)
    calibrated = 1 / (1 + np.exp(-(a * np.log(raw / (1 - raw)) + b)))
    family = {cat.id: cat.family for cat in default().categories}
    rows_of: dict[str, list[int]] = {}
    for i, e in enumerate(dev):
        rows_of.setdefault(e.doc_id, []).append(i)
    best = (0.0, 0.5, 0.0, 0.0)
    for step in range(10, 71, 5):
        cut = step / 100
        scores = Scores(default())
        for c in dev_contracts:
            rows = rows_of.get(c.doc_id, [])
            predicted = [(*dev[i].clause, k) for i in rows for k in decide(calibrated[i], labels, cut, family)]
            scores.add_contract(predicted, c.spans)
        m = scores.micro(CORE_FAMILIES)
        best = max(best, (m.f1, cut, m.precision, m.recall))
    f1, cut, precision, recall = best
    return cut, precision, recall, f1


def _calibrated(probs: Any, labels: list[str], calibration: dict[str, Platt]) -> Any:
    import numpy as np

    a = np.array([calibration[k].a for k in labels])
    b = np.array([calibration[k].b for k in labels])
    raw = np.clip(probs.astype(np.float64), 1e-6, 1 - 1e-6)
    return 1 / (1 + np.exp(-(a * np.log(raw / (1 - raw)) + b)))


def _family_thresholds(calibrated: Any, dev: list[Example], dev_contracts: list[Contract], labels: list[str],
                       start: float) -> tuple[dict[str, float], Any]:
    """Per core family clause thresholds: coordinate ascent (two passes) from the global ``start`` on the
    dev contracts' clause-level core micro-F1, over a coarse grid kept near the global cut (0.25..0.60) so
    that 60 dev contracts cannot pull it far. Ties keep the current value."""
    from ..evaluate.metrics import Scores
    from .decision import cut_vector

    family = {cat.id: cat.family for cat in default().categories}
    rows_of: dict[str, list[int]] = {}
    for i, e in enumerate(dev):
        rows_of.setdefault(e.doc_id, []).append(i)

    def score(th: dict[str, float]) -> Any:
        cuts = cut_vector(labels, family, th, start)
        scores = Scores(default())
        for c in dev_contracts:
            rows = rows_of.get(c.doc_id, [])
            predicted = [(*dev[i].clause, k) for i in rows for k in decide(calibrated[i], labels, cuts, family)]
            scores.add_contract(predicted, c.spans)
        return scores.micro(CORE_FAMILIES)

    th = {f: start for f in CORE_FAMILIES}
    best = score(th)
    for _ in range(2):
        for f in CORE_FAMILIES:
            for step in range(25, 61, 5):
                trial = {**th, f: step / 100}
                m = score(trial)
                if m.f1 > best.f1 + 1e-9:
                    th, best = trial, m
    return th, best


def _contract_thresholds(calibrated: Any, dev: list[Example], dev_contracts: list[Contract], labels: list[str],
                         clause_cuts: dict[str, float]) -> tuple[dict[str, float], dict[str, int]]:
    """Per core family: the threshold on a contract's best unit (at most the clause one, since a tagged
    clause makes the family present) that maximises contract-level F1 on the dev contracts. Ties keep the
    higher (more conservative) threshold."""
    import numpy as np

    family = {cat.id: cat.family for cat in default().categories}
    rows_of: dict[str, list[int]] = {}
    for i, e in enumerate(dev):
        rows_of.setdefault(e.doc_id, []).append(i)
    best_rows = {c.doc_id: (calibrated[rows_of[c.doc_id]].max(axis=0) if c.doc_id in rows_of
                            else np.zeros(len(labels))) for c in dev_contracts}
    gold = {c.doc_id: {family[g.category] for g in c.spans} for c in dev_contracts}
    out: dict[str, float] = {}
    counts = {"tp": 0, "fp": 0, "fn": 0}
    for f in CORE_FAMILIES:
        cols = [j for j, k in enumerate(labels) if (k[len(FAMILY_PREFIX):] if k.startswith(FAMILY_PREFIX)
                                                    else family.get(k)) == f]
        top = max(int(round(clause_cuts[f] * 100)), 10)
        choice: tuple[float, float, tuple[int, int, int]] | None = None
        for step in range(top, 9, -5):
            cut = step / 100
            tp = fp = fn = 0
            for c in dev_contracts:
                said = bool((best_rows[c.doc_id][cols] >= cut).any())
                has = f in gold[c.doc_id]
                tp, fp, fn = tp + (said and has), fp + (said and not has), fn + (has and not said)
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if choice is None or f1 > choice[0] + 1e-9:
                choice = (f1, cut, (tp, fp, fn))
        assert choice is not None
        out[f] = choice[1]
        for key, v in zip(("tp", "fp", "fn"), choice[2]):
            counts[key] += v
    return out, counts


def train(data: Path, out: Path, *, limit: int | None = None, log: Any = print,
          split: dict[str, Part] | None = None, max_features: int = MAX_FEATURES, min_df: int = 2,
          c: float = 1.0) -> dict[str, Any]:
    """Build the tagger from CUAD in ``data`` into ``out``; returns the facts the model card reports."""
    tax = default()
    categories = sorted({cat.id for cat in tax.categories if cat.cuad})
    labels = categories + [FAMILY_PREFIX + f for f in sorted({tax.get(k).family for k in categories})]
    t0 = time.perf_counter()
    train_c = list(load_cuad(data, parts=["train"], limit=limit, split=split))
    dev_c = list(load_cuad(data, parts=["dev"], limit=limit, split=split))
    train_x, dev_x = examples(train_c), examples(dev_c)
    log(f"{len(train_c)} train contracts ({len(train_x)} units), {len(dev_c)} dev contracts ({len(dev_x)} units)")
    nlp = blank_pipeline()
    train_f = _features(nlp, [e.text for e in train_x])
    table, idf = _vocabulary(train_f, max_features, min_df)
    weights, bias = _fit(_matrix(train_f, table, idf), train_x, labels, c)
    textcat = nlp.get_pipe(TEXTCAT)
    textcat.set_weights(labels, table, idf, weights, bias)
    log(f"fitted {len(labels)} categories over {len(table)} features")
    probs = _unit_scores(nlp, textcat, dev_x)
    calibration = _calibrate(probs, dev_x, labels)
    threshold, dev_p, dev_r, dev_f1 = _threshold(probs, dev_x, dev_c, labels, calibration)
    calibrated = _calibrated(probs, labels, calibration)
    family_cuts, fam_m = _family_thresholds(calibrated, dev_x, dev_c, labels, threshold)
    contract_cuts, doc_counts = _contract_thresholds(calibrated, dev_x, dev_c, labels, family_cuts)
    log(f"dev clause F1 {dev_f1:.3f} (global {threshold}) -> {fam_m.f1:.3f} with family cuts {family_cuts}; "
        f"contract cuts {contract_cuts}")
    from .rules import RuleMatcher, rule_precision

    precision = rule_precision(RuleMatcher(nlp.vocab, tax), [e.own for e in dev_x], [e.labels for e in dev_x])
    final, out = out, out.parent / f".{out.name}.tmp-{os.getpid()}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    nlp.meta.update({"name": MODEL_NAME.removeprefix("leverage_lens_"), "version": "0.1.0",
                     "description": "leverage_lens clause tagger (CUAD categories), see MODEL_CARD.md"})
    nlp.to_disk(out)
    meta = {
        "train_contracts": len(train_c), "dev_contracts": len(dev_c),
        "train_units": len(train_x), "dev_units": len(dev_x), "features": len(table),
        "min_df": min_df, "C": c, "threshold": threshold,
        "dev_clause_family_precision": round(dev_p, 3), "dev_clause_family_recall": round(dev_r, 3),
        "dev_clause_family_f1": round(dev_f1, 3),
        "family_thresholds": family_cuts, "contract_thresholds": contract_cuts,
        "dev_clause_family_f1_family_cuts": round(fam_m.f1, 3),
        "dev_clause_family_precision_family_cuts": round(fam_m.precision, 3),
        "dev_clause_family_recall_family_cuts": round(fam_m.recall, 3),
        "dev_contract_family_f1": round(2 * doc_counts["tp"] / max(1, 2 * doc_counts["tp"] + doc_counts["fp"]
                                                                  + doc_counts["fn"]), 3),
        "seconds": round(time.perf_counter() - t0, 1), "labels": len(labels), "categories": len(categories),
    }
    save_calibration(out, calibration, threshold, precision, meta, family_thresholds=family_cuts,
                     contract_thresholds=contract_cuts)
    (out / "MODEL_CARD.md").write_text(model_card(meta), encoding="utf-8")
    _swap(out, final)
    out = final
    log(f"wrote {out} in {meta['seconds']} s (threshold {threshold})")
    return meta


def _swap(new: Path, final: Path) -> None:
    """Put the freshly written model folder in place with renames only, so a reader never sees a
    half-written model (the old one is moved aside, then deleted)."""
    old = final.parent / f".{final.name}.old-{os.getpid()}"
    if final.exists():
        final.rename(old)
    new.rename(final)
    if old.exists():
        shutil.rmtree(old)


def model_card(meta: dict[str, Any]) -> str:
    """The model card, written next to the weights by every training run so it always matches them."""
    import spacy

    return f"""# Model card: leverage_lens clause tagger (`models/{MODEL_NAME}`)

What it does: gives every clause (its own text, with the headings above it) a probability for each of the
{meta['categories']} taxonomy categories that have CUAD labels, and for each of their
{meta['labels'] - meta['categories']} families pooled. `leverage_lens.tag.ClauseTagger` combines it with
heading and phrase rules into `Clause.tags`. Offline; nothing is downloaded.

## Data
CUAD v1 (The Atticus Project, CC BY 4.0): the SEC contracts of `../shared/data/cuad`, `txt/` parsed with
`leverage_lens.parse_text`, lawyer spans from `spans.jsonl` (located spans only; Document Name, Parties,
Agreement Date and Effective Date are metadata and not learnt). A unit is labelled with a category when one
of its gold spans overlaps it by at least 40 characters or half the shorter of the two.

## Split
By contract, from a hash of `doc_id` (`leverage_lens.evaluate.data.part_of`): 65% train (fits the
weights: {meta['train_contracts']} contracts, {meta['train_units']:,} units), 15% dev (calibration, threshold,
rule precision: {meta['dev_contracts']} contracts, {meta['dev_units']:,} units), 20% held-out (never read by
training; scored by `leverage-lens eval cuad`). The project owners keep a further portion of CUAD aside.

## Model
spaCy {spacy.__version__} pipeline: `leverage_lens.fast_tokenizer.v1` (one regex: words and punctuation) and
`leverage_lens_textcat`: TF-IDF (sublinear tf, L2-normalised) over lower-cased words and word pairs,
{meta['features']:,} features with document frequency >= {meta['min_df']}, one class-balanced L2 logistic
regression per category (C = {meta['C']}, liblinear), weights stored as float16. A unit is read in
windows of 1,500 characters (headings in front of each) up to 4,500 and scores as its best window; the
weights are fitted on first windows. Scores are calibrated
per category by Platt scaling on the dev contracts; the tagger tags a clause at calibrated probability >=
its family's threshold ({_cuts(meta.get('family_thresholds', {}))}; other families {meta['threshold']}; chosen on
dev for the core families' clause-level micro-F1). A contract contains a category (`Report.summary.
categories_present`) when a clause is tagged with it or when its best unit reaches the family's contract
threshold ({_cuts(meta.get('contract_thresholds', {}))}; chosen on dev for contract-level F1).

spaCy's own `textcat_multilabel` (BOW, SGD on a squared-error gradient) was tried first: its rare categories
collapsed to near-zero scores and it ranked clauses far worse than the regularised logistic regression.

## Metrics
Dev contracts (core families, clause level as in `leverage-lens eval cuad`, model tags only): with one
threshold {meta['threshold']}: precision {meta['dev_clause_family_precision']}, recall
{meta['dev_clause_family_recall']}, F1 {meta['dev_clause_family_f1']}; with the family thresholds: precision
{meta.get('dev_clause_family_precision_family_cuts')}, recall {meta.get('dev_clause_family_recall_family_cuts')},
F1 {meta.get('dev_clause_family_f1_family_cuts')}. Contract level with the contract thresholds: F1
{meta.get('dev_contract_family_f1')}. These thresholds were tuned on these very contracts, so dev figures
are optimistic; the held-out ones are the honest measure.
Held-out contracts, clause and contract level, beside the TF-IDF baseline: see `docs/evaluation.md`
(section "Clause tagging (CUAD)"), reproduced by `leverage-lens eval cuad ../shared/data`.

## Reproduce
`pip install -e ".[eval]"` then `leverage-lens train tagger --data ../shared/data` (or
`python -m leverage_lens.tag.train --data ../shared/data`): {meta['seconds']:.0f} s for the last run (mostly parsing and liblinear); it
rewrites this folder, this card included. Deterministic for the same data and library versions.

## Limitations
Trained on US SEC-filed commercial contracts in English; categories with few CUAD examples (unlimited
licence, no-solicit of customers, most favoured nation) are learnt poorly. Confidences are calibrated on
CUAD-like units; on other contract styles treat them as rankings. Categories CUAD lacks come from rules and
headings with an unmeasured confidence of 0.6.
"""


def _cuts(cuts: dict[str, float]) -> str:
    return ", ".join(f"`{k}` {v}" for k, v in sorted(cuts.items())) or "none"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m leverage_lens.tag.train", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder (or its cuad/ folder)")
    ap.add_argument("--out", type=Path, default=None, help=f"output folder (default: models/{MODEL_NAME})")
    ap.add_argument("--max-features", type=int, default=MAX_FEATURES)
    ap.add_argument("-C", type=float, default=1.0, help="inverse L2 strength of the logistic regressions")
    ap.add_argument("--limit", type=int, default=None, help="use at most N contracts per part (smoke runs)")
    args = ap.parse_args(argv)
    from .pipeline import model_path

    train(args.data, args.out or model_path(), limit=args.limit, max_features=args.max_features, c=args.C)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
