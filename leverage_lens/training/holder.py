"""Training the ledger's holder model (training time only; needs scikit-learn, the ``[eval]`` extra).

Examples are the hand-labelled CUAD spans of ``bench/labels/one_sided_*.jsonl`` (protocol in
``bench/labels/ONE_SIDED_LABELS.md``): each span's sentence(s) as the library reads them (the analysis
sentences that overlap the labelled range, with the party mentions the library found), the contract's two
principal parties as the ledger weighs them (:func:`~leverage_lens.ledger.build.principal_pair`), and the
label: favours the first, favours the second, or mutual. Spans whose labelled party is not one of the pair
(parties not found, a third party) and ``unclear`` spans are left out: they teach nothing about direction.

The test sets (``one_sided_test.jsonl``, ``one_sided_test2.jsonl``) are never read here. Each example is
also used mirrored (parties swapped, label swapped), so the model cannot learn that the first-named party
usually wins. The report holds the cross-validated figures (folds by contract), the same measure for the
wording reader on the same spans, and the thresholds the ledger uses.

    python -m leverage_lens.training.holder --data ../shared/data --out models/ledger_holder
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..ledger.holder_model import MAX_TOKENS, masked_tokens, save_holder_model, swap
from ..ledger.holder_model import features as _features

__all__ = ["TRAIN_SETS", "examples", "fit", "main"]

#: Label files trained on (never the test sets).
TRAIN_SETS = ("one_sided_dev.jsonl", *(f"one_sided_train_{k}.jsonl" for k in "abcdef"))
#: Inverse regularisation strength, chosen by cross-validation on the training sets (1, 3, 10, 30, 100 tried).
C = 10.0
#: Features seen fewer times than this (over examples and their mirrors) are dropped.
MIN_COUNT = 2
FOLDS = 5


def features(tokens: Sequence[str], category: str) -> list[str]:
    """The model's features as :meth:`HolderModel.probabilities` computes them (the same token cap)."""
    return _features(list(tokens)[:MAX_TOKENS], category)


def _rows(root: Path, names: Sequence[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in names:
        for line in (root / "bench" / "labels" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["_set"] = name
                out.append(row)
    return out


def examples(data: Path, rows: Sequence[dict[str, Any]], log: Any = None) -> list[dict[str, Any]]:
    """One example per usable labelled span: tokens, category, label (0, 1: the pair's party favoured; 2:
    mutual), the contract and the wording reader's readings of the same sentences (for comparison)."""
    import leverage_lens

    from ..checks import resolve_reader
    from ..errors import InvalidOptionError
    from ..ledger.build import principal_pair

    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["label"] in ("one_sided", "mutual"):
            by_doc[r["doc_id"]].append(r)
    analyzer = leverage_lens.Analyzer()
    out: list[dict[str, Any]] = []
    for k, doc in enumerate(sorted(by_doc)):
        text = (data / "cuad" / "txt" / f"{doc}.txt").read_text(encoding="utf-8")
        an = analyzer.analysis(leverage_lens.parse_text(text, name=doc))
        pair = principal_pair(an)
        if pair is None:
            continue
        principal = [p for p in an.parties if p.principal]
        for r in by_doc[doc]:
            if r["label"] == "one_sided":
                try:
                    fav = resolve_reader(r["favors"], principal)
                except InvalidOptionError:
                    continue
                if fav not in pair:
                    continue
                y = pair.index(fav)
            else:
                y = 2
            a, b = r["sentence_start"], r["sentence_end"]
            sents = [s for s in an.sentences if s.start < b and a < s.end]
            pieces = [(s.text, [(m0 - s.start, m1 - s.start, pid) for m0, m1, pid in s.mentions]) for s in sents]
            wording = [(e.favors, e.mutual) for e in (an.ledger.entries if an.ledger else ())
                       if e.start < b and a < e.end and e.basis != "sentence_model"]
            out.append({"doc": doc, "set": r["_set"], "category": r["category"], "y": y, "pair": pair,
                        "tokens": masked_tokens(pieces, pair), "wording": wording})
        if log is not None and k % 25 == 0:
            log(f"{k}/{len(by_doc)} contracts, {len(out)} examples")
    return out


_MIRROR = (1, 0, 2)


def _matrix(feats: Sequence[Sequence[str]], index: dict[str, int]) -> Any:
    from scipy import sparse

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, ff in enumerate(feats):
        idx = sorted({index[f] for f in ff if f in index})
        rows += [i] * len(idx)
        cols += idx
        vals += [1.0 / np.sqrt(len(idx))] * len(idx)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), len(index)))


def fit(train: Sequence[dict[str, Any]], c: float = C, min_count: int = MIN_COUNT) -> tuple[list[str], Any, Any]:
    """Vocabulary, weights (3, V) and bias of the model fitted on ``train`` and its mirror."""
    from sklearn.linear_model import LogisticRegression

    feats = [features(e["tokens"], e["category"]) for e in train] + \
            [features(swap(e["tokens"]), e["category"]) for e in train]
    ys = [e["y"] for e in train] + [_MIRROR[e["y"]] for e in train]
    counts = Counter(f for ff in feats for f in set(ff))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    model = LogisticRegression(C=c, max_iter=3000).fit(_matrix(feats, index), ys)
    return vocab, model.coef_.astype(np.float32), model.intercept_.astype(np.float32)


def _score(items: Sequence[dict[str, Any]], probs: Sequence[tuple[float, float, float]]) -> dict[str, Any]:
    """Model argmax and wording reader on the same spans: right party, wrong party, mutual flagged."""
    t: Counter[str] = Counter()
    for e, p in zip(items, probs):
        guess = int(np.argmax(p))
        favoured = {f for f, m in e["wording"] if f and not m}
        if e["y"] < 2:
            t["one_sided"] += 1
            t["model_right"] += guess == e["y"]
            t["model_wrong"] += guess == 1 - e["y"]
            t["wording_right"] += e["pair"][e["y"]] in favoured
            t["wording_wrong"] += bool(favoured) and e["pair"][e["y"]] not in favoured
        else:
            t["mutual"] += 1
            t["model_flags_mutual"] += guess < 2
            t["wording_flags_mutual"] += bool(favoured)
    n, m = max(1, t["one_sided"]), max(1, t["mutual"])
    return {"one_sided": t["one_sided"], "mutual": t["mutual"],
            "model_recall": round(t["model_right"] / n, 3), "model_wrong_party": round(t["model_wrong"] / n, 3),
            "model_mutual_flagged": round(t["model_flags_mutual"] / m, 3),
            "wording_recall": round(t["wording_right"] / n, 3), "wording_wrong_party": round(t["wording_wrong"] / n, 3),
            "wording_mutual_flagged": round(t["wording_flags_mutual"] / m, 3)}


def cross_validate(items: Sequence[dict[str, Any]], c: float = C, folds: int = FOLDS) -> list[tuple[float, float, float]]:
    """Out-of-fold probabilities, folds by contract (a contract's spans are never scored by a model that saw it)."""
    from ..ledger.holder_model import HolderModel

    docs = sorted({e["doc"] for e in items})
    np.random.RandomState(0).shuffle(docs)
    fold = {d: i % folds for i, d in enumerate(docs)}
    out: list[tuple[float, float, float]] = [(0.0, 0.0, 0.0)] * len(items)
    for k in range(folds):
        vocab, w, b = fit([e for e in items if fold[e["doc"]] != k], c)
        model = HolderModel(vocabulary=tuple(vocab), weights=w, bias=b)
        for i, e in enumerate(items):
            if fold[e["doc"]] == k:
                out[i] = model.probabilities(e["tokens"], e["category"])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("models/ledger_holder"))
    ap.add_argument("--labels-root", type=Path, default=Path("."), help="checkout holding bench/labels/")
    ap.add_argument("--sets", nargs="+", default=list(TRAIN_SETS), help="label files to train on")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validated report")
    args = ap.parse_args(argv)
    if any("test" in s for s in args.sets):
        ap.error("the test label sets are kept for measurement and never trained on")

    def log(msg: str) -> None:
        sys.stderr.write(msg + "\n")

    items = examples(args.data, _rows(args.labels_root, args.sets), log)
    report: dict[str, Any] = {"sets": args.sets, "examples": len(items),
                              "contracts": len({e["doc"] for e in items}), "c": args.c, "min_count": MIN_COUNT}
    if not args.no_cv:
        probs = cross_validate(items, args.c)
        report["cross_validated"] = _score(items, probs)
        report["cross_validated_by_set"] = {s: _score([e for e in items if e["set"] == s],
                                                      [p for e, p in zip(items, probs) if e["set"] == s])
                                            for s in args.sets}
    vocab, w, b = fit(items, args.c)
    report["vocabulary"] = len(vocab)
    save_holder_model(args.out / "holder.npz", vocab, w, b)
    (args.out / "training_report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    log(json.dumps({k: v for k, v in report.items() if k != "cross_validated_by_set"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
