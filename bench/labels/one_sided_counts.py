"""Counts of a one-sided label file, per CUAD category and label, as a Markdown table.

Why: ONE_SIDED_LABELS.md quotes these counts for the dev and the test set; printing them from the file
keeps the document honest when labels are added or corrected.

    python bench/labels/one_sided_counts.py bench/labels/one_sided_dev.jsonl

Also prints the totals, the number of contracts, how many one-sided spans the contract mirrors elsewhere,
and, with ``--check-offsets CUAD_DIR``, whether every exact CUAD span still matches the contract text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

LABELS = ("one_sided", "mutual", "unclear")


def read(path: Path) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def table(rows: list[dict[str, object]]) -> str:
    """The Markdown table: one row per CUAD category (most spans first), then the total."""
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        per[str(row["cuad_category"])][str(row["label"])] += 1
    lines = ["| CUAD category | taxonomy id | one_sided | mutual | unclear | total |", "|---|---|---:|---:|---:|---:|"]
    ids = {str(r["cuad_category"]): str(r["category"]) for r in rows}
    for cat in sorted(per, key=lambda c: (-sum(per[c].values()), c)):
        c = per[cat]
        lines.append(f"| {cat} | `{ids[cat]}` | " + " | ".join(str(c[k]) for k in LABELS) + f" | {sum(c.values())} |")
    total = Counter(str(r["label"]) for r in rows)
    lines.append("| **total** | | " + " | ".join(f"**{total[k]}**" for k in LABELS) + f" | **{len(rows)}** |")
    return "\n".join(lines)


def summary(rows: list[dict[str, object]]) -> str:
    docs = {r["doc_id"] for r in rows}
    parts = Counter(str(r["part"]) for r in rows)
    one = [r for r in rows if r["label"] == "one_sided"]
    mirror = Counter(str(r.get("mirror_elsewhere")) for r in one)
    return (f"{len(rows)} spans in {len(docs)} contracts (CUAD parts: "
            + ", ".join(f"{k} {v}" for k, v in sorted(parts.items()))
            + f"); one-sided spans mirrored elsewhere in the contract: {mirror['True']} yes, "
            f"{mirror['False']} no, {mirror['None']} not checked")


def check_offsets(rows: list[dict[str, object]], cuad: Path) -> list[str]:
    """Problems with offsets: exact spans must equal CUAD's text; sentences must cover the span."""
    gold = {}
    with open(cuad / "spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            if g["start"] is not None:
                gold[(g["doc_id"], g["category"], g["start"], g["end"])] = g
    problems = []
    for r in rows:
        text = (cuad / "txt" / f"{r['doc_id']}.txt").read_text(encoding="utf-8")
        g = gold.get((r["doc_id"], r["cuad_category"], r["start"], r["end"]))
        if g is None:
            problems.append(f"{r['doc_id']} {r['start']}: not a CUAD span")
        elif g["match"] == "exact" and text[int(r["start"]):int(r["end"])] != g["text"]:
            problems.append(f"{r['doc_id']} {r['start']}: text differs from CUAD")
        if not int(r["sentence_start"]) <= int(r["start"]) <= int(r["end"]) <= int(r["sentence_end"]):
            problems.append(f"{r['doc_id']} {r['start']}: sentence offsets do not cover the span")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--check-offsets", type=Path, metavar="CUAD_DIR")
    args = ap.parse_args(argv)
    status = 0
    for path in args.files:
        rows = read(path)
        print(f"### {path.name}\n\n{summary(rows)}\n\n{table(rows)}\n")
        if args.check_offsets:
            problems = check_offsets(rows, args.check_offsets)
            print(f"offset check: {len(problems)} problem(s)")
            for p in problems:
                print("  " + p)
            status = status or int(bool(problems))
    return status


if __name__ == "__main__":
    sys.exit(main())
