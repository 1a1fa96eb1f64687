"""Hand-review precision of the drafting (ambiguity) rules: draw a sample to read, then score the labels.

Two steps, both on CUAD texts read from the shared data folder (nothing from the data is stored but a short
quote per label):

* ``sample``: run the ambiguity rules on a slice of the contracts (sorted by name; ``--offset``/``--limit``),
  leave out contracts named in earlier label files (``--exclude``), and write a random sample of up to
  ``--per-rule`` findings per rule (``--seed``) with their context to a worksheet *outside* the repository.
  The reviewer adds ``verdict`` ("correct" / "wrong") and ``reason`` to each line and saves the labelled lines
  as ``bench/labels/ambiguity_*.jsonl`` (doc, rule, start, end, quote, verdict, reason, seed, offsets).
* ``score``: re-run the rules on every contract named in a label file, join the labels to today's findings by
  (doc, rule, start, end) and print precision per rule (labels whose finding no longer fires are counted as
  *gone*: a fix removed them), and noise (findings per 10,000 characters per rule) on the slice.

    python bench/review_precision.py sample --offset 200 --limit 203 --exclude bench/labels/ambiguity_review.jsonl \
        --seed 11 --min-severity medium --out /tmp/worksheet.jsonl
    python bench/review_precision.py score bench/labels/ambiguity_review_r3.jsonl --offset 200 --limit 203
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy

import leverage_lens
from leverage_lens.checks import CheckContext, Registry
from leverage_lens.model import Finding

ROOT = Path(__file__).resolve().parents[1]
_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}


def _paths(data: Path, offset: int, limit: int) -> list[Path]:
    return sorted((data / "cuad" / "txt").glob("*.txt"))[offset: offset + limit]


def _labelled_docs(files: list[Path]) -> set[str]:
    out: set[str] = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["doc"])
    return out


def _findings(path: Path, reg: Registry, min_rank: int) -> tuple[str, list[Finding]]:
    text = path.read_text(encoding="utf-8")
    doc = leverage_lens.parse_text(text, name=path.name)
    ctx = CheckContext.build(doc)
    found = [f for r in reg.rules("ambiguity") if _RANK[r.severity.value] >= min_rank for f in r.run(ctx)]
    return doc.text, found


def sample(args: argparse.Namespace) -> None:
    reg = Registry()
    skip = _labelled_docs(args.exclude)
    seen = {(x["doc"], x["rule"], x["start"], x["end"]) for f in args.skip_seen
            for x in map(json.loads, f.read_text(encoding="utf-8").splitlines())}
    paths = [p for p in _paths(args.data, args.offset, args.limit) if p.name not in skip]
    by_rule: dict[str, list[dict]] = defaultdict(list)
    chars = 0
    for p in paths:
        text, found = _findings(p, reg, _RANK[args.min_severity])
        chars += len(text)
        for f in found:
            if (p.name, f.rule, f.start, f.end) in seen:
                continue
            by_rule[f.rule].append({"doc": p.name, "rule": f.rule, "severity": f.severity.value, "start": f.start,
                                    "end": f.end, "quote": f.quote[:80], "message": f.message,
                                    "context": " ".join(text[max(0, f.start - 300): f.end + 200].split())})
    rng = random.Random(args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for rule_id in sorted(by_rule):
            items = by_rule[rule_id]
            rng.shuffle(items)
            for it in items[: args.per_rule]:
                fh.write(json.dumps({**it, "seed": args.seed, "offset": args.offset, "limit": args.limit},
                                    ensure_ascii=False) + "\n")
    print(f"{len(paths)} contracts ({chars:,} chars), {len(skip)} excluded as reviewed before, "
          f"{len(seen)} findings left out as read while tuning")
    for rule_id in sorted(by_rule):
        print(f"{rule_id:45} {len(by_rule[rule_id]):5d} findings, {min(len(by_rule[rule_id]), args.per_rule)} sampled")
    print(f"worksheet: {args.out}")


def score(args: argparse.Namespace) -> None:
    labels = [json.loads(x) for f in args.labels for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    reg = Registry()
    docs = sorted({lab["doc"] for lab in labels})
    current: dict[str, set[tuple[str, int, int]]] = {}
    for name in docs:
        _, found = _findings(args.data / "cuad" / "txt" / name, reg, 0)
        current[name] = {(f.rule, f.start, f.end) for f in found}
    stats: dict[str, Counter] = defaultdict(Counter)
    for lab in labels:
        key = (lab["rule"], lab["start"], lab["end"])
        verdict = lab.get("verdict") or ("correct" if lab.get("correct") else "wrong")
        stats[lab["rule"]][verdict] += 1
        stats[lab["rule"]][("now_" if key in current[lab["doc"]] else "gone_") + verdict] += 1
    print(f"{len(labels)} labels on {len(docs)} contracts. 'as reviewed': every label; 'now': the labelled findings "
          "today's rules still report ('gone': no longer reported, by verdict)")
    print(f"{'rule':45} {'severity':8} {'reviewed':>8} {'precision':>9} {'now':>5} {'precision':>9} "
          f"{'gone ok/wrong':>13}")
    for rule_id in sorted(stats):
        c = stats[rule_id]
        n, now = c["correct"] + c["wrong"], c["now_correct"] + c["now_wrong"]
        p = c["correct"] / n if n else float("nan")
        pn = c["now_correct"] / now if now else float("nan")
        print(f"{rule_id:45} {reg.get(rule_id).severity.value:8} {n:8d} {p:9.2f} {now:5d} {pn:9.2f} "
              f"{c['gone_correct']:6d}/{c['gone_wrong']:<6d}")
    if args.limit:
        noise(args, reg)


def noise(args: argparse.Namespace, reg: Registry) -> None:
    counts: Counter = Counter()
    chars = 0
    paths = _paths(args.data, args.offset, args.limit)
    for p in paths:
        text, found = _findings(p, reg, 0)
        chars += len(text)
        counts.update(f.rule for f in found)
    print(f"\nNoise on {len(paths)} contracts ({chars:,} chars; load average {os.getloadavg()[0]:.2f}): "
          "findings per 10,000 characters")
    for r in reg.rules("ambiguity"):
        print(f"{r.id:45} {r.severity.value:8} {counts[r.id]:6d} {counts[r.id] / chars * 1e4:8.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--offset", type=int, default=0)
    s.add_argument("--limit", type=int, default=403)
    s.add_argument("--exclude", type=Path, nargs="*", default=[])
    s.add_argument("--skip-seen", type=Path, nargs="*", default=[],
                   help="worksheets of findings already read while tuning: left out of the sample")
    s.add_argument("--seed", type=int, default=11)
    s.add_argument("--per-rule", type=int, default=60)
    s.add_argument("--min-severity", default="medium", choices=list(_RANK))
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("labels", type=Path, nargs="+")
    c.add_argument("--offset", type=int, default=0, help="noise: the slice of contracts (with --limit)")
    c.add_argument("--limit", type=int, default=0, help="noise on this many contracts (0: no noise table)")
    args = ap.parse_args()
    sample(args) if args.cmd == "sample" else score(args)


if __name__ == "__main__":
    main()
