"""Which CUAD spans the one-sided label sets hold: the deterministic selection of ONE_SIDED_LABELS.md.

Why a script: the selection has to be reproducible by the other labeller and by a reviewer, and it is
made *before* any rule is run, so it may only look at CUAD's own spans and the contracts' text, never at
findings. It prints one JSON line per selected span (doc_id, part, cuad_category, category, start, end,
sentence_start, sentence_end, match); the labels are then added by reading.

    python bench/labels/one_sided_select.py --parts train dev --min-spans 330 --min-docs 40 > selection.jsonl

Later sets leave out every contract an earlier set read (``--skip-labelled FILE ...``) and may take a
range of doc_ids (``--from-doc``, ``--to-doc``) so that two labellers never read the same contract.

Rules (written down in ONE_SIDED_LABELS.md):
1. contracts of the given parts (``part_of``) in sorted doc_id order;
2. in each contract, spans of the one-sided categories in file order (start, end, category), ``missing``
   spans skipped, a span skipped when a span of the same category already taken in that contract overlaps
   it or shares a sentence with it (near duplicates), at most ``--per-doc`` spans;
3. stop phase 1 after the contract that brings the total to ``--min-spans`` spans and ``--min-docs``
   contracts; phase 2 continues the order, taking only spans of categories that still have fewer than
   ``--min-per-category`` spans, until every category has that many or the contracts run out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from leverage_lens.evaluate.data import part_of
from leverage_lens.taxonomy import default

CATEGORIES = (
    "Termination for Convenience", "Change of Control", "Renewal Term", "Notice Period to Terminate Renewal",
    "Exclusivity", "Non-Compete", "No-Solicit of Employees", "No-Solicit of Customers", "Most Favored Nation",
    "Rofr/Rofo/Rofn", "Minimum Commitment", "Volume Restriction", "Price Restrictions", "Revenue/Profit Sharing",
    "Audit Rights", "Anti-Assignment", "IP Ownership Assignment", "License Grant",
    "Irrevocable or Perpetual License", "Cap on Liability", "Uncapped Liability", "Insurance",
    "Warranty Duration", "Liquidated Damages", "Covenant Not to Sue", "Non-Disparagement",
    "Post-Termination Services",
)

_ABBREV = re.compile(r"(?:\b(?:Inc|Ltd|Co|Corp|No|Nos|Sec|Art|Mr|Ms|Dr|St|vs|etc|approx|U\.S|e\.g|i\.e|[A-Z])\.)$")
_END = re.compile(r"[.?!][\"'\u201d)]*\s+(?=[\"'\u201c(]?[A-Z0-9(])|\n[ \t]*\n")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Rough sentences: a full stop followed by a capital, or a blank line. Good enough to group spans."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == "." and _ABBREV.search(text[max(0, m.start() - 8):m.start() + 1]):
            continue
        end = m.start() + (1 if m.group(0)[0] in ".?!" else 0)
        if text[start:end].strip():
            bounds.append((start, end))
        start = m.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def covering(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) that the span [start, end) touches, leading white space dropped."""
    touched = [b for b in bounds if b[0] < end and b[1] > start] or [(start, end)]
    s, e = min(touched[0][0], start), max(touched[-1][1], end)
    while s < start and text[s].isspace():
        s += 1
    return s, e


def select(cuad: Path, parts: set[str], min_spans: int, min_docs: int, per_doc: int,
           min_per_category: int, skip: frozenset[str] = frozenset(), from_doc: str = "",
           to_doc: str = "\U0010ffff", seen: dict[str, list[tuple[str, int, int]]] | None = None,
           ) -> Iterator[dict[str, object]]:
    mapping = default().cuad
    by_doc: dict[str, list[dict[str, object]]] = {}
    with open(cuad / "spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["category"] in CATEGORIES and row["match"] != "missing":
                by_doc.setdefault(row["doc_id"], []).append(row)
    docs = sorted(d for d in by_doc if part_of(d) in parts and d not in skip and from_doc <= d < to_doc)
    counts: Counter[str] = Counter()
    total, n_docs, phase = 0, 0, 1
    for doc in docs:
        if phase == 2 and all(counts[c] >= min_per_category for c in CATEGORIES):
            break
        text = (cuad / "txt" / f"{doc}.txt").read_text(encoding="utf-8")
        bounds = sentence_bounds(text)
        taken: list[dict[str, object]] = []
        for row in sorted(by_doc[doc], key=lambda r: (r["start"], r["end"], r["category"])):
            if len(taken) >= per_doc:
                break
            cat = str(row["category"])
            if phase == 2 and counts[cat] >= min_per_category:
                continue
            s, e = covering(text, bounds, int(row["start"]), int(row["end"]))
            if any(t["cuad_category"] == cat and t["sentence_start"] < e and s < t["sentence_end"] for t in taken):
                continue
            if seen and any(c == cat and a < e and s < b for c, a, b in seen.get(doc, ())):
                continue  # labelled in an earlier set (or a near duplicate of one that was)
            item = {"doc_id": doc, "part": part_of(doc), "cuad_category": cat, "category": mapping[cat],
                    "start": row["start"], "end": row["end"], "sentence_start": s, "sentence_end": e,
                    "match": row["match"]}
            taken.append(item)
            counts[cat] += 1
        if taken:
            n_docs += 1
            total += len(taken)
            yield from taken
        if phase == 1 and total >= min_spans and n_docs >= min_docs:
            phase = 2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cuad", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "data" / "cuad")
    ap.add_argument("--parts", nargs="+", default=["train", "dev"])
    ap.add_argument("--min-spans", type=int, default=330)
    ap.add_argument("--min-docs", type=int, default=40)
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--min-per-category", type=int, default=8)
    ap.add_argument("--skip-labelled", nargs="*", type=Path, default=[],
                    help="label files whose contracts are left out (a later set never re-reads a contract)")
    ap.add_argument("--from-doc", default="", help="first doc_id (inclusive, string order) to consider")
    ap.add_argument("--to-doc", default="\U0010ffff", help="doc_id (exclusive, string order) to stop before")
    ap.add_argument("--skip-spans", nargs="*", type=Path, default=[],
                    help="label files whose spans (and near duplicates) are left out, their contracts kept: "
                    "a later set takes the spans an earlier one's per-contract cap left")
    args = ap.parse_args(argv)
    seen: dict[str, list[tuple[str, int, int]]] = {}
    for f in args.skip_spans:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                seen.setdefault(r["doc_id"], []).append((r.get("cuad_category", r.get("category", "")),
                                                         r.get("sentence_start", r["start"]),
                                                         r.get("sentence_end", r["end"])))
    skip = frozenset(json.loads(line)["doc_id"] for f in args.skip_labelled
                     for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    for item in select(args.cuad, set(args.parts), args.min_spans, args.min_docs, args.per_doc,
                       args.min_per_category, skip, args.from_doc, args.to_doc, seen):
        sys.stdout.write(json.dumps(item) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
