"""A lawyer's check of the tagger: 100 tagged clauses from 10 held-out CUAD contracts, judged by hand.

``python bench/tag_hand_check.py --sample FILE`` tags 10 held-out contracts (the held-out part of
``leverage_lens.evaluate.data.part_of``, never used for training or tuning, taken in the order of a hash of
their ``doc_id``) and writes 10 tagged clauses of each, drawn at random with a fixed seed, as JSON lines
with the clause's text and tags and an empty ``verdict``, for a reader to fill in: ``agree`` when every tag
on the clause says what the clause is about (in the sense of the category's CUAD description for learnt
categories), ``disagree`` otherwise, with a ``note`` saying which tag is wrong and why.
A fresh round on contracts nobody has read: ``--salt handcheck6 --skip-read bench/labels/tag_*.jsonl``.
``python bench/tag_hand_check.py --score FILE`` reports the share of clauses judged ``agree`` (and per
family, counting each tag). The labels of the round in ``docs/evaluation.md`` are kept in
``bench/labels/tag_hand_check.jsonl``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leverage_lens.api import Analyzer
from leverage_lens.evaluate.data import load_cuad

CONTRACTS = 10
PER_CONTRACT = 10
SEED = 20


def read_before(paths: list[Path]) -> set[str]:
    """Contracts a reader has already seen in earlier label files (a fresh check must not reuse them)."""
    seen: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.add(json.loads(line)["doc_id"])
    return seen


def sample(data: Path, out: Path, model: Path, salt: str = "handcheck", skip: set[str] | None = None) -> None:
    from leverage_lens.tag.tagger import ClauseTagger

    held = sorted((c for c in load_cuad(data, parts=["held-out"]) if c.doc_id not in (skip or set())),
                  key=lambda c: hashlib.sha256(f"{salt}:{c.doc_id}".encode()).hexdigest())
    analyzer = Analyzer()
    analyzer._tagger = ClauseTagger(model_path=model)  # the repository's model, not an installed one
    rows = []
    taken = 0
    for c in held:
        report = analyzer.analyze(analyzer.parse_text(c.text, name=c.doc_id))
        tagged = [cl for cl in report.clauses if cl.tags]
        if len(tagged) < PER_CONTRACT:
            continue
        for cl in sorted(random.Random(f"{SEED}:{c.doc_id}").sample(tagged, PER_CONTRACT), key=lambda x: x.start):
            rows.append({"doc_id": c.doc_id, "start": cl.start, "end": cl.end, "number": cl.number,
                         "heading": cl.heading, "text": cl.text[:700],
                         "tags": [{"category": t.category, "confidence": t.confidence, "source": t.source,
                                   "words": [report.document.text[s.start:s.end] for s in t.evidence
                                             if s.label == "words"]} for t in cl.tags],
                         "verdict": "", "note": ""})
        taken += 1
        if taken == CONTRACTS:
            break
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} clauses of {taken} contracts to {out}")


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = [r for r in rows if r["verdict"] in ("agree", "disagree")]
    agree = sum(r["verdict"] == "agree" for r in judged)
    print(f"{len(judged)} clauses judged in {len({r['doc_id'] for r in judged})} contracts: "
          f"{agree} agree ({agree / max(len(judged), 1):.3f})")
    tags: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for r in judged:
        bad = set(r.get("wrong_tags", []))
        for t in r["tags"]:
            fam = t["category"].split(".")[0]
            tags[fam] += 1
            wrong[fam] += t["category"] in bad
    for fam, n in tags.most_common():
        print(f"  {fam:16s} {n:3d} tags, {n - wrong[fam]:3d} right ({(n - wrong[fam]) / n:.2f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "leverage_lens_tagger")
    ap.add_argument("--salt", default="handcheck", help="hash salt ordering the held-out contracts")
    ap.add_argument("--skip-read", type=Path, nargs="*", default=[],
                    help="label files whose contracts were read before (left out of a fresh sample)")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--sample", type=Path, help="write a fresh sample to judge")
    group.add_argument("--score", type=Path, help="score a judged sample")
    args = ap.parse_args()
    if args.sample:
        sample(args.data, args.sample, args.model, args.salt, read_before(args.skip_read))
    else:
        score(args.score)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
