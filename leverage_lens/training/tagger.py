"""Train the clause tagger on CUAD: ``python -m leverage_lens.training.tagger --data ../shared/data``
(also ``leverage-lens train tagger --data ../shared/data``).

Training needs scikit-learn (the ``[eval]`` extra): each category's logistic regression is fitted by
liblinear; the product only applies the weights. The training side of the split (``train`` and ``dev``,
80% of CUAD) is read; ``held-out`` never is. Its contracts are cut into :data:`FOLDS` folds by a hash of
``doc_id``; each fold's units are scored by a model fitted on the other folds, and these out-of-fold scores
calibrate the model (Platt, per label), choose the clause and contract decision rules (:mod:`.selection`)
and measure each phrase rule's precision. The shipped weights are then fitted on all training contracts.
Choosing on ~330 contracts instead of ~60 dev ones overfits less, and the final model sees 23% more data.
Units and labels are exactly what the tagger sees at run time (:mod:`.units`). The result goes to
``models/leverage_lens_tagger`` (spaCy pipeline + ``calibration.json``) and its model card.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..api import Analyzer
from ..evaluate.data import Contract, Part, load_cuad, unit_labels
from ..tag.calibration import Platt, fit_platt
from ..tag.decision import FAMILY_PREFIX, cut_vector
from ..tag.pipeline import MODEL_NAME, TEXTCAT, blank_pipeline, save_calibration
from ..tag.units import MAX_MODEL_CHARS, units
from ..taxonomy import default
from .tag_fit import fit_weights, has_label, predict, unsure_labels, vocabulary
from .tag_weak import MIN_POSITIVES, WEAK_CATEGORIES, fit_weak, heading_targets, weak_scores, without_heading
from .tag_selection import (Scored, boosted, choose_clause_thresholds, choose_contract_rule, choose_label_thresholds,
                            choose_rank_bonus)

__all__ = ["Example", "examples", "main", "train"]

#: Most features (words and word pairs) the model keeps, by document frequency: bounds its size.
MAX_FEATURES = 100_000
#: Cross-validation folds over the training contracts.
FOLDS = 5
#: Clause threshold of the weak labels (calibrated: even odds that the clause's section is headed so).
WEAK_CUT = 0.5
#: Inverse L2 strength of the per-label logistic regressions. Chosen by the nested check (folds inside the
#: ``train`` part, scored on ``dev``): C = 1, 2, 4, 8 gave cross-validated clause F1 0.644, 0.656, 0.662,
#: 0.669 and dev F1 0.690, 0.700, 0.706, 0.718; rare categories need weaker regularisation to stand out.
C = 8.0
#: A weak label is kept only where its out-of-fold average precision against the headings reaches this:
#: below it (payment terms 0.215, termination for cause 0.138 on the training side, whose headings "Fees",
#: "Compensation", "Default and Termination" cover much else) the words do not find the category well enough
#: to overrule the phrase rules, which then tag it as before.
MIN_WEAK_AP = 0.25
#: The weak labels' L2 strength (chosen by grouped cross-validation against the heading labels).
WEAK_C = 4.0


@dataclass(frozen=True)
class Example:
    doc_id: str
    text: str  # the model's input (context + own text)
    own: str  # the unit's own text, for the rules
    labels: frozenset[str]
    clause: tuple[int, int] = (0, 0)  # the tagged clause's start and end in the contract text
    windows: tuple[str, ...] = ()  # a long unit's further model inputs (:meth:`.units.Unit.more_windows`)
    context: str = ""  # the headings above the unit (:attr:`.units.Unit.context`)
    #: Labels of the unit's first window alone, and of each further window (a long unit's gold span may lie
    #: in a later window: its first window's text then says nothing about it).
    first_labels: frozenset[str] | None = None
    window_labels: tuple[frozenset[str], ...] = ()
    unsure: frozenset[str] = frozenset()  # categories the unit is no clear negative for (:func:`unsure_labels`)


def examples(contracts: Sequence[Contract]) -> list[Example]:
    """Every tagging unit of the contracts, with the categories its gold spans give it."""
    parser = Analyzer()
    out = []
    for c in contracts:
        doc = parser.parse_text(c.text, name=c.doc_id)
        for u in units(doc.clauses):
            labels = frozenset(unit_labels(u.start, u.end, c.spans))
            clause = doc.clauses[u.index]
            spans = u.window_spans()
            first = frozenset(unit_labels(u.start, min(u.end, u.start + MAX_MODEL_CHARS), c.spans)) if spans else labels
            out.append(Example(c.doc_id, u.model_text(doc.text), doc.text[u.start : u.end], labels,
                               (clause.start, clause.end), tuple(u.more_windows(doc.text)), u.context, first,
                               tuple(frozenset(unit_labels(a, b, c.spans)) for a, b in spans),
                               unsure_labels((u.start, u.end), (clause.start, clause.end), c.spans, labels)))
    return out


def _features(nlp: Any, texts: list[str]) -> list[Any]:
    from ..tag.textcat import doc_features

    return [doc_features(doc) for doc in nlp.tokenizer.pipe(texts)]


def fold_of(doc_id: str, folds: int) -> int:
    """A contract's cross-validation fold: a hash of its ``doc_id`` (independent of the split's hash)."""
    return int(hashlib.sha256(f"fold:{doc_id}".encode()).hexdigest()[:8], 16) % folds


def _fit_rows(idx: Any, first: list[Any], more: list[Any], by_unit: dict[int, list[int]], data: list[Example],
              *, unsure: bool, window_labels: bool) -> tuple[list[Any], list[frozenset[str]], Any]:
    """What the units ``idx`` contribute to a fit: features, gold labels and (with ``unsure``) the labels each
    row is left out of. With ``window_labels`` a long unit's windows are rows of their own, each labelled by
    the gold spans in its own text; otherwise the unit's first window carries the whole unit's labels."""
    feats: list[Any] = []
    golds: list[frozenset[str]] = []
    left: list[frozenset[str]] = []
    for i in idx:
        e = data[i]
        feats.append(first[i])
        golds.append(e.first_labels if window_labels and e.first_labels is not None else e.labels)
        left.append(e.unsure)
        if window_labels:
            for w, labels in zip(by_unit.get(i, ()), e.window_labels):
                feats.append(more[w])
                golds.append(labels)
                left.append(e.unsure)
    return feats, golds, (left if unsure else None)


def _out_of_fold(first: list[Any], more: list[Any], owners: list[int], data: list[Example], labels: list[str],
                 family: dict[str, str], folds: int, log: Any, *, unsure: bool = False, window_labels: bool = False,
                 **fit: Any) -> Any:
    """Raw scores of every unit (its best window) from the model fitted without its contract's fold."""
    import numpy as np

    fold = np.array([fold_of(e.doc_id, folds) for e in data])
    owner = np.array(owners, dtype=np.int64)
    by_unit: dict[int, list[int]] = {}
    for w, i in enumerate(owners):
        by_unit.setdefault(i, []).append(w)
    raw = np.zeros((len(data), len(labels)))
    for k in range(folds):
        inside = np.flatnonzero(fold == k)
        outside = np.flatnonzero(fold != k)
        if not len(inside) or not len(outside):
            continue
        feats, golds, left = _fit_rows(outside, first, more, by_unit, data, unsure=unsure, window_labels=window_labels)
        fitted = fit_weights(feats, golds, labels, family, unsure=left, **fit)
        raw[inside] = predict([first[i] for i in inside], fitted)
        win = np.flatnonzero(fold[owner] == k) if len(owner) else owner
        if len(win):
            np.maximum.at(raw, owner[win], predict([more[w] for w in win], fitted))
        log(f"fold {k + 1}/{folds}: fitted on {len(outside):,} units, scored {len(inside):,}")
    return raw


def _weak_out_of_fold(first: list[Any], nohead: list[Any], data: list[Example], pos: list[frozenset[str]],
                      unsure: list[frozenset[str]], weak: list[str], folds: int, *, max_features: int,
                      min_df: int, c: float) -> Any:
    """Raw weak-label scores of every unit's heading-less input from the model fitted without its fold."""
    import numpy as np

    fold = np.array([fold_of(e.doc_id, folds) for e in data])
    raw = np.zeros((len(data), len(weak)))
    for k in range(folds):
        inside, outside = np.flatnonzero(fold == k), np.flatnonzero(fold != k)
        if not len(inside) or not len(outside):
            continue
        table, idf = vocabulary([first[i] for i in outside], max_features, min_df)
        w, b = fit_weak([nohead[i] for i in outside], table, idf, [pos[i] for i in outside],
                        [unsure[i] for i in outside], weak, c=c)
        raw[inside] = weak_scores([nohead[i] for i in inside], table, idf, w, b)
    return raw


def _weak_metrics(probs: Any, pos: list[frozenset[str]], unsure: list[frozenset[str]], weak: list[str],
                  cut: float) -> dict[str, dict[str, float]]:
    """Per weak label, out-of-fold precision, recall and average precision against the heading labels."""
    import numpy as np
    from sklearn.metrics import average_precision_score

    out = {}
    for j, k in enumerate(weak):
        keep = np.array([k not in u for u in unsure])
        y = np.array([k in p for p in pos])[keep]
        said = probs[keep, j] >= cut
        tp = int((said & y).sum())
        out[k] = {"positives": int(y.sum()), "precision": round(tp / max(1, int(said.sum())), 3),
                  "recall": round(tp / max(1, int(y.sum())), 3),
                  "average_precision": round(float(average_precision_score(y, probs[keep, j])), 3)}
    return out


def _calibrate(raw: Any, data: list[Example], labels: list[str], family: dict[str, str]) -> dict[str, Platt]:
    return {k: fit_platt(raw[:, j].tolist(), [has_label(k, e.labels, family) for e in data])
            for j, k in enumerate(labels)}


def _calibrated(raw: Any, labels: list[str], calibration: dict[str, Platt]) -> Any:
    import numpy as np

    a = np.array([calibration[k].a for k in labels])
    b = np.array([calibration[k].b for k in labels])
    clipped = np.clip(raw.astype(np.float64), 1e-6, 1 - 1e-6)
    return 1 / (1 + np.exp(-(a * np.log(clipped / (1 - clipped)) + b)))


def train(data: Path, out: Path, *, limit: int | None = None, log: Any = print,
          split: dict[str, Part] | None = None, max_features: int = MAX_FEATURES, min_df: int = 2,
          c: float = C, folds: int = FOLDS, label_thresholds: bool = False, unsure: bool = False,
          window_labels: bool = False, weak: bool = True, save_scores: Path | None = None,
          scores: Path | None = None, rank_bonus: bool = False) -> dict[str, Any]:
    """Build the tagger from CUAD in ``data`` into ``out``; returns the facts the model card reports."""
    tax = default()
    family = {cat.id: cat.family for cat in tax.categories}
    categories = sorted({cat.id for cat in tax.categories if cat.cuad})
    labels = categories + [FAMILY_PREFIX + f for f in sorted({family[k] for k in categories})]
    t0 = time.perf_counter()
    contracts = list(load_cuad(data, parts=["train", "dev"], limit=limit, split=split))
    xs = examples(contracts)
    log(f"{len(contracts)} training contracts ({len(xs):,} units), {folds}-fold cross-validation")
    nlp = blank_pipeline()
    first = _features(nlp, [e.text for e in xs])
    owners = [i for i, e in enumerate(xs) for _ in e.windows]
    more = _features(nlp, [w for e in xs for w in e.windows])
    fit: dict[str, Any] = {"max_features": max_features, "min_df": min_df, "c": c}
    rows = {"unsure": unsure, "window_labels": window_labels}
    if scores is not None:  # out-of-fold scores saved by an earlier run with the same data and settings
        import numpy as np

        raw = np.load(scores)
        if raw.shape != (len(xs), len(labels)):
            raise ValueError(f"{scores} holds scores of shape {raw.shape}, not {(len(xs), len(labels))}")
        log(f"out-of-fold scores read from {scores}")
    else:
        raw = _out_of_fold(first, more, owners, xs, labels, family, folds, log, **rows, **fit)
    if save_scores is not None:  # for experiments on the decision rules (bench/tag_cv.py)
        import numpy as np

        np.save(save_scores, raw)
    calibration = _calibrate(raw, xs, labels, family)
    stage_one = _calibrated(raw, labels, calibration)
    positives = {k: sum(has_label(k, e.labels, family) for e in xs) for k in labels}
    scored = Scored(stage_one, [e.doc_id for e in xs], [e.clause for e in xs], contracts, labels, family, tax)
    threshold, family_cuts, one_cut, with_cuts = choose_clause_thresholds(scored, 0.5)
    label_cuts, with_label_cuts = ({}, with_cuts)
    if label_thresholds:  # off by default: neutral in the nested check, -0.015 on held-out (docs/evaluation.md)
        label_cuts, with_label_cuts = choose_label_thresholds(scored, threshold, family_cuts, positives)
    clause_cuts = cut_vector(labels, family, family_cuts, threshold, label_cuts)
    bonus, with_bonus = choose_rank_bonus(scored, clause_cuts) if rank_bonus else ({}, with_label_cuts)
    log(f"contract-rank bonus {bonus}: clause F1 {with_bonus.f1:.3f} (P {with_bonus.precision:.3f}, "
        f"R {with_bonus.recall:.3f})")
    contract_model, contract_cuts, doc_counts = choose_contract_rule(scored, clause_cuts, boosted(scored, bonus))
    log(f"cross-validated clause F1 {one_cut.f1:.3f} (global "
        f"{threshold}) -> {with_cuts.f1:.3f} with family cuts {family_cuts} -> {with_label_cuts.f1:.3f} with "
        f"label cuts {label_cuts}; contract F1 {doc_counts.doc_f1:.3f} with contract cuts {contract_cuts}")
    by_unit: dict[int, list[int]] = {}
    for w, i in enumerate(owners):
        by_unit.setdefault(i, []).append(w)
    feats, golds, left = _fit_rows(range(len(xs)), first, more, by_unit, xs, **rows)
    table, idf, weights, bias = fit_weights(feats, golds, labels, family, unsure=left, **fit)
    weak_cuts: dict[str, float] = {}
    weak_report: dict[str, dict[str, float]] = {}
    model_labels = list(labels)
    if weak:
        import numpy as np

        wanted = [k for k in WEAK_CATEGORIES if k in tax]
        pos, unsure_w = heading_targets([e.context for e in xs], tax, wanted)
        wanted = [k for k in wanted if sum(k in p for p in pos) >= MIN_POSITIVES]
        nohead = _features(nlp, [without_heading(e.text) for e in xs])
        wfit = {"max_features": max_features, "min_df": min_df, "c": WEAK_C}
        raw_w = _weak_out_of_fold(first, nohead, xs, pos, unsure_w, wanted, folds, **wfit)
        for j, k in enumerate(wanted):
            keep = [k not in u for u in unsure_w]
            calibration[k] = fit_platt([r for r, ok in zip(raw_w[:, j].tolist(), keep) if ok],
                                       [k in p for p, ok in zip(pos, keep) if ok])
        weak_report = _weak_metrics(_calibrated(raw_w, wanted, calibration), pos, unsure_w, wanted, WEAK_CUT)
        log(f"weak labels (out-of-fold, against headings): {weak_report}")
        wanted = [k for k in wanted if weak_report[k]["average_precision"] >= MIN_WEAK_AP]
        for k in weak_report:
            weak_report[k]["kept"] = k in wanted
            if k not in wanted:
                calibration.pop(k, None)
        w, b = fit_weak(nohead, table, idf, pos, unsure_w, wanted, c=WEAK_C)
        model_labels += wanted
        weights, bias = np.concatenate([weights, w], axis=1), np.concatenate([bias, b])
        weak_cuts = {k: WEAK_CUT for k in wanted}
    textcat = nlp.get_pipe(TEXTCAT)
    textcat.set_weights(model_labels, table, idf, weights, bias)
    log(f"final model: {len(model_labels)} labels over {len(table):,} features")
    from ..tag.rules import RuleMatcher, rule_precision

    precision = rule_precision(RuleMatcher(nlp.vocab, tax), [e.own for e in xs], [e.labels for e in xs])
    final, out = out, out.parent / f".{out.name}.tmp-{os.getpid()}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    nlp.meta.update({"name": MODEL_NAME.removeprefix("leverage_lens_"), "version": "0.2.0",
                     "description": "leverage_lens clause tagger (CUAD categories), see MODEL_CARD.md"})
    nlp.to_disk(out)
    meta = {
        "training_contracts": len(contracts), "training_units": len(xs), "folds": folds,
        "features": len(table), "min_df": min_df, "C": c, "threshold": threshold,
        "cv_clause_precision": round(one_cut.precision, 3), "cv_clause_recall": round(one_cut.recall, 3),
        "cv_clause_f1": round(one_cut.f1, 3),
        "family_thresholds": family_cuts, "contract_thresholds": contract_cuts,
        "cv_clause_precision_family_cuts": round(with_cuts.precision, 3),
        "cv_clause_recall_family_cuts": round(with_cuts.recall, 3),
        "cv_clause_f1_family_cuts": round(with_cuts.f1, 3),
        "cv_clause_precision_label_cuts": round(with_label_cuts.precision, 3),
        "cv_clause_recall_label_cuts": round(with_label_cuts.recall, 3),
        "cv_clause_f1_label_cuts": round(with_label_cuts.f1, 3),
        "label_thresholds": label_cuts, "weak_labels": weak_report, "weak_C": WEAK_C,
        "unsure_left_out": unsure, "window_labels": window_labels, "rank_bonus": bonus,
        "oof_scores_read": scores is not None,
        "cv_clause_precision_rank_bonus": round(with_bonus.precision, 3),
        "cv_clause_recall_rank_bonus": round(with_bonus.recall, 3), "cv_clause_f1_rank_bonus": round(with_bonus.f1, 3),
        "cv_contract_precision": round(doc_counts.doc_precision, 3),
        "cv_contract_recall": round(doc_counts.doc_recall, 3), "cv_contract_f1": round(doc_counts.doc_f1, 3),
        "seconds": round(time.perf_counter() - t0, 1), "labels": len(labels), "categories": len(categories),
    }
    save_calibration(out, calibration, threshold, precision, meta, family_thresholds=family_cuts,
                     contract_thresholds=contract_cuts, contract_model=contract_model.to_json(labels),
                     label_thresholds=label_cuts, weak_labels=weak_cuts, rank_bonus=bonus)
    (out / "MODEL_CARD.md").write_text(model_card(meta), encoding="utf-8")
    _swap(out, final)
    log(f"wrote {final} in {meta['seconds']} s")
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

What it does: gives every clause (its own text, with the headings above it and the end of the clause
before it) a probability for each of the
{meta['categories']} taxonomy categories that have CUAD labels, and for each of their
{meta['labels'] - meta['categories']} families pooled. `leverage_lens.tag.ClauseTagger` combines it with
heading and phrase rules into `Clause.tags`. Offline; nothing is downloaded.

## Data
CUAD v1 (The Atticus Project, CC BY 4.0): the SEC contracts of `../shared/data/cuad`, `txt/` parsed with
`leverage_lens.parse_text`, lawyer spans from `spans.jsonl` (located spans only; Document Name, Parties,
Agreement Date and Effective Date are metadata and not learnt). A unit is labelled with a category when one
of its gold spans overlaps it by at least 40 characters or half the shorter of the two.

## Split
By contract, from a hash of `doc_id` (`leverage_lens.evaluate.data.part_of`): 80% training side (the
`train` and `dev` parts: {meta['training_contracts']} contracts, {meta['training_units']:,} units), 20%
held-out (never read by training; scored by `leverage-lens eval cuad`). The training contracts are cut
into {meta['folds']} folds by a second hash of `doc_id`; every unit is scored by a model fitted on the
other folds, and these out-of-fold scores calibrate the model and choose its thresholds. The shipped
weights are fitted on all training contracts. The project owners keep a further portion of CUAD aside.

## Model
spaCy {spacy.__version__} pipeline: `leverage_lens.fast_tokenizer.v1` (one regex: words and punctuation,
every digit run read as `0`) and `leverage_lens_textcat`: TF-IDF (sublinear tf, L2-normalised) over
lower-cased words and word pairs of the clause's own text and of its headings, the headings' words again
in a namespace of their own, and the words of the last 300 characters of the previous clause in a third;
{meta['features']:,} features with document frequency >= {meta['min_df']}, one class-balanced L2 logistic
regression per label (C = {meta['C']}, liblinear, dual; C chosen by the nested check of `docs/evaluation.md`,
folds inside the `train` part scored on `dev`), weights stored as float16. A unit is read in
windows of 1,500 characters (context in front of each) up to 4,500 and scores as its best window; the
weights are fitted on first windows. Scores are calibrated per label by Platt scaling on the out-of-fold
scores, so 0.5 means even odds on contracts the model has not seen. The tagger tags a clause at calibrated
probability >= its family's threshold ({_cuts(meta.get('family_thresholds', {}))}; other families
{meta['threshold']}; chosen on the out-of-fold scores for the core families' clause-level micro-F1; labels
of their own: {_cuts(meta.get('label_thresholds', {}))}; `--label-thresholds` chooses them, off by default:
a nested check found them neutral, +0.0007 on average, and on held-out contracts they cost 0.015).
Contract-rank bonus per family (`--rank-bonus`, off by default: the contract's best unit per label gets it
before the thresholds apply; nested check +0.007, +0.002, +0.007, +0.007 clause F1, but on held-out contracts
clause F1 unchanged and contract F1 per category 0.812 -> 0.792): {_cuts(meta.get('rank_bonus', {}))}. A
contract contains a category
(`Report.summary.categories_present`) when a clause is tagged with it or when the contract model (per
label, a logistic regression over the logits of the contract's best and second best unit and the log count
of units at even odds) reaches its family's contract threshold
({_cuts(meta.get('contract_thresholds', {}))}; chosen on the out-of-fold scores for contract-level F1); the
confidence reported for a learnt category is the contract model's probability. A model tag's evidence is the (at most four)
words of the clause's own text whose weight times IDF, plus half of their word pairs', pushed its label up
most.

Tried and not kept (nested dev check, `docs/evaluation.md`): word trigrams, suffix-stripped word stems,
hashed character 4-grams (within words, of the own text or of the headings), the phrase rules' categories
as features, no class weighting. Only the stems gained (+0.011 nested dev F1 at C = 2), at the cost of
per-word Python work when tagging; a weaker L2 penalty (C 1 -> 8) gained +0.028 at no run-time cost.
Round 4 (5-fold grouped CV over the training contracts, core labels): structure and meaning tokens (clause
kind and depth, own and parent heading in namespaces of their own, numbers with units, negation, modal
kind, mutual subjects, capitalised terms) 0.686 against 0.689 without; a second stage reading the
neighbouring, enclosing and best other units' scores, heading matches and place 0.680 (lower average
precision on most categories).

{_weak_card(meta)}

spaCy's own `textcat_multilabel` (BOW, SGD on a squared-error gradient) was tried first: its rare categories
collapsed to near-zero scores and it ranked clauses far worse than the regularised logistic regression.

## Metrics
Cross-validated on the training contracts (core families, micro, measured as `leverage-lens eval cuad`
does, model tags only): clause level with one threshold {meta['threshold']}: precision
{meta['cv_clause_precision']}, recall {meta['cv_clause_recall']}, F1 {meta['cv_clause_f1']}; with the
family thresholds: precision {meta['cv_clause_precision_family_cuts']}, recall
{meta['cv_clause_recall_family_cuts']}, F1 {meta['cv_clause_f1_family_cuts']}; with the label thresholds:
precision {meta.get('cv_clause_precision_label_cuts')}, recall {meta.get('cv_clause_recall_label_cuts')}, F1
{meta.get('cv_clause_f1_label_cuts')}; with the contract-rank bonus (if any): precision
{meta.get('cv_clause_precision_rank_bonus')}, recall {meta.get('cv_clause_recall_rank_bonus')}, F1
{meta.get('cv_clause_f1_rank_bonus')}. Contract level (core families, micro): precision
{meta.get('cv_contract_precision', 'see docs')}, recall {meta.get('cv_contract_recall', 'see docs')}, F1
{meta.get('cv_contract_f1', 'see docs')}. The
thresholds were chosen on these scores, so they are mildly optimistic; held-out contracts are the honest
measure: see `docs/evaluation.md` (section "Clause tagging (CUAD)"), reproduced by
`leverage-lens eval cuad ../shared/data`, with the TF-IDF baseline of the same run.

## Reproduce
`pip install -e ".[eval]"` then `leverage-lens train tagger --data ../shared/data` (or
`python -m leverage_lens.training.tagger --data ../shared/data`): {meta['seconds']:.0f} s for the last run (parsing, then
liblinear {meta['folds'] + 1} times: once per fold and once on everything; `--save-scores FILE` keeps the
out-of-fold scores and `--scores FILE` reads them back instead of fitting the folds again{
'; this run read them' if meta.get('oof_scores_read') else ''}); it
rewrites this folder, this card included. Deterministic for the same data and library versions.

## Limitations
Trained on US SEC-filed commercial contracts in English; categories with few CUAD examples (unlimited
licence, no-solicit of customers, most favoured nation) are learnt poorly. Confidences are calibrated on
CUAD-like units; on other contract styles treat them as rankings. Categories CUAD lacks and the model does
not learn from headings (see weak labels) come from rules and headings with an unmeasured confidence of 0.6.
"""


def _weak_card(meta: dict[str, Any]) -> str:
    weak = meta.get("weak_labels") or {}
    if not weak:
        return "Weak labels: none in this model."
    rows = "; ".join(f"`{k}` {v['positives']} headed units, precision {v['precision']}, recall {v['recall']}, "
                     f"average precision {v['average_precision']}{'' if v.get('kept', True) else ' (not kept)'}"
                     for k, v in sorted(weak.items()))
    return f"""Weak labels (categories CUAD does not label; `leverage_lens.training.tag_weak`): a unit whose nearest
heading names exactly one of them ("Indemnification", "Confidential Information", "Events of Default") is
a positive, one whose heading names it with another category is left out, every other unit is a negative.
Fitted on the units' text *without* their headings (C = {meta.get('weak_C')}), in the same vocabulary, so the
words find such clauses where no heading names them; Platt-calibrated on out-of-fold scores; a clause is
tagged at calibrated probability >= 0.5, heading tags for these categories stay, and a phrase rule alone tags
one only where the model gives the clause at least 0.2 (`leverage_lens.tag.tagger.WEAK_RULE_FLOOR`), with the
model's probability as confidence. A weak label is kept where its out-of-fold average precision reaches\n{MIN_WEAK_AP} (below it the phrase rules tag the category as before). Out of fold, heading hidden, against the heading labels: {rows}. Headings are a noisy
label (a "Confidentiality" section also holds return-of-materials and survival sentences; an indemnity in
"Miscellaneous" counts as a negative), so these figures understate what the words find."""


def _cuts(cuts: dict[str, float]) -> str:
    return ", ".join(f"`{k}` {v}" for k, v in sorted(cuts.items())) or "none"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m leverage_lens.training.tagger", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder (or its cuad/ folder)")
    ap.add_argument("--out", type=Path, default=None, help=f"output folder (default: models/{MODEL_NAME})")
    ap.add_argument("--max-features", type=int, default=MAX_FEATURES)
    ap.add_argument("-C", type=float, default=C, help="inverse L2 strength of the logistic regressions")
    ap.add_argument("--limit", type=int, default=None, help="use at most N contracts per part (smoke runs)")
    ap.add_argument("--no-weak", action="store_true", help="leave out the weak labels learnt from headings")
    ap.add_argument("--unsure", action="store_true",
                    help="leave lead-ins whose sub-clauses hold a category's gold span out of its negatives")
    ap.add_argument("--window-labels", action="store_true",
                    help="label each window of a long unit by the gold spans in its own text")
    ap.add_argument("--save-scores", type=Path, default=None, help="save the out-of-fold raw scores (.npy)")
    ap.add_argument("--scores", type=Path, default=None,
                    help="read the out-of-fold raw scores saved by --save-scores (same data and settings) "
                         "instead of fitting the folds again")
    ap.add_argument("--rank-bonus", action="store_true",
                    help="choose a contract-rank bonus per family (off by default: held-out clause F1 unchanged, "
                         "contract F1 per category 0.812 -> 0.792; docs/evaluation.md)")
    ap.add_argument("--label-thresholds", action="store_true",
                    help="also give core-family labels clause thresholds of their own (not the default: see the card)")
    args = ap.parse_args(argv)
    from ..tag.pipeline import model_path

    train(args.data, args.out or model_path(), limit=args.limit, max_features=args.max_features, c=args.C,
          label_thresholds=args.label_thresholds, weak=not args.no_weak, unsure=args.unsure,
          window_labels=args.window_labels, save_scores=args.save_scores, scores=args.scores,
          rank_bonus=args.rank_bonus)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
