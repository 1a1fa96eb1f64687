"""Training the ledger's sentence-topic model (training time only; needs scikit-learn, the ``[eval]`` extra).

The clause tagger says what a *clause* is about; a clause of twelve sentences tagged "liability cap" holds one
sentence that caps liability. The ledger reads leverage sentence by sentence, so it needs to know which
sentence is on the topic. CUAD's lawyer spans are mostly sentence-sized: a sentence is a positive for a
category when a CUAD span of that category substantially overlaps it (:func:`~..evaluate.data.unit_labels`).

The model is the tagger's kind (TF-IDF words and word pairs, one class-balanced logistic regression per
category; :mod:`.tag_fit`), fitted on the CUAD ``train`` and ``dev`` parts, with a threshold per category chosen
for precision first (the least score whose precision is at least :data:`PRECISION`) on *out-of-fold* scores:
each contract scored by a model fitted without it (:data:`FOLDS` folds by contract). Choosing thresholds on
dev alone left categories with a handful of dev positives (most favoured nation, non-disparagement,
liquidated damages) without any threshold, so their readings never reached a finding. Contracts in the one-sided label sets (``bench/labels/one_sided_*.jsonl``) are left out of
both, so the ledger's measures stay honest. Saved as one ``.npz`` (hash table, IDF, weights, bias, labels,
thresholds) that :mod:`leverage_lens.ledger.sentence_model` applies with numpy.

    python -m leverage_lens.training.sentence_topics --data ../shared/data --out models/ledger_sentences
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..enrich.sentences import sentence_spans
from ..evaluate.data import Contract, load_cuad, unit_labels
from ..ledger.topics import TOPICS
from ..tag.textcat import compose, text_hashes
from .tag_fit import fit_weights, predict

__all__ = ["PRECISION", "build", "choose_thresholds", "main", "sentence_examples"]

#: Least out-of-fold precision a category's threshold must reach. Lower than it looks: CUAD's lawyers marked
#: one span per topic and contract, not every sentence on it, so many "false" positives are on the topic; and
#: the model only confirms a reading already made from a clause's tag and the sentence's subject and modal.
#: Chosen by reading the findings it adds on 30 dev contracts outside the label sets: at 0.5, 13 of the 14
#: added were right; going to 0.4 added 5 more, of which 2 were right.
PRECISION = 0.5
#: Shortest sentence (characters) worth a row: headings and list markers say nothing about who holds what.
MIN_CHARS = 25
MAX_FEATURES = 60_000
#: Folds by contract for the out-of-fold scores the thresholds are chosen on.
FOLDS = 5


def sentence_examples(contracts: Iterable[Contract], labels: Sequence[str]) -> tuple[list[Any], list[frozenset[str]]]:
    """Features and gold categories (only ``labels``) of every sentence of ``contracts``."""
    wanted = set(labels)
    feats: list[Any] = []
    golds: list[frozenset[str]] = []
    for c in contracts:
        for a, b in sentence_spans(c.text):
            if b - a < MIN_CHARS:
                continue
            feats.append(compose(text_hashes(c.text[a:b])))
            golds.append(frozenset(unit_labels(a, b, c.spans) & wanted))
    return feats, golds


def _threshold(scores: Any, y: Any, precision_target: float = PRECISION) -> float:
    """The least score whose predictions above it reach ``precision_target`` (1.0: never)."""
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(order) + 1)
    ok = np.flatnonzero((precision >= precision_target) & (hits >= 3))
    if not len(ok):
        return 1.0
    return float(scores[order][ok[-1]])


def _out_of_fold(contracts: Sequence[Contract], labels: Sequence[str], c: float) -> tuple[Any, list[frozenset[str]]]:
    """Scores of every sentence of ``contracts`` by a model fitted on the other folds (folds by contract)."""
    probs: list[Any] = []
    golds: list[frozenset[str]] = []
    for k in range(FOLDS):
        fit_on = [x for i, x in enumerate(contracts) if i % FOLDS != k]
        held = [x for i, x in enumerate(contracts) if i % FOLDS == k]
        x_fit, y_fit = sentence_examples(fit_on, labels)
        x_held, y_held = sentence_examples(held, labels)
        probs.append(predict(x_held, fit_weights(x_fit, y_fit, labels, {}, max_features=MAX_FEATURES, min_df=2,
                                                 c=c)))
        golds.extend(y_held)
    return np.vstack(probs), golds


def choose_thresholds(probs: Any, golds: Sequence[frozenset[str]], labels: Sequence[str],
                      precision: float = PRECISION) -> tuple[Any, dict[str, Any]]:
    """Per category, the threshold :func:`_threshold` gives on out-of-fold scores, and what it yields."""
    thresholds = np.ones(len(labels), dtype=np.float32)
    per_category: dict[str, Any] = {}
    for j, label in enumerate(labels):
        y = np.array([label in g for g in golds], dtype=np.int64)
        thresholds[j] = _threshold(probs[:, j], y, precision)
        pred = probs[:, j] >= thresholds[j]
        tp = int((pred & (y == 1)).sum())
        per_category[label] = {
            "positives": int(y.sum()), "threshold": round(float(thresholds[j]), 3),
            "oof_precision": round(tp / max(1, int(pred.sum())), 3), "oof_recall": round(tp / max(1, int(y.sum())), 3)}
    return thresholds, per_category


def build(data: Path, out: Path, *, excluded: set[str], c: float = 1.0, log: Any = None,
          precision: float = PRECISION, oof: Path | None = None) -> dict[str, Any]:
    """Thresholds on out-of-fold scores over train and dev, then one fit on both; saves
    ``out/sentence_topics.npz`` and a training report."""
    labels = sorted({t.category for t in TOPICS})
    contracts = [k for k in load_cuad(data, parts=["train", "dev"]) if k.doc_id not in excluded]
    probs, y_oof = _out_of_fold(contracts, labels, c)
    x_all, y_all = sentence_examples(contracts, labels)
    fitted = fit_weights(x_all, y_all, labels, {}, max_features=MAX_FEATURES, min_df=2, c=c)
    table, idf, weights, bias = fitted
    thresholds, per_category = choose_thresholds(probs, y_oof, labels, precision)
    report: dict[str, Any] = {"contracts": len(contracts), "sentences": len(x_all), "folds": FOLDS,
                              "precision_target": precision, "per_category": per_category}
    out.mkdir(parents=True, exist_ok=True)
    if oof is not None:  # the out-of-fold scores, to study other precision targets without refitting
        np.savez_compressed(oof, probs=probs.astype(np.float32), labels=np.array(labels),
                            gold=np.array([[lab in g for lab in labels] for g in y_oof], dtype=bool))
    np.savez_compressed(out / "sentence_topics.npz", table=table, idf=idf, weights=weights.astype(np.float16),
                        bias=bias, thresholds=thresholds, labels=np.array(labels))
    (out / "training_report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if log is not None:
        log(json.dumps({k: v for k, v in report.items() if k != "per_category"}))
    return report


def _excluded(root: Path) -> set[str]:
    out: set[str] = set()
    for name in ("one_sided_dev.jsonl", "one_sided_test.jsonl"):
        path = root / "bench" / "labels" / name
        if path.is_file():
            out |= {json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines() if line}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("models/ledger_sentences"))
    ap.add_argument("--labels-root", type=Path, default=Path("."),
                    help="the repository whose bench/labels/one_sided_*.jsonl contracts are left out")
    ap.add_argument("--precision", type=float, default=PRECISION,
                    help="least out-of-fold precision a category's threshold must reach")
    ap.add_argument("--oof", type=Path, default=None, help="also save the out-of-fold scores here (.npz)")
    args = ap.parse_args(argv)
    build(args.data, args.out, excluded=_excluded(args.labels_root), log=lambda m: sys.stderr.write(m + "\n"),
          precision=args.precision, oof=args.oof)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
