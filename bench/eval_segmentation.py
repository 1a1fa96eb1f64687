"""How well clause boundaries agree with what lawyers marked as one clause (CUAD spans).

For every labelled CUAD span of at least 40 characters (``spans.jsonl``, located spans only), the span
counts as *kept whole* when it lies inside one clause of at most 4,000 characters of
``parse_text(txt)``. The span's own leading and trailing white space is ignored. Reported: the share kept
whole, overall and per category; why the others fail (cut by a boundary, or only inside an over-long
clause); and the segmentation speed in characters per second.

    python bench/eval_segmentation.py [--data ../shared/data] [--limit N] [--worst 10] [--write docs/segmentation.md]
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens  # noqa: E402

MAX_CLAUSE = 4000
MIN_SPAN = 40


def load_spans(data: Path) -> dict[str, list[dict]]:
    spans: dict[str, list[dict]] = collections.defaultdict(list)
    with open(data / "cuad" / "spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["start"] is None or row["end"] - row["start"] < MIN_SPAN:
                continue
            spans[row["doc_id"]].append(row)
    return spans


def kept_whole(clauses: list[tuple[int, int]], starts: list[int], start: int, end: int) -> str:
    """'ok', 'cut' (no clause holds it) or 'long' (only clauses over the size limit hold it)."""
    i = bisect.bisect_right(starts, start)
    holders = [c for c in clauses[:i] if c[0] <= start and end <= c[1]]
    if not holders:
        return "cut"
    if any(c[1] - c[0] <= MAX_CLAUSE for c in holders):
        return "ok"
    return "long"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--write", type=Path, default=None, help="write a markdown summary to this file")
    args = ap.parse_args()

    spans = load_spans(args.data)
    docs = sorted(spans)[: args.limit] if args.limit else sorted(spans)
    outcome: collections.Counter[str] = collections.Counter()
    per_cat: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    per_doc: list[tuple[float, str, int]] = []
    chars = 0
    seconds = 0.0
    sizes: list[int] = []
    for doc_id in docs:
        text = (args.data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        doc = leverage_lens.parse_text(text, name=doc_id)
        seconds += time.perf_counter() - t0
        chars += len(text)
        clauses = sorted((c.start, c.end) for c in doc.clauses)
        starts = [c[0] for c in clauses]
        sizes.extend(c.end - c.start for c in doc.clauses if not any(k.parent_id == c.id for k in ()))
        ok = 0
        for row in spans[doc_id]:
            s, e = row["start"], row["end"]
            seg = text[s:e]
            s += len(seg) - len(seg.lstrip())
            e -= len(seg) - len(seg.rstrip())
            result = kept_whole(clauses, starts, s, e)
            outcome[result] += 1
            per_cat[row["category"]][result] += 1
            ok += result == "ok"
        per_doc.append((ok / len(spans[doc_id]), doc_id, len(spans[doc_id])))

    total = sum(outcome.values())
    share = outcome["ok"] / total
    lines = [
        f"documents: {len(docs)}  spans (>= {MIN_SPAN} chars): {total}",
        f"kept whole in one clause <= {MAX_CLAUSE} chars: {share:.3f}  (cut by a boundary: "
        f"{outcome['cut'] / total:.3f}, only in over-long clauses: {outcome['long'] / total:.3f})",
        f"segmentation speed (parse_text): {chars / seconds / 1e6:.2f} M chars/s over {chars / 1e6:.1f} M chars",
        f"median clause length: {statistics.median(sizes):.0f} chars",
        "",
        "| category | spans | kept whole |",
        "|---|---:|---:|",
    ]
    for cat, cnt in sorted(per_cat.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(cnt.values())
        lines.append(f"| {cat} | {n} | {cnt['ok'] / n:.3f} |")
    print("\n".join(lines))
    print("\nworst documents:")
    for frac, doc_id, n in sorted(per_doc)[: args.worst]:
        print(f"  {frac:.2f}  ({n:3d} spans)  {doc_id}")
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
