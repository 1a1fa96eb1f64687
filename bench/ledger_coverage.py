"""How much of CUAD's one-sided-topic spans the ledger places on a topic at all (any direction), on contracts
outside the labelled sets: a recall ceiling measured on many more spans than the labels hold, safe to tune
on because it reads no held-out contract and no labelled direction.

    python bench/ledger_coverage.py [--limit N] [--category "Cap on Liability"]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens  # noqa: E402
from leverage_lens.evaluate.data import part_of  # noqa: E402

CATEGORIES = (
    "Termination for Convenience", "Change of Control", "Exclusivity", "Non-Compete", "No-Solicit of Employees",
    "No-Solicit of Customers", "Most Favored Nation", "Rofr/Rofo/Rofn", "Minimum Commitment", "Volume Restriction",
    "Price Restrictions", "Revenue/Profit Sharing", "Audit Rights", "Anti-Assignment", "IP Ownership Assignment",
    "License Grant", "Irrevocable or Perpetual License", "Cap on Liability", "Uncapped Liability", "Insurance",
    "Warranty Duration", "Liquidated Damages", "Covenant Not to Sue", "Non-Disparagement",
    "Post-Termination Services",
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--category")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    labelled = set()
    for name in ("one_sided_dev.jsonl", "one_sided_test.jsonl"):
        path = ROOT / "bench" / "labels" / name
        if path.exists():
            labelled |= {json.loads(line)["doc_id"] for line in path.open(encoding="utf-8")}
    spans: dict[str, list[dict]] = defaultdict(list)
    for line in (args.data / "cuad" / "spans.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["start"] is None or r["category"] not in CATEGORIES or (args.category and r["category"] != args.category):
            continue
        if part_of(r["doc_id"]) == "train" and r["doc_id"] not in labelled:
            spans[r["doc_id"]].append(r)
    docs = sorted(spans)[: args.limit]
    analyzer = leverage_lens.Analyzer()
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc_id in docs:
        text = (args.data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        report = analyzer.analyze(leverage_lens.parse_text(text, name=doc_id))
        for r in spans[doc_id]:
            total[r["category"]] += 1
            on = any(e.start < r["end"] and r["start"] < e.end for e in report.ledger.entries
                     if e.basis == "wording")
            hit[r["category"]] += on
            if args.verbose and not on:
                print("UNCOVERED", r["category"], "|", " ".join(r["text"].split())[:200])
    print(f"{len(docs)} train contracts outside the labelled sets; spans covered by a wording entry:")
    for c in sorted(total, key=lambda c: -total[c]):
        print(f"  {c:36s} {hit[c]:4d} / {total[c]:4d} = {hit[c] / total[c]:.2f}")
    print(f"  {'all':36s} {sum(hit.values()):4d} / {sum(total.values()):4d} = {sum(hit.values()) / sum(total.values()):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
