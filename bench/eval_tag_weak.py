"""Held-out measures of the tags the ledger reads, beyond ``leverage-lens eval cuad``.

``python bench/eval_tag_weak.py --weak [--model DIR]``: the weak labels (categories CUAD does not label,
learnt from headings; :mod:`leverage_lens.training.tag_weak`) on the held-out CUAD contracts, never read by
training. Each unit's heading is hidden from the model (as in training) and its score compared with what the
unit's nearest heading names: precision, recall and average precision at the label's threshold. This says how
well the words alone find what a heading would have named; the product also reads the heading.

``python bench/eval_tag_weak.py --spans bench/labels/one_sided_test.jsonl [--model DIR]``: for labelled
one-sided spans (CUAD categories), how often the deepest clause holding the span's sentence carries a tag of
the span's category at confidence >= 0.6 (what the ledger reads as a clause-tag reading).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def weak(model: Path | None) -> None:
    from sklearn.metrics import average_precision_score

    from leverage_lens.api import Analyzer
    from leverage_lens.evaluate.data import load_cuad
    from leverage_lens.tag import ClauseTagger
    from leverage_lens.tag.units import units
    from leverage_lens.taxonomy import default
    from leverage_lens.training.tag_weak import heading_targets, without_heading

    tagger = ClauseTagger(model_path=model)
    m = tagger.model
    weak_labels = list(m.weak_labels)
    cols = [m.labels.index(k) for k in weak_labels]
    parser = Analyzer()
    texts, contexts, n_docs = [], [], 0
    tag_sources: Counter[tuple[str, str]] = Counter()
    for c in load_cuad(DATA, parts=["held-out"]):
        doc = parser.parse_text(c.text, name=c.doc_id)
        n_docs += 1
        for u in units(doc.clauses):
            texts.append(without_heading(u.model_text(doc.text)))
            contexts.append(u.context)
        for cl in tagger.tag(doc.clauses, doc.text):
            for t in cl.tags:
                if t.category in m.weak_labels or t.category in {"disputes.jurisdiction", "payment.terms"}:
                    tag_sources[(t.category, t.source)] += 1
    probs = m.probability_matrix([m.nlp.make_doc(t) for t in texts])[:, cols]
    pos, unsure = heading_targets(contexts, default(), weak_labels)
    print(f"held-out: {n_docs} contracts, {len(texts)} units; heading hidden from the model")
    print("| weak label | headed units | precision | recall | average precision | tags in the product (model / heading) |")
    print("|---|---:|---:|---:|---:|---:|")
    for j, k in enumerate(weak_labels):
        keep = np.array([k not in u for u in unsure])
        y = np.array([k in p for p in pos])[keep]
        p = probs[keep, j]
        said = p >= m.weak_labels[k]
        tp = int((said & y).sum())
        ap = average_precision_score(y, p) if y.any() else float("nan")
        print(f"| `{k}` | {int(y.sum())} | {tp / max(1, int(said.sum())):.3f} | {tp / max(1, int(y.sum())):.3f} | "
              f"{ap:.3f} | {tag_sources[(k, 'model')]} / {tag_sources[(k, 'heading')]} |")


def spans(path: Path, model: Path | None) -> None:
    from leverage_lens.api import Analyzer
    from leverage_lens.evaluate.data import _cuad_dir
    from leverage_lens.tag import ClauseTagger

    tagger = ClauseTagger(model_path=model)
    parser = Analyzer()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc_id"]].append(r)
    root = _cuad_dir(DATA)
    hit = total = loose = 0
    per: Counter[str] = Counter()
    per_hit: Counter[str] = Counter()
    for doc_id, items in sorted(by_doc.items()):
        text = (root / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        doc = parser.parse_text(text, name=doc_id)
        clauses = tagger.tag(doc.clauses, doc.text)
        for r in items:
            at = r.get("sentence_start", r["start"])
            holding = [c for c in clauses if c.start <= at < c.end]
            deepest = max(holding, key=lambda c: c.start, default=None)
            ok = deepest is not None and any(t.category == r["category"] and t.confidence >= 0.6 for t in deepest.tags)
            anyc = any(t.category == r["category"] for c in clauses if c.start < r["end"] and r["start"] < c.end
                       for t in c.tags)
            total += 1
            hit += ok
            loose += anyc
            per[r["category"]] += 1
            per_hit[r["category"]] += ok
    print(f"{path.name}: {hit} of {total} spans ({hit / max(1, total):.3f}) sit in a clause tagged with their category "
          f"at >= 0.6 ({len(by_doc)} contracts); {loose} ({loose / max(1, total):.3f}) overlap a clause tagged with it")
    for k, n in per.most_common(12):
        print(f"  {k}: {per_hit[k]}/{n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weak", action="store_true")
    ap.add_argument("--spans", type=Path)
    ap.add_argument("--model", type=Path, default=None, help="a tagger model folder (default: the packaged one)")
    args = ap.parse_args()
    if args.weak:
        weak(args.model)
    if args.spans:
        spans(args.spans, args.model)


if __name__ == "__main__":
    main()
